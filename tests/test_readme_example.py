"""The README's example for developers type-checks under ``mypy --strict`` and runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _example() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("## For a developer") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's developer section has no python code block"
    return match.group(1)


@pytest.mark.slow
def test_readme_example_passes_mypy_strict(tmp_path: Path) -> None:
    example = tmp_path / "readme_example.py"
    example.write_text(_example(), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
         str(tmp_path / "cache"), str(example)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_example_runs(tmp_path: Path) -> None:
    example = tmp_path / "readme_example.py"
    example.write_text(_example(), "utf-8")
    result = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
