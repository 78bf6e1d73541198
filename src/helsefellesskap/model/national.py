"""The national frame that plans refer to: national plans, priority groups and rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..messages import message
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
                message("model.no_language", language=repr(language)),
                field=f"{attribute.name}.{language}",
                hint=message(
                    "model.translations_are_in", languages=", ".join(_TRANSLATION_LANGUAGES)
                ),
            )
        for name in texts:
            if name not in TRANSLATABLE or name not in fields:
                words = ", ".join(
                    message("data.key_name", key=n) for n in TRANSLATABLE if n in fields
                )
                raise InvalidValue(
                    message("model.no_translation_here", name=repr(name)),
                    field=f"{attribute.name}.{language}.{name}",
                    hint=message("model.write_one_of", listing=words),
                )


def check_national_texts(
    _instance: Any, attribute: attrs.Attribute[Any], value: dict[str, dict[str, str]]
) -> None:
    """A partnership's own wordings (``[national_texts.<language>]``) are in a known
    language and name items of the national frame (with a did-you-mean)."""
    if not value:  # no wordings of its own (most partnerships): nothing to look up
        return
    from ..national import national_ids  # the ids only: the frame is not built

    known = national_ids()
    for language, texts in value.items():
        if language not in _TRANSLATION_LANGUAGES:
            raise InvalidValue(
                message("model.no_language", language=repr(language)),
                field=f"{attribute.name}.{language}",
                hint=message("model.national_texts_languages"),
            )
        for item_id, text in texts.items():
            field = f"{attribute.name}.{language}.{item_id}"
            if item_id not in known:
                import difflib  # a did-you-mean: only for a wrong value

                close = difflib.get_close_matches(item_id, list(known), n=1)
                hint = message("model.did_you_mean", word=repr(close[0])) if close else ""
                raise InvalidValue(
                    message("model.not_in_national_frame", id=repr(item_id)),
                    field=field,
                    hint=message("model.not_in_national_frame_hint", hint=hint),
                )
            if not text.strip():
                raise InvalidValue(
                    message("model.wording_empty"), field=field, hint=message("model.write_text")
                )


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
