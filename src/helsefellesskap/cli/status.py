"""``helsefellesskap status TARGET [--on DATE] [--stale-after DAYS] [--fail-on overdue,stale]``:
the measures of an action plan by status and by responsible actor, and which are overdue
or stale on a day (today if not given).

TARGET is resolved as for ``validate``: an action plan, or a partnership (each of its
plans). The plan's status updates and the latest annual report that follows a plan up
give its measures' status. Exit status 0; 1 when ``--fail-on`` names something found
(for a scheduled job); 2 for bad data or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.reports import status_report
from ..followup.status import JSON_FORMAT, JSON_VERSION, MeasureState, PlanStatus, bundle_status
from ..messages import message
from ..model import MeasureStatus
from ..targets import resolve_target
from .coverage import add_target_arguments, plans_of, write_document, write_plan_reports
from .words import day_text, deadline_text, not_a_date, status_word

__all__ = ["FAIL_ON", "STATUS", "format_status"]

FAIL_ON = ("overdue", "stale")
"""What ``--fail-on`` can name."""

_TEXT_LIMIT = 60


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(not_a_date(text)) from None


def _counts(by_status: Mapping[MeasureStatus, int]) -> str:
    return ", ".join(
        message("cli.status.count", count=n, status=status_word(status))
        for status, n in by_status.items()
        if n
    )


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TEXT_LIMIT else line[: _TEXT_LIMIT - 1].rstrip() + "…"


def _measure_line(measure: MeasureState) -> str:
    who = f" ({', '.join(measure.names)})" if measure.names else ""
    return f"    {measure.id}: {_short(measure.text)}{who}"


def _due_text(measure: MeasureState) -> str:
    if measure.deadline is None:
        assert measure.due is not None
        return message("cli.status.no_deadline", day=day_text(measure.due))
    return message("cli.status.deadline", deadline=deadline_text(measure.deadline))


def format_status(result: PlanStatus, title: str | None = None) -> str:
    """One plan's status as text for people, in the language of messages: counts, then the
    overdue and stale measures with their text, who is responsible (by name) and readable
    deadlines."""
    heading = result.plan + (f" ({title})" if title else "")
    source = message("cli.status.with_report", report=result.report) if result.report else ""
    lines = [message("cli.status.heading", plan=heading, day=day_text(result.on), report=source)]
    lines.append(
        "  "
        + message("cli.status.measures", total=result.total)
        + (f" ({_counts(result.by_status)})" if result.total else "")
    )
    if result.by_responsible:
        lines.append("  " + message("cli.status.by_responsible"))
        width = max(len(a.name) for a in result.by_responsible)
        for actor in result.by_responsible:
            late = message("cli.status.actor_overdue", count=actor.overdue) if actor.overdue else ""
            lines.append(
                f"    {actor.name:<{width}}  {actor.total} ({_counts(actor.by_status)}{late})"
            )
    if result.unassigned:
        lines.append("  " + message("cli.status.unassigned", count=result.unassigned))
    overdue = result.overdue
    lines.append("  " + message("cli.status.overdue", count=len(overdue)))
    for measure in overdue:
        lines.append(_measure_line(measure))
        lines.append(f"      {_due_text(measure)}; {status_word(measure.status)}")
    stale = result.stale
    lines.append("  " + message("cli.status.stale", days=result.stale_after, count=len(stale)))
    for measure in stale:
        lines.append(_measure_line(measure))
        last = (
            message("cli.status.last_update", day=day_text(measure.updated))
            if measure.updated is not None
            else message("cli.status.no_update")
        )
        lines.append(f"      {last}; {status_word(measure.status)}")
    if result.unknown_follow_ups:
        ids = ", ".join(result.unknown_follow_ups)
        lines.append("  " + message("cli.status.unknown_follow_ups", ids=ids))
    return "\n".join(lines)


def _fail_on(text: str) -> tuple[str, ...]:
    chosen = tuple(word.strip() for word in text.split(",") if word.strip())
    wrong = [word for word in chosen if word not in FAIL_ON]
    if wrong or not chosen:
        raise argparse.ArgumentTypeError(message("cli.status.fail_on_values", text=repr(text)))
    return chosen


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--on",
        type=_day,
        metavar="DATE",
        help=message("help.status.on"),
    )
    parser.add_argument(
        "--stale-after",
        type=int,
        metavar="DAYS",
        help=message("help.status.stale_after"),
    )
    parser.add_argument(
        "--fail-on",
        type=_fail_on,
        default=(),
        metavar="overdue,stale",
        help=message("help.status.fail_on"),
    )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    target = resolve_target(args.target, context.manager)
    plans = plans_of(target)
    day: dt.date = args.on if args.on is not None else dt.date.today()
    if args.stale_after is not None and args.stale_after < 0:
        raise UsageError(message("cli.status.stale_after", days=args.stale_after))
    results = bundle_status(target.bundle, plans, on=day, stale_after=args.stale_after)
    if args.format not in ("text", "json"):
        write_document(
            args,
            context,
            target,
            lambda plan: status_report(
                target.bundle, plan.id, on=day, stale_after=args.stale_after
            ),
            plans,
        )
    else:
        write_plan_reports(
            args.format,
            context,
            target,
            {"format": JSON_FORMAT, "version": JSON_VERSION, "on": day.isoformat()},
            [(r.to_json(), format_status(r, p.title)) for r, p in zip(results, plans, strict=True)],
            output=args.output,
        )
    found = {
        "overdue": any(r.overdue for r in results),
        "stale": any(r.stale for r in results),
    }
    return 1 if any(found[what] for what in args.fail_on) else 0


STATUS = Command(
    name="status",
    help="count an action plan's measures by status and responsible, and list the overdue "
    "and stale",
    add_arguments=_add_arguments,
    run=_run,
)
