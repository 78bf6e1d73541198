"""How Troms og Ofoten's documents look: the measure table, its labels, the abbreviations.

Handlingsplan 2023 prints one three-column table per focus area: "Hva vil vi?" (the
goal), "Hvordan få det til?" (the lettered measures) and "Ansvarlig". Its list
"Forkortelser i dokumentet" names all ten bodies with an abbreviation, also those the
tables do not mention. The labels are in :mod:`.labels` (imported here too).
"""

from __future__ import annotations

from helsefellesskap import AbbreviationList, Layout

from .labels import LABELS, LABELS_BY_LANGUAGE, label_catalogues

__all__ = ["LABELS", "LABELS_BY_LANGUAGE", "LAYOUT", "label_catalogues"]

LAYOUT = Layout(
    measure_columns=("goal", "measure", "responsible"),
    abbreviations=AbbreviationList.ALL,
    language="nb",
)
"""The three-column measure table, and every body's abbreviation in the list."""
