"""Helsefellesskapet Troms og Ofoten as a helsefellesskap plugin.

The partnership of Universitetssykehuset Nord-Norge HF (UNN) and 24 municipalities in
Troms and Ofoten, with its bodies, its declarations (Ishavserklæringen 2021–2023 and
2024–2027), its action plans, its annual report 2022, a funding round and a consultation
response, shipped as TOML data. The plugin module :mod:`helsefellesskap_troms_ofoten.plugin`
is registered under the entry point group ``helsefellesskap`` as ``troms-ofoten``.

``LABELS``, ``LAYOUT`` and ``SSU_VOTE_RULE`` are imported when first asked for (they
need the library's model and validation), so that loading the plugin stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .data_folder import PARTNERSHIP_ID, data_path

if TYPE_CHECKING:
    from .presentation import LABELS, LAYOUT
    from .rules import SSU_VOTE_RULE

__all__ = ["LABELS", "LAYOUT", "PARTNERSHIP_ID", "SSU_VOTE_RULE", "__version__", "data_path"]

_LAZY = {"LABELS": ".presentation", "LAYOUT": ".presentation", "SSU_VOTE_RULE": ".rules"}
"""The names imported from their module when first asked for."""


def __getattr__(name: str) -> Any:
    """``LABELS``, ``LAYOUT`` and ``SSU_VOTE_RULE``, imported when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
