"""HF2xx: every reference by id resolves, with a did-you-mean where one is close."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

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
    """A hit for each id in ``ids`` that names no partner, body, role or group."""
    for n, item in enumerate(ids):
        if item not in context.actors:
            yield Hit(
                document,
                f"{path}[{n}]",
                f'{what} "{item}" is not a partner, body, role or group of the partnership',
                context.actor_suggestion(item),
            )


def _one_actor(
    context: ValidationContext, document: str, path: str, item: str | None, what: str
) -> Iterator[Hit]:
    if item is not None and item not in context.actors:
        yield Hit(
            document,
            path,
            f'{what} "{item}" is not a partner, body, role or group of the partnership',
            context.actor_suggestion(item),
        )


def _one_body(context: ValidationContext, document: str, path: str, item: str) -> Iterator[Hit]:
    if item in context.bodies:
        return
    actor = context.actors.get(item)
    if actor is not None:
        yield Hit(document, path, f'"{item}" is a {type(actor).__name__.lower()}, not a body')
    else:
        yield Hit(
            document,
            path,
            f'there is no body "{item}" in the partnership',
            context.body_suggestion(item),
        )


@rule(
    "HF201",
    Severity.ERROR,
    "A measure's responsible exists",
    "Every measure names who is responsible by id: a body, partner, role or group of the "
    "partnership. An id that names nothing leaves the measure without an owner and "
    "renders as a bare id.",
    "Correct the id (see the suggestion), or add the missing partner, body, role or group "
    "to partnership.toml.",
)
def responsible_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A responsible id of a measure that names no actor."""
    actors = context.actors
    for plan in context.plans.values():
        for spot in context.measures(plan.id):
            if all(item in actors for item in spot.measure.responsible):
                continue
            yield from _actor_hits(
                context,
                plan.id,
                f"{spot.path}.responsible",
                spot.measure.responsible,
                "responsible",
            )


@rule(
    "HF202",
    Severity.ERROR,
    "Seat holders, chairs, role holders and group members exist",
    "A seat, a chair, a role's holders and a group's members name partners (or groups "
    "and roles) by id. An id that names nothing makes the body's composition wrong, and "
    "the national requirements (user and GP representation) cannot be checked.",
    "Correct the id, or add the partner, group or role to partnership.toml. A group's "
    "members must be partners.",
)
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
                context, own, f"{path}.chair.deputy", body.chair.deputy, "deputy chair"
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
                    f'group member "{member}" is not a partner',
                    suggest(member, context.partners),
                )
        for m, member in enumerate(group.bodies):
            yield from _one_body(context, own, f"$.groups[{g}].bodies[{m}]", member)


@rule(
    "HF203",
    Severity.ERROR,
    "Steering body, parent body, predecessor and mandate givers are bodies",
    "A body's steering_body, parent and continues, and the bodies that gave its mandate "
    "(mandate.given_by), must be bodies of the partnership: the governance structure is "
    "drawn and checked from them.",
    "Correct the id to a body's id (see the suggestion), or add the body.",
)
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


@rule(
    "HF204",
    Severity.ERROR,
    "A body's kind is a registered body kind",
    "The kind of a body (professional-committee, working-group, …) decides which rules "
    "apply to it and how it is labelled. Kinds come from the core and from plugins; an "
    "unknown kind is usually a typing mistake or a plugin that is not installed.",
    "Write one of the registered kinds (helsefellesskap plugins lists them), or install "
    "the plugin that adds the kind.",
)
def body_kind_known(context: ValidationContext) -> Iterator[Hit]:
    """A body whose kind no plugin registers."""
    for b, body in enumerate(context.partnership.bodies):
        if body.kind not in context.body_kinds:
            yield Hit(
                context.partnership_id,
                f"$.bodies[{b}].kind",
                f'"{body.kind}" is not a registered body kind',
                suggest(body.kind, context.body_kinds),
            )


@rule(
    "HF215",
    Severity.ERROR,
    "A partner's kind is a built-in or plugin partner kind",
    "The kind of a partner (municipality, health-trust, user-representatives, …) decides "
    "which seats the national requirements ask for and how the partner is labelled. The "
    "core has the common kinds; plugins add more (a private non-profit hospital). An "
    "unknown kind is usually a typing mistake or a plugin that is not installed.",
    "Write one of the kinds (helsefellesskap plugins lists those plugins add), or install "
    "the plugin that adds the kind.",
)
def partner_kind_known(context: ValidationContext) -> Iterator[Hit]:
    """A partner, or a group's kinds, naming a kind neither the core nor a plugin has."""
    known = context.partner_kinds
    for p, partner in enumerate(context.partnership.partners):
        if partner.kind not in known:
            yield Hit(
                context.partnership_id,
                f"$.partners[{p}].kind",
                f'"{partner.kind}" is not a partner kind',
                suggest(partner.kind, known),
            )
    for g, group in enumerate(context.partnership.groups):
        for k, kind in enumerate(group.kinds):
            if kind not in known:
                yield Hit(
                    context.partnership_id,
                    f"$.groups[{g}].kinds[{k}]",
                    f'"{kind}" is not a partner kind',
                    suggest(kind, known),
                )


