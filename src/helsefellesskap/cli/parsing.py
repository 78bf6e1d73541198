"""The command line's argument parser, speaking the language of messages.

:class:`Parser` is :class:`argparse.ArgumentParser` with its own words in nb, nn and en
(``message("cli.argparse.…")``): "usage:", the section titles, the help of ``-h/--help``
and every error argparse raises (``the following arguments are required: …``, ``invalid
choice: …``), translated when the error is printed by matching argparse's English
templates (Python 3.11's, see ``argparse.py``). Nothing in :mod:`argparse` itself is
changed. :func:`asked_language` finds ``-l/--lang`` in the arguments before they are
parsed, so that the parser's own help and errors are in the chosen language too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from ..messages import LANGUAGES, message

__all__ = [
    "LANGUAGE_OPTIONS",
    "HelpFormatter",
    "Parser",
    "asked_language",
    "terminal_columns",
    "translate_error",
]

LANGUAGE_OPTIONS = ("-l", "--lang", "--language", "--languages")
"""The options whose value chooses the language of messages, wherever they stand."""


def asked_language(arguments: Sequence[str]) -> str | None:
    """The first language (nb, nn, en) a ``-l``/``--lang``/``--language(s)`` option of
    ``arguments`` names (``-l nn``, ``-lnn``, ``--lang=nn``), before a ``--``; ``None``
    if none names one."""
    words = list(arguments)
    for index, word in enumerate(words):
        if word == "--":
            break
        value: str | None = None
        if word in LANGUAGE_OPTIONS:
            value = words[index + 1] if index + 1 < len(words) else None
        elif word.startswith("--") and "=" in word:
            option, _, value = word.partition("=")
            if option not in LANGUAGE_OPTIONS:
                value = None
        elif word.startswith("-l") and not word.startswith("--"):
            value = word[2:].removeprefix("=")
        if value in LANGUAGES:
            return value
    return None


def _quoted(words: str) -> str:
    """Arguments argparse joined with spaces, each in quotes (they are the user's data)."""
    return ", ".join(repr(word) for word in words.split())


def _choice(match: re.Match[str]) -> str:
    import difflib

    value = match["value"]
    choices = [part.strip().strip("'") for part in match["choices"].split(",")]
    close = difflib.get_close_matches(value.strip("'"), choices, n=1, cutoff=0.6)
    hint = message("cli.argparse.did_you_mean", choice=repr(close[0])) if close else ""
    return message("cli.argparse.invalid_choice", value=value, choices=match["choices"], hint=hint)


_Rule = tuple[str, Callable[["re.Match[str]"], str]]
"""A template as a pattern (compiled on first use, by :mod:`re`'s cache) and its wording."""


def _rule(pattern: str, key: str, **convert: Callable[[str], str]) -> _Rule:

    def word(match: re.Match[str]) -> str:
        fields = {
            name: convert[name](text) if name in convert else text
            for name, text in match.groupdict().items()
        }
        return message(key, **fields)

    return pattern + r"\Z", word


# Python 3.11's argparse templates (argparse.py), the inner ones of "argument X: …" first.
_INNER: tuple[_Rule, ...] = (
    (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)\Z", _choice),
    _rule(r"invalid (?P<type>\S+) value: (?P<value>.*)", "cli.argparse.invalid_value"),
    _rule(r"expected one argument", "cli.argparse.expected_one"),
    _rule(r"expected at most one argument", "cli.argparse.expected_at_most_one"),
    _rule(r"expected at least one argument", "cli.argparse.expected_at_least_one"),
    _rule(r"expected (?P<count>\d+) arguments?", "cli.argparse.expected_count"),
    _rule(r"not allowed with argument (?P<other>.*)", "cli.argparse.not_allowed_with"),
    _rule(r"ignored explicit argument (?P<value>.*)", "cli.argparse.ignored_explicit"),
    _rule(
        r"unknown parser (?P<value>.*) \(choices: (?P<choices>.*)\)",
        "cli.argparse.unknown_parser",
    ),
    _rule(r"can't open '(?P<file>.*)': (?P<error>.*)", "cli.argparse.cannot_open"),
)
_OUTER: tuple[_Rule, ...] = (
    _rule(r"the following arguments are required: (?P<names>.*)", "cli.argparse.required"),
    _rule(r"one of the arguments (?P<names>.*) is required", "cli.argparse.one_required"),
    _rule(r"unrecognized arguments: (?P<names>.*)", "cli.argparse.unrecognized", names=_quoted),
    _rule(
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        "cli.argparse.ambiguous",
    ),
    _rule(r"unexpected option string: (?P<option>.*)", "cli.argparse.unexpected_option"),
)
_ARGUMENT = r"argument (?P<argument>\S+): (?P<text>.*)\Z"


def _first(rules: tuple[_Rule, ...], text: str) -> str | None:
    for pattern, word in rules:
        match = re.match(pattern, text, re.DOTALL)
        if match:
            return word(match)
    return None


def translate_error(text: str) -> str:
    """An argparse error message in the current language: argparse's own templates
    translated, the rest (a type's ``ArgumentTypeError``, already worded) kept."""
    match = re.match(_ARGUMENT, text, re.DOTALL)
    if match:
        inner = match["text"]
        worded = _first(_INNER, inner) or inner
        return message("cli.argparse.argument", argument=match["argument"], text=worded)
    return _first(_OUTER, text) or _first(_INNER, text) or text


def terminal_columns() -> int:
    """The width of the terminal, as :func:`shutil.get_terminal_size` gives it (``COLUMNS``
    if set to a positive number, else the terminal of standard output, else 80), without
    importing :mod:`shutil` (and the compression modules it imports) for it."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help as argparse writes it (descriptions and epilogs kept as written), with
    "usage:" in the current language."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:  # as argparse sets it, see terminal_columns
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        """The usage line, its prefix worded in the current language."""
        if prefix is None:
            prefix = message("cli.argparse.usage")
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in the current language.

    Built like :class:`argparse.ArgumentParser`; the formatter is :class:`HelpFormatter`
    unless another is given, ``-h/--help`` and the section titles are worded with
    :func:`~helsefellesskap.messages.message`, and :meth:`error` translates argparse's
    messages. Subcommands' parsers are of the same class.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = bool(kwargs.get("add_help", True))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = message("cli.argparse.positionals")
        self._optionals.title = message("cli.argparse.options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=message("cli.argparse.help"),
            )

    def _get_formatter(self) -> argparse.HelpFormatter:
        """The formatter of help and usage, the program's name as the language of messages
        writes a command (in backticks in nb and nn, where it is code in a sentence)."""
        return self.formatter_class(prog=message("cli.argparse.prog", prog=self.prog))

    def add_subparsers(self, **kwargs: Any) -> Any:
        """As :meth:`argparse.ArgumentParser.add_subparsers`; the subcommands' program name
        is made from this parser's plain name."""
        if kwargs.get("prog") is None:
            formatter = HelpFormatter(prog=self.prog)
            positionals = self._get_positional_actions()
            formatter.add_usage(self.usage, positionals, self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()
        return super().add_subparsers(**kwargs)

    def error(self, message_text: str) -> NoReturn:
        """Print the usage and the error, in the current language, and exit with 2."""
        self.print_usage(sys.stderr)
        prog = message("cli.argparse.prog", prog=self.prog)
        text = message("cli.argparse.error", prog=prog, text=translate_error(message_text))
        self.exit(2, text + "\n")
