"""How Troms og Ofoten's documents look: the measure table, its labels, the abbreviations.

Handlingsplan 2023 prints one three-column table per focus area: "Hva vil vi?" (the
goal), "Hvordan få det til?" (the lettered measures) and "Ansvarlig". Its list
"Forkortelser i dokumentet" names all ten bodies with an abbreviation, also those the
tables do not mention.
"""

from __future__ import annotations

from helsefellesskap import AbbreviationList, LabelCatalogue, Layout

from .data_folder import PARTNERSHIP_ID

__all__ = ["LABELS", "LAYOUT", "label_catalogues"]

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


def label_catalogues() -> list[LabelCatalogue]:
    """The partnership's own label catalogue (bokmål), overriding the defaults."""
    return [LabelCatalogue(language="nb", labels=dict(LABELS), partnership=PARTNERSHIP_ID)]
