"""The Markdown format: escaping, layout of every document type, golden files.

Regenerate the golden files after an intended change with
``HF_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_markdown.py tests/test_render_json.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from helsefellesskap import (
    ActionPlan,
    Bundle,
    FocusArea,
    Goal,
    Measure,
    PluginManager,
    load_bundle,
)
from helsefellesskap.model import Period, Section
from helsefellesskap.render import LANGUAGES, render
from helsefellesskap.render.markdown import (
    MarkdownFormat,
    escape_cell,
    escape_text,
    escape_url,
    mermaid_diagram,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
GOLDEN = Path(__file__).resolve().parent / "golden" / "eksempel"
UPDATE = os.environ.get("HF_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


def check_golden(path: Path, data: bytes) -> None:
    """Compare ``data`` with the golden file, or write it when HF_UPDATE_GOLDEN=1; the
    colophon's version is stored as ``VERSION`` so that a release changes no golden file."""
    from helsefellesskap import __version__

    data = data.replace(f"helsefellesskap {__version__}".encode(), b"helsefellesskap VERSION")
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing: run with HF_UPDATE_GOLDEN=1 to create it"
    assert data.decode("utf-8") == path.read_text("utf-8"), (
        f"{path.name} differs from its golden file; if intended, regenerate with HF_UPDATE_GOLDEN=1"
    )


# -- escaping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vanlig tekst", "vanlig tekst"),
        ("*stjerne* og _strek_", r"\*stjerne\* og \_strek\_"),
        ("# ikke overskrift", r"\# ikke overskrift"),
        ("1. ikke liste", r"1\. ikke liste"),
        ("2024) heller ikke", r"2024\) heller ikke"),
        ("- ikke punkt", r"\- ikke punkt"),
        ("+ ikke punkt", r"\+ ikke punkt"),
        ("> ikke sitat", r"\> ikke sitat"),
        ("a | b", r"a \| b"),
        ("[lenke](x)", r"\[lenke\](x)"),
        ("<script>", r"\<script>"),
        ("`kode`", r"\`kode\`"),
        ("sti\\fil", r"sti\\fil"),
        ("    innrykk ", "innrykk"),
        ("år 2024. Neste", "år 2024. Neste"),
        ("FSU-møter", "FSU-møter"),
        ("Helse & omsorg", "Helse & omsorg"),
        ("&nbsp; og &#42;", r"\&nbsp; og \&#42;"),
        ("linje én\n1. linje to", "linje én\\\n1\\. linje to"),
    ],
)
def test_escape_text(text: str, expected: str) -> None:
    assert escape_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", r"a \| b"),
        ("første\nandre", "første<br>andre"),
        ("  mellomrom  ", "mellomrom"),
        ("*vekt*", r"\*vekt\*"),
        ("1. i celle", "1. i celle"),
        ("", ""),
    ],
)
def test_escape_cell(text: str, expected: str) -> None:
    assert escape_cell(text) == expected


def test_escape_url_wraps_spaces_and_brackets() -> None:
    assert escape_url("https://example.org/a") == "https://example.org/a"
    assert escape_url("https://example.org/a b(c)") == "<https://example.org/a b(c)>"


def _single_plan(measure: Measure, **fields: object) -> ActionPlan:
    return ActionPlan(
        id="p",
        title="Plan",
        period=Period(start=2024, end=2024),
        focus_areas=(
            FocusArea(
                id="a", title="Område", goals=(Goal(id="g", text="Mål", measures=(measure,)),)
            ),
        ),
        **fields,  # type: ignore[arg-type]
    )


def _table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def test_a_hostile_measure_keeps_the_table_whole(bundle: Bundle, manager: PluginManager) -> None:
    measure = Measure(
        id="m",
        label="a)",
        text="Pipe | inni\nog linjeskift  ",
        details=("punkt | med pipe",),
        responsible=("fsu-bu",),
    )
    plan = _single_plan(measure)
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    lines = _table_lines(text)
    assert len(lines) == 3  # header, delimiter, one row
    columns = [len(re.findall(r"(?<!\\)\|", line)) for line in lines]
    assert len(set(columns)) == 1, lines
    assert r"**a)** Pipe \| inni<br>og linjeskift<br>• punkt \| med pipe" in lines[2]


def test_text_outside_tables_is_escaped(bundle: Bundle, manager: PluginManager) -> None:
    plan = _single_plan(
        Measure(id="m", text="x"),
        introduction=Section(
            title="# Innledning", paragraphs=("1. ikke en liste", "*ikke kursiv*")
        ),
    )
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    assert "## 1 \\# Innledning" in text
    assert "\n1\\. ikke en liste\n" in text
    assert "\n\\*ikke kursiv\\*\n" in text


