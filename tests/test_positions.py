"""Every problem and finding carries the line and column of its key (issue 20 §5)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helsefellesskap import DataError, default_manager, load_bundle
from helsefellesskap.io.installed import load_installed
from helsefellesskap.io.positions import PositionIndex, locate
from helsefellesskap.validate import validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
TARGETS = ("eksempel", "helgeland", "troms-ofoten")
_LAST_KEY = re.compile(r'(?:\.([A-Za-z0-9_-]+)|\["([^"]+)"\])(?:\[\d+\])*$')


def _bundle(target: str):  # type: ignore[no-untyped-def]
    if target == "eksempel":
        return load_bundle(EXAMPLE)
    return load_installed(target, default_manager())


def _holds_key(line: str, column: int, path: str) -> bool:
    """Whether ``line`` at ``column`` starts the key or header the path ends in (or an item
    of the list the path names)."""
    match = _LAST_KEY.search(path)
    assert match is not None, path
    key = match[1] or match[2]
    at = line[column - 1 :]
    if at.startswith("["):  # a table header names the key as its last part
        return re.search(rf"[.\[\s\"]{re.escape(key)}\"?\s*\]", at) is not None
    return key in at.split("=")[0] or path.endswith("]")


@pytest.mark.parametrize("target", TARGETS)
def test_every_finding_points_at_its_key(target: str) -> None:
    report = validate(_bundle(target), manager=default_manager())
    placed = [f for f in report.findings if f.path != "$" and f.file is not None]
    for finding in placed:
        assert finding.file is not None
        text = finding.file.read_text("utf-8")
        # the path itself, or (for a key the file leaves out) its nearest written ancestor
        written = PositionIndex.of(text).positions
        path = finding.path
        while path != "$" and path not in written:
            path = re.sub(r"(\.[A-Za-z0-9_-]+|\[\"[^\"]+\"\]|\[\d+\])$", "", path)
        if path == "$":  # nothing of the path is written: the finding is about the file
            assert (finding.line, finding.column) == (None, None)
            continue
        assert written[path] == (finding.line, finding.column)
        line = text.splitlines()[finding.line - 1]
        assert _holds_key(line, finding.column, path), (finding, line)


@pytest.mark.parametrize("target", TARGETS)
def test_every_key_of_every_bundled_file_is_found_on_its_line(target: str) -> None:
    bundle = _bundle(target)
    for file in set(bundle.files.values()):
        text = file.read_text("utf-8")
        lines = text.splitlines()
        index = PositionIndex.of(text)
        assert index.positions, file
        last = max(line for line, _column in index.positions.values())
        assert last >= len([n for n in lines if n.strip() and not n.startswith("#")]) // 2
        for path, (line, column) in index.positions.items():
            if path.endswith("]"):
                continue
            assert _holds_key(lines[line - 1], column, path), (file, path, line)


def test_paths_in_tables_inline_tables_and_lists() -> None:
    text = (
        'id = "x"\n'
        "[[focus_areas]]\n"
        'id = "a"\n'
        "[[focus_areas.goals]]\n"
        'id = "g"\n'
        "[[focus_areas]]\n"
        '  id = "b"  # a comment\n'
        '  notes = """\n[[not.a.header]]\n"""\n'
        "  [[focus_areas.goals]]\n"
        "  measures = [\n"
        '    { id = "m0" },\n'
        '    { id = "m1", "odd key" = 1, responsible = ["a", "b"] },\n'
        "  ]\n"
        "[layout]\n"
        "a.b = 1\n"
    )
    assert locate(text, "$.id") == (1, 1)
    assert locate(text, "$.focus_areas[0].goals[0].id") == (5, 1)
    assert locate(text, "$.focus_areas[1].id") == (7, 3)
    assert locate(text, "$.focus_areas[1]") == (6, 1)
    assert locate(text, "$.focus_areas[1].goals[0]") == (11, 3)
    assert locate(text, "$.focus_areas[1].goals[0].measures[1]") == (14, 5)
    assert locate(text, '$.focus_areas[1].goals[0].measures[1]["odd key"]') == (14, 18)
    assert locate(text, "$.focus_areas[1].goals[0].measures[1].responsible[1]") == (14, 53)
    assert locate(text, "$.not") is None
    assert locate(text, "$.layout.a.b") == (17, 1)
    # a path the text does not spell out is placed at its nearest written ancestor
    assert locate(text, "$.focus_areas[1].goals[0].measures[0].deadline") == (13, 5)


def test_a_loading_problem_has_the_line_and_column_of_its_key(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    lines = plan.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("deadline = "))
    lines[at] = 'deadline = "snart"'
    plan.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataError) as caught:
        load_bundle(root)
    (problem,) = caught.value.problems
    assert problem.path.endswith(".deadline")
    assert (problem.line, problem.column) == (at + 1, 1)
    assert f"{plan}:{at + 1}:1: {problem.path}" in str(problem)
