"""HF7xx: annual reports and funding rounds."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["REPORT_RULES"]


@rule(
    "HF701",
    Severity.WARNING,
    "Bodies in an annual report existed that year",
    "An annual report counts the meetings and the structure of its year. A body that was "
    "not yet established, or had closed before the year began, cannot have met.",
    "Correct the body id, the report's year, or the body's history in partnership.toml.",
)
def report_bodies_existed(context: ValidationContext) -> Iterator[Hit]:
    """A body named by an annual report that did not exist in its year."""
    for report in context.reports.values():
        named: list[tuple[str, str]] = [
            (f"$.meetings[{n}].body", m.body)
            for n, m in enumerate(report.meetings)
            if m.body is not None
        ]
        named.extend(
            (f"$.structure[{n}].bodies[{k}]", body)
            for n, line in enumerate(report.structure)
            for k, body in enumerate(line.bodies)
        )
        for path, body_id in named:
            body = context.bodies.get(body_id)
            if body is not None and not context.existed_in(body, report.year):
                yield Hit(
                    report.id,
                    path,
                    f"{body.display_name} did not exist in {report.year}",
                )


@rule(
    "HF702",
    Severity.WARNING,
    "An annual report's year lies within its plan's period",
    "An annual report follows up the plan in force in its year.",
    "Correct the report's year or its plan key.",
)
def report_year_in_plan(context: ValidationContext) -> Iterator[Hit]:
    """An annual report whose year is outside its plan's period."""
    for report in context.reports.values():
        plan = context.plans.get(report.plan or "")
        if plan is not None and not plan.period.contains_year(report.year):
            yield Hit(
                report.id,
                "$.year",
                f"the year {report.year} is outside the period {plan.period.display()} of plan "
                f'"{plan.id}"',
            )


@rule(
    "HF703",
    Severity.ERROR,
    "A funding round's priorities are 1 to n, each once",
    "Applications in a funding round are ranked: with n applications the priorities are "
    "1, 2, … n, each used once, so that the ranking sent on is unambiguous.",
    "Renumber the priorities 1 to n in the order the partnership decided.",
)
def funding_priorities(context: ValidationContext) -> Iterator[Hit]:
    """A priority used twice or outside 1..n."""
    for funding in context.funding_rounds.values():
        count = len(funding.applications)
        first: dict[int, int] = {}
        for n, application in enumerate(funding.applications):
            priority = application.priority
            path = f"$.applications[{n}].priority"
            if not 1 <= priority <= count:
                yield Hit(
                    funding.id,
                    path,
                    f"priority {priority} is outside 1..{count} ({count} applications)",
                )
            elif priority in first:
                yield Hit(
                    funding.id,
                    path,
                    f"priority {priority} is also given to applications[{first[priority]}]",
                )
            else:
                first[priority] = n


REPORT_RULES = (report_bodies_existed, report_year_in_plan, funding_priorities)
"""The rules about annual reports and funding rounds."""
