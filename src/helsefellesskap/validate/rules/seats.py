"""HF4xx: seats in the partnership's leading bodies."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
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
            listing = ", ".join(context.kind_label(kind) for kind in missing)
            key = "categories_unseated" if body.seats else "categories_no_seats"
            yield Hit(
                context.partnership_id,
                f"$.bodies[{position}].seats",
                message(f"findings.{key}", body=body.display_name, listing=listing),
            )


@rule("HF401", Severity.WARNING)
def ssu_categories(context: ValidationContext) -> Iterator[Hit]:
    """An SSU without a seat for some member category."""
    yield from _every_category(context, "strategic-committee")


@rule("HF402", Severity.WARNING)
def pm_categories(context: ValidationContext) -> Iterator[Hit]:
    """A partnership meeting without a seat for some member category."""
    yield from _every_category(context, "partnership-meeting")


@rule("HF403", Severity.WARNING)
def one_seat_per_holder(context: ValidationContext) -> Iterator[Hit]:
    """A holder seated twice in the same body."""
    for b, body in enumerate(context.partnership.bodies):
        seen: dict[str, int] = {}
        for s, seat in enumerate(body.seats):
            if seat.holder in seen:
                yield Hit(
                    context.partnership_id,
                    f"$.bodies[{b}].seats[{s}].holder",
                    message(
                        "findings.seat_twice",
                        holder=seat.holder,
                        body=body.display_name,
                        first=seen[seat.holder],
                    ),
                )
            else:
                seen[seat.holder] = s


SEAT_RULES = (ssu_categories, pm_categories, one_seat_per_holder)
"""The rules about seats."""
