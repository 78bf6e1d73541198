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

__all__ = ["VALIDATE", "format_report"]


def _settings_lines(report: ValidationReport, titles: Mapping[str, str]) -> list[str]:
    """The rules the partnership switched off or gave another severity, with its reasons:
    ``  HF402 (PM has seats for every partner category): <reason>``."""
    lines: list[str] = []
    off = [s for s in report.settings if not s.enabled]
    changed = [s for s in report.settings if s.enabled and s.severity is not None]

    def named(code: str) -> str:
        title = titles.get(code)
        return f"{code} ({title})" if title else code

    if off:
        lines.append("rules switched off for this partnership ([rules.CODE] enabled = false):")
        lines += [f"  {named(s.code)}: {s.reason}" for s in off]
    if changed:
        lines.append("rules with another severity for this partnership:")
        lines += [
            f"  {named(s.code)}: {s.severity.value if s.severity else ''}: {s.reason}"
            for s in changed
        ]
    return lines


def format_report(
    report: ValidationReport,
    *,
    strict: bool = False,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The findings of a report as text for people: grouped by file, then the rules the
    partnership switched off (or gave another severity) with its reasons, then the counts.

    Files are shown as loaded (relative to where the command ran), so editors can open
    them; the JSON form gives them relative to the partnership's folder instead.
    ``titles`` (code → title) names the rules in the settings listing.
    """
    lines: list[str] = []
    current: str | None = None
    for finding in report.findings:
        file = str(finding.file) if finding.file is not None else "(no file)"
        if file != current:
            if current is not None:
                lines.append("")
            lines.append(file)
            current = file
        where = f"{file}:{finding.line}:{finding.column}: " if finding.line is not None else ""
        text = f"  {where}{finding.path}: {finding.severity.value} {finding.code}: "
        text += finding.message
        if finding.suggestion:
            text += f' (did you mean "{finding.suggestion}"?)'
        lines.append(text)
    if lines:
        lines.append("")
    settings = _settings_lines(report, titles or {})
    if settings:
        lines += [*settings, ""]
    summary = report.summary()
    verdict = "failed" if report.failed(strict) else "ok"
    lines.append(f"{verdict}: {summary}" + (" (strict: warnings fail)" if strict else ""))
    return "\n".join(lines)


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
        titles = {code: rule.title for code, rule in context.manager.rules().items()}
        text = format_report(report, strict=args.strict, titles=titles)
    print(text, file=context.stdout)
    return 1 if report.failed(args.strict) else 0


VALIDATE = Command(
    name="validate",
    help="check a partnership or document against the rules (exit 1 when findings fail)",
    add_arguments=_add_arguments,
    run=_run,
)
