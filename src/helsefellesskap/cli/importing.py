"""``helsefellesskap import FILE``: a plan written elsewhere, or a filled-in spreadsheet.

- ``import PLAN.docx --into FOLDER``: the Word plan as a new action-plan file of the
  partnership, with the import report (:func:`~helsefellesskap.importing.import_plan`).
- ``import SHEET.xlsx|SHEET.csv --into FOLDER`` (or ``--plan FILE``): each changed status,
  note or deadline as a dated status update of its measure, the plan file otherwise kept
  as written; each cell that could not be used is named with its sheet, row and column.

Exit status: 0 when done (the new plan loads and has no validation errors; every cell of
the sheet was used), 1 when the new plan does not load or has errors (it is still
written), or some cells of a sheet could not be used (the others are applied), 2 when
nothing could be imported (no importer for the file, not a partnership folder, the file
exists).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import UsageError
from ..importing import (
    SHEET_EXTENSIONS,
    format_import_report,
    format_sheet_results,
    import_plan,
    import_sheets,
)
from ..messages import message

__all__ = ["IMPORT"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help=message("help.import.file"),
    )
    parser.add_argument(
        "--into",
        metavar="FOLDER",
        help=message("help.import.into"),
    )
    parser.add_argument(
        "--plan",
        metavar="FILE",
        help=message("help.import.plan"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=message("help.import.output"),
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    if Path(args.file).suffix.lower() in SHEET_EXTENSIONS:
        results = import_sheets(args.file, into=args.into, plan=args.plan, manager=context.manager)
        print(format_sheet_results(results), file=context.stdout)
        return 1 if any(r.problems for r in results) else 0
    if args.into is None:
        raise UsageError(message("cli.import.into", file=args.file))
    report = import_plan(args.file, args.into, manager=context.manager, output=args.output)
    print(format_import_report(report), file=context.stdout)
    errors = any(f.startswith("error ") for f in report.findings)
    return 0 if report.ok and not errors else 1


IMPORT = Command(
    name="import",
    help="import a Word action plan as a new TOML plan, or a spreadsheet of measures as "
    "status updates",
    add_arguments=_add_arguments,
    run=_run,
)
