"""The ``helsefellesskap`` program tunes the garbage collector for a process that runs
one command and exits (issue 11 §3); :func:`helsefellesskap.cli.main` called with
arguments from other code leaves the collector as it was."""

from __future__ import annotations

import gc
import subprocess
import sys

from helsefellesskap.cli import YOUNG_THRESHOLD, main

PROGRAM = """
import atexit, gc, sys
# registered first, so it runs last: after the command line's own exit handler
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
sys.argv = ["helsefellesskap", *{arguments!r}]
from helsefellesskap.cli import main
default = gc.get_threshold()[0]
status = main()
print("threshold:", "default" if gc.get_threshold()[0] == default else gc.get_threshold()[0])
sys.exit(status)
"""


def run_program(*arguments: str) -> list[str]:
    """What a fresh interpreter running the program with ``arguments`` prints last."""
    code = PROGRAM.format(arguments=list(arguments))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()[-2:]


def test_the_program_collects_young_objects_less_often_and_freezes_at_exit() -> None:
    assert run_program("plugins") == [f"threshold: {YOUNG_THRESHOLD}", "frozen at exit: True"]


def test_version_leaves_the_collector_alone() -> None:
    assert run_program("--version") == ["threshold: default", "frozen at exit: False"]


def test_main_called_with_arguments_leaves_the_collector_alone() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    assert main(["-l", "en", "plugins"]) == 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
