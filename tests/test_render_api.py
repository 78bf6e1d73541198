"""The render API: render(), make_context() and render_bundle()."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from helsefellesskap import (
    ActionPlan,
    Bundle,
    PluginManager,
    RenderError,
    hookimpl,
    load_bundle,
)
from helsefellesskap.plugins import DEFAULT_PLUGINS
from helsefellesskap.render import Renderable, RenderContext, RenderFormat, render, render_bundle
from helsefellesskap.render.api import PartialRenderError, find_format, output_name

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


class PlansOnly(RenderFormat):
    """A format that renders action plans only, as a plugin might."""

    name = "plans-only"
    extension = ".txt"
    media_type = "text/plain"
    renders = (ActionPlan,)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        return f"{item.id} {context.label('column.goal')}\n".encode()


class PlansOnlyPlugin:
    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return [PlansOnly()]


class OtherMarkdown(PlansOnly):
    """A plugin's format that claims the built-in name ``md``."""

    name = "md"


class ClaimsMarkdown:
    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return [OtherMarkdown()]


class AlsoPlansOnly:
    """A second plugin that claims the name ``plans-only``."""

    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return [PlansOnly()]


def test_render_defaults_to_markdown_in_bokmal(bundle: Bundle, manager: PluginManager) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    text = render(plan, bundle=bundle, manager=manager).decode()
    assert text.startswith("# Handlingsplan 2024–2025\n")
    assert "Forkortelser i dokumentet" in text


def test_render_without_a_manager_builds_one(bundle: Bundle) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    assert render(plan, "json", bundle=bundle).startswith(b"{")


def test_an_unknown_format_is_a_render_error_with_a_suggestion(
    bundle: Bundle, manager: PluginManager
) -> None:
    with pytest.raises(
        RenderError, match=r"unknown format 'mdx': did you mean 'md'\? the formats are .*json.*md"
    ):
        render(bundle.documents[0], "mdx", bundle=bundle, manager=manager)


def test_a_format_refuses_a_document_type_it_cannot_render(bundle: Bundle) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, PlansOnlyPlugin()], entry_points=False)
    declaration = bundle.document("fjordviklofte-2023-2026")
    assert declaration is not None
    with pytest.raises(
        RenderError,
        match=r"the format 'plans-only' cannot render a declaration \('fjordviklofte-2023-2026'\); "
        r"it renders: action-plan",
    ):
        render(declaration, "plans-only", bundle=bundle, manager=manager)
    with pytest.raises(RenderError, match=r"cannot render a governance"):
        render(bundle.partnership, "plans-only", bundle=bundle, manager=manager)
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    assert render(plan, "plans-only", bundle=bundle, manager=manager) == (
        b"handlingsplan-2024-2025 Hva vil vi?\n"
    )


def test_two_plugins_claiming_a_format_name_is_a_clear_error(bundle: Bundle) -> None:
    manager = PluginManager(
        plugins=[*DEFAULT_PLUGINS, PlansOnlyPlugin(), AlsoPlansOnly()], entry_points=False
    )
    with pytest.raises(RenderError, match=r"render format 'plans-only' is claimed by '.*' and"):
        find_format("plans-only", manager)


def test_a_plugin_claiming_a_builtin_format_name_leaves_the_builtin_alone(bundle: Bundle) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, ClaimsMarkdown()], entry_points=False)
    assert manager.owner("hf_render_formats", "md") == "helsefellesskap.builtin.formats"
    assert [f.plugin.rsplit(".", 1)[-1] for f in manager.failures] == ["ClaimsMarkdown"]


def test_output_names(bundle: Bundle, manager: PluginManager) -> None:
    md = find_format("md", manager)
    assert output_name(bundle.documents[0], md) == f"{bundle.documents[0].id}.md"
    assert output_name(bundle.partnership, md) == "eksempel-styringsstruktur.md"


