"""The rule engine: settings, fault isolation, rule selection, ordering and the JSON form."""

from __future__ import annotations

import json
import shutil
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from helsefellesskap import Finding, PluginManager, Rule, Severity, hookimpl, load_bundle
from helsefellesskap.validate import (
    JSON_FORMAT,
    JSON_VERSION,
    RULE_FAILED,
    ValidationContext,
    validate,
)

ROOT = Path(__file__).parent.parent
BASE = ROOT / "tests" / "fixtures" / "invalid" / "_base"
EXAMPLE = ROOT / "examples" / "eksempel"


@pytest.fixture
def manager() -> PluginManager:
    return PluginManager(entry_points=False, use_env=False)


def variant(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the base partnership with one text replaced in one file."""
    root = tmp_path / "partnership"
    shutil.copytree(BASE, root)
    path = root / file
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")
    return root


def with_settings(
    tmp_path: Path, settings: str, file: str = "", old: str = "", new: str = ""
) -> Path:
    root = (
        variant(tmp_path, file, old, new)
        if file
        else variant(tmp_path, "partnership.toml", "example = true\n", "example = true\n")
    )
    path = root / "partnership.toml"
    path.write_text(
        path.read_text("utf-8").replace("example = true\n", "example = true\n\n" + settings),
        "utf-8",
    )
    return root


def test_the_example_partnership_has_no_errors_or_warnings() -> None:
    report = validate(load_bundle(EXAMPLE))  # every installed plugin, as a user runs it
    assert report.counts[Severity.ERROR] == 0
    assert report.counts[Severity.WARNING] == 0
    assert not report.failed(strict=True)


def test_a_disabled_rule_does_not_run_and_its_reason_is_reported(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = with_settings(
        tmp_path,
        '[rules.HF605]\nenabled = false\nreason = "kilden har ingen frister"\n',
        "plans/plan.toml",
        "deadline = 2025-06-30\n",
        "",
    )
    report = validate(load_bundle(root), manager=manager)
    assert report.of("HF605") == ()
    assert "HF605" not in report.rules
    (setting,) = report.settings
    assert (setting.code, setting.enabled, setting.reason) == (
        "HF605",
        False,
        "kilden har ingen frister",
    )


def test_a_severity_setting_changes_the_findings_severity(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = with_settings(
        tmp_path,
        '[rules.HF201]\nseverity = "warning"\nreason = "under arbeid"\n',
        "plans/plan.toml",
        'responsible = ["fsu-a"]',
        'responsible = ["fsu-x"]',
    )
    report = validate(load_bundle(root), manager=manager)
    (finding,) = report.of("HF201")
    assert finding.severity is Severity.WARNING
    assert not report.failed()
    assert report.failed(strict=True)
    assert report.settings[0].severity is Severity.WARNING


def test_a_setting_that_only_gives_a_reason_changes_nothing(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = with_settings(tmp_path, '[rules.HF201]\nreason = "notert"\n')
    report = validate(load_bundle(root), manager=manager)
    assert report.findings == ()
    assert report.settings == ()


def _broken(context: ValidationContext) -> Iterator[Finding]:
    raise RuntimeError("boom")
    yield  # pragma: no cover


def _always(context: ValidationContext) -> Iterator[Finding]:
    yield Finding(
        code="XX002", severity=Severity.INFO, message="hello", document=context.partnership_id
    )


def _plugin() -> types.SimpleNamespace:
    @hookimpl
    def hf_rules() -> list[Rule]:
        return [
            Rule(code="XX001", severity=Severity.ERROR, title="t", explanation="e", check=_broken),
            Rule(code="XX002", severity=Severity.INFO, title="t", explanation="e", check=_always),
        ]

    return types.SimpleNamespace(hf_rules=hf_rules)


def test_a_rule_that_raises_becomes_a_finding_and_the_others_still_run() -> None:
    manager = PluginManager(
        plugins=["helsefellesskap.builtin.kinds", "helsefellesskap.builtin.rules", _plugin()],
        entry_points=False,
        use_env=False,
    )
    report = validate(load_bundle(BASE), manager=manager)
    (failed,) = report.of(RULE_FAILED)
    assert failed.severity is Severity.ERROR
    assert "XX001" in failed.message and "RuntimeError('boom')" in failed.message
    assert failed.file == BASE / "partnership.toml"
    (plugin_finding,) = report.of("XX002")
    assert plugin_finding.file == BASE / "partnership.toml"  # filled in from the document


def test_only_the_rules_given_run(manager: PluginManager) -> None:
    chosen = [manager.rules()["HF201"], manager.rules()["HF604"]]
    report = validate(load_bundle(BASE), manager=manager, rules=chosen)
    assert report.rules == ("HF201", "HF604")


def test_a_setting_for_a_registered_rule_that_was_not_chosen_is_not_unknown(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = with_settings(tmp_path, '[rules.HF605]\nenabled = false\nreason = "r"\n')
    report = validate(load_bundle(root), manager=manager, rules=[manager.rules()["HF002"]])
    assert report.findings == ()


def test_documents_keeps_only_their_findings(tmp_path: Path, manager: PluginManager) -> None:
    root = variant(tmp_path, "plans/plan.toml", 'responsible = ["fsu-a"]', 'responsible = ["x"]')
    report = validate(load_bundle(root), manager=manager, documents=["arsrapport-2024"])
    assert report.findings == ()
    report = validate(load_bundle(root), manager=manager, documents=["plan-2024-2025"])
    assert [f.code for f in report.findings] == ["HF201"]


def test_findings_are_ordered_by_file_then_path_with_numeric_indexes() -> None:
    findings = [
        Finding(
            code="A",
            severity=Severity.INFO,
            message="m",
            path="$.bodies[10].kind",
            file=Path("b.toml"),
        ),
        Finding(
            code="A",
            severity=Severity.INFO,
            message="m",
            path="$.bodies[2].kind",
            file=Path("b.toml"),
        ),
        Finding(code="A", severity=Severity.INFO, message="m", path="$.z", file=Path("a.toml")),
    ]
    ordered = sorted(findings, key=Finding.order_key)
    assert [(str(f.file), f.path) for f in ordered] == [
        ("a.toml", "$.z"),
        ("b.toml", "$.bodies[2].kind"),
        ("b.toml", "$.bodies[10].kind"),
    ]


def test_counts_always_hold_every_severity(manager: PluginManager) -> None:
    report = validate(load_bundle(BASE), manager=manager)
    assert dict(report.counts) == {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}


def test_the_json_form_has_the_documented_shape(tmp_path: Path, manager: PluginManager) -> None:
    root = variant(
        tmp_path, "plans/plan.toml", 'responsible = ["fsu-a"]', 'responsible = ["fsu-aa"]'
    )
    data = validate(load_bundle(root), manager=manager).to_json(strict=True)
    assert list(data) == [
        "format",
        "version",
        "partnership",
        "strict",
        "failed",
        "counts",
        "rules",
        "settings",
        "findings",
        "problems",
        "plugin_failures",
    ]
    assert data["problems"] == [] and data["plugin_failures"] == []
    assert data["format"] == JSON_FORMAT and data["version"] == JSON_VERSION == 1
    assert data["counts"] == {"error": 1, "warning": 0, "info": 0}
    assert data["failed"] is True and data["strict"] is True
    assert data["findings"] == [
        {
            "code": "HF201",
            "severity": "error",
            "file": "plans/plan.toml",
            "document": "plan-2024-2025",
            "line": 33,
            "column": 16,
            "path": "$.focus_areas[0].goals[0].measures[0].responsible[0]",
            "message": 'responsible "fsu-aa" is not a partner, body, role or group of the '
            "partnership",
            "suggestion": "fsu-a",
        }
    ]
    json.dumps(data)  # plain JSON data throughout


def test_validate_takes_a_bundle_not_a_document() -> None:
    from helsefellesskap import UsageError, load_bundle
    from helsefellesskap.validate import validate as run_validation

    bundle = load_bundle(Path(__file__).parent.parent / "examples" / "eksempel")
    with pytest.raises(UsageError, match=r"validate\(\) takes a Bundle .* not ActionPlan"):
        run_validation(bundle.document("handlingsplan-2024-2025"))  # type: ignore[arg-type]


def test_summary_counts_in_words() -> None:
    from helsefellesskap import load_bundle
    from helsefellesskap.validate import validate as run_validation

    bundle = load_bundle(Path(__file__).parent.parent / "examples" / "eksempel")
    report = run_validation(bundle, manager=PluginManager(entry_points=False))
    assert report.summary() == "0 errors, 0 warnings, 3 infos"
