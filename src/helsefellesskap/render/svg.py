"""The governance diagram as an inline SVG: bodies as boxes, relations as connectors.

The SVG draws an outline's :class:`~helsefellesskap.outline.blocks.GovernanceDiagram`
(the same tree the Markdown writer draws as Mermaid and Word as a nested list): one
body per row, indented by its depth, each with a connector from the body above it in
the tree (solid where it ``steers``, dotted where the body is ``under`` it, thick where
it gave the ``mandate``: as Mermaid draws them), and a legend of the kinds of line it
has, in the diagram's own words (after its title, "Forklaring", where it has one). An
indented tree stays readable however many committees a partnership has,
which a wide top-down chart does not.

Every text that goes into the SVG is escaped here; the result is returned as
:class:`markupsafe.Markup` so that an autoescaping template inserts it as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import attrs
from markupsafe import Markup

from ..model import Body
from ..outline.blocks import (
    Diagram,
    DiagramNode,
    Emphasis,
    GovernanceDiagram,
    Inlines,
    LineBreak,
    inline_text,
)
from . import view
from .safe import balance_bidi, xml_text

__all__ = ["DiagramRow", "box_lines", "diagram_rows", "governance_svg", "wrap_text"]

FONT_SIZE = 13
LINE_HEIGHT = 17
CHAR_WIDTH = 7.0
"""An average glyph width of the system sans-serif at :data:`FONT_SIZE`, for wrapping."""
BOX_WIDTH = 360
INDENT = 34
PADDING_X = 12
PADDING_Y = 8
ROW_GAP = 12
MARGIN = 2
LEGEND_HEIGHT = 34
STUB = 14
"""How far right of its box's left edge a parent's connector leaves the box."""

KIND_STYLES: Mapping[str, tuple[str, str, str]] = {
    "partnership-meeting": ("#1d3557", "#1d3557", "#ffffff"),
    "strategic-committee": ("#2f5d8a", "#2f5d8a", "#ffffff"),
    "professional-committee": ("#e3edf7", "#2f5d8a", "#14213d"),
    "secretariat": ("#eef3e8", "#55713a", "#1f2d12"),
}
"""Fill, stroke and text colour per body kind; other kinds get :data:`DEFAULT_STYLE`."""
DEFAULT_STYLE = ("#ffffff", "#5a6b7d", "#14213d")
BOLD_FACTOR = 1.12
"""How much wider bold glyphs run than regular ones, for wrapping."""
LINE_STYLES: Mapping[str, tuple[str, float]] = {
    "steers": ("", 1.5),
    "under": ("2 3", 1.5),
    "mandate": ("", 3.0),
}
"""The stroke pattern and width of each kind of line, as the legend's words name them
(``diagram.solid``, ``diagram.dotted``, ``diagram.thick``): a body ``steers`` along a
solid line, has others ``under`` it along a dotted one, gives the ``mandate`` along a
thick one. Another kind is drawn solid."""
DEFAULT_LINE = ("", 1.5)
CLOSED_STYLE = ("#f1f1f1", "#8a8a8a", "#3d3d3d")


@attrs.frozen(kw_only=True)
class DiagramRow:
    """One body placed in the tree: its depth and the relation to the row above it.

    ``via`` is ``"steering"``, ``"parent"`` or ``"mandate"`` (the body that gave its
    mandate, where neither of the others is known) for a body placed under another,
    ``None`` for a top-level body; ``above`` is the id of that other body.
    """

    body: Body
    depth: int
    above: str | None = None
    via: str | None = None


_VIA: Mapping[str, str] = {"steers": "steering", "under": "parent", "mandate": "mandate"}
"""The rows' name for each kind of :class:`~helsefellesskap.render.view.Edge`."""


def diagram_rows(bodies: Sequence[Body]) -> list[DiagramRow]:
    """Order ``bodies`` as an indented tree: :func:`helsefellesskap.render.view.governance_tree`,
    the structure every format shares (the outline's diagram is built from it)."""
    return [
        DiagramRow(
            body=row.body,
            depth=row.depth,
            above=row.edge.source if row.edge else None,
            via=_VIA[row.edge.kind] if row.edge else None,
        )
        for row in view.governance_tree(bodies)
    ]


