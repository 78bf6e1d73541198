"""HF3xx: the six national requirements for a professional committee (FSU).

These rules come with the ``professional-committee`` body kind (through
:attr:`helsefellesskap.BodyKind.rules`), so they run wherever that kind is registered.
A closed committee is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

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
    """A hit at the seats of each FSU that seats no partner of ``kinds``."""
    for path, body in _committees(context):
        if not any(context.holder_kinds(seat.holder) & kinds for seat in body.seats):
            yield Hit(
                context.partnership_id,
                f"{path}.seats",
                f"{body.display_name} has no seat for {who}"
                + ("" if body.seats else " (it records no seats at all)"),
            )


def _is_ssu(context: ValidationContext, body_id: str | None) -> bool:
    body = context.bodies.get(body_id) if body_id is not None else None
    return body is not None and body.kind == STRATEGIC_KIND


@rule(
    "HF301",
    Severity.ERROR,
    "An FSU has user representation",
    "National requirement (fsu.user-representation): a professional committee always has "
    "user representation in its work. A seat counts when its holder is, or is a group or "
    "role standing for, a partner of kind user-representatives or youth-representatives.",
    "Add a seat for the user representatives, e.g. "
    '{ holder = "brukere", rights = ["attend", "speak", "vote"] }.',
    body_kind=FSU_KIND,
)
def fsu_user_representation(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a seat for user (or youth) representatives."""
    return _unseated(context, _USERS, "user representatives")


@rule(
    "HF302",
    Severity.ERROR,
    "An FSU has GP representation",
    "National requirement (fsu.gp-representation): a professional committee always has GP "
    "(fastlege) representation. A seat counts when its holder is, or stands for, a "
    "partner of kind gp-representatives.",
    "Add a seat for the GP representatives, e.g. "
    '{ holder = "fastleger", rights = ["attend", "speak", "vote"] }.',
    body_kind=FSU_KIND,
)
def fsu_gp_representation(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a seat for GP representatives."""
    return _unseated(context, _GPS, "GP representatives")


@rule(
    "HF303",
    Severity.ERROR,
    "An FSU has SSU as its steering group",
    "National requirement (fsu.ssu-steering): the strategic committee is the steering group "
    "of every professional committee. steering_body must name a body of kind "
    "strategic-committee.",
    'Set steering_body to the SSU\'s id, e.g. steering_body = "ssu".',
    body_kind=FSU_KIND,
)
def fsu_ssu_steering(context: ValidationContext) -> Iterator[Hit]:
    """An FSU whose steering body is missing or not an SSU."""
    for path, body in _committees(context):
        if body.steering_body is None:
            yield Hit(
                context.partnership_id,
                f"{path}.steering_body",
                f"{body.display_name} names no steering body; it must be the SSU",
            )
        elif body.steering_body in context.bodies and not _is_ssu(context, body.steering_body):
            yield Hit(
                context.partnership_id,
                f"{path}.steering_body",
                f'{body.display_name} is steered by "{body.steering_body}", which is not a '
                "strategic committee (SSU)",
            )


@rule(
    "HF304",
    Severity.WARNING,
    "An FSU's mandate is given jointly by SSU and the FSU",
    "National requirement (fsu.joint-mandate): the mandate of a professional committee is "
    "developed jointly by SSU and the committee. mandate.given_by lists both.",
    'Record the mandate with given_by = ["ssu", "<the FSU\'s id>"].',
    body_kind=FSU_KIND,
)
def fsu_joint_mandate(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a mandate given by both an SSU and itself."""
    for path, body in _committees(context):
        if body.mandate is None:
            yield Hit(
                context.partnership_id,
                f"{path}.mandate",
                f"{body.display_name} has no recorded mandate",
            )
            continue
        givers = body.mandate.given_by
        missing = []
        if not any(_is_ssu(context, giver) for giver in givers):
            missing.append("the SSU")
        if body.id not in givers:
            missing.append(f'the committee itself ("{body.id}")')
        if missing:
            yield Hit(
                context.partnership_id,
                f"{path}.mandate.given_by",
                f"{body.display_name}'s mandate is not given jointly: given_by lacks "
                + " and ".join(missing),
            )


@rule(
    "HF305",
    Severity.WARNING,
    "An FSU is permanent, or time-limited with an end",
    "National requirement (fsu.duration): a professional committee may be permanent or "
    "time-limited. The plan should say which, and when a time-limited one ends.",
    'Set term = "permanent", or term = "time-limited" with ends = <year or date>.',
    body_kind=FSU_KIND,
)
def fsu_term(context: ValidationContext) -> Iterator[Hit]:
    """An FSU without a term, or time-limited without an end."""
    for path, body in _committees(context):
        if body.term is None:
            yield Hit(
                context.partnership_id,
                f"{path}.term",
                f"{body.display_name} does not say whether it is permanent or time-limited",
            )
        elif body.term is Term.TIME_LIMITED and body.ends is None:
            yield Hit(
                context.partnership_id,
                f"{path}.ends",
                f"{body.display_name} is time-limited but has no end",
            )


@rule(
    "HF306",
    Severity.WARNING,
    "An FSU records whether other sectors were considered",
    "National requirement (fsu.other-sectors): a professional committee considers involving "
    "other affected sectors and actors. other_sectors_considered records that it did "
    "(true) or did not (false).",
    "Set other_sectors_considered = true (and list them in involves) or false.",
    body_kind=FSU_KIND,
)
def fsu_other_sectors(context: ValidationContext) -> Iterator[Hit]:
    """An FSU that does not record whether other sectors were considered."""
    for path, body in _committees(context):
        if body.other_sectors_considered is None:
            yield Hit(
                context.partnership_id,
                f"{path}.other_sectors_considered",
                f"{body.display_name} does not record whether other sectors were considered",
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
