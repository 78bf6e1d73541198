"""``helsefellesskap rules [CODE]``: every validation rule, built-in and plugin, with its
code, severity, title, explanation and how to fix a finding.

The texts are worded by :func:`~helsefellesskap.validate.rule_texts.rule_text` in the
language of messages (``--lang``, then ``HELSEFELLESSKAP_LANG``, then the locale, else
English, as every command chooses it) where a label catalogue translates them, else as
the rule wrote them. An unknown code is a usage error with the closest code as a
suggestion (exit 2).
"""

from __future__ import annotations

import argparse
import difflib
import json
import textwrap

from ..command import Command, CommandContext
from ..errors import UsageError
from ..messages import current_language, message
from ..plugins import PluginManager
from ..validate.rule_texts import RuleText, rule_labels, rule_text

__all__ = ["RULES", "format_rules", "rule_texts"]

LANGUAGES = ("nb", "nn", "en")
"""The languages ``--lang`` accepts."""

WIDTH = 88
"""Where the text form wraps explanations and fixes."""


def rule_texts(manager: PluginManager, language: str, code: str | None = None) -> list[RuleText]:
    """Every registered rule (or the one with ``code``) worded in ``language``, by code.

    :raises UsageError: for a code no rule has, naming the closest.
    """
    rules = manager.rules()
    if code is not None:
        wanted = code.strip().upper()
        if wanted not in rules:
            close = difflib.get_close_matches(wanted, sorted(rules), n=1, cutoff=0.6)
            hint = message("report.rule.did_you_mean", code=close[0]) if close else ""
            raise UsageError(message("report.rule.unknown", code=code, hint=hint))
        chosen = [wanted]
    else:
        chosen = sorted(rules)
    labels = rule_labels(manager, language)
    texts = []
    for name in chosen:
        owner = manager.owner("hf_rules", name)
        plugin = None if owner is None or manager.is_builtin(owner) else owner
        texts.append(rule_text(rules[name], labels, plugin=plugin, language=language))
    return texts


def _wrapped(label: str, text: str) -> list[str]:
    if not text:
        return []
    return textwrap.wrap(
        f"{label}{text}", width=WIDTH, initial_indent="  ", subsequent_indent="    "
    )


def format_rules(texts: list[RuleText]) -> str:
    """The rules as text for people: a line with code, severity and title, then the
    explanation, the fix and, for a plugin's rule, the plugin, a blank line between rules."""
    blocks = []
    for text in texts:
        severity = message(f"report.severity.{text.severity}")
        lines = [f"{text.code}  {severity}  {text.title}"]
        lines += _wrapped("", text.explanation)
        lines += _wrapped(message("report.rule.fix"), text.fix)
        if text.body_kind:
            lines.append("  " + message("report.rule.body_kind", kind=text.body_kind))
        if text.plugin:
            lines.append("  " + message("report.rule.plugin", plugin=text.plugin))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", nargs="?", help=message("help.rules.code"))
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=message("help.format_text_json"),
    )
    parser.add_argument(
        "-l",
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=message("help.rules.lang"),
    )


def _language(args: argparse.Namespace) -> str:
    """``--lang``, else the language of messages the command line chose (the same chain:
    ``HELSEFELLESSKAP_LANG``, then the locale, else English)."""
    return str(args.lang) if args.lang else current_language()


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    language = _language(args)
    texts = rule_texts(context.manager, language, args.code)
    if args.format == "json":
        data = {"language": language, "rules": [text.to_json() for text in texts]}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=context.stdout)
    else:
        print(format_rules(texts), file=context.stdout)
    return 0


RULES = Command(
    name="rules",
    help="list the validation rules (or one): code, severity, title, explanation and fix",
    add_arguments=_add_arguments,
    run=_run,
)
