"""``helsefellesskap validate`` (placeholder until the validation issue lands)."""

from __future__ import annotations

import argparse

from .command import Command, CommandContext

__all__ = ["VALIDATE"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target")


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    print("validate is not available yet", file=context.stderr)
    return 2


VALIDATE = Command(
    name="validate", help="validate (not yet)", add_arguments=_add_arguments, run=_run
)
