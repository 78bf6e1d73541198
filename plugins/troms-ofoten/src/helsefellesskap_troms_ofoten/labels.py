"""Troms og Ofoten's own labels: the questions heading its measure table and the title of
its list of abbreviations, in bokmål, nynorsk and English.

Apart from :mod:`.presentation` (whose layout imports the model) so that the plugin's
label catalogues, which ``helsefellesskap plugins`` lists, do not import the model.
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue

from .data_folder import PARTNERSHIP_ID

__all__ = ["LABELS", "LABELS_BY_LANGUAGE", "label_catalogues"]

LABELS: dict[str, str] = {
    "column.goal": "Hva vil vi?",
    "column.measure": "Hvordan få det til?",
    "column.responsible": "Ansvarlig",
    "abbreviations.title": "Forkortelser i dokumentet",
}
"""The bokmål labels the partnership's documents print, by label key."""

LABELS_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "nb": LABELS,
    "nn": {
        "column.goal": "Kva vil vi?",
        "column.measure": "Korleis få det til?",
        "column.responsible": "Ansvarleg",
        "abbreviations.title": "Forkortingar i dokumentet",
    },
    "en": {
        "column.goal": "What do we want?",
        "column.measure": "How do we get there?",
        "column.responsible": "Responsible",
        "abbreviations.title": "Abbreviations in the document",
    },
}
"""The same labels in each rendering language: the plan's own questions, translated, so
that they stay the partnership's whatever the general headings say."""


def label_catalogues() -> list[LabelCatalogue]:
    """The partnership's own label catalogues (bokmål, nynorsk, English), overriding the
    defaults for Troms og Ofoten only."""
    return [
        LabelCatalogue(language=language, labels=dict(labels), partnership=PARTNERSHIP_ID)
        for language, labels in LABELS_BY_LANGUAGE.items()
    ]
