"""``helsefellesskap import FILE --into FOLDER``: a plan written elsewhere (Word, …) as a
new action-plan file of the partnership, with the import report.

Exit status: 0 when the new file loads and has no validation errors, 1 when it does not
load or has errors (the file is still written: open it and fix the lines the report
names), 2 when nothing could be imported (no importer for the file, not a partnership
folder, the file exists).
"""

from __future__ import annotations

import argparse

from ..command import Command, CommandContext
from ..importing import format_import_report, import_plan

__all__ = ["IMPORT"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the plan to import: a Word file (.docx)")
    parser.add_argument(
        "--into",
        metavar="FOLDER",
        required=True,
        help="the partnership folder; the plan is written to its plans/ folder",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the plan to FILE instead (never overwritten)",
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    report = import_plan(args.file, args.into, manager=context.manager, output=args.output)
    print(format_import_report(report), file=context.stdout)
    errors = any(f.startswith("error ") for f in report.findings)
    return 0 if report.ok and not errors else 1


IMPORT = Command(
    name="import",
    help="import a Word action plan into a partnership folder as a new TOML plan",
    add_arguments=_add_arguments,
    run=_run,
)
