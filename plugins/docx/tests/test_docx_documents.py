"""Every document type and the governance overview, in every language, in Word."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from docx.oxml.ns import qn
from helsefellesskap_docx.writer import word_language

import helsefellesskap as hf
from helsefellesskap.outline import Aside, Outline, Section, Span, Table, build_outline
from helsefellesskap.outline.blocks import Inlines
from helsefellesskap.render.api import make_context, render_bundle, renders
from helsefellesskap.render.catalogue import LANGUAGES
from helsefellesskap.render.dates import own_date

DOCUMENT_IDS = [
    "fjordviklofte-2023-2026",
    "handlingsplan-2024-2025",
    "arsrapport-2024",
    "midler-2025",
    "innspill-2023",
]
WORD_LANGUAGE = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
FOOTER = {"nb": "Side 1 av 1", "nn": "Side 1 av 1", "en": "Page 1 of 1"}


def _inline_spans(items: Inlines) -> Iterator[Span]:
    for item in items:
        if isinstance(item, Span):
            yield item
        runs = getattr(item, "runs", ())
        yield from _inline_spans(runs)


def _spans(outline: Outline) -> Iterator[Span]:
    """Every language span of ``outline``: in runs, facts, list items, cells, diagrams."""
    for block in outline.walk():
        for value in attrs.astuple(block, recurse=False):
            yield from _spans_in(value)


def _spans_in(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
        yield from _inline_spans(value.runs)
    elif isinstance(value, tuple):
        for part in value:
            yield from _spans_in(part)
    elif attrs.has(type(value)) and not isinstance(value, (Section, Table, Aside)):
        for part in attrs.astuple(value, recurse=False):  # type: ignore[arg-type]
            yield from _spans_in(part)


def _items(bundle: hf.Bundle) -> list[Any]:
    return [*bundle.documents, bundle.partnership]


def test_the_example_holds_every_document_type(bundle: hf.Bundle) -> None:
    assert set(DOCUMENT_IDS) <= {d.id for d in bundle.documents}
    kinds = {type(d) for d in bundle.documents}
    assert kinds >= {
        hf.Declaration,
        hf.ActionPlan,
        hf.AnnualReport,
        hf.FundingRound,
        hf.ConsultationResponse,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("item_id", [*DOCUMENT_IDS, "eksempel"])
def test_every_item_renders_in_every_language(
    render_docx: Callable[..., bytes],
    bundle: hf.Bundle,
    manager: hf.PluginManager,
    word: Any,
    item_id: str,
    lang: str,
) -> None:
    item = bundle.partnership if item_id == "eksempel" else bundle.document(item_id)
    assert item is not None
    opened = word(render_docx(item, lang))
    styles = [style for style, _text in opened.headings()]
    assert styles[0] == "Title"
    assert "Heading 1" in styles
    assert opened.header_text().startswith("Helsefellesskap Eksempel")
    assert opened.footer_fields() == ["PAGE", "NUMPAGES"]
    page, line = opened.footer_text().split("\n")
    assert page == FOOTER[lang]
    # the footer's second line: the date the document carries (none if it has none) and
    # the library's version
    assert line.endswith(f"helsefellesskap {hf.__version__}")
    own = own_date(item)
    assert line.startswith(own.isoformat() if own is not None else "helsefellesskap")
    # the document is in the language of its data; what the outline marks as in another
    # language (labels in the reader's, a partner's Sami name) is marked run by run
    assert opened.document.core_properties.language == "nb-NO"
    marked = {run.get(qn("w:val")) for run in opened.document.element.body.iter(qn("w:lang"))}
    outline = build_outline(item, make_context(bundle, lang, manager))
    spans = {word_language(b.lang) for b in _spans(outline) if b.lang != outline.language}
    assert marked == spans
    assert (WORD_LANGUAGE[lang] in marked) == (lang != "nb")
    # no label key shows through untranslated
    keys = set(manager.labels(lang, "eksempel"))
    words = set(re.findall(r"[a-z_]+(?:\.[a-z_-]+)+", opened.text() + opened.header_text()))
    assert not (words & keys)


def test_the_languages_change_the_labels_not_the_data(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, word: Any
) -> None:
    texts = {lang: word(render_docx(plan, lang)).heading_texts() for lang in LANGUAGES}
    assert "1 Innledning" in texts["nb"]
    assert "Forkortelser i dokumentet" in texts["nb"]
    assert texts["en"] != texts["nb"]
    assert texts["nn"] != texts["nb"]
    for lang in LANGUAGES:  # the data's own words stay as written
        assert "2.1 Sammenhengende pasientforløp" in texts[lang]


def test_the_declaration_numbers_commitments_and_main_goals(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, word: Any
) -> None:
    declaration = bundle.document("fjordviklofte-2023-2026")
    opened = word(render_docx(declaration))
    assert opened.headings()[0] == ("Title", "Fjordvikløftet 2023–2026")
    assert ("Heading 2", "1. SAMMENHENGENDE PASIENTFORLØP") in opened.headings()
    assert ("Heading 2", "2. NOK PERSONELL MED RIKTIG KOMPETANSE") in opened.headings()
    text = opened.text()
    assert "Hovedmål 1: Personsentrerte og helhetlige tjenester" in text
    assert "Hovedmål 2: Digital samhandling som støtter tjenesten" in text
    assert "Innbyggerens helsetjeneste – trygg, nær og sammenhengende" in text
    assert "Vedtatt: 20.04.2023" in text
    assert "Korrigert: 02.05.2023" in text
    assert "Vedtatt: 20.04.2023 – Partnerskapsmøtet (PM)" in text
    for name in ("Fjordvik sykehus HF", "Sørvåg kommune", "Brukerrepresentanter"):
        assert name in text
    assert "Ungdomsrepresentanter" not in text  # not a party to this declaration


def test_the_governance_overview_nests_the_structure_and_lists_every_body(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, manager: hf.PluginManager, word: Any
) -> None:
    opened = word(render_docx(bundle.partnership))
    context = make_context(bundle, "nb", manager)
    assert opened.headings()[0] == ("Title", "Styringsstruktur – Helsefellesskap Eksempel")
    assert opened.header_text() == build_outline(bundle.partnership, context).running_head
    tree = [(s, t) for s, t in opened.paragraphs() if s.startswith("List Bullet")]
    # the diagram's boxes, each under the one it hangs from, marked with the line's kind
    assert tree[:6] == [
        ("List Bullet", "PM"),
        ("List Bullet 2", "\u2192\u00a0SSU"),
        ("List Bullet 3", "\u2192\u00a0FSU BU"),
        ("List Bullet 3", "\u21e2\u00a0Arbeidsgruppe for ernæring"),
        ("List Bullet 3", "\u2192\u00a0FSU DIG"),
        ("List Bullet", "SEKR"),
    ]
    legend = [t for s, t in opened.paragraphs() if s == "Note" and "pil" in t]
    assert legend == [
        "\u2192\u00a0heltrukken pil – styrer",
        "\u21e2\u00a0stiplet pil – har under seg",
    ]
    for body in bundle.partnership.bodies:
        expected = f"{body.name} ({body.abbreviation})" if body.abbreviation else body.name
        assert ("Heading 2", expected) in opened.headings()
    text = opened.text()
    assert "Utvikle felles forløp for barn og unge med sammensatte behov." in text
    assert "møterett, talerett" in text  # the County Governor's seat in SSU, without vote


def test_the_annual_report_shows_meetings_and_measure_status(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, word: Any
) -> None:
    opened = word(render_docx(bundle.document("arsrapport-2024")))
    rows = [[c.text for c in row.cells] for t in opened.document.tables for row in t.rows]
    assert ["Strategisk samarbeidsutvalg (SSU)", "6"] in rows
    # a rhythm in words is a sentence after the table, not a row with no count
    assert not any("per uke" in cell for row in rows for cell in row)
    assert "Helsefellesskapets sekretariat (SEKR) møtes minst én gang per uke" in (
        opened.text().splitlines()
    )
    assert [
        "b) Felles fagdager innen psykisk helse og rus",
        "Påbegynt",
        "To fagdager holdt, én gjenstår.",
    ] in rows
    assert "Til sammen er rundt 60 personer inne i aktive roller" in opened.text()


def test_the_funding_round_ranks_the_applications(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, word: Any
) -> None:
    opened = word(render_docx(bundle.document("midler-2025")))
    table = opened.document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Prioritet", "Søknad", "Søker", "Beløp (kr)"]
    assert [r[:2] for r in rows[1:]] == [
        ["1", "FACT Ung i Fjordvik"],
        ["2", "Trygg hjemme – digital oppfølging"],
        ["3", "ALIS-stilling i Sørvåg"],
    ]
    assert rows[2][3] == "450\u00a0000"


def test_the_consultation_response_lists_questions_and_answers(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, word: Any
) -> None:
    opened = word(render_docx(bundle.document("innspill-2023")))
    assert (
        "Heading 2",
        "Spørsmål 1: Hvilke erfaringer har dere høstet så langt?",
    ) in opened.headings()
    text = opened.text()
    assert "Til: Helse- og omsorgsdepartementet" in text
    assert "Trygg akuttmedisin" in text
    assert "SSU\tStrategisk samarbeidsutvalg" in text  # named in the introduction


def test_a_whole_partnership_renders_into_a_folder_with_word_files(
    bundle: hf.Bundle, manager: hf.PluginManager, tmp_path: Any, word: Any
) -> None:
    written = render_bundle(bundle, tmp_path / "out", formats=["docx"], manager=manager)
    names = sorted(p.name for p in written if p.suffix == ".docx")
    fmt = manager.render_format("docx")
    shown = [d for d in bundle.documents if renders(fmt, d, manager)]
    assert {d.id for d in shown} >= set(DOCUMENT_IDS)
    every = [*(f"{d.id}.docx" for d in shown), "eksempel-styringsstruktur.docx"]
    assert names == sorted(every)
    for path in written:
        if path.suffix == ".docx":
            assert word(path.read_bytes()).headings()[0][0] == "Title"
