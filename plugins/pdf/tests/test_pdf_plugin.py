"""The plugin as installed: found by its entry point, its labels, and a start-up that
does not import WeasyPrint."""

from __future__ import annotations

import subprocess
import sys

from helsefellesskap_pdf import PdfFormat
from helsefellesskap_pdf.labels import PDF_LABELS

import helsefellesskap as hf
from helsefellesskap.render.api import find_format


def test_the_entry_point_registers_the_pdf_format(manager: hf.PluginManager) -> None:
    fmt = find_format("pdf", manager)
    assert isinstance(fmt, PdfFormat)
    assert (fmt.extension, fmt.media_type, fmt.binary) == (".pdf", "application/pdf", True)
    assert manager.owner("hf_render_formats", "pdf") == "pdf"


def test_the_footer_words_are_labels_in_every_language_and_declared_own(
    manager: hf.PluginManager, bundle: hf.Bundle
) -> None:
    from helsefellesskap.render.api import make_context

    words = {lang: make_context(bundle, lang, manager).label("pdf.page") for lang in PDF_LABELS}
    assert words == {"nb": "Side", "nn": "Side", "en": "Page"}
    assert {"pdf.page", "pdf.page_of", "document.contents"} <= set(PdfFormat.own_labels)


def test_listing_the_formats_does_not_import_weasyprint() -> None:
    code = (
        "import sys, helsefellesskap as hf\n"
        "assert 'pdf' in hf.PluginManager().render_formats()\n"
        "print('weasyprint' in sys.modules)"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_what_is_not_a_document_is_refused_by_name(
    manager: hf.PluginManager, bundle: hf.Bundle
) -> None:
    import pytest

    from helsefellesskap.errors import RenderError
    from helsefellesskap.render.api import make_context

    context = make_context(bundle, "nb", manager)
    with pytest.raises(RenderError, match="the pdf format cannot render a str"):
        PdfFormat().render("handlingsplan", context)  # type: ignore[arg-type]
