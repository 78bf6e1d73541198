"""Column widths from a table's content.

Word lays a fixed table out in the widths it is given; fixed shares make a narrow column
of long words break them mid-word (``Helgelandssykehus|et``) while a column of short dates
stays half empty. :func:`column_widths` measures the text of each column instead:

* the *minimum* of a column is its longest word (at the table's font size, with the cell
  margins and the indent of a list in a cell), so that no word has to be broken; a
  word breaks after a slash or a hyphen anyway, so a web address counts by its parts;
* the *share* of the rest is the mean of the outline's hint (``Column.width``) and the
  column's share of all the table's text (by its square root, which evens the rows'
  heights out), so a column of long sentences gets more room; the text of a cell
  spanning *n* rows counts *1/n*, as the rows beside it give it height;
* each column is clamped between its minimum and half of the width (three quarters of
  two columns); where the minimums do not fit at all, they are scaled down together
  (words then break at hyphenation points, where the document's language allows).

:func:`hinted_widths` gives the hints' widths alone (the layout option ``fit_columns =
false``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

import attrs

from helsefellesskap.outline import Cell, Emphasis, Link, Paragraph, Span, Table, Text

__all__ = ["CHAR_EMU", "cell_texts", "column_widths", "hinted_widths", "longest_word"]

CHAR_EMU = 65_000
"""The width of one character of table text at 9.5 pt, a little more than Calibri's
average (an em is 120,650 EMU), in EMU: measured text must fit, not just about."""
PADDING_EMU = 2 * 53_975 + 40_000
"""The cell's left and right margins (85 twips each) and a little air."""
LIST_INDENT_EMU = 144_000
"""The indent of a bulleted paragraph in a cell (4 mm)."""
MAX_SHARE = 0.5
"""No column takes more than this share of the width (of two columns, three quarters)."""

_WORD = re.compile(r"[^\s/\-\u2013]+[/\-\u2013]?")
"""What a line cannot break inside: a word, up to and with a slash or hyphen after it."""
_BREAKS = re.compile(r"[/\-\u2013]")
"""The characters after which :data:`_WORD` ends a word without white space."""


_FIELDS: dict[type, tuple[str, ...]] = {}
"""The names of the attributes of each attrs class met, worked out once per class (an
empty tuple for any other type)."""


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        fields = attrs.fields(kind) if attrs.has(kind) else ()
        names = _FIELDS[kind] = tuple(field.name for field in fields)
    return names


def _texts(value: object, found: list[str] | None = None) -> list[str]:
    """Every :class:`Text` in ``value`` (a block, a tuple of blocks or runs), in order
    (appended to ``found`` where given)."""
    found = [] if found is None else found
    if type(value) is Paragraph:  # most cells: its runs, without a look at each field
        for run in value.runs:
            if type(run) is Text:
                found.append(run.text)
            else:
                _texts(run, found)
    elif isinstance(value, Text):
        found.append(value.text)
    elif isinstance(value, tuple):
        for item in value:
            _texts(item, found)
    else:
        for name in _field_names(type(value)):
            _texts(getattr(value, name), found)
    return found


def _placed(table: Table) -> Iterator[tuple[int, Cell, int]]:
    """Each cell of ``table``'s header and body rows with its column and the number of
    rows it spans (a cell spanning columns counts for the first; the columns a cell
    spanning rows covers below it are left out, as the outline leaves them)."""
    count = len(table.columns)
    covered = [0] * count
    for row in (*table.header, *table.rows()):
        cells = iter(row.cells)
        column = 0
        while column < count:
            if covered[column] > 0:
                covered[column] -= 1
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            rows = max(1, cell.rowspan)
            yield column, cell, rows
            span = max(1, cell.colspan)
            for inner in range(column, min(column + span, count)):
                covered[inner] = rows - 1
            column += span


def cell_texts(table: Table) -> list[list[tuple[str, int]]]:
    """The text of each column of ``table``'s header and body rows, cell by cell, with
    the number of rows the cell spans (:func:`_placed`)."""
    found: list[list[tuple[str, int]]] = [[] for _ in table.columns]
    for column, cell, rows in _placed(table):
        found[column].append((_cell_text(cell), rows))
    return found


def _columns(table: Table) -> tuple[list[list[str]], list[list[float]]]:
    """The texts of each column (:func:`cell_texts`), and for each text its length
    divided by the rows its cell spans: :func:`_placed`'s walk, written out here (it
    runs over every cell of every table)."""
    count = len(table.columns)
    texts: list[list[str]] = [[] for _ in range(count)]
    lengths: list[list[float]] = [[] for _ in range(count)]
    covered = [0] * count
    for row in (*table.header, *table.rows()):
        cells = iter(row.cells)
        column = 0
        while column < count:
            if covered[column] > 0:
                covered[column] -= 1
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            blocks = cell.blocks
            if len(blocks) == 1 and type(blocks[0]) is Paragraph:  # most cells
                runs = blocks[0].runs
                if len(runs) == 1 and type(runs[0]) is Text:
                    text = runs[0].text
                else:
                    text = "".join(map(_inline_text, runs))
            else:
                text = "".join(_texts(blocks))
            rows = cell.rowspan if cell.rowspan > 1 else 1
            texts[column].append(text)
            lengths[column].append(len(text) / rows)
            span = cell.colspan
            if span > 1:
                for inner in range(column, min(column + span, count)):
                    covered[inner] = rows - 1
                column += span
            else:
                covered[column] = rows - 1
                column += 1
    return texts, lengths


