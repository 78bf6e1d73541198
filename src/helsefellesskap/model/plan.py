"""The action plan (*handlingsplan*): focus areas, goals, ongoing work and measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

import attrs

from ..messages import message
from ._base import InvalidValue, check_id, check_id_list, non_empty, one_line, plain_date
from ._typed import typed
from .deadline import Deadline, Period
from .document import Document
from .links import check_url
from .progress import MeasureStatus, StatusUpdate, latest_update
from .text import Link, Section

__all__ = [
    "RESPONSIBLE_JOINS",
    "ActionPlan",
    "Basis",
    "FocusArea",
    "Goal",
    "Intention",
    "Measure",
    "MeasureStatus",
    "OngoingWork",
    "Reference",
    "ReferenceList",
    "check_responsible_join",
]


@attrs.frozen(kw_only=True, field_transformer=typed)
class ReferenceList:
    """A titled list inside a reference (the steps or criteria of a framework)."""

    title: str = attrs.field(validator=one_line)
    items: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Reference:
    """A framework, strategy or report a plan builds on (e.g. *Recruit & Retain*).

    ``size`` notes how many parts the source says it has where it does not list them.
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    description: str | None = None
    url: str | None = attrs.field(default=None, validator=check_url)
    lists: tuple[ReferenceList, ...] = ()
    size: str | None = None


RESPONSIBLE_JOINS = ("and", "comma")
"""How a measure's responsible actors are joined: ``and`` (``UNN og kommunene``; three
or more with commas) or ``comma`` (``SSU, FSU DIG``), as the source writes them."""


def check_responsible_join(_instance: object, _attribute: object, value: str) -> None:
    """attrs validator: ``responsible_join`` is one of :data:`RESPONSIBLE_JOINS`."""
    if value not in RESPONSIBLE_JOINS:
        raise InvalidValue(
            message("model.unknown_join", value=repr(value)),
            field="responsible_join",
            hint=message("model.unknown_join_hint"),
        )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Measure:
    """A measure (*tiltak*, "Hvordan få det til?") with who is responsible and when.

    ``id`` is stable and unique in the plan; ``label`` is the letter the document prints
    (``a)``) and may repeat. ``details`` are bullet points under the text and ``closing``
    the paragraphs after them. ``responsible`` lists ids of bodies, partners, roles or
    groups, in the source's order; ``responsible_join`` says how the source joins them
    (:data:`RESPONSIBLE_JOINS`). ``builds_on`` lists ids of ongoing work of the same
    goal. ``updates`` are dated status updates; the latest gives :attr:`current_status`,
    and before any the status the plan gives counts. ``national_goals`` are ids of the
    national frame's goals the measure serves, where the plan says so (else its focus
    area's count; where neither says, the traceability matrix says "not stated").
    """

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    label: str | None = None
    details: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    responsible: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    responsible_join: str = attrs.field(default="and", validator=check_responsible_join)
    deadline: Deadline | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    status_note: str | None = None
    updates: tuple[StatusUpdate, ...] = ()
    builds_on: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    priority_groups: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    national_goals: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    references: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()

    def latest_update(self, on: dt.date | None = None) -> StatusUpdate | None:
        """The latest of :attr:`updates` on or before ``on`` (any day if not given)."""
        return latest_update(self.updates, on)

    def status_on(self, on: dt.date | None = None) -> MeasureStatus:
        """The status on a day: the latest update's, else :attr:`status` (the status the
        plan gives before any update)."""
        update = self.latest_update(on)
        return update.status if update is not None else self.status

    @property
    def current_status(self) -> MeasureStatus:
        """The status now: the latest update's, else :attr:`status`."""
        return self.status_on()


@attrs.frozen(kw_only=True, field_transformer=typed)
class OngoingWork:
    """Work already under way that a goal builds on (*pågående arbeid*)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    details: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Goal:
    """What a focus area wants to achieve (*mål*, "Hva vil vi?" / "Hvor vil vi?").

    ``main_goal`` is the id of the declaration's main goal it serves, where it traces.
    """

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    main_goal: str | None = attrs.field(default=None, validator=check_id)
    ongoing_work: tuple[OngoingWork, ...] = ()
    measures: tuple[Measure, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Intention:
    """One line of what a focus area means ("Dette betyr;"), with its bullet points."""

    text: str = attrs.field(validator=non_empty)
    points: tuple[str, ...] = ()
    main_goal: str | None = attrs.field(default=None, validator=check_id)


@attrs.frozen(kw_only=True, field_transformer=typed)
class FocusArea:
    """A section of the plan (*innsatsområde*) tracing to a commitment of the declaration.

    ``national_goals`` are ids of the national frame's goals the focus area serves, where
    the plan says so (optional; a measure may name its own).
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    commitment: str | None = attrs.field(default=None, validator=check_id)
    national_goals: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    description: tuple[str, ...] = ()
    intentions: tuple[Intention, ...] = ()
    goals: tuple[Goal, ...] = ()
    notes: tuple[str, ...] = ()

    def measures(self) -> Iterator[Measure]:
        """Every measure of the focus area, in order."""
        for goal in self.goals:
            yield from goal.measures


@attrs.frozen(kw_only=True, field_transformer=typed)
class Basis:
    """What a plan builds on: a declaration and a national plan, by id, and other texts."""

    declaration: str | None = attrs.field(default=None, validator=check_id)
    national_plan: str | None = attrs.field(default=None, validator=check_id)
    other: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class ActionPlan(Document):
    """An action plan for a period, based on a declaration and the national plan.

    ``national_goals`` and ``priority_groups`` are ids in the national frame
    (:mod:`helsefellesskap.national`). ``omit`` (every document has it) names generated
    parts this plan leaves out, in addition to those of the partnership's ``Layout.omit``
    (for a plan whose source words them itself while another plan of the partnership
    shows them).
    """

    KIND: ClassVar[str] = "action-plan"
    FOLDER: ClassVar[str] = "plans"

    period: Period
    basis: Basis = attrs.Factory(Basis)
    revised_yearly: bool = False
    revision_of: str | None = attrs.field(default=None, validator=check_id)
    adopted: dt.date | None = attrs.field(default=None, validator=plain_date)
    adopted_by: str | None = attrs.field(default=None, validator=check_id)
    presented: str | None = None
    introduction: Section | None = None
    national_goals_intro: str | None = None
    national_goals: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    priority_groups: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    focus_areas_intro: Section | None = None
    focus_areas: tuple[FocusArea, ...] = ()
    references: tuple[Reference, ...] = ()
    funding_rounds: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    way_forward: Section | None = None
    sections: tuple[Section, ...] = ()

    def measures(self) -> Iterator[Measure]:
        """Every measure of the plan, in order."""
        for area in self.focus_areas:
            yield from area.measures()

    def goals(self) -> Iterator[Goal]:
        """Every goal of the plan, in order."""
        for area in self.focus_areas:
            yield from area.goals
