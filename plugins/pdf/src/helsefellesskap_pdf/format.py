"""The ``pdf`` render format: what it declares, and the hand-over to the writer."""

from __future__ import annotations

from typing import ClassVar

from helsefellesskap import RenderContext, RenderFormat
from helsefellesskap.render.format import CORE_RENDERABLES, Renderable
from helsefellesskap.render.html import OWN_LABELS as HTML_LABELS

from .plugin import MEDIA_TYPE

__all__ = ["MEDIA_TYPE", "OWN_LABELS", "PdfFormat"]

OWN_LABELS: tuple[str, ...] = (*HTML_LABELS, "pdf.page", "pdf.page_of")
"""The labels a PDF shows beyond its outline: those of the HTML page it is laid out
from (the kind of document in the masthead, the heading of the table of contents, the
diagram's description) and the words of the footer's ``Side 2 av 7``."""


class PdfFormat(RenderFormat):
    """PDF files made with WeasyPrint from the HTML format's page.

    Renders what the HTML format renders (every core document type, a plugin's type
    that provides its outline, a partnership's governance overview), laid out on A4 by
    a paged stylesheet (:mod:`helsefellesskap_pdf.writer`). The output of the same
    input is the same bytes.
    """

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = MEDIA_TYPE
    description: ClassVar[str] = "PDF for print and e-mail (WeasyPrint, A4, tagged)"
    binary: ClassVar[bool] = True
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES
    outlines: ClassVar[bool] = True
    own_labels: ClassVar[tuple[str, ...]] = OWN_LABELS

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item``'s outline to the bytes of a PDF file (a
        :class:`~helsefellesskap.errors.RenderError` for what has no outline)."""
        from helsefellesskap.errors import RenderError
        from helsefellesskap.model import Document, Partnership
        from helsefellesskap.outline import build_outline
        from helsefellesskap.render.html import HtmlFormat

        if not isinstance(item, (Document, Partnership)):
            from ._messages import message

            raise RenderError(message("pdf.cannot_render", type=type(item).__name__))

        from .writer import write_pdf  # WeasyPrint is imported here, not at start-up

        page = HtmlFormat().template_name(item)
        return write_pdf(build_outline(item, context), context, page, item)
