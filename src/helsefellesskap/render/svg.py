"""The governance diagram as an inline SVG: bodies as boxes, relations as connectors.

The diagram is laid out as an indented tree, one body per row, as
:func:`helsefellesskap.render.view.governance_tree` places them: a body sits under the
body that steers it (``steering_body``, a solid connector), failing that the body it
belongs to (``parent``, dashed), failing that the body that gave its mandate (dotted).
An indented tree stays readable however many committees a partnership has, which a wide
top-down chart does not.

Every text that goes into the SVG is escaped here; the result is returned as
:class:`markupsafe.Markup` so that an autoescaping template inserts it as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import attrs
from markupsafe import Markup

from ..model import Body, BodyStatus, Partnership
from . import view
from .safe import balance_bidi, xml_text

__all__ = ["DiagramLabels", "DiagramRow", "diagram_rows", "governance_svg", "wrap_text"]

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
DASHES: Mapping[str, str] = {"steering": "", "parent": "6 4", "mandate": "2 3"}
"""The stroke pattern of each relation: solid, dashed, dotted."""
CLOSED_STYLE = ("#f1f1f1", "#8a8a8a", "#3d3d3d")


@attrs.frozen(kw_only=True)
class DiagramLabels:
    """The words of the diagram, in the document's language."""

    title: str = "Organisering"
    description: str = "Organene i helsefellesskapet og hvem som styrer dem."
    steers: str = "styrer"
    belongs_to: str = "har under seg"
    mandate: str = "gir mandat"
    closed: str = "avsluttet"

    def relation(self, via: str | None) -> str:
        """The words for a relation: ``steering``, ``parent`` or ``mandate``."""
        return {"steering": self.steers, "parent": self.belongs_to}.get(via or "", self.mandate)


_VIA: Mapping[str, str] = {"steers": "steering", "under": "parent", "mandate": "mandate"}
"""The diagram's name for each kind of :class:`~helsefellesskap.render.view.Edge`."""


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


def diagram_rows(bodies: Sequence[Body]) -> list[DiagramRow]:
    """Order ``bodies`` as an indented tree: :func:`helsefellesskap.render.view.governance_tree`,
    the structure every format shares, in the diagram's words."""
    return [
        DiagramRow(
            body=row.body,
            depth=row.depth,
            above=row.edge.source if row.edge else None,
            via=_VIA[row.edge.kind] if row.edge else None,
        )
        for row in view.governance_tree(bodies)
    ]


def _attr(value: object) -> str:
    return escape(xml_text(str(value), " "), quote=True)


def _text(value: str) -> str:
    """Text of the diagram, escaped, with characters XML cannot hold gone and the
    bidirectional controls it opens closed (:mod:`helsefellesskap.render.safe`)."""
    return escape(balance_bidi(xml_text(value, " ")), quote=False)


def _style(body: Body) -> tuple[str, str, str]:
    if body.status is BodyStatus.CLOSED:
        return CLOSED_STYLE
    return KIND_STYLES.get(body.kind, DEFAULT_STYLE)


def _box_lines(body: Body, labels: DiagramLabels, text_width: float) -> list[tuple[str, bool]]:
    """The lines of a body's box as ``(text, bold)``: abbreviation first, then the name."""
    lines: list[tuple[str, bool]] = []
    bold_width = CHAR_WIDTH * BOLD_FACTOR
    if body.abbreviation:
        lines.extend((line, True) for line in wrap_text(body.abbreviation, text_width, bold_width))
        lines.extend((line, False) for line in wrap_text(body.name, text_width))
    else:
        lines.extend((line, True) for line in wrap_text(body.name, text_width, bold_width))
    if body.status is BodyStatus.CLOSED:
        lines.append((f"({labels.closed})", False))
    return lines


