"""``helsefellesskap plugins`` and ``list`` (placeholder until the plugin issue lands)."""

from __future__ import annotations

import argparse

from .command import Command, CommandContext

__all__ = ["LIST", "PLUGINS"]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    print("not available yet", file=context.stderr)
    return 2


PLUGINS = Command(
    name="plugins", help="list plugins (not yet)", add_arguments=_no_arguments, run=_run
)
LIST = Command(
    name="list", help="list partnerships (not yet)", add_arguments=_no_arguments, run=_run
)
