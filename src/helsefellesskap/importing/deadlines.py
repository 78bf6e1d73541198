"""Deadline texts as Word plans write them, read into :class:`~helsefellesskap.model.Deadline`.

``2024`` is a year, ``2024-2025`` (or with an en dash) a span, ``30.06.2025`` or
``2025-06-30`` a date; anything else that names a time is kept as a phrase with the date it
is taken to mean: ``Innen utgangen av 2024`` → 2024-12-31, ``Våren 2025`` → 2025-06-30,
``Høsten``/``Hausten 2025`` → 2025-12-31, ``Innen sommeren 2025`` → 2025-06-30,
``1. kvartal 2025`` → 2025-03-31, ``mars 2025`` or ``innan utgangen av mars 2025`` →
2025-03-31. A phrase is a guess, and says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from ..messages import message
from ..model import Deadline

__all__ = ["MONTHS", "DeadlineReading", "read_deadline"]

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
"""Month names in bokmål and nynorsk (they are spelt alike) and their short forms."""

_SEASONS: dict[str, tuple[int, int]] = {
    "vår": (6, 30), "våren": (6, 30), "vårparten": (6, 30),
    "sommer": (8, 31), "sommeren": (8, 31), "sommar": (8, 31), "sommaren": (8, 31),
    "høst": (12, 31), "høsten": (12, 31), "haust": (12, 31), "hausten": (12, 31),
    "vinter": (3, 31), "vinteren": (3, 31),
}  # fmt: skip

_YEAR = r"(20\d\d|19\d\d)"
_DASHES = "-\u2013\u2014"


@attrs.frozen
class DeadlineReading:
    """What a deadline text was read as: the deadline (``None`` when nothing fits) and,
    for a phrase, why its date is a guess."""

    deadline: Deadline | None
    guess: str | None = None


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _phrase(text: str, means: dt.date, why: str) -> DeadlineReading:
    guess = message("importing.read_as", text=repr(text), means=means, why=why)
    return DeadlineReading(Deadline.of_phrase(text, means), guess)


def read_deadline(text: str) -> DeadlineReading:
    """Read one deadline text; an empty text or one naming no time gives ``None``."""
    text = " ".join(text.split())
    if not text:
        return DeadlineReading(None)
    if re.fullmatch(_YEAR, text):
        return DeadlineReading(Deadline.of_year(int(text)))
    span = re.fullmatch(rf"{_YEAR}\s*[{_DASHES}]\s*{_YEAR}", text)
    if span and int(span[1]) <= int(span[2]):
        return DeadlineReading(Deadline.of_span(int(span[1]), int(span[2])))
    day = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if day:
            return DeadlineReading(Deadline.of_date(dt.date(int(day[3]), int(day[2]), int(day[1]))))
        if iso:
            return DeadlineReading(Deadline.of_date(dt.date(int(iso[1]), int(iso[2]), int(iso[3]))))
    except ValueError:
        return DeadlineReading(None)
    return _read_phrase(text)


def _read_phrase(text: str) -> DeadlineReading:
    lower = text.lower()
    years = re.findall(_YEAR, lower)
    if not years:
        return DeadlineReading(None)
    year = int(years[-1])
    quarter = re.search(rf"([1-4])\.\s*kvartal\s+{_YEAR}", lower)
    if quarter:
        month = int(quarter[1]) * 3
        return _phrase(
            text, _end_of_month(int(quarter[2]), month), message("importing.why.quarter")
        )
    half = re.search(rf"([12])\.\s*halvår\s+{_YEAR}", lower)
    if half:
        month = int(half[1]) * 6
        return _phrase(text, _end_of_month(int(half[2]), month), message("importing.why.half_year"))
    for word in re.findall(r"[a-zæøå]+", lower):
        if word in MONTHS and re.search(rf"\b{word}\b\.?\s+{_YEAR}", lower):
            return _phrase(text, _end_of_month(year, MONTHS[word]), message("importing.why.month"))
    before = re.search(rf"\b(?:innen|innan|før)\s+(somm[ae]r(?:en)?)\s+{_YEAR}", lower)
    if before:
        return _phrase(text, dt.date(int(before[2]), 6, 30), message("importing.why.summer"))
    for word in re.findall(r"[a-zæøå]+", lower):
        if word in _SEASONS:
            month, last = _SEASONS[word]
            start_of_next = word.startswith("vint")
            means = dt.date(year + 1 if start_of_next else year, month, last)
            why = message("importing.why.season", word=word, day=f"{means:%d.%m}")
            return _phrase(text, means, why)
    if len(years) == 2 and int(years[0]) <= int(years[1]):
        return _phrase(text, dt.date(year, 12, 31), message("importing.why.later_year"))
    return _phrase(text, dt.date(year, 12, 31), message("importing.why.year"))
