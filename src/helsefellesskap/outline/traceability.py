"""The outline of a traceability matrix
(:class:`~helsefellesskap.followup.reports.TraceabilityReport`).

In order: the title (the label and the plan's title), the facts (the declaration and the
national plan traced against), the matrix (one row per measure, grouped by focus area:
the focus area and the commitment it carries out, the goal, the measure, who is
responsible, the main goal, the national goals it serves — "ikke oppgitt" where the plan
does not say — and the priority groups), then the gaps, each kind as a list under its
heading, or "Ingen mangler funnet.".
"""

from __future__ import annotations

from ..followup.reports import TraceabilityReport
from ..followup.tracing import TraceRow
from ..render import view
from ..render.format import RenderContext
from .blocks import (
    Block,
    BulletList,
    Cell,
    Column,
    Emphasis,
    Heading,
    Inlines,
    ListItem,
    Outline,
    Paragraph,
    Row,
    RowGroup,
    Section,
    Table,
    Text,
    inline_text,
    runs,
)
from .common import Builder
from .tables import text_cell

__all__ = ["COLUMNS", "build_traceability"]

COLUMNS = (
    ("focus_area", 2.2),
    ("goal", 2.2),
    ("measure", 3.0),
    ("responsible", 1.4),
    ("main_goal", 2.0),
    ("national_goals", 2.0),
    ("priority_groups", 1.6),
)
"""The matrix's columns (their roles, which name their labels) and relative widths."""


class _TraceOutline:
    def __init__(self, report: TraceabilityReport, context: RenderContext) -> None:
        self.report = report
        self.context = context
        self.out = Builder(report, context)
        self.national_plan = report.trace.coverage.national_plan or report.plan.basis.national_plan

    def national(self, ids: tuple[str, ...]) -> list[str]:
        return list(self.out.national(ids, self.national_plan))

    def list_cell(self, texts: list[str]) -> Cell:
        if not texts:
            return Cell()
        if len(texts) == 1:
            return text_cell(texts[0])
        return Cell(blocks=(BulletList(items=tuple(ListItem(runs=runs(t)) for t in texts)),))

    def row(self, row: TraceRow, first: bool, span: int) -> Row:
        out = self.out
        cells: list[Cell] = []
        if first:
            area_blocks: list[Block] = [Paragraph(runs=runs(row.focus_area_title))]
            if row.commitment_title:
                area_blocks.append(Paragraph(runs=(Emphasis(runs=runs(row.commitment_title)),)))
            cells.append(Cell(blocks=tuple(area_blocks), rowspan=span, header=True))
        national = (
            self.list_cell(self.national(row.national_goals))
            if row.national_goals is not None
            else text_cell(out.label("traceability.not_stated"))
        )
        cells += [
            text_cell(row.goal_text),
            text_cell(row.measure_text),
            text_cell(out.names(row.responsible)),
            text_cell(row.main_goal_text),
            national,
            self.list_cell(self.national(row.priority_groups)),
        ]
        return Row(cells=tuple(cells), data=(("measure", row.measure),))

    def matrix(self) -> Section:
        out = self.out
        total = sum(width for _, width in COLUMNS)
        columns = tuple(Column(role=role, width=round(w / total, 4)) for role, w in COLUMNS)
        header = Row(
            cells=tuple(
                text_cell(out.label(f"traceability.{role}"), header=True) for role, _ in COLUMNS
            )
        )
        groups: list[RowGroup] = []
        rows = self.report.trace.rows
        for area in self.report.plan.focus_areas:
            mine = [r for r in rows if r.focus_area == area.id]
            if not mine:
                continue
            groups.append(
                RowGroup(
                    rows=tuple(self.row(r, n == 0, len(mine)) for n, r in enumerate(mine)),
                    data=(("focus_area", area.id),),
                )
            )
        heading = Heading(level=2, runs=(out.label("traceability.matrix"),), anchor="matrix")
        if not groups:
            none = Paragraph(runs=(out.label("traceability.no_measures"),), role="none")
            return Section(heading=heading, blocks=(none,), anchor="matrix", role="matrix")
        table = Table(columns=columns, header=(header,), groups=tuple(groups), role="traceability")
        return Section(heading=heading, blocks=(table,), anchor="matrix", role="matrix")

    def gap(self, key: str, items: list[str], **values: object) -> list[Block]:
        if not items:
            return []
        heading = Heading(level=3, runs=(self.out.label(key, **values),))
        return [
            Section(
                heading=heading,
                blocks=(BulletList(items=tuple(ListItem(runs=runs(i)) for i in items)),),
                role="gap",
            )
        ]

    def main_goal_text(self, main_goal_id: str) -> str:
        for commitment in self.report.trace.coverage.commitments:
            for goal in commitment.main_goals:
                if goal.main_goal.id == main_goal_id:
                    return goal.main_goal.text
        return main_goal_id

    def gaps(self) -> Section:
        out = self.out
        trace = self.report.trace
        blocks: list[Block] = []
        if not trace.national_goals_stated and trace.national_goals:
            blocks.append(Paragraph(runs=(out.label("traceability.national_not_stated"),)))
        blocks += self.gap(
            "traceability.gap_national_goals", self.national(trace.national_goals_without)
        )
        blocks += self.gap(
            "traceability.gap_main_goals",
            [self.main_goal_text(g) for g in trace.main_goals_without],
        )
        blocks += self.gap(
            "traceability.gap_priority_groups", self.national(trace.priority_groups_without)
        )
        blocks += self.gap("traceability.gap_idle", [a.name for a in trace.idle_actors])
        blocks += self.gap(
            "traceability.gap_busy",
            [
                f"{a.name}: {out.text('traceability.measures_count', count=len(a.measures))}"
                for a in trace.busy_actors
            ],
            many=trace.many,
        )
        if not trace.gaps:
            blocks.append(Paragraph(runs=(out.label("traceability.no_gaps"),), role="none"))
        heading = Heading(level=2, runs=(out.label("traceability.gaps"),), anchor="gaps")
        return Section(heading=heading, blocks=tuple(blocks), anchor="gaps", role="gaps")

    def blocks(self) -> list[Block]:
        out = self.out
        trace = self.report.trace
        national_plan = (
            view.national_text(trace.coverage.national_plan, self.context.national)
            if trace.coverage.national_plan
            else None
        )
        blocks: list[Block] = out.start(self.report.plan.title)
        blocks[0] = Heading(level=1, runs=self.title())
        blocks += out.facts(
            [
                ("traceability.declaration", out.document_title(trace.coverage.declaration)),
                ("traceability.national_plan", national_plan),
            ]
        )
        return [*blocks, self.matrix(), self.gaps()]

    def title(self) -> Inlines:
        return (self.out.label("traceability.title"), Text(f" – {self.report.plan.title}"))


def build_traceability(report: TraceabilityReport, context: RenderContext) -> Outline:
    """The outline of ``report``."""
    built = _TraceOutline(report, context)
    return built.out.outline(inline_text(built.title()), built.blocks())
