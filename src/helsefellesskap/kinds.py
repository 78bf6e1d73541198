"""Body kinds: what kind of governance body a :class:`~helsefellesskap.model.Body` is."""

from __future__ import annotations

import attrs

from .validate.finding import Rule

__all__ = ["BodyKind", "PartnerKindSpec"]


@attrs.frozen(kw_only=True)
class BodyKind:
    """A kind of governance body (``professional-committee``), contributed by a plugin.

    ``labels`` gives its name by language code (``{"nb": "faglig samarbeidsutvalg"}``);
    ``rules`` are the validation rules that come with the kind (the national FSU
    requirements come with ``professional-committee``).
    """

    name: str
    labels: dict[str, str] = attrs.field(factory=dict)
    abbreviation: str | None = None
    description: str = ""
    rules: tuple[Rule, ...] = ()

    def label(self, language: str = "nb") -> str:
        """The kind's name in ``language``, falling back to bokmål, then its id."""
        return self.labels.get(language) or self.labels.get("nb") or self.name


@attrs.frozen(kw_only=True)
class PartnerKindSpec:
    """A kind of partner a plugin adds to the built-in :class:`~helsefellesskap.PartnerKind`
    (``private-hospital`` for a private non-profit hospital), written as a partner's
    ``kind`` in ``partnership.toml``.

    ``labels`` gives its name by language code (``{"nb": "privat ideelt sykehus",
    "nn": "privat ideelt sjukehus", "en": "private non-profit hospital"}``); they become
    the labels ``partner_kind.<name>`` every document and the governance overview use.
    """

    name: str
    labels: dict[str, str] = attrs.field(factory=dict)
    description: str = ""

    def label(self, language: str = "nb") -> str:
        """The kind's name in ``language``, falling back to bokmål, then its id."""
        return self.labels.get(language) or self.labels.get("nb") or self.name
