"""The status report (issue 15 §6): where a plan stands on a day as a document in every
format, with its bar charts (SVG without scripts in HTML, a picture in Word, the figures
as a table in Markdown), and ``status -f FORMAT -o FILE``."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import attrs
import pytest

from helsefellesskap.cli import main
from helsefellesskap.followup.reports import status_report
from helsefellesskap.io import load_bundle
from helsefellesskap.model import ActionPlan, MeasureStatus, StatusUpdate
from helsefellesskap.outline import BarChart, Figure, Section, build_outline, inline_text
from helsefellesskap.plugins import PluginManager
from helsefellesskap.render import make_context, render

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"
DAY = dt.date(2025, 6, 30)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _charts(outline_blocks: tuple[object, ...]) -> list[BarChart]:
    found = []
    for block in outline_blocks:
        if isinstance(block, Section):
            found += _charts(block.blocks)
        elif isinstance(block, Figure) and isinstance(block.diagram, BarChart):
            found.append(block.diagram)
    return found


def test_the_outline_counts_by_status_per_focus_area_and_per_actor() -> None:
    bundle = load_bundle(EXAMPLE)
    report = status_report(bundle, "handlingsplan-2024-2025", on=DAY)
    outline = build_outline(report, make_context(bundle))
    by_area, by_actor = _charts(outline.blocks)
    (plan,) = bundle.documents_of(ActionPlan)
    assert [inline_text(b.label) for b in by_area.bars] == [a.title for a in plan.focus_areas]
    assert sum(b.total for b in by_area.bars) == report.status.total
    # the annual report's follow-up (overganger) and the plan's update (fagdager) count: done
    keys = [s.key for s in by_area.series]
    assert "done" in keys and "planned" in keys
    done = keys.index("done")
    assert sum(b.values[done] for b in by_area.bars) == report.status.by_status[MeasureStatus.DONE]
    assert [inline_text(b.label) for b in by_actor.bars] == [
        a.name for a in report.status.by_responsible
    ]
    assert [inline_text(s.label) for s in by_area.series][keys.index("done")] == "Gjennomført"
    headings = [
        inline_text(b.heading.runs) for b in outline.blocks if isinstance(b, Section) and b.heading
    ]
    assert headings == [
        "Framdrift per innsatsområde",
        "Framdrift per ansvarlig",
        "Forfalte tiltak",
        "Tiltak uten oppdatering på over 180 dager",
        "Oppdateringer siste 90 dager",
        "Oppfølging av vedtak",
    ]


def test_recent_updates_list_the_plans_updates_newest_first() -> None:
    bundle = load_bundle(EXAMPLE)
    (plan,) = bundle.documents_of(ActionPlan)
    first = next(plan.measures())
    updates = (
        StatusUpdate(date=dt.date(2025, 5, 2), status=MeasureStatus.STARTED, note="Oppstart"),
        StatusUpdate(date=dt.date(2025, 6, 1), status=MeasureStatus.DONE, note="Ferdig"),
        StatusUpdate(
            date=dt.date(2024, 1, 1), status=MeasureStatus.STARTED, note="For lenge siden"
        ),
    )
    areas = list(plan.focus_areas)
    goal = attrs.evolve(
        areas[0].goals[0],
        measures=(attrs.evolve(first, updates=updates), *areas[0].goals[0].measures[1:]),
    )
    areas[0] = attrs.evolve(areas[0], goals=(goal, *areas[0].goals[1:]))
    changed = attrs.evolve(plan, focus_areas=tuple(areas))
    bundle = attrs.evolve(
        bundle, documents=tuple(changed if d.id == plan.id else d for d in bundle.documents)
    )
    text = render(status_report(bundle, plan.id, on=DAY), "md", bundle=bundle).decode()
    recent = text.split("## Oppdateringer siste 90 dager", 1)[1].split("##", 1)[0]
    assert recent.index("Ferdig") < recent.index("Oppstart")
    assert "For lenge siden" not in recent


def test_html_draws_the_charts_as_svg_without_scripts() -> None:
    bundle = load_bundle(EXAMPLE)
    html = render(status_report(bundle, "handlingsplan-2024-2025", on=DAY), "html", bundle=bundle)
    page = html.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"') == 2
    assert "<script" not in page
    assert "Gjennomført</text>" in page
    # each segment's colour differs in lightness from the next, for print in grey
    assert 'fill="#1b5e20"' in page


def test_markdown_gives_the_figures_as_a_table_and_a_text_alternative() -> None:
    bundle = load_bundle(EXAMPLE)
    text = render(status_report(bundle, "handlingsplan-2024-2025", on=DAY), "md", bundle=bundle)
    page = text.decode()
    assert re.search(r"^\| Innsatsområde \| .*Gjennomført.* \| I alt \|$", page, re.MULTILINE)
    assert "Søylediagram over tiltakene i hvert innsatsområde etter status." in page


def test_word_shows_each_chart_as_a_picture_with_alt_text() -> None:
    bundle = load_bundle(EXAMPLE)
    data = render(status_report(bundle, "handlingsplan-2024-2025", on=DAY), "docx", bundle=bundle)
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        pictures = [n for n in docx.namelist() if n.startswith("word/media/")]
        body = docx.read("word/document.xml").decode()
        assert all(docx.read(p).startswith(b"\x89PNG") for p in pictures)
    assert len(pictures) == 2
    assert 'descr="Søylediagram over tiltakene i hvert innsatsområde etter status.' in body
    # the same report gives the same bytes
    again = render(status_report(bundle, "handlingsplan-2024-2025", on=DAY), "docx", bundle=bundle)
    assert again == data


def test_status_renders_the_report_to_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    target = str(folder / PLAN)
    out = tmp_path / "status.docx"
    assert run("status", target, "--on", "2025-06-30", "-f", "docx", "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(b"PK")
    status, text, _ = run("status", target, "--on", "2025-06-30", "-f", "md", "--lang", "en")
    assert status == 0 and text.startswith("# Status report – ")


def test_a_binary_report_needs_a_file_and_a_partnership_one_plan() -> None:
    status, _, err = run("status", "troms-ofoten/handlingsplan-2023", "-f", "docx")
    assert status == 2 and "write it to a file with -o FILE" in err
    status, _, err = run("status", "troms-ofoten", "-f", "html")
    assert status == 2 and "name one (the plans are handlingsplan-2023" in err


def test_handlingsplan_2023_on_new_year_2024_lists_its_overdue_measures() -> None:
    manager = PluginManager()
    bundle = manager.load_partnership("troms-ofoten")
    report = status_report(bundle, "handlingsplan-2023", on=dt.date(2024, 1, 1))
    text = render(report, "md", bundle=bundle, manager=manager).decode()
    overdue = text.split("## Forfalte tiltak", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in overdue.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) - 1 == len(report.status.overdue) > 0
    assert "ingen frist, planperioden endte 31.12.2023" in overdue


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_the_labels_follow_the_language(lang: str) -> None:
    bundle = load_bundle(EXAMPLE)
    text = render(
        status_report(bundle, "handlingsplan-2024-2025", on=DAY), "md", bundle=bundle, lang=lang
    ).decode()
    heading = {"nn": "## Framdrift per ansvarleg", "en": "## Progress by responsible"}[lang]
    assert heading in text


def test_a_plan_without_measures_says_so_instead_of_an_empty_chart() -> None:
    bundle = load_bundle(EXAMPLE)
    (plan,) = bundle.documents_of(ActionPlan)
    empty = attrs.evolve(
        plan,
        focus_areas=tuple(
            attrs.evolve(a, goals=tuple(attrs.evolve(g, measures=()) for g in a.goals))
            for a in plan.focus_areas
        ),
    )
    bundle = attrs.evolve(
        bundle, documents=tuple(empty if d.id == plan.id else d for d in bundle.documents)
    )
    report = status_report(bundle, plan.id, on=DAY)
    assert not _charts(build_outline(report, make_context(bundle)).blocks)
    text = render(report, "md", bundle=bundle).decode()
    assert text.count("Planen har ingen tiltak.") == 2
    assert "Ingen tiltak er forfalt." in text


def test_status_text_goes_to_the_file_named(tmp_path: Path) -> None:
    out = tmp_path / "status.txt"
    status, shown, _ = run("status", str(EXAMPLE / PLAN), "--on", "2025-06-30", "-o", str(out))
    assert (status, shown) == (0, "")
    assert out.read_text("utf-8").startswith("handlingsplan-2024-2025 (Handlingsplan 2024–2025)")
