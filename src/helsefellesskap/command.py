"""A subcommand of the ``helsefellesskap`` command, contributed through a hook.

This module lives outside :mod:`helsefellesskap.cli` so that plugins, the hook
specifications and the plugin manager can name :class:`Command` without importing the
command line (or :mod:`argparse`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import attrs

from .codecache import cache_attrs_code

if TYPE_CHECKING:
    import argparse

    from .plugins import PluginManager

cache_attrs_code()  # this project's attrs classes are built from cached code

__all__ = ["Command", "CommandContext", "lazy_command"]


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


def lazy_command(name: str, help: str, target: str) -> Command:
    """A command whose code is imported only when it runs (or adds its arguments).

    ``target`` is ``"package.module:ATTRIBUTE"``, naming the :class:`Command` that does
    the work; its ``name`` and ``help`` are not read, the ones given here are what
    ``helsefellesskap --help`` shows. Use it so that ``helsefellesskap --help`` and the
    other commands do not import this one's code.
    """
    module_name, _, attribute = target.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"target {target!r} is not 'package.module:ATTRIBUTE'")

    def load() -> Command:
        import importlib

        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, Command):
            raise TypeError(f"{target} is {type(command).__name__}, not a Command")
        return command

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        load().add_arguments(parser)

    def run(args: argparse.Namespace, context: CommandContext) -> int:
        return load().run(args, context)

    return Command(name=name, help=help, add_arguments=add_arguments, run=run)
