"""Calling plugins without letting one take the others (or the program) down.

Everything a plugin raises is contained except :class:`KeyboardInterrupt`: a
``sys.exit()`` or a custom :class:`BaseException` in a hook is the plugin's failure,
not the end of the command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pluggy

from ..messages import message

__all__ = ["call_each", "describe_error", "ordered_impls"]


def describe_error(error: BaseException) -> str:
    """How a plugin's exception is reported: ``raised SystemExit(3)``."""
    return message("plugins.raised", error=repr(error))


def ordered_impls(caller: pluggy.HookCaller) -> list[pluggy.HookImpl]:
    """The implementations of a hook in the order pluggy itself calls them.

    pluggy keeps ``get_hookimpls()`` as the trylast ones, the plain ones, the tryfirst
    ones, and calls that list backwards: ``tryfirst`` implementations first (the last
    registered first), then the plain ones from the last registered to the first, then the
    ``trylast`` ones (the first registered first).
    """
    return list(reversed(caller.get_hookimpls()))


def call_each(
    caller: pluggy.HookCaller,
    kwargs: Mapping[str, Any],
    fail: Callable[[str, BaseException], None],
) -> Iterator[tuple[str, Any]]:
    """Call each implementation of a hook in pluggy's order, containing its failures.

    Yields ``(plugin name, result)`` for each answer other than ``None``; an iterable
    answer is turned into a list first, so that an error while producing it counts as the
    plugin's. A plugin that raises anything but :class:`KeyboardInterrupt` is handed to
    ``fail`` with its name and skipped.
    """
    for impl in ordered_impls(caller):
        args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
        try:
            result = impl.function(**args)
            if isinstance(result, Iterable) and not isinstance(result, (str, bytes, Mapping)):
                result = list(result)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # a broken plugin must not stop the others
            fail(impl.plugin_name, error)
            continue
        if result is not None:
            yield impl.plugin_name, result
