"""The spreadsheet plugin's messages in nb, nn and en (issue 18 §3): its own catalogue is
complete, and a file that is no workbook, and the result of importing a real workbook,
read in bokmål and nynorsk with no English outside data and code names."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from helsefellesskap.testing import check_message_catalogues, run_cli

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"


def _english() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hf_english", REPO / "tests" / "english.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


english_words = _english().english_words


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example partnership; no language from the machine."""
    monkeypatch.delenv("HELSEFELLESSKAP_LANG", raising=False)
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_every_message_is_in_nb_nn_and_en() -> None:
    assert check_message_catalogues("helsefellesskap_xlsx") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "kan ikke leses: ikke en Excel-arbeidsbok (.xlsx); lagre arket som .xlsx "
            "eller .csv (BadZipFile)",
        ),
        (
            "nn",
            "kan ikkje lesast: ikkje ei Excel-arbeidsbok (.xlsx); lagre arket som .xlsx "
            "eller .csv (BadZipFile)",
        ),
    ],
)
def test_a_file_that_is_not_a_workbook(
    language: str, expected: str, folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / f"{PLAN}.xlsx"
    path.write_text("Id;Status\n", encoding="utf-8")
    result = run_cli("-l", language, "import", str(path), "--into", str(folder))
    assert result.code == 2
    assert result.stderr == f"feil: {path}: {expected}\n"
    assert not english_words(result.stderr), result.stderr


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_the_result_of_importing_a_workbook(language: str, folder: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "tiltak.xlsx"
    exported = run_cli("export", str(folder), "-f", "xlsx", "-o", str(sheet))
    assert exported.code == 0, exported.stderr
    book = openpyxl.load_workbook(sheet)
    ws = book[PLAN]
    header = [cell.value for cell in ws[1]]
    ws.cell(row=2, column=header.index("Status") + 1, value="fullført")
    book.save(sheet)
    plan = folder / "plans" / f"{PLAN}.toml"
    result = run_cli("-l", language, "import", str(sheet), "--plan", str(plan))
    assert result.code == 0, result.stderr
    expected = {
        "nb": ("ark 'handlingsplan-2024-2025', rad 2: tiltaket", "(1 statusoppdatering)"),
        "nn": ("ark 'handlingsplan-2024-2025', rad 2: tiltaket", "(1 statusoppdatering)"),
    }[language]
    for part in expected:
        assert part in result.stdout, result.stdout
    assert not english_words(result.stdout), result.stdout
