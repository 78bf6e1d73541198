"""The outline of a partnership's governance overview (styringsstruktur).

The title with the partnership's name and its description; abbreviations; the
structure as a diagram (:class:`~.blocks.GovernanceDiagram`, the one tree every format
draws); the partners; every body with its facts (mandate, chair, other sectors
considered …), its seats and notes; the roles with who holds them; the groups.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import model
from ..render import view
from ..render.format import RenderContext
from .blocks import (
    Block,
    Cell,
    DiagramEdge,
    DiagramNode,
    Fact,
    Facts,
    Figure,
    GovernanceDiagram,
    Heading,
    Inline,
    Outline,
    Paragraph,
    Section,
    Span,
    Text,
    runs,
)
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["EDGE_LOOKS", "build_governance", "governance_diagram"]

EDGE_LOOKS: dict[str, str] = {
    "steers": "diagram.solid",
    "under": "diagram.dotted",
    "mandate": "diagram.thick",
}
"""The label naming how each kind of line looks (a solid arrow steers …)."""


def governance_diagram(out: Builder) -> GovernanceDiagram:
    """The bodies as the tree every format draws, its lines, and its legend for the
    kinds of line it has: ``heltrukken pil – styrer``."""
    partnership = out.partnership
    rows = view.governance_tree(partnership.bodies)
    edges = view.governance_edges(partnership)
    kinds = {edge.kind for edge in edges}
    closed = any(row.body.status is model.BodyStatus.CLOSED for row in rows)
    return GovernanceDiagram(
        nodes=tuple(
            DiagramNode(
                id=row.body.id,
                label=runs(row.body.abbreviation or row.body.name),
                depth=row.depth,
                kind=row.body.kind,
                closed=row.body.status is model.BodyStatus.CLOSED,
            )
            for row in rows
        ),
        edges=tuple(DiagramEdge(source=e.source, target=e.target, kind=e.kind) for e in edges),
        legend=tuple(
            (
                kind,
                (out.mark(f"{out.text(EDGE_LOOKS[kind])} – {out.text(f'diagram.{kind}')}"),),
            )
            for kind in view.EDGE_KINDS
            if kind in kinds
        ),
        closed_label=(out.label("diagram.closed"),) if closed else (),
        legend_title=(out.label("diagram.legend"),) if kinds else (),
    )


def _partner_cell(
    out: Builder, partner: view.PartnerView, found: model.Partner | None = None
) -> Cell:
    """The partner's name, then each of its names in another language, marked with it;
    then the extra fields of ``found``, the partner of the partnership."""
    blocks: list[Block] = [Paragraph(runs=runs(partner.name))]
    for other in partner.other_names:
        name: Inline = (
            Span(runs=runs(other.name), lang=other.language)
            if other.language != out.language
            else Text(other.name)
        )
        blocks.append(Paragraph(runs=(out.mark(other.language_name), Text(": "), name)))
    for label, value in _extras(out, "partner", found.extra if found is not None else {}):
        blocks.append(Paragraph(runs=(label, Text(f": {value}"))))
    return Cell(blocks=tuple(blocks), header=True)


def _partners(out: Builder) -> list[Block]:
    partners = view.partner_views(out.context)
    if not partners:
        return []
    described = any(p.description for p in partners)
    columns = [
        ("partner", out.label("governance.partners")),
        ("kind", out.label("governance.kind")),
        ("membership", out.label("governance.membership")),
    ]
    if described:
        columns.append(("description", out.label("governance.description")))
    by_id: dict[str, model.Partner] = {}
    for partner in out.partnership.partners:
        by_id.setdefault(partner.id, partner)  # the first with an id, as Partnership.partner
    shared: dict[str, Cell] = {}  # kinds and memberships repeat: one cell each, shared

    def label_cell(text: str) -> Cell:
        cell = shared.get(text)
        if cell is None:
            cell = shared[text] = text_cell(out.mark(text))
        return cell

    rows = [
        (
            (
                _partner_cell(out, p, by_id.get(p.id)),
                label_cell(p.kind),
                label_cell(p.membership),
                *([text_cell(p.description)] if described else []),
            ),
            (("partner", p.id),),
        )
        for p in partners
    ]
    table = simple_table(
        columns, rows, role="partners", widths=(3, 2, 1.5, 3) if described else (3, 2, 1.5)
    )
    return [
        Section(
            heading=out.label_heading(2, "governance.partners", anchor="partners"),
            blocks=(table,),
            role="partners",
            anchor="partners",
        )
    ]


def _body(out: Builder, body: view.BodyView) -> Section:
    """A body: its description, its facts, its seats, its notes."""
    found = out.partnership.body(body.id)
    blocks: list[Block] = [*out.paragraphs([body.description])]
    blocks += out.facts(
        [
            ("governance.kind", _marked(out, body.kind)),
            ("governance.status", _marked(out, body.status)),
            ("governance.steering_body", body.steering_body),
            ("governance.parent", body.parent),
            ("governance.mandate", body.mandate),
            ("governance.mandate_given_by", body.mandate_given_by),
            ("governance.mandate_date", body.mandate_date),
            ("governance.chair", body.chair),
            ("governance.deputy_chair", _deputy_chair(out, found)),
            ("governance.secretary", _secretary(out, found)),
            ("governance.term_of_office", _term_of_office(out, found)),
            ("governance.decision_rule", _marked(out, body.decision_rule)),
            ("governance.meets", body.meets),
            ("governance.term", _marked(out, body.term)),
            ("governance.ends", body.ends),
            ("governance.history", body.history_text),
            ("governance.continues", body.continues),
            ("governance.involves", body.involves),
            ("governance.other_sectors", _marked(out, body.other_sectors)),
        ],
        role="body",
    )
    extras = _extras(out, "body", found.extra if found is not None else {})
    if extras:
        facts = [Fact(label=(label,), value=runs(value)) for label, value in extras]
        if blocks and isinstance(blocks[-1], Facts) and blocks[-1].role == "body":
            blocks[-1] = Facts(items=(*blocks[-1].items, *facts), role="body")
        else:
            blocks.append(Facts(items=tuple(facts), role="body"))
    if body.seats:
        # The count column only where some seat has a count ("Antall" is otherwise
        # empty in every row).
        counted = any(seat.count is not None for seat in body.seats)
        seats = found.seats if found is not None else ()
        deputies = any(seat.deputies is not None for seat in seats)
        named = any(seat.members for seat in seats)
        columns = [
            ("holder", out.label("governance.holder")),
            *([("count", out.label("governance.count"))] if counted else []),
            *([("deputies", out.label("governance.deputies"))] if deputies else []),
            ("rights", out.label("governance.rights")),
            *([("members", out.label("governance.members"))] if named else []),
        ]
        table = simple_table(
            columns,
            (
                (
                    (
                        text_cell(seat.holder, header=True),
                        *([_count_cell(out, seat, own)] if counted else []),
                        *([_deputies_cell(own)] if deputies else []),
                        text_cell(
                            runs(
                                out.mark(seat.rights),
                                f" ({seat.note})" if seat.note else None,
                                *_extra_runs(out, "seat", own.extra if own is not None else {}),
                            )
                        ),
                        *([_members_cell(out, own)] if named else []),
                    ),
                    (),
                )
                for seat, own in zip(body.seats, _seats_of(seats, len(body.seats)), strict=True)
            ),
            role="seats",
            widths=(
                3,
                *((1,) if counted else ()),
                *((1,) if deputies else ()),
                3,
                *((3,) if named else ()),
            ),
        )
        blocks.append(
            Section(
                heading=out.label_heading(4, "governance.seats"),
                blocks=(table,),
                role="seats",
            )
        )
    blocks += out.bullets(body.notes, role="notes")
    anchor = f"body-{body.id}"
    return Section(
        heading=out.heading(3, body.heading, anchor=anchor),
        blocks=tuple(blocks),
        role="body",
        anchor=anchor,
        data=(("body", body.id),),
    )


def _seats_of(seats: tuple[model.Seat, ...], count: int) -> tuple[model.Seat | None, ...]:
    """The model's seats beside the worded ones (``None`` where the view has more)."""
    return tuple(seats[i] if i < len(seats) else None for i in range(count))


