"""Body kinds: what kind of governance body a :class:`~helsefellesskap.model.Body` is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .validate.finding import Rule
    from .validate.lazy import LazyRule

    KindRules = tuple[Rule | LazyRule, ...] | Callable[[], Iterable[Rule | LazyRule]]
    """What a body kind's ``rules`` may be: the rules, or a function returning them."""

__all__ = ["EXTRA_FIELD_PLACES", "EXTRA_FIELD_TYPES", "BodyKind", "ExtraField", "PartnerKindSpec"]


@attrs.frozen(kw_only=True)
class BodyKind:
    """A kind of governance body (``professional-committee``), contributed by a plugin.

    ``labels`` gives its name by language code (``{"nb": "faglig samarbeidsutvalg"}``);
    ``rules`` are the validation rules that come with the kind (the national FSU
    requirements come with ``professional-committee``): a tuple, or a function without
    arguments returning them, called the first time they are read, so a kind whose rules
    are heavy to import costs nothing until something validates. A rule may be declared
    by its code (:func:`~helsefellesskap.validate.lazy.lazy_rule`): :attr:`rules` loads
    it, :attr:`declared_rules` (what ``helsefellesskap plugins`` lists) does not.
    """

    name: str
    labels: dict[str, str] = attrs.field(factory=dict)
    abbreviation: str | None = None
    description: str = ""
    _rules: KindRules = attrs.field(
        default=(), alias="rules", eq=lambda rules: _resolve(rules), repr=False
    )
    _resolved: tuple[Rule | LazyRule, ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    _loaded: tuple[Rule, ...] | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def declared_rules(self) -> tuple[Rule | LazyRule, ...]:
        """The kind's rules as given, a rule declared by its code not loaded (a function
        given as ``rules`` is called once, here)."""
        if self._resolved is None:
            object.__setattr__(self, "_resolved", _resolve(self._rules))
        assert self._resolved is not None
        return self._resolved

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The kind's validation rules, each declared by its code loaded (once, here).

        :raises ~helsefellesskap.validate.lazy.RuleLoadError: a declared rule cannot be
            loaded.
        """
        if self._loaded is None:
            from .validate.lazy import LazyRule

            loaded = tuple(
                rule.load() if isinstance(rule, LazyRule) else rule for rule in self.declared_rules
            )
            object.__setattr__(self, "_loaded", loaded)
        assert self._loaded is not None
        return self._loaded

    def label(self, language: str = "nb") -> str:
        """The kind's name in ``language``, falling back to bokmål, then its id."""
        return self.labels.get(language) or self.labels.get("nb") or self.name


def _resolve(rules: KindRules) -> tuple[Rule | LazyRule, ...]:
    return tuple(rules()) if callable(rules) else tuple(rules)


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


EXTRA_FIELD_PLACES: tuple[str, ...] = ("body", "seat", "partner")
"""Where a plugin can declare extra fields: ``[[bodies]]``, a body's seats, ``[[partners]]``."""

EXTRA_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}
"""The types an extra field can have, with the Python types a value of each may be."""


@attrs.frozen(kw_only=True)
class ExtraField:
    """A field a plugin adds to bodies, seats or partners, written under their ``extra``
    table in ``partnership.toml`` (``extra = { budget_owner = "kommunene" }``).

    ``place`` is ``body``, ``seat`` or ``partner``; ``type`` is ``text``, ``integer``,
    ``number`` or ``boolean``; ``choices`` lists the values allowed (any, if empty);
    ``labels`` names the field by language for the governance overview. HF216 checks every
    ``extra`` value against the declarations of the installed plugins.
    """

    name: str
    place: str
    type: str = "text"
    choices: tuple[str | int | float | bool, ...] = ()
    labels: dict[str, str] = attrs.field(factory=dict)
    description: str = ""

    @property
    def key(self) -> str:
        """``place.name``: the field's name in the registry (``body.budget_owner``)."""
        return f"{self.place}.{self.name}"

    def label(self, language: str = "nb") -> str:
        """The field's name in ``language``, falling back to bokmål, then its name."""
        return self.labels.get(language) or self.labels.get("nb") or self.name

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` for this field, or ``None``."""
        types = EXTRA_FIELD_TYPES.get(self.type, ())
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            from .messages import catalogue, current_language, message

            words = f"plugins.field_type.{self.type}"
            kind = message(words) if words in catalogue(current_language()) else self.type
            return message("plugins.field_takes", name=self.name, kind=kind, value=repr(value))
        if self.choices and value not in self.choices:
            from .messages import message

            allowed = ", ".join(repr(choice) for choice in self.choices)
            return message(
                "plugins.field_not_allowed", value=repr(value), name=self.name, allowed=allowed
            )
        return None
