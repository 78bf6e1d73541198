"""Each kind of block of an outline in Word, from outlines made by hand: what a block says
is what the document shows, in the Word form the block asks for."""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Row
from helsefellesskap_docx.outline import write_outline
from helsefellesskap_docx.writer import TEXT_WIDTH

import helsefellesskap as hf
from helsefellesskap.outline import (
    Aside,
    Block,
    BulletList,
    Cell,
    Column,
    DiagramEdge,
    DiagramNode,
    Emphasis,
    Fact,
    Facts,
    Figure,
    GovernanceDiagram,
    Heading,
    LineBreak,
    Link,
    ListItem,
    NumberedList,
    Outline,
    PageBreak,
    Paragraph,
    Row,
    RowGroup,
    Section,
    Span,
    Table,
    runs,
)

DATE = dt.date(2024, 3, 14)


def _outline(*blocks: Block, language: str = "nb", running_head: str = "") -> Outline:
    return Outline(
        kind="action-plan",
        document="plan",
        title="Planen",
        language=language,
        label_language="nb",
        partnership="test",
        blocks=(Heading(level=1, runs=runs("Planen")), *blocks),
        running_head=running_head,
        colophon=runs("Laget med helsefellesskap 9.9"),
    )


def _write(outline: Outline, **options: Any) -> bytes:
    settings: dict[str, Any] = {
        "reader_language": "nb",
        "header": "Testfellesskap",
        "page_label": "Side",
        "of_label": "av",
        "date": DATE,
        "subject": "Handlingsplan",
    }
    settings.update(options)
    return write_outline(outline, **settings)


def _open(outline: Outline, **options: Any) -> Any:
    return docx.Document(io.BytesIO(_write(outline, **options)))


def _cell(text: str, **options: Any) -> Cell:
    return Cell(blocks=(Paragraph(runs=runs(text)),), **options)


