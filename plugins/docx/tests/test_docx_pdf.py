"""The Word documents as a word processor prints them: converted to PDF with LibreOffice.

Skipped, with the reason, where LibreOffice (``soffice``) or poppler-utils (``pdftotext``,
``pdfinfo``) are not installed, except under ``CI=true``, where that fails: the checks
must run somewhere. The PDF's text is checked for every measure, the running header and
the page numbers as LibreOffice filled them in; the Helgeland plan's five-column tables
for landscape pages and for words broken across lines without a hyphen.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs
import pytest

import helsefellesskap as hf
from helsefellesskap.outline import Text, build_outline
from helsefellesskap.render.api import make_context, render


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _require(*tools: str) -> None:
    """Skip where one of ``tools`` is missing, saying which; fail under ``CI=true``."""
    missing = [
        tool for tool in tools if (_office() if tool == "soffice" else shutil.which(tool)) is None
    ]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)} (make system-packages installs them)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _to_pdf(source: Path, out_dir: Path) -> Path:
    office = _office()
    assert office is not None
    profile = (out_dir / "profile").as_uri()  # its own profile: no clash with a running office
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / (source.stem + ".pdf")


@pytest.mark.slow
def test_the_plan_converts_to_a_pdf_with_every_measure(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, tmp_path: Path
) -> None:
    _require("soffice", "pdftotext")
    source = tmp_path / "handlingsplan.docx"
    source.write_bytes(render_docx(plan))
    pdf = _to_pdf(source, tmp_path)
    assert pdf.exists()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Font" in data  # the pages carry text, not only shapes
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"],  # reading order: a cell's lines stay together
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    flat = " ".join(text.split())
    for measure in plan.measures():
        words = " ".join(measure.text.split())
        assert words in flat, f"{measure.id}: {words!r} is not in the PDF"
    assert "Helsefellesskap Eksempel" in flat
    pages = text.count("\f") or 1
    # the title page has no footer; the others count every page
    assert f"Side 2 av {pages}" in flat
    assert f"Side {pages} av {pages}" in flat


@pytest.mark.slow
def test_the_governance_overview_prints_its_tree_with_the_legends_marks(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, tmp_path: Path
) -> None:
    _require("soffice", "pdftotext")
    source = tmp_path / "styringsstruktur.docx"
    source.write_bytes(render_docx(bundle.partnership))
    pdf = _to_pdf(source, tmp_path)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    flat = " ".join(text.split())
    # the marks of the lines print (a font has them), in the tree and in the legend
    assert "→ SSU" in flat and "→ FSU BU" in flat
    assert "⇢ Arbeidsgruppe for ernæring" in flat
    assert "→ heltrukken pil – styrer" in flat
    assert "⇢ stiplet pil – har under seg" in flat
    for body in bundle.partnership.bodies:
        assert body.name in flat, body.name


# -- Helgeland's wide tables ------------------------------------------------------------

HELGELAND_PLAN = "handlingsplan-2023-2025"
_WORD = re.compile(r"[^\W\d_]+")
_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces


def _texts(value: object) -> Iterable[str]:
    """Every text of an outline (or a part of one), in order."""
    if isinstance(value, Text):
        yield value.text
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _texts(getattr(value, field.name))


def broken_words(layout_text: str, words: set[str]) -> list[str]:
    """The words of ``words`` (lower case) that ``pdftotext -layout`` text shows broken
    across two lines without a hyphen: a piece ending a column's line that is not a word
    itself, whose join with the piece starting that column's next line is a word."""
    found: list[str] = []
    lines = layout_text.splitlines()
    for line, following in itertools.pairwise(lines):
        below = [(m.start(), m.group()) for m in _SEGMENT.finditer(following)]
        if not below:
            continue
        for match in _SEGMENT.finditer(line):
            last = match.group().split()[-1]
            pieces = _WORD.findall(last)
            if not pieces or not last.endswith(pieces[-1]):
                continue  # ends in a hyphen or punctuation: not a broken word
            head = pieces[-1]
            if head.lower() in words:
                continue
            _start, text = min(below, key=lambda segment: abs(segment[0] - match.start()))
            tail = _WORD.match(text)
            if tail is not None and (head + tail.group()).lower() in words:
                found.append(f"{head}|{tail.group()}")
    return found


