"""The outline of a partnership declaration (partnerskapserklæring).

Title and heading, period and basis; abbreviations; the preamble; the overarching goal
(where no other text already says it); the commitments with their numbered main goals;
the partners; when it was adopted and corrected; its address.
"""

from __future__ import annotations

from .. import model
from ..render import view
from ..render.format import RenderContext
from .action_plan import commitments
from .blocks import Block, Emphasis, Outline, Paragraph, Section, runs
from .common import Builder

__all__ = ["build_declaration"]


def build_declaration(declaration: model.Declaration, context: RenderContext) -> Outline:
    """The outline of ``declaration``."""
    out = Builder(declaration, context)
    based_on = [getattr(context.national.plan(i), "name", None) or i for i in declaration.based_on]
    blocks: list[Block] = out.start(declaration.title)
    blocks += out.paragraphs([declaration.heading], role="lead")
    blocks += out.facts(
        [
            ("declaration.period", declaration.period.display()),
            ("declaration.based_on", "; ".join(based_on) or None),
        ]
    )
    blocks += out.abbreviations()
    blocks += out.paragraphs(declaration.preamble)
    if declaration.overarching_goal and view.shows_overarching_goal(declaration):
        blocks.append(
            Section(
                heading=out.label_heading(2, "declaration.overarching_goal"),
                blocks=(
                    Paragraph(
                        runs=(Emphasis(runs=runs(declaration.overarching_goal), strong=True),),
                        role="overarching-goal",
                    ),
                ),
                role="overarching-goal",
            )
        )
    if declaration.commitments:
        blocks.append(
            Section(
                heading=out.label_heading(2, "declaration.commitments"),
                blocks=(
                    *out.paragraphs([declaration.commitments_intro], role="lead"),
                    *commitments(out, declaration, 3),
                ),
                role="commitments",
            )
        )
    if declaration.parties or declaration.parties_text:
        parties: list[Block] = (
            out.paragraphs([declaration.parties_text])
            if declaration.parties_text
            else out.bullets((out.actor_full(p) or p for p in declaration.parties), role="parties")
        )
        blocks.append(
            Section(
                heading=out.label_heading(2, "declaration.parties"),
                blocks=tuple(parties),
                role="parties",
            )
        )
    blocks += out.facts(
        [
            (
                "declaration.adopted",
                view.adoption_text(declaration.adopted, declaration.adopted_by, context),
            ),
            ("declaration.corrected", out.date(declaration.corrected)),
        ],
        role="adoption",
    )
    if declaration.url:
        blocks += out.links([model.Link(url=declaration.url)])
    return out.outline(declaration.title, blocks)
