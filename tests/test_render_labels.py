"""Label catalogues: complete in three languages, overridable per partnership by plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from helsefellesskap import (
    ActionPlan,
    Bundle,
    LabelCatalogue,
    Layout,
    Partnership,
    PluginManager,
    RenderError,
    hookimpl,
    load_bundle,
)
from helsefellesskap.plugins import DEFAULT_PLUGINS
from helsefellesskap.render import LANGUAGES, builtin_labels, make_context, render
from helsefellesskap.render.catalogue import flatten_labels

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


def test_the_three_catalogues_have_the_same_keys() -> None:
    keys = {lang: set(builtin_labels(lang)) for lang in LANGUAGES}
    assert keys["nb"] == keys["nn"] == keys["en"]
    assert len(keys["nb"]) > 100


def test_placeholders_match_across_languages() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    nb = builtin_labels("nb")
    for lang in ("nn", "en"):
        other = builtin_labels(lang)
        for key, text in nb.items():
            assert fields(other[key]) == fields(text), (lang, key)


def test_no_label_is_empty() -> None:
    for lang in LANGUAGES:
        assert all(text.strip() for text in builtin_labels(lang).values()), lang


def test_column_defaults_in_bokmal() -> None:
    labels = builtin_labels("nb")
    assert {k: v for k, v in labels.items() if k.startswith("column.")} == {
        "column.goal": "Hva vil vi?",
        "column.ongoing_work": "Pågående arbeid",
        "column.measure": "Hvordan få det til?",
        "column.responsible": "Ansvarlig",
        "column.deadline": "Når",
        "column.status": "Status",
    }


def test_unknown_builtin_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no built-in labels for 'se'"):
        builtin_labels("se")


def test_flatten_rejects_a_label_that_is_not_text() -> None:
    assert flatten_labels({"a": {"b": "x"}, "c": "y"}) == {"a.b": "x", "c": "y"}
    with pytest.raises(ValueError, match=r"label 'a.b' is int, not text"):
        flatten_labels({"a": {"b": 3}})


class HouseStyle:
    """A partnership plugin as troms-ofoten or helgeland would write it."""

    @hookimpl
    def hf_label_catalogues(self) -> list[LabelCatalogue]:
        return [
            LabelCatalogue(
                language="nb",
                partnership="eksempel",
                labels={
                    "column.goal": "Mål – Hvor vil vi?",
                    "column.ongoing_work": "Hva har vi av pågående arbeid",
                },
            ),
            LabelCatalogue(
                language="nb",
                partnership="someone-else",
                labels={"column.goal": "Feil partnerskap"},
            ),
            LabelCatalogue(language="en", labels={"plugin.extra": "An extra label"}),
        ]

    @hookimpl
    def hf_layout(self, partnership: Partnership) -> Layout | None:
        if partnership.id == "eksempel":
            return Layout(measure_columns=("goal", "measure", "responsible"))
        return None


@pytest.fixture(scope="module")
def house_manager() -> PluginManager:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, HouseStyle()], entry_points=False)
    assert manager.failures == []
    return manager


def test_a_partnership_plugin_overrides_column_labels_for_its_partnership_only(
    bundle: Bundle, house_manager: PluginManager
) -> None:
    context = make_context(bundle, "nb", house_manager)
    assert context.label("column.goal") == "Mål – Hvor vil vi?"
    assert context.label("column.measure") == "Hvordan få det til?"
    plain = make_context(bundle, "nb", PluginManager(entry_points=False))
    assert plain.label("column.goal") == "Hva vil vi?"


def test_a_general_plugin_label_joins_the_language(
    bundle: Bundle, house_manager: PluginManager
) -> None:
    context = make_context(bundle, "en", house_manager)
    assert context.label("plugin.extra") == "An extra label"
    assert context.label("column.goal") == "What do we want?"


def test_a_plugin_layout_and_labels_change_the_rendered_table(
    bundle: Bundle, house_manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    text = render(plan, "md", bundle=bundle, manager=house_manager).decode()
    assert "| Mål – Hvor vil vi? | Hvordan få det til? | Ansvarlig |" in text
    assert "Pågående arbeid" not in text


def test_an_unknown_language_is_a_render_error_with_a_suggestion(bundle: Bundle) -> None:
    with pytest.raises(RenderError, match=r"no labels for language 'nob': did you mean 'nb'"):
        make_context(bundle, "nob", PluginManager(entry_points=False))
