"""The HTML writer block by block: hand-made outlines with every kind of block and run,
written by the real templates, read back with lxml."""

from __future__ import annotations

import gc
import random
import typing
import weakref
from pathlib import Path

import attrs
import lxml.html
import pytest

import helsefellesskap
from helsefellesskap import Bundle, PluginManager
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
    Inline,
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
    inline_text,
    runs,
)
from helsefellesskap.render import make_context, render
from helsefellesskap.render.format import RenderContext
from helsefellesskap.render.html import block_kind, run_kind, text_markup, write_page
from helsefellesskap.render.html_table import column_labels, table_layout

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"
RLO = "\u202e"


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return helsefellesskap.load_bundle(EXAMPLE)


@pytest.fixture(scope="module")
def context(bundle: Bundle) -> RenderContext:
    return make_context(bundle, "nb", PluginManager(entry_points=False, use_env=False))


def outline_of(*blocks: Block, **values: object) -> Outline:
    fields: dict[str, object] = {
        "kind": "action-plan",
        "document": "test",
        "title": "Testplan",
        "language": "nb",
        "label_language": "nb",
        "partnership": "eksempel",
        "blocks": (Heading(level=1, runs=runs("Testplan")), *blocks),
        "colophon": runs("Laget med en test"),
    }
    fields.update(values)
    return Outline(**fields)  # type: ignore[arg-type]


def page_of(context: RenderContext, *blocks: Block, **values: object) -> lxml.html.HtmlElement:
    text = write_page(outline_of(*blocks, **values), context, "action-plan.html.j2")
    return lxml.html.fromstring(text.encode("utf-8"))


