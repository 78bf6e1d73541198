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
        raise UsageError(
            f'{document.KIND} "{document.id}" is not an action plan: name a plan, or a '
            "partnership for each of its plans"
        )
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
        names = ", ".join(p.id for p in plans) or "none"
        raise UsageError(
            f"a report as a document is of one action plan: name one (the plans are {names})"
        )
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
        raise UsageError(f"{fmt.name} is a binary format: write it to a file with -o FILE")
    else:
        context.stdout.write(data.decode("utf-8"))


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def format_coverage(result: PlanCoverage, title: str | None = None) -> str:
    """One plan's coverage as text for people."""
    basis = [
        f"declaration {result.declaration}" if result.declaration else "no declaration",
        f"national plan {result.national_plan}" if result.national_plan else "no national plan",
    ]
    heading = result.plan + (f" ({title})" if title else "")
    lines = [f"{heading}: {', '.join(basis)}"]
    for item in result.commitments:
        commitment = item.commitment
        if item.covered:
            count = len(item.measures)
            state = f"focus areas {_ids(item.focus_areas)}; {count} measure{'s' * (count != 1)}"
        else:
            state = "NOT COVERED" + (
                f" (focus areas {_ids(item.focus_areas)} have no measures)"
                if item.focus_areas
                else ""
            )
        lines.append(f'  commitment "{commitment.id}" ({commitment.title}): {state}')
        for goal in item.main_goals:
            if goal.covered:
                state = f"goals {_ids(goal.goals)}; measures {_ids(goal.measures)}"
            else:
                state = "NOT COVERED"
            lines.append(f'    main goal "{goal.main_goal.id}": {state}')
    if result.priority_groups:
        lines.append(f"  priority groups of {result.national_plan}:")
        for group in result.priority_groups:
            state = f"measures {_ids(group.measures)}" if group.covered else "NOT ADDRESSED"
            lines.append(f'    "{group.group.id}" ({group.group.name}): {state}')
    if result.untraced_focus_areas:
        lines.append(f"  focus areas tracing to no commitment: {_ids(result.untraced_focus_areas)}")
    if result.untraced_goals:
        lines.append(f"  goals tracing to no main goal: {_ids(result.untraced_goals)}")
    if result.unknown_priority_groups:
        lines.append(
            f"  priority groups not in {result.national_plan}: "
            f"{_ids(result.unknown_priority_groups)}"
        )
    gaps = [
        (result.uncovered_commitments, "commitment"),
        (result.uncovered_main_goals, "main goal"),
        (result.uncovered_priority_groups, "priority group"),
    ]
    missing = [f"{len(ids)} {word}{'s' if len(ids) != 1 else ''}" for ids, word in gaps if ids]
    lines.append("  complete" if not missing else "  not covered: " + ", ".join(missing))
    return "\n".join(lines)


def _gaps_text(trace: Traceability) -> str:
    parts = []
    if trace.national_goals and not trace.national_goals_stated:
        parts.append("  national goals: not stated by the plan's focus areas or measures")
    for ids, what in (
        (trace.national_goals_without, "national goals with no measure"),
        (trace.main_goals_without, "main goals with no measure"),
        (trace.priority_groups_without, "priority groups not addressed"),
        (tuple(a.actor for a in trace.idle_actors), "actors with no task"),
        (
            tuple(f"{a.actor} ({len(a.measures)})" for a in trace.busy_actors),
            f"actors with more than {trace.many} measures",
        ),
    ):
        if ids:
            parts.append(f"  {what}: {_ids(ids)}")
    return "\n".join(parts or ["  no gaps"])


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
        raise UsageError(f"--many {args.many}: give 1 or more measures")
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
                    format_coverage(r, p.title) + "\n  gaps:\n" + _gaps_text(t),
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
        print(f"{partnership.name} has no action plans", file=context.stdout)
    else:
        print("\n\n".join(text for _json, text in reports), file=context.stdout)
    return 0


COVERAGE = Command(
    name="coverage",
    help="trace an action plan's measures to the declaration and the national priority groups",
    add_arguments=_add_arguments,
    run=_run,
)
