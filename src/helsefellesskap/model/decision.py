"""The decision log (*vedtak*): what a partnership's bodies decided, and its follow-up."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from ._base import check_id, check_id_list, non_empty, one_line, plain_date
from ._typed import typed
from .document import Document
from .progress import MeasureStatus, StatusUpdate, latest_update

__all__ = ["Decision", "DecisionLog"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Decision:
    """A decision (*vedtak*) a body made in a meeting, with its follow-up.

    ``body`` is the id of the body that decided (``ssu``, ``fsu-bu``), ``meeting`` the
    date of the meeting and ``case_number`` the case as the minutes number it
    (``"12/24"``). ``measures`` names measures the decision concerns, written
    ``"<plan id>.<measure id>"``; ``bodies`` names the bodies it gives a task or
    concerns; ``responsible`` who follows it up. ``status`` is where its follow-up stood
    before any update; ``updates`` are dated status updates, as for a measure.
    """

    id: str = attrs.field(validator=check_id)
    body: str = attrs.field(validator=check_id)
    meeting: dt.date = attrs.field(validator=plain_date)
    text: str = attrs.field(validator=non_empty)
    case_number: str | None = attrs.field(default=None, validator=non_empty)
    title: str | None = attrs.field(default=None, validator=one_line)
    measures: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    bodies: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    responsible: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    status: MeasureStatus = MeasureStatus.PLANNED
    updates: tuple[StatusUpdate, ...] = ()
    notes: tuple[str, ...] = ()

    def latest_update(self, on: dt.date | None = None) -> StatusUpdate | None:
        """The latest of :attr:`updates` on or before ``on`` (any day if not given)."""
        return latest_update(self.updates, on)

    def status_on(self, on: dt.date | None = None) -> MeasureStatus:
        """The follow-up's status on a day: the latest update's, else :attr:`status`."""
        update = self.latest_update(on)
        return update.status if update is not None else self.status

    @property
    def current_status(self) -> MeasureStatus:
        """The follow-up's status now: the latest update's, else :attr:`status`."""
        return self.status_on()


@attrs.frozen(kw_only=True, field_transformer=typed)
class DecisionLog(Document):
    """A partnership's log of decisions (*vedtak*) of its bodies, in ``decisions/``.

    A partnership may keep one log, or one per body or year; decisions are in the order
    they were made.
    """

    KIND: ClassVar[str] = "decision-log"
    FOLDER: ClassVar[str] = "decisions"

    decisions: tuple[Decision, ...] = ()
