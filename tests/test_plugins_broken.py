"""The broken-plugin matrix: every way a plugin can try to take a command down, through a
real installed distribution (``tests/plugin_fixtures/broken``), one plugin at a time.

Each case loads only its own broken plugin (the others disabled), runs the command a user
would run, and checks that the command finishes, names the plugin, and exits non-zero.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.testing import CliResult, run_cli
from helsefellesskap.validate import validate

pytestmark = pytest.mark.usefixtures("clean_plugin_env")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"
SMALL_FILE = EXAMPLE / "funding" / "midler-2025.toml"

BROKEN = (
    "broken-exit-in-hook",
    "broken-base-exception",
    "broken-exit-in-layout",
    "broken-exit-in-render",
    "broken-arguments",
    "broken-command",
    "broken-finding",
    "broken-slow-rule",
    "broken-label",
    "broken-extension",
    "broken-partnership-id",
)


@pytest.fixture
def broken(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The broken fixture distribution, installed with pip and on the path."""
    from .plugin_sites import sites

    site: Path = sites.install(["broken"], tmp_path_factory.mktemp("broken") / "site")
    monkeypatch.syspath_prepend(str(site))
    return site


def only(plugin: str, *args: str) -> CliResult:
    """Run the command line with ``plugin`` the only broken plugin loaded."""
    assert plugin in BROKEN
    disabled = [part for name in BROKEN if name != plugin for part in ("--disable-plugin", name)]
    return run_cli(*disabled, *args)


def manager_with(plugin: str) -> PluginManager:
    """A manager with the installed plugins but only ``plugin`` of the broken ones."""
    return PluginManager(disabled=[name for name in BROKEN if name != plugin])


def example_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_every_broken_plugin_is_installed_and_named(broken: Path) -> None:
    manager = PluginManager()
    names = {info.name for info in manager.plugins()} | {f.plugin for f in manager.failures}
    assert set(BROKEN) <= names


def test_sys_exit_in_a_hook_is_contained_and_the_command_exits_2(broken: Path) -> None:
    result = only("broken-exit-in-hook", "validate", str(EXAMPLE))
    assert result.code == 2
    assert "plugin 'broken-exit-in-hook' in hook hf_rules: raised SystemExit(0)" in result.stderr
    assert "tried to end the program" in result.stderr
    assert result.stdout  # validate still ran and reported
    assert "Traceback" not in result.stderr


def test_a_custom_base_exception_in_a_hook_is_contained(broken: Path) -> None:
    result = only("broken-base-exception", "validate", str(EXAMPLE))
    assert result.code == 2
    assert (
        "plugin 'broken-base-exception' in hook hf_body_kinds: "
        "raised Meltdown('the body kinds melted down')"
    ) in result.stderr
    manager = manager_with("broken-base-exception")
    assert "partnership-meeting" in manager.body_kinds()  # the built-in kinds are all there


