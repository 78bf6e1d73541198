"""Table rows written as XML text (helsefellesskap_docx.fragments) are the elements the
writer makes one by one: the same document, byte for byte, for every kind of cell the
text path takes, and the text and attribute values of the data stay text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from helsefellesskap_docx import fragments
from helsefellesskap_docx import outline as word_outline
from helsefellesskap_docx.outline import write_outline
from lxml import etree

from helsefellesskap.outline import (
    Block,
    BulletList,
    Cell,
    Column,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListItem,
    NumberedList,
    Outline,
    Paragraph,
    Row,
    RowGroup,
    Section,
    Span,
    Table,
    runs,
)

DATE = dt.date(2024, 3, 14)

TRICKY = "a & b < c > d \"e\" 'f'  g\th\ni\rj\x0bk\x00l\u00a0m"
"""Escaped characters, quotes, white space inside and around, tabs and breaks, a vertical
tab (a line break) and a character XML cannot hold (dropped)."""


def _p(*items: Any, role: str | None = None) -> Paragraph:
    return Paragraph(runs=runs(*items), role=role)


def _cells(number: int) -> list[Cell]:
    """Cells of every kind the text path writes."""
    kinds: list[Cell] = [
        Cell(blocks=(_p(f"enkel {number}"),)),
        Cell(blocks=()),
        Cell(blocks=(_p(" mellomrom foran og bak "),)),
        Cell(blocks=(_p(TRICKY),)),
        Cell(blocks=(_p(Emphasis(runs=runs("a)"), strong=True), " tiltak"),)),
        Cell(blocks=(_p(Emphasis(runs=runs("kursiv ", Emphasis(runs=runs("fet")))), "x"),)),
        Cell(blocks=(_p(Emphasis(runs=runs("strøket"), role="delete")),)),
        Cell(blocks=(_p(Span(runs=runs("English words"), lang="en")),)),
        Cell(blocks=(_p(Span(runs=runs("bokmål"), lang="nb")),)),
        Cell(blocks=(_p("før", LineBreak(), "etter", LineBreak()),)),
        Cell(blocks=(_p(Link(runs=runs("nett & sted"), url="https://example.org/?a=1&b=2")),)),
        Cell(blocks=(_p(Link(runs=runs("til seksjonen"), anchor="seksjon")),)),
        Cell(blocks=(_p(Link(runs=runs("til ingenting"), anchor="finnes-ikke")),)),
        Cell(blocks=(_p(Link(runs=runs("et annet dokument"), document="midler-2025")),)),
        Cell(blocks=(_p("ledd", role="lead"), _p("se også", role="see"))),
        Cell(
            blocks=(
                _p("Punkter:"),
                BulletList(items=(ListItem(runs=runs("en")), ListItem(runs=runs(TRICKY)))),
            )
        ),
        Cell(blocks=(NumberedList(items=(ListItem(runs=runs("tre")),), start=3),)),
        Cell(
            blocks=(
                _p("a"),
                NumberedList(items=(ListItem(runs=runs("én")), ListItem(runs=runs("to")))),
                _p("b"),
            )
        ),
        Cell(blocks=(_p("overskriftscelle"),), header=True),
    ]
    return kinds


def _table(rows: int, columns: int = 3) -> Table:
    """A table of ``rows`` body rows: a spanning goal cell per group of three rows, a cell
    spanning two columns, a short row, and cells of every kind in turn."""
    kinds = _cells(rows)
    groups = []
    made = 0
    while made < rows:
        group = []
        for index in range(min(3, rows - made)):
            spanning = (
                (Cell(blocks=(_p(f"Mål {made}"),), header=True, rowspan=3),) if not index else ()
            )
            rest = columns - 1
            if made % 4 == 1:  # a cell spanning the other columns
                cells = (Cell(blocks=(_p("bred"),), colspan=rest),)
            elif made % 4 == 2:  # a short row: the writer fills it with empty cells
                cells = (kinds[made % len(kinds)],)
            else:
                cells = tuple(kinds[(made + c) % len(kinds)] for c in range(rest))
            group.append(Row(cells=(*spanning, *cells)))
            made += 1
        groups.append(RowGroup(rows=tuple(group)))
    return Table(
        columns=tuple(Column(role=f"c{c}", width=1.0 / columns) for c in range(columns)),
        header=(Row(cells=tuple(Cell(blocks=(_p(f"Kolonne {c}"),)) for c in range(columns))),),
        groups=tuple(groups),
        caption=runs("Tabellen"),
    )


def _outline(*blocks: Block) -> Outline:
    return Outline(
        kind="action-plan",
        document="plan",
        title="Planen",
        language="nb",
        label_language="nb",
        partnership="test",
        blocks=(
            Heading(level=1, runs=runs("Planen")),
            Section(heading=Heading(level=2, runs=runs("Seksjon")), anchor="seksjon", blocks=()),
            *blocks,
        ),
    )


def _write(outline: Outline) -> bytes:
    return write_outline(
        outline,
        reader_language="nb",
        header="Testfellesskap",
        page_label="Side",
        of_label="av",
        date=DATE,
        document_file=lambda document: f"{document}.docx",
    )


OUTLINES = {
    "short": _outline(_table(4)),  # kept on one page: each paragraph kept with the next
    "long": _outline(_table(40), _table(12, columns=5)),
    "anchored": _outline(
        Table(
            columns=(Column(role="a"), Column(role="b")),
            header=(),
            groups=(RowGroup(rows=(Row(cells=(*_cells(0)[:2],)),) * 10),),
            anchor="tabellen",
        )
    ),
}


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_rows_as_text_are_the_rows_made_element_by_element(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outline = OUTLINES[name]
    by_text = _write(outline)
    # the writer's other way: every row element by element
    monkeypatch.setattr(word_outline, "_plain_cell", lambda cell: False)
    by_element = _write(outline)
    assert by_text == by_element


def test_plain_rows_are_written_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above compares two ways: plain rows do not take the element way."""
    one_by_one: list[object] = []
    original = word_outline.OutlineWriter._row

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        one_by_one.append(args[1])
        original(self, *args, **kwargs)

    monkeypatch.setattr(word_outline.OutlineWriter, "_row", spy)
    _write(OUTLINES["long"])
    assert one_by_one == []
    _write(OUTLINES["anchored"])  # the first row takes the table's bookmark
    assert len(one_by_one) == 1


