"""HF2xx: every reference by id resolves, with a did-you-mean where one is close."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ...messages import message
from ...model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Section,
    Severity,
)
from ...model.annual_report import resolve_follow_up
from ..context import ValidationContext, suggest
from ._define import Hit, rule

__all__ = ["REFERENCE_RULES", "resolve_measure"]


def _actor_hits(
    context: ValidationContext, document: str, path: str, ids: Iterable[str], what: str
) -> Iterator[Hit]:
    """A hit for each id in ``ids`` that names no partner, body, role or group;
    ``what`` names the role of the id (``responsible``: the message ``who.responsible``)."""
    for n, item in enumerate(ids):
        if item not in context.actors:
            yield Hit(
                document,
                f"{path}[{n}]",
                _not_actor(what, item),
                context.actor_suggestion(item),
            )


def _not_actor(what: str, item: str) -> str:
    """The message for ``item``, which names no actor, in the role ``what``."""
    return message("findings.not_actor", what=message(f"findings.who.{what}"), item=item)


def _one_actor(
    context: ValidationContext, document: str, path: str, item: str | None, what: str
) -> Iterator[Hit]:
    if item is not None and item not in context.actors:
        yield Hit(document, path, _not_actor(what, item), context.actor_suggestion(item))


def _one_body(context: ValidationContext, document: str, path: str, item: str) -> Iterator[Hit]:
    if item in context.bodies:
        return
    actor = context.actors.get(item)
    if actor is not None:
        kind = message(f"findings.kind.{type(actor).__name__.lower()}")
        yield Hit(document, path, message("findings.actor_not_body", item=item, kind=kind))
    else:
        yield Hit(
            document,
            path,
            message("findings.no_body", item=item),
            context.body_suggestion(item),
        )


@rule("HF201", Severity.ERROR)
def responsible_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A responsible id of a measure that names no actor."""
    actors = context.actors
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            for item in spot.measure.responsible:  # (no generator a measure: most resolve)
                if item not in actors:
                    break
            else:
                continue
            yield from _actor_hits(
                context,
                plan.id,
                f"{spot.path}.responsible",
                spot.measure.responsible,
                "responsible",
            )


@rule("HF202", Severity.ERROR)
def holders_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A seat holder, chair, role holder or group member that names nothing."""
    own = context.partnership_id
    for b, body in enumerate(context.partnership.bodies):
        path = f"$.bodies[{b}]"
        for s, seat in enumerate(body.seats):
            yield from _one_actor(context, own, f"{path}.seats[{s}].holder", seat.holder, "holder")
        if body.chair is not None:
            yield from _one_actor(context, own, f"{path}.chair.holder", body.chair.holder, "chair")
            yield from _one_actor(
                context, own, f"{path}.chair.deputy", body.chair.deputy, "deputy_chair"
            )
            yield from _actor_hits(
                context,
                own,
                f"{path}.chair.rotates_between",
                body.chair.rotates_between,
                "chair",
            )
    for r, role in enumerate(context.partnership.roles):
        yield from _actor_hits(context, own, f"$.roles[{r}].holders", role.holders, "holder")
    for g, group in enumerate(context.partnership.groups):
        for m, member in enumerate(group.members):
            if member not in context.partners:
                yield Hit(
                    own,
                    f"$.groups[{g}].members[{m}]",
                    message("findings.member_not_partner", member=member),
                    suggest(member, context.partners),
                )
        for m, member in enumerate(group.bodies):
            yield from _one_body(context, own, f"$.groups[{g}].bodies[{m}]", member)


@rule("HF203", Severity.ERROR)
def body_links_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A body link that does not name a body."""
    own = context.partnership_id
    for b, body in enumerate(context.partnership.bodies):
        path = f"$.bodies[{b}]"
        for key in ("steering_body", "parent", "continues"):
            value = getattr(body, key)
            if value is not None:
                yield from _one_body(context, own, f"{path}.{key}", value)
        if body.mandate is not None:
            for n, giver in enumerate(body.mandate.given_by):
                yield from _one_body(context, own, f"{path}.mandate.given_by[{n}]", giver)


@rule("HF204", Severity.ERROR)
def body_kind_known(context: ValidationContext) -> Iterator[Hit]:
    """A body whose kind no plugin registers."""
    for b, body in enumerate(context.partnership.bodies):
        if body.kind not in context.body_kinds:
            yield Hit(
                context.partnership_id,
                f"$.bodies[{b}].kind",
                message("findings.body_kind_unknown", kind=body.kind),
                suggest(body.kind, context.body_kinds),
            )


