"""HF8xx: status updates of measures and decisions, and the decision log's follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...messages import message
from ...model import FINISHED, ActionPlan, DecisionLog, Severity, StatusUpdate
from ..context import ValidationContext, suggest
from ._define import Hit, rule

__all__ = ["PROGRESS_RULES"]


def _updates(context: ValidationContext) -> Iterator[tuple[str, str, tuple[StatusUpdate, ...]]]:
    """Every list of updates: document id, path of the list, the updates."""
    for plan in context.bundle.documents_of(ActionPlan):
        for spot in context.measures(plan.id):
            if spot.measure.updates:
                yield plan.id, f"{spot.path}.updates", spot.measure.updates
    for log in context.bundle.documents_of(DecisionLog):
        for n, decision in enumerate(log.decisions):
            if decision.updates:
                yield log.id, f"$.decisions[{n}].updates", decision.updates


@rule("HF801", Severity.ERROR)
def update_actor_exists(context: ValidationContext) -> Iterator[Hit]:
    """An update whose ``reported_by`` is not an actor of the partnership."""
    for document, path, updates in _updates(context):
        for n, update in enumerate(updates):
            actor = update.reported_by
            if actor is not None and actor not in context.actors:
                yield Hit(
                    document,
                    f"{path}[{n}].reported_by",
                    message("findings.actor_unknown", actor=actor),
                    context.actor_suggestion(actor),
                )
    for report in context.reports.values():
        for n, follow_up in enumerate(report.measure_status):
            actor = follow_up.reported_by
            if actor is not None and actor not in context.actors:
                yield Hit(
                    report.id,
                    f"$.measure_status[{n}].reported_by",
                    message("findings.actor_unknown", actor=actor),
                    context.actor_suggestion(actor),
                )


@rule("HF802", Severity.WARNING)
def update_not_in_future(context: ValidationContext) -> Iterator[Hit]:
    """An update dated after today."""
    today = dt.date.today()
    for document, path, updates in _updates(context):
        for n, update in enumerate(updates):
            if update.date > today:
                yield Hit(
                    document,
                    f"{path}[{n}].date",
                    message("findings.update_in_future", date=update.date.isoformat()),
                )


@rule("HF803", Severity.WARNING)
def updates_in_order(context: ValidationContext) -> Iterator[Hit]:
    """An update dated before the update above it."""
    for document, path, updates in _updates(context):
        for n in range(1, len(updates)):
            if updates[n].date < updates[n - 1].date:
                yield Hit(
                    document,
                    f"{path}[{n}].date",
                    message(
                        "findings.update_out_of_order",
                        date=updates[n].date.isoformat(),
                        previous=updates[n - 1].date.isoformat(),
                    ),
                )


@rule("HF804", Severity.WARNING)
def decision_followed_up(context: ValidationContext) -> Iterator[Hit]:
    """A decision with no update ``decision_days`` after its meeting."""
    days = context.partnership.follow_up.decision_days
    today = dt.date.today()
    for log in context.bundle.documents_of(DecisionLog):
        for n, decision in enumerate(log.decisions):
            waited = (today - decision.meeting).days
            if not decision.updates and decision.status not in FINISHED and waited > days:
                yield Hit(
                    log.id,
                    f"$.decisions[{n}]",
                    message(
                        "findings.decision_not_followed_up",
                        decision=decision.id,
                        meeting=decision.meeting.isoformat(),
                        days=days,
                    ),
                )


@rule("HF805", Severity.ERROR)
def decision_references(context: ValidationContext) -> Iterator[Hit]:
    """A decision naming a body or measure that does not exist."""
    for log in context.bundle.documents_of(DecisionLog):
        for n, decision in enumerate(log.decisions):
            path = f"$.decisions[{n}]"
            named = [(f"{path}.body", decision.body)]
            named += [(f"{path}.bodies[{k}]", b) for k, b in enumerate(decision.bodies)]
            for where, body in named:
                if body not in context.bodies:
                    yield Hit(
                        log.id,
                        where,
                        message("findings.not_a_body", body=body),
                        context.body_suggestion(body),
                    )
            for where, actor in (
                (f"{path}.responsible[{k}]", a) for k, a in enumerate(decision.responsible)
            ):
                if actor not in context.actors:
                    yield Hit(
                        log.id,
                        where,
                        message("findings.actor_unknown", actor=actor),
                        context.actor_suggestion(actor),
                    )
            for k, reference in enumerate(decision.measures):
                plan_id, _, measure_id = reference.rpartition(".")
                if plan_id not in context.plans:
                    yield Hit(
                        log.id,
                        f"{path}.measures[{k}]",
                        message("findings.decision_no_plan", reference=reference),
                    )
                elif measure_id not in context.measures_by_id(plan_id):
                    close = suggest(measure_id, context.measures_by_id(plan_id))
                    yield Hit(
                        log.id,
                        f"{path}.measures[{k}]",
                        message("findings.plan_has_no_measure", plan=plan_id, measure=measure_id),
                        f"{plan_id}.{close}" if close else None,
                    )


PROGRESS_RULES = (
    update_actor_exists,
    update_not_in_future,
    updates_in_order,
    decision_followed_up,
    decision_references,
)
"""The rules about status updates and decisions."""
