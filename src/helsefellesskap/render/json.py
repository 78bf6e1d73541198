"""The JSON format (``json``): the document as data, in a documented, versioned envelope.

The envelope is::

    {
      "format": "helsefellesskap.document",
      "version": 1,
      "kind": "action-plan",
      "partnership": {"id": "eksempel", "name": "Helsefellesskap Eksempel"},
      "language": "nb",
      "document": { … exactly what helsefellesskap.io.dumps_json writes … }
    }

``document`` reads back with :func:`helsefellesskap.io.loads_json`. The governance
overview has ``"kind": "governance"`` and the whole partnership as ``document`` (read it
back with ``loads_json(text, Partnership)``). A change that breaks readers raises
``version``.
"""

from __future__ import annotations

import json as jsonlib
from typing import Any

from ..errors import DataError, Problem
from ..io.documents import (
    ENVELOPE_FORMAT,
    ENVELOPE_VERSION,
    is_envelope,
    json_data,
    open_envelope,
)
from ..messages import message
from ..model import Partnership
from .format import CORE_RENDERABLES, Renderable, RenderContext, RenderFormat

__all__ = ["ENVELOPE_FORMAT", "ENVELOPE_VERSION", "JsonFormat", "envelope", "unwrap"]


def envelope(item: Renderable, context: RenderContext) -> dict[str, Any]:
    """The envelope of ``item`` as plain data."""
    partnership = context.partnership
    return {
        "format": ENVELOPE_FORMAT,
        "version": ENVELOPE_VERSION,
        "kind": "governance" if isinstance(item, Partnership) else item.KIND,
        "partnership": {"id": partnership.id, "name": partnership.name},
        "language": context.language,
        "document": json_data(item),
    }


def unwrap(text: str | bytes) -> str:
    """The ``document`` of an envelope as JSON text, for
    :func:`helsefellesskap.io.loads_json` (which also opens an envelope itself); a
    :class:`~helsefellesskap.errors.DataError` if ``text`` is no envelope of a version
    this library reads."""
    try:
        data = jsonlib.loads(text)
    except (ValueError, RecursionError):
        data = None
    if not is_envelope(data):
        raise DataError(
            [
                Problem(
                    message=message("render.not_an_envelope", envelope=ENVELOPE_FORMAT),
                    hint=message("render.not_an_envelope_hint"),
                )
            ]
        )
    return jsonlib.dumps(open_envelope(data), ensure_ascii=False)


class JsonFormat(RenderFormat):
    """Every document type and the partnership as JSON data in a versioned envelope."""

    name = "json"
    extension = ".json"
    media_type = "application/json"
    description = "the document as data (versioned envelope)"
    binary = False
    renders = CORE_RENDERABLES

    def can_render(self, item: Renderable, partnership: str | None = None) -> bool:
        """Any document type (plugins' included) and the partnership, of any partnership."""
        return True

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` as indented UTF-8 JSON ending in a newline."""
        return (indented_json(envelope(item, context)) + "\n").encode("utf-8")


def indented_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text, written without
    the standard library's generator-based encoder (which ``indent`` falls back to,
    where its compact form is in C): the lists and dicts of plain values that
    unstructured documents are. Anything else goes to ``json.dumps`` as it is."""
    out: list[str] = []
    try:
        _encode(data, 0, out)
    except _Unusual:
        return jsonlib.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    """A value :func:`indented_json` leaves to ``json.dumps``."""


_string = jsonlib.encoder.encode_basestring  # what ensure_ascii=False uses (in C)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise _Unusual


def _encode(value: Any, level: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        out.append("[")
        for index, item in enumerate(value):
            out.append(inner if index == 0 else "," + inner)
            _encode(item, level + 1, out)
        out.append("\n" + "  " * level + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(inner if index == 0 else "," + inner)
            out.append(_string(_key(key)) + ": ")
            _encode(item, level + 1, out)
        out.append("\n" + "  " * level + "}")
    else:
        raise _Unusual
