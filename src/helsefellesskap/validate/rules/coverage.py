"""HF6xx: coverage of the declaration, and what every measure needs."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import BodyStatus, MeasureStatus, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["COVERAGE_RULES"]

_FINISHED = frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED})


@rule(
    "HF601",
    Severity.WARNING,
    "A focus area traces to a commitment",
    "Each focus area (innsatsområde) of an action plan carries out a commitment of the "
    "declaration; the commitment key records which, and the coverage check counts it.",
    'Add commitment = "<commitment id>" to the focus area.',
)
def focus_area_traces(context: ValidationContext) -> Iterator[Hit]:
    """A focus area without a commitment."""
    for plan in context.plans.values():
        for a, area in enumerate(plan.focus_areas):
            if area.commitment is None:
                yield Hit(
                    plan.id,
                    f"$.focus_areas[{a}].commitment",
                    f'focus area "{area.id}" does not say which commitment it carries out',
                )


@rule(
    "HF602",
    Severity.WARNING,
    "Every commitment of the declaration has a measure",
    "A plan based on a declaration should carry out each of its commitments: at least one "
    "measure in a focus area that traces to the commitment.",
    "Add a focus area (with measures) for the commitment, or trace an existing focus area to it.",
)
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
                    f'no measure carries out commitment "{commitment.id}" of declaration '
                    f'"{declaration.id}"',
                )


@rule(
    "HF603",
    Severity.WARNING,
    "Every main goal of the declaration has a measure",
    "Each main goal (hovedmål) of the declaration should be served by at least one measure: "
    "a goal whose main_goal names it, with a measure.",
    'Set main_goal = "<main goal id>" on a goal with measures, or add such a goal.',
)
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
                        f'no measure serves main goal "{main_goal.id}" of declaration '
                        f'"{declaration.id}"',
                    )


@rule(
    "HF604",
    Severity.ERROR,
    "A measure has someone responsible",
    "A measure without a responsible (ansvarlig) body, partner, role or group is a measure "
    "nobody carries out.",
    'Add responsible = ["<id>"] to the measure.',
)
def measure_has_responsible(context: ValidationContext) -> Iterator[Hit]:
    """A measure with an empty responsible list."""
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            if not spot.measure.responsible:
                yield Hit(
                    plan.id,
                    f"{spot.path}.responsible",
                    f'measure "{spot.measure.id}" has no one responsible',
                )


@rule(
    "HF605",
    Severity.WARNING,
    "A measure has a deadline",
    "A measure without a deadline (når) cannot be followed up in the annual report.",
    'Add deadline = 2025, "2024-2025", 2025-06-30 or { text = "…", means = 2025-12-31 }.',
)
def measure_has_deadline(context: ValidationContext) -> Iterator[Hit]:
    """A measure without a deadline."""
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            if spot.measure.deadline is None:
                yield Hit(
                    plan.id,
                    f"{spot.path}.deadline",
                    f'measure "{spot.measure.id}" has no deadline',
                )


@rule(
    "HF606",
    Severity.WARNING,
    "A measure's deadline lies within the plan's period",
    "A deadline after the plan's last year belongs to a later plan; one before its first "
    "year was due before the plan began.",
    "Correct the deadline, or move the measure to the plan whose period holds it.",
)
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
                    f"the deadline {deadline.display()} is outside the plan's period "
                    f"{plan.period.display()}",
                )


@rule(
    "HF607",
    Severity.ERROR,
    "A responsible body is not closed when the measure is due",
    "A body that has closed (its history or status says so) cannot carry out a measure. "
    "The body's status is taken on the measure's deadline (its last day, within the plan's "
    "period) or, without a deadline, on the plan's last day. Measures that are done or "
    "cancelled are not checked.",
    "Make the body that took over its work responsible (see the body's continues), or "
    "correct the body's history.",
)
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
                        f"{body.display_name} is closed on {day.isoformat()}, when measure "
                        f'"{measure.id}" is due',
                    )


@rule(
    "HF608",
    Severity.INFO,
    "Every priority group of the national plan is addressed",
    "The national plan names prioritised patient groups. A group that no measure of the "
    "plan addresses (through its priority_groups) is reported so the partnership can see "
    "it chose not to.",
    'Add priority_groups = ["<group id>"] to the measures that serve the group.',
)
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
                    f'no measure addresses the priority group "{group.id}" ({group.name})',
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