def _cell_text(cell: Cell) -> str:
    """All the text of ``cell``, as :func:`cell_texts` joins it."""
    blocks = cell.blocks
    if len(blocks) == 1 and type(blocks[0]) is Paragraph:  # most cells
        runs = blocks[0].runs
        if len(runs) == 1 and type(runs[0]) is Text:
            return runs[0].text
        return "".join(map(_inline_text, runs))
    return "".join(_texts(blocks))


def _inline_text(run: object) -> str:
    """The text of a run, as :func:`_texts` finds it: an emphasis, span or link holds
    text in its runs alone (its other fields are not :class:`Text`)."""
    if isinstance(run, Text):
        return run.text
    if type(run) in _HOLDERS and isinstance(run, (Emphasis, Span, Link)):
        return "".join(map(_inline_text, run.runs))
    return "".join(_texts(run))


_HOLDERS = frozenset({Emphasis, Span, Link})
"""The runs whose text is that of their own runs (their other fields hold no text)."""


def longest_word(texts: Sequence[str]) -> int:
    """The number of characters of the longest word in ``texts`` (:data:`_WORD`)."""
    # a space joins the texts: no word spans it, so the words are each text's words; no
    # word spans any white space either, so each piece between white space (str.split
    # and the pattern's \s are the same characters) is one word unless it holds a
    # slash or hyphen, and only such a piece needs the pattern
    longest = 0
    for piece in " ".join(texts).split():
        if len(piece) <= longest:
            continue
        if _BREAKS.search(piece) is None:
            longest = len(piece)
        else:
            longest = max(longest, max(map(len, _WORD.findall(piece)), default=0))
    return longest


def hinted_widths(table: Table, total: int) -> list[int]:
    """The widths (EMU) of ``table``'s columns from the outline's hints alone (a column
    without one gets their mean)."""
    hints = [c.width if c.width is not None and c.width > 0 else None for c in table.columns]
    given = [hint for hint in hints if hint is not None]
    fallback = sum(given) / len(given) if given else 1.0
    shares = [hint if hint is not None else fallback for hint in hints]
    return _fill([int(total * share / sum(shares)) for share in shares], total) if shares else []


def column_widths(table: Table, total: int) -> list[int]:
    """The widths (EMU) of ``table``'s columns in a width of ``total`` EMU."""
    count = len(table.columns)
    if count == 0:
        return []
    texts, sizes = _columns(table)
    minimum = [longest_word(column) * CHAR_EMU + PADDING_EMU + LIST_INDENT_EMU for column in texts]
    if sum(minimum) >= total:  # the words cannot all fit: scale the minimums down together
        return _fill([int(total * m / sum(minimum)) for m in minimum], total)
    hints = [c.width if c.width is not None and c.width > 0 else None for c in table.columns]
    given = [hint for hint in hints if hint is not None]
    fallback = sum(given) / len(given) if given else 1.0
    hint_share = [hint if hint is not None else fallback for hint in hints]
    hint_total = sum(hint_share)
    # the square root: a column of twice the text needs less than twice the width
    lengths = [math.sqrt(sum(column) + 1) for column in sizes]
    length_total = sum(lengths)
    shares = [
        (h / hint_total + n / length_total) / 2 for h, n in zip(hint_share, lengths, strict=True)
    ]
    ceiling = max(int(total * max(MAX_SHARE, 1.5 / count)), max(minimum))
    widths = [min(max(int(total * s), m), ceiling) for s, m in zip(shares, minimum, strict=True)]
    # give back (or take) the difference from the columns above their minimum, by share
    for _ in range(count):
        rest = total - sum(widths)
        if rest == 0:
            break
        flexible = [
            i for i in range(count) if (widths[i] > minimum[i] if rest < 0 else widths[i] < ceiling)
        ]
        if not flexible:
            break
        weight = sum(shares[i] for i in flexible)
        for i in flexible:
            step = int(rest * shares[i] / weight)
            widths[i] = min(max(widths[i] + step, minimum[i]), ceiling)
    return _fill(widths, total)


def _fill(widths: list[int], total: int) -> list[int]:
    """``widths`` with the rounding left over given to the widest column."""
    widest = widths.index(max(widths))
    widths[widest] += total - sum(widths)
    return widths
