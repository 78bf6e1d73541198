"""The JSON shape of a diff between two revisions: what ``diff --format json`` prints."""

from __future__ import annotations

from typing import Any

from ..followup.revisions import JSON_FORMAT, JSON_VERSION, BundleDiff, DocumentDiff
from ..model import Bundle, Document, Partnership

__all__ = ["diff_json"]


def _document_ref(bundle: Bundle, document_id: str) -> dict[str, str | None]:
    found = bundle.document(document_id)
    return {"kind": found.KIND if found else None, "id": document_id}


def diff_json(
    result: BundleDiff | DocumentDiff,
    old: Bundle | Document | Partnership,
    new: Bundle | Document | Partnership,
    names: tuple[str, str],
) -> dict[str, Any]:
    """The differences between ``old`` and ``new`` (named ``names`` in the output) as
    JSON data (``diff.schema.json``, ``docs/follow-up.md``)."""
    if isinstance(result, DocumentDiff):
        parts, added, removed = [result], [], []
    else:
        assert isinstance(old, Bundle) and isinstance(new, Bundle)
        parts = [result.partnership, *result.documents]
        added = [_document_ref(new, d) for d in result.added]
        removed = [_document_ref(old, d) for d in result.removed]
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "old": names[0],
        "new": names[1],
        "changed": not result.is_empty,
        "documents": [part.to_json() for part in parts],
        "added_documents": added,
        "removed_documents": removed,
    }
