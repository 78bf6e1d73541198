"""``helsefellesskap completion bash|zsh``: a shell completion script, made with shtab.

The script completes the commands and their options statically, and partnership and
document names (``malvik``, ``malvik/handlingsplan-2027``) as well as files
for the commands' PATH or TARGET arguments by asking ``helsefellesskap completion
--names`` when the user presses Tab, so newly installed plugins' partnerships complete too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import shtab

from ..command import Command, CommandContext
from ..messages import message
from ..plugins import PluginManager

__all__ = ["COMPLETION", "SHELLS", "completion_script", "full_parser", "target_names"]

SHELLS = ("bash", "zsh")
"""The shells a script can be written for."""

_TARGETS = frozenset({"path", "target", "old", "new"})

_PREAMBLE = {
    "bash": """
# Partnership and document names from the installed plugins, then files: one a line.
_helsefellesskap_names() {
  compgen -W "$(helsefellesskap completion --names 2>/dev/null)" -- "$1"
  compgen -f -- "$1"
}
""",
    "zsh": """
_helsefellesskap_names() {
  local -a names
  names=( ${(f)"$(helsefellesskap completion --names 2>/dev/null)"} )
  _describe 'partnership or document' names
  _files
}
""",
}
_NAMES = {"bash": "_helsefellesskap_names", "zsh": "_helsefellesskap_names"}


def full_parser(manager: PluginManager) -> argparse.ArgumentParser:
    """The command line's parser with every command and all its arguments.

    The command line itself adds only the chosen command's arguments; completion and the
    CLI reference need them all. A plugin command that fails to add its arguments is
    left with none (``helsefellesskap plugins`` reports the plugin).
    """
    from .app import _parser, add_command_parser

    parser = _parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in sorted(manager.commands().values(), key=lambda c: c.name):
        sub = add_command_parser(subparsers, command)
        try:
            command.add_arguments(sub)
        except Exception:  # a broken plugin command completes without options
            continue
    return parser


def _positionals(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _positionals(sub)
        elif not action.option_strings:
            yield action


def completion_script(shell: str, manager: PluginManager) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``)."""
    parser = full_parser(manager)
    for action in _positionals(parser):
        if action.dest in _TARGETS:
            action.complete = _NAMES  # type: ignore[attr-defined]
    return shtab.complete(parser, shell=shell, preamble=_PREAMBLE[shell])


def target_names(manager: PluginManager) -> Iterator[str]:
    """The names a PATH or TARGET can be: each partnership, and each of its documents."""
    for partnership_id in sorted(manager.partnerships()):
        yield partnership_id
        try:
            bundle = manager.load_partnership(partnership_id)
        except Exception:  # a partnership that does not load completes by its id
            continue
        for document in bundle.documents:
            yield f"{partnership_id}/{document.id}"


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", nargs="?", choices=SHELLS, help=message("help.completion.shell"))
    parser.add_argument(
        "--names",
        action="store_true",
        help=message("help.completion.names"),
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    if args.names:
        for name in target_names(context.manager):
            print(name, file=context.stdout)
        return 0
    if args.shell is None:
        text = message("cli.error", text=message("cli.completion.no_shell"))
        print(text, file=context.stderr)
        return 2
    context.stdout.write(completion_script(args.shell, context.manager))
    return 0


COMPLETION = Command(
    name="completion",
    help="print a shell completion script: helsefellesskap completion bash > FILE",
    add_arguments=_add_arguments,
    run=_run,
)
