"""Governance bodies (*organ*, *utvalg*) with their seats, mandate and status."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..messages import message
from ._base import (
    InvalidValue,
    check_count,
    check_id,
    check_id_list,
    one_line,
    plain_date,
    short_title,
)
from ._typed import typed
from .deadline import Deadline
from .links import check_url

__all__ = [
    "Body",
    "BodyStatus",
    "Chair",
    "DecisionRule",
    "Mandate",
    "Member",
    "Right",
    "Seat",
    "StatusChange",
    "Term",
    "TermOfOffice",
]


class Right(enum.Enum):
    """What a seat entitles its holder to."""

    VOTE = "vote"
    """*stemmerett*."""
    ATTEND = "attend"
    """*møterett*."""
    SPEAK = "speak"
    """*talerett*."""
    PROPOSE = "propose"
    """*forslagsrett*."""


class BodyStatus(enum.Enum):
    """Where a body is in its life."""

    PLANNED = "planned"
    BEING_ESTABLISHED = "being-established"
    ACTIVE = "active"
    CLOSED = "closed"


class Term(enum.Enum):
    """Whether a body is permanent or set up for a limited time."""

    PERMANENT = "permanent"
    TIME_LIMITED = "time-limited"


class DecisionRule(enum.Enum):
    """How a body decides."""

    CONSENSUS = "consensus"
    VOTE = "vote"
    ADVISORY = "advisory"
    """the body advises; it does not decide."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class TermOfOffice:
    """How long the members of a body sit (*funksjonstid*, *valgperiode*): ``years``,
    and the current term's ``start`` and ``end`` where they are known."""

    years: int | None = attrs.field(default=None, validator=check_count)
    start: dt.date | None = attrs.field(default=None, validator=plain_date)
    end: dt.date | None = attrs.field(default=None, validator=plain_date)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidValue(
                message(
                    "model.term_ends_before_start",
                    end=self.end.isoformat(),
                    start=self.start.isoformat(),
                ),
                field="end",
                hint=message("model.term_ends_before_start_hint"),
            )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Member:
    """A named person on a seat: a member, or a deputy (*vara*) when ``deputy`` is true,
    with the term they sit for where it differs from the body's."""

    name: str = attrs.field(validator=one_line)
    deputy: bool = False
    start: dt.date | None = attrs.field(default=None, validator=plain_date)
    end: dt.date | None = attrs.field(default=None, validator=plain_date)
    note: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class Seat:
    """Who sits in a body (*representasjon*): a partner, group or role, and its rights.

    ``holder`` is the id of a partner, group or role. ``rights`` are stated on every seat
    (there is no default vote). ``count`` is the number of people, where the sources give
    it; with ``up_to`` it is the most there may be ("inntil 3"). ``deputies`` is the number
    of deputies (*vara*); ``members`` names the people, members and deputies, where the
    partnership publishes them.
    """

    holder: str = attrs.field(validator=check_id)
    rights: tuple[Right, ...]
    count: int | None = attrs.field(default=None, validator=check_count)
    up_to: bool = False
    deputies: int | None = attrs.field(default=None, validator=check_count)
    members: tuple[Member, ...] = ()
    note: str | None = None
    extra: dict[str, str | int | float | bool] = attrs.field(factory=dict)
    """Fields a plugin declares for seats (``hf_extra_fields``), by name."""

    @property
    def votes(self) -> bool:
        """Whether the seat carries a vote."""
        return Right.VOTE in self.rights


@attrs.frozen(kw_only=True, field_transformer=typed)
class Mandate:
    """A body's remit (*mandat*), given by one or more bodies.

    ``given_by`` lists the ids of the bodies that gave it; a mandate developed jointly by
    SSU and an FSU lists both.
    """

    text: str | None = None
    given_by: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    date: dt.date | None = attrs.field(default=None, validator=plain_date)
    url: str | None = attrs.field(default=None, validator=check_url)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Chair:
    """Who leads a body and how the chair rotates."""

    holder: str | None = attrs.field(default=None, validator=check_id)
    rotation: str | None = None
    rotates_between: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    deputy: str | None = attrs.field(default=None, validator=check_id)
    """Who holds the deputy chair (*nestleder*): a partner, group or role id."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class StatusChange:
    """A step in a body's life: it became ``status`` at ``when``."""

    status: BodyStatus
    when: Deadline
    note: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class Body:
    """A governance body (*organ*, *utvalg*): PM, SSU, an FSU, the secretariat, …

    ``kind`` names a body kind; the built-in kinds are ``partnership-meeting``,
    ``strategic-committee``, ``professional-committee``, ``secretariat``,
    ``working-group``, ``revision-committee``, ``sub-committee``, ``network``,
    ``project-group`` and ``department``; plugins add more.
    """

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    abbreviation: str | None = attrs.field(default=None, validator=short_title)
    description: str | None = None
    steering_body: str | None = attrs.field(default=None, validator=check_id)
    parent: str | None = attrs.field(default=None, validator=check_id)
    mandate: Mandate | None = None
    term: Term | None = None
    ends: Deadline | None = None
    status: BodyStatus = BodyStatus.ACTIVE
    history: tuple[StatusChange, ...] = ()
    seats: tuple[Seat, ...] = ()
    chair: Chair | None = None
    secretary: str | None = None
    """Who keeps the body's secretariat: an actor id (a body, partner or role) or a text."""
    term_of_office: TermOfOffice | None = None
    decision_rule: DecisionRule | None = None
    meets: str | None = None
    continues: str | None = None
    other_sectors_considered: bool | None = None
    involves: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    extra: dict[str, str | int | float | bool] = attrs.field(factory=dict)
    """Fields a plugin declares for bodies (``hf_extra_fields``), by name."""

    @property
    def display_name(self) -> str:
        """The abbreviation where there is one (``FSU REST``), else the name."""
        return self.abbreviation or self.name

    @property
    def established(self) -> Deadline | None:
        """When the body first became active or began to be established, if recorded."""
        for change in self.history:
            if change.status in (BodyStatus.BEING_ESTABLISHED, BodyStatus.ACTIVE):
                return change.when
        return None

    @property
    def closed(self) -> Deadline | None:
        """When the body closed, if it has."""
        for change in reversed(self.history):
            if change.status is BodyStatus.CLOSED:
                return change.when
        return None

    def status_on(self, day: dt.date) -> BodyStatus:
        """The body's status on ``day``, from its history (its current status if none)."""
        if not self.history:
            return self.status
        current: BodyStatus | None = None
        for change in sorted(self.history, key=lambda c: c.when.earliest):
            if change.when.earliest <= day:
                current = change.status
        return current if current is not None else BodyStatus.PLANNED
