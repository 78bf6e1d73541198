"""The outline of a funding round (rekrutterings- og samhandlingsmidler): who decided
and when, the summary, and the applications ranked by priority, with a column for
applicants, amount and note only where some application has one."""

from __future__ import annotations

from .. import model
from ..render import view
from ..render.format import RenderContext
from .blocks import Block, Cell, Inline, Outline, Section
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["build_funding_round", "ranking_table"]


def build_funding_round(funding: model.FundingRound, context: RenderContext) -> Outline:
    """The outline of ``funding``."""
    out = Builder(funding, context)
    blocks: list[Block] = out.start(funding.title)
    blocks += out.facts(
        [
            ("funding.year", str(funding.year)),
            ("funding.scheme", funding.scheme),
            ("funding.decided_by", out.actor_full(funding.decided_by)),
            ("funding.decided", out.date(funding.decided)),
            ("funding.forwarded_to", out.actor_full(funding.forwarded_to)),
        ]
    )
    blocks += out.abbreviations()
    blocks += out.paragraphs([funding.summary], role="lead")
    table = ranking_table(out, funding)
    if table is not None:
        blocks.append(
            Section(
                heading=out.label_heading(2, "funding.ranking"),
                blocks=(table,),
                role="ranking",
            )
        )
    return out.outline(funding.title, blocks)


def ranking_table(
    out: Builder, funding: model.FundingRound, *, title_first: bool = False
) -> Block | None:
    """The applications ranked by priority as a table (``None`` for none): priority and
    title (``title_first``: title, then priority, as a plan's slide lists them), then the
    applicants, amount and note columns where some application has one."""
    ranked = funding.ranked()
    if not ranked:
        return None
    context = out.context
    with_applicants = any(a.applicants for a in ranked)
    with_amount = any(a.amount is not None for a in ranked)
    with_note = any(a.note for a in ranked)
    columns: list[tuple[str, Inline]] = [
        ("priority", out.label("funding.priority")),
        ("application", out.label("funding.application")),
    ]
    widths = [0.9, 4.0]
    if title_first:
        columns.reverse()
        widths.reverse()
    for shown, role, key, width in (
        (with_applicants, "applicants", "funding.applicants", 2.6),
        (with_amount, "amount", "funding.amount", 1.4),
        (with_note, "note", "funding.note", 2.4),
    ):
        if shown:
            columns.append((role, out.label(key)))
            widths.append(width)
    rows = []
    for application in ranked:
        cells: list[Cell] = [
            text_cell(str(application.priority)),
            text_cell(application.title, header=True),
        ]
        if title_first:
            cells.reverse()
        if with_applicants:
            cells.append(text_cell(out.names(application.applicants)))
        if with_amount:
            amount = application.amount
            cells.append(text_cell(view.amount_text(amount, context.language) if amount else None))
        if with_note:
            cells.append(text_cell(application.note))
        rows.append((tuple(cells), (("application", application.id),)))
    return simple_table(columns, rows, role="ranking", widths=widths)
