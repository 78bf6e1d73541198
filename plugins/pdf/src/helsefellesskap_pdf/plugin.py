"""The plugin module named by the entry point: it registers the ``pdf`` format.

Importing this module imports nothing but the hook marker: the format is declared by
name (:func:`~helsefellesskap.render.lazy.lazy_format`) and its module
(:mod:`helsefellesskap_pdf.format`, which builds on the HTML format) imported when it
first renders; WeasyPrint when it writes. Listing plugins, checking data or rendering
other formats stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helsefellesskap import hookimpl

if TYPE_CHECKING:
    from helsefellesskap import LabelCatalogue, RenderFormat

__all__ = ["MEDIA_TYPE", "hf_label_catalogues", "hf_render_formats"]

MEDIA_TYPE = "application/pdf"
"""The media type of a PDF file."""


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The PDF format, its class imported when it first renders."""
    from helsefellesskap.render.lazy import lazy_format

    return [
        lazy_format(
            "helsefellesskap_pdf.format:PdfFormat",
            name="pdf",
            extension=".pdf",
            media_type=MEDIA_TYPE,
        )
    ]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The words of the PDF footer, in bokmål, nynorsk and English."""
    from .labels import catalogues

    return catalogues()
