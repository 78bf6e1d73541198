"""HF4xx: seats in the partnership's leading bodies."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Body, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["SEAT_RULES"]


def _missing_kinds(context: ValidationContext, body: Body) -> list[str]:
    covered: set[str] = set()
    for seat in body.seats:
        covered |= context.holder_kinds(seat.holder)
    return sorted(context.member_kinds - covered)


def _every_category(context: ValidationContext, kind: str) -> Iterator[Hit]:
    for position, body in context.bodies_of_kind(kind):
        missing = _missing_kinds(context, body)
        if missing:
            listing = ", ".join(missing)
            what = "has no seat for" if body.seats else "records no seats; it needs seats for"
            yield Hit(
                context.partnership_id,
                f"$.bodies[{position}].seats",
                f"{body.display_name} {what} these partner categories: {listing}",
            )


_CATEGORY_EXPLANATION = (
    "Every category of member partner (health trust, municipalities, GP representatives, "
    "user representatives, …) has a place in the {what}. A seat covers a category when "
    "its holder is a partner of that kind, or a group or role standing for one. Observers "
    "and external partners are not categories that need a seat."
)


@rule(
    "HF401",
    Severity.WARNING,
    "SSU has seats for every partner category",
    _CATEGORY_EXPLANATION.format(what="strategic committee (SSU)"),
    "Add a seat for the category (a partner, or a group such as kommunene), with the "
    "rights the partnership gives it.",
)
def ssu_categories(context: ValidationContext) -> Iterator[Hit]:
    """An SSU without a seat for some member category."""
    yield from _every_category(context, "strategic-committee")


@rule(
    "HF402",
    Severity.WARNING,
    "PM has seats for every partner category",
    _CATEGORY_EXPLANATION.format(what="partnership meeting (PM)"),
    "Add a seat for the category in the partnership meeting.",
)
def pm_categories(context: ValidationContext) -> Iterator[Hit]:
    """A partnership meeting without a seat for some member category."""
    yield from _every_category(context, "partnership-meeting")


@rule(
    "HF403",
    Severity.WARNING,
    "A holder has one seat per body",
    "Each seat of a body is one holder with its rights and count; the same holder seated "
    "twice in one body double-counts it and leaves its rights unclear.",
    "Merge the two seats into one, adding up count.",
)
def one_seat_per_holder(context: ValidationContext) -> Iterator[Hit]:
    """A holder seated twice in the same body."""
    for b, body in enumerate(context.partnership.bodies):
        seen: dict[str, int] = {}
        for s, seat in enumerate(body.seats):
            if seat.holder in seen:
                yield Hit(
                    context.partnership_id,
                    f"$.bodies[{b}].seats[{s}].holder",
                    f'"{seat.holder}" already has a seat in {body.display_name} '
                    f"(seats[{seen[seat.holder]}])",
                )
            else:
                seen[seat.holder] = s


SEAT_RULES = (ssu_categories, pm_categories, one_seat_per_holder)
"""The rules about seats."""
