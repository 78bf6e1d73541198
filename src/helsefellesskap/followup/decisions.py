"""Where the decisions of a partnership's bodies stand on a day (the decision log's follow-up).

A decision's status on a day is that of its latest status update on or before the day,
else the ``status`` it was recorded with. It is *unfollowed* when it is neither done nor
cancelled, has had no update on or before the day, and more than ``decision_days`` days
have passed since its meeting (the same test as rule HF804, on any day).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..model import FINISHED, Bundle, DecisionLog, MeasureStatus

__all__ = ["DecisionState", "decision_status"]


@attrs.frozen(kw_only=True)
class DecisionState:
    """One decision's standing on a day.

    ``log`` is the id of its decision log and ``path`` its place there; ``body_name`` is how
    documents name the body that decided; ``updated`` is the day of its latest update and
    ``note`` that update's note.
    """

    id: str
    log: str
    path: str
    body: str
    body_name: str
    meeting: dt.date
    case_number: str | None
    title: str | None
    text: str
    measures: tuple[str, ...]
    status: MeasureStatus
    updated: dt.date | None = None
    note: str | None = None
    unfollowed: bool = False

    def to_json(self) -> dict[str, Any]:
        """The decision's standing as JSON data."""
        return {
            "id": self.id,
            "log": self.log,
            "path": self.path,
            "body": self.body,
            "body_name": self.body_name,
            "meeting": self.meeting.isoformat(),
            "case_number": self.case_number,
            "title": self.title,
            "measures": list(self.measures),
            "status": self.status.value,
            "updated": self.updated.isoformat() if self.updated else None,
            "note": self.note,
            "unfollowed": self.unfollowed,
        }


def decision_status(
    bundle: Bundle, *, on: dt.date | None = None, decision_days: int | None = None
) -> tuple[DecisionState, ...]:
    """Every decision of ``bundle``'s decision logs on the day ``on`` (today if not
    given), in the order of the logs; decisions made after the day are left out.

    ``decision_days`` defaults to the partnership's ``[follow_up] decision_days``.
    """
    day = on if on is not None else dt.date.today()
    days = (
        decision_days if decision_days is not None else bundle.partnership.follow_up.decision_days
    )
    bodies = {b.id: b for b in bundle.partnership.bodies}
    states: list[DecisionState] = []
    for log in bundle.documents_of(DecisionLog):
        for n, decision in enumerate(log.decisions):
            if decision.meeting > day:
                continue
            latest = decision.latest_update(day)
            status = latest.status if latest is not None else decision.status
            body = bodies.get(decision.body)
            states.append(
                DecisionState(
                    id=decision.id,
                    log=log.id,
                    path=f"$.decisions[{n}]",
                    body=decision.body,
                    body_name=body.display_name if body is not None else decision.body,
                    meeting=decision.meeting,
                    case_number=decision.case_number,
                    title=decision.title,
                    text=decision.text,
                    measures=decision.measures,
                    status=status,
                    updated=latest.date if latest is not None else None,
                    note=latest.note if latest is not None else None,
                    unfollowed=(
                        latest is None
                        and status not in FINISHED
                        and (day - decision.meeting).days > days
                    ),
                )
            )
    return tuple(states)
