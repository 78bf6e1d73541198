"""The hooks of the template plugin: the module its entry point names.

Each function is a hook implementation, marked with ``@hookimpl`` and named exactly as
the hook in :mod:`helsefellesskap.hookspecs` (a misspelt name is reported, not ignored).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import attrs

from helsefellesskap import (
    BodyKind,
    LabelCatalogue,
    Layout,
    Partnership,
    PartnershipSource,
    RenderFormat,
    Rule,
    hookimpl,
)
from helsefellesskap.command import Command
from helsefellesskap.outline import Outline
from helsefellesskap.render.format import Renderable, RenderContext

from . import PARTNERSHIP_ID
from .command import COUNT
from .contact import add_contact
from .kinds import YOUTH_COUNCIL
from .outline import OutlineFormat
from .rules import MEASURE_DEADLINE
from .texts import rule_label_catalogues

__all__ = [
    "hf_body_kinds",
    "hf_cli_commands",
    "hf_label_catalogues",
    "hf_layout",
    "hf_outline",
    "hf_partnerships",
    "hf_render_formats",
    "hf_rules",
]


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    """The invented partnership Malby, shipped as package data."""
    data = Path(str(resources.files(__package__ or "helsefellesskap_template") / "data"))
    return [
        PartnershipSource(
            id=PARTNERSHIP_ID,
            name="Helsefellesskap Malby",
            path=data,
            description="An invented partnership that shows how a plugin ships its data.",
        )
    ]


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    """The youth council kind, with its rule."""
    return [YOUTH_COUNCIL]


@hookimpl
def hf_rules() -> list[Rule]:
    """Malby's own rule."""
    return [MEASURE_DEADLINE]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The plain-text outline format (an instance, not the class)."""
    return [OutlineFormat()]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The outline's labels for everyone, Malby's own wording of them, and the texts of
    the rules TPL001 and TPL002 in nb, nn and en (for ``helsefellesskap rules``)."""
    return [
        *rule_label_catalogues(MEASURE_DEADLINE.code, YOUTH_COUNCIL.rules[0].code),
        LabelCatalogue(
            language="nb",
            labels={
                "template.responsible": "Ansvarlig",
                "template.deadline": "Frist",
                "template.contact": "Kontakt",
            },
        ),
        LabelCatalogue(
            language="en",
            labels={
                "template.responsible": "Responsible",
                "template.deadline": "Deadline",
                "template.contact": "Contact",
            },
        ),
        LabelCatalogue(
            language="nb",
            partnership=PARTNERSHIP_ID,
            labels={"template.responsible": "Ansvar", "template.deadline": "Når"},
        ),
    ]


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    """Malby's measures table has a deadline column; others are left to their own layout.

    The hook refines the partnership's own layout (a changed copy of ``partnership.layout``),
    so what ``[layout]`` says (its ``language``, …) is kept.
    """
    if partnership.id != PARTNERSHIP_ID:
        return None
    return attrs.evolve(
        partnership.layout, measure_columns=("goal", "measure", "responsible", "deadline")
    )


@hookimpl
def hf_cli_commands() -> list[Command]:
    """The ``template-count`` command."""
    return [COUNT]


@hookimpl
def hf_outline(item: Renderable, outline: Outline, context: RenderContext) -> Outline | None:
    """Malby's action plans end with a contact section, in Markdown, HTML and Word alike."""
    return add_contact(item, outline, context)
