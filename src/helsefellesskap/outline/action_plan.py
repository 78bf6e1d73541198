"""The outline of an action plan (handlingsplan), in the order of the source documents.

Title, example note and facts; the "revised yearly" line; "Forkortelser i dokumentet";
1 Innledning with the national goals, the priority groups and the declaration's
commitments; 2 Innsatsområder with the list of focus areas and one section per area
(the commitment it traces to, description, intentions with their points, the goals and
measures table, notes); the plan's other sections and "Veien videre"; then, unnumbered
so that the chapters keep the numbers of the source, its references and its funding
rounds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import model
from ..codecache import compile_generated
from ..render import view
from ..render.format import RenderContext
from .blocks import (
    Block,
    BulletList,
    Cell,
    Column,
    Emphasis,
    Heading,
    Inline,
    Link,
    ListItem,
    NumberedList,
    Outline,
    Paragraph,
    Row,
    RowGroup,
    Section,
    Table,
    Text,
    runs,
)
from .common import Builder
from .construct import positional
from .funding_round import ranking_table

__all__ = ["COLUMN_WIDTHS", "build_action_plan", "measure_table"]

COLUMN_WIDTHS: dict[str, float] = {
    "goal": 2.5,
    "ongoing_work": 2.4,
    "measure": 4.2,
    "responsible": 2.2,
    "deadline": 1.4,
    "status": 1.5,
}
"""Relative widths of the goals and measures table's columns (a hint to writers)."""


def build_action_plan(plan: model.ActionPlan, context: RenderContext) -> Outline:
    """The outline of ``plan``."""
    out = Builder(plan, context)
    declaration = view.declaration_of(plan, context)
    numbers = view.plan_numbering(plan, declaration, view.plan_omit(plan, context))
    basis = plan.basis.national_plan
    national = context.national.plan(basis) if basis else None
    revision_of = out.document_title(plan.revision_of)
    blocks: list[Block] = out.start(plan.title)
    blocks += out.facts(
        [
            ("plan.period", plan.period.display()),
            (
                "plan.declaration",
                declaration.title if declaration else plan.basis.declaration,
            ),
            ("plan.national_plan", _national_plan(national, basis, view.plan_omit(plan, context))),
            ("plan.other_basis", "; ".join(plan.basis.other) or None),
            ("plan.adopted", view.adoption_text(plan.adopted, plan.adopted_by, context)),
            ("plan.presented", plan.presented),
            ("plan.revision_of", revision_of),
        ]
    )
    if plan.revised_yearly:
        blocks.append(Paragraph(runs=(out.label("plan.revised_yearly"),), role="note"))
    blocks += out.abbreviations()
    if numbers.introduction:
        blocks.append(_introduction(out, plan, declaration, numbers.introduction))
    if numbers.focus_areas:
        blocks.append(_focus_areas(out, plan, declaration, numbers))
    for section, number in zip(plan.sections, numbers.sections, strict=True):
        blocks.append(out.section(section, 2, number=number, national_plan=basis))
    if plan.way_forward is not None and numbers.way_forward:
        blocks.append(
            out.section(
                plan.way_forward,
                2,
                number=numbers.way_forward,
                default_title="plan.way_forward",
                national_plan=basis,
                anchor="way-forward",
            )
        )
    blocks += _references(out, plan)
    blocks += _funding_rounds(out, plan)
    return out.outline(plan.title, blocks)


def _national_plan(
    national: model.NationalPlan | None, basis: str | None, omit: tuple[str, ...]
) -> str | None:
    """The national plan as the facts name it: ``Nasjonal helse- og samhandlingsplan
    2024–2027 – Vår felles helsetjeneste (Meld. St. 9 (2023–2024))``, the name alone
    where the plan leaves the white paper out (``omit = ["white_paper"]``: its source
    does not cite it), the id where the national frame does not know it."""
    if national is None:
        return basis
    if "white_paper" in omit:
        return national.name
    name = f"{national.name} – {national.subtitle}" if national.subtitle else national.name
    return f"{name} ({national.white_paper})" if national.white_paper else name


