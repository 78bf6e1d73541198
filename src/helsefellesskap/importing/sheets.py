"""A plan's measures as a sheet (rows of cells), and a filled-in sheet applied back.

Shared by the spreadsheet formats (CSV here, ``.xlsx`` in ``helsefellesskap-xlsx``): each
reads and writes :class:`Sheet` objects; this module decides what the cells mean. A sheet
is named after its plan's id; its columns are :data:`COLUMNS` (the header row in bokmål,
:data:`HEADERS`). Applied back, a changed status, note or deadline becomes one dated
status update of that measure (a deadline as the update's note, ``Ny frist: …``), written
with :func:`~helsefellesskap.io.edit.edit_file` so that the rest of the file stays as
written; a cell that cannot be used is reported with its sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from ..errors import UsageError
from ..io import load_document
from ..io.edit import edit_file
from ..messages import message
from ..model import ActionPlan, Document, Measure, MeasureStatus, Partnership, StatusUpdate
from .deadlines import read_deadline

__all__ = [
    "COLUMNS",
    "HEADERS",
    "STATUS_NAMES",
    "CellProblem",
    "Sheet",
    "SheetChange",
    "SheetResult",
    "apply_sheet",
    "column_letter",
    "plan_sheet",
    "sheet_name",
]

COLUMNS: tuple[str, ...] = (
    "id", "focus area", "goal", "label", "measure", "responsible", "deadline", "status",
    "last update", "note",
)  # fmt: skip
"""The columns of a measures sheet, in order."""

HEADERS: Mapping[str, str] = {
    "id": "Id",
    "focus area": "Innsatsområde",
    "goal": "Mål",
    "label": "Nr.",
    "measure": "Tiltak",
    "responsible": "Ansvarlig",
    "deadline": "Når",
    "status": "Status",
    "last update": "Sist oppdatert",
    "note": "Merknad",
}
"""The header of each column as the sheet shows it; the English names are read too."""

STATUS_NAMES: Mapping[MeasureStatus, str] = {
    MeasureStatus.PLANNED: "planlagt",
    MeasureStatus.STARTED: "påbegynt",
    MeasureStatus.DONE: "fullført",
    MeasureStatus.POSTPONED: "utsatt",
    MeasureStatus.CANCELLED: "avlyst",
}
"""The word a sheet shows for each status (the drop-down list's choices)."""

Cell = str | int | float | dt.date | None


@attrs.frozen
class Sheet:
    """A named sheet: its rows of cells, the header row first."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]


@attrs.frozen
class CellProblem:
    """A cell that could not be used: its sheet, row (from 1, the header is row 1), column
    header and letter, and why."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return message(
            "importing.cell",
            sheet=repr(self.sheet),
            row=self.row,
            column=self.column,
            message=self.message,
        )


@attrs.frozen
class SheetChange:
    """One measure's update made from a row: the measure, its new status and the note."""

    sheet: str
    row: int
    measure: str
    status: MeasureStatus
    note: str | None


@attrs.frozen
class SheetResult:
    """What applying a sheet did: the file written (``None`` when nothing changed), the
    updates and the cells that could not be used."""

    sheet: str
    file: Path | None
    changes: tuple[SheetChange, ...] = ()
    problems: tuple[CellProblem, ...] = ()


def sheet_name(plan_id: str) -> str:
    """The name of a plan's sheet: its id (a spreadsheet allows 31 characters)."""
    return plan_id[:31]


