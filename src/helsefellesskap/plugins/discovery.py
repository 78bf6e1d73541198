"""Finding installed plugins: the entry points of group ``helsefellesskap``, nothing more.

Only the entry points of the group are read (:func:`importlib.metadata.entry_points`
with ``group=``); the metadata of a distribution is read only when it declares a plugin,
to name it and its version.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from ..hookspecs import PROJECT_NAME

if TYPE_CHECKING:
    import importlib.metadata

__all__ = ["ENTRY_POINT_GROUP", "InstalledPlugin", "find_installed", "normalize"]

ENTRY_POINT_GROUP = PROJECT_NAME
"""The entry point group under which plugin distributions declare their plugin module."""


def normalize(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@attrs.frozen(kw_only=True)
class InstalledPlugin:
    """A plugin declared by an installed distribution: its entry point and distribution."""

    name: str
    entry_point: importlib.metadata.EntryPoint
    distribution: importlib.metadata.Distribution | None

    @property
    def distribution_name(self) -> str | None:
        """The distribution's name as it declares it (``None`` if unknown)."""
        if self.distribution is None:
            return None
        name = self.distribution.metadata["Name"]
        return str(name) if name else None


def find_installed() -> dict[str, list[InstalledPlugin]]:
    """The installed plugins by entry point name; more than one means a clash.

    A distribution found twice on the path counts once (the first one wins, as for
    imports): :func:`importlib.metadata.entry_points` already keeps only the first.
    """
    import importlib.metadata  # here, so that a manager without entry points never needs it

    found: dict[str, list[InstalledPlugin]] = {}
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(entry_point.name, []).append(
            InstalledPlugin(
                name=entry_point.name,
                entry_point=entry_point,
                distribution=entry_point.dist,
            )
        )
    return found
