"""The plugin: Helsefellesskap Helgeland's data, its table layout and its column labels.

Registered under the entry point group ``helsefellesskap`` as ``helgeland``. Every hook
answers only for this partnership, so the plugin sits beside any other partnership's.

Importing it imports nothing of the library but the hook marker: each hook imports what
it returns, and :data:`LAYOUT` is built when first asked for, so that a command that
needs none of it (``helsefellesskap --help``) does not pay for the model.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helsefellesskap import hookimpl

if TYPE_CHECKING:
    from helsefellesskap import LabelCatalogue, Layout, Partnership, PartnershipSource

    LAYOUT: Layout

__all__ = [
    "COLUMN_LABELS",
    "COLUMN_LABELS_BY_LANGUAGE",
    "DATA",
    "LAYOUT",
    "PARTNERSHIP_ID",
    "hf_label_catalogues",
    "hf_layout",
    "hf_partnerships",
    "layout",
]

PARTNERSHIP_ID = "helgeland"
"""The id the partnership is known by (``helsefellesskap validate helgeland``)."""

DATA = Path(__file__).resolve().parent / "data"
"""The folder holding ``partnership.toml``, ``declarations/`` and ``plans/`` (the package
is installed as plain files, a wheel or an editable install)."""


@functools.cache
def layout() -> Layout:
    """:data:`LAYOUT`: the five-column goals and measures table of the Helgeland plan,
    without the parts the plan does not have: an abbreviations list, a generated list of
    the priority groups (its introduction names them in its text) and a block of the
    declaration's commitments."""
    from helsefellesskap import Layout

    return Layout(
        measure_columns=("goal", "ongoing_work", "measure", "responsible", "deadline"),
        omit=("abbreviations", "priority_groups", "commitments"),
        language="nb",
    )


def __getattr__(name: str) -> Any:
    """``LAYOUT`` (:func:`layout`), built when first asked for."""
    if name == "LAYOUT":
        return layout()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


COLUMN_LABELS: dict[str, str] = {
    "column.goal": "Mål – Hvor vil vi?",
    "column.ongoing_work": "Hva har vi av pågående arbeid",
    "column.measure": "Tiltak – Hvordan skal vi få det til?",
    "column.responsible": "Ansvarlig",
    "column.deadline": "Når",
}
"""The table's column headings as the plan prints them (bokmål)."""

COLUMN_LABELS_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "nb": COLUMN_LABELS,
    "nn": {
        "column.goal": "Mål – Kvar vil vi?",
        "column.ongoing_work": "Kva har vi av pågåande arbeid",
        "column.measure": "Tiltak – Korleis skal vi få det til?",
        "column.responsible": "Ansvarleg",
        "column.deadline": "Når",
    },
    "en": {
        "column.goal": "Goal – Where do we want to go?",
        "column.ongoing_work": "What ongoing work do we have",
        "column.measure": "Measure – How will we get there?",
        "column.responsible": "Responsible",
        "column.deadline": "When",
    },
}
"""The plan's column headings in each rendering language: the plan's own questions,
translated, so that a nynorsk or English rendering asks them too rather than falling
back to the general headings."""


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    """Ship Helsefellesskap Helgeland with the folder of its data."""
    from helsefellesskap import PartnershipSource

    return [
        PartnershipSource(
            id=PARTNERSHIP_ID,
            name="Helsefellesskap Helgeland",
            path=DATA,
            description=(
                "Helgelandssykehuset HF og de 18 kommunene på Helgeland: "
                "Helgelandserklæringen 2023–2024 og Handlingsplan 2023–2025."
            ),
        )
    ]


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    """The five-column table for Helgeland; ``None`` for every other partnership."""
    return layout() if partnership.id == PARTNERSHIP_ID else None


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The plan's own column headings in bokmål, nynorsk and English, for Helgeland only."""
    from helsefellesskap import LabelCatalogue

    return [
        LabelCatalogue(language=language, partnership=PARTNERSHIP_ID, labels=dict(labels))
        for language, labels in COLUMN_LABELS_BY_LANGUAGE.items()
    ]
