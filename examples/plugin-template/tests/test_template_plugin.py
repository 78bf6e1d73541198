"""Tests of the template plugin, written with helsefellesskap.testing (loaded by pytest)."""

from __future__ import annotations

from pathlib import Path

import helsefellesskap_template.plugin as plugin
import pytest

from helsefellesskap import PluginManager, RenderError, Severity
from helsefellesskap.testing import (
    PartnershipFolder,
    assert_no_failures,
    load_validate_render,
    make_manager,
    minimal_plan_toml,
    run_cli,
)


@pytest.fixture
def manager() -> PluginManager:
    """The built-ins and this plugin only, whatever else is installed."""
    return make_manager(plugin)


def test_plugin_registers_without_failures(manager: PluginManager) -> None:
    assert_no_failures(manager)
    assert manager.contributions("helsefellesskap_template.plugin") == {
        "partnerships": ["malby"],
        "body kinds": ["youth-council"],
        "rules": ["TPL001", "TPL002"],
        "formats": ["outline"],
        "commands": ["template-count"],
        "labels": ["nb (2 labels)", "en (2 labels)", "nb for malby (2 labels)"],
    }


def test_plugin_is_found_through_its_entry_point() -> None:
    info = PluginManager().plugin("template")
    assert info is not None, "install the template: pip install -e examples/plugin-template"
    assert info.distribution == "helsefellesskap-plugin-template"
    assert info.entry_point == "helsefellesskap_template.plugin"


def test_shipped_partnership_validates_and_renders_as_outline(manager: PluginManager) -> None:
    outcome = load_validate_render("malby", "outline", manager=manager)
    assert [f for f in outcome.findings if f.severity is not Severity.INFO] == []
    assert outcome.skipped == ("malbyloftet-2024-2027",)  # the outline renders plans only
    text = outcome.text("handlingsplan-2025")
    assert text.startswith("Handlingsplan 2025\n==================\n")
    # Malby's own labels and layout: "Ansvar" and "Når", with the deadline column.
    assert "- Lage en felles plan for overgangen" in text
    assert "(Ansvar: SSU; Når: 2025)" in text
    assert "(Ansvar: UR, kommunene; Når: Innen sommeren 2025)" in text


def test_outline_of_another_partnership_uses_general_labels(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    outcome = load_validate_render(partnership_folder.path, "outline", manager=manager)
    text = outcome.text("handlingsplan")
    # the general label, and no deadline: this partnership's layout has no deadline column
    assert "- Lage felles rutine for utskrivning (Ansvarlig: SSU)" in text
    english = load_validate_render(partnership_folder.path, "outline", manager=manager, lang="en")
    assert "(Responsible: SSU)" in english.text("handlingsplan")


def test_outline_refuses_a_declaration(manager: PluginManager) -> None:
    with pytest.raises(RenderError, match="cannot render declaration 'malbyloftet-2024-2027'"):
        load_validate_render(
            "malby", "outline", manager=manager, documents=["malbyloftet-2024-2027"]
        )


def test_rule_tpl001_finds_a_measure_without_deadline(
    manager: PluginManager, tmp_path: Path
) -> None:
    folder = PartnershipFolder.create(tmp_path, "malby")
    folder.write(
        "plans/handlingsplan.toml",
        minimal_plan_toml("malby").replace("deadline = 2025\n", ""),
    )
    outcome = load_validate_render(folder.path, None, manager=manager)
    found = [f for f in outcome.findings if f.code == "TPL001"]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert found[0].message == "tiltaket 'rutine' har ingen frist"
    assert found[0].path == "$.focus_areas[0].goals[0].measures[0].deadline"
    assert found[0].document == "handlingsplan"
    assert found[0].file == folder.plan_file


def test_rule_tpl001_leaves_other_partnerships_alone(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    partnership_folder.write(
        "plans/handlingsplan.toml",
        minimal_plan_toml().replace("deadline = 2025\n", ""),
    )
    outcome = load_validate_render(partnership_folder.path, None, manager=manager)
    assert "TPL001" not in outcome.codes()


def test_youth_council_without_youth_seat_is_an_error(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    partnership_folder.append(
        "partnership.toml",
        '[[bodies]]\nid = "ur"\nkind = "youth-council"\nname = "Ungdomsrådet"\n'
        'seats = [{ holder = "brukere" }]\n',
    )
    outcome = load_validate_render(partnership_folder.path, None, manager=manager)
    found = [f for f in outcome.findings if f.code == "TPL002"]
    assert [(f.severity, f.path, f.message) for f in found] == [
        (Severity.ERROR, "$.bodies[2].seats", "ungdomsrådet 'ur' har ingen ungdomsrepresentant")
    ]


def test_youth_council_kind_is_known_and_labelled(manager: PluginManager) -> None:
    kind = manager.body_kinds()["youth-council"]
    assert kind.label("nb") == "ungdomsråd"
    assert kind.label("en") == "youth council"


def test_layout_is_malby_only(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    malby = manager.load_partnership("malby").partnership
    assert "deadline" in manager.layout_for(malby).measure_columns
    other = partnership_folder.load(manager).partnership
    assert manager.layout_for(other) == other.layout


def test_count_command_through_the_cli() -> None:
    result = run_cli("template-count", "malby")
    assert (result.code, result.stdout) == (0, "kommunene: 1\nssu: 1\nur: 1\n")


def test_count_command_reports_an_unknown_partnership() -> None:
    result = run_cli("template-count", "malbyy")
    assert result.code == 2
    assert "'malbyy' is neither a file, a folder nor an installed partnership" in result.stderr
