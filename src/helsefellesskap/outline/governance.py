"""The outline of a partnership's governance overview (styringsstruktur).

The title with the partnership's name and its description; abbreviations; the
structure as a diagram (:class:`~.blocks.GovernanceDiagram`, the one tree every format
draws); the partners; every body with its facts (mandate, chair, other sectors
considered …), its seats and notes; the roles with who holds them; the groups.
"""

from __future__ import annotations

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


def _partner_cell(out: Builder, partner: view.PartnerView) -> Cell:
    """The partner's name, then each of its names in another language, marked with it."""
    blocks: list[Block] = [Paragraph(runs=runs(partner.name))]
    for other in partner.other_names:
        name: Inline = (
            Span(runs=runs(other.name), lang=other.language)
            if other.language != out.language
            else Text(other.name)
        )
        blocks.append(Paragraph(runs=(out.mark(other.language_name), Text(": "), name)))
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
    rows = [
        (
            (
                _partner_cell(out, p),
                text_cell(out.mark(p.kind)),
                text_cell(out.mark(p.membership)),
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
    if body.seats:
        # The count column only where some seat has a count ("Antall" is otherwise
        # empty in every row).
        counted = any(seat.count is not None for seat in body.seats)
        columns = [
            ("holder", out.label("governance.holder")),
            *([("count", out.label("governance.count"))] if counted else []),
            ("rights", out.label("governance.rights")),
        ]
        table = simple_table(
            columns,
            (
                (
                    (
                        text_cell(seat.holder, header=True),
                        *(
                            [text_cell(str(seat.count) if seat.count is not None else None)]
                            if counted
                            else []
                        ),
                        text_cell(
                            runs(out.mark(seat.rights), f" ({seat.note})" if seat.note else None)
                        ),
                    ),
                    (),
                )
                for seat in body.seats
            ),
            role="seats",
            widths=(3, 1, 3) if counted else (3, 3),
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
                value=runs(", ".join(p.display_name for p in partnership.group_members(group))),
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
