"""HF5xx: a plan's period, its declaration's period and its national plan."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["PERIOD_RULES"]


@rule(
    "HF501",
    Severity.WARNING,
    "A plan's period lies within its declaration's period",
    "An action plan carries out a declaration; years of the plan outside the declaration's "
    "period have no declaration behind them. Plans revised yearly sometimes run past a "
    "declaration that is about to be renewed, so this is a warning.",
    "Correct the plan's period, base the plan on the declaration that covers it, or "
    "switch the rule off for the partnership with the reason.",
)
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
                f"the plan's period {plan.period.display()} is not within the period "
                f'{declaration.period.display()} of declaration "{declaration.id}"',
            )


@rule(
    "HF502",
    Severity.WARNING,
    "A plan's national plan matches its years",
    "Nasjonal helse- og sykehusplan 2020–2023 (nhsp-2020) frames plans that start before "
    "2024; Nasjonal helse- og samhandlingsplan 2024–2027 (nhsp-2024) frames plans from "
    "2024. A plan based on the other one quotes goals and priority groups that no longer, "
    "or not yet, apply.",
    "Set basis.national_plan to the national plan in force in the plan's first year (see "
    "the suggestion).",
)
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
                f'the plan starts in {plan.period.start}, when "{expected.id}" '
                f'({expected.name}) applies, not "{named}"',
                expected.id,
            )


@rule(
    "HF503",
    Severity.WARNING,
    "National goals and priority groups belong to the plan's national plan",
    "The national goals and priority groups a plan quotes should be those of the national "
    "plan it is based on (nhsp-2020 has no pregnancy-and-childbirth group; its goals are "
    "nhsp-2020.goal-1 …).",
    "Use the goals and groups of basis.national_plan, or correct basis.national_plan.",
)
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
                    f'"{goal}" is a goal of "{owner}", not of the plan\'s national plan "{named}"',
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
                    f'"{group}" is not a priority group of the national plan "{named}"',
                )


@rule(
    "HF504",
    Severity.INFO,
    "A plan names its declaration and national plan",
    "Without basis.declaration the plan's focus areas cannot be traced to commitments nor "
    "checked for coverage; without basis.national_plan its national goals and priority "
    "groups cannot be checked.",
    "Add basis.declaration and basis.national_plan to the plan.",
)
def plan_names_basis(context: ValidationContext) -> Iterator[Hit]:
    """A plan without a basis declaration or national plan."""
    for plan in context.plans.values():
        if plan.basis.declaration is None:
            yield Hit(plan.id, "$.basis.declaration", "the plan names no declaration")
        if plan.basis.national_plan is None:
            expected = context.national.plan_for_year(plan.period.start)
            yield Hit(
                plan.id,
                "$.basis.national_plan",
                "the plan names no national plan",
                expected.id if expected else None,
            )


PERIOD_RULES = (
    plan_within_declaration,
    national_plan_matches_years,
    national_items_of_plan,
    plan_names_basis,
)
"""The rules about periods and the national plan."""
