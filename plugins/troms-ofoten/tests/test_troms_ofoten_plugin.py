"""The plugin is found through its entry point; its hooks answer for Troms og Ofoten only."""

from __future__ import annotations

from pathlib import Path

import helsefellesskap_troms_ofoten
import pytest
from helsefellesskap_troms_ofoten import LABELS, LAYOUT, PARTNERSHIP_ID, data_path

from helsefellesskap import (
    AbbreviationList,
    Bundle,
    Layout,
    Partnership,
    PluginManager,
    load_partnership,
)


def test_a_fresh_manager_finds_the_plugin_through_its_entry_point() -> None:
    manager = PluginManager()
    info = manager.plugin("troms-ofoten")
    assert info is not None
    assert info.distribution == "helsefellesskap-troms-ofoten"
    assert info.version == helsefellesskap_troms_ofoten.__version__
    assert info.module == "helsefellesskap_troms_ofoten.plugin"
    assert set(info.hooks) == {
        "hf_partnerships",
        "hf_rules",
        "hf_body_kinds",
        "hf_layout",
        "hf_label_catalogues",
    }
    assert not [f for f in manager.failures if f.plugin == "troms-ofoten"]


def test_the_partnership_is_shipped_with_its_data_folder(manager: PluginManager) -> None:
    source = manager.partnerships()[PARTNERSHIP_ID]
    assert source.name == "Helsefellesskapet Troms og Ofoten"
    assert source.path == data_path()
    assert (Path(source.path) / "partnership.toml").is_file()
    assert manager.owner("hf_partnerships", PARTNERSHIP_ID) == "troms-ofoten"


def test_disabling_the_plugin_by_name_removes_what_it_contributes() -> None:
    manager = PluginManager(use_env=False, disabled=["troms-ofoten"])
    assert PARTNERSHIP_ID not in manager.partnerships()
    assert "TO101" not in manager.rules()
    assert "council" not in manager.body_kinds()


def test_the_rule_and_the_council_kind_are_registered(manager: PluginManager) -> None:
    assert manager.owner("hf_rules", "TO101") == "troms-ofoten"
    assert manager.rules()["TO101"].title == "GP and user representatives have a vote in SSU"
    council = manager.body_kinds()["council"]
    assert manager.owner("hf_body_kinds", "council") == "troms-ofoten"
    assert council.label("nb") == "råd"
    assert council.label("en") == "council"


def test_the_layout_is_the_three_column_table(manager: PluginManager, bundle: Bundle) -> None:
    layout = manager.layout_for(bundle.partnership)
    assert layout.measure_columns == ("goal", "measure", "responsible")
    assert layout == LAYOUT


def test_the_abbreviations_list_shows_every_body(manager: PluginManager, bundle: Bundle) -> None:
    # Handlingsplan 2023 lists all ten abbreviations, also of bodies its tables do not name.
    assert manager.layout_for(bundle.partnership).abbreviations is AbbreviationList.ALL
    assert load_partnership(data_path()).layout.abbreviations is AbbreviationList.ALL


def test_the_layout_in_partnership_toml_agrees_with_the_hook() -> None:
    # Loading the folder without the plugin (`helsefellesskap check <folder>`) must give
    # the same table as the hook.
    assert load_partnership(data_path()).layout == LAYOUT


def test_another_partnership_keeps_its_own_layout(manager: PluginManager) -> None:
    other = Partnership(id="annet", name="Et annet helsefellesskap")
    assert manager.layout_for(other) == other.layout


def test_the_column_labels_are_the_plans_own_for_troms_ofoten(manager: PluginManager) -> None:
    labels = manager.labels("nb", PARTNERSHIP_ID)
    assert labels["column.goal"] == "Hva vil vi?"
    assert labels["column.measure"] == "Hvordan få det til?"
    assert labels["column.responsible"] == "Ansvarlig"
    assert labels["abbreviations.title"] == "Forkortelser i dokumentet"
    assert {key: labels[key] for key in LABELS} == LABELS


def test_the_labels_do_not_leak_into_other_partnerships(manager: PluginManager) -> None:
    mine = [c for c in manager.label_catalogues() if c.labels == LABELS]
    assert [c.partnership for c in mine] == [PARTNERSHIP_ID]
    assert all(c.language == "nb" for c in mine)


def test_the_layout_hook_declines_other_partnerships() -> None:
    from helsefellesskap_troms_ofoten import plugin

    assert plugin.hf_layout(Partnership(id="annet", name="Annet")) is None
    assert plugin.hf_layout(Partnership(id=PARTNERSHIP_ID, name="x")) == LAYOUT
    assert isinstance(LAYOUT, Layout)


@pytest.mark.parametrize(
    ("lang", "header", "abbreviations"),
    [
        ("nn", "| Kva vil vi? | Korleis få det til? | Ansvarleg |", "Forkortingar i dokumentet"),
        (
            "en",
            "| What do we want? | How do we get there? | Responsible |",
            "Abbreviations in the document",
        ),
    ],
)
def test_the_plans_own_labels_in_nynorsk_and_english(
    manager: PluginManager, lang: str, header: str, abbreviations: str
) -> None:
    from helsefellesskap_troms_ofoten.presentation import LABELS_BY_LANGUAGE

    from helsefellesskap.render import render

    assert set(LABELS_BY_LANGUAGE[lang]) == set(LABELS)
    labels = manager.labels(lang, PARTNERSHIP_ID)
    assert {key: labels[key] for key in LABELS} == LABELS_BY_LANGUAGE[lang]
    bundle = manager.load_partnership(PARTNERSHIP_ID)
    plan = bundle.document("handlingsplan-2023")
    assert plan is not None
    text = render(plan, "md", bundle=bundle, lang=lang, manager=manager).decode()
    assert header in text
    assert f"## {abbreviations}" in text
