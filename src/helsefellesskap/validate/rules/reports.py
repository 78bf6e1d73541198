"""HF7xx: annual reports and funding rounds."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
from ...model import Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["REPORT_RULES"]


@rule("HF701", Severity.WARNING)
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
                    message(
                        "findings.body_did_not_exist", body=body.display_name, year=report.year
                    ),
                )


@rule("HF702", Severity.WARNING)
def report_year_in_plan(context: ValidationContext) -> Iterator[Hit]:
    """An annual report whose year is outside its plan's period."""
    for report in context.reports.values():
        plan = context.plans.get(report.plan or "")
        if plan is not None and not plan.period.contains_year(report.year):
            yield Hit(
                report.id,
                "$.year",
                message(
                    "findings.report_year_outside",
                    year=report.year,
                    period=plan.period.display(),
                    plan=plan.id,
                ),
            )


@rule("HF703", Severity.ERROR)
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
                    message("findings.priority_out_of_range", priority=priority, count=count),
                )
            elif priority in first:
                yield Hit(
                    funding.id,
                    path,
                    message("findings.priority_twice", priority=priority, first=first[priority]),
                )
            else:
                first[priority] = n


REPORT_RULES = (report_bodies_existed, report_year_in_plan, funding_priorities)
"""The rules about annual reports and funding rounds."""