def test_sys_exit_in_hf_layout_does_not_stop_render(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = only("broken-exit-in-layout", "render", str(EXAMPLE), "-f", "md", "-o", str(out))
    assert result.code == 2
    assert "plugin 'broken-exit-in-layout' in hook hf_layout: raised SystemExit(3)" in result.stderr
    assert list(out.rglob("*.md"))  # every document was still written


def test_sys_exit_in_a_format_render_names_the_plugin(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = only(
        "broken-exit-in-render", "render", str(SMALL_FILE), "-f", "broken-exit", "-o", str(out)
    )
    assert result.code == 2
    assert "of plugin 'broken-exit-in-render'" in result.stderr
    assert "SystemExit" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_command_whose_add_arguments_raises(broken: Path) -> None:
    result = only("broken-arguments", "broken-arguments")
    assert result.code == 2
    assert result.stderr == (
        "error: plugin 'broken-arguments': command 'broken-arguments' failed to add its "
        "arguments: raised RuntimeError('cannot add my arguments')\n"
    )
    # every other command works: only the command that runs adds its arguments
    other = only("broken-arguments", "check", str(SMALL_FILE))
    assert other.code == 0, other.stderr
    assert "broken-arguments" in only("broken-arguments", "--help").stdout


def test_a_command_that_calls_sys_exit_exits_2_naming_the_plugin(broken: Path) -> None:
    result = only("broken-command", "broken-exit", "--loud")
    assert result.code == 2
    assert (
        "error: plugin 'broken-command': command 'broken-exit' raised SystemExit(0)"
        in result.stderr
    )


def test_a_rule_that_yields_no_finding_fails_naming_the_rule(broken: Path) -> None:
    result = only("broken-finding", "validate", str(EXAMPLE), "--format", "json")
    assert result.code == 1
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["code"] == "HF001"]
    assert messages == [
        "rule BRK100 (yields text) of plugin 'broken-finding' yielded str 'everything is fine' "
        "where a Finding is expected"
    ]


def test_a_rule_that_never_ends_is_stopped_waiting_for(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_RULE_TIME_LIMIT", "0.3")
    started = time.monotonic()
    result = only("broken-slow-rule", "validate", str(EXAMPLE), "--format", "json")
    assert time.monotonic() - started < 20
    assert result.code == 1
    messages = [f["message"] for f in json.loads(result.stdout)["findings"] if f["code"] == "HF001"]
    assert messages == [
        "rule BRK200 (never ends) of plugin 'broken-slow-rule' did not finish within 0.3 "
        "seconds and was stopped waiting for (set a longer limit with "
        "validate(time_limit=...) or HELSEFELLESSKAP_RULE_TIME_LIMIT)"
    ]
    # the rules after it still ran
    assert "HF301" in json.loads(result.stdout)["rules"]
    # render (which validates first) finishes too
    out = tmp_path / "out"
    rendered = only("broken-slow-rule", "render", str(EXAMPLE), "-f", "md", "-o", str(out))
    assert list(out.rglob("*.md")), rendered.stderr
    # and the library call takes the limit as an argument
    report = validate(
        load_bundle(EXAMPLE), manager=manager_with("broken-slow-rule"), time_limit=0.2
    )
    assert [f.code for f in report.findings if "BRK200" in f.message] == ["HF001"]


def test_a_bad_label_placeholder_names_the_plugin_that_supplied_it(
    broken: Path, tmp_path: Path
) -> None:
    for fmt in ("md", "html"):
        out = tmp_path / fmt
        result = only("broken-label", "render", str(EXAMPLE), "-f", fmt, "-o", str(out))
        assert result.code == 2, fmt
        assert "of plugin 'broken-label'" in result.stderr, result.stderr
        assert "{nope}" in result.stderr
        assert f"the format {fmt!r} of plugin" not in result.stderr
        assert "Traceback" not in result.stderr


def test_a_format_extension_cannot_leave_the_output_folder(broken: Path, tmp_path: Path) -> None:
    manager = manager_with("broken-extension")
    assert "broken-escape" not in manager.render_formats()
    assert [str(f) for f in manager.failures if f.plugin == "broken-extension"] == [
        "plugin 'broken-extension' in hook hf_render_formats: render format 'broken-escape' "
        "has the extension '/../../escaped': an extension is a dot followed by letters, "
        "digits, '-' or '_' (like '.md'), so that every file stays in the output folder"
    ]
    out = tmp_path / "a" / "b" / "out"
    result = only("broken-extension", "render", str(EXAMPLE), "-f", "broken-escape", "-o", str(out))
    assert result.code == 2
    assert "unknown format 'broken-escape'" in result.stderr
    assert not [p for p in tmp_path.rglob("*") if "escaped" in p.name]


def test_a_partnership_with_an_invalid_id_is_refused(broken: Path) -> None:
    manager = manager_with("broken-partnership-id")
    assert "../Bad Id" not in manager.partnerships()
    assert [str(f) for f in manager.failures if f.plugin == "broken-partnership-id"] == [
        "plugin 'broken-partnership-id' in hook hf_partnerships: partnership '../Bad Id' has "
        "an invalid id: an id is lowercase letters and digits, parts joined by '-', '_' or "
        "'.' (like 'vestfold-sor')"
    ]
    listed = only("broken-partnership-id", "list", "--format", "json")
    assert "../Bad Id" not in listed.stdout


def test_format_label_errors_without_a_known_plugin_and_for_malformed_text() -> None:
    from helsefellesskap.render.labelset import LabelError, MergedLabels, format_label

    with pytest.raises(LabelError) as caught:
        format_label({"a": "Hei {navn}"}, "a", {"name": "x"})
    assert str(caught.value) == (
        "the label 'a' names {navn}, which is not given (it is 'Hei {navn}'; the "
        "placeholders it can use are {name})"
    )
    assert caught.value.plugin is None
    labels = MergedLabels({"a": "Hei {name"}, {"a": "my-plugin"})
    with pytest.raises(LabelError) as caught:
        format_label(labels, "a", {"name": "x"})
    assert str(caught.value).startswith("the label 'a' of plugin 'my-plugin' cannot be filled in")
    assert caught.value.plugin == "my-plugin"
    assert format_label(labels, "missing", {"name": "x"}) == "missing"


def test_the_rule_time_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from helsefellesskap.errors import UsageError
    from helsefellesskap.validate.isolation import (
        DEFAULT_TIME_LIMIT,
        TIME_LIMIT_ENV,
        time_limit_from_env,
    )

    monkeypatch.delenv(TIME_LIMIT_ENV, raising=False)
    assert time_limit_from_env() == DEFAULT_TIME_LIMIT == 5.0
    monkeypatch.setenv(TIME_LIMIT_ENV, "0")
    assert time_limit_from_env() is None
    monkeypatch.setenv(TIME_LIMIT_ENV, "2.5")
    assert time_limit_from_env() == 2.5
    monkeypatch.setenv(TIME_LIMIT_ENV, "soon")
    with pytest.raises(UsageError, match=r"HELSEFELLESSKAP_RULE_TIME_LIMIT='soon' is not a number"):
        time_limit_from_env()


def test_a_timed_out_rule_does_not_hold_up_the_next_one() -> None:
    from helsefellesskap.validate.isolation import RuleRunner

    def forever() -> list[object]:
        while True:
            time.sleep(0.05)

    runner = RuleRunner(0.2)
    started = time.monotonic()
    outcomes = runner.run_all(
        [
            forever,
            lambda: iter([1, 2]),
            lambda: (_ for _ in ()).throw(SystemExit(4)),
            forever,
            lambda: iter([3]),
        ]
    )
    assert time.monotonic() - started < 2
    assert [o.timed_out for o in outcomes] == [True, False, False, True, False]
    assert outcomes[1].items == (1, 2) and outcomes[4].items == (3,)
    assert isinstance(outcomes[2].error, SystemExit)
    assert runner.run(lambda: iter([5])).items == (5,)
    assert RuleRunner(None).run(lambda: iter("ab")).items == ("a", "b")
