"""The Word plan as a word processor prints it: converted to PDF with LibreOffice.

Skipped, with the reason, where LibreOffice is not installed. Where ``pdftotext``
(poppler-utils) is installed too, the PDF's text is checked for every measure, the
running header and the page numbers as LibreOffice filled them in.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import helsefellesskap as hf


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


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
@pytest.mark.skipif(_office() is None, reason="LibreOffice (soffice) is not installed")
def test_the_plan_converts_to_a_pdf_with_every_measure(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, tmp_path: Path
) -> None:
    source = tmp_path / "handlingsplan.docx"
    source.write_bytes(render_docx(plan))
    pdf = _to_pdf(source, tmp_path)
    assert pdf.exists()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Font" in data  # the pages carry text, not only shapes
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not read")
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
    assert f"Side 1 av {pages}" in flat
    assert f"Side {pages} av {pages}" in flat


@pytest.mark.slow
@pytest.mark.skipif(_office() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_the_governance_overview_prints_its_tree_with_the_legends_marks(
    render_docx: Callable[..., bytes], bundle: hf.Bundle, tmp_path: Path
) -> None:
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
