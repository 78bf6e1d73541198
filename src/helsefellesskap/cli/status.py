"""``helsefellesskap status TARGET [--on DATE]``: the measures of an action plan by status
and by responsible actor, and which are overdue on a day (today if not given).

TARGET is resolved as for ``validate``: an action plan, or a partnership (each of its
plans). The latest annual report that follows a plan up gives its measures' status.
Exit status 0, or 2 for bad data or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping

from ..command import Command, CommandContext
from ..followup.status import JSON_FORMAT, JSON_VERSION, PlanStatus, bundle_status
from ..followup.values import toml_text, toml_value
from ..model import MeasureStatus
from ..targets import resolve_target
from .coverage import add_target_arguments, plans_of, write_plan_reports

__all__ = ["STATUS", "format_status"]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-01-31"
        ) from None


def _counts(by_status: Mapping[MeasureStatus, int]) -> str:
    return ", ".join(f"{n} {status.value}" for status, n in by_status.items() if n)


def format_status(result: PlanStatus, title: str | None = None) -> str:
    """One plan's status as text for people."""
    heading = result.plan + (f" ({title})" if title else "")
    source = f", with annual report {result.report}" if result.report else ""
    lines = [f"{heading} on {result.on.isoformat()}{source}"]
    lines.append(
        f"  measures: {result.total}" + (f" ({_counts(result.by_status)})" if result.total else "")
    )
    if result.by_responsible:
        lines.append("  by responsible:")
        width = max(len(a.name) for a in result.by_responsible)
        for actor in result.by_responsible:
            late = f", {actor.overdue} overdue" if actor.overdue else ""
            lines.append(
                f"    {actor.name:<{width}}  {actor.total} ({_counts(actor.by_status)}{late})"
            )
    if result.unassigned:
        lines.append(f"  with no one responsible: {result.unassigned}")
    overdue = result.overdue
    lines.append(f"  overdue: {len(overdue)}")
    for measure in overdue:
        assert measure.deadline is not None
        lines.append(
            f"    {measure.id} ({measure.path}): deadline {toml_text(toml_value(measure.deadline))}"
            f" (latest {measure.deadline.latest.isoformat()}), {measure.status.value}"
        )
    if result.unknown_follow_ups:
        lines.append(
            f"  the report follows up measures the plan does not have: "
            f"{', '.join(result.unknown_follow_ups)}"
        )
    return "\n".join(lines)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--on",
        type=_day,
        metavar="DATE",
        help="the day to find overdue measures on (YYYY-MM-DD; default today)",
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    target = resolve_target(args.target, context.manager)
    plans = plans_of(target)
    day: dt.date = args.on if args.on is not None else dt.date.today()
    results = bundle_status(target.bundle, plans, on=day)
    return write_plan_reports(
        args.format,
        context,
        target,
        {"format": JSON_FORMAT, "version": JSON_VERSION, "on": day.isoformat()},
        [(r.to_json(), format_status(r, p.title)) for r, p in zip(results, plans, strict=True)],
    )


STATUS = Command(
    name="status",
    help="count an action plan's measures by status and responsible, and list the overdue",
    add_arguments=_add_arguments,
    run=_run,
)