def governance_svg(
    partnership: Partnership,
    labels: DiagramLabels | None = None,
    *,
    element_id: str = "org",
    language: str | None = None,
) -> Markup:
    """The partnership's bodies and their relations as an accessible inline SVG.

    ``element_id`` prefixes the ids inside the SVG (its title, description and arrow
    markers), so that two diagrams on one page do not clash. ``language``, where given,
    is set as the ``lang`` of the diagram, whose accessible name and description are in
    the words of ``labels``.
    """
    labels = labels or DiagramLabels()
    rows = diagram_rows(partnership.bodies)
    text_width = BOX_WIDTH - 2 * PADDING_X
    max_depth = max((row.depth for row in rows), default=0)
    width: float = MARGIN * 2 + max_depth * INDENT + BOX_WIDTH
    prefix = _attr(element_id)

    parts: list[str] = []
    boxes: dict[str, tuple[float, float, float]] = {}  # id -> (x, top, bottom)
    y: float = MARGIN
    for row in rows:
        lines = _box_lines(row.body, labels, text_width)
        height = 2 * PADDING_Y + LINE_HEIGHT * len(lines)
        x = MARGIN + row.depth * INDENT
        fill, stroke, ink = _style(row.body)
        dash = ' stroke-dasharray="5 3"' if row.body.status is BodyStatus.CLOSED else ""
        parts.append(
            f'<g class="body kind-{_attr(row.body.kind)}" data-body="{_attr(row.body.id)}">'
        )
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
        boxes[row.body.id] = (x, y, y + height)
        y += height + ROW_GAP

    connectors: list[str] = []
    for row in rows:
        if row.above is None or row.above not in boxes:
            continue
        px, _ptop, pbottom = boxes[row.above]
        cx, ctop, cbottom = boxes[row.body.id]
        start_x = px + STUB
        mid_y = (ctop + cbottom) / 2
        pattern = DASHES.get(row.via or "", "")
        dashed = f' stroke-dasharray="{pattern}"' if pattern else ""
        relation = labels.relation(row.via)
        connectors.append(
            f'<path d="M{start_x} {pbottom} V{mid_y} H{cx - 1}" fill="none" stroke="#4a5a6a" '
            f'stroke-width="1.5"{dashed} marker-end="url(#{prefix}-arrow)">'
            f"<title>{_text(relation)}</title></path>"
        )

    legend_y = y + 8
    shown = [via for via in DASHES if any(row.via == via for row in rows)]
    entries: list[str] = []
    legend_x = 0.0
    for via in shown:
        pattern = DASHES[via]
        dashed = f' stroke-dasharray="{pattern}"' if pattern else ""
        words = labels.relation(via)
        entries.append(
            f'<path d="M{legend_x} 8 H{legend_x + 34}" stroke="#4a5a6a" stroke-width="1.5"'
            f'{dashed} marker-end="url(#{prefix}-arrow)"/>'
            f'<text x="{legend_x + 42}" y="12" fill="#14213d">{_text(words)}</text>'
        )
        legend_x += 42 + len(words) * CHAR_WIDTH + 28
    legend = (
        f'<g class="legend" transform="translate({MARGIN} {legend_y})">{"".join(entries)}</g>'
        if entries
        else ""
    )
    total_height = legend_y + (LEGEND_HEIGHT - 8 if entries else 0)
    width = max(width, MARGIN * 2 + legend_x)

    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="governance-diagram" role="img" '
        + (f'lang="{escape(language)}" ' if language else "")
        + f'viewBox="0 0 {width} {total_height}" width="{width}" height="{total_height}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" "
        f'font-size="{FONT_SIZE}">'
        f'<title id="{prefix}-title">{_text(labels.title)}</title>'
        f'<desc id="{prefix}-desc">{_text(labels.description)}</desc>'
        f'<defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0 0 L10 5 L0 10 z" fill="#4a5a6a"/></marker></defs>'
    )
    return Markup(head + "".join(connectors) + "".join(parts) + legend + "</svg>")
