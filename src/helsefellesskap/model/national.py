"""The national frame that plans refer to: national plans, priority groups and rules."""

from __future__ import annotations

import datetime as dt

import attrs

from ._base import check_count, check_id, non_empty, one_line, plain_date
from ._typed import typed
from .deadline import Period
from .links import check_url

__all__ = [
    "AgreementSubject",
    "FsuRequirement",
    "NationalFrame",
    "NationalGoal",
    "NationalItem",
    "NationalPlan",
    "Principle",
    "PriorityGroup",
]


@attrs.frozen(kw_only=True, field_transformer=typed)
class NationalGoal:
    """A goal of a national plan."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=typed)
class PriorityGroup:
    """A prioritised patient group; the same id across plans, worded per plan."""

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)


@attrs.frozen(kw_only=True, field_transformer=typed)
class NationalPlan:
    """A national health plan (Nasjonal helse- og sykehusplan, … samhandlingsplan)."""

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    short_name: str
    white_paper: str
    period: Period
    subtitle: str | None = None
    aim: str | None = None
    goals_intro: str | None = None
    goals: tuple[NationalGoal, ...] = ()
    priority_groups: tuple[PriorityGroup, ...] = ()
    url: str | None = attrs.field(default=None, validator=check_url)


@attrs.frozen(kw_only=True, field_transformer=typed)
class FsuRequirement:
    """One of the national requirements for a professional committee (FSU)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=typed)
class AgreementSubject:
    """A subject the cooperation agreement must cover (helse- og omsorgstjenesteloven § 6-2)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    since: dt.date | None = attrs.field(default=None, validator=plain_date)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Principle:
    """A principle of the helsefellesskap arrangement."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=typed)
class NationalFrame:
    """Everything national a partnership's documents can refer to by id."""

    agreement_signed: dt.date = attrs.field(validator=plain_date)
    partnership_count: int = attrs.field(validator=check_count)
    plans: tuple[NationalPlan, ...]
    fsu_requirements: tuple[FsuRequirement, ...]
    agreement_subjects: tuple[AgreementSubject, ...]
    principles: tuple[Principle, ...] = ()
    sources: tuple[str, ...] = ()

    def plan(self, plan_id: str) -> NationalPlan | None:
        """The national plan with ``plan_id``, if any."""
        return next((p for p in self.plans if p.id == plan_id), None)

    def plan_for_year(self, year: int) -> NationalPlan | None:
        """The national plan in force in ``year``, if any."""
        return next((p for p in self.plans if p.period.contains_year(year)), None)

    def ids(self) -> dict[str, NationalItem]:
        """Every item of the frame by id: plans, goals, groups, requirements, subjects."""
        found: dict[str, NationalItem] = {}
        for plan in self.plans:
            found[plan.id] = plan
            for goal in plan.goals:
                found[goal.id] = goal
            for group in plan.priority_groups:
                found.setdefault(group.id, group)
        for requirement in self.fsu_requirements:
            found[requirement.id] = requirement
        for subject in self.agreement_subjects:
            found[subject.id] = subject
        for principle in self.principles:
            found[principle.id] = principle
        return found


NationalItem = (
    NationalPlan | NationalGoal | PriorityGroup | FsuRequirement | AgreementSubject | Principle
)
"""Anything in the national frame that has an id."""
