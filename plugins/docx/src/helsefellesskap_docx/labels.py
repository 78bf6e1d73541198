"""The labels the Word format adds to the catalogue, in bokmål, nynorsk and English.

They are registered through ``hf_label_catalogues`` like any plugin's labels, so that a
partnership plugin can override them for its own documents.
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue

__all__ = ["WORD_LABELS", "catalogues"]

WORD_LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "docx.page": "Side",
        "docx.page_of": "av",
        "docx.contents": "Innhold",
    },
    "nn": {
        "docx.page": "Side",
        "docx.page_of": "av",
        "docx.contents": "Innhald",
    },
    "en": {
        "docx.page": "Page",
        "docx.page_of": "of",
        "docx.contents": "Contents",
    },
}
"""The Word format's own labels by language: the words of the footer's ``Side 2 av 7``
and the heading of the table of contents."""


def catalogues() -> list[LabelCatalogue]:
    """One catalogue per language, for every partnership."""
    return [
        LabelCatalogue(language=language, labels=dict(labels))
        for language, labels in WORD_LABELS.items()
    ]
