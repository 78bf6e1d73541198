"""Follow-up of plans: what changed between revisions, coverage, and the status of measures.

* :func:`diff` / :func:`diff_bundles`: two revisions of a document (or of a partnership
  folder) compared by id — items added, removed, moved and changed field by field.
* :func:`coverage` / :func:`bundle_coverage`: which commitments, main goals and priority
  groups an action plan's measures carry out, and which they leave uncovered.
* :func:`plan_status` / :func:`bundle_status`: measures by status and by responsible actor,
  and which are overdue or stale on a day, from dated status updates and an annual report's
  follow-ups.
* :func:`decision_status`: where the decisions of the decision logs stand on a day, and
  which have had no follow-up in time.
* :func:`record_update` / :func:`add_update`: a dated status update appended to a measure
  (or a decision), the file keeping everything else as written.

Every result is an immutable attrs object with a ``to_json()`` where the command line
writes it; nothing here prints.
"""

from __future__ import annotations

from .decisions import DecisionState, decision_status
from .recording import STATUS_WORDS, add_update, parse_status, record_update
from .revisions import BundleDiff, Change, ChangeKind, DocumentDiff, diff, diff_bundles
from .status import (
    DEFAULT_STALE_AFTER,
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
    "DEFAULT_STALE_AFTER",
    "FINISHED",
    "STATUS_WORDS",
    "ActorCount",
    "BundleDiff",
    "Change",
    "ChangeKind",
    "CommitmentCoverage",
    "DecisionState",
    "DocumentDiff",
    "MainGoalCoverage",
    "MeasureState",
    "PlanCoverage",
    "PlanStatus",
    "PriorityGroupCoverage",
    "add_update",
    "bundle_coverage",
    "bundle_status",
    "coverage",
    "decision_status",
    "diff",
    "diff_bundles",
    "parse_status",
    "plan_status",
    "record_update",
    "report_for",
    "toml_text",
]
