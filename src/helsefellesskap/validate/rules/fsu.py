"""HF3xx: the six national requirements for a professional committee (FSU).

These rules come with the ``professional-committee`` body kind (through
:attr:`helsefellesskap.BodyKind.rules`), so they run wherever that kind is registered.
A closed committee is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
from ...model import Body, BodyStatus, PartnerKind, Severity, Term
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["FSU_KIND", "FSU_RULES", "STRATEGIC_KIND"]

FSU_KIND = "professional-committee"
"""The body kind the FSU requirements apply to."""

STRATEGIC_KIND = "strategic-committee"
"""The body kind of the strategic committee (SSU)."""

_USERS: frozenset[str] = frozenset(
    {PartnerKind.USER_REPRESENTATIVES, PartnerKind.YOUTH_REPRESENTATIVES}
)
_GPS: frozenset[str] = frozenset({PartnerKind.GP_REPRESENTATIVES})


def _committees(context: ValidationContext) -> Iterator[tuple[str, Body]]:
    for position, body in context.bodies_of_kind(FSU_KIND):
        if body.status is not BodyStatus.CLOSED:
            yield f"$.bodies[{position}]", body


def _unseated(context: ValidationContext, kinds: frozenset[str], who: str) -> Iterator[Hit]:
    """A hit at the seats of each FSU that seats no partner of ``kinds``; ``who`` is the
    message key (``fsu_no_users``), with ``_no_seats`` for a body without seats."""
    for path, body in _committees(context):
        if not any(context.holder_kinds(seat.holder) & kinds for seat in body.seats):
            key = who if body.seats else f"{who}_no_seats"
            yield Hit(
                context.partnership_id,
                f"{path}.seats",
                message(f"findings.{key}", body=body.display_name),
            )


def _is_ssu(context: ValidationContext, body_id: str | None) -> bool:
    body = context.bodies.get(body_id) if body_id is not None else None
    return body is not None and body.kind == STRATEGIC_KIND


@rule("HF301", Severity.ERROR, body_kind=FSU_KIND)
def fsu_user_representation(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a seat for user (or youth) representatives."""
    return _unseated(context, _USERS, "fsu_no_users")


@rule("HF302", Severity.ERROR, body_kind=FSU_KIND)
def fsu_gp_representation(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a seat for GP representatives."""
    return _unseated(context, _GPS, "fsu_no_gps")


@rule("HF303", Severity.ERROR, body_kind=FSU_KIND)
def fsu_ssu_steering(context: ValidationContext) -> Iterator[Hit]:
    """An FSU whose steering body is missing or not an SSU."""
    for path, body in _committees(context):
        if body.steering_body is None:
            yield Hit(
                context.partnership_id,
                f"{path}.steering_body",
                message("findings.fsu_no_steering", body=body.display_name),
            )
        elif body.steering_body in context.bodies and not _is_ssu(context, body.steering_body):
            yield Hit(
                context.partnership_id,
                f"{path}.steering_body",
                message(
                    "findings.fsu_steered_by_other",
                    body=body.display_name,
                    steering=body.steering_body,
                ),
            )


@rule("HF304", Severity.WARNING, body_kind=FSU_KIND)
def fsu_joint_mandate(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a mandate given by both an SSU and itself."""
    for path, body in _committees(context):
        if body.mandate is None:
            yield Hit(
                context.partnership_id,
                f"{path}.mandate",
                message("findings.fsu_no_mandate", body=body.display_name),
            )
            continue
        givers = body.mandate.given_by
        lacks_ssu = not any(_is_ssu(context, giver) for giver in givers)
        lacks_self = body.id not in givers
        if lacks_ssu or lacks_self:
            lacks = "both" if lacks_ssu and lacks_self else "ssu" if lacks_ssu else "self"
            yield Hit(
                context.partnership_id,
                f"{path}.mandate.given_by",
                message(f"findings.fsu_mandate_lacks_{lacks}", body=body.display_name, id=body.id),
            )


@rule("HF305", Severity.WARNING, body_kind=FSU_KIND)
def fsu_term(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a term, or time-limited without an end."""
    for path, body in _committees(context):
        if body.term is None:
            yield Hit(
                context.partnership_id,
                f"{path}.term",
                message("findings.fsu_no_term", body=body.display_name),
            )
        elif body.term is Term.TIME_LIMITED and body.ends is None:
            yield Hit(
                context.partnership_id,
                f"{path}.ends",
                message("findings.fsu_no_end", body=body.display_name),
            )


@rule("HF306", Severity.WARNING, body_kind=FSU_KIND)
def fsu_other_sectors(context: ValidationContext) -> Iterator[Hit]:
    """An FSU that does not record whether other sectors were considered."""
    for path, body in _committees(context):
        if body.other_sectors_considered is None:
            yield Hit(
                context.partnership_id,
                f"{path}.other_sectors_considered",
                message("findings.fsu_other_sectors", body=body.display_name),
            )


FSU_RULES = (
    fsu_user_representation,
    fsu_gp_representation,
    fsu_ssu_steering,
    fsu_joint_mandate,
    fsu_term,
    fsu_other_sectors,
)
"""The national FSU requirements, attached to the ``professional-committee`` kind."""
