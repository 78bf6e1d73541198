"""Every document renders in the core formats and languages, into a folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from helsefellesskap import Bundle, PluginManager, RenderError
from helsefellesskap.render import render, render_bundle


def test_the_whole_partnership_renders_in_md_html_and_json(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    written = render_bundle(bundle, tmp_path, formats=("md", "html", "json"), manager=manager)
    names = {path.name for path in written}
    for document in bundle.documents:
        assert {f"{document.id}.md", f"{document.id}.html", f"{document.id}.json"} <= names
    assert "troms-ofoten-styringsstruktur.md" in names
    index = (tmp_path / "index.md").read_text("utf-8")
    assert index.startswith("# Helsefellesskapet Troms og Ofoten")
    assert "Handlingsplan 2023" in index


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_2023_plan_renders_in_every_language(
    bundle: Bundle, manager: PluginManager, lang: str
) -> None:
    plan = bundle.document("handlingsplan-2023")
    assert plan is not None
    text = render(plan, "html", bundle=bundle, lang=lang, manager=manager).decode("utf-8")
    assert "Starte opp FSU DIG" in text
    assert "Samhandl.-sjefene" in text


def test_the_column_labels_are_the_plans_in_bokmal(bundle: Bundle, manager: PluginManager) -> None:
    plan = bundle.document("handlingsplan-2023")
    assert plan is not None
    text = render(plan, "md", bundle=bundle, manager=manager).decode("utf-8")
    assert text.count("| Hva vil vi? | Hvordan få det til? | Ansvarlig |") == 3


def test_rendering_into_the_data_folder_is_refused(bundle: Bundle, manager: PluginManager) -> None:
    assert bundle.root is not None
    with pytest.raises(RenderError, match="source folder"):
        render_bundle(bundle, bundle.root / "out", formats=("md",), manager=manager)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_bodies_the_tables_do_not_name_are_in_the_abbreviations_too(
    bundle: Bundle, manager: PluginManager, fmt: str
) -> None:
    # Handlingsplan 2023 names FSU FLR, AKM, PHR and AVVIK only in its list of abbreviations.
    plan = bundle.document("handlingsplan-2023")
    assert plan is not None
    text = render(plan, fmt, bundle=bundle, manager=manager).decode("utf-8")
    for abbreviation in ("FSU FLR", "FSU AKM", "FSU PHR", "FSU AVVIK"):
        assert abbreviation in text
