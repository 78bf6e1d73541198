"""Bar charts for outlines: stacked bars by status, and a chart's figures as a table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import MeasureStatus
from .blocks import Bar, BarChart, ChartSeries, Column, Inline, Inlines, Row, RowGroup, Table
from .tables import text_cell

__all__ = ["chart_table", "status_chart"]


def status_chart(
    bars: Iterable[tuple[Inlines, Mapping[MeasureStatus, int]]],
    status_label: Mapping[MeasureStatus, Inline],
    *,
    label_heading: Inlines,
    total_label: Inlines,
) -> BarChart:
    """A chart of one bar per ``(label, counts by status)``, one series per status in
    the order of :class:`~helsefellesskap.model.MeasureStatus`; a status no bar has is
    left out of the legend."""
    chosen = list(bars)
    used = [s for s in MeasureStatus if any(counts.get(s, 0) for _, counts in chosen)]
    return BarChart(
        series=tuple(ChartSeries(key=s.value, label=(status_label[s],)) for s in used),
        bars=tuple(
            Bar(label=label, values=tuple(counts.get(s, 0) for s in used))
            for label, counts in chosen
        ),
        label_heading=label_heading,
        total_label=total_label,
    )


def chart_table(chart: BarChart, role: str = "chart") -> Table:
    """The figures of ``chart`` as a table: what the bars are, one column per series,
    the total; one row per bar (the bar's label heads its row)."""
    n = len(chart.series) + 2
    columns = (
        Column(role="label", width=0.4),
        *(Column(role=s.key, width=round(0.6 / (n - 1), 4)) for s in chart.series),
        Column(role="total", width=round(0.6 / (n - 1), 4)),
    )
    header = Row(
        cells=(
            text_cell(chart.label_heading, header=True),
            *(text_cell(s.label, header=True) for s in chart.series),
            text_cell(chart.total_label, header=True),
        )
    )
    rows = tuple(
        RowGroup(
            rows=(
                Row(
                    cells=(
                        text_cell(bar.label, header=True),
                        *(text_cell(str(v)) for v in bar.values),
                        text_cell(str(bar.total)),
                    )
                ),
            )
        )
        for bar in chart.bars
    )
    return Table(columns=columns, header=(header,), groups=rows, role=role)
