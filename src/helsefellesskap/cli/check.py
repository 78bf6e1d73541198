"""``helsefellesskap check PATH``: load a folder or file and say whether it loads.

With ``--format json`` the answer is a versioned JSON object for tools
(``{"format": "helsefellesskap-check", "version": 1, "ok": …, "problems": […]}``), on
standard output whether the data loads or not; the exit status is the same: 0 when it
loads, 2 when it does not.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..command import Command, CommandContext
from ..errors import DataError
from ..io import PARTNERSHIP_FILE, find_partnership_root, load_document
from ..messages import message
from ..model import Bundle, Document
from ..targets import resolve_target
from .words import counted

if TYPE_CHECKING:
    from ..shapes.check import JSON_FORMAT, JSON_VERSION

__all__ = ["CHECK", "JSON_FORMAT", "JSON_VERSION", "summarize"]


def __getattr__(name: str) -> Any:
    """``JSON_FORMAT`` and ``JSON_VERSION`` of :mod:`helsefellesskap.shapes.check`,
    imported when first asked for: the text answer does not need the JSON shape."""
    if name in ("JSON_FORMAT", "JSON_VERSION"):
        from ..shapes import check

        return getattr(check, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def summarize(bundle: Bundle, document: Document | None = None) -> str:
    """A one-line summary of what was loaded."""
    partnership = bundle.partnership
    if document is not None:
        return message(
            "cli.check.document_of",
            kind=document.KIND,
            id=repr(document.id),
            title=document.title,
            partnership=partnership.name,
        )
    kinds = Counter(d.KIND for d in bundle.documents)
    listing = ", ".join(
        counted("cli.check.kind", count, kind=kind) for kind, count in sorted(kinds.items())
    )
    return message(
        "cli.check.partnership",
        name=partnership.name,
        partners=counted("cli.check.partners", len(partnership.partners)),
        bodies=counted("cli.check.bodies", len(partnership.bodies)),
        documents=listing or message("cli.check.no_documents"),
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=message("help.check.path"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=message("help.format_text_json"),
    )


def _load(
    args: argparse.Namespace, context: CommandContext
) -> tuple[str, str | None, list[Document]]:
    """Load the target: the text summary, the partnership's id and the documents loaded."""
    path = Path(args.path)
    if path.is_file() and path.name != PARTNERSHIP_FILE and find_partnership_root(path) is None:
        document = load_document(path, types=context.manager.document_types())
        text = message(
            "cli.check.document", kind=document.KIND, id=repr(document.id), title=document.title
        )
        return text, document.partnership, [document]
    target = resolve_target(args.path, context.manager)
    documents = [target.document] if target.document else list(target.bundle.documents)
    text = summarize(target.bundle, target.document)
    return text, target.bundle.partnership.id, documents


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        text, partnership, documents = _load(args, context)
    except DataError as error:
        if args.format != "json":
            raise
        from ..shapes.check import CheckResult  # the JSON answer only

        print(CheckResult.from_error(error).dumps(), file=context.stdout)
        return 2
    if args.format == "json":
        from ..shapes.check import CheckResult

        text = CheckResult(partnership=partnership, documents=tuple(documents)).dumps()
    print(text, file=context.stdout)
    return 0


CHECK = Command(
    name="check",
    help="load a partnership folder or a document and report every problem in the data",
    add_arguments=_add_arguments,
    run=_run,
)