@rule("HF215", Severity.ERROR)
def partner_kind_known(context: ValidationContext) -> Iterator[Hit]:
    """A partner, or a group's kinds, naming a kind neither the core nor a plugin has."""
    known = context.partner_kinds
    for p, partner in enumerate(context.partnership.partners):
        if partner.kind not in known:
            yield Hit(
                context.partnership_id,
                f"$.partners[{p}].kind",
                message("findings.partner_kind_unknown", kind=partner.kind),
                suggest(partner.kind, known),
            )
    for g, group in enumerate(context.partnership.groups):
        for k, kind in enumerate(group.kinds):
            if kind not in known:
                yield Hit(
                    context.partnership_id,
                    f"$.groups[{g}].kinds[{k}]",
                    message("findings.partner_kind_unknown", kind=kind),
                    suggest(kind, known),
                )


@rule("HF216", Severity.ERROR)
def extra_fields_declared(context: ValidationContext) -> Iterator[Hit]:
    """An extra field nobody declares, or a value its declaration does not allow."""
    own = context.partnership_id
    declared = context.extra_fields
    places: list[tuple[str, str, dict[str, object]]] = []
    for p, partner in enumerate(context.partnership.partners):
        places.append(("partner", f"$.partners[{p}].extra", dict(partner.extra)))
    for b, body in enumerate(context.partnership.bodies):
        places.append(("body", f"$.bodies[{b}].extra", dict(body.extra)))
        for s, seat in enumerate(body.seats):
            places.append(("seat", f"$.bodies[{b}].seats[{s}].extra", dict(seat.extra)))
    for place, path, values in places:
        for name, value in values.items():
            field = declared.get(f"{place}.{name}")
            if field is None:
                names = [key.split(".", 1)[1] for key in declared if key.startswith(f"{place}.")]
                yield Hit(
                    own,
                    f"{path}.{name}",
                    message(
                        "findings.extra_undeclared",
                        place=message(f"findings.place.{place}"),
                        name=name,
                    ),
                    suggest(name, names),
                )
                continue
            problem = field.problem(value)
            if problem is not None:
                yield Hit(own, f"{path}.{name}", problem)


@rule("HF205", Severity.ERROR)
def commitment_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A focus area commitment that the basis declaration does not have."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        for a, area in enumerate(plan.focus_areas):
            if area.commitment is None:
                continue
            path = f"$.focus_areas[{a}].commitment"
            if plan.basis.declaration is None:
                yield Hit(
                    plan.id,
                    path,
                    message("findings.commitment_untraceable", commitment=area.commitment),
                )
            elif declaration is not None:
                commitments = context.commitments(declaration.id)
                if area.commitment not in commitments:
                    yield Hit(
                        plan.id,
                        path,
                        message(
                            "findings.no_commitment",
                            declaration=declaration.id,
                            commitment=area.commitment,
                        ),
                        suggest(area.commitment, commitments),
                    )


@rule("HF206", Severity.ERROR)
def main_goal_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A goal or intention whose main goal the basis declaration does not have."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        if declaration is None:
            continue
        main_goals = context.main_goals(declaration.id)
        for a, area in enumerate(plan.focus_areas):
            tracing = [("intentions", n, i.main_goal) for n, i in enumerate(area.intentions)]
            tracing += [("goals", n, g.main_goal) for n, g in enumerate(area.goals)]
            for key, n, main_goal in tracing:
                if main_goal is not None and main_goal not in main_goals:
                    yield Hit(
                        plan.id,
                        f"$.focus_areas[{a}].{key}[{n}].main_goal",  # made for a hit only
                        message(
                            "findings.no_main_goal",
                            declaration=declaration.id,
                            main_goal=main_goal,
                        ),
                        suggest(main_goal, main_goals),
                    )