def _body(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def _language(run: Any) -> str | None:
    found = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    return None if found is None else found.get(qn("w:val"))


# -- headings, paragraphs and runs -------------------------------------------------------


def test_headings_use_the_title_and_heading_styles_with_their_numbers() -> None:
    document = _open(
        _outline(
            Section(
                heading=Heading(level=2, runs=runs("Innledning"), number="1"),
                blocks=(
                    Section(heading=Heading(level=3, runs=runs("Bakgrunn")), blocks=()),
                    Heading(level=11, runs=runs("Dypt nede")),
                ),
            )
        )
    )
    headings = [(s, t) for s, t in _body(document) if s == "Title" or s.startswith("Heading")]
    assert headings == [
        ("Title", "Planen"),
        ("Heading 1", "1 Innledning"),
        ("Heading 2", "Bakgrunn"),
        ("Heading 9", "Dypt nede"),  # Word has nine levels
    ]


def test_runs_keep_emphasis_line_breaks_and_text_that_means_something_elsewhere() -> None:
    paragraph = Paragraph(
        runs=runs(
            "Ren | *tekst* ",
            Emphasis(runs=runs("kursiv")),
            " og ",
            Emphasis(runs=runs("fet ", Emphasis(runs=runs("og kursiv"))), strong=True),
            LineBreak(),
            "ny linje\tmed tab",
        )
    )
    document = _open(_outline(paragraph))
    found = next(p for p in document.paragraphs if p.text.startswith("Ren"))
    assert found.text == "Ren | *tekst* kursiv og fet og kursiv\nny linje\tmed tab"
    looks = [(r.text, bool(r.bold), bool(r.italic)) for r in found.runs]
    assert ("kursiv", False, True) in looks
    assert ("fet ", True, False) in looks
    assert ("og kursiv", True, True) in looks


def test_a_span_in_another_language_marks_its_runs_and_only_them() -> None:
    paragraph = Paragraph(
        runs=runs("Samisk navn: ", Span(runs=runs("Fjordvika buohcciviessu"), lang="se"))
    )
    label = Span(runs=runs("Period"), lang="en")
    same = Span(runs=runs("Periode"), lang="nn")  # the page's own language: no mark
    document = _open(
        _outline(
            paragraph,
            Facts(items=(Fact(label=(label,), value=runs("2025")),)),
            Facts(items=(Fact(label=(same,), value=runs("2025")),)),
            language="nn",
        ),
        reader_language="en",
    )
    marks = [(run.text, _language(run)) for p in document.paragraphs for run in p.runs if run.text]
    assert ("Samisk navn: ", None) in marks
    assert ("Fjordvika buohcciviessu", "se-NO") in marks
    assert ("Period", "en-GB") in marks
    assert ("Periode", None) in marks
    assert ("2025", None) in marks
    assert document.core_properties.language == "nn-NO"
    footer = document.sections[0].footer.paragraphs[0]
    assert {_language(r) for r in footer.runs if r.text.strip() in ("Side", "av")} == {"en-GB"}


def test_links_go_to_web_addresses_bookmarks_and_other_documents_files() -> None:
    outline = _outline(
        Paragraph(
            runs=runs(
                Link(url="https://example.org/a?b=1&c=2", runs=runs("nettsiden")),
                " ",
                Link(anchor="tiltak", runs=runs("tiltakene")),
                " ",
                Link(document="midler-2025", runs=runs("søknadsrunden")),
                " ",
                Link(anchor="finnes-ikke", runs=runs("ingen steder")),
            )
        ),
        Section(
            anchor="tiltak",
            heading=Heading(level=2, runs=runs("Tiltak"), anchor="tiltak"),
            blocks=(),
        ),
    )
    document = _open(outline, document_file=lambda document: f"{document}.docx")
    paragraph = next(p for p in document.paragraphs if "nettsiden" in p.text)
    assert paragraph.text == "nettsiden tiltakene søknadsrunden ingen steder"
    links = paragraph._p.findall(qn("w:hyperlink"))
    assert len(links) == 3  # a link to an anchor the document lacks is its text alone
    rels = document.part.rels
    assert rels[links[0].get(qn("r:id"))].target_ref == "https://example.org/a?b=1&c=2"
    assert rels[links[0].get(qn("r:id"))].is_external
    assert links[1].get(qn("w:anchor")) == "h_tiltak"
    assert rels[links[2].get(qn("r:id"))].target_ref == "midler-2025.docx"
    heading = next(p for p in document.paragraphs if p.text == "Tiltak")
    marks = heading._p.findall(qn("w:bookmarkStart"))
    assert [m.get(qn("w:name")) for m in marks] == ["h_tiltak"]  # once, though named twice


def test_bookmark_names_are_what_word_accepts_and_unique() -> None:
    long = "a" * 60
    outline = _outline(
        Heading(level=2, runs=runs("En"), anchor="ref-recruit&retain"),
        Heading(level=2, runs=runs("To"), anchor="ref_recruit_retain"),
        Heading(level=2, runs=runs("Tre"), anchor=long),
    )
    document = _open(outline)
    names = [m.get(qn("w:name")) for m in document.element.body.iter(qn("w:bookmarkStart"))]
    assert names == ["h_ref_recruit_retain", "h_ref_recruit_retain_2", "h_" + "a" * 34]
    assert all(len(n) <= 40 and n[0].isalpha() for n in names)


def test_facts_are_label_and_value_lines_and_abbreviations_a_list_of_terms() -> None:
    outline = _outline(
        Facts(
            items=(
                Fact(label=runs("Periode"), value=runs("2024–2025")),
                Fact(label=runs("Merknad:"), value=runs("ingen")),
                Fact(label=(Span(runs=runs("Note:"), lang="en"),), value=runs("ingen")),
            )
        ),
        Section(
            heading=Heading(level=2, runs=runs("Forkortelser i dokumentet")),
            blocks=(
                Facts(
                    items=(Fact(label=runs("SSU"), value=runs("Strategisk samarbeidsutvalg")),),
                    role="abbreviations",
                ),
            ),
        ),
    )
    body = [text for _style, text in _body(_open(outline))]
    assert "Periode: 2024–2025" in body
    assert "Merknad: ingen" in body  # no second colon
    assert "Note: ingen" in body
    assert "SSU\tStrategisk samarbeidsutvalg" in body


# -- lists -------------------------------------------------------------------------------


def test_lists_nest_bullets_in_the_list_styles_and_number_from_their_start() -> None:
    nested = BulletList(
        items=(
            ListItem(
                runs=runs("Første"),
                children=(
                    Paragraph(runs=runs("Forklaring")),
                    BulletList(
                        items=(
                            ListItem(
                                runs=runs("Under"),
                                children=(
                                    BulletList(
                                        items=(
                                            ListItem(
                                                runs=runs("Dypere"),
                                                children=(
                                                    BulletList(
                                                        items=(ListItem(runs=runs("Dypest")),)
                                                    ),
                                                ),
                                            ),
                                        )
                                    ),
                                ),
                            ),
                        )
                    ),
                ),
            ),
            ListItem(runs=runs("Andre")),
        )
    )
    numbered = NumberedList(
        items=(ListItem(runs=runs("tre")), ListItem(runs=runs("fire"))), start=3
    )
    document = _open(_outline(nested, numbered))
    body = _body(document)
    at = body.index(("List Bullet", "Første"))
    assert body[at : at + 8] == [
        ("List Bullet", "Første"),
        ("List Continue", "Forklaring"),
        ("List Bullet 2", "Under"),
        ("List Bullet 3", "Dypere"),
        ("List Bullet 3", "Dypest"),
        ("List Bullet", "Andre"),
        ("Normal", "3.\ttre"),
        ("Normal", "4.\tfire"),
    ]
    deepest = document.paragraphs[at + 4]
    dypere = document.paragraphs[at + 3]
    assert deepest.paragraph_format.left_indent > (dypere.paragraph_format.left_indent or 0)


# -- tables ------------------------------------------------------------------------------


def _measures_table(goals: int, measures: int) -> Table:
    """A goals and measures table: each goal heads and spans its ``measures`` rows."""
    header = Row(cells=(_cell("Mål"), _cell("Tiltak"), _cell("Ansvarlig")))
    groups = []
    for goal in range(goals):
        rows = [
            Row(
                cells=(
                    *((_cell(f"Mål {goal}", header=True, rowspan=measures),) if not m else ()),
                    Cell(
                        blocks=(
                            Paragraph(runs=runs(Emphasis(runs=runs("a)"), strong=True), " tiltak")),
                            BulletList(items=(ListItem(runs=runs(f"punkt {goal}.{m}")),)),
                        )
                    ),
                    _cell("SSU"),
                ),
                data=(("measure", f"m{goal}-{m}"),),
            )
            for m in range(measures)
        ]
        groups.append(RowGroup(rows=tuple(rows), data=(("goal", f"g{goal}"),)))
    return Table(
        columns=(
            Column(role="goal", width=0.25),
            Column(role="measure", width=0.5),
            Column(role="responsible"),
        ),
        header=(header,),
        groups=tuple(groups),
        caption=runs("Mål og tiltak"),
        role="measures",
        anchor="tabell",
    )


def test_a_table_repeats_its_header_row_and_merges_a_goal_over_its_measures() -> None:
    document = _open(_outline(_measures_table(2, 3)))
    table = document.tables[0]
    trs = table._tbl.tr_lst
    assert len(trs) == 1 + 2 * 3
    assert trs[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in trs[1:])
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
    assert [c.text for c in table.rows[0].cells] == ["Mål", "Tiltak", "Ansvarlig"]
    merges = [tr.tc_lst[0].tcPr.find(qn("w:vMerge")) for tr in trs[1:]]
    assert [m.get(qn("w:val")) if m is not None else None for m in merges] == [
        "restart",
        None,  # continue, Word's default value
        None,
        "restart",
        None,
        None,
    ]
    assert table.cell(1, 0)._tc is table.cell(3, 0)._tc  # one merged cell
    assert table.cell(1, 0).text == "Mål 0"
    assert table.cell(4, 0).text == "Mål 1"
    assert table.cell(2, 1).text == "a) tiltak\n•\u00a0punkt 0.1"
    assert table.cell(2, 2).text == "SSU"
    name = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert name is not None and name.get(qn("w:val")) == "Mål og tiltak"  # for screen readers
    caption = [p for p in document.paragraphs if p.text == "Mål og tiltak"]
    assert caption and caption[0].style.name == "Caption"
    assert caption[0]._p.find(qn("w:bookmarkStart")).get(qn("w:name")) == "h_tabell"


def _fill(tc: Any) -> str | None:
    shading = tc.tcPr.find(qn("w:shd")) if tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def test_header_cells_are_shaded_and_bold_and_the_widths_start_from_the_hints() -> None:
    document = _open(_outline(_measures_table(1, 2)))
    table = document.tables[0]
    trs = table._tbl.tr_lst
    assert {_fill(tc) for tc in trs[0].tc_lst} == {"1F3864"}
    header_runs = [r for tc in trs[0].tc_lst for p in tc.p_lst for r in p.r_lst]
    assert all(r.rPr.b is not None for r in header_runs)
    assert _fill(trs[1].tc_lst[0]) == "E8EEF7"  # the goal heads its measures
    assert _fill(trs[2].tc_lst[0]) == "E8EEF7"  # and stays shaded where it is merged
    assert _fill(trs[1].tc_lst[1]) is None
    widths = [col.width for col in table.columns]
    # 0.25 and 0.5 as given, the column without a hint their mean, blended with the
    # content (the measures have the most text): the order of the hints holds
    assert abs(sum(widths) - TEXT_WIDTH) < 1000  # the grid is in twips
    assert widths[1] > widths[2] > widths[0]


def test_a_cell_may_span_columns_and_a_short_row_is_filled_with_empty_cells() -> None:
    table = Table(
        columns=(Column(role="a"), Column(role="b"), Column(role="c")),
        header=(Row(cells=(_cell("Over alle", colspan=3),)), Row(cells=(_cell("A"), _cell("B")))),
        groups=(RowGroup(rows=(Row(cells=(_cell("1"), Cell(), _cell("3"))),)),),
    )
    document = _open(_outline(Heading(level=2, runs=runs("Oversikt")), table))
    found = document.tables[0]
    name = found._tbl.tblPr.find(qn("w:tblCaption"))
    assert name is not None and name.get(qn("w:val")) == "Oversikt"  # the heading above
    trs = found._tbl.tr_lst
    assert trs[0].tc_lst[0].grid_span == 3
    assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs] == [True, True, False]
    assert [c.text for c in found.rows[1].cells] == ["A", "B", ""]
    assert [c.text for c in found.rows[2].cells] == ["1", "", "3"]


