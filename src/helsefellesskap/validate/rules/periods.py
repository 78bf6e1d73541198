"""HF5xx: a plan's period, its declaration's period and its national plan."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
from ...model import Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["PERIOD_RULES"]


@rule("HF501", Severity.WARNING)
def plan_within_declaration(context: ValidationContext) -> Iterator[Hit]:
    """A plan with years outside its declaration's period."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        if declaration is None:
            continue
        inside = declaration.period.start <= plan.period.start
        inside = inside and plan.period.end <= declaration.period.end
        if not inside:
            yield Hit(
                plan.id,
                "$.period",
                message(
                    "findings.plan_outside_declaration",
                    period=plan.period.display(),
                    declaration_period=declaration.period.display(),
                    declaration=declaration.id,
                ),
            )


@rule("HF502", Severity.WARNING)
def national_plan_matches_years(context: ValidationContext) -> Iterator[Hit]:
    """A plan whose national plan is not the one in force in its first year."""
    for plan in context.plans.values():
        named = plan.basis.national_plan
        if named is None or named not in context.national_plans:
            continue
        expected = context.national.plan_for_year(plan.period.start)
        if expected is not None and expected.id != named:
            yield Hit(
                plan.id,
                "$.basis.national_plan",
                message(
                    "findings.wrong_national_plan",
                    year=plan.period.start,
                    expected=expected.id,
                    name=expected.name,
                    named=named,
                ),
                expected.id,
            )


@rule("HF503", Severity.WARNING)
def national_items_of_plan(context: ValidationContext) -> Iterator[Hit]:
    """A national goal or priority group from another national plan than the basis."""
    for plan in context.plans.values():
        named = plan.basis.national_plan
        if named is None or named not in context.national_plans:
            continue
        for n, goal in enumerate(plan.national_goals):
            owner = context.national_goals.get(goal)
            if owner is not None and owner != named:
                yield Hit(
                    plan.id,
                    f"$.national_goals[{n}]",
                    message("findings.goal_of_other_plan", goal=goal, owner=owner, named=named),
                )
        # Which groups fall outside the national plan is decided once per distinct id;
        # paths are only built for the items that do.
        foreign = {group for group, plans in context.priority_groups.items() if named not in plans}
        located = [(f"$.priority_groups[{n}]", g) for n, g in enumerate(plan.priority_groups)]
        for spot in context.measures(plan.id):
            groups = spot.measure.priority_groups
            if groups and not foreign.isdisjoint(groups):
                located.extend(
                    (f"{spot.path}.priority_groups[{n}]", g) for n, g in enumerate(groups)
                )
        for path, group in located:
            if group in foreign:
                yield Hit(
                    plan.id,
                    path,
                    message("findings.group_of_other_plan", group=group, named=named),
                )


@rule("HF504", Severity.INFO)
def plan_names_basis(context: ValidationContext) -> Iterator[Hit]:
    """A plan without a basis declaration or national plan."""
    for plan in context.plans.values():
        if plan.basis.declaration is None:
            yield Hit(plan.id, "$.basis.declaration", message("findings.no_basis_declaration"))
        if plan.basis.national_plan is None:
            expected = context.national.plan_for_year(plan.period.start)
            yield Hit(
                plan.id,
                "$.basis.national_plan",
                message("findings.no_basis_national_plan"),
                expected.id if expected else None,
            )


PERIOD_RULES = (
    plan_within_declaration,
    national_plan_matches_years,
    national_items_of_plan,
    plan_names_basis,
)
"""The rules about periods and the national plan."""
