"""Status of an action plan's measures: by status, by responsible actor, and overdue.

Where an annual report is given, its ``measure_status`` follow-ups take the place of the
status the plan records (the report is newer). A follow-up names a measure by its id, or
as ``<plan id>.<measure id>``. A measure is *overdue* on a day when the last day its
deadline allows is before that day and it is neither done nor cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import UsageError
from ..model import (
    ActionPlan,
    AnnualReport,
    Bundle,
    Deadline,
    MeasureFollowUp,
    MeasureStatus,
    Partnership,
)
from .values import json_value, toml_value

__all__ = [
    "FINISHED",
    "JSON_FORMAT",
    "JSON_VERSION",
    "ActorCount",
    "MeasureState",
    "PlanStatus",
    "bundle_status",
    "plan_status",
    "report_for",
]

FINISHED = frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED})
"""Statuses of a measure that can no longer be overdue."""


JSON_FORMAT = "helsefellesskap-status"
"""The ``format`` key of the status report's JSON form."""

JSON_VERSION = 1
"""The version of the JSON form; raised only when a key changes meaning or goes away."""


@attrs.frozen(kw_only=True)
class MeasureState:
    """One measure's standing: its status (from the plan or the report) and deadline.

    ``source`` is ``"plan"`` or the id of the annual report whose follow-up gave the
    status; ``note`` is the follow-up's note, else the plan's ``status_note``.
    """

    id: str
    path: str
    text: str
    status: MeasureStatus
    source: str
    responsible: tuple[str, ...] = ()
    deadline: Deadline | None = None
    note: str | None = None
    overdue: bool = False


@attrs.frozen(kw_only=True)
class ActorCount:
    """How many measures an actor is responsible for, by status.

    ``name`` is how documents name the actor (``FSU REST``, ``UNN``, a group's name);
    an id the partnership does not know is kept as it is.
    """

    actor: str
    name: str
    total: int
    by_status: Mapping[MeasureStatus, int]
    overdue: int = 0


@attrs.frozen(kw_only=True)
class PlanStatus:
    """The status of one action plan on a day.

    ``by_status`` has every status, zero or not, in the order of
    :class:`~helsefellesskap.model.MeasureStatus`; ``by_responsible`` lists actors in the
    order the plan first names them; ``unassigned`` counts measures with no one
    responsible. ``unknown_follow_ups`` are the measures the report names that the plan
    does not have.
    """

    plan: str
    on: dt.date
    report: str | None
    measures: tuple[MeasureState, ...]
    by_status: Mapping[MeasureStatus, int]
    by_responsible: tuple[ActorCount, ...]
    unassigned: int = 0
    unknown_follow_ups: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """The number of measures."""
        return len(self.measures)

    @property
    def overdue(self) -> tuple[MeasureState, ...]:
        """The measures overdue on :attr:`on`, in plan order."""
        return tuple(m for m in self.measures if m.overdue)

    def to_json(self) -> dict[str, Any]:
        """The status as JSON data (the shape in ``docs/follow-up.md``)."""
        return {
            "plan": self.plan,
            "on": self.on.isoformat(),
            "report": self.report,
            "total": self.total,
            "by_status": {status.value: n for status, n in self.by_status.items()},
            "by_responsible": [
                {
                    "actor": a.actor,
                    "name": a.name,
                    "total": a.total,
                    "overdue": a.overdue,
                    "by_status": {status.value: n for status, n in a.by_status.items()},
                }
                for a in self.by_responsible
            ],
            "unassigned": self.unassigned,
            "overdue": [m.id for m in self.overdue],
            "measures": [
                {
                    "id": m.id,
                    "path": m.path,
                    "status": m.status.value,
                    "source": m.source,
                    "responsible": list(m.responsible),
                    "deadline": json_value(toml_value(m.deadline)),
                    "latest": m.deadline.latest.isoformat() if m.deadline else None,
                    "overdue": m.overdue,
                    "note": m.note,
                }
                for m in self.measures
            ],
            "unknown_follow_ups": list(self.unknown_follow_ups),
        }