def _introduction(
    out: Builder, plan: model.ActionPlan, declaration: model.Declaration | None, number: str
) -> Section:
    """Chapter 1: the plan's introduction, then the generated parts (national goals,
    priority groups, the declaration's commitments) as its subsections; a plan without
    an introduction has its first generated part head the chapter."""
    context = out.context
    parts = view.plan_parts(plan, declaration, context)
    basis = plan.basis.national_plan
    extra: list[Block] = []
    if parts.national_goals:
        # The national plan is named in the facts above; the goals follow their lead-in.
        inner: list[Block] = [*out.paragraphs([plan.national_goals_intro])]
        inner += out.bullets(parts.national_goals)
        extra += _part(out, parts, "national_goals", "plan.national_goals", inner)
    if parts.priority_groups:
        extra += _part(
            out,
            parts,
            "priority_groups",
            "plan.priority_groups",
            out.bullets(parts.priority_groups),
        )
    if parts.declaration is not None:
        level = 3 if parts.subheading("commitments") else 2
        inner = [
            *out.paragraphs([parts.declaration.title], role="source"),
            *commitments(out, parts.declaration, level + 1),
        ]
        extra += _part(out, parts, "commitments", "plan.commitments", inner)
    if plan.introduction is not None:
        return out.section(
            plan.introduction,
            2,
            number=number,
            default_title="plan.introduction",
            national_plan=basis,
            anchor="introduction",
            extra=extra,
        )
    title: Inline = out.mark(parts.title)
    return Section(
        heading=Heading(level=2, runs=(title,), number=number, anchor="introduction"),
        blocks=tuple(extra),
        anchor="introduction",
    )


def _part(
    out: Builder, parts: view.PlanParts, part: str, key: str, blocks: list[Block]
) -> list[Block]:
    """A generated part of the introduction: a subsection under its own heading, or its
    blocks alone where it heads the chapter."""
    if not parts.subheading(part):
        return blocks
    return [
        Section(
            heading=out.label_heading(3, key),
            blocks=tuple(blocks),
            role=part.replace("_", "-"),
        )
    ]


def commitments(out: Builder, declaration: model.Declaration, level: int) -> list[Block]:
    """The declaration's numbered commitments at heading ``level``, each with its
    statement and its main goals ("**Hovedmål 1:** …")."""
    blocks: list[Block] = []
    for commitment in view.commitment_views(declaration, out.context):
        inner: list[Block] = [*out.paragraphs([commitment.statement])]
        inner += out.bullets(
            (
                (
                    Emphasis(runs=(out.mark(goal.heading), Text(":")), strong=True),
                    Text(" "),
                    Text(goal.text),
                )
                for goal in commitment.main_goals
            ),
            role="main-goals",
        )
        blocks.append(
            Section(
                heading=out.heading(level, commitment.title, f"{commitment.number}."),
                blocks=tuple(inner),
                role="commitment",
                data=(("commitment", commitment.id),),
            )
        )
    return blocks


def _focus_areas(
    out: Builder,
    plan: model.ActionPlan,
    declaration: model.Declaration | None,
    numbers: view.PlanNumbering,
) -> Section:
    """Chapter 2: its opening text with the list of focus areas (after its paragraphs
    and bullets, before its closing), then one section per focus area."""
    listing: list[Block] = []
    if plan.focus_areas:
        listing.append(
            NumberedList(
                items=tuple(
                    ListItem(runs=(Link(anchor=f"area-{a.id}", runs=runs(a.title)),))
                    for a in plan.focus_areas
                ),
                role="focus-areas",
            )
        )
    areas = [
        focus_area(out, area, numbers.areas[area.id], plan, declaration)
        for area in plan.focus_areas
    ]
    if plan.focus_areas_intro is not None:
        return out.section(
            plan.focus_areas_intro,
            2,
            number=numbers.focus_areas,
            default_title="plan.focus_areas",
            listing=listing,
            national_plan=plan.basis.national_plan,
            anchor="focus-areas",
            extra=areas,
        )
    return Section(
        heading=Heading(
            level=2,
            runs=(out.label("plan.focus_areas"),),
            number=numbers.focus_areas,
            anchor="focus-areas",
        ),
        blocks=(*listing, *areas),
        anchor="focus-areas",
    )


