"""Helsefellesskap Helgeland as a helsefellesskap plugin.

The partnership of Helgelandssykehuset HF and the 18 municipalities of Helgeland, with
Helgelandserklæringen 2023–2024 and Handlingsplan 2023–2025, shipped as TOML data in
:data:`DATA`. The plugin module (:mod:`helsefellesskap_helgeland.plugin`) registers it under
the id :data:`PARTNERSHIP_ID` with its five-column layout and column labels.
"""

from __future__ import annotations

from ._version import __version__
from .plugin import COLUMN_LABELS, DATA, LAYOUT, PARTNERSHIP_ID

__all__ = ["COLUMN_LABELS", "DATA", "LAYOUT", "PARTNERSHIP_ID", "__version__"]