def _zero() -> dict[MeasureStatus, int]:
    return dict.fromkeys(MeasureStatus, 0)


def plan_status(
    plan: ActionPlan,
    partnership: Partnership | None = None,
    *,
    on: dt.date | None = None,
    report: AnnualReport | None = None,
) -> PlanStatus:
    """The status of ``plan``'s measures on the day ``on`` (today if not given).

    ``partnership`` names the responsible actors (without it, their ids are their
    names). ``report``'s follow-ups override the plan's statuses; a report that follows
    up another plan raises :class:`~helsefellesskap.errors.UsageError`.
    """
    if report is not None and report.plan not in (None, plan.id):
        raise UsageError(
            f'annual report "{report.id}" follows up plan "{report.plan}", not "{plan.id}"'
        )
    day = on if on is not None else dt.date.today()
    follow_ups: dict[str, tuple[MeasureFollowUp, str]] = {}
    if report is not None:
        prefix = f"{plan.id}."
        for follow_up in report.measure_status:
            name = follow_up.measure
            key = name[len(prefix) :] if name.startswith(prefix) else name
            follow_ups[key] = (follow_up, name)
    actors = partnership.actors() if partnership is not None else {}
    states: list[MeasureState] = []
    by_status = _zero()
    counts: dict[str, dict[MeasureStatus, int]] = {}
    overdue_of: dict[str, int] = {}
    unassigned = 0
    used: set[str] = set()
    for a, area in enumerate(plan.focus_areas):
        for g, goal in enumerate(area.goals):
            for m, measure in enumerate(goal.measures):
                status, source, note = measure.status, "plan", measure.status_note
                found = follow_ups.get(measure.id)
                if found is not None and report is not None:
                    status, source = found[0].status, report.id
                    note = found[0].note or note
                    used.add(measure.id)
                late = (
                    measure.deadline is not None
                    and measure.deadline.latest < day
                    and status not in FINISHED
                )
                states.append(
                    MeasureState(
                        id=measure.id,
                        path=f"$.focus_areas[{a}].goals[{g}].measures[{m}]",
                        text=measure.text,
                        status=status,
                        source=source,
                        responsible=measure.responsible,
                        deadline=measure.deadline,
                        note=note,
                        overdue=late,
                    )
                )
                by_status[status] += 1
                if not measure.responsible:
                    unassigned += 1
                for actor in dict.fromkeys(measure.responsible):
                    counts.setdefault(actor, _zero())[status] += 1
                    overdue_of[actor] = overdue_of.get(actor, 0) + int(late)
    by_responsible = tuple(
        ActorCount(
            actor=actor,
            name=actors[actor].display_name if actor in actors else actor,
            total=sum(statuses.values()),
            by_status=statuses,
            overdue=overdue_of[actor],
        )
        for actor, statuses in counts.items()
    )
    return PlanStatus(
        plan=plan.id,
        on=day,
        report=report.id if report is not None else None,
        measures=tuple(states),
        by_status=by_status,
        by_responsible=by_responsible,
        unassigned=unassigned,
        unknown_follow_ups=tuple(name for key, (_, name) in follow_ups.items() if key not in used),
    )


def report_for(bundle: Bundle, plan: ActionPlan) -> AnnualReport | None:
    """The latest annual report of ``bundle`` that follows up ``plan`` (by its ``plan``
    key), if any; of two for the same year, the later in the bundle."""
    chosen: AnnualReport | None = None
    for report in bundle.documents_of(AnnualReport):
        if report.plan == plan.id and (chosen is None or report.year >= chosen.year):
            chosen = report
    return chosen


def bundle_status(
    bundle: Bundle,
    plans: tuple[ActionPlan, ...] | None = None,
    *,
    on: dt.date | None = None,
) -> tuple[PlanStatus, ...]:
    """The status of each action plan of ``bundle`` (or of ``plans``), each with the
    latest annual report that follows it up applied."""
    chosen = tuple(bundle.documents_of(ActionPlan)) if plans is None else plans
    day = on if on is not None else dt.date.today()
    return tuple(
        plan_status(plan, bundle.partnership, on=day, report=report_for(bundle, plan))
        for plan in chosen
    )
