"""The plugin module registered under the entry point ``troms-ofoten``.

It ships the partnership's data folder, its local rule (TO101), the ``council`` body
kind its data uses, its layout (the three-column measure table) and its labels.
"""

from __future__ import annotations

from helsefellesskap import (
    BodyKind,
    LabelCatalogue,
    Layout,
    Partnership,
    PartnershipSource,
    Rule,
    hookimpl,
)

from .data_folder import PARTNERSHIP_ID, data_path
from .kinds import COUNCIL
from .presentation import LAYOUT, label_catalogues
from .rules import SSU_VOTE_RULE, rule_label_catalogues

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
    return [COUNCIL]


@hookimpl
def hf_rules() -> list[Rule]:
    """TO101: GP and user representatives have a vote in SSU."""
    return [SSU_VOTE_RULE]


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    """The three-column measure table, for Troms og Ofoten only."""
    return LAYOUT if partnership.id == PARTNERSHIP_ID else None


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The column labels of the measure table, for Troms og Ofoten only, and the nb and nn
    texts of its rule TO101, for every reader."""
    return [*label_catalogues(), *rule_label_catalogues()]
