"""``helsefellesskap.testing``: the kit for plugin authors, loaded by pytest itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import helsefellesskap.testing as testing
from helsefellesskap import (
    BodyKind,
    DataError,
    DocumentNotFoundError,
    RenderError,
    Severity,
    UnknownFormatError,
    hookimpl,
)
from helsefellesskap.plugins import DEFAULT_PLUGINS, DISABLE_ENV
from helsefellesskap.testing import (
    PartnershipFolder,
    assert_no_failures,
    load_validate_render,
    make_manager,
    run_cli,
)


@hookimpl
def _kinds() -> list[BodyKind]:
    return [BodyKind(name="tested-kind")]


PLUGIN = SimpleNamespace(hf_body_kinds=_kinds)


def test_module_is_registered_as_a_pytest_plugin(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.get_plugin("helsefellesskap") is testing


def test_importing_the_kit_stays_light() -> None:
    code = (
        "import sys, helsefellesskap.testing\n"
        "heavy = [m for m in ('jinja2', 'docx', 'lxml', 'hypothesis') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_make_manager_has_builtins_and_the_plugin_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "helsefellesskap.builtin.kinds")  # ignored by the kit
    manager = make_manager(PLUGIN)
    names = [info.name for info in manager.plugins()]
    assert names == [*DEFAULT_PLUGINS, "types.SimpleNamespace"]
    assert manager.plugin("template") is None  # installed, but not under test
    assert {"tested-kind", "professional-committee"} <= set(manager.body_kinds())
    assert [i.name for i in make_manager(PLUGIN, builtins=False).plugins()] == [
        "types.SimpleNamespace"
    ]
    assert make_manager(entry_points=True).plugin("template") is not None


def test_assert_no_failures_lists_every_failure() -> None:
    assert_no_failures(make_manager(PLUGIN))
    broken = make_manager("helsefellesskap_no_such_plugin", builtins=False)
    with pytest.raises(AssertionError) as caught:
        assert_no_failures(broken)
    assert str(caught.value) == (
        "1 plugin failure(s):\n  plugin 'helsefellesskap_no_such_plugin': failed to import "
        'helsefellesskap_no_such_plugin: ModuleNotFoundError("No module named '
        "'helsefellesskap_no_such_plugin'\")"
    )


def test_partnership_folder_fixture_loads_and_validates_without_errors(
    partnership_folder: PartnershipFolder,
) -> None:
    assert partnership_folder.partnership_file.is_file()
    assert partnership_folder.plan_file.is_file()
    bundle = partnership_folder.load()
    assert bundle.partnership.id == "test"
    assert [d.id for d in bundle.documents] == ["handlingsplan"]
    outcome = load_validate_render(partnership_folder.path, None, manager=make_manager())
    serious = [f for f in outcome.findings if f.severity is Severity.ERROR]
    assert serious == []


def test_partnership_folder_can_be_broken_and_says_where(
    partnership_folder: PartnershipFolder,
) -> None:
    partnership_folder.append("partnership.toml", 'nmae = "typo"\n')
    with pytest.raises(DataError) as caught:
        partnership_folder.load()
    problem = caught.value.problems[0]
    assert problem.file == partnership_folder.partnership_file
    assert "nmae" in str(problem)


def test_create_with_another_id_and_without_plan(tmp_path: Path) -> None:
    folder = PartnershipFolder.create(tmp_path, "annet", name="Annet fellesskap", plan=False)
    bundle = folder.load()
    assert (bundle.partnership.id, bundle.partnership.name) == ("annet", "Annet fellesskap")
    assert bundle.documents == ()


def test_load_validate_render_from_folder(partnership_folder: PartnershipFolder) -> None:
    outcome = load_validate_render(partnership_folder.path, "md", manager=make_manager())
    assert list(outcome.rendered) == ["handlingsplan"]
    assert "Lage felles rutine for utskrivning" in outcome.text("handlingsplan")
    assert outcome.codes() == [f.code for f in outcome.findings]
    assert outcome.bundle.partnership.id == "test"


def test_load_validate_render_from_a_bundle_and_by_id(
    partnership_folder: PartnershipFolder,
) -> None:
    manager = make_manager()
    bundle = partnership_folder.load(manager)
    outcome = load_validate_render(bundle, "json", manager=manager, documents=["handlingsplan"])
    assert outcome.bundle is bundle
    assert outcome.text("handlingsplan").lstrip().startswith("{")
    by_id = load_validate_render("malby", None)  # the installed template's partnership
    assert by_id.rendered == {}
    assert by_id.bundle.partnership.id == "malby"


def test_load_validate_render_unknown_document(partnership_folder: PartnershipFolder) -> None:
    with pytest.raises(DocumentNotFoundError) as caught:
        load_validate_render(partnership_folder.path, "md", documents=["handlingsplann"])
    assert str(caught.value) == ("no document 'handlingsplann' in 'test' (it has: handlingsplan)")


def test_load_validate_render_unknown_format(partnership_folder: PartnershipFolder) -> None:
    with pytest.raises(UnknownFormatError, match="no render format 'mdd': did you mean 'md'"):
        load_validate_render(partnership_folder.path, "mdd", manager=make_manager())


def test_load_validate_render_format_that_cannot_render_the_document(
    partnership_folder: PartnershipFolder,
) -> None:
    with pytest.raises(RenderError, match="cannot render action-plan 'handlingsplan'"):
        load_validate_render(
            partnership_folder.path, "outline", documents=["handlingsplan"],
            manager=make_manager(_OnlyPartnershipFormat.plugin()),
        )  # fmt: skip


class _OnlyPartnershipFormat:
    @staticmethod
    def plugin() -> SimpleNamespace:
        from typing import ClassVar

        from helsefellesskap import Partnership, RenderFormat

        class Outline(RenderFormat):
            name: ClassVar[str] = "outline"
            extension: ClassVar[str] = ".txt"
            media_type: ClassVar[str] = "text/plain"
            renders = (Partnership,)

        @hookimpl
        def hf_render_formats() -> list[RenderFormat]:
            return [Outline()]

        return SimpleNamespace(hf_render_formats=hf_render_formats)


def test_run_cli_captures_status_and_output(partnership_folder: PartnershipFolder) -> None:
    result = run_cli("check", str(partnership_folder.path))
    assert result.code == 0
    assert result.stdout.startswith("ok: Testfellesskap: 5 partners, 2 bodies, 1 action-plan")
    missing = run_cli("check", str(partnership_folder.path / "nope.toml"))
    assert missing.code == 2
    assert "nope.toml does not exist" in missing.stderr
