"""Status of an action plan's measures: by status, by responsible actor, overdue and stale.

A measure's status on a day is that of its latest status update on or before the day:
the plan's own ``updates`` of the measure, and the ``measure_status`` follow-ups of an
annual report (each dated the last day of the report's year unless it gives a date); on
the same day the plan's update wins. Without an update, the status the plan gives counts.
A follow-up names a measure by its id, or as ``<plan id>.<measure id>``.

A measure is *overdue* on a day when it is neither done nor cancelled and the last day its
deadline allows is before that day, or it has no deadline and its plan's period has
ended. It is *stale* when it is neither done nor cancelled and has had no update for more
than ``stale_after`` days (counted from the plan's adoption, else the start of its
period, while it has had none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import UsageError
from ..messages import message
from ..model import (
    FINISHED,
    ActionPlan,
    AnnualReport,
    Bundle,
    Deadline,
    FollowUpSettings,
    Measure,
    MeasureStatus,
    Partnership,
    StatusUpdate,
)
from ..model.annual_report import resolve_follow_up
from .values import json_value, toml_value

__all__ = [
    "DEFAULT_STALE_AFTER",
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


DEFAULT_STALE_AFTER = FollowUpSettings().stale_after_days
"""Days without an update after which a measure that is not finished is stale, unless the
partnership's ``[follow_up] stale_after_days`` says otherwise."""

JSON_FORMAT = "helsefellesskap-status"
"""The ``format`` key of the status report's JSON form."""

JSON_VERSION = 1
"""The version of the JSON form; raised only when a key changes meaning or goes away."""


@attrs.frozen(kw_only=True)
class MeasureState:
    """One measure's standing on a day: its status, deadline, and whether it is overdue
    or stale.

    ``source`` is ``"plan"`` (the status the plan gives, no update yet), ``"update"``
    (the plan's latest update of the measure) or the id of the annual report whose
    follow-up gave the status; ``note`` is that update's note, else the plan's
    ``status_note``. ``updated`` is the day of the latest update, ``due`` the day it was
    due (its deadline's last day, or the end of the plan's period if it has none), and
    ``names`` the responsible as documents name them.
    """

    id: str
    path: str
    text: str
    status: MeasureStatus
    source: str
    responsible: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    deadline: Deadline | None = None
    due: dt.date | None = None
    note: str | None = None
    updated: dt.date | None = None
    overdue: bool = False
    stale: bool = False


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
    stale_after: int = DEFAULT_STALE_AFTER
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

    @property
    def stale(self) -> tuple[MeasureState, ...]:
        """The measures with no update for more than :attr:`stale_after` days, in plan
        order."""
        return tuple(m for m in self.measures if m.stale)

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
            "stale_after_days": self.stale_after,
            "stale": [m.id for m in self.stale],
            "measures": [
                {
                    "id": m.id,
                    "path": m.path,
                    "status": m.status.value,
                    "source": m.source,
                    "responsible": list(m.responsible),
                    "names": list(m.names),
                    "deadline": json_value(toml_value(m.deadline)),
                    "latest": m.deadline.latest.isoformat() if m.deadline else None,
                    "due": m.due.isoformat() if m.due else None,
                    "overdue": m.overdue,
                    "updated": m.updated.isoformat() if m.updated else None,
                    "stale": m.stale,
                    "note": m.note,
                }
                for m in self.measures
            ],
            "unknown_follow_ups": list(self.unknown_follow_ups),
        }


def _zero() -> dict[MeasureStatus, int]:
    return dict.fromkeys(MeasureStatus, 0)


def _follow_ups(
    plan: ActionPlan, report: AnnualReport | None
) -> tuple[dict[str, tuple[str, StatusUpdate]], tuple[str, ...]]:
    """The report's follow-ups of ``plan``'s measures as updates, by measure id, with the
    name each gave; and the names of the follow-ups that name no measure of ``plan``
    (resolved by :func:`~helsefellesskap.model.annual_report.resolve_follow_up`, as rule
    HF213 and the rendered report resolve them)."""
    found: dict[str, tuple[str, StatusUpdate]] = {}
    unknown: list[str] = []
    if report is None:
        return found, ()
    ids = {measure.id for measure in plan.measures()}

    def has_measure(plan_id: str, measure_id: str) -> bool:
        return plan_id == plan.id and measure_id in ids

    for follow_up in report.measure_status:
        target = resolve_follow_up(follow_up.measure, report.plan, has_measure)
        if target is None:
            unknown.append(follow_up.measure)
        else:
            found[target[1]] = (follow_up.measure, follow_up.as_update(report))
    return found, tuple(unknown)


