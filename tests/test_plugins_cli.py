"""``helsefellesskap plugins`` and ``helsefellesskap list``, with real installed plugins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helsefellesskap.plugins import DISABLE_ENV
from helsefellesskap.testing import run_cli

pytestmark = pytest.mark.usefixtures("clean_plugin_env")


def _plugin_block(stdout: str, name: str) -> list[str]:
    """The lines of one plugin in the text output: its heading and the indented lines."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name} ("))
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        block.append(line)
    return block


def test_plugins_text_shows_distribution_hooks_and_contributions(good: Path) -> None:
    result = run_cli("plugins")
    assert result.code == 0
    templates = good / "hf_fixture_good" / "templates"
    assert _plugin_block(result.stdout, "fixture-good") == [
        "fixture-good (hf-fixture-good 1.2.3)",
        "  hooks: hf_body_kinds, hf_cli_commands, hf_document_types, hf_extra_fields, "
        "hf_importers, hf_label_catalogues, hf_layout, hf_outline, hf_outline_builders, "
        "hf_partner_kinds, hf_partnerships, hf_render_formats, hf_rules, hf_template_sources",
        "  partnerships: fixturby",
        "  body kinds: fixture-board",
        "  partner kinds: fixture-hospital",
        "  extra fields: body.budget_owner, partner.beds, seat.elected_by",
        "  rules: FX001, FX002",
        "  formats: fixture-count",
        "  document types: meeting-minutes",
        "  commands: fixture-hello",
        "  outline builders: meeting-minutes",
        "  importers: fixture-plan",
        "  labels: nb (1 label), en (1 label), nb for fixturby (1 label)",
        f"  templates: {templates} for fixturby, {templates / 'general'}",
    ]
    assert _plugin_block(result.stdout, "helsefellesskap.builtin.commands")[0] == (
        "helsefellesskap.builtin.commands (built in)"
    )
    assert _plugin_block(result.stdout, "template")[0].startswith(
        "template (helsefellesskap-plugin-template "
    )


def test_plugins_json(good: Path) -> None:
    result = run_cli("plugins", "--format", "json")
    assert result.code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"plugins", "disabled", "disabled_not_found", "failures"}
    assert (data["disabled"], data["disabled_not_found"]) == ([], [])
    entry = next(p for p in data["plugins"] if p["name"] == "fixture-good")
    assert entry == {
        "name": "fixture-good",
        "module": "hf_fixture_good",
        "distribution": "hf-fixture-good",
        "version": "1.2.3",
        "entry_point": "hf_fixture_good",
        "builtin": False,
        "hooks": [
            "hf_body_kinds",
            "hf_cli_commands",
            "hf_document_types",
            "hf_extra_fields",
            "hf_importers",
            "hf_label_catalogues",
            "hf_layout",
            "hf_outline",
            "hf_outline_builders",
            "hf_partner_kinds",
            "hf_partnerships",
            "hf_render_formats",
            "hf_rules",
            "hf_template_sources",
        ],
        "contributes": {
            "partnerships": ["fixturby"],
            "body kinds": ["fixture-board"],
            "partner kinds": ["fixture-hospital"],
            "extra fields": ["body.budget_owner", "partner.beds", "seat.elected_by"],
            "rules": ["FX001", "FX002"],
            "formats": ["fixture-count"],
            "document types": ["meeting-minutes"],
            "commands": ["fixture-hello"],
            "outline builders": ["meeting-minutes"],
            "importers": ["fixture-plan"],
            "labels": ["nb (1 label)", "en (1 label)", "nb for fixturby (1 label)"],
            "templates": [
                f"{good / 'hf_fixture_good' / 'templates'} for fixturby",
                str(good / "hf_fixture_good" / "templates" / "general"),
            ],
        },
    }
    assert data["plugins"][0]["name"] == "helsefellesskap.builtin.kinds"


def test_plugins_lists_failures_and_the_rest(good_and_bad: Path) -> None:
    result = run_cli("plugins")
    assert result.code == 0
    out = result.stdout
    assert "\nfailures (" in out
    for expected in (
        "  plugin 'fixture-broken-import': failed to import hf_fixture_bad.broken_import: ",
        "  plugin 'fixture-raises' in hook hf_render_formats: raised RuntimeError(",
        "  plugin 'fixture-misspelt' in hook hf_render_format: unknown hook 'hf_render_format'; "
        "did you mean 'hf_render_formats'?",
        "  plugin 'fixture-clash' in hook hf_render_formats: render format 'fixture-count' is "
        "claimed by 'fixture-good' and 'fixture-clash'",
    ):
        assert expected in out
    # every failure is also a warning on stderr, from the start of the command
    assert "warning: plugin 'fixture-broken-import': failed to import" in result.stderr
    # the working plugins are listed with what they still contribute
    assert "  partnerships: fixturby" in _plugin_block(out, "fixture-good")
    assert "  formats: fixture-clash-own" in _plugin_block(out, "fixture-clash")
    data = json.loads(run_cli("plugins", "--format", "json").stdout)
    [raised] = [f for f in data["failures"] if f["plugin"] == "fixture-raises"]
    assert (raised["hook"], raised["message"]) == (
        "hf_render_formats",
        "raised RuntimeError('the format table is broken')",
    )
    assert "raises.py" in raised["traceback"]
    assert raised["traceback"].endswith("RuntimeError: the format table is broken")