def focus_area(
    out: Builder,
    area: model.FocusArea,
    number: str | None,
    plan: model.ActionPlan,
    declaration: model.Declaration | None,
) -> Section:
    """One focus area: heading, the commitment it traces to (where its title differs),
    description, intentions with their points, the goals and measures table, notes."""
    blocks: list[Block] = []
    if declaration is not None and area.commitment:
        commitment = declaration.commitment(area.commitment)
        if commitment is not None and commitment.title.casefold() != area.title.casefold():
            blocks += out.facts([("plan.commitment", commitment.title)], role="commitment")
    blocks += out.paragraphs(area.description)
    for intention in area.intentions:
        blocks += out.paragraphs([intention.text], role="intention")
        blocks += out.bullets(intention.points)
    if area.goals:
        columns = out.shared.get("measure_columns")
        if not isinstance(columns, tuple):
            columns = out.shared["measure_columns"] = view.plan_measure_columns(plan, out.context)
        blocks.append(measure_table(out, area, columns, plan.references))
    blocks += out.paragraphs(area.notes, role="note")
    anchor = f"area-{area.id}"
    return Section(
        heading=out.heading(3, area.title, number, anchor),
        blocks=tuple(blocks),
        role="focus-area",
        anchor=anchor,
        data=(("focus_area", area.id),),
    )


EMPTY_CELL = Cell()
"""The cell of a row without that column's content (no ongoing work, no measure)."""

_new_cell = positional(Cell)
"""``Cell(blocks=…, rowspan=…, colspan=…, header=…)`` by position, for the table's loop."""
_new_paragraph = positional(Paragraph)
"""``Paragraph(runs=…, role=…)`` by position."""

_SPACE = Text(" ")


