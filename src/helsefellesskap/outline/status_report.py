"""The outline of a status report (:class:`~helsefellesskap.followup.reports.StatusReport`):
where an action plan stands on a day.

In order: the title (the label and the plan's title), the facts (the day, the annual
report whose follow-ups count, the number of measures), progress per focus area and per
responsible actor (each a stacked bar chart by status), the overdue measures, the stale
ones, the updates of the recent days, and the follow-up of the decisions of the
partnership's decision logs. An empty list is said in words ("Ingen tiltak er forfalt.").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .. import model
from ..followup.reports import StatusReport
from ..followup.status import MeasureState
from ..model import MeasureStatus
from ..render import view
from ..render.format import RenderContext
from .blocks import (
    Block,
    Cell,
    Figure,
    Heading,
    Inline,
    Inlines,
    Outline,
    Paragraph,
    Section,
    Text,
    inline_text,
    runs,
)
from .charts import status_chart
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["build_status_report", "recent_updates", "status_title"]


def status_title(out: Builder, report: StatusReport) -> Inlines:
    """``Statusrapport – Handlingsplan 2023``: the label, then the plan's title."""
    return (out.label("status_report.title"), Text(f" – {report.plan.title}"))


def recent_updates(
    report: StatusReport,
) -> list[tuple[dt.date, model.Measure, MeasureStatus, str | None, str | None]]:
    """The updates of the plan's measures in the ``recent_days`` up to the report's
    day, newest first: the plan's own updates and the annual report's follow-up where it
    gave the status; ``(date, measure, status, note, reported by)``."""
    day = report.status.on
    since = day - dt.timedelta(days=report.recent_days)
    states = {s.id: s for s in report.status.measures}
    found = []
    for measure in report.plan.measures():
        for update in measure.updates:
            if since < update.date <= day:
                found.append((update.date, measure, update.status, update.note, update.reported_by))
        state = states.get(measure.id)
        if (
            state is not None
            and state.source not in ("plan", "update")
            and state.updated is not None
            and since < state.updated <= day
        ):
            found.append((state.updated, measure, state.status, state.note, None))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


