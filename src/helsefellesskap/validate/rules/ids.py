"""HF1xx: ids are unique within their scope; labels may repeat."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ...messages import message
from ...model import ActionPlan, Actor, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["ID_RULES"]


def _repeats(
    document: str,
    ids: Sequence[str],
    path_of: Callable[[int], str],
    what: str,
    scope: str,
) -> Iterator[Hit]:
    """A hit for each id that came earlier in ``ids`` (one scope). ``what`` and
    ``scope`` are message keys (``item.measure``, ``scope.plan``), worded on a hit.

    Paths are only built for the repeats, so the common case costs one set per scope.
    """
    if len(set(ids)) == len(ids):
        return
    first: dict[str, int] = {}
    for position, item_id in enumerate(ids):
        if item_id in first:
            yield Hit(
                document,
                f"{path_of(position)}.id",
                message(
                    "findings.id_twice",
                    what=message(f"findings.{what}"),
                    item=item_id,
                    scope=message(f"findings.{scope}"),
                    first=path_of(first[item_id]),
                ),
            )
        else:
            first[item_id] = position


def _indexed(path: str) -> Callable[[int], str]:
    """The path of item ``n`` of the list at ``path``."""
    return lambda n: f"{path}[{n}]"


def _located(
    document: str, located: Sequence[tuple[str, str]], what: str, scope: str
) -> Iterator[Hit]:
    """:func:`_repeats` over ``(id, path)`` pairs whose paths are already known."""
    yield from _repeats(
        document, [item_id for item_id, _path in located], lambda n: located[n][1], what, scope
    )


@rule("HF101", Severity.ERROR)
def unique_actor_ids(context: ValidationContext) -> Iterator[Hit]:
    """An actor id that repeats across partners, bodies, roles and groups."""
    partnership = context.partnership
    located: list[tuple[str, str]] = []
    collections: tuple[tuple[str, Sequence[Actor]], ...] = (
        ("partners", partnership.partners),
        ("bodies", partnership.bodies),
        ("roles", partnership.roles),
        ("groups", partnership.groups),
    )
    for key, collection in collections:
        located.extend((item.id, f"$.{key}[{n}]") for n, item in enumerate(collection))
    yield from _located(context.partnership_id, located, "item.actor", "scope.partnership")


@rule("HF102", Severity.ERROR)
def unique_document_ids(context: ValidationContext) -> Iterator[Hit]:
    """An id that repeats within its scope in a declaration, plan or funding round."""
    for declaration in context.declarations.values():
        commitments = declaration.commitments
        yield from _repeats(
            declaration.id,
            [c.id for c in commitments],
            _indexed("$.commitments"),
            "item.commitment",
            "scope.declaration",
        )
        yield from _located(
            declaration.id,
            [
                (g.id, f"$.commitments[{n}].main_goals[{k}]")
                for n, c in enumerate(commitments)
                for k, g in enumerate(c.main_goals)
            ],
            "item.main_goal",
            "scope.declaration",
        )
    for plan in context.plans.values():
        yield from _plan_repeats(context, plan)
    for funding in context.funding_rounds.values():
        yield from _repeats(
            funding.id,
            [a.id for a in funding.applications],
            _indexed("$.applications"),
            "item.application",
            "scope.funding_round",
        )


def _plan_repeats(context: ValidationContext, plan: ActionPlan) -> Iterator[Hit]:
    yield from _repeats(
        plan.id,
        [a.id for a in plan.focus_areas],
        _indexed("$.focus_areas"),
        "item.focus_area",
        "scope.plan",
    )
    goals: list[str] = []
    places: list[tuple[int, int]] = []  # (area, goal): a goal's path is made for a repeat only
    for n, area in enumerate(plan.focus_areas):
        for k, goal in enumerate(area.goals):
            goals.append(goal.id)
            places.append((n, k))
            if len(goal.ongoing_work) > 1:
                yield from _repeats(
                    plan.id,
                    [w.id for w in goal.ongoing_work],
                    _indexed(f"$.focus_areas[{n}].goals[{k}].ongoing_work"),
                    "item.ongoing_work",
                    "scope.goal",
                )
    yield from _repeats(
        plan.id,
        goals,
        lambda g: "$.focus_areas[{}].goals[{}]".format(*places[g]),
        "item.goal",
        "scope.plan",
    )
    spots = context.measures(plan.id)
    yield from _repeats(
        plan.id,
        [s.measure.id for s in spots],
        lambda n: spots[n].path,
        "item.measure",
        "scope.plan",
    )
    yield from _repeats(
        plan.id,
        [r.id for r in plan.references],
        _indexed("$.references"),
        "item.reference",
        "scope.plan",
    )


@rule("HF103", Severity.INFO)
def repeated_labels(context: ValidationContext) -> Iterator[Hit]:
    """A measure label that came earlier in the same focus area: the first such label of
    each goal, so a restart of the letters is noted once, where it happens."""
    for plan in context.plans.values():
        first: dict[tuple[int, str], str] = {}
        noted: set[tuple[int, int]] = set()
        for spot in context.measures(plan.id):
            label = spot.measure.label
            if label is None:
                continue
            key = (spot.area_index, label)
            goal = (spot.area_index, spot.goal_index)
            if key not in first:
                first[key] = spot.path
            elif goal not in noted:
                noted.add(goal)
                yield Hit(
                    plan.id,
                    f"{spot.path}.label",
                    message(
                        "findings.label_repeats",
                        label=label,
                        area=spot.area.id,
                        first=first[key],
                    ),
                )


ID_RULES = (unique_actor_ids, unique_document_ids, repeated_labels)
"""The rules about ids and labels."""
