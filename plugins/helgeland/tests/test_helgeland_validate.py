"""Validation: no errors, and exactly the warnings the README explains."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs

from helsefellesskap import Bundle, PluginManager, Severity
from helsefellesskap.validate import validate

PLAN = "handlingsplan-2023-2025"
README = Path(__file__).resolve().parents[1] / "README.md"

# Every warning, by (document, rule, path): the plugin's README explains each of them.
EXPECTED_WARNINGS = {
    ("helgeland", "HF401", "$.bodies[1].seats"),
    ("helgeland", "HF402", "$.bodies[0].seats"),
    ("helgeland", "HF301", "$.bodies[3].seats"),
    ("helgeland", "HF302", "$.bodies[3].seats"),
    ("helgeland", "HF304", "$.bodies[3].mandate"),
    ("helgeland", "HF305", "$.bodies[3].term"),
    ("helgeland", "HF306", "$.bodies[3].other_sectors_considered"),
    (PLAN, "HF501", "$.period"),
    (PLAN, "HF604", "$.focus_areas[2].goals[0].measures[3].responsible"),
    (PLAN, "HF604", "$.focus_areas[2].goals[0].measures[4].responsible"),
    (PLAN, "HF604", "$.focus_areas[2].goals[0].measures[5].responsible"),
    (PLAN, "HF604", "$.focus_areas[2].goals[1].measures[0].responsible"),
    (PLAN, "HF604", "$.focus_areas[2].goals[1].measures[1].responsible"),
}


def _by_severity(
    bundle: Bundle, manager: PluginManager, severity: Severity
) -> set[tuple[str | None, str, str]]:
    report = validate(bundle, manager=manager)
    return {(f.document, f.code, f.path) for f in report.findings if f.severity is severity}


def test_the_partnership_validates_without_errors(bundle: Bundle, manager: PluginManager) -> None:
    report = validate(bundle, manager=manager)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert not report.failed()


def test_the_warnings_are_exactly_those_the_readme_explains(
    bundle: Bundle, manager: PluginManager
) -> None:
    assert _by_severity(bundle, manager, Severity.WARNING) == EXPECTED_WARNINGS


def test_the_only_notes_are_the_untagged_priority_groups(
    bundle: Bundle, manager: PluginManager
) -> None:
    report = validate(bundle, manager=manager)
    infos = [f for f in report.findings if f.severity is Severity.INFO]
    assert [f.code for f in infos] == ["HF608"] * 4
    assert {f.message.split('"')[1] for f in infos} == {
        "children-and-young",
        "multiple-chronic",
        "mental-health-and-substance",
        "frail-elderly",
    }


def test_without_its_settings_the_open_cells_would_be_errors(
    bundle: Bundle, manager: PluginManager
) -> None:
    # The settings in partnership.toml are what turn these into warnings; each has a reason.
    settings = bundle.partnership.rules
    assert set(settings) == {"HF301", "HF302", "HF604"}
    assert all(s.severity is Severity.WARNING and s.reason for s in settings.values())
    bare = attrs.evolve(bundle, partnership=attrs.evolve(bundle.partnership, rules={}))
    errors = _by_severity(bare, manager, Severity.ERROR)
    assert {code for _doc, code, _path in errors} == {"HF301", "HF302", "HF604"}
    assert len(errors) == 7


def test_the_command_line_reports_no_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helsefellesskap", "validate", "helgeland"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary == "ok: 0 errors, 13 warnings, 4 infos"
    # The README quotes the line as the command prints it.
    assert f"\n{summary}\n" in README.read_text("utf-8")
