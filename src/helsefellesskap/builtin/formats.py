"""Built-in plugin: the Markdown, JSON and HTML render formats.

The renderers are imported when the formats are first asked for, so that a command that
renders nothing (``check``, ``list``) does not import them.
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
    from ..render.html import HtmlFormat
    from ..render.json import JsonFormat
    from ..render.markdown import MarkdownFormat

    return [MarkdownFormat(), JsonFormat(), HtmlFormat()]
