"""The template's validation rule: every measure in Malby's action plans has a deadline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from helsefellesskap import ActionPlan, Finding, Rule, Severity

from . import PARTNERSHIP_ID
from .texts import english, message

__all__ = ["MEASURE_DEADLINE"]


def _check_deadlines(context: Any) -> Iterator[Finding]:
    """Yield a finding for each measure without a deadline, in Malby's plans only.

    ``context`` is the validation context: ``context.bundle`` is the partnership and its
    documents. A rule for one partnership returns early for every other one. The message
    is worded here, in the language the caller chose (see :mod:`.texts`).
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
                            message=message("findings.no_deadline", measure=measure.id),
                            path=f"$.focus_areas[{a}].goals[{g}].measures[{m}].deadline",
                            document=plan.id,
                            file=bundle.file_of(plan),
                        )


MEASURE_DEADLINE = Rule(
    code="TPL001",
    severity=Severity.WARNING,
    title=english("TPL001", "title"),
    explanation=english("TPL001", "explanation"),
    fix=english("TPL001", "fix"),
    check=_check_deadlines,
)
"""Rule ``TPL001``."""
