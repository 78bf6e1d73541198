"""The plugin module named by the entry point: it registers the ``pdf`` format.

Importing this module does not import WeasyPrint; that happens on the first render,
so that listing plugins or rendering other formats stays fast.
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue, RenderFormat, hookimpl

from .format import PdfFormat
from .labels import catalogues

__all__ = ["hf_label_catalogues", "hf_render_formats"]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The PDF format."""
    return [PdfFormat()]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The words of the PDF footer, in bokmål, nynorsk and English."""
    return catalogues()