@pytest.mark.parametrize("way", ["text", "elements"])
def test_a_row_with_more_cells_than_columns_is_refused_either_way(
    way: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways of writing a row walk it alike (one walk, ``_row_slots``): a row of the
    outline with more cells than the table has columns is an error naming both counts."""
    if way == "elements":
        monkeypatch.setattr(word_outline, "_plain_cell", lambda cell: False)
    table = Table(
        columns=(Column(role="a"), Column(role="b")),
        header=(),
        groups=(RowGroup(rows=(Row(cells=tuple(_cells(0)[:3])),)),),
    )
    with pytest.raises(ValueError, match="a table row has 3 cells for 2 columns"):
        _write(_outline(table))


def test_the_datas_text_stays_text() -> None:
    data = _write(_outline(_table(40)))
    document = docx.Document(io.BytesIO(data))
    tbl = document.tables[0]._tbl
    texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tbl.iter(qn("w:tc"))]
    # tabs and breaks their own elements, the vertical tab a break, U+0000 dropped
    assert "a & b < c > d \"e\" 'f'  ghijkl\u00a0m" in texts
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"xmlns" not in xml.split(b"<w:body>", 1)[1]  # no declaration below the root
    links = [
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("hyperlink")
    ]
    assert sorted(links) == ["https://example.org/?a=1&b=2", "midler-2025.docx"]


@pytest.mark.parametrize(
    "value", ["vanlig", 'a"b', "a&b<c>", "tab\there", "line\nbreak", "cr\rreturn", " kant "]
)
def test_an_attribute_value_is_parsed_back_as_it_was(value: str) -> None:
    parsed = etree.fromstring(f'<x a="{fragments.attribute(value)}"/>')
    assert parsed.get("a") == value


@pytest.mark.parametrize("text", ["", "vanlig", " kant", "kant ", "a\tb", "a\nb\rc", "&<>", "\t"])
def test_a_runs_text_is_what_the_element_writer_makes(text: str) -> None:
    from docx.oxml.parser import OxmlElement

    made = OxmlElement("w:r")
    word_outline.OutlineWriter._text(made, text)
    expected = "".join(fragments.element_xml(child) for child in made)
    assert fragments.text_xml(text) == expected


def test_an_element_as_text_is_the_element() -> None:
    """element_xml writes lxml's own text of an element (python-docx's paragraph and run
    classes answer ``text`` with their runs' text) and every attribute and child."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import OxmlElement

    p = OxmlElement("w:p")
    properties = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(properties, qn("w:pStyle"), {qn("w:val"): 'a"&<b>'})
    run = etree.SubElement(p, qn("w:r"))
    word_outline.OutlineWriter._text(run, " to\tord ")
    text = fragments.element_xml(p)
    assert "xmlns" not in text
    parsed = etree.fromstring(f"<w:body {nsdecls('w')}>{text}</w:body>")[0]
    assert etree.tostring(parsed) == etree.tostring(p)
