"""Validation: no errors for the shipped data, and TO101 catches a representative without a vote."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helsefellesskap_troms_ofoten import SSU_VOTE_RULE, data_path

from helsefellesskap import Bundle, PluginManager, Severity, load_bundle
from helsefellesskap.testing import run_cli
from helsefellesskap.validate import validate

README = Path(__file__).resolve().parents[1] / "README.md"

SSU_SEATS = """seats = [
    { holder = "unn", rights = ["attend", "speak", "vote"] },
    { holder = "kommunene", rights = ["attend", "speak", "vote"] },
    { holder = "fastleger", rights = ["attend", "speak", "vote"] },
    { holder = "brukere", rights = ["attend", "speak", "vote"] },
    { holder = "ungdom", rights = ["attend", "speak", "vote"] },
]"""


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the shipped data folder, to break."""
    target = tmp_path / "troms-ofoten"
    shutil.copytree(data_path(), target)
    return target


def _edit(folder: Path, old: str, new: str) -> Path:
    file = folder / "partnership.toml"
    text = file.read_text("utf-8")
    assert text.count(old) == 1, f"the data no longer holds {old!r}"
    file.write_text(text.replace(old, new), "utf-8")
    return file


def test_the_shipped_data_has_no_errors(manager: PluginManager, bundle: Bundle) -> None:
    report = validate(bundle, manager=manager)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert report.of("TO101") == ()


def test_the_cli_validates_the_partnership_without_errors() -> None:
    result = run_cli("validate", "troms-ofoten")
    assert result.code == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors\b", result.stdout)


def test_every_remaining_warning_is_explained_in_the_readme(
    manager: PluginManager, bundle: Bundle
) -> None:
    report = validate(bundle, manager=manager)
    codes = {f.code for f in report.findings if f.severity is not Severity.INFO}
    readme = README.read_text("utf-8")
    unexplained = sorted(code for code in codes if f"`{code}`" not in readme)
    assert unexplained == []


def test_the_readme_counts_are_those_of_the_output(manager: PluginManager, bundle: Bundle) -> None:
    # The README's tables: "| `HF301` | 7 | why … |", warnings and infos alike.
    readme = README.read_text("utf-8")
    written = {code: int(n) for code, n in re.findall(r"^\| `(HF\d+)` \| (\d+) \|", readme, re.M)}
    report = validate(bundle, manager=manager)
    counted = Counter(f.code for f in report.findings)
    assert written == dict(counted)


def test_the_readme_quotes_the_summary_line_of_the_cli() -> None:
    result = run_cli("validate", "troms-ofoten")
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("ok: 0 errors")
    assert f"\n{summary}\n" in README.read_text("utf-8")


def test_a_gp_seat_without_a_vote_in_ssu_is_an_error(copy: Path, manager: PluginManager) -> None:
    file = _edit(
        copy,
        '{ holder = "fastleger", rights = ["attend", "speak", "vote"] }',
        '{ holder = "fastleger", rights = ["attend", "speak"] }',
    )
    report = validate(load_bundle(copy, types=manager.document_types()), manager=manager)
    findings = report.of("TO101")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "the GP representatives (fastlegerepresentanter) have no vote in SSU; give a seat whose"
        ' holder is of kind "gp-representatives" the right "vote"'
        ' (rights = ["attend", "speak", "vote"])'
    )
    assert finding.path == "$.bodies[0].seats"
    assert finding.document == "troms-ofoten"
    assert finding.file == file
    assert finding.suggestion is None  # advice is in the message; a suggestion is a value


def test_user_and_youth_representatives_missing_from_ssu_are_two_errors(
    copy: Path, manager: PluginManager
) -> None:
    _edit(
        copy,
        SSU_SEATS,
        """seats = [
    { holder = "unn", rights = ["attend", "speak", "vote"] },
    { holder = "kommunene", rights = ["attend", "speak", "vote"] },
    { holder = "fastleger", rights = ["attend", "speak", "vote"] },
]""",
    )
    report = validate(load_bundle(copy, types=manager.document_types()), manager=manager)
    messages = sorted(f.message for f in report.of("TO101"))
    assert messages == [
        "the user representatives (brukerrepresentanter) have no vote in SSU; give a seat"
        ' whose holder is of kind "user-representatives" the right "vote"'
        ' (rights = ["attend", "speak", "vote"])',
        "the youth representatives (ungdomsrepresentanter) have no vote in SSU; give a seat"
        ' whose holder is of kind "youth-representatives" the right "vote"'
        ' (rights = ["attend", "speak", "vote"])',
    ]
    assert {f.path for f in report.of("TO101")} == {"$.bodies[0].seats"}


def test_a_vote_through_a_group_counts(copy: Path, manager: PluginManager) -> None:
    # A group standing for every member kind carries the vote for all of them.
    _edit(
        copy,
        SSU_SEATS,
        'seats = [{ holder = "felles", rights = ["attend", "speak", "vote"] }]',
    )
    report = validate(load_bundle(copy, types=manager.document_types()), manager=manager)
    assert report.of("TO101") == ()


def test_a_partnership_without_ssu_is_an_error(copy: Path, manager: PluginManager) -> None:
    _edit(copy, 'kind = "strategic-committee"', 'kind = "working-group"')
    report = validate(
        load_bundle(copy, types=manager.document_types()),
        manager=manager,
        rules=[SSU_VOTE_RULE],
    )
    findings = report.of("TO101")
    assert [f.message for f in findings] == [
        "the partnership has no strategic committee (SSU) to give the votes in; add a body"
        ' with kind = "strategic-committee"'
    ]
    assert findings[0].path == "$.bodies"
    assert findings[0].suggestion is None


def test_the_rule_leaves_other_partnerships_alone(copy: Path, manager: PluginManager) -> None:
    _edit(copy, 'id = "troms-ofoten"', 'id = "et-annet"')
    for document in copy.rglob("*.toml"):
        text = document.read_text("utf-8")
        moved = text.replace('partnership = "troms-ofoten"', 'partnership = "et-annet"')
        document.write_text(moved, "utf-8")
    _edit(copy, '    { holder = "brukere", rights = ["attend", "speak", "vote"] },\n', "")
    bundle = load_bundle(copy, types=manager.document_types())
    assert bundle.partnership.id == "et-annet"
    report = validate(bundle, manager=manager, rules=[SSU_VOTE_RULE])
    assert report.of("TO101") == ()


def test_a_misspelt_responsible_id_is_reported_with_its_path(
    copy: Path, manager: PluginManager
) -> None:
    plan = copy / "plans" / "handlingsplan-2023.toml"
    text = plan.read_text("utf-8")
    plan.write_text(text.replace('responsible = ["fsu-bu"]', 'responsible = ["fsu-buu"]'), "utf-8")
    report = validate(load_bundle(copy, types=manager.document_types()), manager=manager)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert len(errors) == 1
    error = errors[0]
    assert error.document == "handlingsplan-2023"
    assert error.path == "$.focus_areas[0].goals[0].measures[0].responsible[0]"
    assert "fsu-buu" in error.message
    assert error.suggestion is not None and "fsu-bu" in error.suggestion
