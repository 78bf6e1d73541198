"""The example action plan in Word, re-opened with python-docx as a reader's Word would."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import Any

import attrs
import pytest
from docx.oxml.ns import qn

import helsefellesskap as hf

FIVE_COLUMNS = ["Hva vil vi?", "Pågående arbeid", "Hvordan få det til?", "Ansvarlig", "Når"]


@pytest.fixture(scope="module")
def opened(render_docx: Callable[..., bytes], plan: hf.ActionPlan, word: Any) -> Any:
    return word(render_docx(plan))


def _row_texts(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_title_and_headings_use_the_built_in_styles(opened: Any) -> None:
    assert opened.headings() == [
        ("Title", "Handlingsplan 2024–2025"),
        ("Heading 1", "Forkortelser i dokumentet"),
        ("Heading 1", "1 Innledning"),
        ("Heading 2", "Nasjonale mål og føringer"),
        ("Heading 2", "Prioriterte pasientgrupper"),
        ("Heading 2", "Satsinger i partnerskapserklæringen"),
        ("Heading 3", "1. SAMMENHENGENDE PASIENTFORLØP"),
        ("Heading 3", "2. NOK PERSONELL MED RIKTIG KOMPETANSE"),
        ("Heading 1", "2 Innsatsområder"),
        ("Heading 2", "2.1 Sammenhengende pasientforløp"),
        ("Heading 2", "2.2 Personell og kompetanse"),
        ("Heading 1", "3 Veien videre"),
        ("Heading 1", "Rammeverk og kilder"),
        ("Heading 2", "Recruit & Retain"),
    ]


def test_headings_are_outline_levels_for_the_navigation_pane(opened: Any) -> None:
    styles = opened.document.styles
    for level in (1, 2):
        style = styles[f"Heading {level}"]
        outline = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1)


def test_the_abbreviations_list_names_the_bodies_the_plan_mentions(opened: Any) -> None:
    paragraphs = opened.paragraphs()
    start = paragraphs.index(("Heading 1", "Forkortelser i dokumentet"))
    listed = []
    for _style, text in paragraphs[start + 1 :]:
        if "\t" not in text:
            break
        listed.append(text)
    assert listed == [
        "PM\tPartnerskapsmøtet",
        "SSU\tStrategisk samarbeidsutvalg",
        "FSU BU\tFaglig samarbeidsutvalg barn og unge",
        "FSU DIG\tFaglig samarbeidsutvalg for digital samhandling",
    ]
    assert "SEKR" not in "\n".join(listed)  # the plan never names the secretariat


def test_one_goals_and_measures_table_per_focus_area_in_the_layout_columns(
    opened: Any, plan: hf.ActionPlan
) -> None:
    assert len(opened.document.tables) == len(plan.focus_areas) == 2
    for table in opened.document.tables:
        assert [cell.text for cell in table.rows[0].cells] == FIVE_COLUMNS


def test_the_header_row_repeats_on_every_page_and_only_it(opened: Any) -> None:
    for table in opened.document.tables:
        rows = table._tbl.tr_lst
        first = rows[0].trPr
        assert first is not None
        marker = first.find(qn("w:tblHeader"))
        assert marker is not None and marker.get(qn("w:val")) == "true"
        assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


def test_every_measure_is_in_its_row_with_label_responsible_and_deadline(
    opened: Any, plan: hf.ActionPlan
) -> None:
    rows = [row for table in opened.document.tables for row in _row_texts(table)[1:]]
    expected = {
        "overganger": ("a) ", "FSU BU", "2024"),
        "fagdager": ("b) ", "Samhandl.-sjefene", "Innen utgangen av 2024"),
        "dho": ("c) ", "FSU DIG og kommunene", "2024-2025"),
        "hospitering": ("a) ", "FSHF og kommunene", "30.06.2025"),
    }
    measures = list(plan.measures())
    assert [m.id for m in measures] == list(expected)
    for measure in measures:
        label, responsible, deadline = expected[measure.id]
        found = [row for row in rows if row[2].startswith(label + measure.text)]
        assert len(found) == 1, f"{measure.id} not found once in {rows}"
        assert found[0][3] == responsible
        assert found[0][4] == deadline
    dho = next(row for row in rows if "digital hjemmeoppfølging" in row[2])
    assert "Felles opplæring" in dho[2] and "Felles rutiner" in dho[2]


def test_a_measure_label_is_bold_before_the_text(opened: Any) -> None:
    cell = opened.document.tables[0].rows[1].cells[2]
    runs = cell.paragraphs[0].runs
    assert runs[0].text == "a)" and runs[0].bold
    assert cell.paragraphs[0].text.startswith("a) Utarbeide plan")
    assert all(not run.bold for run in runs[1:])


def test_a_goal_cell_is_merged_down_over_its_measures(opened: Any) -> None:
    table = opened.document.tables[0]
    tcs = [row.tc_lst[0] for row in table._tbl.tr_lst[1:]]
    merges = [tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None for tc in tcs]
    # goal "personsentrert" spans its two measures; goal "digital" has one row
    assert merges[0] is not None and merges[0].get(qn("w:val")) == "restart"
    assert merges[1] is not None and merges[1].get(qn("w:val")) in (None, "continue")
    assert merges[2] is None
    first = table.cell(1, 0)
    assert first.text == "Personsentrert og helhetlig helsetjeneste"
    assert table.cell(2, 0)._tc is first._tc  # python-docx sees one merged cell
    ongoing = table.cell(1, 1)
    assert ongoing.text == "Pasientsentrerte helsetjenesteteam (PSHT)"
    assert table.cell(2, 1).text == ""  # "fagdager" builds on no ongoing work


def test_the_header_names_the_partnership_and_the_footer_counts_pages(
    opened: Any, plan: hf.ActionPlan
) -> None:
    header = opened.header_text()
    assert header.startswith("Helsefellesskap Eksempel")
    assert plan.title in header
    assert opened.footer_fields() == ["PAGE", "NUMPAGES"]
    assert opened.footer_text().split("\n")[0] == "Side 1 av 1"


def test_the_page_is_a4_portrait(opened: Any) -> None:
    size = opened.document.sections[0]._sectPr.pgSz
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")  # A4 in twips
    assert size.get(qn("w:orient")) in (None, "portrait")
    section = opened.document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 20


def test_core_properties_carry_title_language_and_the_adoption_date(
    opened: Any, plan: hf.ActionPlan
) -> None:
    props = opened.document.core_properties
    assert props.title == plan.title
    assert props.language == "nb-NO"
    assert props.author == "Helsefellesskap Eksempel"
    assert props.subject == "Handlingsplan"
    assert props.created == props.modified == dt.datetime(2024, 3, 14, 12, 0, tzinfo=dt.UTC)
    assert props.comments == ""


def test_the_proofing_language_is_bokmaal(opened: Any) -> None:
    styles = opened.document.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "nb-NO"


def test_the_same_plan_renders_to_the_same_bytes(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan
) -> None:
    first = render_docx(plan)
    assert render_docx(plan) == first
    names = zipfile.ZipFile(BytesIO(first)).namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert {i.date_time for i in zipfile.ZipFile(BytesIO(first)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_the_document_parts_are_well_formed_xml(
    render_docx: Callable[..., bytes], plan: Any
) -> None:
    from lxml import etree

    archive = zipfile.ZipFile(BytesIO(render_docx(plan)))
    for name in archive.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            etree.fromstring(archive.read(name))  # raises on malformed XML


def test_the_national_goals_and_commitments_are_spelled_out(opened: Any) -> None:
    text = opened.text()
    assert "Innbyggerne og helsepersonellet skal oppleve at;" in text
    assert "Nasjonal helse- og samhandlingsplan 2024–2027" in text
    assert "Hovedmål 1: Personsentrerte og helhetlige tjenester" in text
    assert "1. SAMMENHENGENDE PASIENTFORLØP" in text
    assert "alltid ha brukerrepresentasjon i sitt arbeid" in text  # way forward, national


def test_the_three_column_layout_of_another_partnership(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, plan: hf.ActionPlan, word: Any
) -> None:
    partnership = attrs.evolve(
        bundle.partnership,
        layout=hf.Layout(measure_columns=("goal", "measure", "responsible")),
    )
    three = attrs.evolve(bundle, partnership=partnership)
    opened = word(render_docx(plan, in_bundle=three))
    # the layout's three columns, then the deadline column: the plan sets deadlines
    # and shows them whatever the layout (issue 13)
    for table in opened.document.tables:
        assert [c.text for c in table.rows[0].cells] == [
            "Hva vil vi?",
            "Hvordan få det til?",
            "Ansvarlig",
            "Når",
        ]
    first = opened.document.tables[0]
    assert first.cell(1, 0)._tc is first.cell(2, 0)._tc is first.cell(1, 0)._tc
    assert first.cell(3, 0).text == "Bruke teknologi og digitale løsninger"


def test_text_that_means_something_elsewhere_is_kept_verbatim(opened: Any) -> None:
    # Markdown's pipes and stars are plain characters in Word
    assert "barn til voksen | med rør-tegn og *stjerne*" in opened.text()


def test_translated_labels_carry_their_own_language_and_the_data_keeps_bokmaal(
    render_docx: Any, plan: hf.ActionPlan, word: Any
) -> None:
    opened = word(render_docx(plan, "en"))
    document = opened.document

    def run_language(run: Any) -> str | None:
        found = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        return None if found is None else found.get(qn("w:val"))

    styles = document.styles.element
    default = styles.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert default is not None and default.get(qn("w:val")) == "nb-NO"
    headings = {p.text: p for p in document.paragraphs if p.style.name.startswith("Heading")}
    # a heading that is a label is marked English; a focus area's title is data
    focus_areas = headings["2 Focus areas"]
    assert [(r.text, run_language(r)) for r in focus_areas.runs] == [
        ("2 ", None),  # the number is no word of either language
        ("Focus areas", "en-GB"),
    ]
    assert all(run_language(r) is None for r in headings["1 Innledning"].runs)  # its own title
    area = next(p for text, p in headings.items() if plan.focus_areas[0].title in text)
    assert all(run_language(r) is None for r in area.runs)
    # the header row of the measures table is labels; its cells are data
    table = next(t for t in document.tables if len(t.columns) >= 3 and len(t.rows) > 1)
    header_runs = [r for c in table.rows[0].cells for p in c.paragraphs for r in p.runs]
    assert header_runs and all(run_language(r) == "en-GB" for r in header_runs)
    assert header_runs[0].text == "What do we want?"
    body_runs = [r for c in table.rows[1].cells for p in c.paragraphs for r in p.runs if r.text]
    assert body_runs and all(run_language(r) is None for r in body_runs)
