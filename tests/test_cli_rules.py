"""``helsefellesskap rules [CODE]`` and the rules ``validate`` lists as switched off
(issue 18 §5), with the installed plugins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helsefellesskap import Severity
from helsefellesskap.cli.rules import rule_texts
from helsefellesskap.hookspecs import hookimpl
from helsefellesskap.render.catalogue import LabelCatalogue
from helsefellesskap.testing import make_manager, run_cli
from helsefellesskap.validate.rules import BUILTIN_RULES, FSU_RULES

pytestmark = pytest.mark.usefixtures("clean_plugin_env")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


def test_rules_lists_every_builtin_rule_with_its_texts() -> None:
    result = run_cli("rules")
    assert result.code == 0, result.stderr
    for rule in (*BUILTIN_RULES, *FSU_RULES):
        assert f"{rule.code}  {rule.severity.value}  {rule.title}\n" in result.stdout
    assert "Fix: Correct the id, or add the partner, group or role" in result.stdout


def test_rules_lists_a_plugins_rule_with_its_plugin(good: Path) -> None:
    result = run_cli("rules", "FX001")
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "FX001  info  Minutes are counted",
        "  test",
        "  Plugin: fixture-good",
    ]


def test_one_rule_as_json() -> None:
    result = run_cli("rules", "hf202", "--format", "json", "--lang", "en")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == "en"
    [rule] = data["rules"]
    assert rule["code"] == "HF202"
    assert rule["severity"] == Severity.ERROR.value
    assert rule["title"] == "Seat holders, chairs, role holders and group members exist"
    assert rule["explanation"].startswith("A seat, a chair, a role's holders")
    assert rule["fix"].startswith("Correct the id")
    assert rule["plugin"] is None


def test_an_unknown_code_is_refused_with_the_closest() -> None:
    result = run_cli("rules", "HF2022")
    assert result.code == 2
    assert result.stdout == ""
    assert (
        'no rule has the code "HF2022"; did you mean "HF202"? '
        "(helsefellesskap rules lists every rule)"
    ) in result.stderr


def test_a_label_catalogue_translates_a_rule() -> None:
    class Translation:
        @hookimpl
        def hf_label_catalogues(self) -> list[LabelCatalogue]:
            return [
                LabelCatalogue(
                    language="nn",
                    labels={
                        "rule.HF202.title": "Alle som har sete, finst",
                        "rule.HF202.fix": "Rett id-en.",
                    },
                )
            ]

    manager = make_manager(Translation())
    [nynorsk] = rule_texts(manager, "nn", "HF202")
    assert nynorsk.title == "Alle som har sete, finst"
    assert nynorsk.fix == "Rett id-en."
    # not in the plugin's catalogue: the core's nynorsk text
    assert nynorsk.explanation.startswith("Ein plass, ein leiar")
    [english] = rule_texts(manager, "en", "HF202")
    assert english.title == "Seat holders, chairs, role holders and group members exist"


def test_validate_lists_the_rules_switched_off_and_why(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "partnership.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "[rules.HF402]\n",
        '[rules.HF608]\nseverity = "warning"\nreason = "Vi vil se hullene."\n\n[rules.HF402]\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(folder))
    lines = result.stdout.splitlines()
    start = lines.index("rules switched off for this partnership ([rules.CODE] enabled = false):")
    assert lines[start + 1] == (
        "  HF402 (PM has seats for every partner category): Eksempelet har ingen egen regel "
        "for møterett i PM; vist her for å dokumentere formatet."
    )
    assert lines[start + 2] == "rules with another severity for this partnership:"
    assert lines[start + 3].startswith("  HF608 (")
    assert lines[start + 3].endswith("): warning: Vi vil se hullene.")


def test_validate_lists_nothing_when_no_rule_is_switched(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "partnership.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[rules.HF402]")
    end = text.index("[[partners]]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("validate", str(folder))
    assert "rules switched off" not in result.stdout
    assert "another severity" not in result.stdout
