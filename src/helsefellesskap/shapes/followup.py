"""The JSON shapes of the follow-up reports: coverage and status of each action plan.

``helsefellesskap coverage --format json`` prints :func:`coverage_json` and ``status
--format json`` prints :func:`status_json` of the same data; both wrap one object per plan
in the envelope :func:`plan_reports_json` builds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import ActionPlan, Bundle

__all__ = ["coverage_json", "plan_reports_json", "status_json"]


def plan_reports_json(
    head: Mapping[str, Any], partnership: str, plans: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """The envelope of per-plan reports: ``format`` and ``version`` from ``head``, the
    partnership's id, the rest of ``head`` (``on`` for status), then ``plans``."""
    first = {key: head[key] for key in ("format", "version")}
    rest = {key: value for key, value in head.items() if key not in first}
    return {**first, "partnership": partnership, **rest, "plans": [dict(p) for p in plans]}


def coverage_json(
    bundle: Bundle, plans: tuple[ActionPlan, ...] | None = None, *, many: int | None = None
) -> dict[str, Any]:
    """The coverage of each action plan of ``bundle`` (or of ``plans``) with the gaps of its
    traceability matrix (an actor with more than ``many`` measures is a gap), as
    ``coverage --format json`` prints it (``coverage.schema.json``)."""
    from ..followup.reports import traceability_report
    from ..followup.tracing import DEFAULT_MANY_TASKS, JSON_FORMAT, JSON_VERSION, bundle_coverage

    chosen = plans if plans is not None else tuple(bundle.documents_of(ActionPlan))
    limit = DEFAULT_MANY_TASKS if many is None else many
    traces = [traceability_report(bundle, p.id, many=limit).trace for p in chosen]
    results = bundle_coverage(bundle, chosen)
    return plan_reports_json(
        {"format": JSON_FORMAT, "version": JSON_VERSION},
        bundle.partnership.id,
        [{**r.to_json(), "gaps": t.gaps_json()} for r, t in zip(results, traces, strict=True)],
    )


def status_json(
    bundle: Bundle,
    plans: tuple[ActionPlan, ...] | None = None,
    *,
    on: dt.date | None = None,
    stale_after: int | None = None,
) -> dict[str, Any]:
    """The status of each action plan of ``bundle`` (or of ``plans``) on the day ``on``
    (today if not given), as ``status --format json`` prints it (``status.schema.json``)."""
    from ..followup.status import JSON_FORMAT, JSON_VERSION, bundle_status

    day = on if on is not None else dt.date.today()
    results = bundle_status(bundle, plans, on=day, stale_after=stale_after)
    return plan_reports_json(
        {"format": JSON_FORMAT, "version": JSON_VERSION, "on": day.isoformat()},
        bundle.partnership.id,
        [r.to_json() for r in results],
    )
