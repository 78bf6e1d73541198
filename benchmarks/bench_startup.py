"""Start-up cost: importing the library and answering ``--version``.

The baseline is importing the core's own dependencies (attrs, cattrs, pluggy) in a fresh
interpreter, measured in the same run; the library should add little on top of them, and
heavy libraries (Jinja2, python-docx) must not be imported at all until used.
"""

from __future__ import annotations

import subprocess
import sys

from .common import Ratio, best_of

__all__ = ["run"]


def _python(code: str) -> int:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return done.returncode


def run(repeat: int = 7) -> list[Ratio]:
    """Time fresh interpreters importing the dependencies, the library and the CLI."""
    baseline, _ = best_of(repeat, lambda: _python("import attrs, cattrs, pluggy"))
    library, _ = best_of(repeat, lambda: _python("import helsefellesskap"))
    version, _ = best_of(
        repeat,
        lambda: _python("from helsefellesskap.cli import main; main(['--version'])"),
    )
    detail = (
        f"dependencies {baseline * 1000:.0f} ms, library {library * 1000:.0f} ms, "
        f"--version {version * 1000:.0f} ms"
    )
    return [
        Ratio(
            name="import helsefellesskap / import dependencies",
            value=library / baseline,
            target=6.0,
            detail=detail,
        ),
        Ratio(
            name="helsefellesskap --version / import helsefellesskap",
            value=version / library,
            target=1.5,
        ),
    ]
