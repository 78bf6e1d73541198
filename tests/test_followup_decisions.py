"""The decision log's follow-up on a day: status from dated updates, and unfollowed decisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from helsefellesskap.followup.decisions import decision_status
from helsefellesskap.io import load_bundle
from helsefellesskap.model import Decision, DecisionLog, MeasureStatus

EXAMPLE = Path(__file__).parent.parent / "examples" / "eksempel"


def test_the_example_decisions_on_two_days() -> None:
    bundle = load_bundle(EXAMPLE)
    early = decision_status(bundle, on=dt.date(2024, 12, 1))
    assert [(d.id, d.status, d.updated) for d in early] == [
        ("ssu-2024-03", MeasureStatus.DONE, dt.date(2024, 4, 2)),
        ("ssu-2024-11", MeasureStatus.PLANNED, None),
    ]
    assert early[0].body_name == "SSU" and early[0].case_number == "03/24"
    later = decision_status(bundle, on=dt.date(2025, 6, 1))
    assert [(d.id, d.status, d.unfollowed) for d in later] == [
        ("ssu-2024-03", MeasureStatus.DONE, False),
        ("ssu-2024-11", MeasureStatus.STARTED, False),
        ("fsu-dig-2025-02", MeasureStatus.POSTPONED, False),
    ]
    assert later[2].to_json()["measures"] == ["handlingsplan-2024-2025.dho"]


def test_a_decision_without_an_update_after_the_chosen_time_is_unfollowed() -> None:
    bundle = load_bundle(EXAMPLE)
    log = next(bundle.documents_of(DecisionLog))
    quiet = Decision(id="ny", body="ssu", meeting=dt.date(2025, 1, 1), text="SSU ber om en plan.")
    documents = tuple(
        attrs.evolve(log, decisions=(*log.decisions, quiet)) if d.id == log.id else d
        for d in bundle.documents
    )
    bundle = attrs.evolve(bundle, documents=documents)
    on_day_90 = {d.id: d for d in decision_status(bundle, on=dt.date(2025, 4, 1))}["ny"]
    assert not on_day_90.unfollowed
    day_91 = {d.id: d for d in decision_status(bundle, on=dt.date(2025, 4, 2))}["ny"]
    assert day_91.unfollowed and day_91.to_json()["unfollowed"] is True
    chosen = decision_status(bundle, on=dt.date(2025, 4, 2), decision_days=120)
    assert not {d.id: d for d in chosen}["ny"].unfollowed
