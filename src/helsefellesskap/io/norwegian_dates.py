"""Dates written the Norwegian way (``30.06.2026``, ``30. juni 2026``) and their ISO form."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["norwegian_date"]

_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$")
_WORDS = re.compile(r"^\s*(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\s*$", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jan"),
            ("februar", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}


def norwegian_date(text: str) -> str | None:
    """The ISO form (``2026-06-30``) of a date written the Norwegian way: day, month and
    year as ``30.06.2026``, ``30.6.2026``, ``30/06/2026`` or ``30. juni 2026`` (bokmål and
    nynorsk month names, or their short forms). ``None`` for anything else, a day the
    calendar does not have included."""
    if match := _NUMERIC.match(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    elif (match := _WORDS.match(text)) and match[2].lower() in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2].lower()], int(match[3])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
