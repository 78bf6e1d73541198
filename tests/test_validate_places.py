"""Findings' line and column: each run scans the files with findings (nothing
is kept between runs, so a repeated run costs what the first did), and a changed file's
findings move with its lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helsefellesskap import load_bundle
from helsefellesskap.io import positions
from helsefellesskap.validate import validate

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"


def _placed(report: object) -> list[tuple[str, str, int | None, int | None]]:
    return [
        (f.code, f.path, f.line, f.column)
        for f in report.findings  # type: ignore[attr-defined]
        if f.path != "$"
    ]


def test_each_run_scans_the_files_with_findings_and_a_changed_file_moves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    plan = root / PLAN
    text = plan.read_text(encoding="utf-8")
    # a measure without a deadline: a finding (HF605) at a path the file does not write
    start = text.index("deadline =", text.index("[[focus_areas.goals.measures]]"))
    plan.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")

    scanned: list[int] = []
    scan = positions.PositionIndex.of.__func__  # type: ignore[attr-defined]

    def counting(cls: type[positions.PositionIndex], text: str) -> positions.PositionIndex:
        scanned.append(len(text))
        return scan(cls, text)  # type: ignore[no-any-return]

    monkeypatch.setattr(positions.PositionIndex, "of", classmethod(counting))
    first = validate(load_bundle(root))
    assert scanned, "the first run scans the files with findings"
    assert any(code == "HF605" and line is not None for code, _p, line, _c in _placed(first))

    files = len(scanned)
    scanned.clear()
    again = validate(load_bundle(root))
    assert len(scanned) == files
    assert _placed(again) == _placed(first)

    # one more line above everything: every finding of the plan moves down a line
    plan.write_text("# a new first line\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    scanned.clear()
    moved = validate(load_bundle(root))
    assert len(scanned) == files

    def lines(report: object) -> dict[tuple[str, str], int]:
        return {
            (f.code, f.path): f.line
            for f in report.findings  # type: ignore[attr-defined]
            if f.file == plan and f.line is not None
        }

    before, after = lines(first), lines(moved)
    assert after and after.keys() == before.keys()
    assert all(after[key] == before[key] + 1 for key in after)
