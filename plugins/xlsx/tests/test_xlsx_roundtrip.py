"""The spreadsheet round trip (issue 17 §2): export the example's plan to .xlsx, edit two
statuses in the sheet with openpyxl, import it: only those two measures' lines of the TOML
file change; the sheet's header row, frozen panes, widths and status drop-down."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

import helsefellesskap as hf
from helsefellesskap.importing import HEADERS, STATUS_NAMES, import_sheets
from helsefellesskap.testing import run_cli

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example partnership."""
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def _export(folder: Path, tmp_path: Path) -> Path:
    sheet = tmp_path / "tiltak.xlsx"
    result = run_cli("export", str(folder), "-f", "xlsx", "-o", str(sheet))
    assert result.code == 0, result.stderr
    return sheet


def _measure_blocks(text: str) -> dict[str, range]:
    """The line numbers of each measure's block: from its [[…measures]] header to the next
    header that is not one of its own sub-tables."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "[[focus_areas.goals.measures]]"]
    blocks: dict[str, range] = {}
    for start in starts:
        end = start + 1
        while end < len(lines) and not (
            lines[end].startswith("[")
            and not lines[end].startswith("[[focus_areas.goals.measures.")
        ):
            end += 1
        measure_id = next(
            m[1] for line in lines[start:end] if (m := re.match(r'id = "([^"]+)"', line))
        )
        blocks[measure_id] = range(start, end)
    return blocks


def test_editing_two_statuses_changes_only_those_two_measures(folder: Path, tmp_path: Path) -> None:
    plan_file = folder / "plans" / f"{PLAN}.toml"
    before = plan_file.read_text("utf-8")
    sheet = _export(folder, tmp_path)
    book = openpyxl.load_workbook(sheet)
    ws = book[PLAN]
    header = [c.value for c in ws[1]]
    ids = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    status = header.index(HEADERS["status"]) + 1
    ws.cell(row=ids.index("overganger") + 2, column=status, value="fullført")
    ws.cell(row=ids.index("dho") + 2, column=status, value="påbegynt")
    book.save(sheet)

    results = import_sheets(sheet, into=folder, today=dt.date(2026, 1, 15))
    assert [(c.measure, c.status) for r in results for c in r.changes] == [
        ("overganger", hf.MeasureStatus.DONE),
        ("dho", hf.MeasureStatus.STARTED),
    ]
    assert [p for r in results for p in r.problems] == []
    after = plan_file.read_text("utf-8")
    old_blocks = _measure_blocks(before)
    touched = set()
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # changed lines, or lines inserted after line i1 - 1, lie inside one measure's block
        lines = range(i1 - 1, i1) if tag == "insert" else range(i1, i2)
        owners = {m for m, block in old_blocks.items() if any(n in block for n in lines)}
        assert all(any(n in b for b in old_blocks.values()) for n in lines), (tag, i1, i2)
        assert len(owners) == 1, (tag, i1, i2, owners)
        touched |= owners
    assert touched == {"overganger", "dho"}
    plan = hf.load_document(plan_file)
    assert isinstance(plan, hf.ActionPlan)
    by_id = {m.id: m for m in plan.measures()}
    assert by_id["overganger"].current_status is hf.MeasureStatus.DONE
    assert by_id["overganger"].updates[-1].date == dt.date(2026, 1, 15)
    assert by_id["dho"].current_status is hf.MeasureStatus.STARTED
    # imported again, nothing changes
    again = import_sheets(sheet, into=folder, today=dt.date(2026, 1, 16))
    assert [r.file for r in again] == [None]
    assert plan_file.read_text("utf-8") == after


def test_the_sheet_has_a_header_frozen_panes_widths_and_a_status_list(
    folder: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(_export(folder, tmp_path))
    assert book.sheetnames == [PLAN]
    ws = book[PLAN]
    assert [c.value for c in ws[1]] == list(HEADERS.values())
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "B2"
    assert ws.column_dimensions["E"].width > ws.column_dimensions["D"].width >= 8
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(STATUS_NAMES.values()) + '"'
    assert str(validation.sqref) == f"H2:H{ws.max_row}"
    assert ws.max_row == 1 + len(list(hf.load_bundle(folder).document(PLAN).measures()))  # type: ignore[attr-defined]


def test_cells_that_cannot_be_used_are_named_with_sheet_row_and_column(
    folder: Path, tmp_path: Path
) -> None:
    sheet = _export(folder, tmp_path)
    book = openpyxl.load_workbook(sheet)
    ws = book[PLAN]
    ws["H2"] = "nesten ferdig"
    ws["G3"] = "snart"
    ws["A4"] = "ukjent-tiltak"
    ws["J5"] = "Utsatt til våren."
    book.save(sheet)
    result = run_cli("import", str(sheet), "--into", str(folder))
    assert result.code == 1
    out = result.stdout
    assert (
        f"could not use sheet '{PLAN}', row 2, column H (Status): 'nesten ferdig' is not a status"
        in out
    )
    assert f"sheet '{PLAN}', row 3, column G (Når): 'snart' names no time" in out
    assert (
        f"sheet '{PLAN}', row 4, column A (Id): plan '{PLAN}' has no measure 'ukjent-tiltak'" in out
    )
    assert "row 5: measure 'hospitering' is started (Utsatt til våren.)" in out


def test_a_changed_deadline_is_a_dated_update(folder: Path, tmp_path: Path) -> None:
    sheet = _export(folder, tmp_path)
    book = openpyxl.load_workbook(sheet)
    book[PLAN]["G2"] = "Våren 2026"
    book.save(sheet)
    (result,) = import_sheets(sheet, into=folder, today=dt.date(2026, 1, 15))
    ((change),) = result.changes
    assert (change.measure, change.note) == ("overganger", "Ny frist: Våren 2026")


def test_a_sheet_named_after_no_plan_is_refused(folder: Path, tmp_path: Path) -> None:
    sheet = _export(folder, tmp_path)
    book = openpyxl.load_workbook(sheet)
    book[PLAN].title = "ark1"
    book.save(sheet)
    result = run_cli("import", str(sheet), "--into", str(folder))
    assert result.code == 2
    assert f"no plan in {folder} has the id 'ark1'" in result.stderr
    assert PLAN in result.stderr
    applied = run_cli("import", str(sheet), "--plan", str(folder / "plans" / f"{PLAN}.toml"))
    assert applied.code == 0 and "nothing changed" in applied.stdout


def test_a_file_that_is_not_a_workbook_is_named(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{PLAN}.xlsx"
    path.write_text("Id;Status\n", encoding="utf-8")
    result = run_cli("import", str(path), "--into", str(folder))
    assert result.code == 2
    assert result.stderr.startswith(f"error: {path}: cannot be read: not an Excel workbook")
    assert "Traceback" not in result.stderr
