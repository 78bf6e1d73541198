"""``make demo``'s import step (``examples/_importing.py``, run by ``examples/eksempel.py``):
the example's plan, written as Word, imported into a copy of the example with its report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import helsefellesskap as hf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_demo_imports_a_word_plan_of_the_example_and_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLES))
    sys.modules.pop("_importing", None)
    from _importing import import_demo

    manager = hf.PluginManager()
    if "docx" not in manager.render_formats():
        pytest.skip("the docx plugin is not installed")
    bundle = hf.load_bundle(EXAMPLES / "eksempel", types=manager.document_types())
    text = import_demo(bundle, EXAMPLES / "eksempel", tmp_path / "import", manager)
    assert "imported handlingsplan-2024-2025.docx: 2 focus areas, 3 goals, 4 measures" in text
    assert "check: ok" in text and "validate: 0 errors" in text
    written = tmp_path / "import" / "eksempel" / "plans" / "handlingsplan-2024-2025-importert.toml"
    assert written.is_file()
    assert "'Innen utgangen av 2024' read as 2024-12-31" in text


def test_the_example_script_runs_the_import_step() -> None:
    script = (EXAMPLES / "eksempel.py").read_text("utf-8")
    assert "print(import_demo(" in script
