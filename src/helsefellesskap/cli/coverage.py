"""``helsefellesskap coverage TARGET``: what of the declaration and the national plan an
action plan's measures carry out, and what they leave uncovered.

TARGET is resolved as for ``validate``: an action plan, or a partnership (each of its
plans). Exit status 0, or 2 for bad data or usage (a target that is not an action plan).
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.reports import traceability_report
from ..followup.tracing import (
    DEFAULT_MANY_TASKS,
    JSON_FORMAT,
    JSON_VERSION,
    PlanCoverage,
    Traceability,
    bundle_coverage,
)
from ..messages import message
from ..model import ActionPlan, Document
from ..targets import Target, resolve_target
from .words import counted

__all__ = [
    "COVERAGE",
    "CSV_COLUMNS",
    "add_target_arguments",
    "format_coverage",
    "matrix_csv",
    "plans_of",
    "write_document",
    "write_plan_reports",
]

CSV_COLUMNS = (
    "plan",
    "focus_area",
    "focus_area_title",
    "commitment",
    "goal",
    "goal_text",
    "main_goal",
    "measure",
    "measure_text",
    "responsible",
    "national_goals",
    "priority_groups",
)
"""The columns of ``coverage -f csv``: one row per measure of the traceability matrix."""


def matrix_csv(traces: list[Traceability]) -> str:
    """The traceability matrices as CSV, one row per measure; ids joined by ``;``,
    national goals ``not stated`` where the plan does not state them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for trace in traces:
        for row in trace.rows:
            writer.writerow(
                (
                    trace.plan,
                    row.focus_area,
                    row.focus_area_title,
                    row.commitment or "",
                    row.goal,
                    row.goal_text,
                    row.main_goal or "",
                    row.measure,
                    row.measure_text,
                    ";".join(row.responsible),
                    ";".join(row.national_goals)
                    if row.national_goals is not None
                    else "not stated",
                    ";".join(row.priority_groups),
                )
            )
    return out.getvalue()


def plans_of(target: Target) -> tuple[ActionPlan, ...]:
    """The action plans a target names: its document, or every plan of its partnership."""
    document = target.document
    if document is None:
        return tuple(target.bundle.documents_of(ActionPlan))
    if not isinstance(document, ActionPlan):
        raise UsageError(message("cli.coverage.not_a_plan", kind=document.KIND, id=document.id))
    return (document,)