def _standing(
    measure: Measure, follow_up: StatusUpdate | None, report_id: str | None, day: dt.date
) -> tuple[MeasureStatus, str, str | None, dt.date | None]:
    """Status, source, note and date of the latest update on ``day`` (the plan's update
    wins over the report's on the same day)."""
    own = measure.latest_update(day)
    if follow_up is not None and report_id is not None and follow_up.date <= day:
        later = own is None or follow_up.date > own.date
        if later:
            note = follow_up.note or measure.status_note
            return follow_up.status, report_id, note, follow_up.date
    if own is not None:
        return own.status, "update", own.note or measure.status_note, own.date
    return measure.status, "plan", measure.status_note, None


def plan_status(
    plan: ActionPlan,
    partnership: Partnership | None = None,
    *,
    on: dt.date | None = None,
    report: AnnualReport | None = None,
    stale_after: int | None = None,
) -> PlanStatus:
    """The status of ``plan``'s measures on the day ``on`` (today if not given).

    ``partnership`` names the responsible actors (without it, their ids are their
    names) and gives ``[follow_up] stale_after_days``, which ``stale_after`` overrides.
    ``report``'s follow-ups are status updates of the measures they name; a report that
    follows up another plan raises :class:`~helsefellesskap.errors.UsageError`.
    """
    if report is not None and report.plan not in (None, plan.id):
        raise UsageError(
            message("followup.other_plan", report=report.id, plan=report.plan, wanted=plan.id)
        )
    day = on if on is not None else dt.date.today()
    if stale_after is None:
        stale_after = (
            partnership.follow_up.stale_after_days
            if partnership is not None
            else DEFAULT_STALE_AFTER
        )
    follow_ups, unknown_follow_ups = _follow_ups(plan, report)
    actors = partnership.actors() if partnership is not None else {}
    start = plan.adopted if plan.adopted is not None else plan.period.first_day
    period_end = plan.period.last_day
    states: list[MeasureState] = []
    by_status = _zero()
    counts: dict[str, dict[MeasureStatus, int]] = {}
    overdue_of: dict[str, int] = {}
    unassigned = 0
    for a, area in enumerate(plan.focus_areas):
        for g, goal in enumerate(area.goals):
            for m, measure in enumerate(goal.measures):
                found = follow_ups.get(measure.id)
                status, source, note, updated = _standing(
                    measure,
                    found[1] if found is not None else None,
                    report.id if report is not None else None,
                    day,
                )
                due = measure.deadline.latest if measure.deadline is not None else period_end
                open_ = status not in FINISHED
                late = open_ and due < day
                quiet_since = updated if updated is not None else start
                stale = open_ and (day - quiet_since).days > stale_after
                states.append(
                    MeasureState(
                        id=measure.id,
                        path=f"$.focus_areas[{a}].goals[{g}].measures[{m}]",
                        text=measure.text,
                        status=status,
                        source=source,
                        responsible=measure.responsible,
                        names=tuple(
                            actors[r].display_name if r in actors else r
                            for r in measure.responsible
                        ),
                        deadline=measure.deadline,
                        due=due,
                        note=note,
                        updated=updated,
                        overdue=late,
                        stale=stale,
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
        stale_after=stale_after,
        by_status=by_status,
        by_responsible=by_responsible,
        unassigned=unassigned,
        unknown_follow_ups=unknown_follow_ups,
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
    stale_after: int | None = None,
) -> tuple[PlanStatus, ...]:
    """The status of each action plan of ``bundle`` (or of ``plans``), each with the
    latest annual report that follows it up applied."""
    chosen = tuple(bundle.documents_of(ActionPlan)) if plans is None else plans
    day = on if on is not None else dt.date.today()
    return tuple(
        plan_status(
            plan,
            bundle.partnership,
            on=day,
            report=report_for(bundle, plan),
            stale_after=stale_after,
        )
        for plan in chosen
    )
