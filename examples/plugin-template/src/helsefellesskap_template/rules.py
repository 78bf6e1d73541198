"""The template's validation rule: every measure in Malby's action plans has a deadline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from helsefellesskap import ActionPlan, Finding, Rule, Severity

from . import PARTNERSHIP_ID

__all__ = ["MEASURE_DEADLINE"]


def _check_deadlines(context: Any) -> Iterator[Finding]:
    """Yield a finding for each measure without a deadline, in Malby's plans only.

    ``context`` is the validation context: ``context.bundle`` is the partnership and its
    documents. A rule for one partnership returns early for every other one.
    """
    bundle = context.bundle
    if bundle.partnership.id != PARTNERSHIP_ID:
        return
    for plan in bundle.documents_of(ActionPlan):
        for a, area in enumerate(plan.focus_areas):
            for g, goal in enumerate(area.goals):
                for m, measure in enumerate(goal.measures):
                    if measure.deadline is None:
                        yield Finding(
                            code=MEASURE_DEADLINE.code,
                            severity=MEASURE_DEADLINE.severity,
                            message=f"tiltaket {measure.id!r} har ingen frist",
                            path=f"$.focus_areas[{a}].goals[{g}].measures[{m}].deadline",
                            document=plan.id,
                            file=bundle.file_of(plan),
                            suggestion="skriv for eksempel deadline = 2026",
                        )


MEASURE_DEADLINE = Rule(
    code="TPL001",
    severity=Severity.WARNING,
    title="Every measure in Malby's plans has a deadline",
    explanation="Malby's partnership meeting follows up measures by their deadline.",
    fix="Give the measure a deadline: a year, a span of years, a date or a phrase.",
    check=_check_deadlines,
)
"""Rule ``TPL001``."""
