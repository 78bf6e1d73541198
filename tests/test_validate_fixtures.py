"""The corpus of invalid fixtures: each is the clean base partnership with one mistake,
and each asserts the exact findings (code, severity, file, path, message, suggestion)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.validate import ValidationReport, validate

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
BASE = FIXTURES / "_base"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_"))


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    # The built-in plugins only, so that installed plugins' rules cannot change the outcome.
    return PluginManager(entry_points=False, use_env=False)


def assemble(case: str, into: Path) -> Path:
    """The base partnership with the fixture's files laid over it."""
    root = into / "partnership"
    shutil.copytree(BASE, root)
    for file in (FIXTURES / case).rglob("*.toml"):
        if file.name != "expect.toml":
            target = root / file.relative_to(FIXTURES / case)
            target.parent.mkdir(parents=True, exist_ok=True)  # a document folder _base lacks
            shutil.copyfile(file, target)
    return root


def run(root: Path, manager: PluginManager) -> ValidationReport:
    return validate(load_bundle(root), manager=manager)


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


def test_the_base_passes_every_rule(manager: PluginManager) -> None:
    report = validate(load_bundle(BASE), manager=manager)
    assert report.findings == ()
    assert set(report.rules) == set(manager.rules())


def test_every_builtin_rule_fails_on_some_fixture(manager: PluginManager) -> None:
    expected = set()
    for case in CASES:
        data = tomllib.loads((FIXTURES / case / "expect.toml").read_text("utf-8"))
        expected |= {f["code"] for f in data["findings"]}
    assert set(manager.rules()) - expected == set()


@pytest.mark.parametrize("case", CASES)
def test_fixture_produces_exactly_its_findings(
    case: str, tmp_path: Path, manager: PluginManager
) -> None:
    expect = tomllib.loads((FIXTURES / case / "expect.toml").read_text("utf-8"))
    report = run(assemble(case, tmp_path), manager)
    got = [
        {
            "code": f.code,
            "severity": f.severity.value,
            "file": report.file_label(f),
            "path": f.path,
            "message": f.message,
            **({"suggestion": f.suggestion} if f.suggestion else {}),
        }
        for f in report.findings
    ]
    assert got == expect["findings"], expect["description"]
    # The fixture names its rule first; that rule's findings are among those asserted.
    code = case.split("-", 1)[0].upper()
    assert any(f.code == code for f in report.findings)
