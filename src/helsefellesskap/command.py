"""A subcommand of the ``helsefellesskap`` command, contributed through a hook.

This module lives outside :mod:`helsefellesskap.cli` so that plugins, the hook
specifications and the plugin manager can name :class:`Command` without importing the
command line (or :mod:`argparse`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import attrs

if TYPE_CHECKING:
    import argparse

    from .plugins import PluginManager

__all__ = ["Command", "CommandContext"]


@attrs.frozen(kw_only=True)
class CommandContext:
    """What a running command gets: the plugin manager and where to write."""

    manager: PluginManager
    stdout: TextIO
    stderr: TextIO


@attrs.frozen(kw_only=True)
class Command:
    """A subcommand: its name, a one-line help, how it adds its arguments and how it runs.

    ``run`` returns the exit status: 0 success, 1 findings that fail, 2 bad data or usage.
    It raises :class:`~helsefellesskap.errors.HelsefellesskapError` for bad data; the
    command line prints it without a traceback.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None] = attrs.field(eq=False)
    run: Callable[[argparse.Namespace, CommandContext], int] = attrs.field(eq=False)
