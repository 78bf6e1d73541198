"""Text that XML and HTML cannot hold, and right-to-left controls, in rendered output:
models built in code may carry both, and no format may fail or be garbled by them."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import lxml.html
import pytest

from helsefellesskap import ActionPlan, Bundle, PluginManager, load_bundle
from helsefellesskap.render import render
from helsefellesskap.render.safe import balance_bidi, has_unsafe, is_plain, xml_text

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"
RLO = "\u202e"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    found = PluginManager()
    assert "docx" in found.render_formats(), "pip install -e plugins/docx"
    return found


def _with_first_measure(text: str) -> tuple[Bundle, ActionPlan]:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document(PLAN)
    assert isinstance(plan, ActionPlan)
    area = plan.focus_areas[0]
    goal = area.goals[0]
    measure = attrs.evolve(goal.measures[0], text=text)
    goal = attrs.evolve(goal, measures=(measure, *goal.measures[1:]))
    area = attrs.evolve(area, goals=(goal, *area.goals[1:]))
    changed = attrs.evolve(
        plan,
        focus_areas=(area, *plan.focus_areas[1:]),
        title=f"Plan{RLO} med kontroll",
        presented="Lagt fram\x0bi møte\x00",
    )
    documents = tuple(changed if d.id == PLAN else d for d in bundle.documents)
    return attrs.evolve(bundle, documents=documents), changed


def test_xml_text_maps_word_breaks_and_drops_the_rest() -> None:
    assert xml_text("a\x0bb\x0cc") == "a\nb\nc"
    assert xml_text("a\x00b\x1fc\x7fd\x85e\ufffef") == "abcdef"
    assert xml_text("tab\tline\nreturn\r") == "tab\tline\nreturn\r"
    assert xml_text("a\x0bb", "<br>") == "a<br>b"
    assert xml_text("ærlig ☂ 𝄞") == "ærlig ☂ 𝄞"


def test_balance_bidi_closes_what_a_value_opens() -> None:
    assert balance_bidi(f"abc{RLO}def") == f"abc{RLO}def\u202c"
    assert balance_bidi("\u2067x\u202ay") == "\u2067x\u202ay\u202c\u2069"
    assert balance_bidi(f"{RLO}x\u202c") == f"{RLO}x\u202c"
    assert balance_bidi("plain \u202c") == "plain \u202c"


def test_balance_bidi_follows_isolates_and_embeddings_inside_them() -> None:
    # a PDI closes its isolate and every embedding opened inside it
    assert balance_bidi("\u2066a\u202bb\u2069c") == "\u2066a\u202bb\u2069c"
    assert balance_bidi("\u202ba\u2066b\u2069") == "\u202ba\u2066b\u2069\u202c"
    assert balance_bidi("\u2069\u202c\u2068") == "\u2069\u202c\u2068\u2069"


def _every_code_point(printable: bool) -> str:
    return "".join(
        chr(point)
        for point in range(0x110000)
        if chr(point).isprintable() == printable and not 0xD800 <= point <= 0xDFFF
    )


def test_a_printable_text_is_plain_without_a_search() -> None:
    # is_plain and has_unsafe skip their search for a printable text (str.isprintable):
    # that holds only while every character they act on is unprintable
    printable = _every_code_point(True)
    searched = printable + "\t"  # a tab is unprintable: the search runs over every character
    assert is_plain(searched)
    assert not has_unsafe(searched)
    assert xml_text(searched) == searched and balance_bidi(searched) == searched
    for char in "\x00\x0b\x7f\x85\ufdd0\ufffe\U0010ffff\u202e\u2067\ud800":
        assert not is_plain(f"tekst {char}")
    assert has_unsafe("tekst \ud800") and not has_unsafe("tekst \u202e")
    assert is_plain("tab\tline\nreturn\r\u00a0and\u2003spaces")


def test_word_renders_control_characters_as_breaks(manager: PluginManager) -> None:
    import docx

    bundle, plan = _with_first_measure("Første linje\x0bandre linje\x00 slutt")
    data = render(plan, "docx", bundle=bundle, manager=manager)
    document = docx.Document(io.BytesIO(data))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    assert any("Første linje\nandre linje slutt" in text for text in cells)
    assert document.core_properties.title == f"Plan{RLO} med kontroll"


def test_html_has_no_invalid_code_points_and_breaks_the_line(manager: PluginManager) -> None:
    bundle, plan = _with_first_measure("Første linje\x0bandre linje\x00\x01 slutt")
    text = render(plan, "html", bundle=bundle, manager=manager).decode()
    assert not any(ch in text for ch in "\x00\x01\x0b\x0c")
    assert "Første linje<br>andre linje slutt" in text
    assert "Lagt fram<br>i møte" in text


def test_an_unbalanced_override_is_closed_inside_its_element(manager: PluginManager) -> None:
    bundle, plan = _with_first_measure(f"Tiltak {RLO}snudd")
    text = render(plan, "html", bundle=bundle, manager=manager).decode()
    assert f"Tiltak {RLO}snudd\u202c" in text
    page = lxml.html.fromstring(text)
    cell = next(e for e in page.iter("td", "th") if RLO in e.text_content())
    assert cell.get("dir") == "auto"
    heading = page.xpath("//h1")[0]
    assert heading.get("dir") == "auto" and heading.text_content().endswith("\u202c")


def test_every_paragraph_and_cell_of_a_page_isolates_its_direction(
    manager: PluginManager,
) -> None:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document(PLAN)
    assert plan is not None
    page = lxml.html.fromstring(render(plan, "html", bundle=bundle, manager=manager))
    for element in page.iter("p", "li", "td", "th", "h1", "h2", "h3", "dd", "dt"):
        assert element.get("dir") == "auto", lxml.html.tostring(element)[:80]
