"""The command line itself: the parsers, the plugin manager, running the chosen command
and reporting what went wrong (see :mod:`helsefellesskap.cli`, whose :func:`main` imports
this module for everything but ``--version``)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

from .._version import __version__
from ..command import Command, CommandContext
from ..errors import DataError, HelsefellesskapError
from ..messages import LANGUAGES, choose_language, message, use_language
from .parsing import HelpFormatter, Parser, asked_language

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = [
    "EXIT_CODES",
    "Command",
    "CommandContext",
    "add_command_parser",
    "exit_codes",
    "format_data_error",
    "run",
]


def format_data_error(error: DataError) -> str:
    """The problems of a data error, one a line, for people."""
    count = len(error.problems)
    lines = [
        message("cli.data_problems.one" if count == 1 else "cli.data_problems.other", count=count)
    ]
    lines.extend(f"  {problem}" for problem in error.problems)
    return "\n".join(lines)


_OS_ERRORS = {
    errno.ENOENT: "cli.os.not_found",
    errno.EACCES: "cli.os.permission",
    errno.EPERM: "cli.os.permission",
    errno.ENOTDIR: "cli.os.not_a_folder",
    errno.EISDIR: "cli.os.is_a_folder",
    errno.EEXIST: "cli.os.exists",
    errno.ENOSPC: "cli.os.no_space",
    errno.EROFS: "cli.os.read_only",
}
"""The operating system's errors worded in the language of messages, by ``errno``."""


def _describe_os_error(error: OSError) -> str:
    """An operating-system error in one line: what failed and on which file, in the
    language of messages where the error is a common one (else the system's own words)."""
    key = _OS_ERRORS.get(error.errno) if error.errno is not None else None
    if key is not None:
        reason = message(key)
    else:
        reason = message("cli.os.other", reason=str(error.strerror or error).lower())
    return f"{error.filename}: {reason}" if error.filename else reason


def _silence(stream: TextIO) -> None:
    """Point a closed standard output at the null device."""
    if stream is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover - depends on the platform
            pass


EXIT_CODES = """exit status:
  0  done: the data loads, nothing fails
  1  done, and what was found fails (validate's findings, diff's changes, …)
  2  bad data, bad usage, or a failing plugin: nothing was done"""
"""The epilog of every command's ``--help`` in English (:func:`exit_codes` words it in
the current language), plugin commands' included."""


def exit_codes() -> str:
    """The epilog of every command's ``--help``, in the current language."""
    return message("help.exit_codes")


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="helsefellesskap",
        description=message("help.description"),
        epilog=exit_codes(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"helsefellesskap {__version__}",
        help=message("cli.argparse.version"),
    )
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help=message("help.disable_plugin"),
    )
    _add_message_language(parser)
    return parser


def _add_message_language(parser: argparse.ArgumentParser) -> None:
    """Give the top level, and a command without a ``-l/--lang`` of its own, the option
    that chooses the language of messages, so that
    ``helsefellesskap validate -l nn …`` is understood as ``helsefellesskap -l nn validate …``
    (the language is chosen from the arguments before parsing, see :func:`main`)."""
    try:
        parser.add_argument(
            "-l",
            "--lang",
            dest="message_language",
            choices=LANGUAGES,
            metavar="LANG",
            help=message("help.lang"),
        )
    except argparse.ArgumentError:  # the command has its own -l or --lang
        return


def add_command_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], command: Command
) -> argparse.ArgumentParser:
    """The parser of ``command`` among ``subparsers``: its help as description, the exit
    codes as epilog, in the current language."""
    sub = subparsers.add_parser(
        command.name,
        help=command.help,
        description=command.help,
        epilog=exit_codes(),
        formatter_class=HelpFormatter,
    )
    sub.set_defaults(_command=command)
    return sub


