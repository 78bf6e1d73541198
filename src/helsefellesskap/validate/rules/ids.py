"""HF1xx: ids are unique within their scope; labels may repeat."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ...model import Actor, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["ID_RULES"]


def _repeats(
    document: str, items: Iterable[tuple[str, str]], what: str, scope: str
) -> Iterator[Hit]:
    """A hit for each ``(id, path)`` whose id came earlier in the same scope."""
    first: dict[str, str] = {}
    for item_id, path in items:
        if item_id in first:
            yield Hit(
                document,
                f"{path}.id",
                f'the {what} id "{item_id}" is used twice in {scope}; first at {first[item_id]}',
            )
        else:
            first[item_id] = path


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
    items: list[tuple[str, str]] = []
    collections: tuple[tuple[str, Sequence[Actor]], ...] = (
        ("partners", partnership.partners),
        ("bodies", partnership.bodies),
        ("roles", partnership.roles),
        ("groups", partnership.groups),
    )
    for key, collection in collections:
        items.extend((item.id, f"$.{key}[{n}]") for n, item in enumerate(collection))
    yield from _repeats(context.partnership_id, items, "actor", "the partnership")


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
        commitments = [(c.id, f"$.commitments[{n}]") for n, c in enumerate(declaration.commitments)]
        yield from _repeats(declaration.id, commitments, "commitment", "the declaration")
        goals = [
            (g.id, f"$.commitments[{n}].main_goals[{k}]")
            for n, c in enumerate(declaration.commitments)
            for k, g in enumerate(c.main_goals)
        ]
        yield from _repeats(declaration.id, goals, "main goal", "the declaration")
    for plan in context.plans.values():
        areas = [(a.id, f"$.focus_areas[{n}]") for n, a in enumerate(plan.focus_areas)]
        yield from _repeats(plan.id, areas, "focus area", "the plan")
        goals = [
            (g.id, f"$.focus_areas[{n}].goals[{k}]")
            for n, a in enumerate(plan.focus_areas)
            for k, g in enumerate(a.goals)
        ]
        yield from _repeats(plan.id, goals, "goal", "the plan")
        for n, area in enumerate(plan.focus_areas):
            for k, goal in enumerate(area.goals):
                work = [
                    (w.id, f"$.focus_areas[{n}].goals[{k}].ongoing_work[{j}]")
                    for j, w in enumerate(goal.ongoing_work)
                ]
                yield from _repeats(plan.id, work, "ongoing work", "the goal")
        measures = [(s.measure.id, s.path) for s in context.measures(plan.id)]
        yield from _repeats(plan.id, measures, "measure", "the plan")
        references = [(r.id, f"$.references[{n}]") for n, r in enumerate(plan.references)]
        yield from _repeats(plan.id, references, "reference", "the plan")
    for funding in context.funding_rounds.values():
        applications = [(a.id, f"$.applications[{n}]") for n, a in enumerate(funding.applications)]
        yield from _repeats(funding.id, applications, "application", "the funding round")


@rule(
    "HF103",
    Severity.INFO,
    "A measure label repeats within a focus area",
    "The letter a document prints before a measure (a), b)) is a label, not an id. Some "
    "source documents restart their letters inside one focus area (Handlingsplan 2023 "
    "of Troms og Ofoten runs a-f, then a-c); that is allowed, but readers may confuse "
    "the two measures, so it is noted.",
    "Nothing needs fixing if the source document does the same; otherwise continue the letters.",
)
def repeated_labels(context: ValidationContext) -> Iterator[Hit]:
    """A measure label that came earlier in the same focus area."""
    for plan in context.plans.values():
        first: dict[tuple[int, str], str] = {}
        for spot in context.measures(plan.id):
            label = spot.measure.label
            if label is None:
                continue
            key = (spot.area_index, label)
            if key in first:
                yield Hit(
                    plan.id,
                    f"{spot.path}.label",
                    f'the label "{label}" repeats in focus area "{spot.area.id}" '
                    f"(first at {first[key]})",
                )
            else:
                first[key] = spot.path


ID_RULES = (unique_actor_ids, unique_document_ids, repeated_labels)
"""The rules about ids and labels."""
