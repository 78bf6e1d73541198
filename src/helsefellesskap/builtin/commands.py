"""Built-in plugin: the subcommands of the ``helsefellesskap`` command."""

from __future__ import annotations

from ..cli.check import CHECK
from ..cli.coverage import COVERAGE
from ..cli.diff import DIFF
from ..cli.plugins import LIST, PLUGINS
from ..cli.render import RENDER
from ..cli.status import STATUS
from ..cli.validate import VALIDATE
from ..command import Command
from ..hookspecs import hookimpl

__all__ = ["hf_cli_commands"]


@hookimpl
def hf_cli_commands() -> list[Command]:
    """The built-in subcommands."""
    return [CHECK, VALIDATE, RENDER, DIFF, COVERAGE, STATUS, PLUGINS, LIST]
