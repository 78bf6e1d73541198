"""The partnership (*helsefellesskap*) and its settings, as kept in ``partnership.toml``."""

from __future__ import annotations

import enum

import attrs

from ._base import InvalidValue, check_id, non_empty, one_line
from .body import Body
from .partner import Group, Partner, PartnerKind, Role
from .progress import FollowUpSettings

__all__ = [
    "GENERATED_PARTS",
    "AbbreviationList",
    "Actor",
    "Layout",
    "Partnership",
    "RuleSetting",
    "Severity",
]

Actor = Partner | Body | Role | Group
"""Anything a document can name as responsible or as a seat holder."""


class Severity(enum.Enum):
    """How serious a validation finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class RuleSetting:
    """A partnership's own setting for one validation rule, with the reason for it.

    ``enabled = false`` switches the rule off; ``severity`` changes how its findings count.
    """

    reason: str = attrs.field(validator=non_empty)
    enabled: bool = True
    severity: Severity | None = None


GENERATED_PARTS = ("abbreviations", "national_goals", "priority_groups", "commitments")
"""Parts of an action plan that renderers generate from the data and a layout may omit:
the abbreviations list, the national goals, the priority groups, and the declaration's
commitments."""


def check_generated_parts(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    """attrs validator: every name is one of :data:`GENERATED_PARTS`."""
    for index, part in enumerate(value):
        if part not in GENERATED_PARTS:
            listing = ", ".join(f'"{p}"' for p in GENERATED_PARTS)
            raise InvalidValue(
                f"{part!r} is not a part a layout can omit",
                field=f"omit[{index}]",
                hint=f"write one of {listing}",
            )


class AbbreviationList(enum.Enum):
    """Which bodies a document's list of abbreviations shows."""

    MENTIONED = "mentioned"
    ALL = "all"


@attrs.frozen(kw_only=True)
class Layout:
    """How the partnership's documents are laid out when rendered.

    ``measure_columns`` are the columns of the goals and measures table, chosen from
    ``goal``, ``ongoing_work``, ``measure``, ``responsible``, ``deadline``, ``status``.
    ``abbreviations`` chooses which bodies the abbreviations list shows: ``mentioned``
    (those the document names) or ``all`` (every body with an abbreviation). ``omit`` names
    parts the renderers generate that a partnership's documents leave out, from
    :data:`GENERATED_PARTS`.
    """

    measure_columns: tuple[str, ...] = ("goal", "measure", "responsible")
    abbreviations: AbbreviationList = AbbreviationList.MENTIONED
    omit: tuple[str, ...] = attrs.field(default=(), validator=check_generated_parts)
    language: str = "nb"
    template_set: str | None = None


@attrs.frozen(kw_only=True)
class Partnership:
    """A helsefellesskap: one hospital trust, its municipalities and the other partners.

    Every partner, body, role and group has an id unique across all four, because
    documents refer to any of them by id (``responsible = ["fsu-rest", "unn"]``).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    short_name: str | None = None
    region: str | None = None
    established: int | None = None
    url: str | None = None
    description: str | None = None
    partners: tuple[Partner, ...] = ()
    bodies: tuple[Body, ...] = ()
    roles: tuple[Role, ...] = ()
    groups: tuple[Group, ...] = ()
    layout: Layout = attrs.Factory(Layout)
    rules: dict[str, RuleSetting] = attrs.field(factory=dict)
    follow_up: FollowUpSettings = attrs.Factory(FollowUpSettings)
    example: bool = False
    notes: tuple[str, ...] = ()

    def actors(self) -> dict[str, Actor]:
        """Every partner, body, role and group by id (the first wins on a clash)."""
        found: dict[str, Actor] = {}
        for collection in (self.partners, self.bodies, self.roles, self.groups):
            for item in collection:
                found.setdefault(item.id, item)
        return found

    def partner(self, partner_id: str) -> Partner | None:
        """The partner with ``partner_id``, if any."""
        return next((p for p in self.partners if p.id == partner_id), None)

    def body(self, body_id: str) -> Body | None:
        """The body with ``body_id``, if any."""
        return next((b for b in self.bodies if b.id == body_id), None)

    def partners_of_kind(self, kind: PartnerKind) -> tuple[Partner, ...]:
        """The partners of one kind, in order."""
        return tuple(p for p in self.partners if p.kind is kind)

    def group_members(self, group: Group) -> tuple[Partner, ...]:
        """The partners a group stands for."""
        if group.everyone:
            return self.partners
        chosen = set(group.members)
        return tuple(p for p in self.partners if p.id in chosen or p.kind in group.kinds)
