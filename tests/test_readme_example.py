"""The README's example for developers type-checks under ``mypy --strict`` and runs."""

from __future__ import annotations

import os
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
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(example),
        ],
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


def test_the_command_make_demo_suggests_works_as_printed() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    venv = re.search(r"^VENV := (.+)$", makefile, re.M)
    suggested = re.search(r"^DEMO_NEXT := (.+)$", makefile, re.M)
    assert venv and suggested, "the Makefile names the command the demo suggests (DEMO_NEXT)"
    assert 'echo "Next, try: $(DEMO_NEXT)"' in makefile
    command = suggested.group(1).replace("$(VENV)", venv.group(1)).split()
    if not (REPO / command[0]).is_file():  # another environment than make's: same command
        command[0] = str(Path(sys.executable).parent / "helsefellesskap")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: 0 errors" in result.stdout
    look = re.search(r"^DEMO_LOOK := (.+)$", makefile, re.M)
    assert look and look.group(1).startswith("build/")


def test_the_users_command_does_not_show_the_template_partnership() -> None:
    """make installs the plugin template for the tests only (conftest.py), not for the user."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = Path(sys.executable).parent / "helsefellesskap"
    result = subprocess.run(
        [str(command), "list"], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "troms-ofoten" in result.stdout
    assert "malby" not in result.stdout, (
        "the plugin template is installed into this environment: "
        "pip uninstall helsefellesskap-plugin-template"
    )
