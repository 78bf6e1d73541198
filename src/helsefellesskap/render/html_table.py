"""Where each cell of an outline table stands, for the HTML writer.

An outline :class:`~helsefellesskap.outline.blocks.Table` leaves out the cells a span
from above covers, so a cell's column is found by walking its row past the columns
those spans fill. :func:`table_layout` does that once per table and says, for each
cell, the role of the column it starts in (its ``col-…`` class), whether it is a header
cell (``th``) and the ``scope`` a header cell has: ``col`` in the header rows, in the
body ``rowgroup`` for a cell that heads every row of its group (a goal over its
measures) and ``row`` otherwise. Rows spans never reach past their group (a ``tbody``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from ..outline.blocks import Cell, Column, Paragraph, Row, Table, inline_text

__all__ = [
    "PlacedCell",
    "PlacedGroup",
    "PlacedRow",
    "Placement",
    "TableLayout",
    "column_labels",
    "placed_rows",
    "table_layout",
]


@attrs.frozen(kw_only=True)
class PlacedCell:
    """A cell with the role of the column it starts in, its tag and its ``scope``."""

    cell: Cell
    column: str
    tag: str
    scope: str | None = None
    label: str = ""
    """The header of the cell's column as plain text (a body cell of a table that
    stacks on a phone, :func:`column_labels`), written as its ``data-label``."""


@attrs.frozen(kw_only=True)
class PlacedRow:
    """A row's placed cells and its machine keys."""

    cells: tuple[PlacedCell, ...]
    data: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class PlacedGroup:
    """A group of body rows (a ``tbody``) and its machine keys."""

    rows: tuple[PlacedRow, ...]
    data: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class TableLayout:
    """The header rows and the body groups of a table, every cell placed."""

    header: tuple[PlacedRow, ...]
    groups: tuple[PlacedGroup, ...]


Placement = tuple[Cell, str, str, str | None]
"""A cell, the role of the column it starts in, its tag and its ``scope``."""


def placed_rows(
    rows: Sequence[Row], columns: Sequence[Column], *, head: bool
) -> Iterator[list[Placement]]:
    """Each row of ``rows`` (the header rows, or one group's) as its placed cells:
    ``(cell, column role, tag, scope)``, the columns found past the spans from above."""
    for cells in _placed(rows, columns, head=head):
        yield [(cell, column, tag, scope) for cell, column, tag, scope, _index in cells]


def _placed(
    rows: Sequence[Row], columns: Sequence[Column], *, head: bool
) -> Iterator[list[tuple[Cell, str, str, str | None, int]]]:
    """:func:`placed_rows`, each cell with the index of the column it starts in."""
    covered: dict[int, int] = {}  # column index -> rows still covered by a span from above
    count = len(columns)
    group_rows = len(rows)
    for row in rows:
        index = 0
        cells: list[tuple[Cell, str, str, str | None, int]] = []
        for cell in row.cells:
            if covered:
                while covered.get(index, 0) > 0:
                    index += 1
            column = columns[index].role if index < count else ""
            rowspan = cell.rowspan
            if head:
                cells.append((cell, column, "th", "col", index))
            elif cell.header:
                scope = "rowgroup" if rowspan > 1 and rowspan >= group_rows else "row"
                cells.append((cell, column, "th", scope, index))
            else:
                cells.append((cell, column, "td", None, index))
            span = max(cell.colspan, 1)
            if rowspan > 1:
                for offset in range(span):
                    covered[index + offset] = rowspan
            index += span
        yield cells
        if covered:  # one row done: every span from above covers one row fewer
            covered = {i: n - 1 for i, n in covered.items() if n - 1 > 0}


def column_labels(table: Table) -> tuple[str, ...]:
    """The header of each column as plain text, for the body cells of a table that
    stacks on a phone (every table but one of two columns, as the page's style stacks
    them): there the header row is hidden, and each cell shows its column's header
    above it. A header cell that spans columns labels each of them; a later header
    row's text takes the place of an earlier one's. No labels for a table without
    header rows."""
    count = len(table.columns)
    if not table.header or count == 2:
        return ()
    labels = [""] * count
    for cells in _placed(table.header, table.columns, head=True):
        for cell, _column, _tag, _scope, index in cells:
            text = _cell_text(cell)
            if text:
                for column in range(index, min(index + max(cell.colspan, 1), count)):
                    labels[column] = text
    return tuple(labels)


def _cell_text(cell: Cell) -> str:
    """A header cell's text: its paragraphs' runs as plain text, spaces made single."""
    texts = [inline_text(block.runs) for block in cell.blocks if isinstance(block, Paragraph)]
    return " ".join(" ".join(texts).split())


def _place(
    rows: Sequence[Row], columns: Sequence[Column], *, head: bool, labels: tuple[str, ...] = ()
) -> list[PlacedRow]:
    count = len(labels)
    return [
        PlacedRow(
            cells=tuple(
                PlacedCell(
                    cell=cell,
                    column=column,
                    tag=tag,
                    scope=scope,
                    label=labels[index] if index < count and cell.blocks else "",
                )
                for cell, column, tag, scope, index in cells
            ),
            data=row.data,
        )
        for row, cells in zip(rows, _placed(rows, columns, head=head), strict=True)
    ]


def table_layout(table: Table) -> TableLayout:
    """Each cell of ``table`` placed in its column, with its tag, scope and (a body
    cell) its column's header as plain text (:func:`column_labels`)."""
    labels = column_labels(table)
    return TableLayout(
        header=tuple(_place(table.header, table.columns, head=True)),
        groups=tuple(
            PlacedGroup(
                rows=tuple(_place(group.rows, table.columns, head=False, labels=labels)),
                data=group.data,
            )
            for group in table.groups
        ),
    )
