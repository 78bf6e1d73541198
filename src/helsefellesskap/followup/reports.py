"""The follow-up reports as documents every format renders: the status report of a plan
on a day, and its traceability matrix.

They are not kept in files: each is computed from a bundle (:func:`status_report`,
:func:`traceability_report`) and rendered like any document, through its outline::

    report = status_report(bundle, "handlingsplan-2023", on=dt.date(2024, 1, 1))
    render(report, "html", bundle=bundle)

Each is a :class:`~helsefellesskap.model.Document` of its own ``KIND``
(``status-report``, ``traceability``) whose ``id`` is the plan's id with ``-status`` or
``-sporing`` after it, so that the formats that write outlines name and render it as
they do the plan.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import ClassVar

import attrs

from ..errors import UsageError
from ..messages import message
from ..model import ActionPlan, Bundle, Declaration, Document
from .decisions import DecisionState, decision_status
from .status import PlanStatus, plan_status, report_for
from .tracing import DEFAULT_MANY_TASKS, Traceability, traceability

__all__ = [
    "DEFAULT_RECENT_DAYS",
    "StatusReport",
    "TraceabilityReport",
    "find_plan",
    "status_report",
    "traceability_report",
]

DEFAULT_RECENT_DAYS = 90
"""The status report lists the updates of the last this many days before its day."""


@attrs.frozen(kw_only=True)
class StatusReport(Document):
    """Where an action plan stands on a day: ``status`` (by status, by responsible,
    overdue, stale), the plan itself (for its focus areas) and the ``decisions`` of the
    partnership's decision logs on that day. ``recent_days`` is how far back the list of
    recent updates goes."""

    KIND: ClassVar[str] = "status-report"

    plan: ActionPlan
    status: PlanStatus
    decisions: tuple[DecisionState, ...] = ()
    recent_days: int = DEFAULT_RECENT_DAYS


@attrs.frozen(kw_only=True)
class TraceabilityReport(Document):
    """The traceability matrix of an action plan (``trace``) with its gaps."""

    KIND: ClassVar[str] = "traceability"

    plan: ActionPlan
    trace: Traceability


def find_plan(bundle: Bundle, plan_id: str) -> ActionPlan:
    """The action plan ``plan_id`` of ``bundle``; a :class:`UsageError` with a
    did-you-mean suggestion where it has none."""
    plans = {p.id: p for p in bundle.documents_of(ActionPlan)}
    if plan_id in plans:
        return plans[plan_id]
    close = difflib.get_close_matches(plan_id, sorted(plans), n=1)
    hint = message("followup.did_you_mean_repr", name=repr(close[0])) if close else ""
    known = ", ".join(sorted(plans)) or message("followup.none")
    raise UsageError(
        message(
            "followup.no_plan",
            plan=repr(plan_id),
            partnership=bundle.partnership.id,
            hint=hint,
            known=known,
        )
    )


def status_report(
    bundle: Bundle,
    plan_id: str,
    *,
    on: dt.date | None = None,
    stale_after: int | None = None,
    recent_days: int = DEFAULT_RECENT_DAYS,
) -> StatusReport:
    """The status report of the plan ``plan_id`` of ``bundle`` on the day ``on`` (today
    if not given), with the latest annual report that follows it up and the decisions
    of the decision logs on that day."""
    plan = find_plan(bundle, plan_id)
    day = on if on is not None else dt.date.today()
    if recent_days < 0:
        raise UsageError(message("followup.recent_days", days=recent_days))
    status = plan_status(
        plan, bundle.partnership, on=day, report=report_for(bundle, plan), stale_after=stale_after
    )
    return StatusReport(
        id=f"{plan.id}-status",
        title=plan.title,
        partnership=bundle.partnership.id,
        language=plan.language,
        plan=plan,
        status=status,
        decisions=decision_status(bundle, on=day),
        recent_days=recent_days,
    )


def traceability_report(
    bundle: Bundle, plan_id: str, *, many: int = DEFAULT_MANY_TASKS
) -> TraceabilityReport:
    """The traceability matrix of the plan ``plan_id`` of ``bundle``, traced against the
    declaration its basis names and the partnership's actors."""
    plan = find_plan(bundle, plan_id)
    declarations = {d.id: d for d in bundle.documents_of(Declaration)}
    declaration = declarations.get(plan.basis.declaration or "")
    trace = traceability(plan, declaration, bundle.partnership, many=many)
    return TraceabilityReport(
        id=f"{plan.id}-sporing",
        title=plan.title,
        partnership=bundle.partnership.id,
        language=plan.language,
        plan=plan,
        trace=trace,
    )
