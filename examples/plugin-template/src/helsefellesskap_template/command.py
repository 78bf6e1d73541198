"""The template's subcommand: ``helsefellesskap template-count TARGET``.

A command is a :class:`~helsefellesskap.command.Command`: a name, a help line, a function
that adds its arguments and one that runs it. It writes to ``context.stdout``, returns
the exit status, and raises the library's errors for bad input (the command line prints
them without a traceback).
"""

from __future__ import annotations

import argparse
from collections import Counter

from helsefellesskap import ActionPlan, resolve_target
from helsefellesskap.command import Command, CommandContext

__all__ = ["COUNT"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", help="a partnership folder or an installed partnership id")


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    target = resolve_target(args.target, context.manager)
    counts: Counter[str] = Counter()
    for document in target.documents:
        if isinstance(document, ActionPlan):
            for area in document.focus_areas:
                for goal in area.goals:
                    for measure in goal.measures:
                        counts.update(measure.responsible or ("(ingen)",))
    for responsible, count in sorted(counts.items()):
        print(f"{responsible}: {count}", file=context.stdout)
    return 0


COUNT = Command(
    name="template-count",
    help="count the measures of each responsible (from the plugin template)",
    add_arguments=_add_arguments,
    run=_run,
)
"""The ``template-count`` command."""
