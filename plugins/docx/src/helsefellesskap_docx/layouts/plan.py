"""The action plan in Word, in the order of the source documents.

Title and facts; "Forkortelser i dokumentet"; 1 Innledning with the national goals, the
priority groups and the declaration's commitments; 2 Innsatsområder with one section per
focus area (description, intentions with their points, the goals and measures table);
the plan's other sections and "Veien videre"; then, unnumbered so that the chapters keep
the numbers of the source, its references and its funding rounds.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.shared import Pt

from helsefellesskap import (
    ActionPlan,
    Declaration,
    FocusArea,
    Reference,
    RenderContext,
    Section,
)
from helsefellesskap.render import view

from ..writer import Cell, Run, WordWriter
from .common import abbreviation_list, begin, fact_lines, section

__all__ = ["COLUMN_WIDTHS", "focus_area", "measure_table", "render_plan"]

COLUMN_WIDTHS: dict[str, float] = {
    "goal": 2.5,
    "ongoing_work": 2.4,
    "measure": 4.2,
    "responsible": 2.2,
    "deadline": 1.4,
    "status": 1.5,
}
"""Relative widths of the goals and measures table's columns."""


def render_plan(plan: ActionPlan, context: RenderContext) -> bytes:
    """The action plan as a Word document."""
    declaration = view.declaration_of(plan, context)
    numbering = view.plan_numbering(plan, declaration, view.plan_omit(plan, context))
    basis = plan.basis.national_plan
    writer = begin(plan, context, plan.title, _facts(plan, declaration, context))
    if plan.revised_yearly:
        writer.note(context.label("plan.revised_yearly"))
    abbreviation_list(writer, plan, context)
    if numbering.introduction:
        _introduction(writer, plan, declaration, context, numbering.introduction)
    if numbering.focus_areas:
        _focus_areas(writer, plan, context, numbering)
    for number, text in zip(numbering.sections, plan.sections, strict=True):
        section(writer, text, context, level=1, number=number, national_plan=basis)
    if plan.way_forward is not None and numbering.way_forward:
        section(
            writer,
            plan.way_forward,
            context,
            level=1,
            number=numbering.way_forward,
            title=context.label("plan.way_forward"),
            national_plan=basis,
        )
    _references(writer, plan, context)
    _funding_rounds(writer, plan, context)
    return writer.to_bytes()


def _facts(
    plan: ActionPlan, declaration: Declaration | None, context: RenderContext
) -> list[tuple[str, str]]:
    label = context.label
    basis = plan.basis
    national = context.national.plan(basis.national_plan or "")
    adopted = view.adoption_text(plan.adopted, plan.adopted_by, context)
    revision_of = context.bundle.document(plan.revision_of) if plan.revision_of else None
    return fact_lines(
        [
            (label("plan.period"), plan.period.display()),
            (label("plan.declaration"), declaration.title if declaration else basis.declaration),
            (label("plan.national_plan"), national.name if national else basis.national_plan),
            (label("plan.other_basis"), "; ".join(plan.basis.other)),
            (label("plan.adopted"), adopted),
            (label("plan.presented"), plan.presented),
            (label("plan.revision_of"), revision_of.title if revision_of else plan.revision_of),
        ]
    )


def _introduction(
    writer: WordWriter,
    plan: ActionPlan,
    declaration: Declaration | None,
    context: RenderContext,
    number: str,
) -> None:
    label = context.label
    parts = view.plan_parts(plan, declaration, context)
    _chapter(writer, plan.introduction, plan, context, number, parts.title)
    if parts.national_goals:
        if parts.subheading("national_goals"):
            writer.heading(label("plan.national_goals"), 2)
        national = context.national.plan(plan.basis.national_plan or "")
        if national is not None:
            writer.note(f"{national.name} ({national.white_paper})")
        if plan.national_goals_intro:
            writer.paragraph(plan.national_goals_intro)
        writer.bullets(parts.national_goals)
    if parts.priority_groups:
        if parts.subheading("priority_groups"):
            writer.heading(label("plan.priority_groups"), 2)
        writer.bullets(parts.priority_groups)
    if parts.declaration is not None:
        if parts.subheading("commitments"):
            writer.heading(label("plan.commitments"), 2)
        writer.note(parts.declaration.title)
        for commitment in view.commitment_views(parts.declaration, context):
            writer.paragraph(Run(f"{commitment.number}. {commitment.title}", bold=True))
            if commitment.statement:
                writer.paragraph(commitment.statement)
            writer.bullets(
                [Run(f"{goal.heading}: ", bold=True), goal.text] for goal in commitment.main_goals
            )


