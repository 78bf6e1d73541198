"""How Troms og Ofoten's documents look: the measure table, its labels, the abbreviations.

Handlingsplan 2023 prints one three-column table per focus area: "Hva vil vi?" (the
goal), "Hvordan få det til?" (the lettered measures) and "Ansvarlig". Its list
"Forkortelser i dokumentet" names all ten bodies with an abbreviation, also those the
tables do not mention.
"""

from __future__ import annotations

from helsefellesskap import AbbreviationList, LabelCatalogue, Layout

from .data_folder import PARTNERSHIP_ID

__all__ = ["LABELS", "LABELS_BY_LANGUAGE", "LAYOUT", "label_catalogues"]

LAYOUT = Layout(
    measure_columns=("goal", "measure", "responsible"),
    abbreviations=AbbreviationList.ALL,
    language="nb",
)
"""The three-column measure table, and every body's abbreviation in the list."""

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
