"""Spreadsheet files of measures: CSV (here, with the standard library) and ``.xlsx``
(``helsefellesskap-xlsx``, with openpyxl), chosen by the file's extension.

:func:`export_sheets` writes plans' measures (one sheet per plan; a CSV file holds one
plan); :func:`import_sheets` applies a filled-in file back to the plans
(:func:`~.sheets.apply_sheet`), finding each sheet's plan by its name (the plan's id) in a
partnership folder, or in the one plan file given.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError, UsageError
from ..io import load_document
from ..messages import message
from ..model import ActionPlan, Partnership
from .api import ImportFailed
from .sheets import Cell, Sheet, SheetResult, apply_sheet, plan_sheet

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = [
    "SHEET_EXTENSIONS",
    "export_sheets",
    "format_sheet_results",
    "import_sheets",
    "read_csv",
    "read_sheets",
    "write_csv",
]

SHEET_EXTENSIONS = (".csv", ".xlsx")
"""The spreadsheet files ``export`` writes and ``import`` applies."""


def write_csv(sheet: Sheet) -> str:
    """The sheet as CSV text (comma-separated, dates as ``YYYY-MM-DD``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in sheet.rows:
        writer.writerow(
            ["" if c is None else c.isoformat() if isinstance(c, dt.date) else c for c in row]
        )
    return buffer.getvalue()


def read_csv(path: Path) -> Sheet:
    """A CSV file as a sheet named after the file (its stem: the plan's id as exported);
    a semicolon-separated file (as a Norwegian spreadsheet saves it) is read too."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[Cell, ...]] = [tuple(r) for r in csv.reader(io.StringIO(text), dialect)]
    return Sheet(path.stem, tuple(rows))


def _xlsx() -> Any:
    try:
        return importlib.import_module("helsefellesskap_xlsx.workbook")
    except ImportError as error:
        raise ImportFailed(message("importing.need_xlsx")) from error


def _extension(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SHEET_EXTENSIONS:
        raise UsageError(
            message(
                "importing.not_a_sheet_file",
                path=path,
                extensions=message("importing.or").join(SHEET_EXTENSIONS),
                suffix=path.suffix or message("importing.nothing"),
            )
        )
    return suffix


def read_sheets(path: Path) -> list[Sheet]:
    """The sheets of a ``.csv`` or ``.xlsx`` file."""
    if _extension(path) == ".csv":
        return [read_csv(path)]
    try:
        sheets: list[Sheet] = _xlsx().read_workbook(path)
    except ValueError as error:
        raise ImportFailed(message("importing.cannot_read", path=path, error=error)) from error
    return sheets


def export_sheets(
    plans: Sequence[ActionPlan], partnership: Partnership | None, path: Path, *, kind: str
) -> Path:
    """Write the plans' measures to ``path`` as ``kind`` (``csv``: exactly one plan;
    ``xlsx``: one sheet per plan); the file is replaced if it exists."""
    if not plans:
        raise UsageError(message("importing.no_action_plan"))
    sheets = [plan_sheet(plan, partnership) for plan in plans]
    if kind == "csv":
        if len(sheets) > 1:
            names = ", ".join(p.id for p in plans)
            raise UsageError(message("importing.csv_one_plan", count=len(plans), names=names))
        path.write_text(write_csv(sheets[0]), encoding="utf-8")
    elif kind == "xlsx":
        path.write_bytes(_xlsx().write_workbook(sheets))
    else:
        raise UsageError(message("importing.not_a_sheet_format", kind=repr(kind)))
    return path


def _plan_files(into: Path, manager: PluginManager) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for file in sorted(into.rglob("*.toml")):
        try:
            document = load_document(file, types=manager.document_types())
        except DataError:
            continue
        if isinstance(document, ActionPlan):
            found.setdefault(document.id[:31], file)
    return found


def import_sheets(
    path: str | Path,
    *,
    into: str | Path | None = None,
    plan: str | Path | None = None,
    today: dt.date | None = None,
    manager: PluginManager | None = None,
) -> list[SheetResult]:
    """Apply the sheets of ``path`` to their plans: each sheet to the plan in ``plan``, or
    to the plan of ``into`` whose id is the sheet's name. A sheet with no plan is a
    :class:`~helsefellesskap.errors.UsageError` naming the plans there are."""
    from ..plugins import default_manager

    manager = manager or default_manager()
    path = Path(path)
    if not path.is_file():
        raise UsageError(message("importing.no_such_file", path=path))
    if (into is None) == (plan is None):
        raise UsageError(message("importing.into_or_plan"))
    sheets = read_sheets(path)
    if plan is not None:
        targets = {sheet.name: Path(plan) for sheet in sheets}
    else:
        files = _plan_files(Path(into), manager)  # type: ignore[arg-type]
        missing = [s.name for s in sheets if s.name not in files]
        if missing:
            raise UsageError(
                message(
                    "importing.no_plan_for_sheet",
                    path=path,
                    into=into,
                    sheet=repr(missing[0]),
                    known=", ".join(files) or message("importing.none"),
                )
            )
        targets = {sheet.name: files[sheet.name] for sheet in sheets}
    return [
        apply_sheet(sheet, targets[sheet.name], today=today, types=manager.document_types())
        for sheet in sheets
    ]


def format_sheet_results(results: Sequence[SheetResult]) -> str:
    """The results as text for people: each update, each unusable cell, each file."""
    lines: list[str] = []
    for result in results:
        for change in result.changes:
            note = f" ({change.note})" if change.note else ""
            lines.append(
                message(
                    "importing.sheet_update",
                    sheet=repr(change.sheet),
                    row=change.row,
                    measure=repr(change.measure),
                    status=change.status.value,
                    note=note,
                )
            )
        lines += [
            message("importing.could_not_use", problem=problem) for problem in result.problems
        ]
        if result.file is not None:
            count = len(result.changes)
            key = "importing.wrote_updates.one" if count == 1 else "importing.wrote_updates.other"
            lines.append(message(key, file=result.file, count=count))
        else:
            lines.append(message("importing.sheet_unchanged", sheet=repr(result.sheet)))
    return "\n".join(lines)
