"""The plugin machinery: registration, entry points, fault isolation and registries.

* :mod:`~helsefellesskap.plugins.manager`: :class:`PluginManager`, which registers the
  built-in and installed plugins and calls their hooks in pluggy's order, containing
  whatever one raises;
* :mod:`~helsefellesskap.plugins.registries`: the named things plugins contribute and the
  rule for a name claimed twice;
* :mod:`~helsefellesskap.plugins.discovery`: the entry points of group ``helsefellesskap``;
* :mod:`~helsefellesskap.plugins.calls`: the fault-isolated call loop;
* :mod:`~helsefellesskap.plugins.default`: the shared manager used when ``manager=`` is
  left out (:func:`default_manager`, :func:`reset_default_manager`).

An embedding application that wants exactly some plugins builds its own manager
(``PluginManager(plugins=[...], entry_points=False)``) and passes it on.
"""

from __future__ import annotations

from .default import default_manager, reset_default_manager
from .discovery import ENTRY_POINT_GROUP
from .failures import PluginFailure, PluginInfo
from .manager import (
    DEFAULT_PLUGINS,
    DISABLE_ENV,
    HOOK_PREFIX,
    NAMED_HOOKS,
    NO_ENTRY_POINTS_ENV,
    PluginManager,
    hook_names,
)

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "HOOK_PREFIX",
    "NAMED_HOOKS",
    "NO_ENTRY_POINTS_ENV",
    "PluginFailure",
    "PluginInfo",
    "PluginManager",
    "default_manager",
    "hook_names",
    "reset_default_manager",
]