def wrap_text(text: str, width: float, char_width: float = CHAR_WIDTH) -> list[str]:
    """Break ``text`` into lines of at most ``width`` pixels (estimated), at spaces.

    A single word longer than a line is kept whole on its own line rather than cut.
    """
    limit = max(1, int(width // char_width))
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def _attr(value: object) -> str:
    return escape(xml_text(str(value), " "), quote=True)


def _text(value: str) -> str:
    """Text of the diagram, escaped, with characters XML cannot hold gone and the
    bidirectional controls it opens closed (:mod:`helsefellesskap.render.safe`)."""
    return escape(balance_bidi(xml_text(value, " ")), quote=False)


def _stroke(kind: str) -> str:
    """The stroke attributes of a line of ``kind``: its width and any dash pattern."""
    pattern, width = LINE_STYLES.get(kind, DEFAULT_LINE)
    dashed = f' stroke-dasharray="{pattern}"' if pattern else ""
    return f' stroke-width="{width:g}"{dashed}'


def _style(node: DiagramNode) -> tuple[str, str, str]:
    if node.closed:
        return CLOSED_STYLE
    return KIND_STYLES.get(node.kind, DEFAULT_STYLE)


def _label_lines(label: Inlines) -> list[tuple[str, bool]]:
    """A node's label split at its line breaks, as ``(text, bold)``: a line that is all
    strong emphasis (a body's abbreviation) is bold."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for run in label:
        if isinstance(run, LineBreak):
            lines.append([])
        elif isinstance(run, Emphasis):
            lines[-1].append((inline_text(run.runs), run.strong))
        else:
            text = inline_text((run,))
            parts = text.split("\n")
            for index, part in enumerate(parts):
                if index:
                    lines.append([])
                lines[-1].append((part, False))
    out: list[tuple[str, bool]] = []
    for line in lines:
        text = "".join(part for part, _ in line)
        if text.strip():
            out.append((text, all(bold for part, bold in line if part.strip())))
    return out


def box_lines(node: DiagramNode, closed_label: str, text_width: float) -> list[tuple[str, bool]]:
    """The lines of a node's box as ``(text, bold)``, wrapped to ``text_width``: its
    label line by line (where a label has a bold line only, as a body without an
    abbreviation, that line is its name), then ``(closed)`` for a closed body."""
    lines: list[tuple[str, bool]] = []
    for text, bold in _label_lines(node.label) or [("", False)]:
        char_width = CHAR_WIDTH * BOLD_FACTOR if bold else CHAR_WIDTH
        lines.extend((line, bold) for line in wrap_text(text, text_width, char_width))
    if node.closed and closed_label:
        lines.append((f"({closed_label})", False))
    return lines


def governance_svg(
    diagram: Diagram,
    *,
    title: str = "",
    labelled_by: str | None = None,
    description: str = "",
    element_id: str = "org",
    language: str | None = None,
) -> Markup:
    """The outline's governance ``diagram`` as an accessible inline SVG.

    Its accessible name is the element with the id ``labelled_by`` (the heading above
    it, or the figure's caption) where given, else ``title``, written into the SVG;
    ``description`` describes it. ``element_id`` prefixes the ids inside the SVG (its
    title, description and arrow markers), so that two diagrams on one page do not
    clash. ``language``, where given, is set as the ``lang`` of the diagram, whose
    name, description and legend are in that language.
    """
    if not isinstance(diagram, GovernanceDiagram):  # a bar chart: its own drawing
        from .chart_svg import chart_svg

        return chart_svg(
            diagram,
            title=title,
            labelled_by=labelled_by,
            description=description,
            element_id=element_id,
            language=language,
        )
    legend = {kind: inline_text(words) for kind, words in diagram.legend}
    closed_label = inline_text(diagram.closed_label)
    above = {edge.target: edge for edge in diagram.edges}
    text_width = BOX_WIDTH - 2 * PADDING_X
    max_depth = max((node.depth for node in diagram.nodes), default=0)
    width: float = MARGIN * 2 + max_depth * INDENT + BOX_WIDTH
    prefix = _attr(element_id)

    parts: list[str] = []
    boxes: dict[str, tuple[float, float, float]] = {}  # id -> (x, top, bottom)
    y: float = MARGIN
    for node in diagram.nodes:
        lines = box_lines(node, closed_label, text_width)
        height = 2 * PADDING_Y + LINE_HEIGHT * len(lines)
        x = MARGIN + node.depth * INDENT
        fill, stroke, ink = _style(node)
        dash = ' stroke-dasharray="5 3"' if node.closed else ""
        parts.append(f'<g class="body kind-{_attr(node.kind)}" data-body="{_attr(node.id)}">')
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>'
        )
        for index, (line, bold) in enumerate(lines):
            weight = ' font-weight="700"' if bold else ""
            baseline = y + PADDING_Y + LINE_HEIGHT * index + FONT_SIZE
            parts.append(
                f'<text x="{x + PADDING_X}" y="{baseline}" fill="{ink}"{weight}>'
                f"{_text(line)}</text>"
            )
        parts.append("</g>")
        boxes[node.id] = (x, y, y + height)
        y += height + ROW_GAP

    connectors: list[str] = []
    drawn: list[str] = []
    for node in diagram.nodes:
        edge = above.get(node.id)
        if edge is None or edge.source not in boxes:
            continue
        if edge.kind not in drawn:
            drawn.append(edge.kind)
        px, _ptop, pbottom = boxes[edge.source]
        cx, ctop, cbottom = boxes[node.id]
        start_x = px + STUB
        mid_y = (ctop + cbottom) / 2
        connectors.append(
            f'<path class="line" data-kind="{_attr(edge.kind)}" data-from="{_attr(edge.source)}" '
            f'd="M{start_x} {pbottom} V{mid_y} H{cx - 1}" fill="none" stroke="#4a5a6a"'
            f'{_stroke(edge.kind)} marker-end="url(#{prefix}-arrow)"/>'
        )

    legend_y = y + 8
    # the legend in the diagram's order, then any kind of line it has no words for
    shown = [kind for kind in legend if kind in drawn]
    shown += [kind for kind in drawn if kind not in shown]
    entries: list[str] = []
    legend_x = 0.0
    intro = inline_text(diagram.legend_title)
    if shown and intro:
        entries.append(f'<text x="0" y="12" fill="#14213d" font-weight="700">{_text(intro)}</text>')
        legend_x += len(intro) * CHAR_WIDTH * BOLD_FACTOR + 16
    for kind in shown:
        words = legend.get(kind, kind)
        entries.append(
            f'<path d="M{legend_x} 8 H{legend_x + 34}" stroke="#4a5a6a"{_stroke(kind)}'
            f' marker-end="url(#{prefix}-arrow)"/>'
            f'<text x="{legend_x + 42}" y="12" fill="#14213d">{_text(words)}</text>'
        )
        legend_x += 42 + len(words) * CHAR_WIDTH + 28
    key = (
        f'<g class="legend" transform="translate({MARGIN} {legend_y})">{"".join(entries)}</g>'
        if entries
        else ""
    )
    total_height = legend_y + (LEGEND_HEIGHT - 8 if entries else 0)
    width = max(width, MARGIN * 2 + legend_x)

    own_title = labelled_by is None
    names = " ".join(
        [
            _attr(labelled_by) if labelled_by is not None else f"{prefix}-title",
            *([f"{prefix}-desc"] if description else []),
        ]
    )
    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="governance-diagram" role="img" '
        + (f'lang="{_attr(language)}" ' if language else "")
        + f'viewBox="0 0 {width} {total_height}" width="{width}" height="{total_height}" '
        f'aria-labelledby="{names}" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" "
        f'font-size="{FONT_SIZE}">'
        + (f'<title id="{prefix}-title">{_text(title)}</title>' if own_title else "")
        + (f'<desc id="{prefix}-desc">{_text(description)}</desc>' if description else "")
        + f'<defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0 0 L10 5 L0 10 z" fill="#4a5a6a"/></marker></defs>'
    )
    return Markup(head + "".join(connectors) + "".join(parts) + key + "</svg>")
