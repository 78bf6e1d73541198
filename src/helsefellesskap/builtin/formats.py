"""Built-in plugin: the Markdown, JSON and HTML render formats."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..render.format import RenderFormat
from ..render.html import HtmlFormat
from ..render.json import JsonFormat
from ..render.markdown import MarkdownFormat

__all__ = ["hf_render_formats"]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The built-in formats: ``md``, ``json`` and ``html``."""
    return [MarkdownFormat(), JsonFormat(), HtmlFormat()]
