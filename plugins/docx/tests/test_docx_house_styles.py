"""The house style's styles are set up once per language and kept, serialised, in the
prepared package each document is opened from (``writer.prepared_package``): every
document still gets its own, in its language."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from io import BytesIO

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from helsefellesskap_docx.writer import WordWriter
from lxml import etree

import helsefellesskap as hf


def _writer(language: str) -> WordWriter:
    return WordWriter(
        title="Plan",
        language=language,
        header="Eksempel",
        page_label="Side",
        of_label="av",
        date=dt.date(2025, 1, 1),
    )


def _proofing_language(data: bytes) -> str | None:
    styles = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/styles.xml"))
    path = f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    lang = styles.find(path)
    return None if lang is None else lang.get(qn("w:val"))


def test_rendering_again_in_any_order_gives_the_same_bytes(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan
) -> None:
    first = {lang: render_docx(plan, lang) for lang in ("nb", "nn", "en")}
    again = {lang: render_docx(plan, lang) for lang in ("en", "nb", "nn")}
    assert again == first


def test_each_document_language_has_its_own_proofing_language() -> None:
    order = ("nb", "en", "nn", "nb", "se", "en")
    found = [_proofing_language(_writer(lang).to_bytes()) for lang in order]
    assert found == ["nb-NO", "en-GB", "nn-NO", "nb-NO", "se-NO", "en-GB"]


def test_a_documents_styles_are_its_own() -> None:
    changed = _writer("nb")
    changed.document.styles.add_style("Only Here", WD_STYLE_TYPE.PARAGRAPH)
    names = {style.name for style in _writer("nb").document.styles}
    assert "Only Here" not in names
    assert {"Table Text", "Note", "toc 1", "toc 9"} <= names
