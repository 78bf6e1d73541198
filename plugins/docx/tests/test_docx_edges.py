"""Small and odd plans in Word, and the ``render`` command writing Word files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

import helsefellesskap as hf
from helsefellesskap.render.api import render
from helsefellesskap.testing import PartnershipFolder, run_cli

PLAN_FILE = Path("plans") / "handlingsplan-2024-2025.toml"


def test_a_minimal_plan_renders_with_its_one_measure(
    partnership_folder: PartnershipFolder, manager: hf.PluginManager, word: Any
) -> None:
    bundle = partnership_folder.load(manager)
    plan = bundle.document("handlingsplan")
    opened = word(render(plan, "docx", bundle=bundle, manager=manager))
    assert opened.headings() == [
        ("Title", "Handlingsplan 2025"),
        ("Heading 1", "Forkortelser i dokumentet"),
        ("Heading 1", "1 Innsatsområder"),
        ("Heading 2", "1.1 Gode pasientforløp"),
    ]
    rows = [[c.text for c in row.cells] for row in opened.document.tables[0].rows]
    # the measure has a deadline (2025), so the plan's table shows it (issue 13)
    assert rows == [
        ["Hva vil vi?", "Hvordan få det til?", "Ansvarlig", "Når"],
        ["Bedre samhandling om utskrivning", "Lage felles rutine for utskrivning", "SSU", "2025"],
    ]
    assert opened.header_text().startswith("Testfellesskap")


def test_a_plan_without_focus_areas_or_bodies_named_has_no_empty_parts(
    partnership_folder: PartnershipFolder, manager: hf.PluginManager, word: Any
) -> None:
    partnership_folder.write(
        "plans/handlingsplan.toml",
        'kind = "action-plan"\nid = "handlingsplan"\ntitle = "Tom plan"\n'
        'partnership = "test"\nperiod = { start = 2025, end = 2026 }\n',
    )
    bundle = partnership_folder.load(manager)
    opened = word(render(bundle.document("handlingsplan"), "docx", bundle=bundle, manager=manager))
    assert opened.headings() == [("Title", "Tom plan")]
    assert opened.document.tables == []
    assert "Periode: 2025-2026" in opened.text()


def test_a_goal_without_measures_still_gets_its_row(
    partnership_folder: PartnershipFolder, manager: hf.PluginManager, word: Any
) -> None:
    partnership_folder.append(
        "plans/handlingsplan.toml",
        '[[focus_areas.goals]]\nid = "tom"\ntext = "Et mål uten tiltak ennå"\n',
    )
    bundle = partnership_folder.load(manager)
    opened = word(render(bundle.document("handlingsplan"), "docx", bundle=bundle, manager=manager))
    table = opened.document.tables[0]
    # goal, measure, responsible and the deadline column the plan's one deadline brings
    assert [c.text for c in table.rows[2].cells] == ["Et mål uten tiltak ennå", "", "", ""]
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in table._tbl.tr_lst)


def test_the_render_command_writes_a_word_file(tmp_path: Path, word: Any) -> None:
    example = Path(__file__).resolve().parents[3] / "examples" / "eksempel"
    target = tmp_path / "plan.docx"
    result = run_cli("render", str(example / PLAN_FILE), "--format", "docx", "-o", str(target))
    assert result.code == 0, result.stderr
    opened = word(target.read_bytes())
    assert opened.headings()[0] == ("Title", "Handlingsplan 2024–2025")


def test_the_render_command_refuses_to_print_word_to_the_terminal(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[3] / "examples" / "eksempel"
    result = run_cli("render", str(example / PLAN_FILE), "--format", "docx")
    assert result.code != 0
    assert "binary" in result.stderr and "-o FILE" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_the_render_command_renders_a_whole_partnership_in_another_language(
    tmp_path: Path, word: Any, bundle: hf.Bundle, lang: str
) -> None:
    example = Path(__file__).resolve().parents[3] / "examples" / "eksempel"
    out = tmp_path / "out"
    result = run_cli("render", str(example), "--format", "docx", "--lang", lang, "-o", str(out))
    assert result.code == 0, result.stderr
    files = sorted(p.name for p in out.glob("*.docx"))
    assert files == sorted(
        [*(f"{d.id}.docx" for d in bundle.documents), "eksempel-styringsstruktur.docx"]
    )
    props = word((out / "handlingsplan-2024-2025.docx").read_bytes()).document.core_properties
    assert props.language == "nb-NO"  # the data's language; the labels are marked