def test_plugins_traceback_option_shows_where_a_plugin_raised(good_and_bad: Path) -> None:
    plain = run_cli("plugins").stdout
    assert "Traceback (most recent call last):" not in plain
    detailed = run_cli("plugins", "--traceback").stdout
    lines = detailed.splitlines()
    at = lines.index(
        "  plugin 'fixture-raises' in hook hf_render_formats: "
        "raised RuntimeError('the format table is broken')"
    )
    assert lines[at + 1] == "    Traceback (most recent call last):"
    assert any("hf_fixture_bad" in line and "raises.py" in line for line in lines[at + 1 :])


def test_disable_plugin_on_the_command_line(good_and_bad: Path) -> None:
    result = run_cli(
        "--disable-plugin", "fixture-clash", "--disable-plugin", "fixture-misspelt",
        "plugins", "--format", "json",
    )  # fmt: skip
    data = json.loads(result.stdout)
    names = [p["name"] for p in data["plugins"]]
    assert "fixture-clash" not in names and "fixture-good" in names
    assert {"fixture-clash", "fixture-misspelt"} <= set(data["disabled"])
    assert not [f for f in data["failures"] if f["plugin"] in ("fixture-misspelt", "fixture-good")]
    good = next(p for p in data["plugins"] if p["name"] == "fixture-good")
    assert good["contributes"]["formats"] == ["fixture-count"]
    text = run_cli("--disable-plugin", "fixture-clash", "plugins").stdout
    assert "\ndisabled: " in text and "fixture-clash" in text.split("\ndisabled: ")[1]


def test_disabling_a_plugin_that_does_not_exist_is_pointed_out(good: Path) -> None:
    result = run_cli("--disable-plugin", "fixture-godo", "plugins")
    assert result.code == 0
    assert "asked to disable, but no such plugin: fixture-godo\n" in result.stdout
    assert "fixture-good (hf-fixture-good 1.2.3)" in result.stdout
    data = json.loads(
        run_cli("--disable-plugin", "fixture-godo", "plugins", "--format", "json").stdout
    )
    assert data["disabled_not_found"] == ["fixture-godo"]


def test_disable_plugin_by_environment_in_a_real_process(good_and_bad: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(good_and_bad), os.environ.get("PYTHONPATH", "")]),
        DISABLE_ENV: "fixture-good,fixture-clash",
    }
    done = subprocess.run(
        [sys.executable, "-m", "helsefellesskap", "plugins", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    names = {p["name"] for p in data["plugins"]}
    assert "fixture-good" not in names and "fixture-raises" in names
    assert {"fixture-good", "fixture-clash"} <= set(data["disabled"])
    assert "warning: plugin 'fixture-misspelt' in hook hf_render_format" in done.stderr


def test_list_text(good: Path) -> None:
    result = run_cli("list")
    assert result.code == 0
    lines = result.stdout.splitlines()
    start = lines.index("fixturby: Fixturby (plugin fixture-good)")
    assert lines[start + 1] == "  meeting-minutes  mote-2025-01  Møte i styret januar 2025"
    assert "malby: Helsefellesskap Malby (plugin template)" in lines


def test_list_json_of_one_partnership(good: Path) -> None:
    result = run_cli("list", "fixturby", "--format", "json")
    assert result.code == 0
    data = json.loads(result.stdout)
    [entry] = data["partnerships"]
    assert entry.pop("path").endswith(os.path.join("hf_fixture_good", "data"))
    assert entry == {
        "id": "fixturby",
        "name": "Fixturby",
        "plugin": "fixture-good",
        "documents": [
            {"id": "mote-2025-01", "kind": "meeting-minutes", "title": "Møte i styret januar 2025"}
        ],
    }


def test_list_unknown_partnership(good: Path) -> None:
    result = run_cli("list", "fixturbyy")
    assert result.code == 2
    assert result.stderr.startswith(
        "error: fixturbyy: no installed partnership 'fixturbyy' (installed: "
    )
    assert "fixturby" in result.stderr


def test_list_shows_a_partnership_that_does_not_load_and_goes_on(good_and_bad: Path) -> None:
    result = run_cli("list")
    assert result.code == 2
    assert "fixture-broken: Broken (plugin fixture-bad-data)" in result.stdout
    assert "error: fixture-broken: " in result.stderr
    assert "partnership.toml" in result.stderr and "nmae" in result.stderr
    assert "fixturby: Fixturby (plugin fixture-good)" in result.stdout
    data = json.loads(run_cli("list", "--format", "json").stdout)
    broken = next(p for p in data["partnerships"] if p["id"] == "fixture-broken")
    assert "documents" not in broken and "nmae" in broken["error"]


def test_plugins_shows_a_format_that_serves_some_partnerships_only() -> None:
    import io

    from helsefellesskap.cli import main

    out = io.StringIO()
    assert main(["plugins"], stdout=out, stderr=io.StringIO()) == 0
    assert "  formats: outline (for malby only)" in out.getvalue().splitlines()