@rule("HF207", Severity.ERROR)
def documents_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A document reference that names no document of the right type."""

    def check(
        document: str, path: str, value: str | None, known: Mapping[str, object], what: str
    ) -> Iterator[Hit]:
        if value is not None and value not in known:
            yield Hit(
                document,
                path,
                message(f"findings.no_document.{what}", value=value),
                suggest(value, known),
            )

    for plan in context.plans.values():
        yield from check(
            plan.id,
            "$.basis.declaration",
            plan.basis.declaration,
            context.declarations,
            "declaration",
        )
        yield from check(plan.id, "$.revision_of", plan.revision_of, context.plans, "plan")
        for n, funding in enumerate(plan.funding_rounds):
            yield from check(
                plan.id,
                f"$.funding_rounds[{n}]",
                funding,
                context.funding_rounds,
                "funding_round",
            )
    for report in context.reports.values():
        yield from check(
            report.id, "$.declaration", report.declaration, context.declarations, "declaration"
        )
        yield from check(report.id, "$.plan", report.plan, context.plans, "plan")


_NATIONAL_SORTS = frozenset({"plan", "goal", "priority-group"})


def _national_sort(sort: str) -> str:
    """What a national item of ``sort`` is, in words ("a national goal")."""
    if sort in _NATIONAL_SORTS:
        return message(f"findings.national_sort.{sort.replace('-', '_')}")
    return message("findings.national_sort.other", sort=sort)


def _sections(path: str, section: Section | None) -> Iterator[tuple[str, Section]]:
    if section is None:
        return
    yield path, section
    for n, sub in enumerate(section.subsections):
        yield from _sections(f"{path}.subsections[{n}]", sub)


def _document_sections(document: object) -> Iterator[tuple[str, Section]]:
    for key in ("introduction", "focus_areas_intro", "way_forward", "history"):
        value = getattr(document, key, None)
        if isinstance(value, Section):
            yield from _sections(f"$.{key}", value)
    for n, section in enumerate(getattr(document, "sections", ())):
        yield from _sections(f"$.sections[{n}]", section)


@rule("HF208", Severity.ERROR)
def national_ids_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A national id that the national frame does not have, or of the wrong sort.
    ``what`` is the message key of what the id should be (``national.goal``)."""

    def check(document: str, path: str, value: str, sort: str | None, what: str) -> Iterator[Hit]:
        found = context.national_kind(value)
        if found is None:
            yield Hit(
                document,
                path,
                message("findings.not_national", value=value, what=message(f"findings.{what}")),
                suggest(value, context.national_ids),
            )
        elif sort is not None and found != sort:
            text = message(
                "findings.national_other_sort",
                value=value,
                found=_national_sort(found),
                what=message(f"findings.{what}"),
            )
            yield Hit(document, path, text)

    kinds = context.national_kinds
    for plan in context.plans.values():
        if plan.basis.national_plan is not None:
            yield from check(
                plan.id,
                "$.basis.national_plan",
                plan.basis.national_plan,
                "plan",
                "national.plan",
            )
        for n, goal in enumerate(plan.national_goals):
            yield from check(plan.id, f"$.national_goals[{n}]", goal, "goal", "national.goal")
        for a, area in enumerate(plan.focus_areas):
            for n, goal in enumerate(area.national_goals):
                where = f"$.focus_areas[{a}].national_goals[{n}]"
                yield from check(plan.id, where, goal, "goal", "national.goal")
        for n, group in enumerate(plan.priority_groups):
            yield from check(
                plan.id,
                f"$.priority_groups[{n}]",
                group,
                "priority-group",
                "national.priority_group",
            )
        for spot in context.measures(plan.id):
            measure = spot.measure  # (most measures name no national goal nor group)
            if measure.national_goals:
                for n, goal in enumerate(measure.national_goals):
                    if kinds.get(goal) != "goal":  # (what check finds; most ids are right)
                        where = f"{spot.path}.national_goals[{n}]"
                        yield from check(plan.id, where, goal, "goal", "national.goal")
            groups = measure.priority_groups
            if not groups or all(g in context.priority_groups for g in groups):
                continue
            for n, group in enumerate(groups):
                yield from check(
                    plan.id,
                    f"{spot.path}.priority_groups[{n}]",
                    group,
                    "priority-group",
                    "national.priority_group",
                )
    for document in context.bundle.documents:
        for path, section in _document_sections(document):
            for n, item in enumerate(section.national):
                yield from check(document.id, f"{path}.national[{n}]", item, None, "national.item")
    for declaration in context.declarations.values():
        for n, basis in enumerate(declaration.based_on):
            if basis not in context.national_ids and basis not in context.documents:
                yield Hit(
                    declaration.id,
                    f"$.based_on[{n}]",
                    message("findings.neither_national_nor_document", value=basis),
                    suggest(basis, [*context.national_ids, *context.documents]),
                )


@rule("HF209", Severity.ERROR)
def builds_on_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A builds_on id that is not ongoing work of the measure's goal."""
    for plan in context.plans.values():
        work: dict[tuple[int, int], frozenset[str]] = {}
        for spot in context.measures(plan.id):
            if not spot.measure.builds_on:
                continue
            key = (spot.area_index, spot.goal_index)
            if key not in work:
                work[key] = frozenset(w.id for w in spot.goal.ongoing_work)
            for n, item in enumerate(spot.measure.builds_on):
                if item not in work[key]:
                    yield Hit(
                        plan.id,
                        f"{spot.path}.builds_on[{n}]",
                        message("findings.no_ongoing_work", goal=spot.goal.id, item=item),
                        suggest(item, work[key]),
                    )


