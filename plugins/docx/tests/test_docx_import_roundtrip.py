"""Every bundled action plan with measures, rendered to Word by the real docx format and
imported again, gives the same focus areas, goals, measures, responsible actors and
deadlines (issue 17's round trip)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import helsefellesskap as hf
from helsefellesskap.importing import format_import_report, import_plan
from helsefellesskap.render.api import render

REPO = Path(__file__).resolve().parents[3]


def _bundled_plans() -> list[tuple[str, Path, str]]:
    """(partnership, data folder, plan id) of every bundled plan with measures."""
    manager = hf.PluginManager()
    sources = {"eksempel": REPO / "examples" / "eksempel"}
    sources |= {pid: s.path for pid, s in manager.partnerships().items() if pid != "eksempel"}
    found = []
    for pid, folder in sorted(sources.items()):
        bundle = hf.load_bundle(folder, types=manager.document_types())
        for document in bundle.documents:
            if isinstance(document, hf.ActionPlan) and any(
                goal.measures for area in document.focus_areas for goal in area.goals
            ):
                found.append((pid, folder, document.id))
    return found


PLANS = _bundled_plans()


def _facts(plan: hf.ActionPlan) -> list[tuple[object, ...]]:
    """What the round trip keeps: per measure its focus area, goal, label, text, responsible
    ids and deadline."""
    return [
        (area.title, goal.text, m.label, m.text, m.responsible, m.deadline)
        for area in plan.focus_areas
        for goal in area.goals
        for m in goal.measures
    ]


def test_the_bundled_plans_are_all_there() -> None:
    assert {pid for pid, _f, _p in PLANS} >= {"eksempel", "troms-ofoten", "helgeland"}


@pytest.mark.parametrize(("partnership", "folder", "plan_id"), PLANS, ids=[p[2] for p in PLANS])
def test_round_trip(partnership: str, folder: Path, plan_id: str, tmp_path: Path) -> None:
    manager = hf.PluginManager()
    bundle = hf.load_bundle(folder, types=manager.document_types())
    original = bundle.document(plan_id)
    assert isinstance(original, hf.ActionPlan)
    word = tmp_path / f"{plan_id}.docx"
    word.write_bytes(render(original, "docx", bundle=bundle, manager=manager))
    copy = tmp_path / partnership
    shutil.copytree(folder, copy)
    report = import_plan(word, copy, manager=manager)
    assert report.ok, format_import_report(report)
    errors = [f for f in report.findings if f.startswith("error ")]
    assert errors == [], format_import_report(report)
    imported = hf.load_bundle(copy, types=manager.document_types()).document(report.plan_id)
    assert isinstance(imported, hf.ActionPlan)
    assert [a.title for a in imported.focus_areas] == [
        a.title for a in original.focus_areas if any(g.measures for g in a.goals)
    ]
    assert _facts(imported) == _facts(original)
