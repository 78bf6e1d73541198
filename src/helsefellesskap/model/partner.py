"""Partners, named roles and groups of partners: the actors of a partnership."""

from __future__ import annotations

import enum

import attrs

from ._base import check_id, check_id_list, one_line, short_title
from ._typed import typed
from .links import check_url

__all__ = ["Group", "Membership", "Partner", "PartnerKind", "Role"]


class PartnerKind(enum.StrEnum):
    """The built-in kinds of organisation or representation a partner is.

    A partner's ``kind`` is one of these or a kind a plugin adds through
    ``hf_partner_kinds`` (:class:`~helsefellesskap.kinds.PartnerKindSpec`); a member
    compares equal to its text (``PartnerKind.MUNICIPALITY == "municipality"``).
    """

    HEALTH_TRUST = "health-trust"
    """*helseforetak*, the hospital trust."""
    MUNICIPALITY = "municipality"
    """*kommune*."""
    GP_REPRESENTATIVES = "gp-representatives"
    """*fastlegerepresentanter*."""
    USER_REPRESENTATIVES = "user-representatives"
    """*brukerrepresentanter*."""
    YOUTH_REPRESENTATIVES = "youth-representatives"
    """*ungdomsrepresentanter*, user representatives for the young."""
    COUNTY_GOVERNOR = "county-governor"
    """*Statsforvalteren*."""
    EDUCATION_INSTITUTION = "education-institution"
    """*utdanningsinstitusjon*: universities and colleges."""
    REGIONAL_HEALTH_AUTHORITY = "regional-health-authority"
    """*regionalt helseforetak* (RHF)."""
    COUNTY_MUNICIPALITY = "county-municipality"
    """*fylkeskommune*."""
    RESEARCH_INSTITUTION = "research-institution"
    """research institutes and centres."""
    OTHER = "other"
    """anything else with a place in the partnership."""


def as_partner_kind(value: str) -> str:
    """A built-in kind as its :class:`PartnerKind` member (so ``kind is
    PartnerKind.MUNICIPALITY`` holds), any other kind as written."""
    try:
        return PartnerKind(value)
    except ValueError:
        return value


def _as_partner_kinds(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(as_partner_kind(value) for value in values)


class Membership(enum.Enum):
    """How a partner stands in the partnership."""

    MEMBER = "member"
    """a party to the partnership (*partner*)."""
    OBSERVER = "observer"
    """takes part without being a party, e.g. with the right to attend and speak."""
    EXTERNAL = "external"
    """an outside organisation the documents name (a collaborator, a recipient)."""


@attrs.frozen(kw_only=True, field_transformer=typed)
class Partner:
    """A member organisation or representation of the partnership (*partner*, *part*).

    ``names`` holds the name in other languages by language code, e.g. the Northern Sami
    name under ``se``.
    """

    id: str = attrs.field(validator=check_id)
    kind: str = attrs.field(converter=as_partner_kind, validator=check_id)
    """A :class:`PartnerKind` (``municipality``) or a kind a plugin adds."""
    name: str = attrs.field(validator=one_line)
    short_name: str | None = attrs.field(default=None, validator=short_title)
    membership: Membership = Membership.MEMBER
    names: dict[str, str] = attrs.field(factory=dict)
    description: str | None = None
    url: str | None = attrs.field(default=None, validator=check_url)
    notes: tuple[str, ...] = ()
    extra: dict[str, str | int | float | bool] = attrs.field(factory=dict)
    """Fields a plugin declares for partners (``hf_extra_fields``), by name."""

    @property
    def display_name(self) -> str:
        """The short name where there is one (``UNN``), else the name."""
        return self.short_name or self.name


@attrs.frozen(kw_only=True, field_transformer=typed)
class Role:
    """A named function that documents make responsible (*samhandlingssjefene*).

    ``holders`` are the partners whose people fill the role, where the sources say so.
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    short_name: str | None = attrs.field(default=None, validator=short_title)
    description: str | None = None
    holders: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)

    @property
    def display_name(self) -> str:
        """The short name where there is one, else the name."""
        return self.short_name or self.name


@attrs.frozen(kw_only=True, field_transformer=typed)
class Group:
    """A named set of partners, or of bodies, that documents treat as one (*kommunene*,
    *felles*, *de fire områdeutvalgene*).

    Members are listed by id, or by kind (``kinds = ["municipality"]``), or ``everyone``.
    ``bodies`` lists bodies by id, so that a measure can name them together as one
    responsible (``responsible = ["omradeutvalgene"]``).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=one_line)
    members: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    bodies: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    kinds: tuple[str, ...] = attrs.field(
        default=(), converter=_as_partner_kinds, validator=check_id_list
    )
    everyone: bool = False
    description: str | None = None

    @property
    def display_name(self) -> str:
        """The group's name."""
        return self.name
