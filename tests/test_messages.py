"""Messages in nb, nn and en (issue 18 §3): the catalogues, the choice of language, the
command line's own lines and the most common data errors."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from helsefellesskap.cli import main
from helsefellesskap.io.norwegian_dates import norwegian_date
from helsefellesskap.messages import (
    LANGUAGES,
    catalogue,
    choose_language,
    current_language,
    message,
    use_language,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"
FIELDS = re.compile(r"\{(\w+)\}")


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine running the tests; built-in plugins only."""
    for name in ("HELSEFELLESSKAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_in_every_language_with_the_same_fields(language: str) -> None:
    english = catalogue("en")
    texts = catalogue(language)
    assert sorted(texts) == sorted(english)
    for key, text in texts.items():
        assert text.strip(), key
        assert sorted(FIELDS.findall(text)) == sorted(FIELDS.findall(english[key])), key


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("nn", {"HELSEFELLESSKAP_LANG": "nb", "LANG": "en_US.UTF-8"}, "nn"),
        (None, {"HELSEFELLESSKAP_LANG": "nb", "LANG": "nn_NO.UTF-8"}, "nb"),
        (None, {"HELSEFELLESSKAP_LANG": "xx", "LANG": "nn_NO.UTF-8"}, "nn"),
        (None, {"LC_ALL": "nb_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nb"),
        (None, {"LC_MESSAGES": "no_NO", "LANG": "en_GB.UTF-8"}, "nb"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
        ("se", {}, "en"),
    ],
)
def test_the_language_of_messages(
    explicit: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(explicit, environ) == expected


def test_the_library_speaks_english_unless_told() -> None:
    assert current_language() == "en"
    with use_language("nn"):
        assert message("cli.warning", text="x") == "åtvaring: x"
    assert message("cli.warning", text="x") == "warning: x"


def _broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    plan = folder / PLAN
    text = plan.read_text(encoding="utf-8")
    first_status = re.search(r'status = "\w+"', text)
    first_deadline = re.search(r"deadline = [^\n]+", text)
    assert first_status and first_deadline
    text = text.replace(first_status[0], 'status = "påbegynt"', 1)
    text = text.replace(first_deadline[0], 'deadline = "30.06.2026"', 1)
    plan.write_text(text, encoding="utf-8")
    return plan


def _validate(plan: Path, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(plan), *argv], stdout=out, stderr=err)
    assert code == 2
    return err.getvalue()


@pytest.mark.parametrize(
    ("language", "header", "status_hint", "date_hint"),
    [
        ("en", "error: 2 problems in the data:", 'did you mean "started"?', "write 2026-06-30"),
        ("nb", "feil: 2 problemer i dataene:", 'mente du "started"?', "skriv 2026-06-30"),
        ("nn", "feil: 2 problem i dataa:", 'meinte du "started"?', "skriv 2026-06-30"),
    ],
)
def test_a_data_error_in_each_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    header: str,
    status_hint: str,
    date_hint: str,
) -> None:
    plan = _broken_copy(tmp_path)
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    err = _validate(plan)
    assert err.startswith(header + "\n"), err
    assert status_hint in err
    assert "'påbegynt'" in err
    assert date_hint in err
    if language != "en":
        assert "problems in the data" not in err
        assert "did you mean" not in err


def test_the_locale_chooses_when_nothing_else_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _broken_copy(tmp_path)
    monkeypatch.setenv("LANG", "nn_NO.UTF-8")
    assert _validate(plan).startswith("feil: 2 problem i dataa:\n")


def test_the_cli_error_line_and_warnings_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", "nb")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--disable-plugin", "no-such-plugin", "check", str(EXAMPLE / "nowhere.toml")],
        stdout=out,
        stderr=err,
    )
    assert code == 2
    lines = err.getvalue().splitlines()
    assert lines[0] == (
        "advarsel: ba om å slå av 'no-such-plugin', men ingen utvidelse har det navnet"
    )
    assert lines[1].startswith("feil: ")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("30.06.2026", "2026-06-30"),
        ("1.7.2026", "2026-07-01"),
        ("30/06/2026", "2026-06-30"),
        ("30. juni 2026", "2026-06-30"),
        ("1. des. 2025", "2025-12-01"),
        ("31.06.2026", None),
        ("Innen utgangen av 2026", None),
    ],
)
def test_norwegian_dates(text: str, iso: str | None) -> None:
    assert norwegian_date(text) == iso


def test_the_core_catalogues_agree_by_the_testing_helper() -> None:
    from helsefellesskap.testing import check_message_catalogues

    assert check_message_catalogues() == []


def test_the_testing_helper_finds_a_missing_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helsefellesskap.testing import check_message_catalogues

    package = tmp_path / "pkg_with_messages"
    for language, text in (
        ("en", 'x = "file {name} is missing"\n'),
        ("nb", 'x = "fila {navn} mangler"\n'),
    ):
        folder = package / "messages" / language
        folder.mkdir(parents=True)
        (folder / "area.toml").write_text(text, encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    problems = check_message_catalogues("pkg_with_messages")
    assert "nb: area.x has other fields than English" in problems
    assert "nn: area.x is missing" in problems
