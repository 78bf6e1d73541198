"""report.coverage: commitments → main goals → focus areas, goals and measures; priority groups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helsefellesskap.errors import UsageError
from helsefellesskap.followup import bundle_coverage, coverage
from helsefellesskap.io import load_bundle
from helsefellesskap.model import ActionPlan, Declaration
from helsefellesskap.plugins import PluginManager
from helsefellesskap.validate import validate

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"


def test_the_example_traces_every_commitment_and_main_goal() -> None:
    (result,) = bundle_coverage(load_bundle(EXAMPLE))
    assert (result.plan, result.declaration, result.national_plan) == (
        "handlingsplan-2024-2025",
        "fjordviklofte-2023-2026",
        "nhsp-2024",
    )
    first, second = result.commitments
    assert (first.commitment.id, first.path, first.focus_areas, first.measures) == (
        "sammenhengende",
        "$.commitments[0]",
        ("forlop",),
        ("overganger", "fagdager", "dho"),
    )
    goal_one, goal_two = first.main_goals
    assert (goal_one.path, goal_one.goals, goal_one.measures, goal_one.intentions) == (
        "$.commitments[0].main_goals[0]",
        ("personsentrert",),
        ("overganger", "fagdager"),
        ("forlop",),
    )
    assert (goal_two.goals, goal_two.measures, goal_two.intentions) == (("digital",), ("dho",), ())
    assert (second.focus_areas, second.measures) == (("personell",), ("hospitering",))
    assert {g.group.id: g.measures for g in result.priority_groups} == {
        "children-and-young": ("overganger",),
        "mental-health-and-substance": (),
        "frail-elderly": ("dho",),
        "multiple-chronic": (),
        "pregnancy-and-childbirth": (),
    }
    assert result.uncovered_commitments == ()
    assert result.uncovered_main_goals == ()
    assert result.uncovered_priority_groups == (
        "mental-health-and-substance",
        "multiple-chronic",
        "pregnancy-and-childbirth",
    )
    assert (result.untraced_focus_areas, result.untraced_goals) == ((), ())
    assert not result.complete


def test_the_bundled_partnerships_give_their_uncovered_items() -> None:
    manager = PluginManager()
    found = {
        c.plan: c
        for partnership in ("troms-ofoten", "helgeland")
        for c in bundle_coverage(manager.load_partnership(partnership))
    }
    four = (
        "children-and-young",
        "mental-health-and-substance",
        "frail-elderly",
        "multiple-chronic",
    )
    plan_2023 = found["handlingsplan-2023"]
    assert plan_2023.uncovered_commitments == ()
    assert plan_2023.uncovered_main_goals == ("personell-2", "personell-3")
    assert plan_2023.uncovered_priority_groups == four
    assert plan_2023.untraced_goals == ("personell-tett-samarbeid", "personell-teknologi")
    plan_2025 = found["handlingsplan-2025-2026"]
    assert plan_2025.uncovered_commitments == (
        "sikkerhet-beredskap",
        "baerekraftige-tjenester",
        "helsepersonell",
    )
    assert len(plan_2025.uncovered_main_goals) == 9
    assert plan_2025.uncovered_priority_groups == (*four, "pregnancy-and-childbirth")
    helgeland = found["handlingsplan-2023-2025"]
    assert (helgeland.uncovered_commitments, helgeland.uncovered_main_goals) == ((), ())
    assert helgeland.uncovered_priority_groups == four


@pytest.mark.parametrize("partnership", ["troms-ofoten", "helgeland"])
def test_uncovered_items_are_what_the_coverage_rules_report(partnership: str) -> None:
    manager = PluginManager()
    bundle = manager.load_partnership(partnership)
    report = validate(bundle, manager=manager)
    for result in bundle_coverage(bundle):
        mine = [f.message for f in report.findings if f.document == result.plan]
        assert len([m for m in mine if "main goal" in m and "no measure" in m]) == len(
            result.uncovered_main_goals
        )
        assert len([m for m in mine if "no measure carries out commitment" in m]) == len(
            result.uncovered_commitments
        )
        assert len([m for m in mine if "priority group" in m]) == len(
            result.uncovered_priority_groups
        )


def test_untraced_and_unknown_references_are_listed(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    text = plan.read_text("utf-8")
    text = text.replace('commitment = "personell"', 'commitment = "personel"')
    text = text.replace('main_goal = "sammenhengende-2"', 'main_goal = "sammenhengende-9"')
    text = text.replace('priority_groups = ["frail-elderly"]', 'priority_groups = ["elderly"]')
    plan.write_text(text, "utf-8")
    (result,) = bundle_coverage(load_bundle(root))
    assert result.untraced_focus_areas == ("personell",)
    assert result.untraced_goals == ("digital",)
    assert result.unknown_priority_groups == ("elderly",)
    assert result.uncovered_commitments == ("personell",)
    assert result.uncovered_main_goals == ("sammenhengende-2",)
    assert "frail-elderly" in result.uncovered_priority_groups
    data = result.to_json()
    assert data["uncovered"]["commitments"] == ["personell"]
    assert data["untraced"] == {"focus_areas": ["personell"], "goals": ["digital"]}


def test_without_its_declaration_only_priority_groups_are_traced() -> None:
    plan = load_bundle(EXAMPLE).document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    result = coverage(plan)
    assert (result.declaration, result.commitments, result.untraced_goals) == (None, (), ())
    assert len(result.priority_groups) == 5


def test_another_declaration_than_the_basis_is_refused() -> None:
    bundle = PluginManager().load_partnership("troms-ofoten")
    plan = bundle.document("handlingsplan-2023")
    other = bundle.document("ishavserklaeringen-2024-2027")
    assert isinstance(plan, ActionPlan) and isinstance(other, Declaration)
    with pytest.raises(UsageError) as caught:
        coverage(plan, other)
    assert str(caught.value) == (
        'plan "handlingsplan-2023" is based on declaration "ishavserklaeringen-2021-2023", '
        'not "ishavserklaeringen-2024-2027"'
    )
