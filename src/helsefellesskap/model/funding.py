"""A funding round: applications for the partnership's funds, ranked by priority."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from ._base import (
    check_count,
    check_id,
    check_id_list,
    check_year,
    non_negative,
    one_line,
    plain_date,
)
from ._typed import typed
from .document import Document

__all__ = ["Application", "FundingRound"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Application:
    """An application in a funding round, ranked by ``priority`` (1 is first)."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    priority: int = attrs.field(validator=check_count)
    applicants: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    amount: int | None = attrs.field(default=None, validator=non_negative)
    note: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class FundingRound(Document):
    """A round of applications (*rekrutterings- og samhandlingsmidler*) ranked by priority."""

    KIND: ClassVar[str] = "funding-round"
    FOLDER: ClassVar[str] = "funding"

    year: int = attrs.field(validator=check_year)
    scheme: str | None = None
    decided_by: str | None = attrs.field(default=None, validator=check_id)
    decided: dt.date | None = attrs.field(default=None, validator=plain_date)
    forwarded_to: str | None = attrs.field(default=None, validator=check_id)
    summary: str | None = None
    applications: tuple[Application, ...] = ()

    def ranked(self) -> tuple[Application, ...]:
        """The applications in order of priority."""
        return tuple(sorted(self.applications, key=lambda a: a.priority))