def test_render_bundle_writes_every_document_format_and_an_index(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    written = render_bundle(bundle, out, formats=("md", "json"), manager=manager)
    names = sorted(p.name for p in written)
    expected = sorted(
        [f"{d.id}.{ext}" for d in bundle.documents for ext in ("md", "json")]
        + [
            "eksempel-styringsstruktur.md",
            "eksempel-styringsstruktur.json",
            "index.md",
            "index.html",
        ]
    )
    assert names == expected
    assert [p.name for p in written[-2:]] == ["index.md", "index.html"]
    assert all(p.parent == out for p in written)
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
    index = (out / "index.md").read_text("utf-8")
    for document in bundle.documents:
        assert f"[md]({document.id}.md)" in index
        assert document.title in index
    assert "[json](eksempel-styringsstruktur.json)" in index
    html = (out / "index.html").read_text("utf-8")
    assert '<html lang="nb">' in html
    assert 'href="handlingsplan-2024-2025.md"' in html


def test_render_bundle_puts_each_language_in_its_folder(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    written = render_bundle(
        bundle, tmp_path, formats=("md",), languages=("nb", "nn", "en"), manager=manager
    )
    for lang in ("nb", "nn", "en"):
        assert (tmp_path / lang / "handlingsplan-2024-2025.md").is_file()
    assert "Kva vil vi?" in (tmp_path / "nn" / "handlingsplan-2024-2025.md").read_text("utf-8")
    assert "(nn/handlingsplan-2024-2025.md)" in (tmp_path / "index.md").read_text("utf-8")
    assert len(written) == 3 * (len(bundle.documents) + 1) + 2


def test_render_bundle_skips_what_a_format_cannot_render(bundle: Bundle, tmp_path: Path) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, PlansOnlyPlugin()], entry_points=False)
    written = render_bundle(bundle, tmp_path, formats=("plans-only",), manager=manager)
    assert sorted(p.name for p in written) == [
        "handlingsplan-2024-2025.txt",
        "index.html",
        "index.md",
    ]


def test_render_bundle_refuses_the_source_folder(tmp_path: Path, manager: PluginManager) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    copy = load_bundle(root)
    for target in (root, root / "build", root / "plans"):
        with pytest.raises(
            RenderError, match=r"will not write rendered files into the partnership's source folder"
        ):
            render_bundle(copy, target, formats=("md",), manager=manager)
    assert sorted(p.name for p in (root / "plans").iterdir()) == ["handlingsplan-2024-2025.toml"]


def test_render_bundle_rejects_unknown_formats_and_languages_before_writing(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    with pytest.raises(RenderError, match="unknown format 'htm'"):
        render_bundle(bundle, tmp_path / "a", formats=("md", "htm"), manager=manager)
    with pytest.raises(RenderError, match="no labels for language 'de'"):
        render_bundle(bundle, tmp_path / "b", formats=("md",), languages=("de",), manager=manager)
    with pytest.raises(RenderError, match="no language to render"):
        render_bundle(bundle, tmp_path / "c", formats=("md",), languages=(), manager=manager)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_importing_the_library_does_not_import_jinja2() -> None:
    code = (
        "import sys, pathlib, helsefellesskap, helsefellesskap.render as r\n"
        "b = helsefellesskap.load_bundle(pathlib.Path(sys.argv[1]))\n"
        "m = helsefellesskap.PluginManager(entry_points=False)\n"
        "r.render(b.documents[0], 'md', bundle=b, manager=m)\n"
        "print('jinja2' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_builtin_formats_are_registered(manager: PluginManager) -> None:
    formats = manager.render_formats()
    assert {"md", "json", "html"} <= set(formats)
    assert manager.owner("hf_render_formats", "md") == "helsefellesskap.builtin.formats"
    assert formats["html"].extension == ".html"


class Raises(PlansOnly):
    """A plugin's format with a bug: its render raises."""

    name = "raises"

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        raise KeyError("oops")


class RaisesPlugin:
    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return [Raises()]


class ForMalby(PlansOnly):
    """A format for one partnership only."""

    name = "for-malby"
    partnerships = ("malby",)


class ForMalbyPlugin:
    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        return [ForMalby()]


def test_a_format_that_raises_becomes_a_render_error_naming_the_plugin(bundle: Bundle) -> None:
    plugin = RaisesPlugin()
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, plugin], entry_points=False)
    owner = manager.owner("hf_render_formats", "raises")
    assert owner is not None
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    with pytest.raises(RenderError) as caught:
        render(plan, "raises", bundle=bundle, manager=manager)
    assert str(caught.value) == (
        f"the format 'raises' of plugin {owner!r} failed on action-plan "
        "'handlingsplan-2024-2025': KeyError: 'oops'"
    )
    assert isinstance(caught.value.__cause__, KeyError)


