"""HF8xx: status updates of measures and decisions, and the decision log's follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

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


@rule(
    "HF801",
    Severity.ERROR,
    "Who reported a status update is a partner, body, role or group",
    "A status update's reported_by (of a measure, a decision, or an annual report's "
    "follow-up) names who reported it, by id, so that the follow-up can say who is doing "
    "what.",
    "Correct the id (see the suggestion), or add the actor to partnership.toml.",
)
def update_actor_exists(context: ValidationContext) -> Iterator[Hit]:
    """An update whose ``reported_by`` is not an actor of the partnership."""
    for document, path, updates in _updates(context):
        for n, update in enumerate(updates):
            actor = update.reported_by
            if actor is not None and actor not in context.actors:
                yield Hit(
                    document,
                    f"{path}[{n}].reported_by",
                    f'"{actor}" is not a partner, body, role or group',
                    context.actor_suggestion(actor),
                )
    for report in context.reports.values():
        for n, follow_up in enumerate(report.measure_status):
            actor = follow_up.reported_by
            if actor is not None and actor not in context.actors:
                yield Hit(
                    report.id,
                    f"$.measure_status[{n}].reported_by",
                    f'"{actor}" is not a partner, body, role or group',
                    context.actor_suggestion(actor),
                )


@rule(
    "HF802",
    Severity.WARNING,
    "A status update is not dated in the future",
    "An update reports what has happened, so its date is today or earlier.",
    "Correct the date; record the update when it has happened.",
)
def update_not_in_future(context: ValidationContext) -> Iterator[Hit]:
    """An update dated after today."""
    today = dt.date.today()
    for document, path, updates in _updates(context):
        for n, update in enumerate(updates):
            if update.date > today:
                yield Hit(
                    document,
                    f"{path}[{n}].date",
                    f"the update is dated {update.date.isoformat()}, after today",
                )


@rule(
    "HF803",
    Severity.WARNING,
    "Status updates are in date order",
    "The updates of a measure or decision are a history: each is appended after the one "
    "before it, so a reader sees them in the order they happened.",
    "Move the update to its place in date order.",
)
def updates_in_order(context: ValidationContext) -> Iterator[Hit]:
    """An update dated before the update above it."""
    for document, path, updates in _updates(context):
        for n in range(1, len(updates)):
            if updates[n].date < updates[n - 1].date:
                yield Hit(
                    document,
                    f"{path}[{n}].date",
                    f"the update of {updates[n].date.isoformat()} comes after the one of "
                    f"{updates[n - 1].date.isoformat()}",
                )


@rule(
    "HF804",
    Severity.WARNING,
    "A decision is followed up in time",
    "A decision of SSU or FSU is followed up: when the partnership's [follow_up] "
    "decision_days (90 unless set) have passed since the meeting, an unfinished decision "
    "without any status update has been left behind.",
    "Record where its follow-up stands (helsefellesskap update LOG DECISION-ID --status …), "
    "or mark it done or cancelled.",
)
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
                    f'decision "{decision.id}" of {decision.meeting.isoformat()} has had no '
                    f"follow-up in the {days} days since its meeting",
                )


@rule(
    "HF805",
    Severity.ERROR,
    "A decision's body, bodies and measures exist",
    "A decision names the body that made it, the bodies it concerns and the measures it "
    'concerns ("<plan id>.<measure id>"), by id; each must resolve.',
    "Correct the id (see the suggestion).",
)
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
                        log.id, where, f'"{body}" is not a body', context.body_suggestion(body)
                    )
            for where, actor in (
                (f"{path}.responsible[{k}]", a) for k, a in enumerate(decision.responsible)
            ):
                if actor not in context.actors:
                    yield Hit(
                        log.id,
                        where,
                        f'"{actor}" is not a partner, body, role or group',
                        context.actor_suggestion(actor),
                    )
            for k, reference in enumerate(decision.measures):
                plan_id, _, measure_id = reference.rpartition(".")
                if plan_id not in context.plans:
                    yield Hit(
                        log.id,
                        f"{path}.measures[{k}]",
                        f'"{reference}" names no plan of the partnership: write '
                        '"<plan id>.<measure id>"',
                    )
                elif measure_id not in context.measures_by_id(plan_id):
                    close = suggest(measure_id, context.measures_by_id(plan_id))
                    yield Hit(
                        log.id,
                        f"{path}.measures[{k}]",
                        f'plan "{plan_id}" has no measure "{measure_id}"',
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
