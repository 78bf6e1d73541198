"""The partnership's own validation rule: GP and user representatives vote in SSU.

Helsefellesskapet Troms og Ofoten decided to give the GP representatives and the user
representatives (the youth representatives among them) a vote in its strategic
committee (consultation response of March 2022; annual report 2022). Elsewhere these
representatives often sit as observers, so the national rules do not require it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from helsefellesskap import Finding, PartnerKind, Right, Rule, Severity

from .data_folder import PARTNERSHIP_ID

if TYPE_CHECKING:
    from helsefellesskap.validate.context import ValidationContext

__all__ = ["SSU_VOTE_RULE", "VOTING_KINDS", "check_ssu_votes"]

STRATEGIC_COMMITTEE = "strategic-committee"

VOTING_KINDS: tuple[tuple[PartnerKind, str], ...] = (
    (PartnerKind.GP_REPRESENTATIVES, "the GP representatives (fastlegerepresentanter)"),
    (PartnerKind.USER_REPRESENTATIVES, "the user representatives (brukerrepresentanter)"),
    (PartnerKind.YOUTH_REPRESENTATIVES, "the youth representatives (ungdomsrepresentanter)"),
)
"""The kinds of partner that must hold a voting seat in SSU, with how to name them."""


def check_ssu_votes(context: ValidationContext) -> Iterator[Finding]:
    """Yield a finding for each kind of representative without a vote in SSU.

    Only Troms og Ofoten is checked; other partnerships decide this for themselves.
    """
    if context.partnership_id != PARTNERSHIP_ID:
        return
    file = context.file_of(context.partnership_id)
    committees = context.bodies_of_kind(STRATEGIC_COMMITTEE)
    if not committees:
        yield Finding(
            code=SSU_VOTE_RULE.code,
            severity=SSU_VOTE_RULE.severity,
            message="the partnership has no strategic committee (SSU) to give the votes in",
            path="$.bodies",
            document=context.partnership_id,
            file=file,
            suggestion=f'add a body with kind = "{STRATEGIC_COMMITTEE}"',
        )
        return
    for position, body in committees:
        voting: set[str] = set()
        for seat in body.seats:
            if Right.VOTE in seat.rights:
                voting |= context.holder_kinds(seat.holder)
        for kind, who in VOTING_KINDS:
            if kind in voting:
                continue
            yield Finding(
                code=SSU_VOTE_RULE.code,
                severity=SSU_VOTE_RULE.severity,
                message=f"{who} have no vote in {body.display_name}",
                path=f"$.bodies[{position}].seats",
                document=context.partnership_id,
                file=file,
                suggestion=(
                    f'give a seat whose holder is of kind "{kind.value}" the right "vote": '
                    f'rights = ["attend", "speak", "vote"]'
                ),
            )


SSU_VOTE_RULE = Rule(
    code="TO101",
    severity=Severity.ERROR,
    title="GP and user representatives have a vote in SSU",
    explanation=(
        "Helsefellesskapet Troms og Ofoten has given the GP representatives and the user "
        "representatives, the youth representatives among them, a vote in the strategic "
        "committee (SSU). A seat for them without the right to vote contradicts that "
        "decision."
    ),
    check=check_ssu_votes,
    fix='Give the seat of each of them in SSU the rights ["attend", "speak", "vote"].',
)
"""TO101: the local rule of Troms og Ofoten."""