def test_render_bundle_writes_the_rest_and_the_index_when_a_format_fails(
    bundle: Bundle, tmp_path: Path
) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, RaisesPlugin()], entry_points=False)
    with pytest.raises(PartialRenderError) as caught:
        render_bundle(bundle, tmp_path, formats=("md", "raises", "json"), manager=manager)
    error = caught.value
    assert [str(f).split(": KeyError")[0].rsplit(" failed on ", 1)[1] for f in error.failures] == [
        "action-plan 'handlingsplan-2024-2025'"
    ]
    assert str(error).startswith("1 file could not be rendered:\n  the format 'raises' of plugin")
    names = sorted(p.name for p in error.written)
    assert "index.md" in names and "index.html" in names
    assert "handlingsplan-2024-2025.md" in names and "handlingsplan-2024-2025.json" in names
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert "raises" not in (tmp_path / "index.md").read_text("utf-8")


def test_a_format_for_other_partnerships_is_refused_and_skipped(
    bundle: Bundle, tmp_path: Path
) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, ForMalbyPlugin()], entry_points=False)
    fmt = find_format("for-malby", manager)
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    assert not fmt.serves("eksempel") and fmt.serves("malby")
    assert not fmt.can_render(plan, "eksempel") and fmt.can_render(plan, "malby")
    with pytest.raises(RenderError) as caught:
        render(plan, "for-malby", bundle=bundle, manager=manager)
    owner = manager.owner("hf_render_formats", "for-malby")
    assert str(caught.value) == (
        f"the format 'for-malby' of plugin {owner!r} is only for the partnership 'malby', "
        "not 'eksempel'"
    )
    written = render_bundle(bundle, tmp_path, formats=("for-malby", "md"), manager=manager)
    assert not [p for p in written if p.suffix == ".txt"]
    assert (tmp_path / "handlingsplan-2024-2025.md").is_file()
    malby = attrs.evolve(bundle, partnership=attrs.evolve(bundle.partnership, id="malby"))
    malby_plan = attrs.evolve(plan, partnership="malby")
    assert render(malby_plan, "for-malby", bundle=malby, manager=manager).startswith(b"handling")


def test_the_index_of_each_language_is_in_its_own_labels(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    render_bundle(bundle, tmp_path, formats=("md",), languages=("nb", "en"), manager=manager)
    index = (tmp_path / "index.md").read_text("utf-8")
    nb_part, en_part = index.split("## en\n")
    assert "| Dokument | Type | Formater |" in nb_part
    assert "| Document | Type | Formats |" in en_part
    assert "Dokument" not in en_part and "Styringsstruktur" not in en_part
    assert "| Action plan |" in en_part and "| Handlingsplan |" in nb_part
    html = (tmp_path / "index.html").read_text("utf-8")
    assert '<html lang="nb">' in html
    assert '<section lang="en">' in html
    en_html = html.split('<section lang="en">')[1]
    assert '<th scope="col">Document</th>' in en_html
    # the titles of the documents are data, in bokmål, inside the English section
    assert '<td><span lang="nb">Handlingsplan 2024–2025</span></td>' in en_html


def test_an_unknown_format_names_the_disabled_plugins(bundle: Bundle) -> None:
    manager = PluginManager(
        plugins=[*DEFAULT_PLUGINS, PlansOnlyPlugin()],
        entry_points=False,
        disabled=["test_render_api.PlansOnlyPlugin", "tests.test_render_api.PlansOnlyPlugin"],
    )
    assert manager.skipped
    with pytest.raises(RenderError, match=r"unknown format 'plans-only': .* is disabled\)$"):
        find_format("plans-only", manager)


def test_an_unknown_format_lists_only_the_formats_that_serve_the_partnership(
    bundle: Bundle,
) -> None:
    manager = PluginManager(plugins=[*DEFAULT_PLUGINS, ForMalbyPlugin()], entry_points=False)
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    with pytest.raises(RenderError) as caught:
        render(plan, "for-malbi", bundle=bundle, manager=manager)
    message = str(caught.value)
    assert message.startswith("unknown format 'for-malbi': the formats are ")
    assert "for-malby" not in message
    assert "md" in message.split("the formats are ", 1)[1]
    # for Malby itself the format is usable, so it is suggested
    with pytest.raises(RenderError, match=r"did you mean 'for-malby'\?"):
        find_format("for-malbi", manager, "malby")
