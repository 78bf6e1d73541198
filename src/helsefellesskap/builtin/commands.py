"""Built-in plugin: the subcommands of the ``helsefellesskap`` command.

Each is registered by name and help only; its module is imported when it runs, so that
``helsefellesskap check`` does not import the code of ``render`` or ``diff``.
"""

from __future__ import annotations

from ..command import Command, lazy_command
from ..hookspecs import hookimpl
from ..messages import message

__all__ = ["BUILTIN_COMMANDS", "hf_cli_commands"]

BUILTIN_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "check",
        "load a partnership folder or a document and report every problem in the data",
        "helsefellesskap.cli.check:CHECK",
    ),
    (
        "validate",
        "check a partnership or document against the rules (exit 1 when findings fail)",
        "helsefellesskap.cli.validate:VALIDATE",
    ),
    (
        "rules",
        "list the validation rules (or one): code, severity, title, explanation and fix",
        "helsefellesskap.cli.rules:RULES",
    ),
    (
        "render",
        "render a document, or a whole partnership, to Markdown, HTML, JSON or Word",
        "helsefellesskap.cli.render:RENDER",
    ),
    (
        "diff",
        "show what changed between two revisions, or since a git revision "
        "(exit 1 when something changed)",
        "helsefellesskap.cli.diff:DIFF",
    ),
    (
        "coverage",
        "trace an action plan's measures to the declaration and the national priority groups",
        "helsefellesskap.cli.coverage:COVERAGE",
    ),
    (
        "status",
        "count an action plan's measures by status and responsible, and list the overdue and stale",
        "helsefellesskap.cli.status:STATUS",
    ),
    (
        "update",
        "record a dated status update of a measure, keeping the plan file as written",
        "helsefellesskap.cli.update:UPDATE",
    ),
    (
        "site",
        "write a static site of partnerships: every document in every language and "
        "format, with search",
        "helsefellesskap.cli.site:SITE",
    ),
    (
        "serve",
        "serve the site on 127.0.0.1, rebuilt when a TOML file is saved (Ctrl-C stops)",
        "helsefellesskap.cli.serve:SERVE",
    ),
    (
        "new",
        "write a new partnership folder, action plan or plugin project (never overwrites)",
        "helsefellesskap.cli.new:NEW",
    ),
    (
        "schema",
        "write the JSON Schemas (draft 2020-12) of partnership.toml and every document type",
        "helsefellesskap.cli.schema:SCHEMA",
    ),
    (
        "import",
        "import a Word action plan as a new TOML plan, or a spreadsheet of measures as "
        "status updates",
        "helsefellesskap.cli.importing:IMPORT",
    ),
    (
        "export",
        "write the measures of action plans as a spreadsheet (xlsx or csv) to fill in",
        "helsefellesskap.cli.export:EXPORT",
    ),
    (
        "completion",
        "print a shell completion script: helsefellesskap completion bash > FILE",
        "helsefellesskap.cli.completion:COMPLETION",
    ),
    (
        "plugins",
        "list the plugins: distribution, version, hooks, contributions and failures",
        "helsefellesskap.cli.plugins:PLUGINS",
    ),
    (
        "list",
        "list the partnerships the plugins ship, with their documents",
        "helsefellesskap.cli.plugins:LIST",
    ),
)
"""``(name, help, "module:ATTRIBUTE")`` of each built-in subcommand; the help in English,
as the command's module has it (``helsefellesskap --help`` words it in the language of
messages, from ``messages/<lang>/help.toml``)."""


@hookimpl
def hf_cli_commands() -> list[Command]:
    """The built-in subcommands, each imported when it runs; their help in the language of
    messages (``help.<name>.help``, :mod:`helsefellesskap.messages`)."""
    return [
        lazy_command(name, message(f"help.{name}.help"), target)
        for name, _english, target in BUILTIN_COMMANDS
    ]
