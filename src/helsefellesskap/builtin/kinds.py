"""Built-in plugin: the body kinds of the national helsefellesskap arrangement."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kinds import BodyKind
    from ..validate.finding import Rule
    from ..validate.lazy import LazyRule

__all__ = ["FSU_RULE_CODES", "builtin_kinds", "hf_body_kinds"]


def _kind(
    name: str,
    nb: str,
    nn: str,
    en: str,
    abbreviation: str | None,
    description: str,
    rules: tuple[Rule, ...] | Callable[[], tuple[Rule | LazyRule, ...]] = (),
) -> BodyKind:
    from ..kinds import BodyKind

    return BodyKind(
        name=name,
        labels={"nb": nb, "nn": nn, "en": en},
        abbreviation=abbreviation,
        description=description,
        rules=rules,
    )


FSU_RULE_CODES: tuple[str, ...] = ("HF301", "HF302", "HF303", "HF304", "HF305", "HF306")
"""The codes of the national FSU requirements, in the order of ``FSU_RULES``."""


def _fsu_rules() -> tuple[LazyRule, ...]:
    """The FSU rules, declared by their codes (their module imported when they load)."""
    from ..validate.lazy import lazy_rule

    target = "helsefellesskap.validate.rules.fsu:FSU_RULES"
    return tuple(lazy_rule(code, target) for code in FSU_RULE_CODES)


@functools.cache
def builtin_kinds() -> tuple[BodyKind, ...]:
    """The body kinds every partnership has at hand (built on first use).

    The FSU rules come with ``professional-committee``, declared by their codes: their
    module is imported only when its :attr:`~helsefellesskap.BodyKind.rules` are first
    read (to validate), so rendering or listing does not import any validation rule.
    """
    return (
        _kind(
            "partnership-meeting",
            "partnerskapsmøte",
            "partnarskapsmøte",
            "partnership meeting",
            "PM",
            "The top leadership of the partners; meets at least yearly and sets the direction.",
        ),
        _kind(
            "strategic-committee",
            "strategisk samarbeidsutvalg",
            "strategisk samarbeidsutval",
            "strategic committee",
            "SSU",
            "Decides on patient pathways and service development; gives the FSU mandates.",
        ),
        _kind(
            "professional-committee",
            "faglig samarbeidsutvalg",
            "fagleg samarbeidsutval",
            "professional committee",
            "FSU",
            "Drafts procedures and pathways under a mandate from SSU.",
            _fsu_rules,
        ),
        _kind(
            "secretariat",
            "sekretariat",
            "sekretariat",
            "secretariat",
            "SEKR",
            "The shared secretariat of the partnership.",
        ),
        _kind(
            "working-group",
            "arbeidsgruppe",
            "arbeidsgruppe",
            "working group",
            None,
            "A group set up for a task.",
        ),
        _kind(
            "revision-committee",
            "revisjonsutvalg",
            "revisjonsutval",
            "revision committee",
            None,
            "Revises the cooperation agreement.",
        ),
        _kind(
            "sub-committee",
            "underutvalg",
            "underutval",
            "sub-committee",
            None,
            "A committee under another body.",
        ),
        _kind(
            "network",
            "nettverk",
            "nettverk",
            "network",
            None,
            "A professional network across the partners.",
        ),
        _kind(
            "project-group",
            "prosjektgruppe",
            "prosjektgruppe",
            "project group",
            None,
            "A project's group, often local to one municipality and the hospital.",
        ),
        _kind(
            "project",
            "prosjekt",
            "prosjekt",
            "project",
            None,
            "A project or programme the partners run together.",
        ),
        _kind(
            "department",
            "avdeling",
            "avdeling",
            "department",
            None,
            "A department of a partner that documents name as responsible.",
        ),
    )


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    """The built-in body kinds."""
    return list(builtin_kinds())
