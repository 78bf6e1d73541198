"""Where the partnership's TOML data lives inside the installed package."""

from __future__ import annotations

from pathlib import Path

__all__ = ["PARTNERSHIP_ID", "data_path"]

PARTNERSHIP_ID = "troms-ofoten"
"""The id of Helsefellesskapet Troms og Ofoten, as written in its ``partnership.toml``."""


def data_path() -> Path:
    """The folder holding ``partnership.toml`` and the document folders.

    The package is installed as plain files (a wheel or an editable install), so the
    resource folder is a real folder on disk.
    """
    return Path(__file__).resolve().parent / "data"
