"""What a single value read from a file may be: describing it, and the limits it must keep.

A message describes a wrong value in words (``the text 'Felles…'``, ``a list``), never
with Python's own names for it (``datetime.date(…)``, ``'int' object …``), and never
echoes more than the first :data:`~helsefellesskap.model._base.PREVIEW_LENGTH`
characters of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..messages import message
from ..model._base import grouped, preview

__all__ = [
    "CONTROL_CHARACTERS",
    "MAX_NUMBER",
    "MAX_TEXT_LENGTH",
    "ValueProblem",
    "control_character_problem",
    "describe",
    "text_problem",
]

MAX_TEXT_LENGTH = 100_000
"""The longest text a single value may hold (characters): more than a long chapter.

A longer value is a mistake (a pasted file, a runaway generator) that would make every
format slow or unreadable."""

MAX_NUMBER = 10**12
"""The largest whole number (in size) any value may be: above every amount in kroner a
plan could name, far below the 2⁶⁴ that breaks Word and JSON readers."""


class ValueProblem(ValueError):
    """A value of the wrong type or form, with what to write instead.

    ``key`` names the key inside the value the problem is at, where the value is a table
    structured by one hook (the ``means`` of a phrase deadline).
    """

    def __init__(self, message: str, hint: str | None = None, *, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.key = key


def describe(value: Any) -> str:
    """A value in words for a message: ``the integer 3``, ``the text 'x'``, ``a table``."""
    if isinstance(value, bool):
        return message("data.the_boolean", value=str(value).lower())
    if isinstance(value, int):
        if abs(value) < 10**30:
            return message("data.the_integer", value=value)
        return message("data.the_long_integer", digits=len(str(abs(value))))
    if isinstance(value, float):
        return message("data.the_number", value=value)
    if isinstance(value, str):
        return message("data.the_text", text=preview(value))
    if isinstance(value, dt.datetime):
        return message("data.the_date_and_time", value=value.isoformat())
    if isinstance(value, dt.date):
        return message("data.the_date", value=value.isoformat())
    if isinstance(value, dict):
        return message("data.a_table")
    if isinstance(value, (list, tuple)):
        return message("data.a_list")
    if isinstance(value, dt.time):
        return message("data.the_time", value=value.isoformat())
    if value is None:
        return message("data.nothing")
    return message("data.another_kind")


CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Characters that no document format can hold or show: the C0 control characters other
than tab and line breaks (XML refuses them), DEL, and the C1 control characters (which
Word and browsers drop or show as boxes). Word puts U+000B in copied text for a manual
line break."""


def control_character_problem(text: str) -> ValueProblem | None:
    """The problem with ``text`` if it holds a character no document format can hold."""
    match = CONTROL_CHARACTERS.search(text)
    if match is None:
        return None
    code = f"U+{ord(match.group()):04X}"
    if match.group() in "\x0b\x0c":
        return ValueProblem(
            message("data.control_break_from_word", code=code),
            message("data.control_break_hint"),
        )
    if match.group() == "\x85":
        return ValueProblem(
            message("data.control_break_old", code=code),
            message("data.control_break_hint"),
        )
    return ValueProblem(message("data.control_character", code=code), message("data.remove_it"))


def text_problem(text: str) -> ValueProblem | None:
    """The problem with ``text`` as a value: too long, or a character no format holds."""
    if len(text) > MAX_TEXT_LENGTH:
        return ValueProblem(
            message(
                "data.text_too_long",
                length=grouped(len(text)),
                limit=grouped(MAX_TEXT_LENGTH),
                start=preview(text),
            ),
            message("data.text_too_long_hint"),
        )
    return control_character_problem(text)
