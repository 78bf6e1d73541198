"""Tests of the template plugin, written with helsefellesskap.testing (loaded by pytest)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import helsefellesskap_template.plugin as plugin
import pytest

from helsefellesskap import PluginManager, RenderError, Severity
from helsefellesskap.cli.rules import rule_texts
from helsefellesskap.messages import use_language
from helsefellesskap.render import render, render_bundle
from helsefellesskap.testing import (
    PartnershipFolder,
    assert_no_failures,
    check_message_catalogues,
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
        "labels": [
            "nb (6 labels)",  # the texts of TPL001 and TPL002, in each language
            "nn (6 labels)",
            "en (6 labels)",
            "nb (3 labels)",
            "en (3 labels)",
            "nb for malby (2 labels)",
        ],
    }


def _own_entry_point() -> importlib.metadata.EntryPoint:
    """This plugin's entry point, found by the module it names: a renamed copy of the
    template needs no change here."""
    for entry_point in importlib.metadata.entry_points(group="helsefellesskap"):
        if entry_point.value == plugin.__name__:
            return entry_point
    pytest.fail(f"no entry point names {plugin.__name__}: install the plugin (pip install -e .)")


def test_malby_plans_end_with_the_contact_section_in_every_format(
    manager: PluginManager,
) -> None:
    from helsefellesskap_template.contact import CONTACT

    from helsefellesskap.outline import build_outline
    from helsefellesskap.render import make_context

    bundle = manager.load_partnership("malby")
    plan = next(d for d in bundle.documents if d.KIND == "action-plan")
    outline = build_outline(plan, make_context(bundle, "nb", manager))
    assert outline.blocks[-1].role == "contact"  # type: ignore[union-attr]
    text = render(plan, "md", bundle=bundle, manager=manager).decode()
    assert text.index("## Kontakt") > text.index("Hva vil vi?")
    assert CONTACT in text
    english = render(plan, "md", bundle=bundle, manager=manager, lang="en").decode()
    assert "## Contact" in english
    # the declaration is left alone
    declaration = next(d for d in bundle.documents if d.KIND == "declaration")
    assert CONTACT not in render(declaration, "md", bundle=bundle, manager=manager).decode()


def test_plugin_is_found_through_its_entry_point() -> None:
    entry_point = _own_entry_point()
    info = PluginManager().plugin(entry_point.name)
    assert info is not None
    assert entry_point.dist is not None
    assert info.distribution == entry_point.dist.name
    assert info.entry_point == plugin.__name__


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


def test_outline_in_english_uses_the_general_english_labels(manager: PluginManager) -> None:
    # Malby rewords the labels in bokmål only: English falls back to the general labels.
    english = load_validate_render("malby", "outline", manager=manager, lang="en")
    assert "(Responsible: SSU; Deadline: 2025)" in english.text("handlingsplan-2025")


def test_outline_is_for_malby_only(
    manager: PluginManager, partnership_folder: PartnershipFolder, tmp_path: Path
) -> None:
    bundle = partnership_folder.load(manager)
    plan = bundle.document("handlingsplan")
    assert plan is not None
    with pytest.raises(
        RenderError, match=r"the format 'outline' .*is only for the partnership 'malby', not"
    ):
        render(plan, "outline", bundle=bundle, manager=manager)
    # rendering the whole partnership leaves the outline out, silently
    written = render_bundle(bundle, tmp_path / "out", formats=("md", "outline"), manager=manager)
    assert not [p for p in written if p.suffix == ".txt"]
    assert (tmp_path / "out" / "handlingsplan.md").is_file()


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
    assert found[0].message == 'measure "rutine" has no deadline'  # English unless chosen
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
        'seats = [{ holder = "brukere", rights = ["attend", "speak", "vote"] }]\n',
    )
    outcome = load_validate_render(partnership_folder.path, None, manager=manager)
    found = [f for f in outcome.findings if f.code == "TPL002"]
    assert [(f.severity, f.path, f.message) for f in found] == [
        (Severity.ERROR, "$.bodies[2].seats", 'youth council "ur" has no youth representative')
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


def test_messages_and_rule_texts_are_in_nb_nn_and_en(manager: PluginManager) -> None:
    assert check_message_catalogues("helsefellesskap_template") == []
    for language, title in (
        ("nb", "Alle tiltak i planene til Malby har en frist"),
        ("nn", "Alle tiltak i planane til Malby har ein frist"),
        ("en", "Every measure in Malby's plans has a deadline"),
    ):
        [text] = rule_texts(manager, language, "TPL001")
        assert text.title == title


def test_findings_are_worded_in_the_chosen_language(manager: PluginManager, tmp_path: Path) -> None:
    folder = PartnershipFolder.create(tmp_path, "malby")
    folder.write(
        "plans/handlingsplan.toml",
        minimal_plan_toml("malby").replace("deadline = 2025\n", ""),
    )
    for language in ("nb", "nn"):
        with use_language(language):
            outcome = load_validate_render(folder.path, None, manager=manager)
        [found] = [f for f in outcome.findings if f.code == "TPL001"]
        assert found.message == 'tiltaket "rutine" har ingen frist'