@rule(
    "HF216",
    Severity.ERROR,
    "Extra fields are declared by a plugin and have a value they allow",
    "Bodies, seats and partners carry the fields plugins declare under extra "
    "(hf_extra_fields), each with a type and, for some, the values allowed. A field no "
    "installed plugin declares is shown nowhere, usually a typing mistake or a plugin "
    "that is not installed; a value of the wrong type or not allowed would be shown wrong.",
    "Correct the field's name or value (helsefellesskap plugins lists the fields plugins "
    "declare), or install the plugin that declares it.",
)
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
                    f'no installed plugin declares the {place} field "{name}"',
                    suggest(name, names),
                )
                continue
            problem = field.problem(value)
            if problem is not None:
                yield Hit(own, f"{path}.{name}", problem)


@rule(
    "HF205",
    Severity.ERROR,
    "A focus area's commitment exists in the plan's declaration",
    "A focus area traces to a commitment of the declaration the plan is based on "
    "(basis.declaration). A commitment id the declaration does not have breaks the "
    "tracing and the coverage check.",
    "Correct the id to one of the declaration's commitments, or name the right "
    "declaration in basis.declaration.",
)
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
                    f'commitment "{area.commitment}" cannot be traced: the plan names no '
                    "basis.declaration",
                )
            elif declaration is not None:
                commitments = context.commitments(declaration.id)
                if area.commitment not in commitments:
                    yield Hit(
                        plan.id,
                        path,
                        f'declaration "{declaration.id}" has no commitment "{area.commitment}"',
                        suggest(area.commitment, commitments),
                    )


@rule(
    "HF206",
    Severity.ERROR,
    "A goal's or intention's main goal exists in the plan's declaration",
    "Goals and intentions of a focus area may trace to a main goal (hovedmål) of the "
    "declaration; the main goal must exist there for the coverage check to count it.",
    "Correct the id to one of the declaration's main goals, or leave main_goal out.",
)
def main_goal_resolves(context: ValidationContext) -> Iterator[Hit]:
    """A goal or intention whose main goal the basis declaration does not have."""
    for plan in context.plans.values():
        declaration = context.declaration_of(plan)
        if declaration is None:
            continue
        main_goals = context.main_goals(declaration.id)
        for a, area in enumerate(plan.focus_areas):
            tracing = [
                (f"$.focus_areas[{a}].intentions[{n}].main_goal", i.main_goal)
                for n, i in enumerate(area.intentions)
            ] + [
                (f"$.focus_areas[{a}].goals[{n}].main_goal", g.main_goal)
                for n, g in enumerate(area.goals)
            ]
            for path, main_goal in tracing:
                if main_goal is not None and main_goal not in main_goals:
                    yield Hit(
                        plan.id,
                        path,
                        f'declaration "{declaration.id}" has no main goal "{main_goal}"',
                        suggest(main_goal, main_goals),
                    )


@rule(
    "HF207",
    Severity.ERROR,
    "Documents named by id are in the partnership",
    "A plan names its declaration (basis.declaration), the plan it revises (revision_of) "
    "and its funding rounds; a report names its declaration and plan. Each must be a "
    "document of that type in the partnership's folder.",
    "Correct the id to the document's id (its id key, not its file name), or add the document.",
)
def documents_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A document reference that names no document of the right type."""

    def check(
        document: str, path: str, value: str | None, known: Mapping[str, object], what: str
    ) -> Iterator[Hit]:
        if value is not None and value not in known:
            yield Hit(
                document,
                path,
                f'there is no {what} "{value}" in the partnership',
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
                "funding round",
            )
    for report in context.reports.values():
        yield from check(
            report.id, "$.declaration", report.declaration, context.declarations, "declaration"
        )
        yield from check(report.id, "$.plan", report.plan, context.plans, "plan")


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


@rule(
    "HF208",
    Severity.ERROR,
    "National ids exist in the national frame",
    "A plan's national plan (basis.national_plan), national goals and priority groups, a "
    "focus area's and a measure's national goals, a measure's priority groups, a "
    "section's national items and a declaration's based_on "
    "refer to the national frame shipped with the library (nhsp-2020, nhsp-2024.goal-1, "
    "children-and-young, fsu.user-representation, …). An unknown id renders as nothing.",
    "Use an id from the national frame (docs list them; helsefellesskap.national_frame()), "
    "as suggested.",
)
def national_ids_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A national id that the national frame does not have, or of the wrong sort."""

    def check(document: str, path: str, value: str, sort: str | None, what: str) -> Iterator[Hit]:
        found = context.national_kind(value)
        if found is None:
            yield Hit(
                document,
                path,
                f'"{value}" is not {what} of the national frame',
                suggest(value, context.national_ids),
            )
        elif sort is not None and found != sort:
            yield Hit(document, path, f'"{value}" is a national {found}, not {what}')

    for plan in context.plans.values():
        if plan.basis.national_plan is not None:
            yield from check(
                plan.id,
                "$.basis.national_plan",
                plan.basis.national_plan,
                "plan",
                "a national plan",
            )
        for n, goal in enumerate(plan.national_goals):
            yield from check(plan.id, f"$.national_goals[{n}]", goal, "goal", "a national goal")
        for a, area in enumerate(plan.focus_areas):
            for n, goal in enumerate(area.national_goals):
                where = f"$.focus_areas[{a}].national_goals[{n}]"
                yield from check(plan.id, where, goal, "goal", "a national goal")
        for n, group in enumerate(plan.priority_groups):
            yield from check(
                plan.id, f"$.priority_groups[{n}]", group, "priority-group", "a priority group"
            )
        for spot in context.measures(plan.id):
            for n, goal in enumerate(spot.measure.national_goals):
                where = f"{spot.path}.national_goals[{n}]"
                yield from check(plan.id, where, goal, "goal", "a national goal")
            if all(g in context.priority_groups for g in spot.measure.priority_groups):
                continue
            for n, group in enumerate(spot.measure.priority_groups):
                yield from check(
                    plan.id,
                    f"{spot.path}.priority_groups[{n}]",
                    group,
                    "priority-group",
                    "a priority group",
                )
    for document in context.bundle.documents:
        for path, section in _document_sections(document):
            for n, item in enumerate(section.national):
                yield from check(document.id, f"{path}.national[{n}]", item, None, "an item")
    for declaration in context.declarations.values():
        for n, basis in enumerate(declaration.based_on):
            if basis not in context.national_ids and basis not in context.documents:
                yield Hit(
                    declaration.id,
                    f"$.based_on[{n}]",
                    f'"{basis}" is neither an item of the national frame nor a document',
                    suggest(basis, [*context.national_ids, *context.documents]),
                )


