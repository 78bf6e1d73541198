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
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..command import Command, CommandContext
from ..errors import HelsefellesskapError, UsageError
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
from ..messages import current_language, message
from ..model import Bundle, Document, MeasureStatus, Partnership
from ..shapes.diff import diff_json
from ..targets import resolve_target
from .words import counted, day_text, status_word

__all__ = ["DIFF", "actor_names", "format_change", "format_diff", "git_revision", "value_text"]

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
        raise UsageError(message("cli.diff.no_git"))
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(message("cli.diff.no_folder", path=path))
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise UsageError(message("cli.diff.not_in_git", path=path, revision=repr(revision)))
    shown = subprocess.run(
        [git, "show", f"{revision}:./{path.name}"],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = f"«{said[0].removeprefix('fatal: ')}»" if said else message("cli.diff.git_failed")
        raise UsageError(
            message("cli.diff.no_revision", path=path, revision=repr(revision), reason=reason)
        )
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
        return message("cli.diff.what_folder", id=repr(item.partnership.id))
    if isinstance(item, Partnership):
        return message("cli.diff.what_partnership", id=repr(item.id))
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
        raise UsageError(message("cli.diff.cannot_compare", old=_what(old), new=_what(new)))
    return diff(old, new, all_fields=all_fields, threshold=threshold)


_ACTOR_FIELDS = frozenset(
    {"responsible", "reported_by", "adopted_by", "by", "holder", "holders", "chair", "parties"}
)
"""Fields whose values are ids of actors, shown by the names documents give them."""

STATUS_VALUES = frozenset(status.value for status in MeasureStatus)


def _actor_text(value: Any, names: Mapping[str, str]) -> str | None:
    """Ids of actors by their names (``FSU BU, kommunene``); ``None`` if not ids."""
    ids = [value] if isinstance(value, str) else value
    if not isinstance(ids, (list, tuple)) or not all(isinstance(i, str) for i in ids):
        return None
    return ", ".join(names.get(i, i) for i in ids) if ids else message("cli.diff.no_value")


def _deadline_text(value: Any) -> str | None:
    """A deadline as people read it: ``2024``, ``2024-2025``, ``30.06.2025``,
    ``"Innen utgangen av 2024" (31.12.2024)``; ``None`` if not a deadline."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return day_text(value)
    if isinstance(value, dict) and set(value) == {"text", "means"}:
        means = value["means"]
        day = day_text(means) if isinstance(means, dt.date) else str(means)
        return message("cli.diff.deadline_means", text=f'"{value["text"]}"', day=day)
    return None


def _record_text(value: Any) -> str | None:
    """A period as ``2025-2026``; a section as its title and how many paragraphs it has;
    ``None`` for any other value."""
    if not isinstance(value, dict):
        return None
    if set(value) == {"start", "end"}:
        start, end = value["start"], value["end"]
        return str(start) if start == end else f"{start}-{end}"
    if isinstance(value.get("title"), str) and isinstance(value.get("paragraphs"), list):
        return counted("cli.diff.section", len(value["paragraphs"]), title=f'"{value["title"]}"')
    return None


def _update_text(value: Any, names: Mapping[str, str]) -> str | None:
    """A status update as people read it: ``20.10.2025 started: "…" (reported by FSHF)``."""
    if not isinstance(value, dict) or "status" not in value or "date" not in value:
        return None
    day = value["date"]
    text = message(
        "cli.diff.update",
        day=day_text(day) if isinstance(day, dt.date) else str(day),
        status=status_word(str(value["status"])),
    )
    if value.get("note"):
        text += message("cli.diff.update_note", note=f'"{value["note"]}"')
    if value.get("reported_by"):
        by = str(value["reported_by"])
        text += message("cli.diff.update_by", actor=names.get(by, by))
    return text


def value_text(field: str | None, value: Any, names: Mapping[str, str] | None = None) -> str:
    """A value of a change as people read it: deadlines and dates as the plan writes them,
    statuses as words, actors by name (``names``: id → name), status updates as a
    sentence, periods as years, sections by title; anything else in its TOML form
    (``"text"``, ``["a", "b"]``)."""
    names = names or {}
    if value is None:
        return message("cli.diff.no_value")
    last = (field or "").rsplit(".", 1)[-1]
    readable: str | None = None
    if last in _ACTOR_FIELDS:
        readable = _actor_text(value, names)
    elif last in ("deadline", "when"):
        readable = _deadline_text(value)
    elif last == "status" and isinstance(value, str) and value in STATUS_VALUES:
        readable = status_word(value)
    elif isinstance(value, dt.date):
        readable = value.isoformat()
    else:
        readable = _update_text(value, names) or _record_text(value)
    return readable if readable is not None else toml_text(value)


def format_change(
    change: Change,
    names: Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
) -> str:
    """One change as a line for people, in the language of messages; ``names`` (id →
    name) names the actors a value holds, ``types`` (``measure`` → ``tiltak``) the types
    of items (without it, by their code names)."""
    kind = (types or {}).get(change.item_type, change.item_type)
    what = f'{kind} "{change.item}"' if change.item else kind
    if change.kind is ChangeKind.ADDED and change.field is None:
        return message("cli.diff.added", path=change.path, what=what)
    if change.kind is ChangeKind.REMOVED:
        return message("cli.diff.removed", path=change.path, what=what)
    if change.kind is ChangeKind.MOVED:
        source = (
            message("cli.diff.moved_from", parent=change.old)
            if change.old
            else message("cli.diff.moved_from_top")
        )
        target = (
            message("cli.diff.moved_to", parent=change.new)
            if change.new
            else message("cli.diff.moved_to_top")
        )
        return message(
            "cli.diff.moved",
            path=change.path,
            what=what,
            source=source,
            target=target,
            old_path=change.old_path,
        )
    if change.kind is ChangeKind.ADDED:  # an update appended to a list of updates
        return message(
            "cli.diff.added_to",
            path=change.path,
            type=kind,
            what=f'"{change.item}"',
            value=value_text(None, change.new, names),
        )
    similar = message("cli.diff.similar", score=f"{change.score:.2f}") if change.score else ""
    return message(
        "cli.diff.changed",
        path=change.path,
        what=what,
        old=value_text(change.field, change.old, names),
        new=value_text(change.field, change.new, names),
        similar=similar,
    )


def _summary(changes: Iterable[Change], added: int = 0, removed: int = 0) -> str:
    counts = Counter(change.kind for change in changes)
    total = sum(counts.values())
    if not total and not added and not removed:
        return message("cli.diff.no_changes")
    parts = [
        message(f"cli.diff.kind_count.{kind.value}", count=counts[kind])
        for kind in ChangeKind
        if counts[kind]
    ]
    if added:
        parts.append(counted("cli.diff.documents_added", added))
    if removed:
        parts.append(counted("cli.diff.documents_removed", removed))
    return counted("cli.diff.changes", total, parts=", ".join(parts))


def _document_lines(
    result: DocumentDiff, names: Mapping[str, str], types: Mapping[str, str] | None
) -> list[str]:
    name = (
        result.new_id if result.old_id == result.new_id else f"{result.old_id} -> {result.new_id}"
    )
    changes = (f"  {format_change(c, names, types)}" for c in result.changes)
    return [f"{result.kind} {name}", *changes]


def format_diff(
    result: BundleDiff | DocumentDiff,
    old: Loaded,
    new: Loaded,
    names: Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
) -> str:
    """The differences as text for people, in the language of messages: per document its
    changes, then the counts. ``names`` (id → name) names actors, for two folders the
    partnerships' own names; ``types`` words the types of items (:func:`item_types`)."""
    lines: list[str] = []
    if isinstance(result, DocumentDiff):
        if result.changes:
            lines.extend(_document_lines(result, names or {}, types))
        lines.append(_summary(result.changes))
        return "\n".join(lines)
    assert isinstance(old, Bundle) and isinstance(new, Bundle)
    names = {**actor_names(old.partnership), **actor_names(new.partnership), **(names or {})}
    changes: list[Change] = []
    for part in (result.partnership, *result.documents):
        if part.changes:
            lines.extend(_document_lines(part, names, types))
            changes.extend(part.changes)
    for document_id in result.added:
        found = new.document(document_id)
        kind = found.KIND if found else ""
        lines.append(message("cli.diff.document_added", kind=kind, id=document_id))
    for document_id in result.removed:
        found = old.document(document_id)
        kind = found.KIND if found else ""
        lines.append(message("cli.diff.document_removed", kind=kind, id=document_id))
    lines.append(_summary(changes, len(result.added), len(result.removed)))
    return "\n".join(lines)


def item_types(context: CommandContext) -> dict[str, str]:
    """The types of items (``measure``, ``focus-area``) as words of the language of
    messages (``tiltak``, ``innsatsområde``), from the label catalogues; in English the
    code names are kept, as tools reading the text know them."""
    language = current_language()
    if language == "en":
        return {}
    prefix = "changelog.type."
    labels = context.manager.labels(language)
    return {
        key.removeprefix(prefix): str(text)
        for key, text in labels.items()
        if key.startswith(prefix)
    }


def actor_names(partnership: Partnership) -> dict[str, str]:
    """How documents name each actor of ``partnership``, by id (``fsu-bu`` → ``FSU BU``)."""
    return {actor_id: actor.display_name for actor_id, actor in partnership.actors().items()}


def _names_for(item: Loaded, path: Path | None, context: CommandContext) -> dict[str, str]:
    """The names of the actors of the partnership a compared document belongs to: the
    folder it lies in, or the installed partnership it names; none if neither loads."""
    if isinstance(item, Bundle):
        return actor_names(item.partnership)
    if isinstance(item, Partnership):
        return actor_names(item)
    try:
        return actor_names(_partnership_bundle(path, item, context).partnership)
    except HelsefellesskapError:
        return {}


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
            raise UsageError(message("cli.diff.since_with_new"))
        path = Path(args.old)
        if not path.is_file():
            raise UsageError(message("cli.diff.since_needs_file", old=args.old))
        return _load_revision(path, args.since, context), _load_file(path, context), args.since
    if args.new is None:
        raise UsageError(message("cli.diff.two_revisions"))
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
    raise UsageError(message("cli.diff.no_partnership", id=new.id))


def _render_changelog(
    args: argparse.Namespace, context: CommandContext, old: Loaded, new: Loaded
) -> int:
    from ..render.api import find_format, render

    if not isinstance(old, Document) or not isinstance(new, Document):
        raise UsageError(message("cli.diff.render_two_documents", format=args.format))
    source = Path(args.new if args.new is not None else args.old)
    bundle = _partnership_bundle(source if source.is_file() else None, new, context)
    fmt = find_format(args.format, context.manager, bundle.partnership.id)
    if fmt.binary and args.output is None:
        raise UsageError(message("cli.binary_format", name=repr(fmt.name)))
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
        print(message("cli.wrote", path=output), file=context.stdout)
    return 0 if log.changes.is_empty else 1


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    if not 0 <= args.threshold <= 1:
        raise UsageError(message("cli.diff.threshold", value=args.threshold))
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
        source = Path(args.new if args.new is not None else args.old)
        names = _names_for(new, source if source.is_file() else None, context)
        text = format_diff(result, old, new, names, item_types(context))
    print(text, file=context.stdout)
    return 0 if result.is_empty else 1


DIFF = Command(
    name="diff",
    help="show what changed between two revisions, or since a git revision (exit 1 when "
    "something changed)",
    add_arguments=_add_arguments,
    run=_run,
)