def test_two_lists_in_a_row_do_not_merge(bundle: Bundle, manager: PluginManager) -> None:
    from helsefellesskap import Intention

    area = FocusArea(
        id="a",
        title="Område",
        intentions=(Intention(text="Hensikt", points=("punkt",)),),
        notes=("merknad",),
    )
    plan = ActionPlan(
        id="p", title="Plan", period=Period(start=2024, end=2024), focus_areas=(area,)
    )
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    # a focus area's notes are paragraphs (as in HTML and Word), the points a list
    assert "- punkt\n\nmerknad\n" in text


def test_national_requirements_join_the_section_bullets(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = _single_plan(
        Measure(id="m", text="x"),
        introduction=Section(
            paragraphs=("FSU skal:",), bullets=("egen regel",), national=("fsu.ssu-steering",)
        ),
    )
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    assert "FSU skal:\n\n- egen regel\n- ha SSU som styringsgruppe\n" in text


def test_mermaid_diagram_draws_steering_and_parent_relations(bundle: Bundle) -> None:
    diagram = mermaid_diagram(bundle.partnership)
    assert diagram.startswith("```mermaid\nflowchart TD\n")
    assert diagram.endswith("\n```")
    assert '    b_fsu_bu["FSU BU"]' in diagram
    assert "    b_pm --> b_ssu" in diagram
    assert "    b_fsu_bu -.-> b_ag_ernaering" in diagram


# -- every document, every language ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_document_of_the_example_renders(
    bundle: Bundle, manager: PluginManager, lang: str
) -> None:
    for item in (*bundle.documents, bundle.partnership):
        text = render(item, "md", bundle=bundle, lang=lang, manager=manager).decode()
        assert text.startswith("# ")
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert "\n\n\n" not in text
        assert not re.search(r"\{[a-z_]+\}", text), "an unfilled label placeholder"
        assert not re.search(r"\b(column|plan|report|governance|status)\.[a-z_]+\b", text), (
            "a label key instead of its text"
        )


def test_the_plan_shows_every_measure_with_its_label(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    for measure in plan.measures():
        assert f"**{measure.label}** {escape_cell(measure.text)}" in text
    assert text.index("## Forkortelser i dokumentet") < text.index("## 1 Innledning")
    assert "### 2.1 Sammenhengende pasientforløp" in text
    assert "- FSU BU = Faglig samarbeidsutvalg barn og unge" in text
    assert "**Hovedmål 1:** Personsentrerte og helhetlige tjenester" in text
    assert "| Hva vil vi? | Pågående arbeid | Hvordan få det til? | Ansvarlig | Når |" in text


def test_the_funding_round_is_a_ranked_table(bundle: Bundle, manager: PluginManager) -> None:
    funding = bundle.document("midler-2025")
    assert funding is not None
    text = render(funding, "md", bundle=bundle, manager=manager).decode()
    rows = [line for line in _table_lines(text)[2:]]
    assert [row.split("|")[1].strip() for row in rows] == ["1", "2", "3"]
    assert "450\u00a0000" in rows[1]


def test_rendering_is_stable(bundle: Bundle, manager: PluginManager) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    first = render(plan, "md", bundle=bundle, manager=manager)
    again = render(
        plan, "md", bundle=load_bundle(EXAMPLE), manager=PluginManager(entry_points=False)
    )
    assert first == again


def test_the_format_declares_itself() -> None:
    fmt = MarkdownFormat()
    assert (fmt.name, fmt.extension, fmt.binary) == ("md", ".md", False)
    assert fmt.media_type.startswith("text/markdown")


# -- golden files ---------------------------------------------------------------------


def _golden_items(bundle: Bundle) -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = [(d.id, d) for d in bundle.documents]
    items.append((f"{bundle.partnership.id}-styringsstruktur", bundle.partnership))
    return items


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_golden_markdown(bundle: Bundle, manager: PluginManager, lang: str) -> None:
    items = (
        _golden_items(bundle)
        if lang == "nb"
        else [("handlingsplan-2024-2025", bundle.document("handlingsplan-2024-2025"))]
    )
    for name, item in items:
        data = render(item, "md", bundle=bundle, lang=lang, manager=manager)  # type: ignore[arg-type]
        check_golden(GOLDEN / lang / f"{name}.md", data)


def test_the_focus_area_list_comes_before_the_closing_words(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = _single_plan(
        Measure(id="m", text="x"),
        focus_areas_intro=Section(paragraphs=("Planen har disse områdene:",), closing=("Slutt.",)),
    )
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    assert "## 1 Innsatsområder\n\nPlanen har disse områdene:\n\n1. Område\n\nSlutt.\n" in text


def test_escaped_cells_never_break_a_table_row() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text())
    def check(text: str) -> None:
        cell = escape_cell(text)
        assert "\n" not in cell
        assert not re.search(r"(?<!\\)(\\\\)*\|", cell.replace("\\\\", "")), cell
        assert cell == cell.strip()

    check()


def test_escaped_text_never_starts_a_block() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text(alphabet=st.sampled_from("#>-+=*_1234567890. )abc\n")))
    def check(text: str) -> None:
        for line in escape_text(text).split("\\\n"):
            assert not re.match(r"(#{1,6}(\s|$)|>|[-+*]\s|\d+[.)](\s|$))", line), line

    check()


