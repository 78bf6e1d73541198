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

from ..outline.blocks import Cell, Column, Row, Table

__all__ = [
    "PlacedCell",
    "PlacedGroup",
    "PlacedRow",
    "Placement",
    "TableLayout",
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
    covered: dict[int, int] = {}  # column index -> rows still covered by a span from above
    count = len(columns)
    group_rows = len(rows)
    for row in rows:
        index = 0
        cells: list[Placement] = []
        for cell in row.cells:
            if covered:
                while covered.get(index, 0) > 0:
                    index += 1
            column = columns[index].role if index < count else ""
            rowspan = cell.rowspan
            if head:
                cells.append((cell, column, "th", "col"))
            elif cell.header:
                scope = "rowgroup" if rowspan > 1 and rowspan >= group_rows else "row"
                cells.append((cell, column, "th", scope))
            else:
                cells.append((cell, column, "td", None))
            span = max(cell.colspan, 1)
            if rowspan > 1:
                for offset in range(span):
                    covered[index + offset] = rowspan
            index += span
        yield cells
        if covered:  # one row done: every span from above covers one row fewer
            covered = {i: n - 1 for i, n in covered.items() if n - 1 > 0}


def _place(rows: Sequence[Row], columns: Sequence[Column], *, head: bool) -> list[PlacedRow]:
    return [
        PlacedRow(
            cells=tuple(
                PlacedCell(cell=cell, column=column, tag=tag, scope=scope)
                for cell, column, tag, scope in cells
            ),
            data=row.data,
        )
        for row, cells in zip(rows, placed_rows(rows, columns, head=head), strict=True)
    ]


def table_layout(table: Table) -> TableLayout:
    """Each cell of ``table`` placed in its column, with its tag and scope."""
    return TableLayout(
        header=tuple(_place(table.header, table.columns, head=True)),
        groups=tuple(
            PlacedGroup(rows=tuple(_place(group.rows, table.columns, head=False)), data=group.data)
            for group in table.groups
        ),
    )
