"""The PDF of a document, read back as a reader's tools read it.

The example's action plan (in bokmål, and once in English), its governance overview
and a plan with Sami letters are rendered once each; every check reads the real file
with poppler (``pdftotext``, ``pdftoppm``, ``pdfinfo``, ``pdffonts``) or pypdf.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pypdf
import pytest
from helsefellesskap_pdf import PdfFormat
from PIL import Image, ImageStat

import helsefellesskap as hf
from helsefellesskap import __version__
from helsefellesskap.errors import RenderError
from helsefellesskap.outline import Outline, Text, build_outline, inline_text
from helsefellesskap.render.api import make_context, render
from helsefellesskap.render.html import contents_of

RenderPdf = Callable[..., Any]
"""Render an item to a PDF file (the conftest fixture ``render_pdf``)."""

A4 = (595.3, 841.9)
SAMI = "Ŋ ŧ đ š ž č á"
UNN_SAMI = "Davvi-Norgga universitehtabuohcceviessu"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _outline(item: hf.Document | hf.Partnership, bundle: hf.Bundle, lang: str) -> Outline:
    return build_outline(item, make_context(bundle, lang, hf.PluginManager()))


def _texts(outline: Outline) -> list[str]:
    """Every text run of the outline's blocks, normalised."""
    found: list[str] = []

    def runs(items: object) -> None:
        for item in items if isinstance(items, tuple) else ():
            if isinstance(item, Text):
                found.append(_norm(item.text))
            else:
                runs(getattr(item, "runs", ()))

    for block in outline.walk():
        for name in ("runs", "caption"):
            runs(getattr(block, name, ()))
        if hasattr(block, "heading") and block.heading is not None:
            runs(block.heading.runs)
        for item in getattr(block, "items", ()):
            for name in ("runs", "label", "value"):
                runs(getattr(item, name, ()))
        diagram = getattr(block, "diagram", None)
        if diagram is not None:
            for node in diagram.nodes:
                runs(node.label)
    return [text for text in found if text]


_DASH_AT_LINE_END = re.compile(r"(?<=\S[–-])\n")
"""A line break right after a dash that follows a non-space character."""


