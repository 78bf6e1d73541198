"""The PDF plugin's messages in nb, nn and en (issue 18 §3): its own catalogue is
complete, and a partnership's broken page template is named in bokmål and nynorsk."""

from __future__ import annotations

from pathlib import Path

import pytest

import helsefellesskap as hf
from helsefellesskap.errors import RenderError
from helsefellesskap.messages import use_language
from helsefellesskap.render.api import render
from helsefellesskap.testing import check_message_catalogues

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"


def test_every_message_is_in_nb_nn_and_en() -> None:
    assert check_message_catalogues("helsefellesskap_pdf") == []


class _Templates:
    """A real plugin giving the example partnership its own template folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @hf.hookimpl
    def hf_template_sources(self) -> list[hf.TemplateSource]:
        return [hf.TemplateSource(path=self.folder, partnership="eksempel")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "fra utvidelsen 'pdf' på «action-plan» 'handlingsplan-2024-2025': pdf: malen "),
        ("nn", "frå utvidinga 'pdf' på «action-plan» 'handlingsplan-2024-2025': pdf: malen "),
    ],
)
def test_a_page_template_that_does_not_compile(
    language: str, expected: str, tmp_path: Path
) -> None:
    (tmp_path / "action-plan.html.j2").write_text("{% if %}", encoding="utf-8")
    manager = hf.PluginManager(plugins=[*hf.plugins.DEFAULT_PLUGINS, _Templates(tmp_path)])
    assert "pdf" in manager.render_formats(), "pip install -e plugins/pdf"
    bundle = hf.load_bundle(EXAMPLE)
    plan = bundle.document(PLAN)
    assert plan is not None
    with use_language(language), pytest.raises(RenderError) as caught:
        render(plan, "pdf", bundle=bundle, manager=manager)
    assert f"formatet 'pdf' {expected}" in str(caught.value)
