"""The plugin is found through its entry point and answers only for Helgeland."""

from __future__ import annotations

from pathlib import Path

import helsefellesskap_helgeland
import pytest
from helsefellesskap_helgeland import COLUMN_LABELS, DATA, LAYOUT, plugin

from helsefellesskap import Bundle, Layout, Partnership, PluginManager, load_partnership
from helsefellesskap.testing import assert_no_failures, load_validate_render, make_manager


def test_a_fresh_manager_finds_the_plugin_through_its_entry_point() -> None:
    manager = PluginManager(use_env=False)
    info = manager.plugin("helgeland")
    assert info is not None
    assert info.distribution == "helsefellesskap-helgeland"
    assert info.version == helsefellesskap_helgeland.__version__
    assert info.module == "helsefellesskap_helgeland.plugin"
    assert set(info.hooks) == {"hf_partnerships", "hf_layout", "hf_label_catalogues"}
    assert not [f for f in manager.failures if f.plugin == "helgeland"]


def test_the_partnership_is_shipped_with_its_data_folder(manager: PluginManager) -> None:
    source = manager.partnerships()["helgeland"]
    assert source.name == "Helsefellesskap Helgeland"
    assert source.path == DATA
    assert (Path(source.path) / "partnership.toml").is_file()
    assert manager.owner("hf_partnerships", "helgeland") == "helgeland"


def test_disabling_the_plugin_by_name_removes_the_partnership() -> None:
    manager = PluginManager(use_env=False, disabled=["helgeland"])
    assert "helgeland" not in manager.partnerships()


def test_the_layout_is_the_five_column_table(manager: PluginManager, bundle: Bundle) -> None:
    layout = manager.layout_for(bundle.partnership)
    assert layout.measure_columns == (
        "goal",
        "ongoing_work",
        "measure",
        "responsible",
        "deadline",
    )
    assert layout.omit == ("abbreviations", "priority_groups", "commitments")
    assert layout == LAYOUT


def test_the_layout_in_partnership_toml_agrees_with_the_hook() -> None:
    # Loading the folder without the plugin (``helsefellesskap check <folder>``) must
    # give the same table as the hook.
    assert load_partnership(DATA).layout == LAYOUT


def test_another_partnership_keeps_its_own_layout(manager: PluginManager) -> None:
    other = Partnership(id="annet", name="Et annet helsefellesskap")
    assert manager.layout_for(other) == Layout()


def test_the_column_labels_override_the_defaults_for_helgeland_only(
    manager: PluginManager,
) -> None:
    own = manager.labels("nb", "helgeland")
    assert own["column.goal"] == "Mål – Hvor vil vi?"
    assert own["column.ongoing_work"] == "Hva har vi av pågående arbeid"
    assert own["column.measure"] == "Tiltak – Hvordan skal vi få det til?"
    assert own["column.responsible"] == "Ansvarlig"
    assert own["column.deadline"] == "Når"
    general = manager.labels("nb", "annet")
    for key, text in COLUMN_LABELS.items():
        if key in ("column.responsible", "column.deadline"):
            continue  # the defaults happen to read the same
        assert general.get(key) != text, key


def test_the_plugin_ships_type_information() -> None:
    package = Path(helsefellesskap_helgeland.__file__).parent
    assert (package / "py.typed").is_file()


def test_the_plugin_works_alone_with_the_builtins() -> None:
    # Registered by hand, without the other installed plugins: nothing else is needed.
    manager = make_manager(plugin)
    assert_no_failures(manager)
    outcome = load_validate_render("helgeland", "md", manager=manager)
    assert "error" not in {f.severity.value for f in outcome.findings}
    plan = outcome.text("handlingsplan-2023-2025")
    assert "| Mål – Hvor vil vi? | Hva har vi av pågående arbeid |" in plan


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        (
            "nn",
            "| Mål – Kvar vil vi? | Kva har vi av pågåande arbeid "
            "| Tiltak – Korleis skal vi få det til? | Ansvarleg | Når |",
        ),
        (
            "en",
            "| Goal – Where do we want to go? | What ongoing work do we have "
            "| Measure – How will we get there? | Responsible | When |",
        ),
    ],
)
def test_the_plans_own_column_headings_in_nynorsk_and_english(
    manager: PluginManager, lang: str, header: str
) -> None:
    from helsefellesskap.render import render

    bundle = manager.load_partnership("helgeland")
    plan = bundle.document("handlingsplan-2023-2025")
    assert plan is not None
    text = render(plan, "md", bundle=bundle, lang=lang, manager=manager).decode()
    assert header in text
    general = manager.labels(lang, "annet")
    assert general["column.goal"] not in header
