"""``helsefellesskap schema [TYPE] [-o DIR]``: the JSON Schemas of the data files."""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Iterable
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


def _names(found: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in found)


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    found = schemas(context.manager.document_types().values())
    if args.type is not None and args.type not in found:
        close = difflib.get_close_matches(args.type, list(found), n=1)
        hint = message("cli.schema.did_you_mean", name=close[0]) if close else ""
        raise UsageError(
            message("cli.schema.no_such", name=repr(args.type), hint=hint, names=_names(found))
        )
    chosen = found if args.type is None else {args.type: found[args.type]}
    if args.output is None:
        if args.type is None:
            raise UsageError(message("cli.schema.name_one", names=_names(found)))
        context.stdout.write(dumps(chosen[args.type]))
        return 0
    for path in write_schemas(Path(args.output), chosen):
        print(message("cli.wrote", path=path), file=context.stdout)
    return 0


SCHEMA = Command(
    name="schema",
    help="write the JSON Schemas (draft 2020-12) of partnership.toml and every document type",
    add_arguments=_add_arguments,
    run=_run,
)