def _count_cell(out: Builder, seat: view.SeatView, own: model.Seat | None) -> Cell:
    """The number of people on a seat: ``3``, or ``inntil 3`` where it is the most."""
    if seat.count is None:
        return text_cell(None)
    if own is not None and own.up_to:
        return text_cell((out.label("governance.up_to", count=seat.count),))
    return text_cell(str(seat.count))


def _deputies_cell(own: model.Seat | None) -> Cell:
    """The number of deputies (*vara*) of a seat, where given."""
    return text_cell(str(own.deputies) if own is not None and own.deputies is not None else None)


def _period(out: Builder, start: object, end: object) -> str | None:
    """``1. januar 2024–31. desember 2027``, either end alone, or ``None``."""
    first, last = out.date(start), out.date(end)
    if first is None and last is None:
        return None
    return f"{first or ''}–{last or ''}"


def _members_cell(out: Builder, own: model.Seat | None) -> Cell:
    """The named people of a seat, one a line: ``Ola Fjell (vara, 2025–2027)``."""
    blocks: list[Block] = []
    for member in own.members if own is not None else ():
        extra: list[Inline] = []
        if member.deputy:
            extra.append(out.label("governance.deputy"))
        period = _period(out, member.start, member.end)
        if period:
            extra.append(Text(period))
        if member.note:
            extra.append(Text(member.note))
        inlines: list[Inline] = [Text(member.name)]
        if extra:
            inlines.append(Text(" ("))
            for i, part in enumerate(extra):
                if i:
                    inlines.append(Text(", "))
                inlines.append(part)
            inlines.append(Text(")"))
        blocks.append(Paragraph(runs=tuple(inlines)))
    return Cell(blocks=tuple(blocks))


