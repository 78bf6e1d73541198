"""The plugin manager: discovery through entry points, fault isolation, disabling, registries.

Installed plugins are real: the fixture distributions in ``tests/plugin_fixtures`` are
installed with pip into a temporary folder that the test puts on ``sys.path``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

import helsefellesskap.builtin.kinds as builtin_kinds
from helsefellesskap import (
    BodyKind,
    Document,
    Layout,
    PluginError,
    PluginManager,
    RenderFormat,
    Rule,
    Severity,
    UnknownFormatError,
    hookimpl,
)
from helsefellesskap.plugins import DEFAULT_PLUGINS, DISABLE_ENV, NO_ENTRY_POINTS_ENV, hook_names

from .plugin_sites import sites

REPO = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("clean_plugin_env")


def failures_of(manager: PluginManager, plugin: str) -> list[str]:
    return [str(f) for f in manager.failures if f.plugin == plugin]


def plugin(**hooks: Any) -> SimpleNamespace:
    """A plugin object whose attributes are the given hook implementations."""
    return SimpleNamespace(**hooks)


# -- discovery ----------------------------------------------------------------------------


def test_fresh_manager_registers_builtins_first_in_order() -> None:
    manager = PluginManager(entry_points=False)
    infos = manager.plugins()
    assert [i.name for i in infos] == list(DEFAULT_PLUGINS)
    assert all(i.builtin and i.distribution is None for i in infos)
    assert manager.plugin("helsefellesskap.builtin.kinds") is not None
    assert manager.plugin("helsefellesskap.builtin.kinds").hooks == ("hf_body_kinds",)  # type: ignore[union-attr]


def _bundled_projects() -> list[tuple[str, list[str]]]:
    projects = []
    for pyproject in [
        *sorted(REPO.glob("plugins/*/pyproject.toml")),
        REPO / "examples" / "plugin-template" / "pyproject.toml",
    ]:
        meta = tomllib.loads(pyproject.read_text("utf-8"))["project"]
        names = list(meta.get("entry-points", {}).get("helsefellesskap", {}))
        projects.append((meta["name"], names))
    return projects


def test_bundled_plugins_are_found_through_their_entry_points() -> None:
    """Every plugin distribution in the repository is found by a fresh manager, because it
    is installed with its entry point (the test imports none of them)."""
    manager = PluginManager()
    by_name = {info.name: info for info in manager.plugins()}
    projects = _bundled_projects()
    assert ("helsefellesskap-plugin-template", ["template"]) in projects
    for distribution, entry_points in projects:
        assert entry_points, f"{distribution} declares no entry point in group helsefellesskap"
        for name in entry_points:
            assert name in by_name, (
                f"plugin {name!r} of {distribution} is not installed (run make install); "
                f"failures: {[str(f) for f in manager.failures if f.plugin == name]}"
            )
            info = by_name[name]
            assert info.distribution == distribution
            assert info.version and not info.builtin


def test_installed_fixture_plugin_is_found_with_distribution_and_version(good: Path) -> None:
    manager = PluginManager()
    info = manager.plugin("fixture-good")
    assert info is not None
    assert (info.distribution, info.version, info.entry_point) == (
        "hf-fixture-good",
        "1.2.3",
        "hf_fixture_good",
    )
    assert info.hooks == hook_names()  # it implements every hook
    assert failures_of(manager, "fixture-good") == []


def test_embedding_application_gets_exactly_its_plugins(good: Path) -> None:
    """No global state: a manager built with a list has those plugins and nothing else."""
    import hf_fixture_good

    manager = PluginManager(plugins=[hf_fixture_good], entry_points=False)
    assert [i.name for i in manager.plugins()] == ["hf_fixture_good"]
    assert list(manager.render_formats()) == ["fixture-count"]
    assert list(manager.body_kinds()) == ["fixture-board"]
    assert manager.failures == []
    # and the next manager is not affected by the first
    assert "fixture-count" not in PluginManager(entry_points=False).render_formats()


def test_no_entry_points_environment_variable(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_ENTRY_POINTS_ENV, "1")
    assert [i.name for i in PluginManager().plugins()] == list(DEFAULT_PLUGINS)
    assert PluginManager(use_env=False).plugin("fixture-good") is not None


def test_plugin_name_declared_by_two_distributions_loads_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "from helsefellesskap import hookimpl\n"
    for dist, module in (("hf-twin-a", "hf_twin_a"), ("hf-twin-b", "hf_twin_b")):
        sites.write_project(tmp_path / "src", dist, {"twin": module}, {module: text})
    site = sites.install(["hf-twin-a", "hf-twin-b"], tmp_path / "site", root=tmp_path / "src")
    monkeypatch.syspath_prepend(str(site))
    manager = PluginManager()
    assert manager.plugin("twin") is None
    assert failures_of(manager, "twin") == [
        "plugin 'twin': the plugin name is declared by 'hf-twin-a' and 'hf-twin-b'; none loaded"
    ]


def test_distribution_twice_on_the_path_counts_once(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = sites.install(["good"], tmp_path / "again", cache=False)
    assert second != good
    monkeypatch.syspath_prepend(str(second))
    manager = PluginManager()
    assert manager.plugin("fixture-good") is not None
    assert failures_of(manager, "fixture-good") == []  # not "declared by two distributions"


# -- fault isolation ----------------------------------------------------------------------


def test_plugin_that_fails_to_import_is_reported_and_others_work(good_and_bad: Path) -> None:
    manager = PluginManager()
    assert failures_of(manager, "fixture-broken-import") == [
        "plugin 'fixture-broken-import': failed to import hf_fixture_bad.broken_import: "
        "ModuleNotFoundError(\"No module named 'hf_fixture_module_that_does_not_exist'\")"
    ]
    assert manager.plugin("fixture-broken-import") is None
    assert "fixture-board" in manager.body_kinds()
    assert "fixturby" in manager.partnerships()


def test_plugin_that_raises_in_a_hook_is_reported_with_the_hook(good_and_bad: Path) -> None:
    manager = PluginManager()
    assert failures_of(manager, "fixture-raises") == [
        "plugin 'fixture-raises' in hook hf_render_formats: "
        "raised RuntimeError('the format table is broken')"
    ]
    # its other hook still counts, and so do the other plugins' formats
    assert manager.owner("hf_body_kinds", "fixture-raises-kind") == "fixture-raises"
    assert "fixture-clash-own" in manager.render_formats()
    assert "md" in manager.render_formats()


def test_misspelt_hook_is_refused_with_a_suggestion(good_and_bad: Path) -> None:
    manager = PluginManager()
    assert failures_of(manager, "fixture-misspelt") == [
        "plugin 'fixture-misspelt' in hook hf_render_format: unknown hook "
        "'hf_render_format'; did you mean 'hf_render_formats'?"
    ]
    assert manager.plugin("fixture-misspelt") is None
    assert manager.plugin("fixture-good") is not None


def test_two_plugins_claiming_one_format_name_both_named(good_and_bad: Path) -> None:
    manager = PluginManager()
    message = (
        "render format 'fixture-count' is claimed by 'fixture-good' and 'fixture-clash'; "
        "neither is used: disable one of them (--disable-plugin NAME or "
        "HELSEFELLESSKAP_DISABLE_PLUGINS)"
    )
    assert failures_of(manager, "fixture-clash") == [
        f"plugin 'fixture-clash' in hook hf_render_formats: {message}"
    ]
    assert "fixture-count" not in manager.render_formats()
    with pytest.raises(PluginError) as caught:
        manager.render_format("fixture-count")
    assert str(caught.value) == (
        "plugin 'fixture-clash' in hook hf_render_formats: render format 'fixture-count' "
        "is claimed by 'fixture-good' and 'fixture-clash'"
    )
    assert (caught.value.plugin, caught.value.hook) == ("fixture-clash", "hf_render_formats")
    # the clashing plugin's other format, and everything else, still work
    assert manager.owner("hf_render_formats", "fixture-clash-own") == "fixture-clash"
    assert "fixturby" in manager.partnerships()


def test_wrong_return_values_are_reported_and_skipped(good_and_bad: Path) -> None:
    manager = PluginManager()
    failures = failures_of(manager, "fixture-wrong-return")
    assert (
        "plugin 'fixture-wrong-return' in hook hf_render_formats: returned the class "
        "ClassNotInstanceFormat where an instance is expected: return ClassNotInstanceFormat()"
    ) in failures
    assert any(
        f.startswith("plugin 'fixture-wrong-return' in hook hf_body_kinds: returned BodyKind")
        and f.endswith("it must return a list of BodyKind")
        for f in failures
    )
    assert "fixture-single-kind" not in manager.body_kinds()


def test_failures_are_known_once_the_manager_is_built(good_and_bad: Path) -> None:
    manager = PluginManager()
    plugins = {f.plugin for f in manager.failures}
    assert {
        "fixture-broken-import",
        "fixture-raises",
        "fixture-misspelt",
        "fixture-clash",
        "fixture-wrong-return",
    } <= plugins
    before = list(manager.failures)
    manager.collect()
    manager.render_formats()
    assert manager.failures == before  # asking again adds no duplicates


# -- disabling ----------------------------------------------------------------------------


def test_disabled_by_argument_is_not_loaded_and_the_clash_resolves(good_and_bad: Path) -> None:
    manager = PluginManager(disabled=["fixture-clash"])
    assert manager.plugin("fixture-clash") is None
    assert "fixture-clash" in manager.skipped
    assert manager.owner("hf_render_formats", "fixture-count") == "fixture-good"
    assert failures_of(manager, "fixture-good") == []


def test_disabled_by_environment_variable(
    good_and_bad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_ENV, " fixture-broken-import , fixture-misspelt,")
    manager = PluginManager()
    assert failures_of(manager, "fixture-broken-import") == []
    assert failures_of(manager, "fixture-misspelt") == []
    assert {"fixture-broken-import", "fixture-misspelt"} <= set(manager.skipped)
    assert manager.plugin("fixture-good") is not None
    # use_env=False ignores the variable
    assert failures_of(PluginManager(use_env=False), "fixture-misspelt") != []


def test_disabled_by_distribution_name_disables_all_its_plugins(good_and_bad: Path) -> None:
    manager = PluginManager(disabled=["hf_fixture_bad"])  # normalised like pip does
    names = {i.name for i in manager.plugins()}
    assert not names & {"fixture-raises", "fixture-clash", "fixture-wrong-return"}
    assert {f.plugin for f in manager.failures}.isdisjoint(
        {"fixture-broken-import", "fixture-misspelt", "fixture-raises"}
    )
    assert "fixture-count" in manager.render_formats()


def test_disabled_names_that_match_nothing_are_known(good: Path) -> None:
    manager = PluginManager(disabled=["fixture-good", "hf-fixture-good", "no-such-plugin"])
    assert manager.unmatched_disabled() == ["no-such-plugin"]
    assert manager.plugin("fixture-good") is None


def test_builtin_plugin_can_be_disabled_by_module_name() -> None:
    manager = PluginManager(entry_points=False, disabled=["helsefellesskap.builtin.kinds"])
    assert manager.plugin("helsefellesskap.builtin.kinds") is None
    assert "professional-committee" not in manager.body_kinds()
    assert "check" in manager.commands()


# -- registration rules, with plugins registered by hand ------------------------------------


def test_hook_function_without_hookimpl_marker_is_reported() -> None:
    def hf_body_kinds() -> list[BodyKind]:
        return [BodyKind(name="never")]

    manager = PluginManager(plugins=[plugin(hf_body_kinds=hf_body_kinds)], entry_points=False)
    assert [f.message for f in manager.failures] == [
        "hf_body_kinds is not marked with @hookimpl, so it would never be called"
    ]
    assert manager.failures[0].hook == "hf_body_kinds"
    assert manager.plugins() == []


def test_optional_unknown_hook_is_allowed() -> None:
    @hookimpl(optionalhook=True)
    def hf_from_the_future() -> None:
        return None

    @hookimpl
    def hf_body_kinds() -> list[BodyKind]:
        return [BodyKind(name="now")]

    manager = PluginManager(
        plugins=[plugin(hf_from_the_future=hf_from_the_future, hf_body_kinds=hf_body_kinds)],
        entry_points=False,
    )
    assert manager.failures == []
    assert list(manager.body_kinds()) == ["now"]


def test_specname_lets_a_function_have_another_name() -> None:
    @hookimpl(specname="hf_body_kinds")
    def my_kinds() -> list[BodyKind]:
        return [BodyKind(name="named-otherwise")]

    manager = PluginManager(plugins=[plugin(my_kinds=my_kinds)], entry_points=False)
    assert manager.failures == []
    assert manager.plugins()[0].hooks == ("hf_body_kinds",)
    assert list(manager.body_kinds()) == ["named-otherwise"]


def test_wrong_signature_is_refused() -> None:
    @hookimpl
    def hf_layout(partnership: object, colour: str) -> None:
        return None

    manager = PluginManager(plugins=[plugin(hf_layout=hf_layout)], entry_points=False)
    assert len(manager.failures) == 1
    assert manager.failures[0].message.startswith("cannot register:")
    assert "colour" in manager.failures[0].message
    assert manager.plugins() == []


def test_hook_wrappers_are_refused() -> None:
    @hookimpl(wrapper=True)
    def hf_rules() -> Any:
        return (yield)

    manager = PluginManager(plugins=[plugin(hf_rules=hf_rules)], entry_points=False)
    assert [str(f) for f in manager.failures] == [
        "plugin 'types.SimpleNamespace' in hook hf_rules: hook wrappers are not supported"
    ]


def test_registering_the_same_plugin_twice_is_a_no_op() -> None:
    manager = PluginManager(entry_points=False)
    assert manager.register(builtin_kinds) is False
    assert manager.register("helsefellesskap.builtin.kinds") is False
    assert manager.failures == []


def test_module_name_that_does_not_import_is_reported() -> None:
    manager = PluginManager(plugins=["helsefellesskap_no_such_plugin"], entry_points=False)
    assert [str(f) for f in manager.failures] == [
        "plugin 'helsefellesskap_no_such_plugin': failed to import helsefellesskap_no_such_plugin:"
        " ModuleNotFoundError(\"No module named 'helsefellesskap_no_such_plugin'\")"
    ]


def test_two_plugins_under_one_name_second_is_refused() -> None:
    @hookimpl
    def hf_body_kinds() -> list[BodyKind]:
        return [BodyKind(name="k")]

    manager = PluginManager(
        plugins=[plugin(hf_body_kinds=hf_body_kinds), plugin(hf_body_kinds=hf_body_kinds)],
        entry_points=False,
    )
    assert [str(f) for f in manager.failures] == [
        "plugin 'types.SimpleNamespace': another plugin is already registered under this name"
    ]
    assert len(manager.plugins()) == 1


def test_tryfirst_order_with_named_plugins() -> None:
    @hookimpl
    def plain(partnership: Any) -> Layout:
        return Layout(measure_columns=("goal",))

    @hookimpl(tryfirst=True)
    def first(partnership: Any) -> Layout:
        return Layout(measure_columns=("measure",))

    manager = PluginManager(plugins=[], entry_points=False)
    assert manager.register(plugin(hf_layout=plain), name="plain")
    assert manager.register(plugin(hf_layout=first), name="first")
    partnership: Any = SimpleNamespace(id="x", layout=Layout())
    assert manager.layout_for(partnership).measure_columns == ("measure",)
    assert [name for name, _ in manager.call_each("hf_layout", partnership=partnership)] == [
        "first",
        "plain",
    ]


def test_layout_of_wrong_type_is_reported_and_the_next_answer_used() -> None:
    @hookimpl
    def wrong(partnership: Any) -> Any:
        return {"measure_columns": ["goal"]}

    @hookimpl
    def right(partnership: Any) -> Layout:
        return Layout(measure_columns=("status",))

    manager = PluginManager(plugins=[], entry_points=False)
    # pluggy's order: the last registered is asked first
    manager.register(plugin(hf_layout=right), name="right")
    manager.register(plugin(hf_layout=wrong), name="wrong")
    partnership: Any = SimpleNamespace(id="x", layout=Layout())
    assert manager.layout_for(partnership).measure_columns == ("status",)
    assert [str(f) for f in manager.failures] == [
        "plugin 'wrong' in hook hf_layout: returned dict {'measure_columns': ['goal']} "
        "where a Layout or None is expected"
    ]


def test_error_while_iterating_a_generator_counts_as_the_plugins() -> None:
    @hookimpl
    def hf_body_kinds() -> Any:
        yield BodyKind(name="half")
        raise ValueError("ran dry")

    manager = PluginManager(plugins=[plugin(hf_body_kinds=hf_body_kinds)], entry_points=False)
    assert [f.message for f in manager.failures] == ["raised ValueError('ran dry')"]
    assert manager.body_kinds() == {}


def _rule(code: str) -> Rule:
    return Rule(code=code, severity=Severity.INFO, title="t", explanation="e", check=lambda c: [])


def test_rule_code_of_a_kind_clashing_with_a_rule_is_reported() -> None:
    @hookimpl
    def hf_rules() -> list[Rule]:
        return [_rule("X1")]

    @hookimpl
    def hf_body_kinds() -> list[BodyKind]:
        return [BodyKind(name="k", rules=(_rule("X1"), _rule("X2")))]

    manager = PluginManager(plugins=[], entry_points=False)
    manager.register(plugin(hf_rules=hf_rules), name="rules-plugin")
    manager.register(plugin(hf_body_kinds=hf_body_kinds), name="kinds-plugin")
    assert sorted(manager.rules()) == ["X2"]
    assert [str(f) for f in manager.failures] == [
        "plugin 'kinds-plugin' in hook hf_body_kinds: rule 'X1' is claimed by 'rules-plugin' "
        "and 'kinds-plugin'; neither is used: disable one of them (--disable-plugin NAME or "
        "HELSEFELLESSKAP_DISABLE_PLUGINS)"
    ]
    assert manager.contributions("kinds-plugin") == {"body kinds": ["k"], "rules": ["X2"]}


def test_same_name_twice_from_one_plugin_is_reported() -> None:
    @hookimpl
    def hf_body_kinds() -> list[BodyKind]:
        return [BodyKind(name="twice", description="1"), BodyKind(name="twice")]

    manager = PluginManager(plugins=[], entry_points=False)
    manager.register(plugin(hf_body_kinds=hf_body_kinds), name="p")
    assert manager.body_kinds()["twice"].description == "1"
    assert [str(f) for f in manager.failures] == [
        "plugin 'p' in hook hf_body_kinds: body kind 'twice' is returned twice"
    ]


def test_document_kind_of_the_core_cannot_be_taken() -> None:
    @attrs_frozen
    class FakePlan(Document):
        KIND: ClassVar[str] = "action-plan"

    @hookimpl
    def hf_document_types() -> list[type[Document]]:
        return [FakePlan, str]  # type: ignore[list-item]

    manager = PluginManager(plugins=[], entry_points=False)
    manager.register(plugin(hf_document_types=hf_document_types), name="p")
    manager.collect()
    assert [str(f) for f in manager.failures] == [
        "plugin 'p' in hook hf_document_types: document kind 'action-plan' belongs to the core",
        "plugin 'p' in hook hf_document_types: returned the class str where a subclass of "
        "Document is expected",
    ]
    assert manager.document_types()["action-plan"].__name__ == "ActionPlan"


def attrs_frozen(cls: type[Any]) -> type[Any]:
    import attrs

    return attrs.frozen(kw_only=True)(cls)


def test_render_format_must_declare_its_extension() -> None:
    class NoExtension(RenderFormat):
        name: ClassVar[str] = "no-ext"
        media_type: ClassVar[str] = "text/plain"

    @hookimpl
    def hf_render_formats() -> list[RenderFormat]:
        return [NoExtension()]

    manager = PluginManager(plugins=[], entry_points=False)
    manager.register(plugin(hf_render_formats=hf_render_formats), name="p")
    manager.collect()
    assert [str(f) for f in manager.failures] == [
        "plugin 'p' in hook hf_render_formats: render format NoExtension has no extension"
    ]


def test_unknown_format_suggests_the_closest() -> None:
    manager = PluginManager(entry_points=False)
    manager.register(plugin(hf_render_formats=_one_format("outline")), name="p")
    with pytest.raises(
        UnknownFormatError, match="no render format 'outlien': did you mean 'outline'"
    ):
        manager.render_format("outlien")


def _one_format(format_name: str) -> Any:
    class One(RenderFormat):
        name: ClassVar[str] = format_name
        extension: ClassVar[str] = ".txt"
        media_type: ClassVar[str] = "text/plain"

    @hookimpl
    def hf_render_formats() -> list[RenderFormat]:
        return [One()]

    return hf_render_formats


def test_call_each_refuses_an_unknown_hook() -> None:
    manager = PluginManager(entry_points=False)
    with pytest.raises(ValueError, match="no hook 'hf_rule'"):
        list(manager.call_each("hf_rule"))


def test_hook_names_are_the_functions_of_hookspecs() -> None:
    import inspect

    from helsefellesskap import hookspecs

    functions = {
        name
        for name, value in vars(hookspecs).items()
        if inspect.isfunction(value) and name.startswith("hf_")
    }
    assert set(hook_names()) == functions
    assert set(manager_hooks()) == functions


def manager_hooks() -> list[str]:
    manager = PluginManager(entry_points=False)
    return [name for name in dir(manager.pluggy.hook) if name.startswith("hf_")]


def test_a_plugin_cannot_take_a_built_in_format_name_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helsefellesskap.plugins import DEFAULT_PLUGINS

    (tmp_path / "md_thief.py").write_text(
        "from helsefellesskap import hookimpl\n"
        "from helsefellesskap.render import RenderFormat\n\n"
        "class Thief(RenderFormat):\n"
        "    name = 'md'\n    extension = '.md'\n    media_type = 'text/markdown'\n\n"
        "@hookimpl\ndef hf_render_formats():\n    return [Thief()]\n",
        "utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    manager = PluginManager(plugins=list(DEFAULT_PLUGINS), entry_points=False)
    manager.register("md_thief")
    assert type(manager.render_format("md")).__module__ == "helsefellesskap.render.markdown"
    [failure] = [f for f in manager.failures if f.plugin == "md_thief"]
    assert failure.hook == "hf_render_formats"
    assert "render format 'md' is built in" in failure.message


def test_call_each_calls_in_pluggys_own_order() -> None:
    """The manager's call loop and pluggy's own hook call agree on the order, with
    ``tryfirst`` and ``trylast`` marks among plainly registered plugins."""
    marks = {
        "plain-1": {},
        "last-1": {"trylast": True},
        "first-1": {"tryfirst": True},
        "plain-2": {},
        "last-2": {"trylast": True},
        "first-2": {"tryfirst": True},
        "plain-3": {},
    }
    manager = PluginManager(plugins=[], entry_points=False)
    for name, options in marks.items():

        def answer(name: str = name) -> list[str]:
            return [name]

        answer.__name__ = "hf_rules"
        assert manager.register(plugin(hf_rules=hookimpl(**options)(answer)), name=name)
    by_pluggy = [names[0] for names in manager.pluggy.hook.hf_rules()]
    assert [name for name, _ in manager.call_each("hf_rules")] == by_pluggy
    assert by_pluggy == ["first-2", "first-1", "plain-3", "plain-2", "plain-1", "last-1", "last-2"]


def test_hook_implementations_are_found_as_pluggy_finds_them() -> None:
    import sys
    import types

    import pluggy

    from helsefellesskap import hookimpl
    from helsefellesskap.plugins.manager import _Pluggy

    odd = types.ModuleType("hf_odd_plugin")

    @hookimpl(tryfirst=True)
    def marked() -> list[object]:
        return []

    def plain() -> None:
        pass

    def aliased() -> None:
        pass

    aliased.__func__ = marked  # type: ignore[attr-defined]
    for name, value in {
        "hf_partnerships": marked,
        "plain": plain,
        "aliased": aliased,
        "a_static": staticmethod(marked),
        "a_class": classmethod(marked),
        "a_method": types.MethodType(marked, object()),
        "a_type": int,
        "a_module": sys,
        "a_text": "hf_partnerships",
        "none": None,
        "bad_marker": types.FunctionType(plain.__code__, {}),
    }.items():
        setattr(odd, name, value)
    odd.bad_marker.helsefellesskap_impl = "not options"
    ours, theirs = _Pluggy("helsefellesskap"), pluggy.PluginManager("helsefellesskap")
    manager = PluginManager(collect=False)
    plugins = [odd, *(manager.pluggy.get_plugin(n) for n, _ in manager.pluggy.list_name_plugin())]
    assert len(plugins) > 5
    found = 0
    for plugin in plugins:
        for name in [*dir(plugin), "not_there"]:
            expected = theirs.parse_hookimpl_opts(plugin, name)
            assert ours.parse_hookimpl_opts(plugin, name) == expected, (plugin, name)
            found += expected is not None
    assert found > 20
    assert ours.parse_hookimpl_opts(odd, "aliased") is not None  # pluggy reads __func__
