"""``helsefellesskap render``: one document to stdout or a file, a partnership to a folder."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from helsefellesskap.cli import main

from .plugin_sites import sites

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"


@pytest.fixture(autouse=True)
def only_builtin_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command sees the built-in plugins only, whatever else is installed."""
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_document_renders_to_stdout_as_markdown_by_default() -> None:
    code, out, err = run(str(PLAN))
    assert (code, err) == (0, "")
    assert out.startswith("# Handlingsplan 2024–2025\n")
    assert "| Hva vil vi? | Pågående arbeid |" in out


def test_a_document_renders_in_another_language_and_format() -> None:
    code, out, _ = run(str(PLAN), "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert (data["kind"], data["language"]) == ("action-plan", "en")


def test_a_document_renders_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.md"
    code, out, _ = run(str(PLAN), "-o", str(target), "--lang", "nn")
    assert code == 0
    # --lang chooses the language of the command's messages too (issue 18 §3)
    assert out == f"skreiv {target}\n"
    assert "Kva vil vi?" in target.read_text("utf-8")


def test_a_document_into_an_existing_folder_takes_its_own_name(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-f", "json", "-o", str(tmp_path))
    assert code == 0
    assert (tmp_path / "handlingsplan-2024-2025.json").is_file()


def test_several_formats_of_one_document_go_to_a_folder(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-f", "md,json", "-o", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "handlingsplan-2024-2025.json",
        "handlingsplan-2024-2025.md",
    ]


def test_several_formats_without_a_folder_is_a_usage_error() -> None:
    code, out, err = run(str(PLAN), "-f", "md", "-f", "json")
    assert (code, out) == (2, "")
    assert "several formats write several files: name a folder with -o DIR" in err


def test_one_document_in_two_languages_is_a_usage_error() -> None:
    code, _, err = run(str(PLAN), "--lang", "en", "--lang", "nb")
    assert code == 2
    assert "one document renders in one language" in err


def test_a_whole_partnership_renders_into_a_folder(tmp_path: Path) -> None:
    out_dir = tmp_path / "site"
    # the first --lang is the language of messages too (issue 18 §3)
    code, out, err = run(str(EXAMPLE), "-f", "all", "-l", "en", "-l", "nb", "-o", str(out_dir))
    assert (code, err) == (0, "")
    assert out.startswith("wrote ") and out.endswith(f" files to {out_dir}\n")
    for lang in ("nb", "en"):
        for ext in ("md", "json", "html"):
            assert (out_dir / lang / f"handlingsplan-2024-2025.{ext}").is_file()
        assert (out_dir / lang / "eksempel-styringsstruktur.md").is_file()
    assert (out_dir / "index.md").is_file() and (out_dir / "index.html").is_file()


def test_a_whole_partnership_needs_a_folder() -> None:
    code, out, err = run(str(EXAMPLE))
    assert (code, out) == (2, "")
    assert "name a folder with -o DIR" in err


def test_a_whole_partnership_refuses_a_file_as_output(tmp_path: Path) -> None:
    existing = tmp_path / "file.md"
    existing.write_text("keep me", "utf-8")
    code, _, err = run(str(EXAMPLE), "-o", str(existing))
    assert code == 2
    assert "is a file: a whole partnership renders into a folder" in err
    assert existing.read_text("utf-8") == "keep me"


def test_an_unknown_format_names_the_close_one() -> None:
    code, out, err = run(str(PLAN), "--format", "mdx")
    assert (code, out) == (2, "")
    assert "error: unknown format 'mdx': did you mean 'md'?" in err


def test_an_unknown_language_names_the_close_one() -> None:
    code, _, err = run(str(PLAN), "--lang", "nob")
    assert code == 2
    assert "no labels for language 'nob': did you mean 'nb'?" in err


def test_the_source_file_is_never_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    before = plan.read_bytes()
    code, _, err = run(str(plan), "-o", str(plan))
    assert code == 2
    assert "is a source file of the partnership: it is never overwritten" in err
    assert plan.read_bytes() == before


def test_the_source_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    code, _, err = run(str(root), "-o", str(root / "build"))
    assert code == 2
    assert "lies in the partnership's source folder" in err
    assert not (root / "build").exists()
    code, _, err = run(
        str(root / "plans" / "handlingsplan-2024-2025.toml"), "-o", str(root / "plan.md")
    )
    assert code == 2
    assert not (root / "plan.md").exists()


def test_a_missing_target_is_reported() -> None:
    code, _, err = run("no/such/file.toml")
    assert code == 2
    assert "no/such/file.toml does not exist" in err


def test_an_output_ending_in_a_slash_is_a_folder(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-o", f"{tmp_path / 'new'}/")
    assert code == 0
    assert (tmp_path / "new" / "handlingsplan-2024-2025.md").is_file()


def test_an_installed_partnership_renders_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real entry point of a bundled partnership plugin, where installed."""
    pytest.importorskip("helsefellesskap_helgeland")
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    code, out, _ = run("helgeland", "-f", "md", "-o", str(tmp_path))
    assert code == 0, out
    plans = sorted(tmp_path.glob("handlingsplan-*.md"))
    assert plans, sorted(p.name for p in tmp_path.iterdir())
    text = plans[0].read_text("utf-8")
    assert "| Mål – Hvor vil vi? |" in text  # the plugin's own column labels
    assert (tmp_path / "helgeland-styringsstruktur.md").is_file()
    document = plans[0].stem
    code, out, _ = run(f"helgeland/{document}")
    assert code == 0
    assert out == text


# -- plugins that fail, formats for some partnerships, checks and output paths -------------


RENDER_PLUGIN = """
from helsefellesskap import ActionPlan, RenderFormat, hookimpl


class Broken(RenderFormat):
    name = "broken"
    extension = ".txt"
    media_type = "text/plain"
    renders = (ActionPlan,)

    def render(self, item, context):
        raise ZeroDivisionError("the plugin has a bug")


class OnlyMalby(RenderFormat):
    name = "malby-only"
    extension = ".txt"
    media_type = "text/plain"
    renders = (ActionPlan,)
    partnerships = ("malby",)

    def render(self, item, context):
        return b"malby"


@hookimpl
def hf_render_formats():
    return [Broken(), OnlyMalby()]
"""


@pytest.fixture(scope="module")
def render_plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plugin distribution with a format that raises and one for ``malby`` only,
    installed for real with pip so that the command finds it through its entry point."""
    root = tmp_path_factory.mktemp("projects")
    sites.write_project(
        root,
        "hf-render-fixture",
        {"render-fixture": "hf_render_fixture"},
        {"hf_render_fixture": RENDER_PLUGIN},
    )
    site: Path = sites.install(
        ["hf-render-fixture"], tmp_path_factory.mktemp("site") / "site", root=root, cache=False
    )
    return site


@pytest.fixture
def with_render_plugin(render_plugin_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    monkeypatch.delenv("HELSEFELLESSKAP_DISABLE", raising=False)
    monkeypatch.syspath_prepend(str(render_plugin_site))


@pytest.mark.usefixtures("with_render_plugin")
def test_a_format_that_raises_is_an_error_naming_the_plugin() -> None:
    code, out, err = run(str(PLAN), "-f", "broken")
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert err.startswith(
        "error: the format 'broken' of plugin 'render-fixture' failed on action-plan "
        "'handlingsplan-2024-2025': ZeroDivisionError: the plugin has a bug\n"
    )


@pytest.mark.usefixtures("with_render_plugin")
def test_a_partnership_renders_around_a_format_that_raises(tmp_path: Path) -> None:
    out_dir = tmp_path / "site"
    code, out, err = run(str(EXAMPLE), "-f", "md", "-f", "broken", "-f", "html", "-o", str(out_dir))
    assert code == 2
    assert "Traceback" not in err
    assert (
        "error: the format 'broken' of plugin 'render-fixture' failed on action-plan "
        "'handlingsplan-2024-2025': ZeroDivisionError: the plugin has a bug"
    ) in err
    # the other formats and documents are written, and the index lists them
    assert (out_dir / "handlingsplan-2024-2025.md").is_file()
    assert (out_dir / "handlingsplan-2024-2025.html").is_file()
    assert (out_dir / "eksempel-styringsstruktur.html").is_file()
    assert not (out_dir / "handlingsplan-2024-2025.txt").exists()
    index = (out_dir / "index.md").read_text("utf-8")
    assert "[md](handlingsplan-2024-2025.md)" in index and "broken" not in index
    assert out == f"wrote {len(list(out_dir.iterdir()))} files to {out_dir}\n"


@pytest.mark.usefixtures("with_render_plugin")
def test_a_format_for_another_partnership_is_refused_and_left_out_of_all(tmp_path: Path) -> None:
    code, out, err = run(str(PLAN), "-f", "malby-only")
    assert (code, out) == (2, "")
    assert (
        "error: the format 'malby-only' of plugin 'render-fixture' is only for the "
        "partnership 'malby', not 'eksempel'"
    ) in err
    out_dir = tmp_path / "all"
    code, _, err = run(str(EXAMPLE), "-f", "all", "-o", str(out_dir))
    assert code == 2  # only because 'broken' fails
    assert "malby-only" not in err
    assert not list(out_dir.glob("*.txt"))
    assert (out_dir / "handlingsplan-2024-2025.html").is_file()


def test_an_unknown_format_names_a_disabled_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("helsefellesskap_docx")
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--disable-plugin", "docx", "render", str(PLAN), "-f", "docx", "-o", "x"],
        stdout=out,
        stderr=err,
    )
    assert code == 2
    assert "error: unknown format 'docx':" in err.getvalue()
    assert err.getvalue().rstrip().endswith("(plugin 'docx' is disabled)")


def _invalid_copy(tmp_path: Path) -> Path:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    text = plan.read_text("utf-8")
    assert 'responsible = ["' in text
    plan.write_text(
        text.replace('responsible = ["', 'responsible = ["nobody-known", "', 1), "utf-8"
    )
    return root


def test_rendering_invalid_data_warns_once_and_succeeds(tmp_path: Path) -> None:
    root = _invalid_copy(tmp_path)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    code, out, err = run(str(plan))
    assert code == 0
    assert out.startswith("# Handlingsplan 2024–2025\n")
    assert err == (
        f"warning: the data has 1 validation error; run helsefellesskap validate {plan}\n"
    )
    code, _, err = run(str(root), "-o", str(tmp_path / "out"))
    assert code == 0
    assert err == (
        f"warning: the data has 1 validation error; run helsefellesskap validate {root}\n"
    )


def test_no_check_skips_the_validation(tmp_path: Path) -> None:
    plan = _invalid_copy(tmp_path) / "plans" / "handlingsplan-2024-2025.toml"
    code, out, err = run(str(plan), "--no-check")
    assert (code, err) == (0, "")
    assert out.startswith("# Handlingsplan")


def test_dash_writes_to_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(str(PLAN), "-o", "-", "-f", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["kind"] == "action-plan"
    assert not (tmp_path / "-").exists()


def test_dash_refuses_a_binary_format(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("helsefellesskap_docx")
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(str(PLAN), "-o", "-", "-f", "docx")
    assert (code, out) == (2, "")
    assert "error: the format 'docx' is binary: write it to a file with -o FILE" in err
    assert not (tmp_path / "-").exists()


def test_several_formats_refuse_an_output_named_like_a_file(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    code, out, err = run(str(PLAN), "-f", "md", "-f", "html", "-o", str(target))
    assert (code, out) == (2, "")
    assert (
        f"error: {target} looks like a file name, but several files are written: "
        f"name a folder (-o {tmp_path / 'x'}), or end the name with / to make x.md a folder"
    ) in err
    assert not target.exists()
    code, _, _ = run(str(PLAN), "-f", "md", "-f", "html", "-o", f"{target}/")
    assert code == 0
    assert (target / "handlingsplan-2024-2025.html").is_file()


def test_an_output_below_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "y.md"
    blocker.write_text("keep me", "utf-8")
    for argv in (("-o", str(blocker / "x.md")), ("-f", "md,json", "-o", str(blocker / "x"))):
        code, out, err = run(str(PLAN), *argv)
        assert (code, out) == (2, "")
        assert f"error: cannot write {blocker}/x" in err
        assert f"{blocker} is a file, not a folder" in err
        assert "Errno" not in err
    code, _, err = run(str(EXAMPLE), "-o", str(blocker / "site"))
    assert code == 2 and f"{blocker} is a file, not a folder" in err
    assert blocker.read_text("utf-8") == "keep me"


def test_an_unknown_format_for_one_document_lists_only_formats_that_serve_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from helsefellesskap import PluginManager

    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    if "outline" not in PluginManager().render_formats():
        pytest.skip("the plugin template (the outline format, for Malby only) is not installed")
    code, _, err = run(str(EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"), "-f", "outlin")
    assert code == 2
    assert "the formats are " in err
    assert "outline" not in err
