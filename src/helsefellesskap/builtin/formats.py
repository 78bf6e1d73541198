"""Built-in plugin: the Markdown, JSON and HTML render formats.

Each is declared by name (:func:`~helsefellesskap.render.lazy.lazy_format`) and its
renderer imported when it first renders, so that a command that renders nothing
(``check``, ``list``, ``plugins``) imports no renderer, and ``render -f md`` does not
import Jinja2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..render.format import RenderFormat

__all__ = ["hf_render_formats"]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The built-in formats: ``md``, ``json`` and ``html``."""
    from ..render.lazy import lazy_format

    return [
        lazy_format(
            "helsefellesskap.render.markdown:MarkdownFormat",
            name="md",
            extension=".md",
            media_type="text/markdown; charset=utf-8",
        ),
        lazy_format(
            "helsefellesskap.render.json:JsonFormat",
            name="json",
            extension=".json",
            media_type="application/json",
        ),
        lazy_format(
            "helsefellesskap.render.html:HtmlFormat",
            name="html",
            extension=".html",
            media_type="text/html",
        ),
    ]
