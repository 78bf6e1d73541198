"""The plugin module registered under the entry point ``troms-ofoten``.

It ships the partnership's data folder, its local rule (TO101), the ``council`` body
kind its data uses, its layout (the three-column measure table) and its labels.

Importing it imports nothing of the library but the hook marker: each hook imports what
it returns (the layout imports the model), so that a command that needs none of it
(``helsefellesskap --help``, ``list``) does not pay for it; the rule is declared by its
code and its module (which imports the validation engine and the model) loaded when it
runs, so that ``helsefellesskap plugins`` does not import it either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helsefellesskap import hookimpl

from .data_folder import PARTNERSHIP_ID, data_path

if TYPE_CHECKING:
    from helsefellesskap import (
        BodyKind,
        LabelCatalogue,
        Layout,
        Partnership,
        PartnershipSource,
    )
    from helsefellesskap.validate.lazy import LazyRule

__all__ = [
    "hf_body_kinds",
    "hf_label_catalogues",
    "hf_layout",
    "hf_partnerships",
    "hf_rules",
]


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    """Helsefellesskapet Troms og Ofoten, with the folder of its data."""
    from helsefellesskap import PartnershipSource

    return [
        PartnershipSource(
            id=PARTNERSHIP_ID,
            name="Helsefellesskapet Troms og Ofoten",
            path=data_path(),
            description="UNN og 24 kommuner i Troms og Ofoten, med fastleger og brukere.",
        )
    ]


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    """The ``council`` kind of the earlier councils that two FSUs continue."""
    from .kinds import COUNCIL

    return [COUNCIL]


@hookimpl
def hf_rules() -> list[LazyRule]:
    """TO101: GP and user representatives have a vote in SSU, declared by its code (its
    module, which imports the validation context and the model, loads when it runs)."""
    from helsefellesskap.validate.lazy import lazy_rule

    from .rule_texts import RULE_CODE

    return [lazy_rule(RULE_CODE, "helsefellesskap_troms_ofoten.rules:SSU_VOTE_RULE")]


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    """The three-column measure table, for Troms og Ofoten only."""
    if partnership.id != PARTNERSHIP_ID:
        return None
    from .presentation import LAYOUT

    return LAYOUT


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The column labels of the measure table, for Troms og Ofoten only, and the nb and nn
    texts of its rule TO101, for every reader."""
    from .labels import label_catalogues  # not .presentation: its layout imports the model
    from .rule_texts import rule_label_catalogues

    return [*label_catalogues(), *rule_label_catalogues()]
