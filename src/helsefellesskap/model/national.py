"""The national frame that plans refer to: national plans, priority groups and rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ._base import InvalidValue, check_count, check_id, non_empty, one_line, plain_date
from ._typed import typed
from .deadline import Period
from .links import check_url

__all__ = [
    "TRANSLATABLE",
    "AgreementSubject",
    "FsuRequirement",
    "NationalFrame",
    "NationalGoal",
    "NationalItem",
    "NationalPlan",
    "Principle",
    "PriorityGroup",
    "check_national_texts",
    "check_translations",
]


TRANSLATABLE: tuple[str, ...] = ("name", "text", "subtitle", "aim", "goals_intro")
"""The fields of a national item that have a wording per language (``translations``)."""

_TRANSLATION_LANGUAGES = ("nb", "nn", "en")


def check_translations(
    instance: Any, attribute: attrs.Attribute[Any], value: dict[str, dict[str, str]]
) -> None:
    """Each translation is in a known language and words a field the item has."""
    fields = {f.name for f in attrs.fields(type(instance))}
    for language, texts in value.items():
        if language not in _TRANSLATION_LANGUAGES:
            raise InvalidValue(
                f"no language {language!r}",
                field=f"{attribute.name}.{language}",
                hint=f"translations are in {', '.join(_TRANSLATION_LANGUAGES)}",
            )
        for name in texts:
            if name not in TRANSLATABLE or name not in fields:
                words = ", ".join(n for n in TRANSLATABLE if n in fields)
                raise InvalidValue(
                    f"{name!r} has no translation here",
                    field=f"{attribute.name}.{language}.{name}",
                    hint=f"write one of {words}",
                )


def check_national_texts(
    _instance: Any, attribute: attrs.Attribute[Any], value: dict[str, dict[str, str]]
) -> None:
    """A partnership's own wordings (``[national_texts.<language>]``) are in a known
    language and name items of the national frame (with a did-you-mean)."""
    import difflib

    from ..national import national_frame

    known = national_frame().ids()
    for language, texts in value.items():
        if language not in _TRANSLATION_LANGUAGES:
            raise InvalidValue(
                f"no language {language!r}",
                field=f"{attribute.name}.{language}",
                hint="write national_texts.nb, national_texts.nn or national_texts.en",
            )
        for item_id, text in texts.items():
            field = f"{attribute.name}.{language}.{item_id}"
            if item_id not in known:
                close = difflib.get_close_matches(item_id, list(known), n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise InvalidValue(
                    f"{item_id!r} is not in the national frame",
                    field=field,
                    hint=f"{hint}use the id of a national goal, priority group, plan, FSU "
                    "requirement, agreement subject or principle",
                )
            if not text.strip():
                raise InvalidValue("the wording is empty", field=field, hint="write the text")


@attrs.frozen(kw_only=True, field_transformer=typed)
class NationalGoal:
    """A goal of a national plan."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


@attrs.frozen(kw_only=True, field_transformer=typed)
class PriorityGroup:
    """A prioritised patient group; the same id across plans, worded per plan."""

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


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
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


@attrs.frozen(kw_only=True, field_transformer=typed)
class FsuRequirement:
    """One of the national requirements for a professional committee (FSU)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


@attrs.frozen(kw_only=True, field_transformer=typed)
class AgreementSubject:
    """A subject the cooperation agreement must cover (helse- og omsorgstjenesteloven § 6-2)."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    since: dt.date | None = attrs.field(default=None, validator=plain_date)
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Principle:
    """A principle of the helsefellesskap arrangement."""

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=non_empty)
    translations: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_translations
    )


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
