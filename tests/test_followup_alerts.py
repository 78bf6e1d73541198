"""Overdue and stale measures, dated updates in the status, and ``status --fail-on``."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import attrs
import pytest

from helsefellesskap.cli import main
from helsefellesskap.followup import bundle_status, plan_status
from helsefellesskap.followup.recording import record_update
from helsefellesskap.io import load_bundle, load_document
from helsefellesskap.model import ActionPlan, MeasureStatus

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_fail_on_overdue_for_handlingsplan_2023_after_its_period() -> None:
    status, out, err = run(
        "status", "troms-ofoten/handlingsplan-2023", "--on", "2024-01-01", "--fail-on", "overdue"
    )
    assert (status, err) == (1, "")
    assert "  overdue: 25" in out.splitlines()
    assert "      no deadline, the plan's period ended 31.12.2023; planned" in out.splitlines()
    status, _, _ = run(
        "status", "troms-ofoten/handlingsplan-2023", "--on", "2023-12-31", "--fail-on", "overdue"
    )
    assert status == 0


def test_fail_on_stale_and_the_chosen_time() -> None:
    target = str(EXAMPLE / PLAN)
    assert run("status", target, "--on", "2025-01-01", "--fail-on", "stale")[0] == 1
    assert run("status", target, "--on", "2025-01-01", "--fail-on", "overdue,stale")[0] == 1
    status, out, _ = run(
        "status", target, "--on", "2025-01-01", "--fail-on", "stale", "--stale-after", "400"
    )
    assert status == 0
    assert "  stale (no update for more than 400 days): 0" in out.splitlines()
    # Without --fail-on, findings do not fail.
    assert run("status", target, "--on", "2025-01-01")[0] == 0


def test_an_unknown_fail_on_word_is_a_usage_error() -> None:
    status, _, err = run("status", str(EXAMPLE / PLAN), "--fail-on", "late")
    assert status == 2
    assert "argument --fail-on: 'late': write overdue, stale or overdue,stale" in err


def test_the_partnership_chooses_when_a_measure_is_stale() -> None:
    bundle = load_bundle(EXAMPLE)
    patient = attrs.evolve(
        bundle.partnership,
        follow_up=attrs.evolve(bundle.partnership.follow_up, stale_after_days=500),
    )
    (result,) = bundle_status(attrs.evolve(bundle, partnership=patient), on=dt.date(2025, 1, 1))
    assert (result.stale_after, result.stale) == (500, ())
    (result,) = bundle_status(bundle, on=dt.date(2025, 1, 1))
    assert [m.id for m in result.stale] == ["dho", "hospitering"]


def test_dated_updates_give_the_status_on_each_day(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    path = root / PLAN
    record_update(path, "dho", "påbegynt", today=dt.date(2024, 3, 1))
    record_update(path, "dho", "avlyst", note="Stoppet", today=dt.date(2024, 9, 1))
    plan = load_document(path)
    assert isinstance(plan, ActionPlan)
    before = {m.id: m for m in plan_status(plan, on=dt.date(2024, 2, 1)).measures}["dho"]
    assert (before.status, before.source, before.updated) == (MeasureStatus.PLANNED, "plan", None)
    during = {m.id: m for m in plan_status(plan, on=dt.date(2024, 6, 1)).measures}["dho"]
    assert (during.status, during.source, during.updated) == (
        MeasureStatus.STARTED,
        "update",
        dt.date(2024, 3, 1),
    )
    # Cancelled (stopped): neither overdue nor stale, even long after its deadline.
    after = {m.id: m for m in plan_status(plan, on=dt.date(2027, 1, 1)).measures}["dho"]
    assert (after.status, after.note, after.overdue, after.stale) == (
        MeasureStatus.CANCELLED,
        "Stoppet",
        False,
        False,
    )


def test_a_plan_update_after_the_report_wins(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    # The annual report for 2024 says "overganger" is done (dated 2024-12-31).
    record_update(root / PLAN, "overganger", "started", today=dt.date(2025, 2, 1))
    status, out, _ = run("status", str(root), "--on", "2025-03-01", "--format", "json")
    assert status == 0
    (plan,) = json.loads(out)["plans"]
    overganger = next(m for m in plan["measures"] if m["id"] == "overganger")
    assert (overganger["status"], overganger["source"], overganger["updated"]) == (
        "started",
        "update",
        "2025-02-01",
    )
    assert overganger["overdue"] is True


@pytest.mark.parametrize("on", ["2024-12-31", "2025-01-01"])
def test_the_report_counts_from_the_end_of_its_year(on: str) -> None:
    bundle = load_bundle(EXAMPLE)
    plan = next(bundle.documents_of(ActionPlan))
    (result,) = bundle_status(bundle, (plan,), on=dt.date.fromisoformat(on))
    overganger = next(m for m in result.measures if m.id == "overganger")
    assert overganger.status is MeasureStatus.DONE
    assert overganger.source == "arsrapport-2024"