# -- the writer, block by block ----------------------------------------------------------


def _write(bundle: Bundle, manager: PluginManager, *blocks: object) -> str:
    from helsefellesskap.outline import Outline
    from helsefellesskap.render import make_context
    from helsefellesskap.render.markdown import MarkdownWriter

    outline = Outline(
        kind="action-plan",
        document="x",
        title="X",
        language="nb",
        label_language="nb",
        partnership="eksempel",
        blocks=tuple(blocks),  # type: ignore[arg-type]
    )
    return MarkdownWriter(outline, make_context(bundle, "nb", manager)).write()


def test_writer_table_leaves_the_cells_a_span_covers_empty(
    bundle: Bundle, manager: PluginManager
) -> None:
    from helsefellesskap.outline import Cell, Column, Paragraph, Row, RowGroup, Table, runs

    def cell(text: str, **kw: int) -> Cell:
        return Cell(blocks=(Paragraph(runs=runs(text)),), **kw)  # type: ignore[arg-type]

    table = Table(
        columns=(Column(role="a"), Column(role="b"), Column(role="c")),
        header=(Row(cells=(cell("A"), cell("B"), cell("C"))),),
        groups=(
            RowGroup(
                rows=(
                    Row(cells=(cell("goal", rowspan=2), cell("wide", colspan=2))),
                    Row(cells=(cell("b2"), cell("c2"))),
                )
            ),
        ),
    )
    text = _write(bundle, manager, table)
    assert "| A | B | C |\n| --- | --- | --- |\n" in text
    assert "| goal | wide | |\n| | b2 | c2 |" in text


def test_writer_links_inlines_and_nested_lists(bundle: Bundle, manager: PluginManager) -> None:
    from helsefellesskap.outline import (
        BulletList,
        LineBreak,
        Link,
        ListItem,
        Paragraph,
        Span,
        Text,
        runs,
    )

    text = _write(
        bundle,
        manager,
        Paragraph(runs=runs("# not a heading", LineBreak(), "second line")),
        Paragraph(
            runs=runs(
                Link(document="midler-2025", runs=runs("Midler")),
                " and ",
                Link(anchor="area-x", runs=runs("an area")),
                " and ",
                Span(runs=(Text("English"),), lang="en"),
            )
        ),
        BulletList(
            items=(
                ListItem(
                    runs=runs("outer"),
                    children=(BulletList(items=(ListItem(runs=runs("inner")),)),),
                ),
            )
        ),
    )
    assert "\\# not a heading\\\nsecond line\n" in text
    assert "[Midler](midler-2025.md) and an area and English\n" in text
    assert "- outer\n\n  - inner\n" in text


def test_a_writer_writes_each_table_it_is_given_even_when_identities_are_reused(
    bundle: Bundle, manager: PluginManager
) -> None:
    # The writer keeps the text of each cell it wrote by the cell's identity (the outline
    # shares repeated cells); a table made and dropped one after another may get the
    # identity of one before, and must still be written from its own cells.
    from helsefellesskap.outline import (
        Cell,
        Column,
        Emphasis,
        Paragraph,
        Row,
        RowGroup,
        Table,
        build_outline,
    )
    from helsefellesskap.outline import Text as Run
    from helsefellesskap.render import make_context
    from helsefellesskap.render.markdown import MarkdownWriter

    context = make_context(bundle, manager=manager)
    writer = MarkdownWriter(build_outline(bundle.documents[0], context), context)
    for number in range(200):
        word = f"celle{number}"
        cell = Cell(blocks=(Paragraph(runs=(Emphasis(runs=(Run(word),), strong=True),)),))
        table = Table(
            columns=(Column(role="measure"),),
            header=(),
            groups=(RowGroup(rows=(Row(cells=(cell,)),)),),
        )
        assert writer.table(table).splitlines()[-1] == f"| **{word}** |"
        del cell, table
