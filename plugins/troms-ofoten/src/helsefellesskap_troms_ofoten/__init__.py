"""Helsefellesskapet Troms og Ofoten as a helsefellesskap plugin.

The partnership of Universitetssykehuset Nord-Norge HF (UNN) and 24 municipalities in
Troms and Ofoten, with its bodies, its declarations (Ishavserklæringen 2021–2023 and
2024–2027), its action plans, its annual report 2022, a funding round and a consultation
response, shipped as TOML data. The plugin module :mod:`helsefellesskap_troms_ofoten.plugin`
is registered under the entry point group ``helsefellesskap`` as ``troms-ofoten``.
"""

from __future__ import annotations

from ._version import __version__
from .data_folder import PARTNERSHIP_ID, data_path
from .presentation import LABELS, LAYOUT
from .rules import SSU_VOTE_RULE

__all__ = ["LABELS", "LAYOUT", "PARTNERSHIP_ID", "SSU_VOTE_RULE", "__version__", "data_path"]