class _TableCells:
    """The cells of one plan's goals and measures tables. A cell that many rows repeat
    (the same responsible actors, deadline or status) is made once and shared, and the
    labels are looked up once; a writer may write a shared cell once (the blocks are
    frozen)."""

    def __init__(self, out: Builder, references: tuple[model.Reference, ...]) -> None:
        self.out = out
        self.titles = {r.id: r.title for r in references}
        self.see = out.label("plan.see")
        self.responsible: dict[tuple[tuple[str, ...], str], Cell] = {}
        self.deadline: dict[str, Cell] = {}
        self.status: dict[tuple[str, str | None], Cell] = {}
        self.labels: dict[str, Emphasis] = {}
        self.layouts: dict[tuple[str, ...], tuple[tuple[Column, ...], Row, _TableGroups]] = {}

    @staticmethod
    def plain(text: str | None) -> Cell:
        """A cell of one paragraph of ``text``; empty for no text."""
        if text and text.strip():
            return _new_cell((_new_paragraph((Text(text),)),))
        return EMPTY_CELL

    def goal(self, goal: model.Goal, span: int) -> Cell:
        """The goal's cell, heading the rows it spans."""
        text = goal.text
        blocks = (_new_paragraph((Text(text),)),) if text.strip() else ()
        return _new_cell(blocks, span, 1, True)

    def ongoing_work(self, work: model.OngoingWork, span: int) -> Cell:
        """An ongoing work's cell: its text, points and links, spanning its measures."""
        out = self.out
        blocks: list[Block] = []
        if work.text.strip():
            blocks.append(_new_paragraph((Text(work.text),)))
        if work.details:
            blocks += out.bullets(work.details)
        if work.links:
            blocks += out.links(work.links)
        return _new_cell(tuple(blocks), span)

    def measure(self, measure: model.Measure) -> Cell:
        """The measure's cell: its label in bold before its text, its points, closing
        paragraphs and links, then the plan's references it draws on ("Se: Recruit &
        Retain")."""
        text = measure.text
        label = measure.label
        first: Paragraph | None
        if label:
            bold = self.labels.get(label)
            if bold is None:
                bold = self.labels[label] = Emphasis(runs=(Text(label),), strong=True)
            first = _new_paragraph((bold, _SPACE, Text(text)) if text else (bold,))
        elif text.strip():
            first = _new_paragraph((Text(text),))
        else:
            first = None
        if not (measure.details or measure.closing or measure.links or measure.references):
            return EMPTY_CELL if first is None else _new_cell((first,))  # most measures
        out = self.out
        blocks: list[Block] = [] if first is None else [first]
        if measure.details:
            blocks += out.bullets(measure.details)
        if measure.closing:
            blocks += out.paragraphs(measure.closing)
        if measure.links:
            blocks += out.links(measure.links)
        if measure.references:
            see: list[Inline] = [self.see, Text(": ")]
            for index, reference in enumerate(measure.references):
                if index:
                    see.append(Text(", "))
                title = self.titles.get(reference, reference)
                see.append(Link(anchor=f"ref-{reference}", runs=runs(title)))
            blocks.append(Paragraph(runs=tuple(see), role="see"))
        return Cell(blocks=tuple(blocks))

    def responsible_cell(self, measure: model.Measure) -> Cell:
        """The responsible actors as the sources join them (``UNN og kommunene``)."""
        key = (measure.responsible, measure.responsible_join)
        found = self.responsible.get(key)
        if found is None:
            text = view.responsible_text(
                measure.responsible,
                self.out.partnership,
                self.out.context,
                measure.responsible_join,
            )
            found = self.responsible[key] = self.plain(text)
        return found

    def deadline_cell(self, measure: model.Measure) -> Cell:
        """The measure's deadline as the plan writes it; empty for none."""
        if measure.deadline is None:
            return EMPTY_CELL
        shown = measure.deadline.display()
        found = self.deadline.get(shown)
        if found is None:
            found = self.deadline[shown] = self.plain(shown)
        return found

    def status_cell(self, measure: model.Measure) -> Cell:
        """The measure's status in the reader's language, then its note."""
        key = (measure.status.value, measure.status_note)
        found = self.status.get(key)
        if found is None:
            status = self.out.context.label(f"status.{measure.status.value}")
            blocks: tuple[Block, ...] = (Paragraph(runs=(self.out.mark(status),)),)
            if measure.status_note and measure.status_note.strip():
                blocks += (Paragraph(runs=(Text(measure.status_note),)),)
            found = self.status[key] = Cell(blocks=blocks)
        return found

    def layout(self, columns: tuple[str, ...]) -> tuple[tuple[Column, ...], Row, _TableGroups]:
        """The table's columns with their widths, its header row, and the function that
        makes a focus area's row groups (:func:`_table_groups`); made once per set of
        columns and shared by the plan's tables."""
        found = self.layouts.get(columns)
        if found is not None:
            return found
        view.check_columns(columns)
        total = sum(COLUMN_WIDTHS.get(c, 2.0) for c in columns) or 1.0
        table_columns = tuple(
            Column(role=c, width=round(COLUMN_WIDTHS.get(c, 2.0) / total, 4)) for c in columns
        )
        header = Row(
            cells=tuple(
                Cell(blocks=(Paragraph(runs=(self.out.label(f"column.{c}"),)),), header=True)
                for c in columns
            )
        )
        makers = {
            "measure": self.measure,
            "responsible": self.responsible_cell,
            "deadline": self.deadline_cell,
            "status": self.status_cell,
        }
        make_groups = _table_groups(columns)(
            self.goal,
            self.ongoing_work,
            self.responsible.get,
            *(makers[c] for c in columns if c in makers),
        )
        found = self.layouts[columns] = (table_columns, header, make_groups)
        return found


_TableGroups = Callable[[model.FocusArea], tuple[RowGroup, ...]]
"""Makes the row groups of a focus area's goals and measures table: the rows of
:func:`view.measure_rows`, one group per goal."""

_TABLE_GROUPS: dict[tuple[str, ...], Callable[..., _TableGroups]] = {}
"""The function :func:`_table_groups` wrote for each set of columns met (code only: a
layout's columns are few)."""


