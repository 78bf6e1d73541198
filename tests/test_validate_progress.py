"""HF8xx: status updates of measures and decisions, and the decision log's follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.model import (
    ActionPlan,
    Bundle,
    Decision,
    DecisionLog,
    FollowUpSettings,
    MeasureStatus,
    StatusUpdate,
)
from helsefellesskap.validate import validate

EXAMPLE = Path(__file__).parent.parent / "examples" / "eksempel"
MANAGER = PluginManager(entry_points=False, use_env=False)
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def example() -> Bundle:
    return load_bundle(EXAMPLE)


def findings(bundle: Bundle, prefix: str = "HF8") -> list[tuple[str, str, str, str | None]]:
    return [
        (f.code, f.path, f.message, f.suggestion)
        for f in validate(bundle, manager=MANAGER).findings
        if f.code.startswith(prefix)
    ]


def replace(bundle: Bundle, document: object) -> Bundle:
    assert isinstance(document, ActionPlan | DecisionLog)
    documents = tuple(document if d.id == document.id else d for d in bundle.documents)
    return attrs.evolve(bundle, documents=documents)


def with_updates(bundle: Bundle, *updates: StatusUpdate) -> Bundle:
    plan = next(bundle.documents_of(ActionPlan))
    area = plan.focus_areas[0]
    goal = area.goals[0]
    measure = attrs.evolve(goal.measures[0], updates=updates)
    goal = attrs.evolve(goal, measures=(measure, *goal.measures[1:]))
    area = attrs.evolve(area, goals=(goal, *area.goals[1:]))
    return replace(bundle, attrs.evolve(plan, focus_areas=(area, *plan.focus_areas[1:])))


def log_of(bundle: Bundle) -> DecisionLog:
    return next(bundle.documents_of(DecisionLog))


def test_the_example_and_its_decision_log_have_no_findings(example: Bundle) -> None:
    assert findings(example) == []
    log = log_of(example)
    assert [d.current_status for d in log.decisions] == [
        MeasureStatus.DONE,
        MeasureStatus.STARTED,
        MeasureStatus.POSTPONED,
    ]


def test_an_unknown_reporter_is_an_error_with_a_suggestion(example: Bundle) -> None:
    bundle = with_updates(
        example,
        StatusUpdate(date=dt.date(2024, 5, 1), status=MeasureStatus.STARTED, reported_by="sekt"),
    )
    assert findings(bundle) == [
        (
            "HF801",
            "$.focus_areas[0].goals[0].measures[0].updates[0].reported_by",
            '"sekt" is not a partner, body, role or group',
            "sekr",
        )
    ]


def test_updates_in_the_future_and_out_of_order_are_warnings(example: Bundle) -> None:
    later = TODAY + dt.timedelta(days=3)
    bundle = with_updates(
        example,
        StatusUpdate(date=dt.date(2024, 6, 1), status=MeasureStatus.STARTED),
        StatusUpdate(date=dt.date(2024, 5, 1), status=MeasureStatus.STARTED),
        StatusUpdate(date=later, status=MeasureStatus.DONE),
    )
    path = "$.focus_areas[0].goals[0].measures[0].updates"
    assert sorted(findings(bundle)) == [
        ("HF802", f"{path}[2].date", f"the update is dated {later.isoformat()}, after today", None),
        (
            "HF803",
            f"{path}[1].date",
            "the update of 2024-05-01 comes after the one of 2024-06-01",
            None,
        ),
    ]


def test_a_decision_without_follow_up_after_the_chosen_time(example: Bundle) -> None:
    log = log_of(example)
    meeting = TODAY - dt.timedelta(days=100)
    quiet = Decision(id="ny-sak", body="ssu", meeting=meeting, text="SSU ber om en plan.")
    bundle = replace(example, attrs.evolve(log, decisions=(*log.decisions, quiet)))
    assert findings(bundle) == [
        (
            "HF804",
            "$.decisions[3]",
            f'decision "ny-sak" of {meeting.isoformat()} has had no follow-up in the 90 days '
            "since its meeting",
            None,
        )
    ]
    # The partnership chooses the time; a finished decision needs no update.
    patient = attrs.evolve(bundle.partnership, follow_up=FollowUpSettings(decision_days=120))
    assert findings(attrs.evolve(bundle, partnership=patient)) == []
    done = attrs.evolve(quiet, status=MeasureStatus.DONE)
    assert findings(replace(example, attrs.evolve(log, decisions=(*log.decisions, done)))) == []


def test_a_decisions_references_resolve(example: Bundle) -> None:
    log = log_of(example)
    wrong = attrs.evolve(
        log.decisions[1],
        body="sur",
        bodies=("fsu-dig", "fsu-bo"),
        measures=("handlingsplan-2024-2025.dhoo", "plan-2030.dho"),
        responsible=("kommunen",),
    )
    bundle = replace(example, attrs.evolve(log, decisions=(log.decisions[0], wrong)))
    assert findings(bundle) == [
        ("HF805", "$.decisions[1].bodies[1]", '"fsu-bo" is not a body', "fsu-bu"),
        ("HF805", "$.decisions[1].body", '"sur" is not a body', "ssu"),
        (
            "HF805",
            "$.decisions[1].measures[0]",
            'plan "handlingsplan-2024-2025" has no measure "dhoo"',
            "handlingsplan-2024-2025.dho",
        ),
        (
            "HF805",
            "$.decisions[1].measures[1]",
            '"plan-2030.dho" names no plan of the partnership: write "<plan id>.<measure id>"',
            None,
        ),
        (
            "HF805",
            "$.decisions[1].responsible[0]",
            '"kommunen" is not a partner, body, role or group',
            "kommunene",
        ),
    ]
