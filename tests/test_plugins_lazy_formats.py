"""Render formats declared by name (``lazy_format``): what they answer without their
class, the real format where one renders, and a class that fails or disagrees being the
plugin's failure."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from helsefellesskap import PluginError, PluginManager, RenderFormat, hookimpl, load_bundle
from helsefellesskap.errors import RenderError
from helsefellesskap.messages import use_language
from helsefellesskap.plugins import DEFAULT_PLUGINS
from helsefellesskap.render.api import find_format, render
from helsefellesskap.render.html import HtmlFormat
from helsefellesskap.render.lazy import (
    FormatLoadError,
    LazyRenderFormat,
    declaration_mismatches,
    lazy_format,
)

from .conftest import EXAMPLE

pytestmark = pytest.mark.usefixtures("clean_plugin_env")


class Declares:
    """A plugin that declares its formats with ``lazy_format``."""

    def __init__(self, *formats: RenderFormat) -> None:
        self.formats = list(formats)

    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return self.formats


def manager_with(*formats: RenderFormat) -> PluginManager:
    plugin = Declares(*formats)
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS], entry_points=False, use_env=False)
    manager.register(plugin, name="declares")
    return manager


def test_every_installed_format_declares_what_its_class_says() -> None:
    manager = PluginManager()
    formats = manager.render_formats()
    assert {"md", "json", "html", "docx", "pdf"} <= set(formats)
    lazy = {name for name, fmt in formats.items() if isinstance(fmt, LazyRenderFormat)}
    assert {"md", "json", "html", "docx", "pdf"} <= lazy
    assert {name: declaration_mismatches(fmt) for name, fmt in formats.items()} == {
        name: [] for name in formats
    }


def test_a_format_asked_for_by_name_is_the_real_one() -> None:
    manager = PluginManager()
    html = manager.render_format("html")
    assert type(html) is HtmlFormat
    assert find_format("html", manager) is html
    assert manager.render_format("html") is html  # loaded once
    proxy = manager.render_formats()["html"]
    assert proxy.own_labels == html.own_labels and proxy.renders == html.renders
    assert type(manager.render_format("md")).__module__ == "helsefellesskap.render.markdown"


def test_listing_the_formats_imports_no_renderer() -> None:
    code = (
        "import sys\n"
        "from helsefellesskap import PluginManager\n"
        "formats = PluginManager(collect=False).render_formats()\n"
        "names = {n: (f.extension, f.media_type, f.partnerships) for n, f in formats.items()}\n"
        "assert {'md', 'json', 'html', 'docx', 'pdf'} <= set(names), names\n"
        "print(sorted(m for m in sys.modules if m.startswith(("
        "'helsefellesskap.render.html', 'helsefellesskap.render.markdown', "
        "'helsefellesskap.render.json', 'helsefellesskap.outline', 'helsefellesskap_docx.', "
        "'helsefellesskap_pdf.format', 'jinja2', 'docx', 'weasyprint')) "
        "and m != 'helsefellesskap_docx.plugin' and not m.startswith('helsefellesskap_docx._')))"
    )
    # the plugins installed in the environment: not the plugin template the test session adds
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "[]", result.stdout


def test_a_lazy_format_renders_through_its_class() -> None:
    bundle = load_bundle(EXAMPLE)
    manager = manager_with(
        lazy_format(
            "helsefellesskap.render.markdown:MarkdownFormat",
            name="markdown-again",
            extension=".md",
            media_type="text/markdown; charset=utf-8",
        )
    )
    with pytest.raises(FormatLoadError, match="has name 'md', but its"):
        manager.render_format("markdown-again")
    [failure] = [f for f in manager.failures if f.plugin == "declares"]
    assert failure.hook == "hf_render_formats"
    assert "`lazy_format` declares 'markdown-again'" in failure.message
    assert render(bundle.partnership, "md", bundle=bundle, manager=manager)  # others work


def test_a_class_that_cannot_be_imported_is_the_plugins_failure() -> None:
    bundle = load_bundle(EXAMPLE)
    manager = manager_with(
        lazy_format("no_such_module_here:Format", name="nowhere", extension=".x", media_type="x/y")
    )
    assert "nowhere" in manager.render_formats()  # declared: listed without importing
    assert manager.owner("hf_render_formats", "nowhere") == "declares"
    with pytest.raises(RenderError, match="plugin 'declares' in hook hf_render_formats") as info:
        render(bundle.partnership, "nowhere", bundle=bundle, manager=manager)
    assert "failed to import no_such_module_here:Format: ModuleNotFoundError" in str(info.value)
    [failure] = [f for f in manager.failures if f.plugin == "declares"]
    assert failure.hook == "hf_render_formats"
    assert failure.traceback and "ModuleNotFoundError" in failure.traceback
    with pytest.raises(PluginError):
        manager.render_formats()["nowhere"].render(bundle.partnership, None)  # type: ignore[arg-type]
    assert render(bundle.partnership, "html", bundle=bundle, manager=manager)


def test_a_target_that_is_not_a_format_is_refused() -> None:
    manager = manager_with(
        lazy_format(
            "helsefellesskap.errors:Problem", name="problem", extension=".p", media_type="x/y"
        )
    )
    with pytest.raises(FormatLoadError, match="where a RenderFormat is expected"):
        manager.render_format("problem")


@pytest.mark.parametrize(
    ("language", "words"),
    [("nb", "men `lazy_format` oppgir"), ("nn", "men `lazy_format` oppgjev"), ("en", "but its")],
)
def test_the_disagreement_is_worded_in_the_chosen_language(language: str, words: str) -> None:
    manager = manager_with(
        lazy_format(
            "helsefellesskap.render.json:JsonFormat",
            name="json2",
            extension=".json",
            media_type="application/json",
        )
    )
    with use_language(language), pytest.raises(FormatLoadError) as info:
        manager.render_format("json2")
    assert words in info.value.reason
    assert "helsefellesskap.render.json:JsonFormat" in info.value.reason


def test_serves_comes_from_the_declaration_without_loading() -> None:
    fmt = lazy_format(
        "no_such_module_here:Format",
        name="for-some",
        extension=".x",
        media_type="x/y",
        partnerships=("helgeland",),
    )
    assert fmt.serves("helgeland") and not fmt.serves("troms-ofoten") and fmt.serves(None)
    assert isinstance(fmt, LazyRenderFormat) and fmt._loaded is None


def test_a_malformed_target_is_refused() -> None:
    with pytest.raises(ValueError, match=r"is not 'package\.module:Class'"):
        lazy_format("no_colon", name="x", extension=".x", media_type="x/y")


def test_mismatches_name_a_class_that_decides_serves_itself() -> None:
    fmt: Any = lazy_format(
        "tests.test_plugins_lazy_formats:ServesItself",
        name="serves-itself",
        extension=".s",
        media_type="x/s",
    )
    assert declaration_mismatches(fmt) == [
        "serves: tests.test_plugins_lazy_formats:ServesItself overrides it; "
        "declare the format without lazy_format"
    ]
    assert declaration_mismatches(HtmlFormat()) == []


class ServesItself(RenderFormat):
    """A format that decides for itself which partnerships it serves."""

    name = "serves-itself"
    extension = ".s"
    media_type = "x/s"

    def serves(self, partnership: str | None) -> bool:
        return partnership == "helgeland"
