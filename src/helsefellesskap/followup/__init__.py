"""Follow-up of plans: what changed between revisions, coverage, and the status of measures.

* :func:`diff` / :func:`diff_bundles`: two revisions of a document (or of a partnership
  folder) compared by id — items added, removed, moved and changed field by field.
* :func:`coverage` / :func:`bundle_coverage`: which commitments, main goals and priority
  groups an action plan's measures carry out, and which they leave uncovered.
* :func:`plan_status` / :func:`bundle_status`: measures by status and by responsible actor,
  and which are overdue on a day, with an annual report's follow-ups applied.

Every result is an immutable attrs object with a ``to_json()`` where the command line
writes it; nothing here prints.
"""

from __future__ import annotations

from .revisions import BundleDiff, Change, ChangeKind, DocumentDiff, diff, diff_bundles
from .status import (
    FINISHED,
    ActorCount,
    MeasureState,
    PlanStatus,
    bundle_status,
    plan_status,
    report_for,
)
from .tracing import (
    CommitmentCoverage,
    MainGoalCoverage,
    PlanCoverage,
    PriorityGroupCoverage,
    bundle_coverage,
    coverage,
)
from .values import toml_text

__all__ = [
    "FINISHED",
    "ActorCount",
    "BundleDiff",
    "Change",
    "ChangeKind",
    "CommitmentCoverage",
    "DocumentDiff",
    "MainGoalCoverage",
    "MeasureState",
    "PlanCoverage",
    "PlanStatus",
    "PriorityGroupCoverage",
    "bundle_coverage",
    "bundle_status",
    "coverage",
    "diff",
    "diff_bundles",
    "plan_status",
    "report_for",
    "toml_text",
]
