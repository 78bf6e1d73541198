"""The partnership's language is the default of every rendering (issue 18 §1).

A partnership with ``[layout] language = "nn"`` (or ``"en"``) renders every label in
that language with no ``--lang``; ``--lang``/``lang=`` overrides; a plugin's
``hf_layout`` refines the partnership's layout and cannot drop its language.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import attrs
import docx
import pytest

from helsefellesskap import Layout, Partnership, hookimpl
from helsefellesskap.cli import main
from helsefellesskap.io import load_bundle
from helsefellesskap.plugins import PluginManager
from helsefellesskap.plugins.layout import refine_layout
from helsefellesskap.render import render
from helsefellesskap.render.api import make_context, render_bundle

from .language_fixture import language_copy

PLAN = Path("plans") / "handlingsplan-2024-2025.toml"


@pytest.fixture(autouse=True)
def only_builtin_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command sees the built-in plugins only, whatever else is installed."""
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("language", ["nn", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_document_renders_in_the_partnerships_language_without_lang(
    tmp_path: Path, language: str, fmt: str
) -> None:
    folder = language_copy(tmp_path, language)
    plan = str(folder / PLAN)
    code, default, err = run("render", plan, "-f", fmt)
    assert (code, err) == (0, "")
    _, explicit, _ = run("render", plan, "-f", fmt, "--lang", language)
    _, bokmal, _ = run("render", plan, "-f", fmt, "--lang", "nb")
    assert default == explicit
    assert default != bokmal
    if fmt == "html":
        assert f'<html lang="{language}"' in default


@pytest.mark.parametrize(("language", "heading"), [("nn", "Innsatsområde"), ("en", "Focus areas")])
def test_the_labels_are_the_partnerships_not_bokmal(
    tmp_path: Path, language: str, heading: str
) -> None:
    folder = language_copy(tmp_path, language)
    _, out, _ = run("render", str(folder / PLAN))
    assert f"## 2 {heading}\n" in out
    assert "Innsatsområder" not in out
    assert "Vedtatt" not in out


@pytest.mark.parametrize("language", ["nn", "en"])
def test_word_renders_in_the_partnerships_language(
    tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")  # Word is the docx plugin's
    folder = language_copy(tmp_path, language)
    default, explicit = tmp_path / "default.docx", tmp_path / "explicit.docx"
    assert run("render", str(folder / PLAN), "-f", "docx", "-o", str(default))[0] == 0
    args = ("-f", "docx", "-o", str(explicit), "--lang", language)
    assert run("render", str(folder / PLAN), *args)[0] == 0
    assert _docx_text(default) == _docx_text(explicit)
    assert ("Innsatsområder" in _docx_text(default)) is False


def test_lang_overrides_the_partnerships_language(tmp_path: Path) -> None:
    folder = language_copy(tmp_path, "nn")
    _, out, _ = run("render", str(folder / PLAN), "--lang", "nb")
    assert "## 2 Innsatsområder\n" in out


def test_a_whole_partnership_renders_in_its_language(tmp_path: Path) -> None:
    folder = language_copy(tmp_path, "nn")
    bundle = load_bundle(folder)
    written = render_bundle(bundle, tmp_path / "out", formats=["md"])
    names = {p.name for p in written}
    assert "handlingsplan-2024-2025.md" in names  # one language: no subfolder
    text = (tmp_path / "out" / "handlingsplan-2024-2025.md").read_text(encoding="utf-8")
    assert "## 2 Innsatsområde\n" in text
    code, out, _ = run("render", str(folder), "-f", "md", "-o", str(tmp_path / "cli"))
    assert code == 0, out
    cli = (tmp_path / "cli" / "handlingsplan-2024-2025.md").read_text(encoding="utf-8")
    assert cli == text


def test_the_library_api_defaults_to_the_partnerships_language(tmp_path: Path) -> None:
    bundle = load_bundle(language_copy(tmp_path, "en"))
    plan = bundle.document("handlingsplan-2024-2025")
    assert render(plan, bundle=bundle) == render(plan, bundle=bundle, lang="en")
    assert make_context(bundle).language == "en"
    assert make_context(bundle, "nn").language == "nn"


def _manager_with_layout(layout: object) -> PluginManager:
    @hookimpl
    def hf_layout(partnership: Partnership) -> object:
        return layout

    manager = PluginManager(entry_points=False)
    manager.register(SimpleNamespace(hf_layout=hf_layout), name="layout-plugin")
    return manager


def test_a_plugin_layout_built_from_scratch_keeps_the_partnerships_language(
    tmp_path: Path,
) -> None:
    bundle = load_bundle(language_copy(tmp_path, "nn"))
    manager = _manager_with_layout(Layout(measure_columns=("goal", "measure")))
    context = make_context(bundle, manager=manager)
    assert context.language == "nn"
    assert context.layout.language == "nn"
    assert context.layout.measure_columns == ("goal", "measure")


def test_a_plugin_refining_the_partnerships_layout_keeps_the_rest() -> None:
    base = Layout(measure_columns=("goal", "measure", "deadline"), language="nn", omit=())
    evolved = attrs.evolve(base, measure_columns=("goal", "measure"))
    assert refine_layout(base, evolved) == evolved
    # a layout from scratch sets the table as before, and keeps the language
    scratch = refine_layout(base, Layout())
    assert (scratch.measure_columns, scratch.language) == (Layout().measure_columns, "nn")
    assert refine_layout(base, Layout(language="en")).language == "en"
