"""``helsefellesskap coverage TARGET``: what of the declaration and the national plan an
action plan's measures carry out, and what they leave uncovered.

TARGET is resolved as for ``validate``: an action plan, or a partnership (each of its
plans). Exit status 0, or 2 for bad data or usage (a target that is not an action plan).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.tracing import JSON_FORMAT, JSON_VERSION, PlanCoverage, bundle_coverage
from ..model import ActionPlan
from ..targets import Target, resolve_target

__all__ = [
    "COVERAGE",
    "add_target_arguments",
    "format_coverage",
    "plans_of",
    "write_plan_reports",
]


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


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """TARGET and ``--format``, as the follow-up commands take them."""
    parser.add_argument(
        "target",
        metavar="TARGET",
        help="an action plan file, a partnership folder, or an installed partnership[/plan]",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json for tools",
    )


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


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    target = resolve_target(args.target, context.manager)
    plans = plans_of(target)
    results = bundle_coverage(target.bundle, plans)
    return write_plan_reports(
        args.format,
        context,
        target,
        {"format": JSON_FORMAT, "version": JSON_VERSION},
        [(r.to_json(), format_coverage(r, p.title)) for r, p in zip(results, plans, strict=True)],
    )


def write_plan_reports(
    form: str,
    context: CommandContext,
    target: Target,
    head: dict[str, Any],
    reports: list[tuple[dict[str, Any], str]],
) -> int:
    """Write one report per action plan, as JSON (``head``, the partnership, the plans) or
    as text blocks; a partnership without plans says so. Return the exit status (0)."""
    partnership = target.bundle.partnership
    if form == "json":
        format_and_version = {k: head[k] for k in ("format", "version")}
        rest = {k: v for k, v in head.items() if k not in format_and_version}
        data = {
            **format_and_version,
            "partnership": partnership.id,
            **rest,
            "plans": [json_form for json_form, _text in reports],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2), file=context.stdout)
    elif not reports:
        print(f"{partnership.name} has no action plans", file=context.stdout)
    else:
        print("\n\n".join(text for _json, text in reports), file=context.stdout)
    return 0


COVERAGE = Command(
    name="coverage",
    help="trace an action plan's measures to the declaration and the national priority groups",
    add_arguments=add_target_arguments,
    run=_run,
)