def _table_groups(columns: tuple[str, ...]) -> Callable[..., _TableGroups]:
    """For ``columns``, a function that takes the goal's and ongoing work's cell makers,
    the ``get`` of the responsible cells made so far (``_TableCells.responsible``),
    then the maker of each other column in order, and returns the maker of a focus
    area's row groups: written out for the columns (as the loader writes its
    functions), so that a table's thousands of rows make no loop over the columns and
    no tuple per row beyond its cells.

    The rows are those of :func:`view.measure_rows`, walked here without its tuple per
    row: a goal's measures, or with an ``ongoing_work`` column the rows of
    ``view.goal_rows`` (measures under the ongoing work they build on). The goal's cell
    heads the first row of its goal and spans its rows, likewise an ongoing work's cell
    the rows of its measures; a row without ongoing work or without a measure has an
    empty cell there. A row carries its measure's id; consecutive goals of the same id
    share a group, which carries the id."""
    found = _TABLE_GROUPS.get(columns)
    if found is not None:
        return found
    makers: dict[str, str] = {}
    for column in columns:
        if column not in ("goal", "ongoing_work"):
            makers[column] = f"make_{len(makers)}"

    def made(column: str) -> str:
        """The expression of a measure's cell in ``column``: a responsible cell made
        before is looked up without the maker's call, an empty deadline is the empty
        cell (as their makers find them)."""
        call = f"{makers[column]}(measure)"
        if column == "responsible":
            key = "(measure.responsible, measure.responsible_join)"
            return f"(known_responsible({key}) or {call})"
        if column == "deadline":
            return f"(EMPTY_CELL if measure.deadline is None else {call})"
        return call

    def cells(goal_span: str | None, measure: bool) -> str:
        """The tuple of a row's cells in a table without ongoing work, as source:
        ``goal_span`` the goal cell's span (``None``: a cell above covers the row),
        ``measure`` whether the row has a measure."""
        parts: list[str] = []
        for column in columns:
            if column == "goal":
                if goal_span is not None:
                    parts.append(f"goal_cell(goal, {goal_span})")
            else:
                parts.append(made(column) if measure else "EMPTY_CELL")
        return "(" + "".join(f"{part}, " for part in parts) + ")"

    measure_cells = {column: f"cell_{index}" for index, column in enumerate(makers)}

    def ongoing_cells(goal: bool, work: bool) -> str:
        """The tuple of a row's cells in a table with ongoing work, as source: ``goal``
        whether the row has the goal's cell (its first), ``work`` whether it has an
        ongoing work's cell (``work_here``), the measure's cells made before."""
        parts: list[str] = []
        for column in columns:
            if column == "goal":
                if goal:
                    parts.append("goal_cell(goal, count)")
            elif column == "ongoing_work":
                if work:
                    parts.append("work_here")
            else:
                parts.append(measure_cells[column])
        return "(" + "".join(f"{part}, " for part in parts) + ")"

    lines = [
        "def bind("
        + ", ".join(["goal_cell", "work_cell", "known_responsible", *makers.values()])
        + "):",
        "    def groups(area):",
        "        out = []",
        "        current = []",
        "        goal_id = None",
        "        for goal in area.goals:",
        "            if current and goal.id != goal_id:",
        "                data = (('goal', goal_id or ''),)",
        "                out.append(new_group(tuple(current), data))",
        "                current = []",
        "            goal_id = goal.id",
    ]
    if "ongoing_work" not in columns:
        lines += [
            "            measures = goal.measures",
            "            if not measures:",
            f"                current.append(new_row({cells('1', False)}))",
            "                continue",
            "            first = True",
            "            for measure in measures:",
            "                if first:",
            "                    first = False",
            f"                    row = {cells('len(measures)', True)}",
            "                else:",
            f"                    row = {cells(None, True)}",
            "                current.append(new_row(row, (('measure', measure.id),)))",
        ]
    else:
        lines += [
            "            pairs = goal_rows(goal, True)",
            "            count = len(pairs)",
            "            for index, (work, measure) in enumerate(pairs):",
            "                if measure is None:",
            *(f"                    {name} = EMPTY_CELL" for name in measure_cells.values()),
            "                else:",
            *(
                f"                    {measure_cells[column]} = {made(column)}"
                for column in measure_cells
            ),
            "                if work is None:",
            "                    work_here = EMPTY_CELL",
            "                elif index == 0 or pairs[index - 1][0] is not work:",
            "                    work_span = 1",
            "                    while index + work_span < count and "
            "pairs[index + work_span][0] is work:",
            "                        work_span += 1",
            "                    work_here = work_cell(work, work_span)",
            "                else:  # the cell above spans this row",
            "                    work_here = None",
            "                if index == 0:  # the goal's cell, an ongoing work's or an empty one",
            f"                    cells = {ongoing_cells(True, True)}",
            "                elif work_here is None:",
            f"                    cells = {ongoing_cells(False, False)}",
            "                else:",
            f"                    cells = {ongoing_cells(False, True)}",
            "                if measure is None:",
            "                    current.append(new_row(cells))",
            "                else:",
            "                    current.append(new_row(cells, (('measure', measure.id),)))",
        ]
    lines += [
        "        if current:",
        "            out.append(new_group(tuple(current), (('goal', goal_id or ''),)))",
        "        return tuple(out)",
        "    return groups",
    ]
    namespace: dict[str, Any] = {
        "EMPTY_CELL": EMPTY_CELL,
        "new_row": positional(Row),
        "new_group": positional(RowGroup),
        "goal_rows": view.goal_rows,
    }
    source = "\n".join(lines)
    exec(compile_generated(source, f"<row groups of {', '.join(columns)}>"), namespace)
    bind: Callable[..., _TableGroups] = namespace["bind"]
    _TABLE_GROUPS[columns] = bind
    return bind


