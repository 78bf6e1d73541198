"""render() keeps what a render context holds besides the bundle (labels, layout, template
folders, body kinds) per partnership object, language and manager, and never uses it
where it no longer holds: after the manager's plugins change, for another language, or
for another partnership object (issue 11)."""

from __future__ import annotations

import gc
from pathlib import Path

import attrs
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
from helsefellesskap.render import api as render_api
from helsefellesskap.render import make_context, render
from helsefellesskap.render.catalogue import TemplateSource

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.fixture()
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


def _plan(bundle: Bundle) -> ActionPlan:
    plan = bundle.document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    return plan


class GoalLabel:
    """Words the goal column its own way for the example, in bokmål."""

    @hookimpl
    def hf_label_catalogues(self) -> list[LabelCatalogue]:
        return [
            LabelCatalogue(
                language="nb", partnership="eksempel", labels={"column.goal": "Vårt eget mål"}
            )
        ]


class ShortTable:
    """Shows three columns in the example's measure tables."""

    @hookimpl
    def hf_layout(self, partnership: Partnership) -> Layout | None:
        if partnership.id == "eksempel":
            return Layout(measure_columns=("goal", "measure", "responsible"))
        return None


class Templates:
    """A template folder of the example's own."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @hookimpl
    def hf_template_sources(self) -> list[TemplateSource]:
        return [TemplateSource(path=self.path, partnership="eksempel")]


def _manager() -> PluginManager:
    manager = PluginManager(plugins=DEFAULT_PLUGINS, entry_points=False)
    assert manager.failures == []
    return manager


def test_the_same_partnership_language_and_manager_share_the_parts(bundle: Bundle) -> None:
    manager = _manager()
    first = make_context(bundle, "nb", manager)
    second = make_context(bundle, "nb", manager)
    assert first.labels is second.labels
    assert first.national is second.national
    assert first == second


def test_a_plugin_registered_later_changes_labels_layout_and_templates(
    bundle: Bundle, tmp_path: Path
) -> None:
    manager = _manager()
    plan = _plan(bundle)
    before = render(plan, "md", bundle=bundle, lang="nb", manager=manager).decode()
    assert "| Hva vil vi? |" in before
    state = manager.state
    assert manager.register(GoalLabel())
    assert manager.state != state
    after = render(plan, "md", bundle=bundle, lang="nb", manager=manager).decode()
    assert "| Vårt eget mål |" in after
    assert "| Hva vil vi? |" not in after
    assert make_context(bundle, "nb", manager).label("column.goal") == "Vårt eget mål"
    assert manager.labels("nb", "eksempel")["column.goal"] == "Vårt eget mål"

    assert make_context(bundle, "nb", manager).layout == bundle.partnership.layout
    assert manager.register(ShortTable())
    layout = make_context(bundle, "nb", manager).layout
    assert layout.measure_columns == ("goal", "measure", "responsible")

    assert tmp_path not in make_context(bundle, "nb", manager).template_dirs
    assert manager.register(Templates(tmp_path))
    assert make_context(bundle, "nb", manager).template_dirs[0] == tmp_path


def test_another_manager_does_not_see_the_first_ones_labels(bundle: Bundle) -> None:
    house = PluginManager(plugins=[*DEFAULT_PLUGINS, GoalLabel()], entry_points=False)
    plain = _manager()
    plan = _plan(bundle)
    for _round in range(2):
        assert "| Vårt eget mål |" in render(plan, "md", bundle=bundle, manager=house).decode()
        assert "| Hva vil vi? |" in render(plan, "md", bundle=bundle, manager=plain).decode()


def test_another_language_gets_its_own_labels(bundle: Bundle) -> None:
    manager = _manager()
    plan = _plan(bundle)
    for _round in range(2):
        assert make_context(bundle, "nb", manager).label("column.goal") == "Hva vil vi?"
        assert make_context(bundle, "en", manager).label("column.goal") == "What do we want?"
        assert make_context(bundle, "en", manager).language == "en"
        english = render(plan, "md", bundle=bundle, lang="en", manager=manager).decode()
        assert "| What do we want? |" in english
        bokmal = render(plan, "md", bundle=bundle, lang="nb", manager=manager).decode()
        assert "| Hva vil vi? |" in bokmal


def test_the_default_language_follows_the_partnership_object(bundle: Bundle) -> None:
    manager = _manager()
    assert make_context(bundle, None, manager).language == "nb"
    english = attrs.evolve(
        bundle.partnership, layout=attrs.evolve(bundle.partnership.layout, language="en")
    )
    other = attrs.evolve(bundle, partnership=english)
    context = make_context(other, None, manager)
    assert context.language == "en"
    assert context.label("column.goal") == "What do we want?"
    assert context.bundle is other
    assert make_context(bundle, None, manager).language == "nb"


def test_the_context_holds_the_bundle_it_was_asked_for(bundle: Bundle) -> None:
    manager = _manager()
    again = load_bundle(EXAMPLE)
    assert make_context(bundle, "nb", manager).bundle is bundle
    assert make_context(again, "nb", manager).bundle is again


def test_an_unknown_language_is_refused_every_time(bundle: Bundle) -> None:
    manager = _manager()
    for _round in range(2):
        with pytest.raises(RenderError, match="no labels for language 'nob'"):
            make_context(bundle, "nob", manager)


def test_the_shared_body_kinds_cannot_be_changed(bundle: Bundle) -> None:
    context = make_context(bundle, "nb", _manager())
    with pytest.raises(TypeError):
        context.body_kinds["x"] = "y"  # type: ignore[index]


def test_manager_labels_are_a_copy_each_caller_may_change(bundle: Bundle) -> None:
    manager = _manager()
    labels = manager.labels("nb", "eksempel")
    labels["column.goal"] = "endret"
    assert manager.labels("nb", "eksempel")["column.goal"] == "Hva vil vi?"
    sources = manager.template_sources("eksempel")
    sources.append(TemplateSource(path=Path("/nowhere")))
    assert Path("/nowhere") not in [s.path for s in manager.template_sources("eksempel")]


def test_parts_are_dropped_with_their_partnership() -> None:
    manager = _manager()
    bundle = load_bundle(EXAMPLE)
    make_context(bundle, "nb", manager)
    kept = render_api._cache_of(manager).parts
    key = (id(bundle.partnership), "nb")
    assert key in kept
    del bundle
    gc.collect()
    assert key not in kept