class _StatusOutline:
    """The blocks of one status report."""

    def __init__(self, report: StatusReport, context: RenderContext) -> None:
        self.report = report
        self.out = Builder(report, context)
        self.measures = {m.id: m for m in report.plan.measures()}
        self.status_label = {s: self.out.label(f"status.{s.value}") for s in MeasureStatus}

    def measure(self, measure_id: str) -> str:
        found = self.measures.get(measure_id)
        return view.measure_text(found) if found is not None else measure_id

    def section(self, key: str, blocks: Sequence[Block], anchor: str, **values: object) -> Section:
        heading = Heading(level=2, runs=(self.out.label(key, **values),), anchor=anchor)
        return Section(heading=heading, blocks=tuple(blocks), anchor=anchor, role=anchor)

    def none(self, key: str) -> list[Block]:
        return [Paragraph(runs=(self.out.label(key),), role="none")]

    def chart(self, by: str, bars: list[tuple[Inlines, dict[MeasureStatus, int]]]) -> Figure:
        out = self.out
        heading_key = "status_report.area" if by == "area" else "status_report.responsible"
        chart = status_chart(
            bars,
            self.status_label,
            label_heading=(out.label(heading_key),),
            total_label=(out.label("status_report.total"),),
        )
        return Figure(
            diagram=chart,
            description=(out.label(f"status_report.chart_{by}"),),
            role="status-chart",
        )

    def by_area(self) -> Section:
        states = {s.id: s for s in self.report.status.measures}
        bars: list[tuple[Inlines, dict[MeasureStatus, int]]] = []
        for area in self.report.plan.focus_areas:
            counts = dict.fromkeys(MeasureStatus, 0)
            for goal in area.goals:
                for measure in goal.measures:
                    counts[states[measure.id].status] += 1
            if any(counts.values()):
                bars.append((runs(area.title), counts))
        blocks: list[Block] = (
            [self.chart("area", bars)] if bars else self.none("status_report.no_measures")
        )
        return self.section("status_report.by_area", blocks, "by-area")

    def by_responsible(self) -> Section:
        status = self.report.status
        bars: list[tuple[Inlines, dict[MeasureStatus, int]]] = [
            (runs(actor.name), dict(actor.by_status)) for actor in status.by_responsible
        ]
        blocks: list[Block] = [self.chart("responsible", bars)] if bars else []
        if status.unassigned:
            blocks.append(
                Paragraph(
                    runs=(self.out.label("status_report.unassigned", count=status.unassigned),)
                )
            )
        if not blocks:
            blocks = self.none("status_report.no_measures")
        return self.section("status_report.by_responsible", blocks, "by-responsible")

    def _who(self, state: MeasureState) -> Cell:
        return text_cell(self.out.names(state.responsible))

    def _status(self, status: MeasureStatus) -> Cell:
        return text_cell(self.status_label[status])

    def overdue(self) -> Section:
        out = self.out
        states = self.report.status.overdue
        if not states:
            none = self.none("status_report.overdue_none")
            return self.section("status_report.overdue", none, "overdue")

        def due(state: MeasureState) -> Inline | str | None:
            if state.deadline is not None:
                return state.deadline.display()
            return out.label("status_report.no_deadline", date=out.date(state.due) or "")

        table = simple_table(
            [
                ("measure", out.label("status_report.measure")),
                ("responsible", out.label("status_report.responsible")),
                ("deadline", out.label("status_report.due")),
                ("status", out.label("status_report.status")),
            ],
            (
                (
                    (
                        text_cell(self.measure(s.id)),
                        self._who(s),
                        text_cell(due(s)),
                        self._status(s.status),
                    ),
                    (("measure", s.id),),
                )
                for s in states
            ),
            role="overdue",
            widths=(4, 2, 2, 1.4),
        )
        return self.section("status_report.overdue", [table], "overdue")

    def stale(self) -> Section:
        out = self.out
        status = self.report.status
        days = status.stale_after
        if not status.stale:
            return self.section(
                "status_report.stale", self.none("status_report.stale_none"), "stale", days=days
            )
        table = simple_table(
            [
                ("measure", out.label("status_report.measure")),
                ("responsible", out.label("status_report.responsible")),
                ("updated", out.label("status_report.last_update")),
                ("status", out.label("status_report.status")),
            ],
            (
                (
                    (
                        text_cell(self.measure(s.id)),
                        self._who(s),
                        text_cell(
                            out.date(s.updated)
                            if s.updated is not None
                            else out.label("status_report.never")
                        ),
                        self._status(s.status),
                    ),
                    (("measure", s.id),),
                )
                for s in status.stale
            ),
            role="stale",
            widths=(4, 2, 1.6, 1.4),
        )
        return self.section("status_report.stale", [table], "stale", days=days)

    def recent(self) -> Section:
        out = self.out
        days = self.report.recent_days
        found = recent_updates(self.report)
        if not found:
            return self.section(
                "status_report.recent", self.none("status_report.recent_none"), "recent", days=days
            )
        table = simple_table(
            [
                ("date", out.label("status_report.date")),
                ("measure", out.label("status_report.measure")),
                ("status", out.label("status_report.status")),
                ("note", out.label("status_report.note")),
                ("reported_by", out.label("status_report.reported_by")),
            ],
            (
                (
                    (
                        text_cell(out.date(day)),
                        text_cell(view.measure_text(measure)),
                        self._status(status),
                        text_cell(note),
                        text_cell(out.actor(by) if by else None),
                    ),
                    (("measure", measure.id),),
                )
                for day, measure, status, note, by in found
            ),
            role="updates",
            widths=(1.4, 3.4, 1.4, 3, 1.6),
        )
        return self.section("status_report.recent", [table], "recent", days=days)

    def decisions(self) -> Section:
        out = self.out
        decisions = self.report.decisions
        if not decisions:
            return self.section(
                "status_report.decisions", self.none("status_report.decisions_none"), "decisions"
            )

        def status(state: object) -> Inlines:
            assert hasattr(state, "status")
            shown: list[Inline] = [self.status_label[state.status]]
            if getattr(state, "unfollowed", False):
                shown += [Text(" ("), out.label("status_report.unfollowed"), Text(")")]
            return tuple(shown)

        table = simple_table(
            [
                ("meeting", out.label("status_report.meeting")),
                ("body", out.label("status_report.body")),
                ("decision", out.label("status_report.decision")),
                ("status", out.label("status_report.status")),
                ("updated", out.label("status_report.last_update")),
            ],
            (
                (
                    (
                        text_cell(out.date(d.meeting)),
                        text_cell(d.body_name),
                        text_cell(" ".join(p for p in (d.case_number, d.title) if p) or d.text),
                        text_cell(status(d)),
                        text_cell(
                            out.date(d.updated)
                            if d.updated is not None
                            else out.label("status_report.never")
                        ),
                    ),
                    (("decision", d.id),),
                )
                for d in decisions
            ),
            role="decisions",
            widths=(1.4, 1.6, 3.6, 1.6, 1.4),
        )
        return self.section("status_report.decisions", [table], "decisions")

    def facts(self) -> list[Block]:
        out = self.out
        status = self.report.status
        annual = out.document_title(status.report) if status.report else None
        return out.facts(
            [
                ("status_report.on", out.date(status.on)),
                ("status_report.annual_report", annual),
                ("status_report.measures", str(status.total)),
            ]
        )

    def blocks(self) -> list[Block]:
        out = self.out
        title = status_title(out, self.report)
        blocks: list[Block] = out.start(self.report.plan.title)
        blocks[0] = Heading(level=1, runs=title)
        return [
            *blocks,
            *self.facts(),
            self.by_area(),
            self.by_responsible(),
            self.overdue(),
            self.stale(),
            self.recent(),
            self.decisions(),
        ]


def build_status_report(report: StatusReport, context: RenderContext) -> Outline:
    """The outline of ``report``."""
    built = _StatusOutline(report, context)
    title = inline_text(status_title(built.out, report))
    return built.out.outline(title, built.blocks())