def _chosen_name(arguments: list[str]) -> tuple[list[str], str | None]:
    """The plugins to disable and the subcommand named in ``arguments`` (if any)."""
    early = argparse.ArgumentParser(
        add_help=False, exit_on_error=False, formatter_class=HelpFormatter
    )
    early.add_argument("--disable-plugin", action="append", default=[])
    early.add_argument("-l", "--lang", nargs="?")  # so `-l nn check` names `check`
    early.add_argument("command", nargs="?")
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            known, _rest = early.parse_known_args(arguments)
    except (SystemExit, argparse.ArgumentError):  # the real parser will say what is wrong
        return [], None
    return list(known.disable_plugin), known.command


def _plugin_crash(what: str, plugin: str | None, error: BaseException) -> str:
    """One line saying which plugin's command failed and how."""
    owner = message("cli.plugin_owner", name=repr(plugin)) if plugin else ""
    return message(
        "cli.error", text=message("cli.plugin_raised", owner=owner, what=what, error=repr(error))
    )


def run(arguments: list[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line with ``arguments`` (``--version`` aside, which
    :func:`helsefellesskap.cli.main` answers itself); return the exit status. See
    :func:`helsefellesskap.cli.main`."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    with use_language(choose_language(asked_language(arguments))):
        return _main(arguments, out, err)


def _main(arguments: list[str], out: TextIO, err: TextIO) -> int:
    """Build the parser with the chosen command's arguments, parse, and run."""
    from ..plugins import PluginManager

    parser = _parser()
    disabled, wanted = _chosen_name(arguments)
    # Each hook is asked when the command first needs it: `check` does not import the
    # renderers. `plugins` collects everything itself, to list every failure.
    manager = PluginManager(disabled=disabled, collect=False)
    commands = manager.commands()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in sorted(commands.values(), key=lambda c: c.name):
        if command.name != wanted and wanted in commands:
            continue  # the others' parsers only list or refuse a command: none is wanted
        sub = add_command_parser(subparsers, command)
        if command.name != wanted:
            continue
        owner = manager.owner("hf_cli_commands", command.name)
        try:
            command.add_arguments(sub)
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            return 130
        except BaseException as error:  # a plugin's command must not take the CLI down
            what = message("cli.command_arguments", name=repr(command.name))
            print(_plugin_crash(what, owner, error), file=err)
            return 2
        _add_message_language(sub)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(arguments)
    except SystemExit as stop:
        return int(stop.code or 0)
    return _run(args, parser, manager, out, err)


def _run(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    manager: PluginManager,
    out: TextIO,
    err: TextIO,
) -> int:
    """Run the parsed command, its messages in the chosen language; return the status."""
    for failure in manager.failures:
        print(message("cli.warning", text=failure), file=err)
    chosen: Command | None = getattr(args, "_command", None)
    if chosen is not None and chosen.name != "plugins":  # plugins lists them itself
        for name in manager.unmatched_disabled():
            warning = message("cli.unknown_disabled", name=repr(name))
            print(message("cli.warning", text=warning), file=err)
    if chosen is None:
        parser.print_help(out)
        return 2
    context = CommandContext(manager=manager, stdout=out, stderr=err)
    reported = len(manager.failures)
    status = 2
    try:
        status = int(chosen.run(args, context))
    except DataError as error:
        print(format_data_error(error), file=err)
    except HelsefellesskapError as error:
        print(message("cli.error", text=error), file=err)
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, and keep Python from
        # complaining when it flushes standard output on the way out.
        _silence(out)
        return 0
    except OSError as error:
        print(message("cli.error", text=_describe_os_error(error)), file=err)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    except BaseException as error:  # a plugin's bug, even sys.exit(), is reported
        owner = manager.owner("hf_cli_commands", chosen.name)
        what = message("cli.command", name=repr(chosen.name))
        print(_plugin_crash(what, owner, error), file=err)
    finally:
        for failure in manager.failures[reported:]:
            print(message("cli.warning", text=failure), file=err)
    stopped = sorted({f.plugin for f in manager.failures if f.stopping})
    if status == 0 and stopped and chosen.name != "plugins":
        names = ", ".join(repr(name) for name in stopped)
        print(message("cli.error", text=message("cli.plugin_stopped", names=names)), file=err)
        return 2
    return status