@rule(
    "HF209",
    Severity.ERROR,
    "A measure builds on ongoing work of its own goal",
    "builds_on links a measure to the ongoing work (pågående arbeid) listed under the "
    "same goal; the renderer shows the link in the goals and measures table.",
    "Correct the id to one of the goal's ongoing_work ids, or add that ongoing work to the goal.",
)
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
                        f'goal "{spot.goal.id}" has no ongoing work "{item}"',
                        suggest(item, work[key]),
                    )


@rule(
    "HF210",
    Severity.ERROR,
    "A measure's references are references of the plan",
    "A measure may refer to frameworks and strategies the plan lists under [[references]] "
    "(Recruit & Retain, …); the id must be one of them.",
    "Correct the id, or add the reference to the plan's [[references]].",
)
def references_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A measure reference the plan does not list."""
    for plan in context.plans.values():
        known = frozenset(r.id for r in plan.references)
        for spot in context.measures(plan.id):
            for n, item in enumerate(spot.measure.references):
                if item not in known:
                    yield Hit(
                        plan.id,
                        f"{spot.path}.references[{n}]",
                        f'the plan has no reference "{item}"',
                        suggest(item, known),
                    )


@rule(
    "HF211",
    Severity.ERROR,
    "Partners and bodies named in documents exist",
    "Documents name actors beyond the measures: the parties of a declaration, who adopted "
    "a plan, who a report goes to and is prepared by, a funding round's deciding body, "
    "recipient and applicants, a consultation response's contributors. Each id must name "
    "a partner, body, role or group.",
    "Correct the id, or add the actor to partnership.toml (an outside organisation as a "
    'partner with membership = "external").',
)
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


@rule(
    "HF212",
    Severity.ERROR,
    "Bodies and kinds named in an annual report exist",
    "An annual report counts meetings per body (meetings[].body) or per kind of body "
    "(meetings[].kind), and lists the structure by kind and body (structure[].bodies, "
    "structure[].kind). The ids must name bodies of the partnership and registered body "
    "kinds.",
    "Correct the id to a body's id or a registered body kind.",
)
def report_bodies_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A body or body kind in an annual report that does not exist."""

    def kind(document: str, path: str, value: str | None) -> Iterator[Hit]:
        if value is not None and value not in context.body_kinds:
            yield Hit(
                document,
                path,
                f'"{value}" is not a registered body kind',
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


@rule(
    "HF213",
    Severity.ERROR,
    "Measures followed up in an annual report exist",
    "An annual report's measure_status lists measures of a plan by id (the report's plan, "
    "or written <plan id>.<measure id>). A measure that does not exist cannot be followed "
    "up.",
    "Correct the measure id, name the plan in the report's plan key, or write "
    "<plan id>.<measure id>.",
)
def followed_measures_resolve(context: ValidationContext) -> Iterator[Hit]:
    """A measure_status entry whose measure cannot be found."""
    for report in context.reports.values():
        for n, follow_up in enumerate(report.measure_status):
            if resolve_measure(context, report, follow_up.measure) is None:
                known = context.measures_by_id(report.plan) if report.plan else {}
                where = f'plan "{report.plan}"' if report.plan else "any plan"
                yield Hit(
                    report.id,
                    f"$.measure_status[{n}].measure",
                    f'there is no measure "{follow_up.measure}" in {where}',
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