def test_a_cell_holds_any_blocks_each_in_its_own_paragraph() -> None:
    cell = Cell(
        blocks=(
            Aside(blocks=(Paragraph(runs=runs("I en boks")),)),
            Paragraph(runs=runs("Etter boksen")),
            Section(
                heading=Heading(level=3, runs=runs("Overskrift")),
                blocks=(NumberedList(items=(ListItem(runs=runs("nummer")),)),),
            ),
            Facts(items=(Fact(label=runs("Frist"), value=runs("2025")),)),
        )
    )
    table = Table(
        columns=(Column(role="a"),), header=(), groups=(RowGroup(rows=(Row(cells=(cell,)),)),)
    )
    found = _open(_outline(table)).tables[0]
    texts = [p.text for p in found.rows[0].cells[0].paragraphs]
    assert texts == ["I en boks", "Etter boksen", "Overskrift", "1.\u00a0nummer", "Frist: 2025"]
    heading = found.rows[0].cells[0].paragraphs[2]
    assert heading.style.name == "Table Text" and all(r.bold for r in heading.runs)


def test_a_row_with_more_cells_than_columns_is_an_error_not_lost_text() -> None:
    table = Table(
        columns=(Column(role="a"),),
        header=(),
        groups=(RowGroup(rows=(Row(cells=(_cell("1"), _cell("2"))),)),),
    )
    with pytest.raises(ValueError, match="2 cells for 1 columns"):
        _write(_outline(table))


