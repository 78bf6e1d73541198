"""``helsefellesskap validate TARGET``: check the meaning of the data against the rules.

Findings are grouped by file and sorted by path, followed by the counts per severity.
Exit status: 0 when nothing fails, 1 when an error (or, with ``--strict``, a warning or a
failed plugin) is found, 2 for bad data or usage. With ``--format json`` the loading
problems of bad data are written as JSON too, and plugin failures are listed.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from ..command import Command, CommandContext
from ..errors import DataError
from ..messages import message
from ..targets import resolve_target
from ..validate import ValidationReport, validate
from ..validate.results import text_report
from ..validate.rule_texts import rule_titles

__all__ = ["VALIDATE", "format_report"]


def format_report(
    report: ValidationReport,
    *,
    strict: bool = False,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The findings of a report as text for people, in the chosen language
    (:func:`helsefellesskap.validate.results.text_report`): grouped by file, then the rules
    the partnership switched off (or gave another severity) with its reasons, then the counts.

    Files are shown as loaded (relative to where the command ran), so editors can open
    them; the JSON form gives them relative to the partnership's folder instead.
    ``titles`` (code → title) names the rules in the settings listing.
    """
    return text_report(report, strict=strict, titles=titles)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="TARGET",
        help=message("help.validate.target"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=message("help.format_text_json"),
    )
    parser.add_argument("--strict", action="store_true", help=message("help.validate.strict"))


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        target = resolve_target(args.target, context.manager)
    except DataError as error:
        if args.format != "json":
            raise
        failed = ValidationReport.from_error(error, plugin_failures=context.manager.failures)
        print(failed.dumps(strict=args.strict), file=context.stdout)
        return 2
    only = None if target.document is None else [target.document.id]
    report = validate(target.bundle, manager=context.manager, documents=only)
    if args.format == "json":
        text = report.dumps(strict=args.strict)
    else:
        titles = rule_titles(context.manager)
        text = format_report(report, strict=args.strict, titles=titles)
    print(text, file=context.stdout)
    return 1 if report.failed(args.strict) else 0


VALIDATE = Command(
    name="validate",
    help="check a partnership or document against the rules (exit 1 when findings fail)",
    add_arguments=_add_arguments,
    run=_run,
)
