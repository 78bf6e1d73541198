"""``helsefellesskap diff OLD NEW``: what changed between two revisions.

OLD and NEW are two document files, two ``partnership.toml`` files, two partnership
folders (every document with the same id is compared, and ``partnership.toml``), or
installed ``partnership[/document]`` ids. Exit status as for ``diff``: 0 when nothing
changed, 1 when something did, 2 for bad data or usage.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.revisions import (
    JSON_FORMAT,
    JSON_VERSION,
    BundleDiff,
    Change,
    ChangeKind,
    DocumentDiff,
    diff,
    diff_bundles,
)
from ..followup.values import toml_text
from ..io import PARTNERSHIP_FILE, load_document, load_partnership
from ..model import Bundle, Document, Partnership
from ..targets import resolve_target

__all__ = ["DIFF", "format_change", "format_diff"]

Loaded = Bundle | Document | Partnership


def _load(text: str, context: CommandContext) -> Loaded:
    """A file as it is; anything else (a folder, an installed id) as a target."""
    path = Path(text)
    if path.is_file():
        if path.name == PARTNERSHIP_FILE:
            return load_partnership(path)
        return load_document(path, types=context.manager.document_types())
    target = resolve_target(text, context.manager)
    return target.document if target.document is not None else target.bundle


def _what(item: Loaded) -> str:
    if isinstance(item, Bundle):
        return f"the partnership folder of {item.partnership.id!r}"
    if isinstance(item, Partnership):
        return f"partnership {item.id!r}"
    return f"{item.KIND} {item.id!r}"


def compare(old: Loaded, new: Loaded) -> BundleDiff | DocumentDiff:
    """Compare what the two arguments name; a folder with a file is a usage error."""
    if isinstance(old, Bundle) and isinstance(new, Bundle):
        return diff_bundles(old, new)
    if isinstance(old, Bundle) or isinstance(new, Bundle):
        raise UsageError(
            f"cannot compare {_what(old)} with {_what(new)}: give two folders or two files"
        )
    return diff(old, new)


def format_change(change: Change) -> str:
    """One change as a line for people."""
    what = f'{change.item_type} "{change.item}"' if change.item else change.item_type
    if change.kind is ChangeKind.ADDED:
        return f"added    {change.path}: {what}"
    if change.kind is ChangeKind.REMOVED:
        return f"removed  {change.path}: {what}"
    if change.kind is ChangeKind.MOVED:
        source = f'from "{change.old}" ' if change.old else "from the top "
        target = f'to "{change.new}"' if change.new else "to the top"
        return f"moved    {change.path}: {what} {source}{target} (was {change.old_path})"
    return f"changed  {change.path}: {what}: {toml_text(change.old)} -> {toml_text(change.new)}"


def _summary(changes: Iterable[Change], added: int = 0, removed: int = 0) -> str:
    counts = Counter(change.kind for change in changes)
    total = sum(counts.values())
    if not total and not added and not removed:
        return "no changes"
    parts = [f"{counts[kind]} {kind.value}" for kind in ChangeKind if counts[kind]]
    if added:
        parts.append(f"{added} document{'s' if added != 1 else ''} added")
    if removed:
        parts.append(f"{removed} document{'s' if removed != 1 else ''} removed")
    return f"{total} change{'s' if total != 1 else ''}: " + ", ".join(parts)


def _document_lines(result: DocumentDiff) -> list[str]:
    name = (
        result.new_id if result.old_id == result.new_id else f"{result.old_id} -> {result.new_id}"
    )
    return [f"{result.kind} {name}", *(f"  {format_change(c)}" for c in result.changes)]


def format_diff(result: BundleDiff | DocumentDiff, old: Loaded, new: Loaded) -> str:
    """The differences as text for people: per document its changes, then the counts."""
    lines: list[str] = []
    if isinstance(result, DocumentDiff):
        if result.changes:
            lines.extend(_document_lines(result))
        lines.append(_summary(result.changes))
        return "\n".join(lines)
    assert isinstance(old, Bundle) and isinstance(new, Bundle)
    changes: list[Change] = []
    for part in (result.partnership, *result.documents):
        if part.changes:
            lines.extend(_document_lines(part))
            changes.extend(part.changes)
    for document_id in result.added:
        found = new.document(document_id)
        lines.append(f"added document   {found.KIND if found else ''} {document_id}".rstrip())
    for document_id in result.removed:
        found = old.document(document_id)
        lines.append(f"removed document {found.KIND if found else ''} {document_id}".rstrip())
    lines.append(_summary(changes, len(result.added), len(result.removed)))
    return "\n".join(lines)


def diff_json(
    result: BundleDiff | DocumentDiff, old: Loaded, new: Loaded, names: tuple[str, str]
) -> dict[str, Any]:
    """The differences as JSON data (``docs/follow-up.md``)."""
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


def _document_ref(bundle: Bundle, document_id: str) -> dict[str, str | None]:
    found = bundle.document(document_id)
    return {"kind": found.KIND if found else None, "id": document_id}


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old",
        metavar="OLD",
        help="the old revision: a document file, a partnership folder, or partnership[/document]",
    )
    parser.add_argument("new", metavar="NEW", help="the new revision, of the same kind as OLD")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json for tools",
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    old = _load(args.old, context)
    new = _load(args.new, context)
    result = compare(old, new)
    if args.format == "json":
        data = diff_json(result, old, new, (args.old, args.new))
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = format_diff(result, old, new)
    print(text, file=context.stdout)
    return 0 if result.is_empty else 1


DIFF = Command(
    name="diff",
    help="show what changed between two revisions (exit 1 when something changed)",
    add_arguments=_add_arguments,
    run=_run,
)
