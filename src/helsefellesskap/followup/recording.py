"""Recording progress: a dated status update appended to a measure (or a decision), and
the file written so that only the lines of the update are added.

:func:`record_update` is what ``helsefellesskap update`` runs; :func:`add_update` is the
same change on a model, without a file. A status may be given in English (``started``)
or in Norwegian (``påbegynt``); a measure id, status or actor that does not exist is a
:class:`~helsefellesskap.errors.UsageError` with a did-you-mean.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from ..errors import UsageError
from ..io import find_partnership_root, load_document, load_partnership
from ..io.edit import edit_file
from ..messages import message
from ..model import (
    ActionPlan,
    DecisionLog,
    Document,
    FocusArea,
    Goal,
    MeasureStatus,
    Partnership,
    StatusUpdate,
)
from ..model.words import STATUS_WORDS

__all__ = [
    "STATUS_WORDS",
    "add_update",
    "parse_status",
    "record_update",
]



def _did_you_mean(value: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return message("followup.did_you_mean", name=close[0]) if close else ""


def parse_status(text: str) -> MeasureStatus:
    """The status a word names (``"done"``, ``"fullført"``, ``"Ferdig"``); an unknown word
    raises :class:`~helsefellesskap.errors.UsageError` with the closest word."""
    word = text.strip().lower()
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    english = ", ".join(status.value for status in MeasureStatus)
    norwegian = ", ".join(w for w in STATUS_WORDS if w not in {s.value for s in MeasureStatus})
    raise UsageError(
        message(
            "followup.not_a_status",
            text=repr(text),
            hint=_did_you_mean(word, STATUS_WORDS),
            english=english,
            norwegian=norwegian,
        )
    )


def _append_to_measure(plan: ActionPlan, measure_id: str, update: StatusUpdate) -> ActionPlan:
    areas: list[FocusArea] = []
    found = False
    for area in plan.focus_areas:
        goals: list[Goal] = []
        for goal in area.goals:
            measures = tuple(
                attrs.evolve(m, updates=(*m.updates, update))
                if m.id == measure_id and not found
                else m
                for m in goal.measures
            )
            if measures != goal.measures:
                found = True
                goal = attrs.evolve(goal, measures=measures)
            goals.append(goal)
        areas.append(attrs.evolve(area, goals=tuple(goals)))
    if not found:
        known = [m.id for m in plan.measures()]
        raise UsageError(
            message(
                "followup.no_measure",
                plan=plan.id,
                measure=measure_id,
                hint=_did_you_mean(measure_id, known),
                known=", ".join(known) or message("followup.none"),
            )
        )
    return attrs.evolve(plan, focus_areas=tuple(areas))


def _append_to_decision(log: DecisionLog, decision_id: str, update: StatusUpdate) -> DecisionLog:
    known = [d.id for d in log.decisions]
    if decision_id not in known:
        raise UsageError(
            message(
                "followup.no_decision",
                log=log.id,
                decision=decision_id,
                hint=_did_you_mean(decision_id, known),
                known=", ".join(known) or message("followup.none"),
            )
        )
    position = known.index(decision_id)
    decision = log.decisions[position]
    changed = attrs.evolve(decision, updates=(*decision.updates, update))
    decisions = (*log.decisions[:position], changed, *log.decisions[position + 1 :])
    return attrs.evolve(log, decisions=decisions)


def add_update(document: Document, item_id: str, update: StatusUpdate) -> Document:
    """``document`` with ``update`` appended to the updates of its measure (an action
    plan) or decision (a decision log) ``item_id``.

    Raises :class:`~helsefellesskap.errors.UsageError` for an id the document does not
    have (with the closest id) or a document that has neither measures nor decisions.
    """
    if isinstance(document, ActionPlan):
        return _append_to_measure(document, item_id, update)
    if isinstance(document, DecisionLog):
        return _append_to_decision(document, item_id, update)
    raise UsageError(message("followup.nothing_to_update", kind=document.KIND, id=document.id))


def check_actor(actor: str, partnership: Partnership) -> None:
    """Raise :class:`~helsefellesskap.errors.UsageError` unless ``actor`` is the id of a
    partner, body, role or group of ``partnership``."""
    actors = partnership.actors()
    if actor not in actors:
        raise UsageError(
            message(
                "followup.not_an_actor",
                actor=actor,
                partnership=partnership.id,
                hint=_did_you_mean(actor, actors),
            )
        )


def record_update(
    path: str | Path,
    item_id: str,
    status: MeasureStatus | str,
    *,
    note: str | None = None,
    date: dt.date | None = None,
    reported_by: str | None = None,
    link: str | None = None,
    partnership: Partnership | None = None,
    types: Mapping[str, type[Document]] | None = None,
    today: dt.date | None = None,
) -> Document:
    """Append a status update to measure (or decision) ``item_id`` of the document file at
    ``path``, write the file keeping it as written, and return the new document.

    ``status`` is a :class:`~helsefellesskap.model.MeasureStatus` or a word for one
    (:func:`parse_status`); ``date`` defaults to ``today`` (the current day), and may
    not be after it. ``reported_by`` must be an actor of ``partnership`` (default: the
    ``partnership.toml`` of the folder the file lies in). Only the lines of the new
    update are added to the file (:func:`~helsefellesskap.io.edit.edit_file`).
    """
    path = Path(path)
    day = today if today is not None else dt.date.today()
    chosen = parse_status(status) if isinstance(status, str) else status
    when = date if date is not None else day
    if when > day:
        raise UsageError(
            message("followup.date_in_future", date=when.isoformat(), today=day.isoformat())
        )
    if reported_by is not None:
        if partnership is None:
            root = find_partnership_root(path)
            if root is None:
                raise UsageError(message("followup.no_partnership_for_actor", path=path))
            partnership = load_partnership(root)
        check_actor(reported_by, partnership)
    document = load_document(path, types=types)
    update = StatusUpdate(
        date=when, status=chosen, note=note or None, reported_by=reported_by, link=link or None
    )
    changed = add_update(document, item_id, update)
    edit_file(changed, path)
    return changed