def main(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    (found,) = page.xpath("//main")
    return found


def paragraph(*parts: str | Inline, role: str | None = None) -> Paragraph:
    return Paragraph(runs=runs(*parts), role=role)


def cell(text: str, **values: object) -> Cell:
    return Cell(blocks=(paragraph(text),), **values)  # type: ignore[arg-type]


# -- every kind is written ----------------------------------------------------------------


def test_every_kind_of_block_and_run_has_a_macro() -> None:
    blocks = typing.get_args(Block)
    inlines = typing.get_args(Inline)
    assert {block_kind(kind.__new__(kind)) for kind in blocks} == {
        "heading",
        "paragraph",
        "facts",
        "bullet_list",
        "numbered_list",
        "table",
        "section",
        "figure",
        "aside",
        "page_break",
    }
    assert {run_kind(kind.__new__(kind)) for kind in inlines} == {
        "text",
        "line_break",
        "emphasis",
        "link",
        "span",
    }
    templates = Path(helsefellesskap.__file__).parent / "render" / "templates"
    macros = (templates / "outline.html.j2").read_text("utf-8")
    for kind in ("heading", "paragraph", "facts", "bullet_list", "numbered_list", "table"):
        assert f"{{% macro {kind}(" in macros
    for kind in ("section", "figure", "aside", "page_break", "inlines"):
        assert f"{{% macro {kind}(" in macros


def test_something_that_is_no_block_is_a_render_error(context: RenderContext) -> None:
    with pytest.raises(helsefellesskap.RenderError, match="holds a str, not a block"):
        write_page(outline_of("not a block"), context, "action-plan.html.j2")  # type: ignore[arg-type]


# -- inline runs -----------------------------------------------------------------------------


def test_inline_runs(context: RenderContext, bundle: Bundle) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    page = page_of(
        context,
        paragraph(
            "Første linje\nandre, ",
            LineBreak(),
            Emphasis(runs=runs("kursiv")),
            " og ",
            Emphasis(runs=runs("fet"), strong=True),
            ": ",
            Link(url="https://example.org/a?b=1&c=2", runs=runs("nett")),
            Link(anchor="del-2", runs=runs("del 2")),
            Link(document=plan.id, runs=runs("planen")),
            Link(document="eksempel", runs=runs("styringen")),
            Link(document="ukjent", runs=runs("ukjent")),
            Span(lang="se", runs=runs("Davvisámegiella")),
            Link(url="javascript:alert(1)", runs=runs(" skript")),
            Link(url="mailto:post@example.org", runs=runs("post")),
        ),
    )
    (p,) = main(page).xpath("p")
    assert len(p.xpath("br")) == 2
    assert p.xpath("em/text()") == ["kursiv"] and p.xpath("strong/text()") == ["fet"]
    assert p.xpath("a/@href") == [
        "https://example.org/a?b=1&c=2",
        "#del-2",
        "handlingsplan-2024-2025.html",
        "eksempel-styringsstruktur.html",
        "ukjent.html",
        "mailto:post@example.org",
    ]
    assert "skript" in p.text_content() and "javascript" not in lxml.html.tostring(p).decode()
    assert p.xpath("span[@lang='se']/text()") == ["Davvisámegiella"]
    assert p.text_content().startswith("Første linjeandre, kursiv og fet: nett")


def test_text_is_escaped_and_made_safe_once() -> None:
    assert text_markup('<b>"A" & B</b>') == "&lt;b&gt;&#34;A&#34; &amp; B&lt;/b&gt;"
    assert text_markup("a\x00b\x0bc\x0cd\x7fe") == "ab<br>c<br>de"
    assert text_markup(f"x{RLO}y") == f"x{RLO}y\u202c"
    assert text_markup("a\r\nb") == "a<br>b"
    long = "https://example.org/" + "x" * 30
    assert text_markup(f"se {long}.") == f'se <span class="long-word">{long}.</span>'
    assert text_markup("fastlegerepresentantene") == "fastlegerepresentantene"


def test_values_outside_the_runs_are_safe_too(context: RenderContext) -> None:
    page = page_of(
        context,
        Section(
            heading=Heading(level=2, runs=runs("Del")),
            blocks=(paragraph("tekst"),),
            data=(("Measure Id", 'a"b\x00<c>'),),
        ),
        title="Tittel\x0b med linjeskift",
    )
    (section,) = main(page).xpath("section")
    assert section.get("data-measure-id") == 'a"b<c>'
    assert "\x0b" not in page.xpath("string(//title)")


# -- blocks ------------------------------------------------------------------------------------


def test_headings_facts_lists_asides_and_page_breaks(context: RenderContext) -> None:
    page = page_of(
        context,
        Heading(level=9, runs=runs("For dypt"), number="9.9", anchor="dypt"),
        Facts(items=(Fact(label=runs("Periode"), value=runs("2024")),)),
        BulletList(
            items=(
                ListItem(
                    runs=runs("Punkt"),
                    children=(NumberedList(items=(ListItem(runs=runs("under")),), start=3),),
                ),
                ListItem(runs=runs("Neste")),
            ),
            role="main-goals",
        ),
        Aside(blocks=(paragraph("Merk"),), role="note"),
        PageBreak(),
    )
    body = main(page)
    (h6,) = body.xpath("h6")
    assert (h6.get("id"), h6.xpath("string(span[@class='number'])")) == ("dypt", "9.9")
    assert body.xpath("dl[@class='facts']/dt/text()") == ["Periode"]
    assert body.xpath("dl[@class='facts']/@aria-label") == ["Om dokumentet"]
    (ul,) = body.xpath("ul")
    assert ul.get("class") == "main-goals"
    assert [s.strip() for s in ul.xpath("li[1]/text()") if s.strip()] == ["Punkt"]
    (ol,) = ul.xpath("li[1]/ol")
    assert (ol.get("start"), ol.xpath("li/text()")) == ("3", ["under"])
    assert body.xpath("aside[@class='note box']/p/text()") == ["Merk"]
    assert body.xpath("div[@class='page-break']/@aria-hidden") == ["true"]


def test_a_section_takes_its_anchor_and_its_heading_an_id_of_its_own(
    context: RenderContext,
) -> None:
    page = page_of(
        context,
        Section(
            heading=Heading(level=2, runs=runs("Kapittel"), number="2", anchor="kapittel"),
            blocks=(
                Section(heading=Heading(level=3, runs=runs("Under")), blocks=()),
                Section(
                    heading=Heading(level=3, runs=runs("Egen")),
                    blocks=(),
                    anchor="egen",
                ),
            ),
            anchor="kapittel",
            role="chapter",
            data=(("chapter", "2"),),
        ),
    )
    (section,) = main(page).xpath("section")
    assert (section.get("id"), section.get("class"), section.get("data-chapter")) == (
        "kapittel",
        "chapter",
        "2",
    )
    assert section.xpath("h2/@id") == ["kapittel-heading"]
    assert section.xpath("section/h3/@id") == ["h-1", "egen-heading"]


def test_a_table_with_spans_header_cells_groups_and_keys(context: RenderContext) -> None:
    table = Table(
        columns=(Column(role="goal", width=0.25), Column(role="measure"), Column(role="who")),
        header=(
            Row(cells=(cell("Mål"), cell("Tiltak og ansvar", colspan=2))),
            Row(cells=(cell("Hva"), cell("Hvordan"), cell("Hvem"))),
        ),
        groups=(
            RowGroup(
                rows=(
                    Row(
                        cells=(cell("Mål A", header=True, rowspan=2), cell("a)"), cell("SSU")),
                        data=(("measure", "a"),),
                    ),
                    Row(cells=(cell("b)"), Cell()), data=(("measure", "b"),)),
                ),
                data=(("goal", "mal-a"),),
            ),
            RowGroup(
                rows=(Row(cells=(cell("Mål B", header=True), cell("c)"), cell("FSU"))),),
            ),
        ),
        caption=runs("Mål og tiltak"),
        role="measures",
        anchor="tabell",
        data=(("area", "forlop"),),
    )
    page = page_of(context, table)
    (element,) = page.xpath("//table")
    assert (element.get("id"), element.get("data-area")) == ("tabell", "forlop")
    assert element.get("class") == "measures cols-3"
    assert element.xpath("string(caption)") == "Mål og tiltak"
    assert element.get("aria-labelledby") is None, "a caption names it"
    cols = element.xpath("colgroup/col")
    assert [(c.get("class"), c.get("style")) for c in cols] == [
        ("col-goal", "width: 25%"),
        ("col-measure", None),
        ("col-who", None),
    ]
    heads = element.xpath("thead/tr")
    assert [th.get("colspan") for th in heads[0].xpath("th")] == [None, "2"]
    assert {th.get("scope") for th in element.xpath("thead//th")} == {"col"}
    classes = [th.get("class") for th in heads[1].xpath("th")]
    assert classes == ["col-goal", "col-measure", "col-who"]
    groups = element.xpath("tbody")
    assert [g.get("data-goal") for g in groups] == ["mal-a", None]
    first, second = groups[0].xpath("tr")
    assert first.get("data-measure") == "a" and second.get("data-measure") == "b"
    goal = first.xpath("th")[0]
    assert (goal.get("scope"), goal.get("rowspan"), goal.text) == ("rowgroup", "2", "Mål A")
    # the row under a span starts in the second column, and an empty cell stays
    assert [td.get("class") for td in second.xpath("td")] == ["col-measure", "col-who"]
    assert second.xpath("td[2]")[0].text_content() == ""
    assert groups[1].xpath("tr/th/@scope") == ["row"]


def test_a_table_without_a_caption_is_named_by_the_heading_above_it(
    context: RenderContext,
) -> None:
    table = Table(
        columns=(Column(role="a"),),
        header=(Row(cells=(cell("A"),)),),
        groups=(RowGroup(rows=(Row(cells=(cell("1"),)),)),),
    )
    page = page_of(
        context, Section(heading=Heading(level=2, runs=runs("Tabellen")), blocks=(table,))
    )
    (element,) = page.xpath("//table")
    assert not element.xpath("caption")
    (heading,) = page.xpath(f"//*[@id='{element.get('aria-labelledby')}']")
    assert heading.text_content() == "Tabellen"


def test_table_layout_places_cells_past_row_and_column_spans() -> None:
    table = Table(
        columns=tuple(Column(role=r) for r in ("a", "b", "c", "d")),
        header=(),
        groups=(
            RowGroup(
                rows=(
                    Row(cells=(Cell(rowspan=3, colspan=2, header=True), Cell(), Cell())),
                    Row(cells=(Cell(), Cell(rowspan=2))),
                    Row(cells=(Cell(),)),
                    Row(cells=(Cell(), Cell(), Cell(), Cell())),
                ),
            ),
        ),
    )
    (group,) = table_layout(table).groups
    assert [[c.column for c in row.cells] for row in group.rows] == [
        ["a", "c", "d"],
        ["c", "d"],
        ["c"],
        ["a", "b", "c", "d"],
    ]
    # the header cell heads three of the group's four rows: a row header, not the group's
    assert group.rows[0].cells[0].scope == "row"


def test_a_cell_the_outline_shares_is_written_in_the_column_it_stands_in(
    context: RenderContext,
) -> None:
    # the outline shares a cell many rows repeat (the same responsible actors); the
    # writer writes it again from what it wrote, but never with another column's class
    shared = cell("UNN og kommunene")
    table = Table(
        columns=tuple(Column(role=r) for r in ("goal", "measure", "responsible")),
        header=(),
        groups=(
            RowGroup(
                rows=(
                    Row(cells=(cell("Mål", header=True, rowspan=2), cell("a)"), shared)),
                    Row(cells=(cell("b)"), shared)),
                    Row(cells=(shared, cell("c)"), shared)),
                    Row(cells=(Cell(rowspan=3, colspan=2, header=True), shared)),
                    Row(cells=(shared,)),
                    Row(cells=(shared,)),
                    Row(cells=(cell("d)"), shared, cell("e)"))),
                ),
            ),
        ),
    )
    page = page_of(context, table)
    (element,) = page.xpath("//table")
    written = [
        [(c.tag, c.get("class"), c.get("scope"), c.text_content()) for c in row]
        for row in element.xpath("tbody/tr")
    ]
    (group,) = table_layout(table).groups
    expected = [[(p.tag, f"col-{p.column}", p.scope) for p in row.cells] for row in group.rows]
    assert [[w[:3] for w in row] for row in written] == expected
    assert [w[1] for w in written[2]] == ["col-goal", "col-measure", "col-responsible"]
    assert [w[1] for w in written[4]] == ["col-responsible"]
    assert [w[1:] for w in written[6]] == [
        ("col-goal", None, "d)"),
        ("col-measure", None, "UNN og kommunene"),
        ("col-responsible", None, "e)"),
    ]


def test_the_page_places_every_cell_as_table_layout_places_it(context: RenderContext) -> None:
    # tables of every shape of spans (rows and columns, overlapping, past the last
    # column, rows with too few and too many cells): the page's cells stand where
    # table_layout (the templates' placement) puts them
    choose = random.Random(11)
    for _ in range(200):
        columns = tuple(Column(role=f"c{i}") for i in range(choose.randint(1, 5)))
        rows = tuple(
            Row(
                cells=tuple(
                    Cell(
                        blocks=(paragraph(f"{r}.{k}"),),
                        rowspan=choose.choice((1, 1, 2, 3)),
                        colspan=choose.choice((1, 1, 2)),
                        header=choose.random() < 0.2,
                    )
                    for k in range(choose.randint(0, len(columns) + 1))
                )
            )
            for r in range(choose.randint(1, 6))
        )
        header = tuple(
            Row(
                cells=tuple(
                    Cell(
                        blocks=(paragraph(f"H{r}.{k}"),) if choose.random() < 0.9 else (),
                        colspan=choose.choice((1, 1, 2)),
                    )
                    for k in range(choose.randint(1, len(columns)))
                )
            )
            for r in range(choose.choice((0, 1, 1, 2)))
        )
        table = Table(columns=columns, header=header, groups=(RowGroup(rows=rows),))
        (element,) = page_of(context, table).xpath("//table")
        written = [
            [(c.tag, c.get("class"), c.get("scope"), c.text, c.get("data-label")) for c in tr]
            for tr in element.xpath("tbody/tr")
        ]
        (group,) = table_layout(table).groups
        expected = [
            [
                (
                    p.tag,
                    f"col-{p.column}" if p.column else None,
                    p.scope,
                    inline_text(
                        p.cell.blocks[0].runs  # type: ignore[union-attr]
                    ),
                    p.label or None,
                )
                for p in row.cells
            ]
            for row in group.rows
        ]
        assert written == expected


def test_a_body_cell_is_labelled_with_its_columns_header() -> None:
    # a header cell that spans labels each column it spans; a later header row's text
    # takes the place of an earlier one's; an empty header cell leaves it
    columns = tuple(Column(role=r) for r in ("goal", "measure", "who", "when"))
    header = (
        Row(cells=(cell("Mål"), cell("Tiltak og ansvar", colspan=2), Cell())),
        Row(cells=(Cell(), cell("Hvordan"), cell('Hvem "ansvarlig"'))),
    )
    body = (RowGroup(rows=(Row(cells=(cell("A"), cell("a)"), cell("SSU"), cell("2025"))),)),)
    table = Table(columns=columns, header=header, groups=body)
    assert column_labels(table) == ("Mål", "Hvordan", 'Hvem "ansvarlig"', "")
    (group,) = table_layout(table).groups
    assert [p.label for p in group.rows[0].cells] == ["Mål", "Hvordan", 'Hvem "ansvarlig"', ""]
    assert all(p.label == "" for row in table_layout(table).header for p in row.cells)
    # no header row, or two columns (which do not stack on a phone): no labels
    assert column_labels(attrs.evolve(table, header=())) == ()
    two = Table(columns=columns[:2], header=(Row(cells=(cell("Mål"), cell("Tiltak"))),), groups=())
    assert column_labels(two) == ()


def test_every_stacking_table_of_the_bundled_documents_labels_its_body_cells() -> None:
    # every body cell of a table with a header row (but one of two columns) carries the
    # header of the column it stands in, escaped, in every bundled document and language
    manager = PluginManager(use_env=False)
    checked = 0
    for partnership in ("troms-ofoten", "helgeland"):
        bundle = manager.load_partnership(partnership)
        for item in (bundle.partnership, *bundle.documents):
            for lang in ("nb", "nn", "en"):
                html = render(item, "html", bundle=bundle, manager=manager, lang=lang)
                page = lxml.html.fromstring(html)
                for table in page.xpath("//table[thead]"):
                    if "cols-2" in (table.get("class") or "").split():
                        continue
                    heads = {
                        th.get("class"): " ".join(th.text_content().split())
                        for th in table.xpath("thead/tr[last()]/th[@class]")
                    }
                    for body_cell in table.xpath("tbody/tr/td | tbody/tr/th"):
                        expected = heads.get(body_cell.get("class"))
                        if not (len(body_cell) or body_cell.text_content()):
                            assert body_cell.get("data-label") is None  # hidden when stacked
                        elif expected:
                            assert body_cell.get("data-label") == expected
                            checked += 1
    assert checked > 900


def test_a_header_row_tables_share_is_written_as_each_tables_own(
    context: RenderContext,
) -> None:
    # a plan's tables share their header row (and a cell may stand in the header and
    # the body); each table's head is written as if its row were its own: th, scope
    # col, the class of the column each cell stands in, and a body cell stays a td
    both = cell("Ansvar")
    header = Row(cells=(cell("Mål"), both))

    def table(*roles: str, head: Row) -> Table:
        return Table(
            columns=tuple(Column(role=r) for r in roles),
            header=(head,),
            groups=(RowGroup(rows=(Row(cells=(cell("a)"), both)),)),),
        )

    shared = page_of(
        context,
        table("goal", "responsible", head=header),
        table("goal", "responsible", head=header),
        table("measure", "deadline", head=header),
    )
    own = page_of(
        context,
        table("goal", "responsible", head=Row(cells=(cell("Mål"), cell("Ansvar")))),
        table("goal", "responsible", head=Row(cells=(cell("Mål"), cell("Ansvar")))),
        table("measure", "deadline", head=Row(cells=(cell("Mål"), cell("Ansvar")))),
    )
    assert lxml.html.tostring(shared) == lxml.html.tostring(own)
    heads = [
        [(c.tag, c.get("class"), c.get("scope"), c.text) for c in t.xpath("thead/tr/th")]
        for t in shared.xpath("//table")
    ]
    expected = [("th", "col-goal", "col", "Mål"), ("th", "col-responsible", "col", "Ansvar")]
    assert heads[0] == heads[1] == expected
    assert [h[1] for h in heads[2]] == ["col-measure", "col-deadline"]
    assert shared.xpath("//tbody/tr/td[2]/text()") == ["Ansvar"] * 3


def test_a_shared_cell_with_blocks_of_the_page_is_written_at_each_place(
    context: RenderContext,
) -> None:
    # a heading without an anchor takes an id of the page where it is written, so a
    # cell that holds one is written again at each row that shares it
    shared = Cell(
        blocks=(Section(heading=Heading(level=4, runs=runs("Del")), blocks=(paragraph("x"),)),)
    )
    table = Table(
        columns=(Column(role="measure"), Column(role="note")),
        header=(),
        groups=(RowGroup(rows=(Row(cells=(cell("a)"), shared)), Row(cells=(cell("b)"), shared)))),),
    )
    page = page_of(context, table)
    ids = page.xpath("//table//h4/@id")
    assert len(ids) == 2 and len(set(ids)) == 2, ids


def test_a_figure_draws_the_diagram_named_by_its_caption(context: RenderContext) -> None:
    diagram = GovernanceDiagram(
        nodes=(
            DiagramNode(id="pm", label=runs("PM"), depth=0, kind="partnership-meeting"),
            DiagramNode(id="ssu", label=runs("SSU"), depth=1, kind="strategic-committee"),
        ),
        edges=(DiagramEdge(source="pm", target="ssu", kind="steers"),),
        legend=(("steers", runs("heltrukken pil – styrer")),),
    )
    page = page_of(
        context,
        Figure(diagram=diagram, caption=runs("Organene"), description=runs("PM styrer SSU.")),
        Figure(diagram=diagram),
    )
    first, second = page.xpath("//figure")
    assert first.get("class") == "diagram"
    assert first.xpath("string(figcaption)") == "Organene"
    svg = first.xpath("svg")[0]
    assert svg.xpath("string(desc)") == "PM styrer SSU."
    assert svg.xpath(".//g/@data-body") == ["pm", "ssu"]
    # named by its caption; two diagrams on a page keep their ids apart
    assert svg.get("aria-labelledby") == f"{first.xpath('string(figcaption/@id)')} org-1-desc"
    other = second.xpath("svg")[0]
    assert not second.xpath("figcaption")
    assert other.get("aria-labelledby") == "org-2-title org-2-desc"
    assert other.xpath("string(desc)").startswith("Organene i Helsefellesskap Eksempel")


def test_labels_in_the_readers_language_are_marked_on_the_page(context: RenderContext) -> None:
    page = page_of(
        context,
        paragraph(Span(lang="en", runs=runs("Period")), ": 2024"),
        label_language="en",
    )
    assert page.get("lang") == "nb"
    assert page.xpath("//p[@class='doc-kind']/span/@lang") == ["en"]
    assert main(page).xpath("p/span/@lang") == ["en"]
    assert page.xpath("string(//footer)").strip() == "Laget med en test"


def test_a_written_page_lets_go_of_its_outline_at_once(context: RenderContext) -> None:
    # the macros outline.html.j2 defines for a page and their context refer to each
    # other; write_page empties that context, so the outline is freed when the page is
    # written rather than held until the garbage collector finds the cycle
    outline = outline_of(
        Section(heading=Heading(level=2, runs=runs("Kapittel")), blocks=(paragraph("Tekst"),))
    )
    held = weakref.ref(outline)
    collecting = gc.isenabled()
    gc.disable()
    try:
        assert "Kapittel" in write_page(outline, context, "action-plan.html.j2")
        del outline
        assert held() is None
    finally:
        if collecting:
            gc.enable()
