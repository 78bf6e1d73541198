"""The command line builds the parser of the command asked for only (issue 11 §3): the
other commands' parsers are built when the top level lists them (``--help``) or refuses
a command it does not know."""

from __future__ import annotations

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
