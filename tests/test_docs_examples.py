"""The Python examples in the README and the user guide run as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import REPO

PAGES = [REPO / "README.md", REPO / "docs" / "index.md"]


def _blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text("utf-8"), re.S)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(page)
    assert blocks, f"{page.name} has no Python example"
    monkeypatch.chdir(REPO)
    for block in blocks:
        namespace: dict[str, object] = {}
        exec(compile(block, str(page), "exec"), namespace)


def test_readme_quick_start_is_the_two_commands() -> None:
    text = (REPO / "README.md").read_text("utf-8")
    start = text.index("## Quick start")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert commands == ["make demo", "make test"]


def test_ci_runs_make_test() -> None:
    script = (REPO / ".ci" / "run").read_text("utf-8")
    assert "make test" in script
    assert os.access(REPO / ".ci" / "run", os.X_OK)
