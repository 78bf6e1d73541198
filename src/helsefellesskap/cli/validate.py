"""``helsefellesskap validate TARGET``: check the meaning of the data against the rules.

Findings are grouped by file and sorted by path, followed by the counts per severity.
Exit status: 0 when nothing fails, 1 when an error (or, with ``--strict``, a warning or a
failed plugin) is found, 2 for bad data or usage. With ``--format json`` the loading
problems of bad data are written as JSON too, and plugin failures are listed.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..command import Command, CommandContext
from ..errors import DataError
from ..model import Severity
from ..targets import resolve_target
from ..validate import JSON_FORMAT, JSON_VERSION, ValidationReport, validate

__all__ = ["VALIDATE", "format_report"]



def format_report(report: ValidationReport, *, strict: bool = False) -> str:
    """The findings of a report as text for people: grouped by file, then the counts.

    Files are shown as loaded (relative to where the command ran), so editors can open
    them; the JSON form gives them relative to the partnership's folder instead.
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
        text = f"  {finding.path}: {finding.severity.value} {finding.code}: {finding.message}"
        if finding.suggestion:
            text += f' (did you mean "{finding.suggestion}"?)'
        lines.append(text)
    if lines:
        lines.append("")
    summary = report.summary()
    verdict = "failed" if report.failed(strict) else "ok"
    lines.append(f"{verdict}: {summary}" + (" (strict: warnings fail)" if strict else ""))
    return "\n".join(lines)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="TARGET",
        help="a partnership folder, a document file, or an installed partnership[/document]",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json for tools",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail too (exit status 1)")


def _failures(context: CommandContext) -> list[dict[str, str | None]]:
    return [
        {"plugin": f.plugin, "hook": f.hook, "message": f.message} for f in context.manager.failures
    ]


def _problems_json(error: DataError, strict: bool, context: CommandContext) -> dict[str, Any]:
    """The JSON form when the data does not load: no findings, the loading problems."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "partnership": None,
        "strict": strict,
        "failed": True,
        "counts": {severity.value: 0 for severity in Severity},
        "rules": [],
        "settings": [],
        "findings": [],
        "problems": [
            {
                "file": str(p.file) if p.file is not None else None,
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "message": p.message,
                "hint": p.hint,
            }
            for p in error.problems
        ],
        "plugin_failures": _failures(context),
    }


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        target = resolve_target(args.target, context.manager)
    except DataError as error:
        if args.format != "json":
            raise
        data = _problems_json(error, args.strict, context)
        print(json.dumps(data, ensure_ascii=False, indent=2), file=context.stdout)
        return 2
    only = None if target.document is None else [target.document.id]
    report = validate(target.bundle, manager=context.manager, documents=only)
    # Under --strict a plugin that failed (its rules may not have run) fails the run too.
    failed = report.failed(args.strict) or (args.strict and bool(context.manager.failures))
    if args.format == "json":
        data = report.to_json(strict=args.strict)
        data["failed"] = failed
        data["problems"] = []
        data["plugin_failures"] = _failures(context)
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = format_report(report, strict=args.strict)
    print(text, file=context.stdout)
    return 1 if failed else 0


VALIDATE = Command(
    name="validate",
    help="check a partnership or document against the rules (exit 1 when findings fail)",
    add_arguments=_add_arguments,
    run=_run,
)
