"""Helsefellesskap Helgeland as a helsefellesskap plugin.

The partnership of Helgelandssykehuset HF and the 18 municipalities of Helgeland, with
Helgelandserklæringen 2023–2024 and Handlingsplan 2023–2025, shipped as TOML data in
:data:`DATA`. The plugin module (:mod:`helsefellesskap_helgeland.plugin`) registers it under
the id :data:`PARTNERSHIP_ID` with its five-column layout and column labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .plugin import COLUMN_LABELS, DATA, PARTNERSHIP_ID

if TYPE_CHECKING:
    from .plugin import LAYOUT

__all__ = ["COLUMN_LABELS", "DATA", "LAYOUT", "PARTNERSHIP_ID", "__version__"]


def __getattr__(name: str) -> Any:
    """``LAYOUT``, built when first asked for (it needs the library's model)."""
    if name == "LAYOUT":
        from .plugin import layout

        return layout()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