def _pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def _page_sizes(pdf: Path, pages: int) -> list[tuple[float, float]]:
    """The width and height (points) of each page, from ``pdfinfo``."""
    sizes = []
    for page in range(1, pages + 1):
        info = subprocess.run(
            ["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        found = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info)
        assert found is not None, info
        sizes.append((float(found.group(1)), float(found.group(2))))
    return sizes


@pytest.fixture(scope="module")
def helgeland(manager: hf.PluginManager) -> hf.Bundle:
    """The Helgeland partnership from its installed plugin."""
    if "helgeland" not in manager.partnerships():
        pytest.fail("the helgeland plugin is not installed: pip install -e plugins/helgeland")
    return manager.load_partnership("helgeland")


def _helgeland_words(helgeland: hf.Bundle, manager: hf.PluginManager) -> set[str]:
    plan = helgeland.document(HELGELAND_PLAN)
    assert plan is not None
    outline = build_outline(plan, make_context(helgeland, "nb", manager))
    return {word.lower() for text in _texts(outline.blocks) for word in _WORD.findall(text)}


def test_the_broken_word_finder_finds_a_word_broken_in_a_column() -> None:
    words = {"helgelandssykehuset", "og", "kommunene", "tiltak"}
    text = "Tiltak                 Helgelandssykehus\nkommunene og           et og kommunene\n"
    assert broken_words(text, words) == ["Helgelandssykehus|et"]
    hyphenated = "Tiltak     Helgelands-\nog         sykehuset\n"
    assert broken_words(hyphenated, words) == []


@pytest.mark.slow
def test_helgelands_wide_tables_print_in_landscape_with_no_word_broken(
    helgeland: hf.Bundle, manager: hf.PluginManager, tmp_path: Path
) -> None:
    _require("soffice", "pdftotext", "pdfinfo")
    plan = helgeland.document(HELGELAND_PLAN)
    assert isinstance(plan, hf.ActionPlan)
    source = tmp_path / "helgeland.docx"
    source.write_bytes(render(plan, "docx", bundle=helgeland, lang="nb", manager=manager))
    pdf = _to_pdf(source, tmp_path)
    text = _pdf_text(pdf, "-layout")
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert broken_words(text, _helgeland_words(helgeland, manager)) == []
    sizes = _page_sizes(pdf, len(pages))
    heading = "Tiltak – Hvordan skal vi få det til?"  # the measures column's heading
    wide = [number for number, page in enumerate(pages, 1) if heading in page]
    assert len(wide) >= 4  # a table for each of the four focus areas
    for number, (width, height) in enumerate(sizes, 1):
        if number in wide:
            assert width > height, f"page {number} holds a wide table but is portrait"
    assert sizes[0][0] < sizes[0][1]  # the title page is portrait


@pytest.mark.slow
def test_in_portrait_in_hinted_widths_without_hyphenation_words_break(
    helgeland: hf.Bundle, tmp_path: Path
) -> None:
    """The check above can fail: the same tables in portrait, in the hinted widths and
    without hyphenation break words mid-word, as they did before issue 13."""
    _require("soffice", "pdftotext")
    folder = tmp_path / "templates"
    (folder / "docx").mkdir(parents=True)
    (folder / "docx" / "options.toml").write_text(
        "[default]\nlandscape = false\nhyphenate = false\nfit_columns = false\n", encoding="utf-8"
    )

    class Files:
        @hf.hookimpl
        def hf_template_sources(self) -> list[hf.TemplateSource]:
            return [hf.TemplateSource(path=folder, partnership="helgeland")]

    manager = hf.PluginManager()
    assert manager.register(Files(), name="word-files")
    plan = helgeland.document(HELGELAND_PLAN)
    assert plan is not None
    source = tmp_path / "helgeland.docx"
    source.write_bytes(render(plan, "docx", bundle=helgeland, lang="nb", manager=manager))
    text = _pdf_text(_to_pdf(source, tmp_path), "-layout")
    assert broken_words(text, _helgeland_words(helgeland, manager))
