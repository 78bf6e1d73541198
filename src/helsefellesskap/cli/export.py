"""``helsefellesskap export TARGET -f xlsx|csv -o FILE``: the measures of a partnership's
action plans (or of one plan) as a spreadsheet to fill in and import back
(``helsefellesskap import FILE --into FOLDER``).

``xlsx`` (with ``helsefellesskap-xlsx``) writes one sheet per plan; ``csv`` one plan.

Exit status: 0 written; 2 the target cannot be loaded, has no plan, or a CSV file was
asked for more than one plan.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..command import Command, CommandContext
from ..importing import export_sheets
from ..messages import message
from ..model import ActionPlan
from ..targets import resolve_target
from .words import counted

__all__ = ["EXPORT"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="TARGET",
        help=message("help.export.target"),
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("xlsx", "csv"),
        default="xlsx",
        help=message("help.export.format"),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=message("help.export.output")
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    target = resolve_target(args.target, context.manager)
    plans = [d for d in target.documents if isinstance(d, ActionPlan)]
    written = export_sheets(plans, target.bundle.partnership, Path(args.output), kind=args.format)
    measures = sum(len(list(p.measures())) for p in plans)
    wrote = message(
        "cli.export.wrote",
        path=written,
        plans=counted("cli.export.plans", len(plans)),
        measures=counted("cli.export.measures", measures),
    )
    print(wrote, file=context.stdout)
    return 0


EXPORT = Command(
    name="export",
    help="write the measures of action plans as a spreadsheet (xlsx or csv) to fill in",
    add_arguments=_add_arguments,
    run=_run,
)
