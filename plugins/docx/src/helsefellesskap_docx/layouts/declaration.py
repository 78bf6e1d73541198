"""The partnership declaration in Word: overarching goal, commitments, partners, adoption."""

from __future__ import annotations

from helsefellesskap import Declaration, RenderContext
from helsefellesskap.render import view

from ..writer import Run
from .common import abbreviation_list, begin, fact_lines

__all__ = ["render_declaration"]


def render_declaration(declaration: Declaration, context: RenderContext) -> bytes:
    """The declaration as a Word document."""
    label = context.label
    partnership = context.partnership
    based_on = [getattr(context.national.plan(i), "name", None) or i for i in declaration.based_on]
    writer = begin(
        declaration,
        context,
        declaration.title,
        [
            (label("declaration.period"), declaration.period.display()),
            (label("declaration.based_on"), "; ".join(based_on)),
        ],
    )
    abbreviation_list(writer, declaration, context)
    if declaration.heading:
        writer.paragraph(Run(declaration.heading, bold=True))
    for paragraph in declaration.preamble:
        writer.paragraph(paragraph)
    if declaration.overarching_goal and view.shows_overarching_goal(declaration):
        writer.heading(label("declaration.overarching_goal"), 1)
        writer.paragraph(declaration.overarching_goal, style="Intense Quote")
    commitments = view.commitment_views(declaration, context)
    if commitments:
        writer.heading(label("declaration.commitments"), 1)
        if declaration.commitments_intro:
            writer.paragraph(declaration.commitments_intro)
    for commitment in commitments:
        writer.heading(commitment.title, 2, f"{commitment.number}.")
        if commitment.statement:
            writer.paragraph(Run(commitment.statement, italic=True))
        for goal in commitment.main_goals:
            writer.paragraph([Run(f"{goal.heading}: ", bold=True), goal.text])
    if declaration.parties or declaration.parties_text:
        writer.heading(label("declaration.parties"), 1)
        if declaration.parties_text:  # the sentence names them: no list besides
            writer.paragraph(declaration.parties_text)
        else:
            names = []
            for party in declaration.parties:
                partner = partnership.partner(party)
                names.append(partner.name if partner else view.actor_name(party, partnership))
            writer.bullets(names)
    adopted = view.date_text(declaration.adopted, context.language) if declaration.adopted else None
    adopted_by = view.actor_full(declaration.adopted_by, partnership)
    corrected = (
        view.date_text(declaration.corrected, context.language) if declaration.corrected else None
    )
    facts = fact_lines(
        [
            (label("declaration.adopted"), adopted),
            (label("declaration.adopted_by"), adopted_by),
            (label("declaration.corrected"), corrected),
        ]
    )
    if facts:
        writer.heading(label("declaration.adopted"), 1)
        for name, value in facts:
            writer.paragraph([Run(f"{name}: ", bold=True), value])
    if declaration.url:
        writer.link(declaration.url)
    return writer.to_bytes()
