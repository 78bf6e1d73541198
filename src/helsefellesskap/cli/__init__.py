"""The ``helsefellesskap`` command: a thin layer over the library.

Subcommands come from the ``hf_cli_commands`` hook, the built-in ones included. Errors the
user can cause are printed without a traceback: exit status 2 for bad data or usage.

``--version`` is answered here, before anything else is imported; the command line
itself (parsers, plugins, running the command) is :mod:`.app`, whose public names this
package gives too, imported on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .._version import __version__

if TYPE_CHECKING:
    from ..command import Command, CommandContext
    from .app import EXIT_CODES, exit_codes, format_data_error

__all__ = [
    "EXIT_CODES",
    "YOUNG_THRESHOLD",
    "Command",
    "CommandContext",
    "exit_codes",
    "format_data_error",
    "main",
    "tune_collector",
]

YOUNG_THRESHOLD = 200_000
"""New container objects between two collections of the youngest generation in the
``helsefellesskap`` program (Python's default is 700): see :func:`tune_collector`."""


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line with ``argv``; return the exit status.

    The language of messages, help and argparse's errors included, is chosen first:
    ``-l/--lang`` among the arguments, then ``HELSEFELLESSKAP_LANG``, then the locale
    (:func:`~helsefellesskap.messages.choose_language`). Only the chosen subcommand's code
    is imported and asked for its arguments. Whatever a
    plugin raises but :class:`KeyboardInterrupt` is reported by plugin name. A plugin
    command that raises, or a plugin that tries to end the program in a hook
    (``sys.exit()``, another :class:`BaseException`), makes the command exit with status
    2 even if it otherwise succeeded; ``plugins``, whose job is to list failures, excepted.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--version"]:
        # Answer at once: the command line, attrs and the plugins are not needed for it.
        print(f"helsefellesskap {__version__}", file=stdout or sys.stdout)
        return 0
    if argv is None:  # the program itself (the console script, ``python -m``)
        tune_collector()
    from .app import run

    return run(arguments, stdout=stdout, stderr=stderr)


def tune_collector() -> None:
    """Tune the garbage collector for a process that runs one command and exits.

    A command starts by importing its code (attrs classes, plugins, templates) and
    loading data: some hundred thousand objects, nearly all kept to the end. Python's
    default collects the youngest objects every 700 new ones, and collects everything
    once more as the interpreter exits, ~10-30 ms of a command's start-up spent
    walking objects that are not garbage. So the program collects its youngest objects
    every :data:`YOUNG_THRESHOLD` new ones (a higher threshold is kept, 0 stays off)
    and, as it exits, moves what is left out of the collector's sight
    (:func:`gc.freeze`, registered with :mod:`atexit`): the interpreter's last
    collection then has nothing to walk. Python promises no finalizer of an object
    still alive at exit. :func:`main` does this only when it runs as the program
    (without ``argv``); called with arguments from other code, it leaves the
    collector alone.
    """
    import atexit
    import gc

    first, *older = gc.get_threshold()
    if 0 < first < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, *older)
    atexit.register(gc.freeze)


def __getattr__(name: str) -> Any:
    """The names of :mod:`.app` (``EXIT_CODES``, ``format_data_error``, …), imported
    when first asked for."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    app = importlib.import_module(".app", __name__)  # not `from . import`: it asks here
    if name == "app":
        return app
    try:
        return getattr(app, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
