"""``helsefellesskap new partnership|plan|plugin``: write a valid starting point."""

from __future__ import annotations

import argparse
from pathlib import Path

import shtab

from ..command import Command, CommandContext
from ..messages import message
from ..scaffold import new_partnership, new_plan, new_plugin

__all__ = ["NEW"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    partnership = what.add_parser(
        "partnership",
        help=message("help.new.partnership"),
        description=message("help.new.partnership_description"),
    )
    folder = partnership.add_argument(
        "folder", metavar="DIR", help=message("help.new.partnership_folder")
    )
    folder.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    partnership.add_argument("--id", help=message("help.new.partnership_id"))
    partnership.add_argument("--name", help=message("help.new.partnership_name"))
    plan = what.add_parser(
        "plan",
        help=message("help.new.plan"),
        description=message("help.new.plan_description"),
    )
    existing = plan.add_argument("folder", metavar="DIR", help=message("help.new.plan_folder"))
    existing.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    plan.add_argument("--year", type=int, help=message("help.new.plan_year"))
    plan.add_argument("--id", help=message("help.new.plan_id"))
    plugin = what.add_parser(
        "plugin",
        help=message("help.new.plugin"),
        description=message("help.new.plugin_description"),
    )
    plugin.add_argument("name", metavar="NAME", help=message("help.new.plugin_name"))
    output = plugin.add_argument(
        "-o", "--output", default=".", metavar="DIR", help=message("help.new.plugin_output")
    )
    output.complete = shtab.DIRECTORY  # type: ignore[attr-defined]


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    out = context.stdout
    if args.what == "partnership":
        written = new_partnership(args.folder, partnership_id=args.id, name=args.name)
        next_step = f"helsefellesskap check {args.folder}"
    elif args.what == "plan":
        written = [new_plan(args.folder, year=args.year, plan_id=args.id)]
        next_step = f"helsefellesskap validate {args.folder}"
    else:
        written = new_plugin(args.name, args.output)
        project = Path(args.output) / f"helsefellesskap-{args.name}"
        next_step = f"pip install -e {project} && pytest {project / 'tests'}"
    for path in written:
        print(message("cli.wrote", path=path), file=out)
    print(message("cli.new.next", step=next_step), file=out)
    return 0


NEW = Command(
    name="new",
    help="write a new partnership folder, action plan or plugin project (never overwrites)",
    add_arguments=_add_arguments,
    run=_run,
)
