"""What the plugin manager knows of a plugin, and what it records when one fails."""

from __future__ import annotations

import attrs

from ..messages import message

__all__ = ["PluginFailure", "PluginInfo", "describe", "format_traceback"]


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What is known of a registered plugin: its name, where it comes from, its hooks.

    ``name`` is the name to disable it by: the entry point name for an installed plugin,
    the module name for a built-in one. ``distribution`` and ``version`` describe the
    installed distribution that declares it (``None`` for built-ins and for plugins
    registered by hand); ``entry_point`` is the entry point's value (``package.module``).
    """

    name: str
    module: str
    hooks: tuple[str, ...]
    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None
    builtin: bool = False


@attrs.frozen(kw_only=True)
class PluginFailure:
    """A plugin that failed: at import, at registration or inside a hook.

    ``hook`` names the hook where the failure happened, ``None`` for a failure at import
    or registration that concerns the plugin as a whole. ``traceback`` is the formatted
    traceback of the exception, where there was one, for the plugin's author; it does
    not take part in comparisons. ``stopping`` is true when the plugin raised something
    that would have ended the program (``sys.exit()``, or another :class:`BaseException`
    that is not an :class:`Exception`): the command line then exits with status 2.
    """

    plugin: str
    message: str
    hook: str | None = None
    traceback: str | None = attrs.field(default=None, eq=False, repr=False)
    stopping: bool = attrs.field(default=False, eq=False, repr=False)

    def __str__(self) -> str:
        if self.hook:
            return message(
                "plugins.failure_in_hook",
                plugin=repr(self.plugin),
                hook=self.hook,
                message=self.message,
            )
        return message("plugins.failure", plugin=repr(self.plugin), message=self.message)


def describe(value: object) -> str:
    """A short description of a value for an error message."""
    if isinstance(value, type):
        return message("plugins.the_class", name=value.__name__)
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def format_traceback(error: BaseException) -> str:
    """The formatted traceback of ``error``, for a plugin's author."""
    import traceback  # here: only a failing plugin needs it

    return "".join(traceback.format_exception(error)).rstrip()
