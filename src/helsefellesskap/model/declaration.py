"""The partnership declaration (*partnerskapserklæring*)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from ._base import check_id, check_id_list, non_empty, one_line, plain_date
from ._typed import typed
from .deadline import Period
from .document import Document
from .links import check_url

__all__ = ["Commitment", "Declaration", "MainGoal"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class MainGoal:
    """A main goal (*hovedmål*) of a commitment; its number is its place, from 1."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Commitment:
    """A commitment (*satsing*, *satsingsområde*) of the declaration and its main goals.

    ``title`` is the short heading (``TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP``);
    ``statement`` is a full sentence where the declaration writes one ("Satse på …").
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    statement: str | None = None
    main_goals: tuple[MainGoal, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Declaration(Document):
    """A partnership declaration for a period: an overarching goal and its commitments.

    ``commitments_intro`` is the lead-in before the commitments ("… vil arbeide for:").
    ``replaces`` is the id of the declaration this one replaces (the version before it),
    which ``helsefellesskap diff`` and the changelog compare it with.
    """

    KIND: ClassVar[str] = "declaration"
    FOLDER: ClassVar[str] = "declarations"

    period: Period
    overarching_goal: str | None = None
    preamble: tuple[str, ...] = ()
    heading: str | None = None
    commitments_intro: str | None = None
    commitments: tuple[Commitment, ...] = ()
    parties: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    parties_text: str | None = None
    adopted: dt.date | None = attrs.field(default=None, validator=plain_date)
    adopted_by: str | None = attrs.field(default=None, validator=check_id)
    corrected: dt.date | None = attrs.field(default=None, validator=plain_date)
    based_on: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    url: str | None = attrs.field(default=None, validator=check_url)
    replaces: str | None = attrs.field(default=None, validator=check_id)

    def commitment(self, commitment_id: str) -> Commitment | None:
        """The commitment with ``commitment_id``, if any."""
        return next((c for c in self.commitments if c.id == commitment_id), None)
