"""``helsefellesskap schema [TYPE] [-o DIR]``: the JSON Schemas of the data files."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

import shtab

from ..command import Command, CommandContext
from ..errors import UsageError
from ..messages import message
from ..schema import dumps, schemas, write_schemas

__all__ = ["SCHEMA"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "type",
        nargs="?",
        metavar="TYPE",
        help=message("help.schema.type"),
    )
    output = parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=message("help.schema.output"),
    )
    output.complete = shtab.DIRECTORY  # type: ignore[attr-defined]


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    found = schemas(context.manager.document_types().values())
    if args.type is not None and args.type not in found:
        close = difflib.get_close_matches(args.type, list(found), n=1)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise UsageError(f"no schema {args.type!r} ({hint}there are: {', '.join(found)})")
    chosen = found if args.type is None else {args.type: found[args.type]}
    if args.output is None:
        if args.type is None:
            raise UsageError(
                f"name one TYPE to print ({', '.join(found)}), or write them all with -o DIR"
            )
        context.stdout.write(dumps(chosen[args.type]))
        return 0
    for path in write_schemas(Path(args.output), chosen):
        print(f"wrote {path}", file=context.stdout)
    return 0


SCHEMA = Command(
    name="schema",
    help="write the JSON Schemas (draft 2020-12) of partnership.toml and every document type",
    add_arguments=_add_arguments,
    run=_run,
)
