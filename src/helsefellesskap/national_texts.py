"""The national frame worded in a language: its own translations, then a partnership's.

``data/national.toml`` words every item in bokmål (the official texts) and carries the
project's nynorsk and English translations per item (``translations.nn.text = "…"``). A
partnership can word an item its own way per language (``[national_texts.nn]`` in
``partnership.toml``, by the item's id). :func:`localized_frame` gives the frame with
every text in one language, which is what the renderers are handed, so every outline
builder reads the chosen wording without asking for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import attrs

from .model import NationalFrame
from .model.national import TRANSLATABLE

__all__ = ["NationalTexts", "localized_frame", "national_text"]

NationalTexts = Mapping[str, Mapping[str, str]]
"""A partnership's own wordings: language → national item id → text."""

_T = TypeVar("_T")

# the field an override by id replaces: a goal's text, a group's or a plan's name
_MAIN_FIELDS = ("text", "name")


def _localize(item: _T, language: str, overrides: Mapping[str, str]) -> _T:
    own = getattr(item, "translations", {}).get(language, {})
    changes = {name: own[name] for name in TRANSLATABLE if name in own}
    item_id = getattr(item, "id", None)
    if isinstance(item_id, str) and item_id in overrides:
        main = next(n for n in _MAIN_FIELDS if hasattr(item, n))
        changes[main] = overrides[item_id]
    return attrs.evolve(item, **changes) if changes else item  # type: ignore[misc]


def localized_frame(
    frame: NationalFrame, language: str, overrides: NationalTexts | None = None
) -> NationalFrame:
    """``frame`` with every text in ``language``: the partnership's wording
    (``overrides[language][item_id]``) where it has one, else the frame's translation,
    else the bokmål text (the frame is complete in bokmål only)."""
    own = (overrides or {}).get(language, {})
    if language == "nb" and not own:
        return frame
    if not own:  # the frame's own translation: worded once per frame and language
        key = (id(frame), language)
        known = _worded.get(key)
        if known is not None and known[0] is frame:
            return known[1]
        local = _localized_frame(frame, language, own)
        if len(_worded) >= _WORDED_SIZE:
            _worded.clear()
        _worded[key] = (frame, local)
        return local
    return _localized_frame(frame, language, own)


_WORDED_SIZE = 16
_worded: dict[tuple[int, str], tuple[NationalFrame, NationalFrame]] = {}
"""Frames worded in a language without a partnership's own wordings, by the frame's
identity (kept alive here, so the identity stays its own) and language: the frame is
immutable and its translations are the package's, not a user's data, so a validation
or rendering run asks for the shipped frame in English or nynorsk at no cost."""


def _localized_frame(frame: NationalFrame, language: str, own: Mapping[str, str]) -> NationalFrame:
    def each(items: tuple[_T, ...]) -> tuple[_T, ...]:
        return tuple(_localize(i, language, own) for i in items)

    plans = tuple(
        attrs.evolve(
            _localize(plan, language, own),
            goals=each(plan.goals),
            priority_groups=each(plan.priority_groups),
        )
        for plan in frame.plans
    )
    return attrs.evolve(
        frame,
        plans=plans,
        fsu_requirements=each(frame.fsu_requirements),
        agreement_subjects=each(frame.agreement_subjects),
        principles=each(frame.principles),
    )


def national_text(
    item_id: str,
    frame: NationalFrame,
    language: str = "nb",
    plan_id: str | None = None,
    overrides: NationalTexts | None = None,
) -> str:
    """What the national frame says for ``item_id`` in ``language``: a goal's,
    requirement's, agreement subject's or principle's text, a priority group's or
    national plan's name. A priority group is worded as national plan ``plan_id``
    words it, where that plan has it. An unknown id comes back verbatim."""
    local = localized_frame(frame, language, overrides)
    chosen = local.plan(plan_id) if plan_id is not None else None
    if chosen is not None:
        group = next((g for g in chosen.priority_groups if g.id == item_id), None)
        if group is not None:
            return group.name
    found = local.ids().get(item_id)
    return str(getattr(found, "text", None) or getattr(found, "name", None) or item_id)