@rule("HF210", Severity.ERROR)
def references_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A measure reference the plan does not list."""
    for plan in context.plans.values():
        known = frozenset(r.id for r in plan.references)
        for spot in context.measures(plan.id):
            if not spot.measure.references:  # (most measures have none)
                continue
            for n, item in enumerate(spot.measure.references):
                if item not in known:
                    yield Hit(
                        plan.id,
                        f"{spot.path}.references[{n}]",
                        message("findings.no_reference", item=item),
                        suggest(item, known),
                    )


@rule("HF211", Severity.ERROR)
def document_actors_resolve(context: ValidationContext) -> Iterator[Hit]:
    """An actor named by a document that the partnership does not have."""
    for declaration in context.declarations.values():
        yield from _actor_hits(context, declaration.id, "$.parties", declaration.parties, "party")
        yield from _one_actor(
            context, declaration.id, "$.adopted_by", declaration.adopted_by, "adopted_by"
        )
    for plan in context.plans.values():
        yield from _one_actor(context, plan.id, "$.adopted_by", plan.adopted_by, "adopted_by")
    for report in context.reports.values():
        for key in ("to", "prepared_by", "on_behalf_of"):
            yield from _one_actor(context, report.id, f"$.{key}", getattr(report, key), key)
    for funding in context.funding_rounds.values():
        yield from _one_actor(context, funding.id, "$.decided_by", funding.decided_by, "decided_by")
        yield from _one_actor(
            context, funding.id, "$.forwarded_to", funding.forwarded_to, "forwarded_to"
        )
        for n, application in enumerate(funding.applications):
            yield from _actor_hits(
                context,
                funding.id,
                f"$.applications[{n}].applicants",
                application.applicants,
                "applicant",
            )
    for document in context.bundle.documents_of(ConsultationResponse):
        yield from _actor_hits(
            context, document.id, "$.inputs_from", document.inputs_from, "contributor"
        )


@rule("HF212", Severity.ERROR)
def report_bodies_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A body or body kind in an annual report that does not exist."""

    def kind(document: str, path: str, value: str | None) -> Iterator[Hit]:
        if value is not None and value not in context.body_kinds:
            yield Hit(
                document,
                path,
                message("findings.body_kind_unknown", kind=value),
                suggest(value, context.body_kinds),
            )

    for report in context.reports.values():
        for n, meeting in enumerate(report.meetings):
            if meeting.body is not None:
                yield from _one_body(context, report.id, f"$.meetings[{n}].body", meeting.body)
            yield from kind(report.id, f"$.meetings[{n}].kind", meeting.kind)
        for n, line in enumerate(report.structure):
            for k, body in enumerate(line.bodies):
                yield from _one_body(context, report.id, f"$.structure[{n}].bodies[{k}]", body)
            yield from kind(report.id, f"$.structure[{n}].kind", line.kind)


def resolve_measure(
    context: ValidationContext, report: AnnualReport, value: str
) -> tuple[ActionPlan, str] | None:
    """The plan and measure id an annual report's ``measure_status[].measure`` names.

    The value is a measure id of the report's ``plan``, or ``"<plan id>.<measure id>"``.
    """
    found = resolve_follow_up(
        value,
        report.plan,
        lambda plan_id, measure_id: (
            plan_id in context.plans and measure_id in context.measures_by_id(plan_id)
        ),
    )
    return (context.plans[found[0]], found[1]) if found is not None else None


@rule("HF213", Severity.ERROR)
def followed_measures_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A measure_status entry whose measure cannot be found."""
    for report in context.reports.values():
        for n, follow_up in enumerate(report.measure_status):
            if resolve_measure(context, report, follow_up.measure) is None:
                known = context.measures_by_id(report.plan) if report.plan else {}
                if report.plan:
                    text = message(
                        "findings.no_measure_in_plan",
                        measure=follow_up.measure,
                        plan=report.plan,
                    )
                else:
                    text = message("findings.no_measure_in_any_plan", measure=follow_up.measure)
                yield Hit(
                    report.id,
                    f"$.measure_status[{n}].measure",
                    text,
                    suggest(follow_up.measure, known),
                )


REFERENCE_RULES = (
    responsible_resolves,
    holders_resolve,
    body_links_resolve,
    body_kind_known,
    partner_kind_known,
    extra_fields_declared,
    commitment_resolves,
    main_goal_resolves,
    documents_resolve,
    national_ids_resolve,
    builds_on_resolves,
    references_resolve,
    document_actors_resolve,
    report_bodies_resolve,
    followed_measures_resolve,
)
"""The rules about references."""
