"""What ``import helsefellesskap`` costs: no command line, no argparse."""

from __future__ import annotations

import subprocess
import sys


def _imported_modules(statement: str) -> list[str]:
    """The modules ``python -X importtime -c statement`` reports importing."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    names = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.append(line.rsplit("|", 1)[1].strip())
    return names


def test_import_does_not_load_the_command_line_or_argparse() -> None:
    names = _imported_modules("import helsefellesskap")
    assert "helsefellesskap" in names  # the measurement itself works
    unwanted = [n for n in names if n == "argparse" or n.startswith("helsefellesskap.cli")]
    assert unwanted == []


def test_command_is_importable_without_the_command_line() -> None:
    names = _imported_modules("from helsefellesskap.command import Command, CommandContext")
    assert "helsefellesskap.command" in names
    assert not [n for n in names if n == "argparse" or n.startswith("helsefellesskap.cli")]
