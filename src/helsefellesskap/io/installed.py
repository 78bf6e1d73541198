"""Loading a partnership that an installed plugin ships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .folder import load_bundle

if TYPE_CHECKING:
    from ..model import Bundle
    from ..plugins import PluginManager

__all__ = ["load_installed"]


def load_installed(partnership_id: str, manager: PluginManager) -> Bundle:
    """Load the partnership ``partnership_id`` that a plugin of ``manager`` ships, with
    all its documents (the plugins' document types included).

    :raises DocumentNotFoundError: no plugin ships it (with a did-you-mean).
    :raises PluginError: two plugins ship it.
    """
    source = manager.partnership_source(partnership_id)
    return load_bundle(source.path, types=manager.document_types())
