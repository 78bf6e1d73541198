"""The default plugin manager: built once, shared, used when ``manager=`` is left out.

Building a :class:`PluginManager` imports and asks every plugin (tens of milliseconds), so
:func:`render`, :func:`validate` and the other functions that take ``manager=`` share one
built on first use. It is rebuilt when the module search path or the plugin environment
variables change, and when :func:`reset_default_manager` is called (after installing or
removing a plugin in a running program, for instance).
"""

from __future__ import annotations

import os
import sys
import threading

from .manager import DISABLE_ENV, NO_ENTRY_POINTS_ENV, PluginManager

__all__ = ["default_manager", "reset_default_manager"]

_lock = threading.Lock()
_state: dict[str, object] = {}


def _environment() -> tuple[object, ...]:
    """What the default manager depends on besides the installed files."""
    return (tuple(sys.path), os.environ.get(DISABLE_ENV), os.environ.get(NO_ENTRY_POINTS_ENV))


def default_manager() -> PluginManager:
    """The shared plugin manager with the built-in and installed plugins.

    Built on the first call, then returned as is; safe to call from several threads (one
    builds it, the others wait for it). Use it read-only: register plugins on a manager
    of your own instead.
    """
    key = _environment()
    manager = _state.get("manager")
    if isinstance(manager, PluginManager) and _state.get("key") == key:
        return manager
    with _lock:
        manager = _state.get("manager")
        if isinstance(manager, PluginManager) and _state.get("key") == key:
            return manager
        manager = PluginManager()
        _state["manager"] = manager
        _state["key"] = key
        return manager


def reset_default_manager() -> None:
    """Forget the shared plugin manager; the next :func:`default_manager` builds a new one."""
    with _lock:
        _state.clear()
