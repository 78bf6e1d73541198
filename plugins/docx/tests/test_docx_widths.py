"""The longest word of a column (:func:`helsefellesskap_docx.widths.longest_word`), which
looks at a piece between white space with the word pattern only where it holds a slash
or hyphen: the same length as the pattern over the whole text gives."""

from __future__ import annotations

import random
import sys

from helsefellesskap_docx import widths


def _by_the_pattern(texts: list[str]) -> int:
    return max(map(len, widths._WORD.findall(" ".join(texts))), default=0)


def test_the_longest_word_is_the_patterns_longest_word() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    alphabet = ["a", "b", "ø", "-", "/", "\u2013", "\u00ad", "\u200b", *spaces]
    shuffle = random.Random(11)
    for _ in range(20_000):
        texts = [
            "".join(shuffle.choice(alphabet) for _ in range(shuffle.randint(0, 14)))
            for _ in range(shuffle.randint(0, 3))
        ]
        assert widths.longest_word(texts) == _by_the_pattern(texts), texts


def test_the_longest_word_ends_at_a_slash_or_hyphen() -> None:
    assert widths.longest_word(["helse-fellesskap"]) == len("fellesskap")
    assert widths.longest_word(["Helse Nord/kommunene", "lege"]) == len("kommunene")
    assert widths.longest_word(["--", " "]) == 0
    assert widths.longest_word([]) == 0


def test_the_columns_measured_are_the_cells_placed() -> None:
    """The walk column_widths measures with is cell_texts' walk: spans over rows and
    columns, short rows, cells of several blocks and of runs inside runs."""
    from helsefellesskap.outline import (
        BulletList,
        Cell,
        Column,
        Emphasis,
        Link,
        ListItem,
        Paragraph,
        Row,
        RowGroup,
        Span,
        Table,
        runs,
    )

    def cell(*items: object, **options: int) -> Cell:
        return Cell(blocks=(Paragraph(runs=runs(*items)),), **options)  # type: ignore[arg-type]

    rows = (
        Row(cells=(cell("mål", rowspan=3), cell("a ", Emphasis(runs=runs("fet"))), cell("x"))),
        Row(cells=(cell(Link(runs=runs("lenke"), url="https://a.no"), colspan=2),)),
        Row(cells=(cell(Span(runs=runs("words"), lang="en")),)),  # short
        Row(
            cells=(
                Cell(
                    blocks=(
                        Paragraph(runs=runs("to")),
                        BulletList(items=(ListItem(runs=runs("b")),)),
                    )
                ),
                cell("y", colspan=0),
                cell("z", rowspan=0),
            )
        ),
    )
    table = Table(
        columns=(Column(role="a"), Column(role="b"), Column(role="c")),
        header=(Row(cells=(cell("A"), cell("B"), cell("C"))),),
        groups=(RowGroup(rows=rows),),
    )
    texts, lengths = widths._columns(table)
    placed = widths.cell_texts(table)
    assert texts == [[text for text, _ in column] for column in placed]
    assert lengths == [[len(text) / rows for text, rows in column] for column in placed]
