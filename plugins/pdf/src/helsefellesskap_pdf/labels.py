"""The labels the PDF format adds to the catalogue, in bokmål, nynorsk and English.

They are registered through ``hf_label_catalogues`` like any plugin's labels, so that a
partnership plugin can override them for its own documents.
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue

__all__ = ["PDF_LABELS", "catalogues"]

PDF_LABELS: dict[str, dict[str, str]] = {
    "nb": {"pdf.page": "Side", "pdf.page_of": "av"},
    "nn": {"pdf.page": "Side", "pdf.page_of": "av"},
    "en": {"pdf.page": "Page", "pdf.page_of": "of"},
}
"""The PDF format's own labels by language: the words of the footer's ``Side 2 av 7``."""


def catalogues() -> list[LabelCatalogue]:
    """One catalogue per language, for every partnership."""
    return [
        LabelCatalogue(language=language, labels=dict(labels))
        for language, labels in PDF_LABELS.items()
    ]
