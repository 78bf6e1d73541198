"""Shared building blocks of the model: the class decorator, id rules and validators."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, TypeVar

import attrs

from ..errors import HelsefellesskapError
from ..messages import current_language, message

__all__ = [
    "FIRST_YEAR",
    "ID_PATTERN",
    "LAST_YEAR",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_TITLE_LENGTH",
    "InvalidValue",
    "check_count",
    "check_id",
    "check_id_list",
    "check_year",
    "grouped",
    "non_empty",
    "non_negative",
    "one_line",
    "plain_date",
    "preview",
    "short_title",
    "slugify",
]

T = TypeVar("T")

#: An id is lower-case ASCII letters and digits, in words joined by single hyphens,
#: dots or underscores: ``unn``, ``fsu-rest``, ``nhsp-2020.goal-1``.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


class InvalidValue(HelsefellesskapError, ValueError):
    """A model value is not acceptable; ``field`` names the attribute, ``hint`` the fix."""

    def __init__(self, message: str, *, field: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.hint = hint


FIRST_YEAR = 1900
"""The earliest year a plan, deadline or period may name."""

LAST_YEAR = 2200
"""The latest year a plan, deadline or period may name."""

MAX_TITLE_LENGTH = 255
"""The longest title or name (characters): Word refuses longer document properties and
style names, and no heading that long reads as one."""

MAX_COUNT = 1_000_000
"""The largest count of people, meetings or bodies a document may give."""

MAX_AMOUNT = 10**12
"""The largest amount (in kroner) a document may give."""

PREVIEW_LENGTH = 80
"""How many characters of a value a message shows."""


def preview(text: str, limit: int = PREVIEW_LENGTH) -> str:
    """``text`` quoted for a message, cut after ``limit`` characters with its length noted.

    A message never echoes a whole 10 MB value: ``'Felles oppl…' (10,000,000 characters)``.
    """
    if len(text) <= limit:
        return repr(text)
    return message("model.preview_cut", start=repr(text[:limit]), length=grouped(len(text)))


def grouped(number: int) -> str:
    """``number`` with its thousands grouped for a message in the current language:
    ``100,000`` in English, ``100 000`` (with no-break spaces) in Norwegian."""
    text = f"{number:,}"
    return text if current_language() == "en" else text.replace(",", "\u00a0")


def slugify(text: str) -> str:
    """Turn free text into a valid id: ``"FSU REST"`` becomes ``"fsu-rest"``."""
    folded = text.replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
    folded = folded.replace("å", "a").replace("Å", "a")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "id"


def _bad_id(value: str, field: str) -> InvalidValue:
    return InvalidValue(
        message("model.bad_id", value=preview(value)),
        field=field,
        hint=message("model.bad_id_hint", id=slugify(value[:80])),
    )


def check_id(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: the value is a well-formed id (or ``None``)."""
    if value is not None and not ID_PATTERN.match(value):
        raise _bad_id(value, attribute.name)


def check_id_list(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """attrs validator: every element is a well-formed id."""
    for index, item in enumerate(value):
        if not ID_PATTERN.match(item):
            raise _bad_id(item, f"{attribute.name}[{index}]")


def plain_date(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a date without a time of day (a datetime is refused)."""
    if isinstance(value, dt.datetime):
        raise InvalidValue(
            message("model.date_with_time", value=value.isoformat()),
            field=attribute.name,
            hint=message("model.give_date_alone", date=value.date().isoformat()),
        )


def non_negative(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """attrs validator: an amount that cannot be below zero nor above :data:`MAX_AMOUNT`."""
    if value is not None and value < 0:
        raise InvalidValue(
            message("model.below_zero", value=value),
            field=attribute.name,
            hint=message("model.below_zero_hint"),
        )
    if value is not None and value > MAX_AMOUNT:
        raise InvalidValue(
            message("model.amount_too_large", value=value),
            field=attribute.name,
            hint=message("model.write_at_most", limit=f"{MAX_AMOUNT:_}"),
        )


def check_count(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """attrs validator: a count of people, meetings or items, from 0 to :data:`MAX_COUNT`."""
    if value is not None and not 0 <= value <= MAX_COUNT:
        raise InvalidValue(
            message("model.count_out_of_range", value=value),
            field=attribute.name,
            hint=message("model.write_count", limit=f"{MAX_COUNT:_}"),
        )


def check_year(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """attrs validator: a year from :data:`FIRST_YEAR` to :data:`LAST_YEAR` (or ``None``)."""
    if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidValue(
            message("model.year_out_of_range", value=value),
            field=attribute.name,
            hint=message("model.write_year", first=FIRST_YEAR, last=LAST_YEAR),
        )


def short_title(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: a title-like text of at most :data:`MAX_TITLE_LENGTH` characters."""
    if value is not None and len(value) > MAX_TITLE_LENGTH:
        raise InvalidValue(
            message("model.title_too_long", length=grouped(len(value)), start=preview(value, 40)),
            field=attribute.name,
            hint=message("model.title_too_long_hint", limit=MAX_TITLE_LENGTH),
        )


_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def one_line(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: a title or name that says something, on a single line, of at most
    :data:`MAX_TITLE_LENGTH` characters."""
    non_empty(_instance, attribute, value)
    short_title(_instance, attribute, value)
    if value is not None and any(char in _LINE_BREAKS for char in value):
        raise InvalidValue(
            message("model.title_line_break"),
            field=attribute.name,
            hint=message("model.title_line_break_hint"),
        )


def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: a text that must say something."""
    if value is not None and not value.strip():
        raise InvalidValue(
            message("model.text_empty"),
            field=attribute.name,
            hint=message("model.text_empty_hint"),
        )
