"""``helsefellesskap check PATH``: load a folder or file and say whether it loads."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..command import Command, CommandContext
from ..io import PARTNERSHIP_FILE, find_partnership_root, load_document
from ..model import Bundle, Document
from ..targets import resolve_target

__all__ = ["CHECK", "summarize"]


def summarize(bundle: Bundle, document: Document | None = None) -> str:
    """A one-line summary of what was loaded."""
    partnership = bundle.partnership
    if document is not None:
        return f"ok: {document.KIND} {document.id!r} ({document.title}) of {partnership.name}"
    kinds = Counter(d.KIND for d in bundle.documents)
    listing = (
        ", ".join(_count(count, kind) for kind, count in sorted(kinds.items())) or "no documents"
    )
    return (
        f"ok: {partnership.name}: {_count(len(partnership.partners), 'partner')}, "
        f"{_count(len(partnership.bodies), 'body', 'bodies')}, {listing}"
    )


def _count(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help="a partnership folder, a document file, or an installed partnership id",
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    path = Path(args.path)
    if path.is_file() and path.name != PARTNERSHIP_FILE and find_partnership_root(path) is None:
        document = load_document(path, types=context.manager.document_types())
        print(f"ok: {document.KIND} {document.id!r} ({document.title})", file=context.stdout)
        return 0
    target = resolve_target(args.path, context.manager)
    print(summarize(target.bundle, target.document), file=context.stdout)
    return 0


CHECK = Command(
    name="check",
    help="load a partnership folder or a document and report every problem in the data",
    add_arguments=_add_arguments,
    run=_run,
)
