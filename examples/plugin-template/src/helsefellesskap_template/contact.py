"""Malby's action plans end with a contact section, in every format.

``hf_outline`` receives a document's outline (the blocks every format writes: Markdown,
HTML, Word) and may return a changed one. Adding a section here puts it in every format
at once; no page template or format is overridden.
"""

from __future__ import annotations

import attrs

from helsefellesskap import RenderContext
from helsefellesskap.outline import Heading, Inline, Outline, Paragraph, Section, Span, Text, runs
from helsefellesskap.render.format import Renderable

from . import PARTNERSHIP_ID

__all__ = ["CONTACT", "contact_section"]

CONTACT = "post@malby.example"
"""Where readers of Malby's plans write to."""


def contact_section(outline: Outline, context: RenderContext) -> Section:
    """The section "Kontakt" with Malby's address; the heading is a label in the reader's
    language, marked as such where the plan's own language differs."""
    text = context.label("template.contact")
    heading: Inline = (
        Text(text)
        if context.language == outline.language
        else Span(runs=(Text(text),), lang=context.language)
    )
    return Section(
        heading=Heading(level=2, runs=(heading,), anchor="contact"),
        blocks=(Paragraph(runs=runs(CONTACT)),),
        role="contact",
        anchor="contact",
    )


def add_contact(item: Renderable, outline: Outline, context: RenderContext) -> Outline | None:
    """Malby's action plans with the contact section last; anything else unchanged."""
    if context.partnership.id != PARTNERSHIP_ID or outline.kind != "action-plan":
        return None
    return attrs.evolve(outline, blocks=(*outline.blocks, contact_section(outline, context)))
