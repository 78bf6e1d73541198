"""Partnerships that plugins ship as data folders."""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = ["PartnershipSource"]


@attrs.frozen(kw_only=True)
class PartnershipSource:
    """A partnership a plugin ships: its id, its name and the folder of its data.

    ``path`` is a folder holding ``partnership.toml`` and the document folders; a plugin
    finds it with ``importlib.resources.files(__package__) / "data"``.
    """

    id: str
    name: str
    path: Path
    description: str = ""
