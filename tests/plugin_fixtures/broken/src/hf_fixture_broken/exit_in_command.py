"""A command that calls ``sys.exit(0)`` while it runs."""

import argparse
import sys

from helsefellesskap import Command, CommandContext, hookimpl


def _add(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--loud", action="store_true")


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    sys.exit(0)


@hookimpl
def hf_cli_commands() -> list[Command]:
    return [Command(name="broken-exit", help="exits in the middle", add_arguments=_add, run=_run)]