def _chapter(
    writer: WordWriter,
    text: Section | None,
    plan: ActionPlan,
    context: RenderContext,
    number: str | None,
    title: str,
) -> None:
    """A numbered chapter's heading and its opening text, where the plan has one."""
    if text is None:
        writer.heading(title, 1, number)
    else:
        section(
            writer,
            text,
            context,
            level=1,
            number=number,
            title=title,
            national_plan=plan.basis.national_plan,
        )


def _focus_areas(
    writer: WordWriter, plan: ActionPlan, context: RenderContext, numbering: view.PlanNumbering
) -> None:
    title = context.label("plan.focus_areas")
    _chapter(writer, plan.focus_areas_intro, plan, context, numbering.focus_areas, title)
    writer.numbered(area.title for area in plan.focus_areas)
    declaration = view.declaration_of(plan, context)
    for area in plan.focus_areas:
        focus_area(
            writer, area, context, numbering.areas.get(area.id), declaration, plan.references
        )


def focus_area(
    writer: WordWriter,
    area: FocusArea,
    context: RenderContext,
    number: str | None,
    declaration: Declaration | None,
    references: Sequence[Reference] = (),
) -> None:
    """One focus area: heading, description, intentions and the goals and measures table.

    ``references`` are the plan's, named in the cells of the measures that draw on them.
    """
    writer.heading(area.title, 2, number)
    commitment = None
    if declaration is not None and area.commitment:
        commitment = declaration.commitment(area.commitment)
    if commitment is not None and commitment.title.casefold() != area.title.casefold():
        writer.note(f"{context.label('plan.commitment')}: {commitment.title}")
    for paragraph in area.description:
        writer.paragraph(paragraph)
    for intention in area.intentions:
        writer.paragraph(Run(intention.text, bold=True)).paragraph_format.space_before = Pt(6)
        writer.bullets(intention.points)
    for note in area.notes:
        writer.paragraph(Run(note, italic=True))
    if area.goals:
        writer.gap()
        measure_table(writer, view.measure_table(area, context, references), context)


def measure_table(writer: WordWriter, table: view.MeasureTable, context: RenderContext) -> None:
    """The goals and measures table: goals (and ongoing work) span their measures' rows.

    A measure's label (``a)``) is set in bold before its text, as the sources print it;
    after its bullet points come its closing paragraphs, its links as hyperlinks, and
    the references it draws on ("Se: Recruit & Retain") in italics.
    """
    see = context.label("plan.see")
    rows: list[list[Cell | None]] = []
    for row in table.rows:
        cells: list[Cell | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cells.append(
                Cell(
                    paragraphs=cell.paragraphs,
                    bullets=cell.bullets,
                    closing=cell.closing,
                    links=tuple((link.url, link.title) for link in cell.links),
                    remark=(
                        f"{see}: " + ", ".join(r.title for r in cell.references)
                        if cell.references
                        else None
                    ),
                    label=cell.label,
                    rowspan=cell.rowspan,
                    bold=cell.column == "goal",
                )
            )
        rows.append(cells)
    widths = [COLUMN_WIDTHS.get(column, 2.0) for column in table.columns]
    writer.table(
        table.headers, rows, widths=widths, first_column_shaded=table.columns[:1] == ("goal",)
    )


def _references(writer: WordWriter, plan: ActionPlan, context: RenderContext) -> None:
    """The plan's frameworks and sources, an unnumbered chapter after the way forward."""
    if not plan.references:
        return
    writer.heading(context.label("plan.references"), 1)
    for reference in plan.references:
        writer.heading(reference.title, 2)
        about = view.reference_text(reference)
        if about:
            writer.paragraph(about)
        for listed in reference.lists:
            writer.paragraph(Run(listed.title, bold=True))
            writer.bullets(listed.items)
        if reference.url:
            writer.link(reference.url)


def _funding_rounds(writer: WordWriter, plan: ActionPlan, context: RenderContext) -> None:
    """The funding rounds the plan names, by title and year, unnumbered at the end."""
    rounds = view.funding_round_views(plan, context)
    if rounds:
        writer.heading(context.label("plan.funding_rounds"), 1)
        writer.bullets(r.text for r in rounds)
