"""A funding round: applications for the partnership's funds, ranked by priority."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from ._base import check_id, check_id_list, non_negative, one_line, plain_date
from .document import Document

__all__ = ["Application", "FundingRound"]


@attrs.frozen(kw_only=True)
class Application:
    """An application in a funding round, ranked by ``priority`` (1 is first)."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    priority: int
    applicants: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    amount: int | None = attrs.field(default=None, validator=non_negative)
    note: str | None = None


@attrs.frozen(kw_only=True)
class FundingRound(Document):
    """A round of applications (*rekrutterings- og samhandlingsmidler*) ranked by priority."""

    KIND: ClassVar[str] = "funding-round"
    FOLDER: ClassVar[str] = "funding"

    year: int
    scheme: str | None = None
    decided_by: str | None = attrs.field(default=None, validator=check_id)
    decided: dt.date | None = attrs.field(default=None, validator=plain_date)
    forwarded_to: str | None = attrs.field(default=None, validator=check_id)
    summary: str | None = None
    applications: tuple[Application, ...] = ()

    def ranked(self) -> tuple[Application, ...]:
        """The applications in order of priority."""
        return tuple(sorted(self.applications, key=lambda a: a.priority))
