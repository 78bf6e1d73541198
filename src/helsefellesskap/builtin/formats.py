"""Built-in plugin: the Markdown, JSON and HTML render formats."""

from __future__ import annotations

import importlib

from ..hookspecs import hookimpl
from ..render.format import RenderFormat
from ..render.json import JsonFormat
from ..render.markdown import MarkdownFormat

__all__ = ["hf_render_formats"]


def _html_format() -> RenderFormat | None:
    """The HTML format, once ``render/html.py`` defines ``HtmlFormat``."""
    try:
        module = importlib.import_module("helsefellesskap.render.html")
    except ModuleNotFoundError as error:
        if error.name == "helsefellesskap.render.html":
            return None
        raise
    cls = getattr(module, "HtmlFormat", None)
    return cls() if isinstance(cls, type) and issubclass(cls, RenderFormat) else None


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The built-in formats: ``md``, ``json`` and ``html``."""
    formats: list[RenderFormat] = [MarkdownFormat(), JsonFormat()]
    html = _html_format()
    if html is not None:
        formats.append(html)
    return formats
