"""HF1xx: ids are unique within their scope; labels may repeat."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

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
    """A hit for each id that came earlier in ``ids`` (one scope).

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
                f'the {what} id "{item_id}" is used twice in {scope}; first at '
                f"{path_of(first[item_id])}",
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


@rule(
    "HF101",
    Severity.ERROR,
    "Partners, bodies, roles and groups have unique ids",
    "Documents name partners, bodies, roles and groups by id in one namespace "
    '(responsible = ["fsu-rest", "unn"]). An id used twice makes every such reference '
    "ambiguous: only the first item would ever be found.",
    "Give each partner, body, role and group its own id; change the references that "
    "meant the second item.",
)
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
    yield from _located(context.partnership_id, located, "actor", "the partnership")


@rule(
    "HF102",
    Severity.ERROR,
    "Items of a document have unique ids",
    "Commitments and main goals of a declaration, and focus areas, goals, measures and "
    "references of a plan, ongoing work of a goal and applications of a funding round are "
    "referred to by id; an id used twice in its scope makes those references ambiguous. "
    "(Labels such as a), b) are not ids and may repeat.)",
    "Give the item an id of its own, for example by adding a suffix (-2).",
)
def unique_document_ids(context: ValidationContext) -> Iterator[Hit]:
    """An id that repeats within its scope in a declaration, plan or funding round."""
    for declaration in context.declarations.values():
        commitments = declaration.commitments
        yield from _repeats(
            declaration.id,
            [c.id for c in commitments],
            _indexed("$.commitments"),
            "commitment",
            "the declaration",
        )
        yield from _located(
            declaration.id,
            [
                (g.id, f"$.commitments[{n}].main_goals[{k}]")
                for n, c in enumerate(commitments)
                for k, g in enumerate(c.main_goals)
            ],
            "main goal",
            "the declaration",
        )
    for plan in context.plans.values():
        yield from _plan_repeats(context, plan)
    for funding in context.funding_rounds.values():
        yield from _repeats(
            funding.id,
            [a.id for a in funding.applications],
            _indexed("$.applications"),
            "application",
            "the funding round",
        )


def _plan_repeats(context: ValidationContext, plan: ActionPlan) -> Iterator[Hit]:
    yield from _repeats(
        plan.id,
        [a.id for a in plan.focus_areas],
        _indexed("$.focus_areas"),
        "focus area",
        "the plan",
    )
    goals: list[tuple[str, str]] = []
    for n, area in enumerate(plan.focus_areas):
        for k, goal in enumerate(area.goals):
            path = f"$.focus_areas[{n}].goals[{k}]"
            goals.append((goal.id, path))
            if len(goal.ongoing_work) > 1:
                yield from _repeats(
                    plan.id,
                    [w.id for w in goal.ongoing_work],
                    _indexed(f"{path}.ongoing_work"),
                    "ongoing work",
                    "the goal",
                )
    yield from _located(plan.id, goals, "goal", "the plan")
    spots = context.measures(plan.id)
    yield from _repeats(
        plan.id,
        [s.measure.id for s in spots],
        lambda n: spots[n].path,
        "measure",
        "the plan",
    )
    yield from _repeats(
        plan.id,
        [r.id for r in plan.references],
        _indexed("$.references"),
        "reference",
        "the plan",
    )


@rule(
    "HF103",
    Severity.INFO,
    "A measure label repeats within a focus area",
    "The letter a document prints before a measure (a), b)) is a label, not an id. Some "
    "source documents restart their letters inside one focus area (one runs a-f, then "
    "a-c again); that is allowed, but readers may confuse "
    "the two measures, so it is noted: once per goal, at the first label that repeats.",
    "Nothing needs fixing if the source document does the same; otherwise continue the letters.",
)
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
                    f'the label "{label}" repeats in focus area "{spot.area.id}" '
                    f"(first at {first[key]})",
                )


ID_RULES = (unique_actor_ids, unique_document_ids, repeated_labels)
"""The rules about ids and labels."""
