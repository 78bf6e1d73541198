"""The plugin as installed: found by its entry point, declaring the docx format, lazy."""

from __future__ import annotations

import subprocess
import sys
from typing import ClassVar

import attrs
import pytest
from helsefellesskap_docx import MEDIA_TYPE, DocxFormat

import helsefellesskap as hf
from helsefellesskap.outline import Heading, Outline, OutlineBuilder, Paragraph, runs
from helsefellesskap.render.api import render
from helsefellesskap.render.format import Renderable, RenderContext

MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_fresh_manager_finds_the_plugin_by_its_entry_point() -> None:
    manager = hf.PluginManager()
    info = manager.plugin("docx")
    assert info is not None, [str(f) for f in manager.failures]
    assert info.distribution == "helsefellesskap-docx"
    assert info.module == "helsefellesskap_docx.plugin"
    assert not info.builtin
    assert {"hf_render_formats", "hf_label_catalogues"} <= set(info.hooks)
    assert "docx" in manager.render_formats()
    assert manager.owner("hf_render_formats", "docx") == "docx"
    assert not [f for f in manager.failures if f.plugin == "docx"]


def test_the_format_declares_what_it_is(manager: hf.PluginManager) -> None:
    fmt = manager.render_format("docx")
    assert isinstance(fmt, DocxFormat)
    assert fmt.name == "docx"
    assert fmt.extension == ".docx"
    assert fmt.media_type == MEDIA == MEDIA_TYPE
    assert fmt.binary is True
    for kind in (
        hf.ActionPlan,
        hf.Declaration,
        hf.AnnualReport,
        hf.FundingRound,
        hf.ConsultationResponse,
        hf.Partnership,
    ):
        assert kind in fmt.renders


def test_the_plugin_is_listed_by_the_cli(manager: hf.PluginManager) -> None:
    from helsefellesskap.testing import run_cli

    result = run_cli("plugins")
    assert result.code == 0, result.stderr
    assert "docx" in result.stdout
    assert "helsefellesskap-docx" in result.stdout


def test_disabling_the_plugin_removes_the_format(bundle: hf.Bundle) -> None:
    manager = hf.PluginManager(disabled=["docx"])
    assert "docx" not in manager.render_formats()
    with pytest.raises(hf.RenderError, match="unknown format 'docx'"):
        render(bundle.partnership, "docx", bundle=bundle, manager=manager)


def test_loading_the_plugin_does_not_import_python_docx() -> None:
    code = (
        "import sys, helsefellesskap as hf\n"
        "m = hf.PluginManager()\n"
        "assert 'docx' in m.render_formats()\n"
        "print('docx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("lang", "page", "of"), [("nb", "Side", "av"), ("nn", "Side", "av"), ("en", "Page", "of")]
)
def test_the_footer_labels_come_through_the_label_hook(
    manager: hf.PluginManager, lang: str, page: str, of: str
) -> None:
    labels = manager.labels(lang)
    assert labels["docx.page"] == page
    assert labels["docx.page_of"] == of


def test_a_partnership_plugin_can_override_the_footer_labels(
    bundle: hf.Bundle, plan: hf.ActionPlan, word: type
) -> None:
    class Override:
        @hf.hookimpl
        def hf_label_catalogues(self) -> list[hf.LabelCatalogue]:
            return [
                hf.LabelCatalogue(
                    language="nb",
                    partnership="eksempel",
                    labels={"docx.page": "Blad", "docx.page_of": "av totalt"},
                )
            ]

    manager = hf.PluginManager()
    assert manager.register(Override(), name="override")
    opened = word(render(plan, "docx", bundle=bundle, manager=manager))
    assert opened.footer_text().split("\n")[0] == "Blad 1 av totalt 1"


@attrs.frozen(kw_only=True)
class MeetingMinutes(hf.Document):
    """A document type a plugin might add."""

    KIND: ClassVar[str] = "meeting-minutes"
    FOLDER: ClassVar[str] = "minutes"


def test_a_document_type_without_an_outline_is_refused_with_a_reason(
    bundle: hf.Bundle, manager: hf.PluginManager
) -> None:
    minutes = MeetingMinutes(id="referat-1", title="Referat")
    fmt = manager.render_format("docx")
    assert not fmt.can_render(minutes)
    with pytest.raises(hf.RenderError, match=r"cannot render a meeting-minutes \('referat-1'\)"):
        render(minutes, "docx", bundle=bundle, manager=manager)
    from helsefellesskap.render.api import make_context

    with pytest.raises(hf.RenderError, match="no outline for a document of kind 'meeting-minutes'"):
        fmt.render(minutes, make_context(bundle, "nb", manager))


class MinutesPlugin:
    """A plugin adding meeting minutes with their outline, and no Word code."""

    @hf.hookimpl
    def hf_outline_builders(self) -> list[OutlineBuilder]:
        def build(item: Renderable, context: RenderContext) -> Outline:
            return Outline(
                kind="meeting-minutes",
                document=item.id,
                title="Referat fra SSU",
                language="nb",
                label_language=context.language,
                partnership=context.partnership.id,
                blocks=(
                    Heading(level=1, runs=runs("Referat fra SSU")),
                    Paragraph(runs=runs("Sak 1: handlingsplanen er vedtatt.")),
                ),
            )

        return [OutlineBuilder(kind="meeting-minutes", build=build)]


def test_a_plugin_document_type_with_an_outline_renders_in_word_with_no_word_code(
    bundle: hf.Bundle, word: type
) -> None:
    manager = hf.PluginManager()
    assert manager.register(MinutesPlugin(), name="minutes")
    minutes = MeetingMinutes(id="referat-1", title="Referat", partnership=bundle.partnership.id)
    opened = word(render(minutes, "docx", bundle=bundle, manager=manager))
    assert opened.headings() == [("Title", "Referat fra SSU")]
    assert "Sak 1: handlingsplanen er vedtatt." in opened.text()


def test_an_unknown_language_is_an_error_naming_the_known_ones(
    bundle: hf.Bundle, plan: hf.ActionPlan, manager: hf.PluginManager
) -> None:
    with pytest.raises(hf.RenderError, match=r"no labels for language 'nx'.*nb, nn"):
        render(plan, "docx", bundle=bundle, lang="nx", manager=manager)
