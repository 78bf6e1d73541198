"""A stacked bar chart (:class:`~helsefellesskap.outline.blocks.BarChart`) as inline SVG.

Drawn without scripts, in text and rectangles only, so that it prints as it shows: the
words are SVG ``<text>`` (selectable, read by screen readers in order), each series has
a colour that also differs in lightness (readable in greyscale) and each segment wide
enough carries its number. Reading order in the SVG: what the bars are (the heading of
the labels' column), the legend (one entry per series), the word for a bar's total, then
each bar's label, its segments and its total.

:func:`figure_svg` is what the HTML page calls for any figure: the governance diagram
goes to :func:`helsefellesskap.render.svg.governance_svg`, a chart to :func:`chart_svg`.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..outline.blocks import BarChart, Diagram, inline_text
from .svg import governance_svg, wrap_text

__all__ = ["SERIES_COLOURS", "chart_svg", "figure_svg", "series_colour"]

SERIES_COLOURS: dict[str, tuple[str, str]] = {
    "planned": ("#d9d9d9", "#000000"),
    "started": ("#4a90c2", "#000000"),
    "done": ("#1b5e20", "#ffffff"),
    "postponed": ("#f0b429", "#000000"),
    "cancelled": ("#6d1a36", "#ffffff"),
}
"""Fill and text colour of each status's segment: distinct in hue and in lightness."""

_OTHER = (("#9e9e9e", "#000000"), ("#37474f", "#ffffff"))

WIDTH = 720
LABEL_WIDTH = 230
TOTAL_WIDTH = 60
BAR_HEIGHT = 22
ROW_GAP = 10
LINE_HEIGHT = 14
MARGIN = 8
FONT = "font-family:'DejaVu Sans',Arial,sans-serif;font-size:12px;max-width:100%;height:auto"
"""The chart's inline style: its font, and as wide as the text column (wider than the
governance diagram, so that its words stay readable)."""


def series_colour(key: str, index: int) -> tuple[str, str]:
    """The fill and text colour of a series: by its key (a status), else by position."""
    return SERIES_COLOURS.get(key, _OTHER[index % len(_OTHER)])


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def chart_svg(
    chart: BarChart,
    *,
    title: str = "",
    labelled_by: str | None = None,
    description: str = "",
    element_id: str = "chart",
    language: str | None = None,
) -> Markup:
    """``chart`` as an accessible inline SVG (``role="img"``) with its ``description``
    as ``<desc>``; ``labelled_by`` (the caption's id) or ``title`` names it."""
    prefix = _attr(element_id)
    plot_left = MARGIN + LABEL_WIDTH
    plot_width = WIDTH - plot_left - TOTAL_WIDTH - MARGIN
    largest = max((bar.total for bar in chart.bars), default=0) or 1
    parts: list[str] = []
    y = MARGIN + LINE_HEIGHT
    heading = inline_text(chart.label_heading)
    if heading:
        parts.append(f'<text x="{MARGIN}" y="{y}" font-weight="bold">{_text(heading)}</text>')
    # the legend: a swatch and the words of each series, wrapped onto lines as needed
    x: float = plot_left
    for index, series in enumerate(chart.series):
        fill, _ = series_colour(series.key, index)
        words = inline_text(series.label)
        width = 16 + len(words) * 7.2 + 14
        if x + width > WIDTH - TOTAL_WIDTH - MARGIN and x > plot_left:
            x = plot_left
            y += LINE_HEIGHT + 6
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{fill}" stroke="#000" '
            'stroke-width="0.5"/>'
        )
        parts.append(f'<text x="{x + 16}" y="{y}">{_text(words)}</text>')
        x += width
    total_word = inline_text(chart.total_label)
    if total_word:
        parts.append(
            f'<text x="{WIDTH - MARGIN}" y="{y}" text-anchor="end" font-weight="bold">'
            f"{_text(total_word)}</text>"
        )
    y += ROW_GAP
    for bar in chart.bars:
        lines = wrap_text(inline_text(bar.label), LABEL_WIDTH - 8, 7.0)
        height = max(BAR_HEIGHT, len(lines) * LINE_HEIGHT + 6)
        top = y
        label_y = top + (height - len(lines) * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3
        spans = "".join(
            f'<tspan x="{MARGIN}" y="{label_y + n * LINE_HEIGHT:.1f}">{_text(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(f"<text>{spans}</text>")
        bar_top = top + (height - BAR_HEIGHT) / 2
        x_at: float = plot_left
        for index, (series, value) in enumerate(zip(chart.series, bar.values, strict=True)):
            if not value:
                continue
            fill, ink = series_colour(series.key, index)
            width = plot_width * value / largest
            parts.append(
                f'<rect x="{x_at:.1f}" y="{bar_top:.1f}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{fill}" stroke="#000" stroke-width="0.5"/>'
            )
            if width >= 8 * len(str(value)) + 4:
                parts.append(
                    f'<text x="{x_at + width / 2:.1f}" y="{bar_top + BAR_HEIGHT / 2 + 4:.1f}" '
                    f'text-anchor="middle" fill="{ink}">{value}</text>'
                )
            x_at += width
        parts.append(
            f'<text x="{WIDTH - MARGIN}" y="{bar_top + BAR_HEIGHT / 2 + 4:.1f}" '
            f'text-anchor="end">{bar.total}</text>'
        )
        y = top + height + ROW_GAP
    height_total = y + MARGIN
    named = (
        f' aria-labelledby="{_attr(labelled_by)}"'
        if labelled_by
        else (f' aria-label="{_attr(title)}"' if title else "")
    )
    lang = f' lang="{_attr(language)}"' if language else ""
    desc = f'<desc id="{prefix}-desc">{_text(description)}</desc>' if description else ""
    described = f' aria-describedby="{prefix}-desc"' if description else ""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"{named}{described}'
        f'{lang} viewBox="0 0 {WIDTH} {height_total:.0f}" width="{WIDTH}" '
        f'height="{height_total:.0f}" style="{FONT}">{desc}{"".join(parts)}</svg>'
    )


def figure_svg(
    diagram: Diagram,
    *,
    title: str = "",
    labelled_by: str | None = None,
    description: str = "",
    element_id: str = "org",
    language: str | None = None,
) -> Markup:
    """The SVG of a figure's diagram, whichever kind it is."""
    if isinstance(diagram, BarChart):
        return chart_svg(
            diagram,
            title=title,
            labelled_by=labelled_by,
            description=description,
            element_id=element_id,
            language=language,
        )
    return governance_svg(
        diagram,
        title=title,
        labelled_by=labelled_by,
        description=description,
        element_id=element_id,
        language=language,
    )
