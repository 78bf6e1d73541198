"""``helsefellesskap update`` and ``record_update``: a dated status update appended to a
measure or a decision, the file keeping everything else as written."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import shutil
from pathlib import Path

import pytest

from helsefellesskap import PluginManager
from helsefellesskap.cli import main
from helsefellesskap.errors import UsageError
from helsefellesskap.followup.recording import STATUS_WORDS, parse_status, record_update
from helsefellesskap.io import load_bundle, load_document
from helsefellesskap.model import ActionPlan, DecisionLog, MeasureStatus

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _bundled_plan_files() -> list[tuple[str, Path]]:
    found = []
    for source in PluginManager().partnerships().values():
        for plan in sorted((source.path / "plans").glob("*.toml")):
            found.append((source.id, plan))
    found.append(("eksempel", EXAMPLE / PLAN))
    return found


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


@pytest.mark.parametrize(
    ("partnership", "plan"), _bundled_plan_files(), ids=lambda v: getattr(v, "name", v)
)
def test_an_update_through_the_command_adds_only_its_lines(
    partnership: str, plan: Path, tmp_path: Path
) -> None:
    root = tmp_path / partnership
    shutil.copytree(plan.parent.parent, root)
    path = root / "plans" / plan.name
    document = load_document(path)
    assert isinstance(document, ActionPlan)
    measures = list(document.measures())
    if not measures:
        pytest.skip("the plan has no measures")
    actor = load_bundle(root).partnership.bodies[0].id
    before = path.read_text("utf-8")
    status, out, err = run(
        "update", str(path), measures[0].id, "--status", "påbegynt",
        "--note", "Arbeidsgruppe satt ned", "--date", "2024-02-01", "--by", actor,
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out.startswith(f"updated action-plan {document.id}: {measures[0].id} is started")
    after = path.read_text("utf-8")
    changes = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    ]
    assert [c for c in changes if c != "+ "] == [
        "+ [[focus_areas.goals.measures.updates]]",
        "+ date = 2024-02-01",
        '+ status = "started"',
        '+ note = "Arbeidsgruppe satt ned"',
        f'+ reported_by = "{actor}"',
    ]
    assert _comments(after) == _comments(before)
    changed = load_document(path)
    assert isinstance(changed, ActionPlan)
    measure = next(changed.measures())
    assert measure.current_status is MeasureStatus.STARTED
    assert measure.status_on(dt.date(2024, 1, 31)) is measures[0].status


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    return root


def test_unknown_measure_status_and_actor_are_refused_with_a_suggestion(example: Path) -> None:
    path = str(example / PLAN)
    before = (example / PLAN).read_bytes()
    status, _, err = run("update", path, "fagdagr", "--status", "done")
    assert status == 2
    assert err.startswith(
        'error: plan "handlingsplan-2024-2025" has no measure "fagdagr": did you mean '
        '"fagdager"? its measures are overganger, fagdager, dho, hospitering'
    )
    status, _, err = run("update", path, "fagdager", "--status", "ferdg")
    assert status == 2
    assert err.startswith("error: 'ferdg' is not a status: did you mean \"ferdig\"? write one of")
    status, _, err = run("update", path, "fagdager", "--status", "done", "--by", "komunene")
    assert status == 2
    assert err.startswith(
        'error: "komunene" is not a partner, body, role or group of eksempel: did you mean '
        '"kommunene"?'
    )
    assert (example / PLAN).read_bytes() == before


def test_a_date_after_today_is_refused(example: Path) -> None:
    with pytest.raises(UsageError) as caught:
        record_update(
            example / PLAN, "dho", "started", date=dt.date(2025, 1, 2), today=dt.date(2025, 1, 1)
        )
    assert str(caught.value).startswith("the update is dated 2025-01-02, after today (2025-01-01)")


def test_norwegian_status_words() -> None:
    assert parse_status("Fullført") is MeasureStatus.DONE
    assert parse_status("stoppet") is MeasureStatus.CANCELLED
    assert parse_status("startet") is MeasureStatus.STARTED
    assert parse_status("utsatt") is MeasureStatus.POSTPONED
    assert parse_status("planlagt") is MeasureStatus.PLANNED
    assert set(STATUS_WORDS.values()) == set(MeasureStatus)


def test_the_api_returns_the_new_document_and_updates_a_decision(example: Path) -> None:
    path = example / "decisions" / "vedtak-2024-2025.toml"
    log = record_update(
        path, "ssu-2024-11", "fullført", reported_by="fsu-dig", today=dt.date(2025, 6, 1)
    )
    assert isinstance(log, DecisionLog)
    decision = next(d for d in log.decisions if d.id == "ssu-2024-11")
    assert decision.current_status is MeasureStatus.DONE
    assert decision.updates[-1].date == dt.date(2025, 6, 1)
    assert load_document(path) == log


def test_a_document_without_measures_or_decisions_is_refused(example: Path) -> None:
    with pytest.raises(UsageError) as caught:
        record_update(example / "declarations" / "fjordviklofte-2023-2026.toml", "x", "done")
    assert "has no measures or decisions to update" in str(caught.value)
