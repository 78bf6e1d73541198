"""The measures as CSV (core, standard library): export, edit, import back as dated
status updates; what cannot be used is named with sheet, row and column."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

import helsefellesskap as hf
from helsefellesskap.importing import (
    HEADERS,
    Sheet,
    apply_sheet,
    import_sheets,
    plan_sheet,
)
from helsefellesskap.testing import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example partnership."""
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_the_sheet_has_a_row_per_measure_with_every_column() -> None:
    bundle = hf.load_bundle(EXAMPLE)
    plan = bundle.document(PLAN)
    assert isinstance(plan, hf.ActionPlan)
    sheet = plan_sheet(plan, bundle.partnership)
    assert sheet.name == PLAN
    assert sheet.rows[0] == tuple(HEADERS.values())
    assert [r[0] for r in sheet.rows[1:]] == [m.id for m in plan.measures()]
    dho = next(r for r in sheet.rows if r[0] == "dho")
    assert dho[1:7] == (
        "Sammenhengende pasientforløp",
        "Bruke teknologi og digitale løsninger",
        "c)",
        "Støtte digital hjemmeoppfølging",
        "FSU DIG, kommunene",
        "2024-2025",
    )


def test_csv_round_trip_adds_one_dated_update(folder: Path, tmp_path: Path) -> None:
    exported = tmp_path / f"{PLAN}.csv"
    result = run_cli("export", str(folder), "-f", "csv", "-o", str(exported))
    assert result.code == 0, result.stderr
    rows = list(csv.reader(exported.open(encoding="utf-8")))
    assert rows[0] == list(HEADERS.values())
    rows[3][7] = "Ferdig"  # dho (fagdager is already done in the example)
    with exported.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)  # as a Norwegian spreadsheet saves it
    (applied,) = import_sheets(exported, into=folder, today=dt.date(2026, 2, 1))
    assert [(c.row, c.measure, c.status) for c in applied.changes] == [
        (4, "dho", hf.MeasureStatus.DONE)
    ]
    plan = hf.load_document(folder / "plans" / f"{PLAN}.toml")
    assert isinstance(plan, hf.ActionPlan)
    dho = next(m for m in plan.measures() if m.id == "dho")
    assert dho.updates[-1] == hf.StatusUpdate(
        date=dt.date(2026, 2, 1), status=hf.MeasureStatus.DONE
    )


def test_a_csv_file_holds_one_plan(tmp_path: Path) -> None:
    result = run_cli("export", "troms-ofoten", "-f", "csv", "-o", str(tmp_path / "x.csv"))
    assert result.code == 2
    assert "a CSV file holds one plan, and the target has 2" in result.stderr
    assert "use -f xlsx" in result.stderr


def test_a_sheet_without_an_id_column_is_named(folder: Path) -> None:
    sheet = Sheet(PLAN, (("Tiltak", "Status"), ("Felles kurs", "fullført")))
    result = apply_sheet(sheet, folder / "plans" / f"{PLAN}.toml")
    assert result.file is None
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.column) == (PLAN, 1, "A")
    assert "no column 'Id'" in problem.message


def test_import_of_a_sheet_needs_into_or_plan(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{PLAN}.csv"
    path.write_text("Id,Status\n", encoding="utf-8")
    result = run_cli("import", str(path))
    assert result.code == 2
    assert "--into FOLDER or --plan FILE" in result.stderr
