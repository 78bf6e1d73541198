"""Language codes a document or a layout may name.

A document's ``language`` is the language its text is written in; a layout's ``language``
is the language of the labels it is rendered with. Both become ``lang`` attributes in
HTML and language marks in Word, so a screen reader reads the text in the right voice:
an unknown code (``klingon``) is refused when the file is loaded, not printed.

A code is one of :data:`LANGUAGE_CODES` (ISO 639), optionally with a region
(``en-GB``, ``nb-NO``). A partnership that writes in a language not on the list adds its
code to :data:`LANGUAGE_CODES` — a set, extended by a plugin at import time — and
documents it.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..messages import message
from ._base import InvalidValue, preview

__all__ = ["LANGUAGE_CODES", "check_language"]

LANGUAGE_CODES: set[str] = {
    # Norwegian and the languages of Norway
    "nb",  # bokmål
    "nn",  # nynorsk
    "no",  # Norwegian, unspecified
    "se",  # Northern Sami
    "sma",  # Southern Sami
    "smj",  # Lule Sami
    "sms",  # Skolt Sami
    "fkv",  # Kven
    "rom",  # Romani
    # Neighbours and languages plans are translated into
    "en",
    "sv",
    "da",
    "fi",
    "is",
    "de",
    "fr",
    "es",
    "pl",
    "lt",
    "uk",
    "ru",
    "ar",
    "so",
    "ti",
    "fa",
    "ur",
    "tr",
}
"""The language codes accepted (ISO 639-1 where there is one, else 639-3). Extendable:
``LANGUAGE_CODES.add("kl")`` in a plugin's module adds Greenlandic."""

_REGION = re.compile(r"^([a-z]{2,3})(?:-([A-Z]{2}|\d{3}))?$")


def check_language(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """attrs validator: ``value`` is a known language code, optionally with a region."""
    match = _REGION.match(value)
    if match is not None and match.group(1) in LANGUAGE_CODES:
        return
    import difflib  # a did-you-mean: only for a wrong value

    close = difflib.get_close_matches(value.lower()[:20], sorted(LANGUAGE_CODES), n=1)
    hint = message("data.enum_did_you_mean", word=close[0]) if close else ""
    raise InvalidValue(
        message("model.unknown_language", value=preview(value)),
        field=attribute.name,
        hint=message("model.unknown_language_hint", hint=hint),
    )
