"""``helsefellesskap validate``: output grouped by file, counts, JSON, --strict, exit codes."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from helsefellesskap.cli import main

ROOT = Path(__file__).parent.parent
BASE = ROOT / "tests" / "fixtures" / "invalid" / "_base"
EXAMPLE = ROOT / "examples" / "eksempel"


@pytest.fixture(autouse=True)
def _builtins_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # Installed plugins may add rules; these tests are about the command itself.
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["validate", *argv], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def variant(tmp_path: Path, file: str, *replacements: tuple[str, str]) -> Path:
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    path = root / file
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return root


def test_a_clean_partnership_exits_0_with_counts() -> None:
    status, out, err = run(str(BASE))
    assert (status, err) == (0, "")
    assert out.strip() == "ok: 0 errors, 0 warnings, 0 infos"


def test_the_example_validates_with_only_infos() -> None:
    status, out, _ = run(str(EXAMPLE))
    assert status == 0
    assert out.splitlines()[0] == str(EXAMPLE / "plans" / "handlingsplan-2024-2025.toml")
    assert "info HF608" in out
    assert out.splitlines()[-1] == "ok: 0 errors, 0 warnings, 3 infos"


def test_errors_exit_1_grouped_by_file_and_sorted_by_path(tmp_path: Path) -> None:
    root = variant(
        tmp_path,
        "plans/plan.toml",
        ('responsible = ["fsu-b"]', 'responsible = ["fsu-c"]'),
        ('responsible = ["fsu-a"]', 'responsible = ["fsu-aa"]'),
    )
    (root / "partnership.toml").write_text(
        (root / "partnership.toml")
        .read_text("utf-8")
        .replace('kind = "secretariat"', 'kind = "secretary"'),
        "utf-8",
    )
    status, out, _ = run(str(root))
    assert status == 1
    lines = out.splitlines()
    partnership_at = lines.index(str(root / "partnership.toml"))
    plan_at = lines.index(str(root / "plans" / "plan.toml"))
    assert partnership_at < plan_at
    assert lines[partnership_at + 1] == (
        f"  {root / 'partnership.toml'}:118:1: "
        '$.bodies[4].kind: error HF204: "secretary" is not a registered body kind '
        '(did you mean "secretariat"?)'
    )
    assert (
        ":33:16: $.focus_areas[0].goals[0].measures[0].responsible[0]: error HF201:"
        in lines[plan_at + 1]
    )
    assert ": $.focus_areas[0].goals[1].measures[0].responsible[0]: error HF201:" in (
        lines[plan_at + 2]
    )
    assert lines[-1] == "failed: 3 errors, 0 warnings, 0 infos"


def test_strict_makes_warnings_fail(tmp_path: Path) -> None:
    root = variant(tmp_path, "plans/plan.toml", ("deadline = 2025-06-30\n", ""))
    status, out, _ = run(str(root))
    assert status == 0 and "warning HF605" in out
    status, out, _ = run(str(root), "--strict")
    assert status == 1
    assert out.splitlines()[-1] == "failed: 0 errors, 1 warning, 0 infos (strict: warnings fail)"


def test_json_output(tmp_path: Path) -> None:
    root = variant(tmp_path, "plans/plan.toml", ("deadline = 2025-06-30\n", ""))
    status, out, _ = run(str(root), "--format", "json", "--strict")
    data = json.loads(out)
    assert status == 1
    assert data["format"] == "helsefellesskap-validation" and data["version"] == 1
    assert data["failed"] is True
    assert [(f["code"], f["file"], f["path"]) for f in data["findings"]] == [
        ("HF605", "plans/plan.toml", "$.focus_areas[0].goals[0].measures[1].deadline")
    ]


def test_a_document_target_reports_only_that_document(tmp_path: Path) -> None:
    root = variant(tmp_path, "plans/plan.toml", ('responsible = ["fsu-a"]', 'responsible = ["x"]'))
    status, out, _ = run(str(root / "reports" / "arsrapport.toml"))
    assert status == 0 and "HF201" not in out
    status, out, _ = run(str(root / "plans" / "plan.toml"))
    assert status == 1 and "error HF201" in out


def test_an_unknown_target_exits_2_with_the_reason() -> None:
    status, out, err = run("no-such-partnership")
    assert status == 2 and out == ""
    assert "'no-such-partnership' is neither a file, a folder nor an installed partnership" in err


def test_data_that_does_not_load_exits_2_with_its_path(tmp_path: Path) -> None:
    root = variant(tmp_path, "plans/plan.toml", ("deadline = 2024\n", 'deadline = "soon"\n'))
    status, out, err = run(str(root))
    assert status == 2 and out == ""
    assert "plan.toml:34:1: $.focus_areas[0].goals[0].measures[0].deadline" in err


def test_a_bad_format_is_a_usage_error() -> None:
    status, _out, _err = run(str(BASE), "--format", "xml")
    assert status == 2


def test_data_that_does_not_load_is_json_too(tmp_path: Path) -> None:
    root = variant(tmp_path, "plans/plan.toml", ("deadline = 2024\n", 'deadline = "soon"\n'))
    status, out, _ = run(str(root), "--format", "json")
    data = json.loads(out)
    assert status == 2
    assert data["failed"] is True and data["findings"] == []
    [problem] = data["problems"]
    assert problem["file"].endswith("plan.toml")
    assert problem["path"] == "$.focus_areas[0].goals[0].measures[0].deadline"
    assert problem["message"] == "'soon' is not a deadline on its own"


def test_json_lists_plugin_failures_and_strict_fails_on_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = tmp_path / "broken_rules_plugin.py"
    plugin.write_text(
        "from helsefellesskap import hookimpl\n\n"
        "@hookimpl\ndef hf_rules():\n    raise RuntimeError('rules exploded')\n",
        "utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    from helsefellesskap import PluginManager
    from helsefellesskap.plugins import DEFAULT_PLUGINS

    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, "broken_rules_plugin"], entry_points=False)
    monkeypatch.setattr("helsefellesskap.plugins.PluginManager", lambda **_: manager)
    status, out, _ = run(str(BASE), "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["plugin_failures"] == [
        {
            "plugin": "broken_rules_plugin",
            "hook": "hf_rules",
            "message": "raised RuntimeError('rules exploded')",
        }
    ]
    status, out, _ = run(str(BASE), "--format", "json", "--strict")
    assert status == 1 and json.loads(out)["failed"] is True
