"""Values as the data writes them: the TOML form of a model value, and its JSON and text forms.

A report shows a deadline as ``2024`` or ``"2024-2025"``, a status as ``"done"`` and a date
as ``2024-06-30``, the way the TOML file writes them, so that a reader can find and edit it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

__all__ = ["json_value", "key_text", "toml_text", "toml_value"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_value(value: Any) -> Any:
    """The plain data a model value is written as in TOML (``None`` stays ``None``).

    Enums become their kebab-case value, tuples lists, deadlines their compact form,
    records tables without their defaults; dates stay :class:`datetime.date`.
    """
    if value is None:
        return None
    from ..io import toml_converter

    return toml_converter.unstructure(value)


def json_value(value: Any) -> Any:
    """A TOML-form value made fit for JSON: dates (and times) as ISO 8601 text."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    return value


def key_text(key: str) -> str:
    """A TOML key: bare where it can be, quoted otherwise."""
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def toml_text(value: Any) -> str:
    """A TOML-form value as one line of TOML: ``"text"``, ``2024``, ``["a", "b"]``,
    ``{ text = "…", means = 2024-12-31 }``; ``None`` (no value) as ``(none)``."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{key_text(str(k))} = {toml_text(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_text(item) for item in value) + "]"
    return str(value)
