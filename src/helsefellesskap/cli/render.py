"""``helsefellesskap render`` (placeholder until the render issue lands)."""

from __future__ import annotations

import argparse

from .command import Command, CommandContext

__all__ = ["RENDER"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target")


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    print("render is not available yet", file=context.stderr)
    return 2


RENDER = Command(name="render", help="render (not yet)", add_arguments=_add_arguments, run=_run)
