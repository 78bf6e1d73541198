"""How Troms og Ofoten's documents look: the measure table's columns and their labels.

Handlingsplan 2023 prints one three-column table per focus area: "Hva vil vi?" (the
goal), "Hvordan få det til?" (the lettered measures) and "Ansvarlig".
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue, Layout

from .data_folder import PARTNERSHIP_ID

__all__ = ["LABELS", "LAYOUT", "label_catalogues"]

LAYOUT = Layout(measure_columns=("goal", "measure", "responsible"), language="nb")
"""The three-column measure table of the partnership's action plans."""

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
