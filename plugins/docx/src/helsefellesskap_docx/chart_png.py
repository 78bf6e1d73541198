"""A stacked bar chart (:class:`~helsefellesskap.outline.BarChart`) drawn as a PNG with
Pillow, for Word, which shows it as a picture (the figures follow as a table).

The same layout and colours as the HTML page's SVG
(:mod:`helsefellesskap.render.chart_svg`): the legend, then one row per bar with its
label, its segments (each wide enough carrying its number) and its total. Drawn at twice
the size it is shown, so that it prints sharp. The same chart gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from helsefellesskap.outline import BarChart, inline_text
from helsefellesskap.render.chart_svg import series_colour
from helsefellesskap.render.svg import wrap_text

__all__ = ["SCALE", "WIDTH", "chart_png"]

WIDTH = 720
"""The width of the drawing in points before :data:`SCALE`."""

SCALE = 2
"""Pixels per point: the picture is drawn at twice the size Word shows it."""

_LABEL = 230
_TOTAL = 60
_BAR = 22
_GAP = 10
_LINE = 14
_MARGIN = 8

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def _font(bold: bool) -> Font:
    """DejaVu Sans (the letters of every Norwegian and Sami name) where installed,
    else Pillow's own scalable font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for path in (name, f"/usr/share/fonts/truetype/dejavu/{name}"):
        try:
            return ImageFont.truetype(path, 12 * SCALE)
        except OSError:
            continue
    return ImageFont.load_default(size=12 * SCALE)


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _height(chart: BarChart) -> int:
    y = _MARGIN + _LINE + _GAP + 12
    for bar in chart.bars:
        lines = wrap_text(inline_text(bar.label), _LABEL - 8, 7.0)
        y += max(_BAR, len(lines) * _LINE + 6) + _GAP
    return y + _MARGIN


def chart_png(chart: BarChart) -> bytes:
    """The PNG bytes of ``chart``."""
    s = SCALE
    image = Image.new("RGB", (WIDTH * s, _height(chart) * s), "white")
    draw = ImageDraw.Draw(image)
    regular, bold = _font(False), _font(True)
    plot_left = _MARGIN + _LABEL
    plot_width = WIDTH - plot_left - _TOTAL - _MARGIN
    largest = max((bar.total for bar in chart.bars), default=0) or 1
    y = _MARGIN + _LINE
    heading = inline_text(chart.label_heading)
    if heading:
        draw.text((_MARGIN * s, y * s), heading, fill="black", font=bold, anchor="ls")
    x: float = plot_left
    for index, series in enumerate(chart.series):
        fill, _ = series_colour(series.key, index)
        words = inline_text(series.label)
        width = 16 + draw.textlength(words, font=regular) / s + 14
        if x + width > WIDTH - _TOTAL - _MARGIN and x > plot_left:
            x = plot_left
            y += _LINE + 6
        draw.rectangle(
            (x * s, (y - 10) * s, (x + 12) * s, (y + 2) * s), fill=_rgb(fill), outline="black"
        )
        draw.text(((x + 16) * s, y * s), words, fill="black", font=regular, anchor="ls")
        x += width
    total = inline_text(chart.total_label)
    if total:
        draw.text(((WIDTH - _MARGIN) * s, y * s), total, fill="black", font=bold, anchor="rs")
    y += _GAP
    for bar in chart.bars:
        lines = wrap_text(inline_text(bar.label), _LABEL - 8, 7.0)
        height = max(_BAR, len(lines) * _LINE + 6)
        top = y
        line_y = top + (height - len(lines) * _LINE) / 2 + _LINE - 3
        for n, line in enumerate(lines):
            draw.text(
                (_MARGIN * s, (line_y + n * _LINE) * s),
                line,
                fill="black",
                font=regular,
                anchor="ls",
            )
        bar_top = top + (height - _BAR) / 2
        middle = (bar_top + _BAR / 2) * s
        x_at: float = plot_left
        for index, (series, value) in enumerate(zip(chart.series, bar.values, strict=True)):
            if not value:
                continue
            fill, ink = series_colour(series.key, index)
            width = plot_width * value / largest
            draw.rectangle(
                (x_at * s, bar_top * s, (x_at + width) * s, (bar_top + _BAR) * s),
                fill=_rgb(fill),
                outline="black",
            )
            if width >= 8 * len(str(value)) + 4:
                draw.text(
                    ((x_at + width / 2) * s, middle),
                    str(value),
                    fill=ink,
                    font=regular,
                    anchor="mm",
                )
            x_at += width
        draw.text(
            ((WIDTH - _MARGIN) * s, middle), str(bar.total), fill="black", font=regular, anchor="rm"
        )
        y = top + height + _GAP
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
