"""The governance overview in Word: the structure as a tree, partners, bodies, roles.

Word has no place for the SVG diagram of the HTML page; the structure is drawn as a
nested list instead (PM, under it SSU, under SSU the FSUs …), which Word and screen
readers both show well.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from helsefellesskap import Partnership, RenderContext
from helsefellesskap.render import view

from ..writer import Cell, Run, WordWriter
from .common import abbreviation_list, new_writer, start

__all__ = ["render_governance", "structure_tree"]


def structure_tree(partnership: Partnership) -> list[tuple[int, str]]:
    """The bodies as ``(depth, id)`` in reading order: the tree every format shares
    (:func:`helsefellesskap.render.view.governance_tree`), each body under the one that
    steers it, failing that the one it belongs to, failing that the one that gave its
    mandate."""
    return [(row.depth, row.body.id) for row in view.governance_tree(partnership.bodies)]


def render_governance(partnership: Partnership, context: RenderContext) -> bytes:
    """The governance overview of ``partnership`` as a Word document."""
    label = context.label
    title = label("governance.title")
    writer = new_writer(partnership, context, f"{title} – {partnership.name}", title)
    start(writer, partnership, context, title)
    if partnership.description:
        writer.paragraph(partnership.description)
    abbreviation_list(writer, partnership, context)
    bodies = {b.id: b for b in view.body_views(context)}
    if bodies:
        writer.heading(label("governance.diagram"), 1)
        _tree(writer, partnership, bodies, context)
    partners = view.partner_views(context)
    if partners:
        writer.heading(label("governance.partners"), 1)
        described = any(p.description for p in partners)
        rows = [
            [
                Cell(
                    paragraphs=(p.name,),
                    closing=tuple(f"{n.language_name}: {n.name}" for n in p.other_names),
                ),
                Cell.of(p.kind),
                Cell.of(p.membership),
                *([Cell.of(p.description)] if described else []),
            ]
            for p in partners
        ]
        headers = [
            label("governance.partners"),
            label("governance.kind"),
            label("governance.membership"),
            *([label("governance.description")] if described else []),
        ]
        writer.table(headers, rows, widths=[3, 2, 1.5, 3] if described else [3, 2, 1.5])
    if bodies:
        writer.heading(label("governance.bodies"), 1)
        for body in bodies.values():
            _body(writer, body, context)
    if partnership.roles:
        writer.heading(label("governance.roles"), 1)
        for role in partnership.roles:
            parts: list[str | Run] = [Run(role.name, bold=True)]
            if role.description:
                parts.append(f" – {role.description}")
            writer.bullets([parts])
    if partnership.groups:
        writer.heading(label("governance.groups"), 1)
        for group in partnership.groups:
            members = ", ".join(p.display_name for p in partnership.group_members(group))
            writer.bullets([[Run(group.name, bold=True), f": {members}" if members else ""]])
    return writer.to_bytes()


def _tree(
    writer: WordWriter,
    partnership: Partnership,
    bodies: Mapping[str, view.BodyView],
    context: RenderContext,
) -> None:
    for depth, body_id in structure_tree(partnership):
        body = bodies[body_id]
        parts: list[str | Run] = [Run(body.abbreviation or body.name, bold=True)]
        if body.abbreviation:
            parts.append(f" – {body.name}")
        if body.status != context.label("body_status.active"):
            parts.append(Run(f" ({body.status})", italic=True))
        writer.bullets([parts], level=depth + 1)


def _body(writer: WordWriter, body: view.BodyView, context: RenderContext) -> None:
    label = context.label
    writer.heading(body.heading, 2)
    if body.description:
        writer.paragraph(body.description)
    facts: Sequence[tuple[str, str | None]] = [
        (label("governance.kind"), body.kind),
        (label("governance.status"), body.status),
        (label("governance.steering_body"), body.steering_body),
        (label("governance.parent"), body.parent),
        (label("governance.mandate"), body.mandate),
        (label("governance.mandate_given_by"), body.mandate_given_by),
        (label("governance.mandate_date"), body.mandate_date),
        (label("governance.chair"), body.chair),
        (label("governance.decision_rule"), body.decision_rule),
        (label("governance.meets"), body.meets),
        (label("governance.term"), body.term),
        (label("governance.ends"), body.ends),
        (label("governance.history"), body.history_text),
        (label("governance.continues"), body.continues),
        (label("governance.involves"), body.involves),
    ]
    shown = [(name, value) for name, value in facts if value]
    if shown:
        writer.facts_table(shown)
    if body.seats:
        writer.heading(label("governance.seats"), 3)
        rows = [
            [
                Cell.of(seat.holder),
                Cell.of(str(seat.count) if seat.count is not None else None),
                Cell.of(seat.rights + (f" ({seat.note})" if seat.note else "")),
            ]
            for seat in body.seats
        ]
        headers = [
            label("governance.holder"),
            label("governance.count"),
            label("governance.rights"),
        ]
        writer.table(headers, rows, widths=[3, 1, 3], keep_together=True)
    writer.bullets(body.notes)
