"""HF6xx: coverage of the declaration, and what every measure needs."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
from ...model import BodyStatus, MeasureStatus, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["COVERAGE_RULES"]

_FINISHED = frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED})


@rule("HF601", Severity.WARNING)
def focus_area_traces(context: ValidationContext) -> Iterator[Hit]:
    """A focus area without a commitment."""
    for plan in context.plans.values():
        for a, area in enumerate(plan.focus_areas):
            if area.commitment is None:
                yield Hit(
                    plan.id,
                    f"$.focus_areas[{a}].commitment",
                    message("findings.area_untraced", area=area.id),
                )


@rule("HF602", Severity.WARNING)
def commitments_covered(context: ValidationContext) -> Iterator[Hit]:
    """A commitment of the basis declaration that no measure carries out."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        if declaration is None:
            continue
        covered = {
            area.commitment
            for area in plan.focus_areas
            if area.commitment is not None and any(goal.measures for goal in area.goals)
        }
        for commitment in declaration.commitments:
            if commitment.id not in covered:
                yield Hit(
                    plan.id,
                    "$.focus_areas",
                    message(
                        "findings.commitment_uncovered",
                        commitment=commitment.id,
                        declaration=declaration.id,
                    ),
                )


@rule("HF603", Severity.WARNING)
def main_goals_covered(context: ValidationContext) -> Iterator[Hit]:
    """A main goal of the basis declaration that no measure serves."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        if declaration is None:
            continue
        served = {
            goal.main_goal for goal in plan.goals() if goal.main_goal is not None and goal.measures
        }
        for commitment in declaration.commitments:
            for main_goal in commitment.main_goals:
                if main_goal.id not in served:
                    yield Hit(
                        plan.id,
                        "$.focus_areas",
                        message(
                            "findings.main_goal_uncovered",
                            main_goal=main_goal.id,
                            declaration=declaration.id,
                        ),
                    )


@rule("HF604", Severity.ERROR)
def measure_has_responsible(context: ValidationContext) -> Iterator[Hit]:
    """A measure with an empty responsible list."""
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            if not spot.measure.responsible:
                yield Hit(
                    plan.id,
                    f"{spot.path}.responsible",
                    message("findings.no_responsible", measure=spot.measure.id),
                )


@rule("HF605", Severity.WARNING)
def measure_has_deadline(context: ValidationContext) -> Iterator[Hit]:
    """A measure without a deadline."""
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            if spot.measure.deadline is None:
                yield Hit(
                    plan.id,
                    f"{spot.path}.deadline",
                    message("findings.no_deadline", measure=spot.measure.id),
                )


@rule("HF606", Severity.WARNING)
def deadline_in_period(context: ValidationContext) -> Iterator[Hit]:
    """A measure whose deadline falls outside the plan's years."""
    for plan in context.plans.values():
        first, last = plan.period.first_day, plan.period.last_day
        for spot in context.measures(plan.id):
            deadline = spot.measure.deadline
            if deadline is not None and not first <= deadline.latest <= last:
                yield Hit(
                    plan.id,
                    f"{spot.path}.deadline",
                    message(
                        "findings.deadline_outside",
                        deadline=deadline.display(),
                        period=plan.period.display(),
                    ),
                )


@rule("HF607", Severity.ERROR)
def responsible_body_open(context: ValidationContext) -> Iterator[Hit]:
    """A measure that names a body closed at the measure's due date."""
    closing = context.closing_bodies
    if not closing:
        return
    for plan in context.plans.values():
        last = plan.period.last_day
        for spot in context.measures(plan.id):
            measure = spot.measure
            if measure.status in _FINISHED or closing.isdisjoint(measure.responsible):
                continue
            day = min(measure.deadline.latest, last) if measure.deadline else last
            for n, item in enumerate(measure.responsible):
                body = context.bodies.get(item) if item in closing else None
                if body is not None and body.status_on(day) is BodyStatus.CLOSED:
                    yield Hit(
                        plan.id,
                        f"{spot.path}.responsible[{n}]",
                        message(
                            "findings.closed_body",
                            body=body.display_name,
                            day=day.isoformat(),
                            measure=measure.id,
                        ),
                    )


@rule("HF608", Severity.INFO)
def priority_groups_addressed(context: ValidationContext) -> Iterator[Hit]:
    """A priority group of the basis national plan that no measure addresses."""
    for plan in context.plans.values():
        national = context.national_plans.get(plan.basis.national_plan or "")
        if national is None:
            continue
        addressed = {g for spot in context.measures(plan.id) for g in spot.measure.priority_groups}
        for group in national.priority_groups:
            if group.id not in addressed:
                yield Hit(
                    plan.id,
                    "$.focus_areas",
                    message("findings.group_unaddressed", group=group.id, name=group.name),
                )


COVERAGE_RULES = (
    focus_area_traces,
    commitments_covered,
    main_goals_covered,
    measure_has_responsible,
    measure_has_deadline,
    deadline_in_period,
    responsible_body_open,
    priority_groups_addressed,
)
"""The rules about coverage and measures."""
