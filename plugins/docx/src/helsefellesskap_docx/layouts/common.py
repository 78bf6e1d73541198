"""What every Word layout shares: the writer set up for a document, and running text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from helsefellesskap import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    Document,
    FundingRound,
    Partnership,
    RenderContext,
    Section,
)
from helsefellesskap.render import view
from helsefellesskap.render.format import Renderable

from ..writer import Label, Run, WordWriter

__all__ = [
    "FALLBACK_DATE",
    "abbreviation_list",
    "begin",
    "data_language",
    "document_date",
    "fact_lines",
    "kind_of",
    "new_writer",
    "section",
    "start",
]

FALLBACK_DATE = dt.date(2020, 1, 1)
"""The date in the core properties of an item that carries no date of its own."""


def kind_of(item: Renderable) -> str:
    """The kind of ``item`` as the labels name it: its ``KIND``, or ``governance``."""
    return "governance" if isinstance(item, Partnership) else item.KIND


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


def data_language(item: Renderable, context: RenderContext) -> str:
    """The language of ``item``'s data: the document's ``language``, or the layout's for
    the governance overview. The Word document is in it; labels in another rendering
    language are marked run by run."""
    return item.language if isinstance(item, Document) else context.layout.language


def new_writer(
    item: Renderable, context: RenderContext, title: str, header_title: str | None = None
) -> WordWriter:
    """A writer for ``item``: the partnership's name in the header, its labels in the footer.

    ``title`` goes into the core properties; ``header_title`` (``title`` by default) to the
    right of the partnership's name in the header.
    """
    partnership = context.partnership
    kind = context.label(f"kind.{kind_of(item)}")
    return WordWriter(
        title=title,
        language=data_language(item, context),
        label_language=context.language,
        header=partnership.name,
        header_title=header_title,
        page_label=context.label("docx.page"),
        of_label=context.label("docx.page_of"),
        date=document_date(item),
        author=partnership.name,
        subject=kind,
        keywords=", ".join(("helsefellesskap", partnership.name, kind)),
    )


def start(
    writer: WordWriter,
    item: Renderable,
    context: RenderContext,
    title: str,
    facts: Iterable[tuple[str, str]] = (),
) -> None:
    """The title block: title, the partnership (and kind), the facts, the example note."""
    partnership = context.partnership
    kind = context.label(f"kind.{kind_of(item)}")
    writer.title(title, [partnership.name if kind == title else f"{kind} · {partnership.name}"])
    for name, value in facts:
        term = Label(f"{name}: ") if isinstance(name, Label) else f"{name}: "
        writer.paragraph([Run(term, bold=True), value]).paragraph_format.space_after = 0
    if partnership.example:
        writer.paragraph(Run(context.label("document.example"), italic=True))
    if isinstance(item, Document) and item.source:
        writer.note(f"{context.label('document.source')}: {item.source}")


def begin(
    item: Renderable,
    context: RenderContext,
    title: str,
    facts: Iterable[tuple[str, str | None]] = (),
) -> WordWriter:
    """A new writer for ``item`` with its title block already written (see :func:`start`);
    facts without a value are left out."""
    writer = new_writer(item, context, title)
    start(writer, item, context, title, fact_lines(facts))
    return writer


def abbreviation_list(writer: WordWriter, item: Renderable, context: RenderContext) -> None:
    """The list of abbreviations ("Forkortelser i dokumentet") of the bodies ``item`` names:
    ``SSU = Strategisk samarbeidsutvalg``. Nothing when it names none, or when the
    layout omits the list of an action plan."""
    found = view.shown_abbreviations(item, context)
    if found:
        writer.heading(context.label("abbreviations.title"), 1)
        writer.definitions((a.abbreviation, a.name) for a in found)


def fact_lines(pairs: Iterable[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """The pairs whose value is given (a label without a value is left out)."""
    return [(name, value) for name, value in pairs if value]


def section(
    writer: WordWriter,
    text: Section,
    context: RenderContext,
    *,
    level: int,
    number: str | None = None,
    title: str | None = None,
    national_plan: str | None = None,
) -> None:
    """A section of running text: its heading, paragraphs, bullets, closing paragraphs,
    the national items it quotes, its links, then its subsections one level down.

    ``title`` is used where the section has none of its own; without either, no heading.
    The national items take the wording of ``national_plan`` (a plan's basis) where it
    has its own.
    """
    heading = text.title or title
    if heading:
        writer.heading(heading, level, number)
    for paragraph in text.paragraphs:
        writer.paragraph(paragraph)
    writer.bullets(text.bullets)
    for paragraph in text.closing:
        writer.paragraph(paragraph)
    writer.bullets(view.national_text(i, context.national, national_plan) for i in text.national)
    for link in text.links:
        writer.link(link.url, link.title)
    for index, sub in enumerate(text.subsections, start=1):
        sub_number = f"{number}.{index}" if number and sub.title else None
        section(
            writer, sub, context, level=level + 1, number=sub_number, national_plan=national_plan
        )
