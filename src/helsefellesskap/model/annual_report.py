"""The year's report to the partnership meeting: structure, meetings and follow-up of measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

import attrs

from ._base import (
    check_count,
    check_id,
    check_id_list,
    check_year,
    non_empty,
    plain_date,
)
from ._typed import typed
from .document import Document
from .links import check_url
from .progress import MeasureStatus, StatusUpdate
from .text import Section

__all__ = [
    "AnnualReport",
    "MeasureFollowUp",
    "MeetingCount",
    "StructureCount",
    "resolve_follow_up",
]


@attrs.frozen(kw_only=True, field_transformer=typed)
class StructureCount:
    """A line of the structure at the end of the year: ``count`` bodies of a kind.

    ``bodies`` lists the ids counted, where the report names them.
    """

    text: str = attrs.field(validator=non_empty)
    count: int | None = attrs.field(default=None, validator=check_count)
    kind: str | None = attrs.field(default=None, validator=check_id)
    bodies: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    note: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class MeetingCount:
    """How many meetings a body (or all bodies of a kind) held in the year.

    Give ``body`` for one body or ``kind`` for all bodies of a kind ("17 FSU-møter").
    ``frequency`` keeps a stated rhythm ("minimum en gang per uke") instead of a count.
    """

    count: int | None = attrs.field(default=None, validator=check_count)
    body: str | None = attrs.field(default=None, validator=check_id)
    kind: str | None = attrs.field(default=None, validator=check_id)
    text: str | None = None
    frequency: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class MeasureFollowUp:
    """The status of one measure of a plan at the time of the report: a status update
    (:class:`~helsefellesskap.model.StatusUpdate`) that names its measure.

    ``measure`` is written ``"<plan id>.<measure id>"`` or just the measure id when the
    report names ``plan``. ``date`` defaults to the last day of the report's year and
    ``reported_by`` to the report's ``prepared_by`` (see :meth:`as_update`).
    """

    measure: str = attrs.field(validator=check_id)
    status: MeasureStatus
    note: str | None = None
    date: dt.date | None = attrs.field(default=None, validator=plain_date)
    reported_by: str | None = attrs.field(default=None, validator=check_id)
    link: str | None = attrs.field(default=None, validator=check_url)

    def as_update(self, report: AnnualReport) -> StatusUpdate:
        """This follow-up as a status update of its measure, dated and attributed."""
        return StatusUpdate(
            date=self.date if self.date is not None else dt.date(report.year, 12, 31),
            status=self.status,
            note=self.note,
            reported_by=self.reported_by if self.reported_by is not None else report.prepared_by,
            link=self.link,
        )


@attrs.frozen(kw_only=True, field_transformer=typed)
class AnnualReport(Document):
    """The year's report (*årsrapport*) to the partnership meeting."""

    KIND: ClassVar[str] = "annual-report"
    FOLDER: ClassVar[str] = "reports"

    year: int = attrs.field(validator=check_year)
    case_number: str | None = None
    to: str | None = attrs.field(default=None, validator=check_id)
    prepared_by: str | None = attrs.field(default=None, validator=check_id)
    on_behalf_of: str | None = attrs.field(default=None, validator=check_id)
    history: Section | None = None
    structure: tuple[StructureCount, ...] = ()
    people_in_active_roles: int | None = attrs.field(default=None, validator=check_count)
    people_approximate: bool = False
    structure_notes: tuple[str, ...] = ()
    meetings: tuple[MeetingCount, ...] = ()
    themes: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    experiences: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    declaration: str | None = attrs.field(default=None, validator=check_id)
    plan: str | None = attrs.field(default=None, validator=check_id)
    measure_status: tuple[MeasureFollowUp, ...] = ()
    proposed_decision: str | None = None


def resolve_follow_up(
    value: str, plan: str | None, has_measure: Callable[[str, str], bool]
) -> tuple[str, str] | None:
    """Which measure a follow-up of an annual report names, as ``(plan id, measure id)``.

    ``value`` is a measure id of the report's ``plan``, or ``"<plan id>.<measure id>"``
    naming a measure of any plan (a plan id may itself hold dots: each split is tried,
    leftmost first). ``has_measure(plan_id, measure_id)`` says whether the bundle has that
    measure. ``None`` where nothing matches: a bare id with no ``plan`` names nothing.

    This is the one answer that rule HF213, the status report and the rendered annual
    report all use, so they cannot disagree about a measure of another plan.
    """
    if plan is not None and has_measure(plan, value):
        return plan, value
    start = value.find(".")
    while start != -1:
        plan_id, measure_id = value[:start], value[start + 1 :]
        if has_measure(plan_id, measure_id):
            return plan_id, measure_id
        start = value.find(".", start + 1)
    return None
