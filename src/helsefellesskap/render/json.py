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
import re
from typing import Any

from ..errors import DataError, Problem
from ..io.converter import json_converter
from ..io.documents import (
    ENVELOPE_FORMAT,
    ENVELOPE_VERSION,
    is_envelope,
    json_data,
    open_envelope,
    unstructure,
)
from ..messages import message
from ..model import Partnership
from .format import CORE_RENDERABLES, Renderable, RenderContext, RenderFormat

__all__ = ["ENVELOPE_FORMAT", "ENVELOPE_VERSION", "JsonFormat", "envelope", "unwrap"]


def envelope(item: Renderable, context: RenderContext, *, checked: bool = True) -> dict[str, Any]:
    """The envelope of ``item`` as plain data; with ``checked``, a
    :class:`~helsefellesskap.errors.DataError` for text that could not be loaded again
    (:func:`~helsefellesskap.io.json_data`)."""
    partnership = context.partnership
    return {
        "format": ENVELOPE_FORMAT,
        "version": ENVELOPE_VERSION,
        "kind": "governance" if isinstance(item, Partnership) else item.KIND,
        "partnership": {"id": partnership.id, "name": partnership.name},
        "language": context.language,
        "document": json_data(item) if checked else unstructure(item, converter=json_converter),
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
        """Render ``item`` as indented UTF-8 JSON ending in a newline; a
        :class:`~helsefellesskap.errors.DataError` naming the path of text that could
        not be loaded again (a control character)."""
        data = envelope(item, context, checked=False)
        text = indented_json(data) + "\n"
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: a control character's error first
            json_data(item)
            raise
        if _suspect(text, encoded):
            json_data(item)  # raises with the path where a text holds such a character
        return encoded


_C1 = re.compile(b"\xc2[\x80-\x9f]")
"""The C1 control characters (U+0080 to U+009F) in UTF-8: nothing else has these bytes."""


def _suspect(text: str, encoded: bytes) -> bool:
    """Whether the JSON ``text`` (``encoded`` its UTF-8) may hold a character of
    :data:`~helsefellesskap.io.values.CONTROL_CHARACTERS`, which no document can hold:
    one as it is (DEL, C1, U+FFFE, U+FFFF), or one escaped (``\\u0001``, ``\\b``,
    ``\\f``). Each is looked for with a search that runs in C at the speed of
    ``memchr`` or a literal prefix (a class of characters in a regular expression is
    several times slower): the C1 characters in the UTF-8, where they begin with the byte
    C2; a backslash before anything else (``\\n``, ``\\"``, an escaped backslash) is
    passed over (a JSON document has few). Where it says yes,
    :func:`~helsefellesskap.io.json_data` checks each string."""
    if "\x7f" in text or "\ufffe" in text or "\uffff" in text:
        return True
    if _C1.search(encoded) is not None:
        return True
    find = text.find
    at = find("\\")
    while at >= 0:
        escaped = text[at + 1 : at + 5]
        if escaped[:1] in ("b", "f") or escaped in ("u000", "u001"):
            return True
        at = find("\\", at + 2)
    return False


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

_INDENTS = tuple("\n" + "  " * level for level in range(64))
"""The line break and indentation before an item at each depth (deeper ones are made)."""


def _indent(level: int) -> str:
    return _INDENTS[level] if level < len(_INDENTS) else "\n" + "  " * level


def _level(level: int) -> tuple[str, str, str, str, str]:
    """What a container at depth ``level`` is written with: the line break before its
    closing bracket, before its items and between them, and the same one level deeper
    (for a list of text inside a dict)."""
    inner = _indent(level + 1)
    deeper = _indent(level + 2)
    return _indent(level), inner, "," + inner, deeper, "," + deeper


_LEVELS = tuple(_level(level) for level in range(32))


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


def _scalar(value: Any) -> str | None:
    """The text of a value that is no list or dict; ``None`` for a list or a dict."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple, dict)):
        return None
    raise _Unusual


def _encode(value: Any, level: int, out: list[str]) -> None:
    """Append the text of ``value`` at depth ``level``. The items of a list or a dict
    that are text (most of a document) are written in its own loop, without a call; a
    list of text only (points, actors) in one join, in a dict without a call too. A list
    that begins with a dict is not tried as text: the ``TypeError`` of the join cost
    more than a sixth of the time."""
    outer, inner, after, deeper, between = _LEVELS[level] if level < len(_LEVELS) else _level(level)
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        before = "{" + inner
        for key, item in value.items():
            name = _string(key if type(key) is str else _key(key))
            kind = type(item)
            if kind is str:
                out.append(f"{before}{name}: {_string(item)}")
            elif kind is list and item:
                if type(item[0]) is dict:  # measures, goals: no join tried (a raise is slow)
                    out.append(f"{before}{name}: ")
                    _encode(item, level + 1, out)
                else:
                    try:  # text only: one join (encode_basestring refuses anything else)
                        joined = between.join(map(_string, item))
                    except TypeError:
                        out.append(f"{before}{name}: ")
                        _encode(item, level + 1, out)
                    else:
                        out.append(f"{before}{name}: [{deeper}{joined}{inner}]")
            elif kind is int:  # a year
                out.append(f"{before}{name}: {int.__repr__(item)}")
            elif kind is dict and item:
                out.append(f"{before}{name}: ")
                _encode(item, level + 1, out)
            else:
                text = _scalar(item)
                if text is None:
                    out.append(f"{before}{name}: ")
                    _encode(item, level + 1, out)
                else:
                    out.append(f"{before}{name}: {text}")
            before = after
        out.append(outer + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        if type(value[0]) is not dict:
            try:  # a list of text only: one join (encode_basestring refuses anything else)
                out.append("[" + inner + after.join(map(_string, value)) + outer + "]")
                return
            except TypeError:
                pass
        before = "[" + inner
        for item in value:
            kind = type(item)
            if kind is str:
                out.append(before + _string(item))
            elif (kind is dict or kind is list) and item:
                out.append(before)
                _encode(item, level + 1, out)
            else:
                text = _scalar(item)
                if text is None:
                    out.append(before)
                    _encode(item, level + 1, out)
                else:
                    out.append(before + text)
            before = after
        out.append(outer + "]")
    else:
        text = _scalar(value)
        if text is None:  # pragma: no cover - lists and dicts are handled above
            raise _Unusual
        out.append(text)
