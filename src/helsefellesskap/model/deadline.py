"""Deadlines and other points in time as the source documents write them."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..messages import message
from ._base import FIRST_YEAR, LAST_YEAR, InvalidValue, check_year, plain_date
from ._typed import typed

__all__ = ["Deadline", "DeadlineKind", "Period"]


class DeadlineKind(enum.Enum):
    """How a :class:`Deadline` is written."""

    YEAR = "year"
    SPAN = "span"
    DATE = "date"
    PHRASE = "phrase"


def _check_deadline(instance: Deadline, _attribute: Any, _value: Any) -> None:
    kind = instance.kind
    for year in (instance.year, instance.end_year):
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise InvalidValue(
                message("model.year_out_of_range", value=year),
                hint=message("model.write_year", first=FIRST_YEAR, last=LAST_YEAR),
            )
    if kind is DeadlineKind.YEAR and instance.year is None:
        raise InvalidValue(message("model.year_deadline_needs_year"))
    if kind is DeadlineKind.SPAN:
        if instance.year is None or instance.end_year is None:
            raise InvalidValue(message("model.span_needs_both_years"))
        if instance.end_year < instance.year:
            raise InvalidValue(
                message("model.span_ends_before_start", start=instance.year, end=instance.end_year)
            )
    if kind is DeadlineKind.DATE and instance.date is None:
        raise InvalidValue(message("model.date_deadline_needs_date"))
    if kind is DeadlineKind.PHRASE and (
        not instance.text or not instance.text.strip() or instance.date is None
    ):
        raise InvalidValue(message("model.phrase_needs_words_and_date"))


@attrs.frozen(kw_only=True, field_transformer=typed)
class Deadline:
    """A deadline (*når*): a year, a span of years, a date, or a phrase kept verbatim.

    In TOML a deadline is written ``2024``, ``"2024-2025"``, ``2024-06-30`` or
    ``{ text = "Innen utgangen av 2024", means = 2024-12-31 }``. The same type serves
    wherever a source gives a time loosely (a body established "Hausten 2022").
    """

    kind: DeadlineKind = attrs.field(validator=_check_deadline)
    year: int | None = None
    end_year: int | None = None
    date: dt.date | None = attrs.field(default=None, validator=plain_date)
    text: str | None = None

    @classmethod
    def of_year(cls, year: int) -> Deadline:
        """A deadline at the end of ``year``."""
        return cls(kind=DeadlineKind.YEAR, year=year)

    @classmethod
    def of_span(cls, start: int, end: int) -> Deadline:
        """A deadline over the years ``start`` to ``end``."""
        return cls(kind=DeadlineKind.SPAN, year=start, end_year=end)

    @classmethod
    def of_date(cls, date: dt.date) -> Deadline:
        """A deadline on ``date``."""
        return cls(kind=DeadlineKind.DATE, date=date)

    @classmethod
    def of_phrase(cls, text: str, means: dt.date) -> Deadline:
        """A deadline written as words (``text``) that mean ``means``."""
        return cls(kind=DeadlineKind.PHRASE, text=text, date=means)

    @property
    def latest(self) -> dt.date:
        """The last day the deadline allows."""
        if self.kind is DeadlineKind.YEAR:
            assert self.year is not None
            return dt.date(self.year, 12, 31)
        if self.kind is DeadlineKind.SPAN:
            assert self.end_year is not None
            return dt.date(self.end_year, 12, 31)
        assert self.date is not None
        return self.date

    @property
    def earliest(self) -> dt.date:
        """The first day the deadline covers."""
        if self.kind is DeadlineKind.YEAR:
            assert self.year is not None
            return dt.date(self.year, 1, 1)
        if self.kind is DeadlineKind.SPAN:
            assert self.year is not None
            return dt.date(self.year, 1, 1)
        assert self.date is not None
        return self.date

    def display(self) -> str:
        """The deadline as the source writes it: ``2024``, ``2024-2025``, the phrase."""
        if self.kind is DeadlineKind.YEAR:
            return str(self.year)
        if self.kind is DeadlineKind.SPAN:
            return f"{self.year}-{self.end_year}"
        if self.kind is DeadlineKind.DATE:
            assert self.date is not None
            return self.date.strftime("%d.%m.%Y")
        return self.text or ""


def _check_period(instance: Period, _attribute: Any, end: int) -> None:
    if end < instance.start:
        raise InvalidValue(
            message("model.period_ends_before_start", end=end, start=instance.start),
            field="end",
            hint=message("model.period_ends_before_start_hint"),
        )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Period:
    """A span of whole years, both included: ``{ start = 2024, end = 2027 }``."""

    start: int = attrs.field(validator=check_year)
    end: int = attrs.field(validator=[check_year, _check_period])

    def contains_year(self, year: int) -> bool:
        """Whether ``year`` lies in the period."""
        return self.start <= year <= self.end

    @property
    def first_day(self) -> dt.date:
        """1 January of the first year."""
        return dt.date(self.start, 1, 1)

    @property
    def last_day(self) -> dt.date:
        """31 December of the last year."""
        return dt.date(self.end, 12, 31)

    def display(self) -> str:
        """``2024-2027``, or ``2023`` for a single year."""
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"
