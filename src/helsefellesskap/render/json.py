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
                    message=f"this is not the JSON of a {ENVELOPE_FORMAT} envelope",
                    hint="render the document with -f json, or read plain JSON with loads_json",
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
        text = jsonlib.dumps(envelope(item, context), ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
