"""The command line builds the parser of the command asked for only (issue 11 §3): the
other commands' parsers are built when the top level lists them (``--help``) or refuses
a command it does not know."""

from __future__ import annotations

import pytest

from helsefellesskap.builtin.commands import BUILTIN_COMMANDS
from helsefellesskap.testing import run_cli

NAMES = [name for name, _help, _target in BUILTIN_COMMANDS]


def test_an_unknown_command_is_refused_with_every_command_named() -> None:
    result = run_cli("-l", "en", "chekc")
    assert result.code == 2
    assert all(repr(name) in result.stderr for name in NAMES)


def test_the_top_level_help_lists_every_command() -> None:
    result = run_cli("-l", "en", "--help")
    assert result.code == 0
    assert all(f"    {name} " in result.stdout for name in NAMES)


def test_a_command_parses_its_own_arguments_and_refuses_others() -> None:
    help_text = run_cli("-l", "en", "check", "--help")
    assert help_text.code == 0 and "PATH" in help_text.stdout
    assert "--traceback" not in help_text.stdout  # the plugins command's option
    wrong = run_cli("-l", "en", "check", "examples/eksempel", "--traceback")
    assert wrong.code == 2
    assert "unrecognized arguments: '--traceback'" in wrong.stderr


def test_the_help_is_as_wide_as_shutil_says_the_terminal_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from helsefellesskap.cli.parsing import terminal_columns

    for columns in ("50", "0", "wide", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert terminal_columns() == shutil.get_terminal_size().columns, columns
    monkeypatch.setenv("COLUMNS", "50")
    narrow = run_cli("-l", "en", "check", "--help").stdout.split("\n\n")[0]
    assert len(narrow.splitlines()) == 4  # wrapped to the width asked for
    monkeypatch.setenv("COLUMNS", "200")
    wide = run_cli("-l", "en", "check", "--help").stdout.split("\n\n")[0]
    assert len(wide.splitlines()) == 1


def test_the_command_line_package_gives_its_names_on_first_use() -> None:
    import helsefellesskap.cli as cli
    from helsefellesskap.cli.app import EXIT_CODES, format_data_error

    assert cli.EXIT_CODES is EXIT_CODES and cli.format_data_error is format_data_error
    assert all(getattr(cli, name) is not None for name in cli.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = cli.nothing
