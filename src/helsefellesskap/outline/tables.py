"""Simple tables for outlines: a header row of labels and rows of text cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .blocks import Block, Cell, Column, Inline, Inlines, Paragraph, Row, RowGroup, Table, runs

__all__ = ["simple_table", "text_cell"]


def text_cell(value: str | Inline | Inlines | None, *, header: bool = False) -> Cell:
    """A cell of one paragraph (empty for no value)."""
    if value is None or value == "" or value == ():
        return Cell(header=header)
    content = value if isinstance(value, tuple) else runs(value)
    return Cell(blocks=(Paragraph(runs=content),), header=header)


def simple_table(
    columns: Sequence[tuple[str, Inline]],
    rows: Iterable[tuple[Sequence[Cell], tuple[tuple[str, str], ...]]],
    *,
    role: str,
    widths: Sequence[float] | None = None,
) -> Block:
    """A table with the given ``(role, header label)`` columns and ``(cells, data)`` rows,
    each row its own group; ``widths`` are relative column widths (a hint)."""
    total = sum(widths) if widths else 0.0
    cols = tuple(
        Column(role=role_name, width=round(widths[i] / total, 4) if widths and total else None)
        for i, (role_name, _) in enumerate(columns)
    )
    header = Row(cells=tuple(text_cell(label, header=True) for _, label in columns))
    groups = tuple(
        RowGroup(rows=(Row(cells=tuple(cells), data=data),), data=data) for cells, data in rows
    )
    return Table(columns=cols, header=(header,), groups=groups, role=role)
