"""``helsefellesskap new partnership|plan|plugin``: write a valid starting point."""

from __future__ import annotations

import argparse
from pathlib import Path

import shtab

from ..command import Command, CommandContext
from ..scaffold import new_partnership, new_plan, new_plugin

__all__ = ["NEW"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    partnership = what.add_parser(
        "partnership",
        help="a partnership folder: partnership.toml, a declaration, a plan, the schemas",
        description="Write a new partnership folder that loads and validates as it is.",
    )
    folder = partnership.add_argument("folder", metavar="DIR", help="the folder to create or fill")
    folder.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    partnership.add_argument("--id", help="the partnership's id (default: from DIR's name)")
    partnership.add_argument("--name", help='its name (default: "Helsefellesskap <DIR>")')
    plan = what.add_parser(
        "plan",
        help="an action plan in a partnership folder, built on its latest declaration",
        description="Write a new action plan into the partnership folder DIR.",
    )
    existing = plan.add_argument("folder", metavar="DIR", help="the partnership folder")
    existing.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    plan.add_argument(
        "--year", type=int, help="the plan's year (default: this year, or the next free)"
    )
    plan.add_argument("--id", help="the plan's id (default: handlingsplan-<year>)")
    plugin = what.add_parser(
        "plugin",
        help="a plugin project helsefellesskap-NAME that ships a partnership, with tests",
        description="Write a plugin project that installs with pip and whose tests pass.",
    )
    plugin.add_argument("name", metavar="NAME", help="the plugin's and its partnership's id")
    output = plugin.add_argument(
        "-o", "--output", default=".", metavar="DIR", help="where to create it (default: here)"
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
        print(f"wrote {path}", file=out)
    print(f"next: {next_step}", file=out)
    return 0


NEW = Command(
    name="new",
    help="write a new partnership folder, action plan or plugin project (never overwrites)",
    add_arguments=_add_arguments,
    run=_run,
)