def measure_table(
    out: Builder,
    area: model.FocusArea,
    columns: tuple[str, ...],
    references: tuple[model.Reference, ...] = (),
) -> Table:
    """The goals and measures table of ``area`` in ``columns``: one row group per goal,
    the goal's cell heading and spanning the rows of its measures (ongoing work spans
    the measures that build on it; see :func:`view.measure_rows`); rows carry the
    measure's id, groups the goal's. ``references`` are the plan's, which a measure's
    cell names by title."""
    cells = out.shared.get(_TableCells)
    if not isinstance(cells, _TableCells):
        cells = out.shared[_TableCells] = _TableCells(out, references)
    table_columns, header, make_groups = cells.layout(columns)
    return Table(
        columns=table_columns,
        header=(header,),
        groups=make_groups(area),
        role="measures",
    )


def _references(out: Builder, plan: model.ActionPlan) -> list[Block]:
    """The plan's frameworks and sources, an unnumbered chapter after the way forward."""
    if not plan.references:
        return []
    inner: list[Block] = []
    for reference in plan.references:
        blocks: list[Block] = [*out.paragraphs([view.reference_text(reference)])]
        for steps in reference.lists:
            blocks += out.paragraphs([steps.title], role="intention")
            blocks += out.bullets(steps.items)
        if reference.url:
            blocks += out.links([model.Link(url=reference.url)])
        anchor = f"ref-{reference.id}"
        inner.append(
            Section(
                heading=out.heading(3, reference.title, anchor=anchor),
                blocks=tuple(blocks),
                role="reference",
                anchor=anchor,
            )
        )
    return [
        Section(
            heading=out.label_heading(2, "plan.references", anchor="references"),
            blocks=tuple(inner),
            role="appendix",
            anchor="references",
        )
    ]


def _funding_rounds(out: Builder, plan: model.ActionPlan) -> list[Block]:
    """The funding rounds the plan names, unnumbered at the end. A round the bundle holds
    is shown as the plan's slide shows it: its title as the heading, the ranked
    applications (title, then priority), its summary, and a link to its own document; a
    round the bundle lacks is named in a list."""
    rounds = view.funding_round_views(plan, out.context)
    if not rounds:
        return []
    blocks: list[Block] = []
    missing: list[ListItem] = []
    for found in rounds:
        funding = found.document
        if funding is None:
            missing.append(ListItem(runs=runs(found.text)))
            continue
        inner: list[Block] = []
        table = ranking_table(out, funding, title_first=True)
        if table is not None:
            inner.append(table)
        inner += out.paragraphs([funding.summary])
        link = Link(document=funding.id, runs=runs(found.text))
        inner.append(BulletList(items=(ListItem(runs=(link,)),), role="links"))
        anchor = f"funding-{funding.id}"
        blocks.append(
            Section(
                heading=out.heading(3, funding.title, None, anchor),
                blocks=tuple(inner),
                role="funding-round",
                anchor=anchor,
            )
        )
    if missing:
        blocks.append(BulletList(items=tuple(missing)))
    return [
        Section(
            heading=out.label_heading(2, "plan.funding_rounds", anchor="funding-rounds"),
            blocks=tuple(blocks),
            role="appendix",
            anchor="funding-rounds",
        )
    ]
