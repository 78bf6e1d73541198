"""Progress of a measure or a decision: its status, the dated updates that change it, and
the partnership's settings for following progress up."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from ._base import check_id, non_empty, non_negative, plain_date
from ._typed import typed
from .links import check_url

__all__ = [
    "FINISHED",
    "FollowUpSettings",
    "MeasureStatus",
    "StatusUpdate",
    "latest_update",
]


class MeasureStatus(enum.Enum):
    """Where a measure (or a decision's follow-up) stands."""

    PLANNED = "planned"
    STARTED = "started"
    DONE = "done"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


FINISHED = frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED})
"""Statuses after which nothing is due: done, or cancelled (stopped)."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class StatusUpdate:
    """A dated report of where a measure or a decision stands.

    ``reported_by`` is the id of the partner, body, role or group that reported it;
    ``link`` a page with more (minutes, a report). Written in a plan as
    ``[[focus_areas.goals.measures.updates]]`` under its measure.
    """

    date: dt.date = attrs.field(validator=plain_date)
    status: MeasureStatus
    note: str | None = attrs.field(default=None, validator=non_empty)
    reported_by: str | None = attrs.field(default=None, validator=check_id)
    link: str | None = attrs.field(default=None, validator=check_url)


def latest_update(
    updates: Iterable[StatusUpdate], on: dt.date | None = None
) -> StatusUpdate | None:
    """The latest of ``updates`` dated on or before ``on`` (all of them if ``on`` is
    ``None``); of two on the same day, the later in order."""
    chosen: StatusUpdate | None = None
    for update in updates:
        if on is not None and update.date > on:
            continue
        if chosen is None or update.date >= chosen.date:
            chosen = update
    return chosen


@attrs.frozen(kw_only=True, field_transformer=typed)
class FollowUpSettings:
    """How a partnership follows progress up (``[follow_up]`` in ``partnership.toml``).

    A measure that is not finished is *stale* when it has had no update for
    ``stale_after_days`` days (counted from the plan's adoption or the start of its
    period if it never had one). A decision is *unfollowed* when ``decision_days`` days
    after its meeting it has had no update (rule HF802). A cooperation agreement is due
    for review ``agreement_review_months`` after its latest revision (rule HF902).
    """

    stale_after_days: int = attrs.field(default=180, validator=non_negative)
    decision_days: int = attrs.field(default=90, validator=non_negative)
    agreement_review_months: int = attrs.field(default=12, validator=non_negative)
    """How many months a cooperation agreement or service agreement may go without a
    revision (the yearly review: 12) before rule HF902 reports it."""