@pytest.fixture
def no_grid_lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """python-docx's ways of finding a cell by position rebuild the table's whole grid
    each time; the writer must not use them."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the writer looked a cell up by position")

    monkeypatch.setattr(DocxTable, "cell", refuse)
    monkeypatch.setattr(DocxTable, "_cells", property(refuse))
    monkeypatch.setattr(_Row, "cells", property(refuse))
    yield


def test_tables_are_built_without_looking_cells_up_by_position(no_grid_lookups: None) -> None:
    _write(_outline(_measures_table(5, 4)))


@pytest.mark.slow
def test_the_time_per_row_stays_the_same_for_a_thousand_measures() -> None:
    def seconds(measures: int) -> float:
        outline = _outline(_measures_table(measures // 5, 5))
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            _write(outline)
            best = min(best, time.perf_counter() - start)
        return best

    seconds(20)  # warm up
    small, large = seconds(100), seconds(1000)
    # quadratic growth would make a row of the large table ten times as slow
    assert large / 1000 < 3 * small / 100, (small, large)


# -- figures, asides, page breaks and the frame ------------------------------------------


def test_the_governance_diagram_is_a_nested_list_with_its_legend() -> None:
    diagram = GovernanceDiagram(
        nodes=(
            DiagramNode(id="pm", label=runs("PM"), depth=0, kind="meeting"),
            DiagramNode(id="ssu", label=runs("SSU"), depth=1, kind="committee"),
            DiagramNode(id="ag", label=runs("Arbeidsgruppe"), depth=2, kind="group", closed=True),
            DiagramNode(id="sekr", label=runs("SEKR"), depth=0, kind="secretariat"),
        ),
        edges=(
            DiagramEdge(source="pm", target="ssu", kind="steers"),
            DiagramEdge(source="ssu", target="ag", kind="under"),
            DiagramEdge(source="pm", target="sekr", kind="mandate"),
        ),
        legend=(("steers", runs("heltrukken pil – styrer")), ("under", runs("stiplet pil"))),
        closed_label=runs("(avsluttet)"),
        legend_title=runs("Forklaring"),
    )
    figure = Figure(diagram=diagram, caption=runs("Organisering"), description=runs("Et tre."))
    body = _body(_open(_outline(figure)))
    at = body.index(("Caption", "Organisering"))
    assert body[at : at + 9] == [
        ("Caption", "Organisering"),
        ("List Bullet", "PM"),
        ("List Bullet 2", "\u2192\u00a0SSU"),
        ("List Bullet 3", "\u21e2\u00a0Arbeidsgruppe (avsluttet)"),
        ("List Bullet", "SEKR"),
        ("Note", "Forklaring"),
        ("Note", "\u2192\u00a0heltrukken pil – styrer"),
        ("Note", "\u21e2\u00a0stiplet pil"),
        ("Note", "Et tre."),
    ]


def test_an_aside_is_a_shaded_box_or_with_a_heading_a_titled_block() -> None:
    boxed = Aside(blocks=(Paragraph(runs=runs("Merk dette")),), role="note")
    titled = Aside(
        blocks=(Heading(level=2, runs=runs("Om planen")), Paragraph(runs=runs("Tekst"))),
    )
    document = _open(_outline(boxed, titled))
    box = document.tables[0]
    assert [[c.text for c in row.cells] for row in box.rows] == [["Merk dette"]]
    assert _fill(box._tbl.tr_lst[0].tc_lst[0]) == "E8EEF7"
    body = _body(document)
    assert ("Heading 1", "Om planen") in body
    assert body[body.index(("Heading 1", "Om planen")) + 1] == ("Normal", "Tekst")


def test_a_page_break_starts_the_next_paragraph_on_a_new_page() -> None:
    document = _open(_outline(PageBreak(), Heading(level=2, runs=runs("Vedlegg")), PageBreak()))
    heading = next(p for p in document.paragraphs if p.text == "Vedlegg")
    assert heading.paragraph_format.page_break_before
    colophon = document.paragraphs[-1]
    assert colophon.text == "Laget med helsefellesskap 9.9"
    assert not colophon.paragraph_format.page_break_before  # no empty page at the end


def test_the_frame_header_footer_properties_and_the_same_bytes() -> None:
    outline = _outline(_measures_table(2, 2), running_head="Testfellesskap · Planen")
    data = _write(outline)
    assert _write(outline) == data
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Testfellesskap · Planen"
    assert section.footer.paragraphs[0].text == "Side 1 av 1"
    props = document.core_properties
    assert (props.title, props.author, props.subject) == (
        "Planen",
        "Testfellesskap",
        "Handlingsplan",
    )
    assert props.created == dt.datetime(2024, 3, 14, 12, 0, tzinfo=dt.UTC)
    without = _write(_outline())
    header = docx.Document(io.BytesIO(without)).sections[0].header.paragraphs[0].text
    assert header == "Testfellesskap\tPlanen"


def test_a_runs_text_is_built_as_python_docxs_text_setter_builds_it() -> None:
    """OutlineWriter._text builds w:t, w:tab and w:br directly: the same XML as
    ``CT_R.text = ...`` for texts with every white space character at either end, in
    the middle, alone, and with tabs and breaks."""
    import sys

    from docx.oxml import OxmlElement
    from helsefellesskap_docx.outline import OutlineWriter
    from lxml.etree import tostring

    from helsefellesskap.render.safe import xml_text

    # every white space character XML holds (the writer's texts are made safe first)
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    spaces = [space for space in spaces if xml_text(space) == space]
    assert "\u00a0" in spaces and "\u3000" in spaces
    texts = ["", "a", "a b", "\t", "\n", "\r", "a\tb\nc\rd", "\ta ", " \t\n ", "a\r\n"]
    for space in spaces:
        texts += [space, f"{space}a", f"a{space}", f"a{space}b", f"{space}\ta{space}"]
    for text in texts:
        ours, theirs = OxmlElement("w:r"), OxmlElement("w:r")
        OutlineWriter._text(ours, text)
        theirs.text = text
        assert tostring(ours) == tostring(theirs), repr(text)


def _walked_anchors(outline: Outline) -> list[str]:
    """The anchors of the sections, headings and tables as ``Outline.walk`` finds them."""
    found: list[str] = []
    for block in outline.walk():
        if isinstance(block, Section):
            found += [block.anchor or "", block.heading.anchor or "" if block.heading else ""]
        elif isinstance(block, (Heading, Table)):
            found.append(block.anchor or "")
    return [anchor for anchor in found if anchor]


def test_the_anchors_are_found_where_the_outlines_walk_finds_them(
    bundle: hf.Bundle, manager: hf.PluginManager
) -> None:
    """outline.py looks for anchors in the blocks that can hold them only: in the same
    order as every block walked, for every document of the bundled partnerships and
    the example in every language."""
    import importlib.util
    from pathlib import Path

    from helsefellesskap_docx.outline import _anchors

    from helsefellesskap.outline import build_outline
    from helsefellesskap.render.api import make_context

    bundles = [bundle]
    for package in ("helsefellesskap_troms_ofoten", "helsefellesskap_helgeland"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            bundles.append(hf.load_bundle(Path(spec.origin).parent / "data"))
    compared = 0
    for loaded in bundles:
        for item in [*loaded.documents, loaded.partnership]:
            for lang in ("nb", "nn", "en"):
                outline = build_outline(item, make_context(loaded, lang, manager))
                found: list[str] = []
                _anchors(outline.blocks, found)
                assert found == _walked_anchors(outline)
                compared += bool(found)
    assert compared > 20