def column_letter(index: int) -> str:
    """``A`` for column 0, ``Z`` for 25, ``AA`` for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _actor_names(ids: Sequence[str], partnership: Partnership | None) -> str:
    if partnership is None:
        return ", ".join(ids)
    actors = partnership.actors()
    names = []
    for actor_id in ids:
        actor = actors.get(actor_id)
        display = getattr(actor, "display_name", None)
        names.append(str(display) if isinstance(display, str) else actor_id)
    return ", ".join(names)


def _note(measure: Measure) -> str:
    latest = measure.latest_update()
    if latest is not None:
        return latest.note or ""
    return measure.status_note or ""


def plan_sheet(plan: ActionPlan, partnership: Partnership | None = None) -> Sheet:
    """The measures of ``plan`` as a sheet, one row each, under the header row."""
    rows: list[tuple[Cell, ...]] = [tuple(HEADERS[c] for c in COLUMNS)]
    for area in plan.focus_areas:
        for goal in area.goals:
            for measure in goal.measures:
                latest = measure.latest_update()
                rows.append(
                    (
                        measure.id,
                        area.title,
                        goal.text,
                        measure.label or "",
                        measure.text,
                        _actor_names(measure.responsible, partnership),
                        measure.deadline.display() if measure.deadline else "",
                        STATUS_NAMES[measure.current_status],
                        latest.date if latest is not None else None,
                        _note(measure),
                    )
                )
    return Sheet(sheet_name(plan.id), tuple(rows))


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _columns(sheet: Sheet) -> tuple[dict[str, int], list[CellProblem]]:
    known = {HEADERS[c].casefold(): c for c in COLUMNS} | {c: c for c in COLUMNS}
    found: dict[str, int] = {}
    problems: list[CellProblem] = []
    header = sheet.rows[0] if sheet.rows else ()
    for index, cell in enumerate(header):
        name = known.get(_text(cell).casefold())
        if name is not None and name not in found:
            found[name] = index
    if "id" not in found:
        problems.append(
            CellProblem(
                sheet.name,
                1,
                "A",
                message("importing.no_id_column", column=repr(HEADERS["id"])),
            )
        )
    return found, problems


def _cell(row: tuple[Cell, ...], index: int | None) -> Cell:
    return row[index] if index is not None and index < len(row) else None


def apply_sheet(
    sheet: Sheet,
    plan_file: Path,
    *,
    today: dt.date | None = None,
    types: Mapping[str, type[Document]] | None = None,
) -> SheetResult:
    """Apply ``sheet`` to the plan in ``plan_file``: every row whose status, note or
    deadline differs from the plan's becomes a status update dated ``today``; the file is
    written once, keeping it as written. Cells that cannot be used are returned, not
    raised; the other rows are still applied."""
    from ..followup.recording import add_update, parse_status

    day = today or dt.date.today()
    document = load_document(plan_file, types=types)
    if not isinstance(document, ActionPlan):
        raise UsageError(
            message("importing.not_an_action_plan", file=plan_file, kind=document.KIND)
        )
    columns, problems = _columns(sheet)
    if "id" not in columns:
        return SheetResult(sheet.name, None, (), tuple(problems))
    measures = {m.id: m for m in document.measures()}
    changes: list[SheetChange] = []
    changed: Document = document

    def where(name: str) -> str:
        return f"{column_letter(columns[name])} ({HEADERS[name]})"

    for number, row in enumerate(sheet.rows[1:], start=2):
        if not any(_text(c) for c in row):
            continue
        measure_id = _text(_cell(row, columns["id"]))
        measure = measures.get(measure_id)
        if measure is None:
            problems.append(
                CellProblem(
                    sheet.name,
                    number,
                    where("id"),
                    message(
                        "importing.sheet_no_measure",
                        plan=repr(document.id),
                        measure=repr(measure_id),
                    ),
                )
            )
            continue
        status = measure.current_status
        if "status" in columns:
            word = _text(_cell(row, columns["status"]))
            if word:
                try:
                    status = parse_status(word)
                except UsageError as error:
                    problems.append(CellProblem(sheet.name, number, where("status"), str(error)))
                    continue
        notes: list[str] = []
        if "note" in columns:
            note = _text(_cell(row, columns["note"]))
            if note and note != _note(measure):
                notes.append(note)
        if "deadline" in columns:
            written = _text(_cell(row, columns["deadline"]))
            current = measure.deadline.display() if measure.deadline else ""
            if written != current:
                reading = read_deadline(written)
                if written and reading.deadline is None:
                    problems.append(
                        CellProblem(
                            sheet.name,
                            number,
                            where("deadline"),
                            message("importing.cell_names_no_time", text=repr(written)),
                        )
                    )
                    continue
                notes.append(f"Ny frist: {written}" if written else "Frist fjernet")
        if status is measure.current_status and not notes:
            continue
        update = StatusUpdate(date=day, status=status, note="; ".join(notes) or None)
        changed = add_update(changed, measure.id, update)
        changes.append(SheetChange(sheet.name, number, measure.id, status, update.note))
    written_file = edit_file(changed, plan_file) if changes else None
    return SheetResult(sheet.name, written_file, tuple(changes), tuple(problems))