def test_every_text_of_the_outline_is_in_the_pages(
    render_pdf: RenderPdf, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    for item, lang in ((plan, "nb"), (bundle.partnership, "en")):
        # a line may end after a dash inside a word or range ("2025-01-01–" / "2027-12-31",
        # a named member's term in a narrow column): the reader sees one text there
        shown = _norm(_DASH_AT_LINE_END.sub("", render_pdf(item, lang).text(body=True)))
        missing = [t for t in _texts(_outline(item, bundle, lang)) if t not in shown]
        assert not missing, f"{item.id} ({lang}): {missing[:8]}"


def test_the_pages_are_a4_and_the_measure_tables_landscape(
    render_pdf: RenderPdf, plan: hf.ActionPlan
) -> None:
    pdf = render_pdf(plan)
    portrait, landscape = A4, (A4[1], A4[0])
    sizes = [(round(w, 1), round(h, 1)) for w, h in pdf.sizes]
    assert sizes[0] == portrait
    # the focus areas hold the five-column tables of measures: their pages are landscape,
    # the pages of the chapters around them portrait
    for anchor in ("area-forlop", "area-personell"):
        assert sizes[pdf.destinations[anchor] - 1] == landscape, anchor
    assert sizes[pdf.destinations["introduction"] - 1] == portrait
    assert sizes[pdf.destinations["way-forward"] - 1] == portrait  # back after them
    assert set(sizes) == {portrait, landscape}


def test_every_page_has_the_running_head_and_its_page_number_in_the_footer(
    render_pdf: RenderPdf, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    for lang, page, of in (("nb", "Side", "av"), ("en", "Page", "of")):
        pdf = render_pdf(plan, lang)
        outline = _outline(plan, bundle, lang)
        count = len(pdf.sizes)
        footer = f"2024-03-14 · helsefellesskap {__version__}"
        for number in range(1, count + 1):
            text = _norm(pdf.text(number, number))
            assert f"{page} {number} {of} {count}" in text, (lang, number)
            assert footer in text, (lang, number)
            # the first page's masthead shows partnership and title; the others, the head
            assert (outline.running_head in text) is (number > 1), (lang, number)


def test_the_contents_give_the_page_of_each_chapter(
    render_pdf: RenderPdf, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    pdf = render_pdf(plan)
    page = pdf.destinations["pdf-contents"]
    lines = [_norm(line) for line in pdf.layout_text(page).splitlines()]
    assert "Innhold" in lines
    entries = [
        entry
        for top in contents_of(_outline(plan, bundle, "nb"))
        for entry in (top, *top.children)
    ]
    assert len(entries) >= 5
    for entry in entries:
        title = _norm(inline_text(entry.runs))
        line = next((line for line in lines if title in line), None)
        assert line is not None, title
        listed = re.search(r"(\d+)$", line)
        assert listed is not None, line
        assert int(listed.group(1)) == pdf.destinations[entry.anchor], line


def test_the_headings_are_bookmarks_to_their_pages(
    render_pdf: RenderPdf, plan: hf.ActionPlan
) -> None:
    pdf = render_pdf(plan)
    reader = pypdf.PdfReader(pdf.path)
    marks: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, pypdf.generic.Destination)
                marks.append((depth, str(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    assert marks[0] == (0, plan.title, 0)
    titles = {title: (depth, page + 1) for depth, title, page in marks}
    # the chapters one level under the title, each pointing at its page
    # (the number and the heading's words apart, as the page shows them)
    assert titles["1 Innledning"] == (1, pdf.destinations["introduction"])
    assert titles["2.1 Sammenhengende pasientforløp"] == (2, pdf.destinations["area-forlop"])
    assert not any(title in ("Innhold", "Contents") for title in titles)


def test_the_language_title_dates_and_tags_are_set(
    render_pdf: RenderPdf, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    for lang in ("nb", "en"):
        pdf = render_pdf(plan, lang)
        root = pypdf.PdfReader(pdf.path).trailer["/Root"]
        assert root["/Lang"] == _outline(plan, bundle, lang).language
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
    pdf = render_pdf(plan)
    assert pdf.info["Title"] == plan.title
    assert pdf.info["Tagged"] == "yes"
    # dated by the plan's adoption, not by the day it was rendered
    assert pdf.info["CreationDate"].endswith("Mar 14 00:00:00 2024 UTC")
    assert pdf.info["ModDate"] == pdf.info["CreationDate"]
    structure = pypdf.PdfReader(pdf.path).trailer["/Root"]["/StructTreeRoot"]
    assert structure is not None
    tree = subprocess.run(
        ["pdfinfo", "-struct", str(pdf.path)], capture_output=True, text=True, check=True
    ).stdout
    for tag in ("H1", "H2", "Table", "TH", "TD", "L", "LI"):
        assert re.search(rf"^\s*{tag}\b", tree, re.MULTILINE), tag


def test_the_same_data_gives_the_same_bytes(
    manager: hf.PluginManager, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    first = render(plan, "pdf", bundle=bundle, lang="nn", manager=manager)
    assert render(plan, "pdf", bundle=bundle, lang="nn", manager=manager) == first


def test_norwegian_and_sami_letters_are_set_in_an_embedded_free_font(
    render_pdf: RenderPdf, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    sami = attrs.evolve(plan, title=f"{UNN_SAMI}: {SAMI} æøå ÆØÅ")
    pdf = render_pdf(sami, "nb")
    assert f"{UNN_SAMI}: {SAMI} æøå ÆØÅ" in _norm(pdf.text(1, 1))
    fonts = pdf.fonts()
    assert fonts
    for row in fonts:
        name, embedded, subset = row[0], row[-5], row[-4]
        assert "DejaVu" in name, row  # no other font was needed for a letter
        assert (embedded, subset) == ("yes", "yes"), row


def test_the_governance_diagram_fonts_are_embedded_too(
    render_pdf: RenderPdf, bundle: hf.Bundle
) -> None:
    pdf = render_pdf(bundle.partnership)
    assert all(row[-5] == "yes" for row in pdf.fonts())


def _spread(picture: Image.Image) -> float:
    return max(ImageStat.Stat(picture.convert("L")).stddev[0], 0.0)


def test_pages_turned_into_pictures_are_not_blank(
    render_pdf: RenderPdf, plan: hf.ActionPlan
) -> None:
    pdf = render_pdf(plan)
    first = Image.open(pdf.picture(1))
    wide = Image.open(pdf.picture(pdf.destinations["area-forlop"]))
    assert first.height > first.width and wide.width > wide.height
    for picture in (first, wide):
        assert _spread(picture) > 10  # white paper with text and rules, not one colour
    blank = Image.new("RGB", first.size, "white")
    assert _spread(blank) == 0


def test_a_broken_pdf_template_of_a_partnership_is_named(
    tmp_path: Path, manager: hf.PluginManager, bundle: hf.Bundle, plan: hf.ActionPlan
) -> None:
    folder = tmp_path / "templates"
    (folder / "pdf").mkdir(parents=True)
    (folder / "pdf" / "paged.css.j2").write_text("@page { size: {{ A4 }", encoding="utf-8")
    context = attrs.evolve(make_context(bundle, "nb", manager), template_dirs=(folder,))
    with pytest.raises(RenderError, match=r"pdf: template 'pdf/paged.css.j2'.*unexpected '}'"):
        PdfFormat().render(plan, context)


def test_a_link_to_another_document_of_the_bundle_opens_its_pdf(
    render_pdf: RenderPdf, manager: hf.PluginManager
) -> None:
    troms = manager.load_partnership("troms-ofoten")
    plan = troms.document("handlingsplan-2025-2026")
    assert plan is not None
    pdf = render_pdf(plan, "nb", troms)
    targets = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in pypdf.PdfReader(pdf.path).pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert "samhandlingsmidler-2025.pdf" in targets
