"""Small words the commands share, in the language of messages: counts with their
plural, statuses, days and readable deadlines."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..messages import message

if TYPE_CHECKING:
    from ..model import Deadline, MeasureStatus

__all__ = ["counted", "day_text", "deadline_text", "not_a_date", "status_word"]


def counted(key: str, count: int, /, **fields: object) -> str:
    """The message ``key.one`` for a count of 1, else ``key.other``, with ``count``."""
    return message(f"{key}.one" if count == 1 else f"{key}.other", count=count, **fields)


def status_word(status: MeasureStatus | str) -> str:
    """A measure's status as a word (``påbegynt``, ``started``)."""
    value = status if isinstance(status, str) else status.value
    return message(f"cli.status_word.{value}")


def day_text(day: dt.date) -> str:
    """A day the way people read it: ``31.12.2025``."""
    return day.strftime("%d.%m.%Y")


def deadline_text(deadline: Deadline) -> str:
    """A deadline as the plan writes it, with the last day it allows where that differs:
    ``2024-2025 (31.12.2025)``, ``Innen utgangen av 2024 (31.12.2024)``, ``30.06.2025``."""
    shown = deadline.display()
    latest = day_text(deadline.latest)
    return shown if shown == latest else f"{shown} ({latest})"


def not_a_date(text: str) -> str:
    """Why ``text`` is not a date, and what to write: its ISO form where it is a date
    written the Norwegian way (``30.06.2026``, ``30. juni 2026``)."""
    from ..io.norwegian_dates import norwegian_date

    iso = norwegian_date(text)
    if iso is not None:
        return message("cli.norwegian_date", text=repr(text), iso=iso)
    return message("cli.not_a_date", text=repr(text))
