"""The ``docx`` render format: what it declares, and the hand-over to the outline writer."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from helsefellesskap import RenderContext, RenderError, RenderFormat
from helsefellesskap.model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FundingRound,
    Partnership,
)
from helsefellesskap.render.format import CORE_RENDERABLES, Renderable

__all__ = ["FALLBACK_DATE", "MEDIA_TYPE", "DocxFormat", "document_date"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
"""The media type of a Word document."""

FALLBACK_DATE = dt.date(2020, 1, 1)
"""The date in the core properties of an item that carries no date of its own."""


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

    Renders every document type of the core and, for a :class:`Partnership`, its
    governance overview: the item's outline, block by block. The output of the same
    input is the same bytes.
    """

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = MEDIA_TYPE
    description: ClassVar[str] = "Word document (python-docx)"
    binary: ClassVar[bool] = True
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to the bytes of a ``.docx`` file."""
        if not self.can_render(item):
            raise RenderError(
                f"the docx format cannot render a {type(item).__name__}: it renders "
                + ", ".join(kind.__name__ for kind in self.renders)
            )
        from helsefellesskap.outline import build_outline
        from helsefellesskap.outline.build import core_builder
        from helsefellesskap.outline.common import item_kind

        if core_builder(item_kind(item)) is None:  # until every builder has landed
            return self._render_layout(item, context)
        outline = build_outline(item, context)
        from .outline import write_outline  # python-docx is imported here, not at start-up

        return write_outline(
            outline,
            reader_language=context.language,
            header=context.partnership.name,
            page_label=context.label("docx.page"),
            of_label=context.label("docx.page_of"),
            date=document_date(item),
            subject=context.label(f"kind.{outline.kind}"),
            document_file=lambda document: self._file_name(document, context),
        )

    def _file_name(self, document: str, context: RenderContext) -> str:
        """The file name of the document ``document`` of the bundle in this format."""
        from helsefellesskap.render.api import output_name

        found: Renderable | None = context.bundle.document(document)
        if found is None and document == context.partnership.id:
            found = context.partnership
        return output_name(found, self) if found is not None else document + self.extension

    def _render_layout(self, item: Renderable, context: RenderContext) -> bytes:
        from .layouts import render_item
        from .layouts.common import data_language
        from .writer import Label

        if data_language(item, context) != context.language:
            labels = {key: Label(text) for key, text in context.labels.items()}
            context = attrs.evolve(context, labels=labels)
        return render_item(item, context)
