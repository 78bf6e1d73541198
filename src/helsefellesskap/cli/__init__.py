"""The ``helsefellesskap`` command: a thin layer over the library.

Subcommands come from the ``hf_cli_commands`` hook, the built-in ones included. Errors the
user can cause are printed without a traceback: exit status 2 for bad data or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from .._version import __version__
from ..command import Command, CommandContext
from ..errors import DataError, HelsefellesskapError

__all__ = ["Command", "CommandContext", "format_data_error", "main"]


def format_data_error(error: DataError) -> str:
    """The problems of a data error, one a line, for people."""
    count = len(error.problems)
    lines = [f"error: {count} problem{'s' if count != 1 else ''} in the data:"]
    lines.extend(f"  {problem}" for problem in error.problems)
    return "\n".join(lines)


def _describe_os_error(error: OSError) -> str:
    """An operating-system error in one line: what failed and on which file."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason.lower()}" if error.filename else reason


def _silence(stream: TextIO) -> None:
    """Point a closed standard output at the null device."""
    if stream is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover - depends on the platform
            pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helsefellesskap",
        description="Partnership declarations, action plans and reports as data.",
    )
    parser.add_argument("--version", action="version", version=f"helsefellesskap {__version__}")
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load the plugin NAME (repeatable)",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line with ``argv``; return the exit status."""
    from ..plugins import PluginManager

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--version"]:
        # Answer at once: building the plugin manager would load every plugin first.
        print(f"helsefellesskap {__version__}", file=out)
        return 0
    parser = _parser()
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--disable-plugin", action="append", default=[])
    known, _rest = early.parse_known_args(arguments)
    manager = PluginManager(disabled=known.disable_plugin)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in sorted(manager.commands().values(), key=lambda c: c.name):
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(sub)
        sub.set_defaults(_command=command)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(arguments)
    except SystemExit as stop:
        return int(stop.code or 0)
    for failure in manager.failures:
        print(f"warning: {failure}", file=err)
    chosen: Command | None = getattr(args, "_command", None)
    if chosen is not None and chosen.name != "plugins":  # plugins lists them itself
        for name in manager.unmatched_disabled():
            print(f"warning: asked to disable {name!r}, but no plugin has that name", file=err)
    if chosen is None:
        parser.print_help(out)
        return 2
    context = CommandContext(manager=manager, stdout=out, stderr=err)
    reported = len(manager.failures)
    try:
        return int(chosen.run(args, context))
    except DataError as error:
        print(format_data_error(error), file=err)
        return 2
    except HelsefellesskapError as error:
        print(f"error: {error}", file=err)
        return 2
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, and keep Python from
        # complaining when it flushes standard output on the way out.
        _silence(out)
        return 0
    except OSError as error:
        print(f"error: {_describe_os_error(error)}", file=err)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    finally:
        for failure in manager.failures[reported:]:
            print(f"warning: {failure}", file=err)
