"""The Word plugin's messages in nb, nn and en (issue 18 §3): its own catalogue is
complete, and its errors and import report read in bokmål and nynorsk with no English
outside data and code names (``tests/english.py`` of the core)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import docx
import pytest
from helsefellesskap_docx.options import find_files

from helsefellesskap.errors import RenderError
from helsefellesskap.importing import format_import_report, import_plan
from helsefellesskap.messages import use_language
from helsefellesskap.testing import check_message_catalogues, run_cli

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"


def _english() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hf_english", REPO / "tests" / "english.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


english_words = _english().english_words


def _no_english(text: str) -> None:
    found = english_words(text)
    assert not found, f"English in Norwegian output {found}:\n{text}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example partnership to import into."""
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_every_message_is_in_nb_nn_and_en() -> None:
    assert check_message_catalogues("helsefellesskap_docx") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "kan ikke leses som docx: ikke et Word-dokument (.docx); en .doc- eller "
            ".odt-fil må først lagres som .docx",
        ),
        (
            "nn",
            "kan ikkje lesast som docx: ikkje eit Word-dokument (.docx); ei .doc- eller "
            ".odt-fil må først lagrast som .docx",
        ),
    ],
)
def test_importing_a_file_that_is_not_word(
    language: str, expected: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HELSEFELLESSKAP_LANG", raising=False)
    path = folder.parent / "plan.docx"
    path.write_bytes(b"{\\rtf1 not a docx}")
    result = run_cli("-l", language, "import", str(path), "--into", str(folder))
    assert result.code == 2
    assert result.stderr.startswith(f"feil: {path}: {expected}"), result.stderr
    _no_english(result.stderr)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nb", "[default]\ntitlepage = true\n", "$.default.titlepage er ikke en Word-innstilling"),
        ("nn", "[default]\ntitlepage = true\n", "$.default.titlepage er ikkje ei Word-innstilling"),
        ("nb", "[default]\ncontents_levels = 12\n", "må være et heltall fra 1 til 9, ikke 12"),
        ("nn", "[default]\ncontents_levels = 12\n", "må vere eit heiltal frå 1 til 9, ikkje 12"),
        ("nb", "[default\n", "kan ikke lese Word-innstillingene"),
        ("nn", "[default\n", "kan ikkje lese Word-innstillingane"),
    ],
)
def test_a_wrong_option(language: str, text: str, expected: str, tmp_path: Path) -> None:
    (tmp_path / "docx").mkdir()
    options = tmp_path / "docx" / "options.toml"
    options.write_text(text, encoding="utf-8")
    with use_language(language), pytest.raises(RenderError) as caught:
        find_files([tmp_path], "action-plan", "handlingsplan")
    message = str(caught.value)
    assert message.startswith(f"{options}: ")
    assert expected in message
    if text != "[default\n":  # else the rest is the TOML reader's own (English) words
        _no_english(message)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_the_import_report(language: str, folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2026", style="Title")
    document.add_heading("Samhandling", level=1)
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [
            ["Tiltak", "Ansvarlig", "Når"],
            ["Tiltak", "Ansvarlig", "Når"],
            ["", "", ""],
            ["Felles rutiner", "Ingen kjente her", "1. kvartal 2026"],
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder.parent / "plan.docx"
    document.save(str(path))
    with use_language(language):
        report = import_plan(path, folder)
        text = format_import_report(report)
    expected = {
        "nb": [
            "importerte plan.docx: 1 innsatsområder, 1 mål, 1 tiltak",
            "tabell 1, rad 2: overskriftsraden gjentatt",
            "tabell 1, rad 3: tom rad",
            "'1. kvartal 2026' lest som 2026-03-31: siste dag i kvartalet",
            "ansvarlig-tekst nevner ingen aktør",
        ],
        "nn": [
            "importerte plan.docx: 1 innsatsområde, 1 mål, 1 tiltak",
            "tabell 1, rad 2: overskriftsrada gjenteken",
            "tabell 1, rad 3: tom rad",
            "'1. kvartal 2026' lese som 2026-03-31: siste dagen i kvartalet",
            "ansvarleg-tekst nemner ingen aktør",
        ],
    }[language]
    for part in expected:
        assert part in text, (part, text)
    written = report.written.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert {"nb": "# Linjer merket «gjetning:»", "nn": "# Linjer merkte «gjetting:»"}[
        language
    ] in written
    assert {"nb": "  advarsel HF601 ", "nn": "  åtvaring HF601 "}[language] in text
    _no_english(text)
