"""report.status: measures by status and responsible actor, overdue, report follow-ups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from helsefellesskap.errors import UsageError
from helsefellesskap.followup import bundle_status, plan_status, report_for
from helsefellesskap.io import load_bundle
from helsefellesskap.model import ActionPlan, AnnualReport, MeasureFollowUp, MeasureStatus
from helsefellesskap.plugins import PluginManager

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"


@pytest.fixture
def example() -> tuple[ActionPlan, AnnualReport]:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document("handlingsplan-2024-2025")
    report = bundle.document("arsrapport-2024")
    assert isinstance(plan, ActionPlan) and isinstance(report, AnnualReport)
    return plan, report


def counts(**given: int) -> dict[MeasureStatus, int]:
    return {status: given.get(status.name.lower(), 0) for status in MeasureStatus}


def test_the_example_with_its_annual_report_on_new_years_day_2025() -> None:
    (result,) = bundle_status(load_bundle(EXAMPLE), on=dt.date(2025, 1, 1))
    assert (result.plan, result.report, result.total) == (
        "handlingsplan-2024-2025",
        "arsrapport-2024",
        4,
    )
    assert result.by_status == counts(planned=2, started=1, done=1)
    assert [(a.actor, a.name, a.total, a.overdue) for a in result.by_responsible] == [
        ("fsu-bu", "FSU BU", 1, 0),
        ("samhandlingssjefene", "Samhandl.-sjefene", 1, 1),
        ("fsu-dig", "FSU DIG", 1, 0),
        ("kommunene", "kommunene", 2, 0),
        ("fjordvik-hf", "FSHF", 1, 0),
    ]
    assert result.by_responsible[0].by_status == counts(done=1)
    # overganger (2024) is done by the report; fagdager (by 2024-12-31) only started.
    assert [(m.id, m.path, m.status, m.source) for m in result.overdue] == [
        (
            "fagdager",
            "$.focus_areas[0].goals[0].measures[1]",
            MeasureStatus.STARTED,
            "arsrapport-2024",
        )
    ]
    assert result.overdue[0].note == "To fagdager holdt, én gjenstår."
    assert result.unassigned == 0 and result.unknown_follow_ups == ()


def test_without_the_report_the_plans_statuses_count(
    example: tuple[ActionPlan, AnnualReport],
) -> None:
    plan, _ = example
    result = plan_status(plan, on=dt.date(2025, 1, 1))
    assert result.report is None
    assert result.by_status == counts(planned=3, started=1)
    assert [m.id for m in result.overdue] == ["overganger", "fagdager"]
    # Without the partnership, an actor is named by its id.
    assert result.by_responsible[1].name == "samhandlingssjefene"


def test_overdue_means_the_last_allowed_day_is_past(
    example: tuple[ActionPlan, AnnualReport],
) -> None:
    plan, report = example
    on_the_day = plan_status(plan, on=dt.date(2024, 12, 31), report=report)
    assert on_the_day.overdue == ()
    late = plan_status(plan, on=dt.date(2026, 1, 1), report=report)
    # fagdager is done (the example's update of 2025-03-11); hospitering only started.
    assert [m.id for m in late.overdue] == ["dho", "hospitering"]


def test_follow_ups_name_measures_two_ways_and_unknown_ones_are_listed(
    example: tuple[ActionPlan, AnnualReport],
) -> None:
    plan, report = example
    report = attrs.evolve(
        report,
        measure_status=(
            MeasureFollowUp(measure="handlingsplan-2024-2025.dho", status=MeasureStatus.CANCELLED),
            MeasureFollowUp(measure="finnes-ikke", status=MeasureStatus.DONE),
        ),
    )
    result = plan_status(plan, on=dt.date(2026, 1, 1), report=report)
    states = {m.id: (m.status, m.source) for m in result.measures}
    assert states["dho"] == (MeasureStatus.CANCELLED, "arsrapport-2024")
    assert states["overganger"] == (MeasureStatus.PLANNED, "plan")
    assert "dho" not in [m.id for m in result.overdue]
    assert result.unknown_follow_ups == ("finnes-ikke",)
    assert result.to_json()["unknown_follow_ups"] == ["finnes-ikke"]


def test_a_report_of_another_plan_is_refused(example: tuple[ActionPlan, AnnualReport]) -> None:
    plan, report = example
    with pytest.raises(UsageError) as caught:
        plan_status(plan, report=attrs.evolve(report, plan="handlingsplan-2030"))
    assert str(caught.value) == (
        'annual report "arsrapport-2024" follows up plan "handlingsplan-2030", '
        'not "handlingsplan-2024-2025"'
    )


def test_measures_without_responsible_are_counted_apart(
    example: tuple[ActionPlan, AnnualReport],
) -> None:
    plan, _ = example
    area = plan.focus_areas[1]
    goal = area.goals[0]
    bare = attrs.evolve(goal.measures[0], responsible=())
    plan = attrs.evolve(
        plan,
        focus_areas=(
            plan.focus_areas[0],
            attrs.evolve(area, goals=(attrs.evolve(goal, measures=(bare,)),)),
        ),
    )
    result = plan_status(plan, on=dt.date(2024, 1, 1))
    assert result.unassigned == 1
    assert "fjordvik-hf" not in [a.actor for a in result.by_responsible]


def test_the_json_form_shows_deadlines_in_their_toml_form() -> None:
    (result,) = bundle_status(load_bundle(EXAMPLE), on=dt.date(2025, 1, 1))
    data = result.to_json()
    assert data["by_status"] == {
        "planned": 2,
        "started": 1,
        "done": 1,
        "postponed": 0,
        "cancelled": 0,
    }
    deadlines = {m["id"]: (m["deadline"], m["latest"]) for m in data["measures"]}
    assert deadlines == {
        "overganger": (2024, "2024-12-31"),
        "fagdager": ({"text": "Innen utgangen av 2024", "means": "2024-12-31"}, "2024-12-31"),
        "dho": ("2024-2025", "2025-12-31"),
        "hospitering": ("2025-06-30", "2025-06-30"),
    }
    assert data["overdue"] == ["fagdager"]


def test_troms_og_ofoten_report_2022_follows_no_bundled_plan() -> None:
    bundle = PluginManager().load_partnership("troms-ofoten")
    plans = {p.id: p for p in bundle.documents_of(ActionPlan)}
    assert report_for(bundle, plans["handlingsplan-2023"]) is None
    (result,) = bundle_status(bundle, (plans["handlingsplan-2023"],), on=dt.date(2024, 1, 1))
    # The 2023 plan gives no deadlines: once its period has ended, every measure that is
    # neither done nor cancelled is overdue (25 on 2024-01-01: 24 planned, and starte-fsu-dig
    # started, as Årsrapport 2022 says FSU DIG "er under etablering").
    assert result.total == sum(result.by_status.values()) > 0
    assert len(result.overdue) == 25
    assert result.by_status[MeasureStatus.PLANNED] == 24
    assert result.by_status[MeasureStatus.STARTED] == 1
    assert {m.due for m in result.overdue} == {dt.date(2023, 12, 31)}
    # Within the period, a measure without a deadline is not overdue.
    (during,) = bundle_status(bundle, (plans["handlingsplan-2023"],), on=dt.date(2023, 12, 31))
    assert during.overdue == ()
