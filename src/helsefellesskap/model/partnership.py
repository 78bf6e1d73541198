"""The partnership (*helsefellesskap*) and its settings, as kept in ``partnership.toml``."""

from __future__ import annotations

import enum

import attrs

from ..messages import message
from ._base import InvalidValue, check_id, check_year, non_empty, one_line, preview, short_title
from ._typed import typed
from .body import Body
from .language import check_language
from .links import check_url
from .national import check_national_texts
from .partner import Group, Partner, PartnerKind, Role
from .progress import FollowUpSettings

__all__ = [
    "GENERATED_PARTS",
    "MEASURE_COLUMNS",
    "AbbreviationList",
    "Actor",
    "Layout",
    "Partnership",
    "RuleSetting",
    "Severity",
    "check_measure_columns",
]

Actor = Partner | Body | Role | Group
"""Anything a document can name as responsible or as a seat holder."""


class Severity(enum.Enum):
    """How serious a validation finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True, field_transformer=typed)
class RuleSetting:
    """A partnership's own setting for one validation rule, with the reason for it.

    ``enabled = false`` switches the rule off; ``severity`` changes how its findings count.
    """

    reason: str = attrs.field(validator=non_empty)
    enabled: bool = True
    severity: Severity | None = None


GENERATED_PARTS = (
    "abbreviations",
    "national_goals",
    "priority_groups",
    "commitments",
    "white_paper",
)
"""Parts of a document that renderers generate from the data and a layout (or the
document's own ``omit``) may leave out: the abbreviations list, the national goals, the
priority groups, the declaration's commitments, and the national plan's white paper and
subtitle beside its name (``Meld. St. 9 (2023–2024)``, ``Vår felles helsetjeneste``)."""


def check_generated_parts(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    """attrs validator: every name is one of :data:`GENERATED_PARTS`."""
    for index, part in enumerate(value):
        if part not in GENERATED_PARTS:
            listing = ", ".join(f'"{p}"' for p in GENERATED_PARTS)
            raise InvalidValue(
                message("model.not_a_generated_part", part=repr(part)),
                field=f"omit[{index}]",
                hint=message("model.write_one_of", listing=listing),
            )


MEASURE_COLUMNS = ("goal", "ongoing_work", "measure", "responsible", "deadline", "status")
"""The columns a goals and measures table can have (``Layout.measure_columns``)."""


def check_measure_columns(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    """attrs validator: every column is one of :data:`MEASURE_COLUMNS`, each once, and at
    least one."""
    listing = ", ".join(f'"{c}"' for c in MEASURE_COLUMNS)
    if not value:
        raise InvalidValue(
            message("model.no_columns"),
            field="measure_columns",
            hint=message("model.write_some_of", listing=listing),
        )
    for index, column in enumerate(value):
        if column not in MEASURE_COLUMNS:
            import difflib  # a did-you-mean: only for a wrong value

            close = difflib.get_close_matches(column[:40], MEASURE_COLUMNS, n=1)
            hint = message("data.enum_did_you_mean", word=close[0]) if close else ""
            raise InvalidValue(
                message("model.unknown_column", column=preview(column)),
                field=f"measure_columns[{index}]",
                hint=message("data.enum_write_one_of", hint=hint, listing=listing),
            )
        if column in value[:index]:
            raise InvalidValue(
                message("model.column_twice", column=column),
                field=f"measure_columns[{index}]",
                hint=message("model.column_twice_hint"),
            )


class AbbreviationList(enum.Enum):
    """Which bodies a document's list of abbreviations shows."""

    MENTIONED = "mentioned"
    ALL = "all"


@attrs.frozen(kw_only=True, field_transformer=typed)
class Layout:
    """How the partnership's documents are laid out when rendered.

    ``measure_columns`` are the columns of the goals and measures table, chosen from
    ``goal``, ``ongoing_work``, ``measure``, ``responsible``, ``deadline``, ``status``.
    ``abbreviations`` chooses which bodies the abbreviations list shows: ``mentioned``
    (those the document names) or ``all`` (every body with an abbreviation). ``omit`` names
    parts the renderers generate that a partnership's documents leave out, from
    :data:`GENERATED_PARTS`.
    """

    measure_columns: tuple[str, ...] = attrs.field(
        default=("goal", "measure", "responsible"), validator=check_measure_columns
    )
    abbreviations: AbbreviationList = AbbreviationList.MENTIONED
    omit: tuple[str, ...] = attrs.field(default=(), validator=check_generated_parts)
    language: str = attrs.field(default="nb", validator=check_language)
    template_set: str | None = None


@attrs.frozen(kw_only=True, field_transformer=typed)
class Partnership:
    """A helsefellesskap: one hospital trust, its municipalities and the other partners.

    Every partner, body, role and group has an id unique across all four, because
    documents refer to any of them by id (``responsible = ["fsu-rest", "unn"]``).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    short_name: str | None = attrs.field(default=None, validator=short_title)
    region: str | None = None
    established: int | None = attrs.field(default=None, validator=check_year)
    url: str | None = attrs.field(default=None, validator=check_url)
    description: str | None = None
    partners: tuple[Partner, ...] = ()
    bodies: tuple[Body, ...] = ()
    roles: tuple[Role, ...] = ()
    groups: tuple[Group, ...] = ()
    layout: Layout = attrs.Factory(Layout)
    rules: dict[str, RuleSetting] = attrs.field(factory=dict)
    follow_up: FollowUpSettings = attrs.Factory(FollowUpSettings)
    national_texts: dict[str, dict[str, str]] = attrs.field(
        factory=dict, validator=check_national_texts
    )
    """The partnership's own wording of national texts: language → item id → text."""
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

    def partners_of_kind(self, kind: PartnerKind | str) -> tuple[Partner, ...]:
        """The partners of one kind, in order."""
        return tuple(p for p in self.partners if p.kind == kind)

    def group_bodies(self, group: Group) -> tuple[Body, ...]:
        """The bodies a group stands for, in the group's order (unknown ids left out)."""
        found = (self.body(body_id) for body_id in group.bodies)
        return tuple(body for body in found if body is not None)

    def group_members(self, group: Group) -> tuple[Partner, ...]:
        """The partners a group stands for."""
        if group.everyone:
            return self.partners
        chosen = set(group.members)
        return tuple(p for p in self.partners if p.id in chosen or p.kind in group.kinds)