def add_target_arguments(parser: argparse.ArgumentParser, *, csv: bool = False) -> None:
    """TARGET, ``-f/--format`` and ``-o/--output``, as the follow-up commands take them:
    text or json (csv where ``csv``), or a render format (``md``, ``html``, ``docx``,
    ``pdf`` …) for the report as a document."""
    parser.add_argument(
        "target",
        metavar="TARGET",
        help=message("help.report_target"),
    )
    parser.add_argument(
        "-f",
        "--format",
        default="text",
        metavar="FORMAT",
        help=message("help.report_format_csv" if csv else "help.report_format"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=message("help.report_output"),
    )
    parser.add_argument(
        "-l",
        "--lang",
        default=None,
        metavar="LANG",
        help=message("help.report_lang"),
    )


def write_document(
    args: argparse.Namespace,
    context: CommandContext,
    target: Target,
    make: Callable[[ActionPlan], Document],
    plans: tuple[ActionPlan, ...],
) -> None:
    """Render the report ``make`` builds of the one plan of ``plans`` in the render
    format ``args.format``, to ``args.output`` or standard output."""
    from ..io import write_atomic
    from ..render import render
    from ..render.api import find_format

    fmt = find_format(args.format, context.manager, target.bundle.partnership.id)
    if len(plans) != 1:
        names = ", ".join(p.id for p in plans) or message("cli.none")
        raise UsageError(message("cli.coverage.one_plan", names=names))
    data = render(
        make(plans[0]),
        fmt.name,
        bundle=target.bundle,
        lang=args.lang,
        manager=context.manager,
    )
    if args.output:
        write_atomic(Path(args.output), data)
    elif fmt.binary:
        raise UsageError(message("cli.binary_format", name=repr(fmt.name)))
    else:
        context.stdout.write(data.decode("utf-8"))


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def format_coverage(result: PlanCoverage, title: str | None = None) -> str:
    """One plan's coverage as text for people, in the language of messages."""
    basis = [
        message("cli.coverage.declaration", id=result.declaration)
        if result.declaration
        else message("cli.coverage.no_declaration"),
        message("cli.coverage.national_plan", id=result.national_plan)
        if result.national_plan
        else message("cli.coverage.no_national_plan"),
    ]
    heading = result.plan + (f" ({title})" if title else "")
    lines = [f"{heading}: {', '.join(basis)}"]
    not_covered = message("cli.coverage.not_covered")
    for item in result.commitments:
        commitment = item.commitment
        areas = _ids(item.focus_areas)
        if item.covered:
            state = counted("cli.coverage.covered_commitment", len(item.measures), areas=areas)
        else:
            state = not_covered + (
                message("cli.coverage.areas_without_measures", areas=areas)
                if item.focus_areas
                else ""
            )
        lines.append(
            "  "
            + message(
                "cli.coverage.commitment", id=commitment.id, title=commitment.title, state=state
            )
        )
        for goal in item.main_goals:
            if goal.covered:
                state = message(
                    "cli.coverage.covered_main_goal",
                    goals=_ids(goal.goals),
                    measures=_ids(goal.measures),
                )
            else:
                state = not_covered
            main_goal = message("cli.coverage.main_goal", id=goal.main_goal.id, state=state)
            lines.append("    " + main_goal)
    if result.priority_groups:
        lines.append("  " + message("cli.coverage.priority_groups", plan=result.national_plan))
        for group in result.priority_groups:
            state = (
                message("cli.coverage.group_measures", measures=_ids(group.measures))
                if group.covered
                else message("cli.coverage.not_addressed")
            )
            lines.append(f'    "{group.group.id}" ({group.group.name}): {state}')
    for ids, key in (
        (result.untraced_focus_areas, "cli.coverage.untraced_focus_areas"),
        (result.untraced_goals, "cli.coverage.untraced_goals"),
    ):
        if ids:
            lines.append("  " + message(key, ids=_ids(ids)))
    if result.unknown_priority_groups:
        lines.append(
            "  "
            + message(
                "cli.coverage.unknown_priority_groups",
                plan=result.national_plan,
                ids=_ids(result.unknown_priority_groups),
            )
        )
    gaps = [
        (result.uncovered_commitments, "cli.coverage.gap_commitments"),
        (result.uncovered_main_goals, "cli.coverage.gap_main_goals"),
        (result.uncovered_priority_groups, "cli.coverage.gap_priority_groups"),
    ]
    missing = [counted(key, len(ids)) for ids, key in gaps if ids]
    lines.append(
        "  "
        + (
            message("cli.coverage.not_covered_count", gaps=", ".join(missing))
            if missing
            else message("cli.coverage.complete")
        )
    )
    return "\n".join(lines)


def _gaps_text(trace: Traceability) -> str:
    parts = []
    if trace.national_goals and not trace.national_goals_stated:
        parts.append("  " + message("cli.coverage.national_goals_not_stated"))
    for ids, key in (
        (trace.national_goals_without, "cli.coverage.national_goals_without"),
        (trace.main_goals_without, "cli.coverage.main_goals_without"),
        (trace.priority_groups_without, "cli.coverage.priority_groups_without"),
        (tuple(a.actor for a in trace.idle_actors), "cli.coverage.idle_actors"),
        (
            tuple(f"{a.actor} ({len(a.measures)})" for a in trace.busy_actors),
            "cli.coverage.busy_actors",
        ),
    ):
        if ids:
            parts.append("  " + message(key, ids=_ids(ids), many=trace.many))
    return "\n".join(parts or ["  " + message("cli.coverage.no_gaps")])


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_target_arguments(parser, csv=True)
    parser.add_argument(
        "--fail-on",
        choices=("gaps",),
        metavar="gaps",
        help=message("help.coverage.fail_on"),
    )
    parser.add_argument(
        "--many",
        type=int,
        default=DEFAULT_MANY_TASKS,
        metavar="N",
        help=message("help.coverage.many", default=DEFAULT_MANY_TASKS),
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    if args.many < 1:
        raise UsageError(message("cli.coverage.many", count=args.many))
    target = resolve_target(args.target, context.manager)
    plans = plans_of(target)
    traces = [traceability_report(target.bundle, p.id, many=args.many).trace for p in plans]
    if args.format not in ("text", "json", "csv"):
        write_document(
            args,
            context,
            target,
            lambda plan: traceability_report(target.bundle, plan.id, many=args.many),
            plans,
        )
    elif args.format == "csv":
        text = matrix_csv(traces)
        if args.output:
            from ..io import write_atomic

            write_atomic(Path(args.output), text.encode("utf-8"))
        else:
            context.stdout.write(text)
    else:
        results = bundle_coverage(target.bundle, plans)
        write_plan_reports(
            args.format,
            context,
            target,
            {"format": JSON_FORMAT, "version": JSON_VERSION},
            [
                (
                    {**r.to_json(), "gaps": t.gaps_json()},
                    format_coverage(r, p.title)
                    + f"\n  {message('cli.coverage.gaps')}\n"
                    + _gaps_text(t),
                )
                for r, p, t in zip(results, plans, traces, strict=True)
            ],
            output=args.output,
        )
    return 1 if args.fail_on == "gaps" and any(t.gaps for t in traces) else 0


def write_plan_reports(
    form: str,
    context: CommandContext,
    target: Target,
    head: dict[str, Any],
    reports: list[tuple[dict[str, Any], str]],
    *,
    output: str | None = None,
) -> int:
    """Write one report per action plan, as JSON (``head``, the partnership, the plans) or
    as text blocks, to standard output or the file ``output``; a partnership without plans
    says so. Return the exit status (0)."""
    if output:
        from ..io import write_atomic

        buffer = io.StringIO()
        quiet = attrs.evolve(context, stdout=buffer)
        write_plan_reports(form, quiet, target, head, reports)
        write_atomic(Path(output), buffer.getvalue().encode("utf-8"))
        return 0
    partnership = target.bundle.partnership
    if form == "json":
        from ..shapes import dumps, plan_reports_json

        data = plan_reports_json(head, partnership.id, [json_form for json_form, _ in reports])
        print(dumps(data), file=context.stdout)
    elif not reports:
        print(message("cli.coverage.no_plans", name=partnership.name), file=context.stdout)
    else:
        print("\n\n".join(text for _json, text in reports), file=context.stdout)
    return 0


COVERAGE = Command(
    name="coverage",
    help="trace an action plan's measures to the declaration and the national priority groups",
    add_arguments=_add_arguments,
    run=_run,
)