def _deputy_chair(out: Builder, body: model.Body | None) -> str | None:
    """Who holds the deputy chair (*nestleder*), by name."""
    if body is None or body.chair is None or body.chair.deputy is None:
        return None
    return out.actor(body.chair.deputy)


def _secretary(out: Builder, body: model.Body | None) -> str | None:
    """The body's secretary: an actor by name, or the text as written."""
    if body is None or body.secretary is None:
        return None
    return out.actor(body.secretary)


def _term_of_office(out: Builder, body: model.Body | None) -> tuple[Inline, ...] | None:
    """``4 år (1. januar 2024–31. desember 2027)``, or what of it is known."""
    term = body.term_of_office if body is not None else None
    if term is None:
        return None
    parts: list[Inline] = []
    if term.years is not None:
        parts.append(out.label("governance.term_years", years=term.years))
    period = _period(out, term.start, term.end)
    if period:
        parts.append(Text(f" ({period})" if parts else period))
    return tuple(parts) or None


def _extras(out: Builder, place: str, values: Mapping[str, object]) -> list[tuple[Inline, str]]:
    """The extra fields of a body, seat or partner that a plugin declares, as (label in the
    reader's language, value), in the order the plugins declare them; undeclared ones
    (HF216) are left out."""
    manager = out.context.manager
    if not values or manager is None:
        return []
    found = []
    for field in manager.extra_fields().values():
        if field.place == place and field.name in values:
            value = values[field.name]
            if isinstance(value, bool):
                worded = out.text("word.yes" if value else "word.no")
            else:
                worded = str(value)
            found.append((out.mark(field.label(out.context.language)), worded))
    return found


def _extra_runs(out: Builder, place: str, values: Mapping[str, object]) -> list[Inline | str]:
    """A seat's extra fields after its rights: ``; Valgt av: kommunestyret``."""
    result: list[Inline | str] = []
    for label, value in _extras(out, place, values):
        result += ["; ", label, f": {value}"]
    return result


def _marked(out: Builder, text: str | None) -> tuple[Inline, ...] | None:
    """A value that is a label (a kind, a status) as a run marked with its language."""
    return (out.mark(text),) if text else None


def build_governance(partnership: model.Partnership, context: RenderContext) -> Outline:
    """The governance overview of ``partnership``."""
    out = Builder(partnership, context)
    title = f"{out.text('governance.title')} – {partnership.name}"
    blocks: list[Block] = [
        Heading(level=1, runs=(out.label("governance.title"), Text(" – "), Text(partnership.name)))
    ]
    if partnership.example:
        blocks += out.start(title)[1:]
    blocks += out.paragraphs([partnership.description], role="lead")
    blocks += out.abbreviations()
    if partnership.bodies:
        blocks.append(
            Section(
                heading=out.label_heading(2, "governance.diagram", anchor="diagram"),
                blocks=(
                    Figure(
                        diagram=governance_diagram(out),
                        description=(out.label("diagram.description", name=partnership.name),),
                        role="governance",
                    ),
                ),
                role="diagram",
                anchor="diagram",
            )
        )
    blocks += _partners(out)
    bodies = view.body_views(context)
    if bodies:
        blocks.append(
            Section(
                heading=out.label_heading(2, "governance.bodies", anchor="bodies"),
                blocks=tuple(_body(out, body) for body in bodies),
                role="bodies",
                anchor="bodies",
            )
        )
    if partnership.roles:
        facts = []
        for role in partnership.roles:
            holders = out.names(role.holders)
            value = runs(role.description, f" ({holders})" if holders else None)
            facts.append(Fact(label=runs(role.name), value=value))
        blocks.append(
            Section(
                heading=out.label_heading(2, "governance.roles", anchor="roles"),
                blocks=(Facts(items=tuple(facts), role="roles"),),
                role="roles",
                anchor="roles",
            )
        )
    if partnership.groups:
        groups = tuple(
            Fact(
                label=runs(group.name),
                value=runs(
                    ", ".join(
                        [
                            *(p.display_name for p in partnership.group_members(group)),
                            *(b.display_name for b in partnership.group_bodies(group)),
                        ]
                    )
                ),
            )
            for group in partnership.groups
        )
        blocks.append(
            Section(
                heading=out.label_heading(2, "governance.groups", anchor="groups"),
                blocks=(Facts(items=groups, role="groups"),),
                role="groups",
                anchor="groups",
            )
        )
    return out.outline(title, blocks)
