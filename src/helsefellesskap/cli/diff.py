"""``helsefellesskap diff OLD NEW`` and ``diff FILE --since REV``: what changed between
two revisions.

OLD and NEW are two document files, two ``partnership.toml`` files, two partnership
folders (every document with the same id is compared, and ``partnership.toml``), or
installed ``partnership[/document]`` ids. With ``--since REV`` the one FILE is compared
with its own revision REV in git (``git show REV:FILE``). Items whose ids changed are
matched by text similarity (``--threshold``); ``notes`` and ``source`` are left out
unless ``--all-fields``. ``--format`` is ``text``, ``json`` or a render format (``md``,
``html``, ``docx`` …): the changelog of two documents as a document. Exit status as for
``diff``: 0 when nothing changed, 1 when something did, 2 for bad data or usage.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.changelog import changelog
from ..followup.revisions import (
    SIMILARITY_THRESHOLD,
    BundleDiff,
    Change,
    ChangeKind,
    DocumentDiff,
    diff,
    diff_bundles,
)
from ..followup.values import toml_text
from ..io import PARTNERSHIP_FILE, load_bundle, load_document, load_partnership, write_atomic
from ..messages import message
from ..model import Bundle, Document, Partnership
from ..shapes.diff import diff_json
from ..targets import resolve_target

__all__ = ["DIFF", "format_change", "format_diff", "git_revision"]

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


def _load_file(path: Path, context: CommandContext) -> Loaded:
    if path.name == PARTNERSHIP_FILE:
        return load_partnership(path)
    return load_document(path, types=context.manager.document_types())


def git_revision(path: Path, revision: str) -> bytes:
    """The bytes of the file ``path`` as it was in git revision ``revision``
    (``git show REV:./FILE`` run in the file's folder).

    :raises UsageError: outside a git repository, for an unknown revision, or a file
        the revision does not have, with git's own words.
    """
    git = shutil.which("git")
    if git is None:
        raise UsageError("--since needs git, which is not installed: compare two files instead")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"{path}: no such folder")
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise UsageError(
            f"{path}: not in a git repository, so there is no revision {revision!r} of it: "
            "compare two files instead (helsefellesskap diff OLD NEW)"
        )
    shown = subprocess.run(
        [git, "show", f"{revision}:./{path.name}"],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[0].removeprefix("fatal: ") if said else "git show failed"
        raise UsageError(f"{path}: no revision {revision!r} of it in git: {reason}")
    return shown.stdout


def _load_revision(path: Path, revision: str, context: CommandContext) -> Loaded:
    """The file ``path`` as it was in git revision ``revision``, loaded."""
    data = git_revision(path, revision)
    with tempfile.TemporaryDirectory(prefix="hf-diff-") as folder:
        copy = Path(folder) / path.name
        copy.write_bytes(data)
        return _load_file(copy, context)


def _what(item: Loaded) -> str:
    if isinstance(item, Bundle):
        return f"the partnership folder of {item.partnership.id!r}"
    if isinstance(item, Partnership):
        return f"partnership {item.id!r}"
    return f"{item.KIND} {item.id!r}"


def compare(
    old: Loaded,
    new: Loaded,
    *,
    all_fields: bool = True,
    threshold: float | None = SIMILARITY_THRESHOLD,
) -> BundleDiff | DocumentDiff:
    """Compare what the two arguments name; a folder with a file is a usage error."""
    if isinstance(old, Bundle) and isinstance(new, Bundle):
        return diff_bundles(old, new, all_fields=all_fields, threshold=threshold)
    if isinstance(old, Bundle) or isinstance(new, Bundle):
        raise UsageError(
            f"cannot compare {_what(old)} with {_what(new)}: give two folders or two files"
        )
    return diff(old, new, all_fields=all_fields, threshold=threshold)


def format_change(change: Change) -> str:
    """One change as a line for people."""
    what = f'{change.item_type} "{change.item}"' if change.item else change.item_type
    if change.kind is ChangeKind.ADDED and change.field is None:
        return f"added    {change.path}: {what}"
    if change.kind is ChangeKind.REMOVED:
        return f"removed  {change.path}: {what}"
    if change.kind is ChangeKind.MOVED:
        source = f'from "{change.old}" ' if change.old else "from the top "
        target = f'to "{change.new}"' if change.new else "to the top"
        return f"moved    {change.path}: {what} {source}{target} (was {change.old_path})"
    if change.kind is ChangeKind.ADDED:  # an update appended to a list of updates
        return f"added    {change.path}: {change.item_type} of {what}: {toml_text(change.new)}"
    similar = f" (matched by text similarity {change.score:.2f})" if change.score else ""
    return (
        f"changed  {change.path}: {what}: {toml_text(change.old)} -> {toml_text(change.new)}"
        f"{similar}"
    )


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


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old",
        metavar="OLD",
        help=message("help.diff.old"),
    )
    parser.add_argument(
        "new",
        metavar="NEW",
        nargs="?",
        help=message("help.diff.new"),
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        help=message("help.diff.since"),
    )
    parser.add_argument(
        "--format",
        default="text",
        metavar="FORMAT",
        help=message("help.diff.format"),
    )
    parser.add_argument(
        "--all-fields",
        action="store_true",
        help=message("help.diff.all_fields"),
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=SIMILARITY_THRESHOLD,
        metavar="SCORE",
        help=message("help.diff.threshold", default=SIMILARITY_THRESHOLD),
    )
    parser.add_argument(
        "-l",
        "--lang",
        default=None,
        metavar="LANG",
        help=message("help.diff.lang"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=message("help.diff.output"),
    )


def _revisions(args: argparse.Namespace, context: CommandContext) -> tuple[Loaded, Loaded, str]:
    """The old and new revision the arguments name, and how to call the old one."""
    if args.since is not None:
        if args.new is not None:
            raise UsageError(
                "--since compares one file with its revision in git: give FILE --since REV, "
                "or two revisions OLD NEW without --since"
            )
        path = Path(args.old)
        if not path.is_file():
            raise UsageError(f"{args.old}: --since takes a document file (not a folder or id)")
        return _load_revision(path, args.since, context), _load_file(path, context), args.since
    if args.new is None:
        raise UsageError("give two revisions (diff OLD NEW), or one file with --since REV")
    return _load(args.old, context), _load(args.new, context), args.old


def _partnership_bundle(path: Path | None, new: Document, context: CommandContext) -> Bundle:
    """The partnership a document's changelog renders with: the folder the file is in,
    else the installed partnership it names."""
    if path is not None:
        for folder in path.resolve().parents:
            if (folder / PARTNERSHIP_FILE).is_file():
                return load_bundle(folder, types=context.manager.document_types())
    if new.partnership and new.partnership in context.manager.partnerships():
        return context.manager.load_partnership(new.partnership)
    raise UsageError(
        f"{new.id}: the changelog is rendered with its partnership's names and labels, "
        "and the file is neither in a partnership folder nor of an installed partnership"
    )


def _render_changelog(
    args: argparse.Namespace, context: CommandContext, old: Loaded, new: Loaded
) -> int:
    from ..render.api import find_format, render

    if not isinstance(old, Document) or not isinstance(new, Document):
        raise UsageError(
            f"--format {args.format} renders the changelog of two documents: give two "
            "document files (or one with --since), or use --format text or json"
        )
    source = Path(args.new if args.new is not None else args.old)
    bundle = _partnership_bundle(source if source.is_file() else None, new, context)
    fmt = find_format(args.format, context.manager, bundle.partnership.id)
    if fmt.binary and args.output is None:
        raise UsageError(f"the format {fmt.name!r} is binary: write it to a file with -o FILE")
    threshold = args.threshold if args.threshold < 1 else None
    log = changelog(old, new, all_fields=args.all_fields, threshold=threshold)
    data = render(log, fmt.name, bundle=bundle, lang=args.lang, manager=context.manager)
    if args.output is None or args.output == "-":
        context.stdout.write(data.decode("utf-8"))
    else:
        output = Path(args.output)
        if output.is_dir() or args.output.endswith(("/", os.sep)):
            output = output / f"{log.id}{fmt.extension}"
        write_atomic(output, data)
        print(f"wrote {output}", file=context.stdout)
    return 0 if log.changes.is_empty else 1


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    if not 0 <= args.threshold <= 1:
        raise UsageError(f"--threshold {args.threshold}: give a score from 0 to 1")
    old, new, old_name = _revisions(args, context)
    if args.format not in ("text", "json"):
        return _render_changelog(args, context, old, new)
    threshold = args.threshold if args.threshold < 1 else None
    result = compare(old, new, all_fields=args.all_fields, threshold=threshold)
    if args.format == "json":
        new_name = args.new if args.new is not None else args.old
        data = diff_json(result, old, new, (old_name, new_name))
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = format_diff(result, old, new)
    print(text, file=context.stdout)
    return 0 if result.is_empty else 1


DIFF = Command(
    name="diff",
    help="show what changed between two revisions, or since a git revision (exit 1 when "
    "something changed)",
    add_arguments=_add_arguments,
    run=_run,
)
