"""The ``docx`` render format: what it declares, and the hand-over to the outline writer."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from helsefellesskap import RenderContext, RenderFormat
from helsefellesskap.model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FundingRound,
    Partnership,
)
from helsefellesskap.render.format import CORE_RENDERABLES, Renderable, output_name

__all__ = ["FALLBACK_DATE", "MEDIA_TYPE", "DocxFormat", "document_date", "footer_line", "own_date"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
"""The media type of a Word document."""

FALLBACK_DATE = dt.date(2020, 1, 1)
"""The date in the core properties of an item that carries no date of its own."""


def own_date(item: Renderable) -> dt.date | None:
    """The date the item itself carries (adopted, decided, written), if any."""
    if isinstance(item, ActionPlan | Declaration):
        return item.adopted
    if isinstance(item, FundingRound):
        return item.decided
    if isinstance(item, ConsultationResponse):
        return item.date.earliest
    return None


def footer_line(item: Renderable) -> str:
    """The footer's second line: the item's own date (none where it has none, so that
    the same data gives the same file on any day) and the library's version."""
    from helsefellesskap import __version__

    date = own_date(item)
    parts = (date.isoformat() if date is not None else "", f"helsefellesskap {__version__}")
    return " \u00b7 ".join(part for part in parts if part)


def document_date(item: Renderable) -> dt.date:
    """The date the item is from, for the core properties: adopted, decided, dated."""
    if isinstance(item, ActionPlan | Declaration):
        return item.adopted or item.period.first_day
    if isinstance(item, AnnualReport):
        return dt.date(item.year, 12, 31)
    if isinstance(item, FundingRound):
        return item.decided or dt.date(item.year, 1, 1)
    if isinstance(item, ConsultationResponse):
        return item.date.earliest
    if isinstance(item, Partnership) and item.established:
        return dt.date(item.established, 1, 1)
    return FALLBACK_DATE


class DocxFormat(RenderFormat):
    """Word documents (``.docx``) made with python-docx.

    Renders every document type of the core, a plugin's document type that has an
    outline builder and, for a :class:`Partnership`, its governance overview: the item's
    outline, block by block (:mod:`helsefellesskap_docx.outline`). The output of the
    same input is the same bytes.
    """

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = MEDIA_TYPE
    description: ClassVar[str] = "Word document (python-docx)"
    binary: ClassVar[bool] = True
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES
    outlines: ClassVar[bool] = True
    own_labels: ClassVar[tuple[str, ...]] = ("docx.page", "docx.page_of", "docx.contents")
    """The labels the Word writer shows besides the outline's: the footer's words and
    the heading of the table of contents."""

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item``'s outline to the bytes of a ``.docx`` file: any document the
        core or a plugin builds an outline of (a :class:`RenderError` saying so for
        others), and a partnership's governance overview."""
        from helsefellesskap.outline import build_outline

        outline = build_outline(item, context)
        from .options import find_files
        from .outline import write_outline  # python-docx is imported here, not at start-up

        document = item.id if not isinstance(item, Partnership) else "governance"
        files = find_files(context.template_dirs, outline.kind, document)

        return write_outline(
            outline,
            reader_language=context.language,
            header=context.partnership.name,
            page_label=context.label("docx.page"),
            of_label=context.label("docx.page_of"),
            date=document_date(item),
            subject=context.label(f"kind.{outline.kind}"),
            document_file=lambda document: self.document_file_name(document, context),
            options=files.options,
            template=files.template,
            logo=files.logo,
            contents_label=context.label("docx.contents"),
            footer_line=footer_line(item),
        )

    def document_file_name(self, document: str, context: RenderContext) -> str:
        """The file name of the document ``document`` of the bundle in this format."""
        found: Renderable | None = context.bundle.document(document)
        if found is None and document == context.partnership.id:
            found = context.partnership
        return output_name(found, self) if found is not None else document + self.extension
