"""The partnership's own validation rule: GP and user representatives vote in SSU.

Helsefellesskapet Troms og Ofoten decided to give the GP representatives and the user
representatives (the youth representatives among them) a vote in its strategic
committee (consultation response of March 2022; annual report 2022). Elsewhere these
representatives often sit as observers, so the national rules do not require it.

Its findings are worded in the current language of messages (nb, nn or en) from the
plugin's ``messages/<language>/findings.toml``; the rule's title, explanation and fix have
one source per language, ``messages/<language>/ruletexts.toml``: the English ones become
the :class:`Rule`'s texts, and all three reach ``helsefellesskap rules`` through the label
catalogues :func:`~.rule_texts.rule_label_catalogues` gives (``rule.TO101.title``, …).
The plugin declares the rule by its code (``lazy_rule``): this module is imported when
the rule is first needed, not when the plugins are listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from helsefellesskap import Finding, PartnerKind, Right, Rule, Severity
from helsefellesskap.messages import Messages

from .data_folder import PARTNERSHIP_ID
from .rule_texts import RULE_CODE, rule_label_catalogues

if TYPE_CHECKING:
    from helsefellesskap.validate.context import ValidationContext

__all__ = ["SSU_VOTE_RULE", "VOTING_KINDS", "check_ssu_votes", "rule_label_catalogues"]

message = Messages("helsefellesskap_troms_ofoten")
"""The plugin's messages in nb, nn and en (``messages/<language>/*.toml``)."""

STRATEGIC_COMMITTEE = "strategic-committee"

VOTING_KINDS: tuple[PartnerKind, ...] = (
    PartnerKind.GP_REPRESENTATIVES,
    PartnerKind.USER_REPRESENTATIVES,
    PartnerKind.YOUTH_REPRESENTATIVES,
)
"""The kinds of partner that must hold a voting seat in SSU (each named in the findings
by the message ``findings.who.<kind>``)."""


def check_ssu_votes(context: ValidationContext) -> Iterator[Finding]:
    """Yield a finding for each kind of representative without a vote in SSU.

    Only Troms og Ofoten is checked; other partnerships decide this for themselves. What
    to write is part of the message: a finding's ``suggestion`` is a value the user
    probably meant, and this rule has none to offer.
    """
    if context.partnership_id != PARTNERSHIP_ID:
        return
    file = context.file_of(context.partnership_id)
    committees = context.bodies_of_kind(STRATEGIC_COMMITTEE)
    if not committees:
        yield Finding(
            code=SSU_VOTE_RULE.code,
            severity=SSU_VOTE_RULE.severity,
            message=message("findings.no_ssu", kind=STRATEGIC_COMMITTEE),
            path="$.bodies",
            document=context.partnership_id,
            file=file,
        )
        return
    for position, body in committees:
        voting: set[str] = set()
        for seat in body.seats:
            if Right.VOTE in seat.rights:
                voting |= context.holder_kinds(seat.holder)
        for kind in VOTING_KINDS:
            if kind in voting:
                continue
            who = message(f"findings.who.{kind.value}")
            yield Finding(
                code=SSU_VOTE_RULE.code,
                severity=SSU_VOTE_RULE.severity,
                message=message(
                    "findings.no_vote", who=who, body=body.display_name, kind=kind.value
                ),
                path=f"$.bodies[{position}].seats",
                document=context.partnership_id,
                file=file,
            )


SSU_VOTE_RULE = Rule(
    code=RULE_CODE,
    severity=Severity.ERROR,
    title=message("ruletexts.TO101.title", "en"),
    explanation=message("ruletexts.TO101.explanation", "en"),
    check=check_ssu_votes,
    fix=message("ruletexts.TO101.fix", "en"),
)
"""TO101: the local rule of Troms og Ofoten."""
