"""The template's body kind: a youth council (*ungdomsråd*), with the rule that comes with it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from helsefellesskap import BodyKind, Finding, PartnerKind, Rule, Severity

from .texts import english, message

__all__ = ["YOUTH_COUNCIL", "YOUTH_SEAT"]

KIND = "youth-council"


def _check_youth_seat(context: Any) -> Iterator[Finding]:
    """Yield a finding for each youth council without a seat for a youth representative."""
    partnership = context.bundle.partnership
    for position, body in enumerate(partnership.bodies):
        if body.kind != KIND:
            continue
        holders = {seat.holder for seat in body.seats}
        youth = {p.id for p in partnership.partners_of_kind(PartnerKind.YOUTH_REPRESENTATIVES)}
        if not holders & youth:
            yield Finding(
                code=YOUTH_SEAT.code,
                severity=YOUTH_SEAT.severity,
                message=message("findings.no_youth_seat", body=body.id),
                path=f"$.bodies[{position}].seats",
                document=partnership.id,
                file=context.bundle.file_of(partnership),
            )


YOUTH_SEAT = Rule(
    code="TPL002",
    severity=Severity.ERROR,
    title=english("TPL002", "title"),
    explanation=english("TPL002", "explanation"),
    fix=english("TPL002", "fix"),
    check=_check_youth_seat,
    body_kind=KIND,
)
"""Rule ``TPL002``, which comes with the kind."""

YOUTH_COUNCIL = BodyKind(
    name=KIND,
    labels={"nb": "ungdomsråd", "nn": "ungdomsråd", "en": "youth council"},
    abbreviation="UR",
    description="Young people who advise the partnership on services for children and youth.",
    rules=(YOUTH_SEAT,),
)
"""The ``youth-council`` body kind."""
