"""Built-in plugin: the validation rules of the core (see ``docs/rules.md``).

The national FSU requirements are not here: they come with the
``professional-committee`` body kind (:mod:`helsefellesskap.builtin.kinds`). Each rule is
declared by its code (:func:`~helsefellesskap.validate.lazy.lazy_rule`) and its module
imported when the rules are first needed (to validate, or by ``helsefellesskap rules``),
so that listing the plugins imports no rule module and no model. A test compares the
declarations with :data:`~helsefellesskap.validate.rules.BUILTIN_RULES` (codes and order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..validate.lazy import LazyRule

__all__ = ["DECLARED_RULES", "hf_rules"]

_MODULE = "helsefellesskap.validate.rules."

DECLARED_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("settings:SETTINGS_RULES", ("HF002",)),
    ("ids:ID_RULES", ("HF101", "HF102", "HF103")),
    (
        "references:REFERENCE_RULES",
        (
            "HF201",
            "HF202",
            "HF203",
            "HF204",
            "HF215",
            "HF216",
            "HF205",
            "HF206",
            "HF207",
            "HF208",
            "HF209",
            "HF210",
            "HF211",
            "HF212",
            "HF213",
        ),
    ),
    ("cycles:CYCLE_RULES", ("HF214",)),
    ("seats:SEAT_RULES", ("HF401", "HF402", "HF403")),
    ("periods:PERIOD_RULES", ("HF501", "HF502", "HF503", "HF504")),
    (
        "coverage:COVERAGE_RULES",
        ("HF601", "HF602", "HF603", "HF604", "HF605", "HF606", "HF607", "HF608"),
    ),
    ("reports:REPORT_RULES", ("HF701", "HF702", "HF703")),
    ("progress:PROGRESS_RULES", ("HF801", "HF802", "HF803", "HF804", "HF805")),
    ("agreements:AGREEMENT_RULES", ("HF901", "HF902", "HF903")),
)
"""Each module of :mod:`helsefellesskap.validate.rules` (``module:TUPLE``) with the codes
of its rules, in the order of ``BUILTIN_RULES``."""


@hookimpl
def hf_rules() -> list[LazyRule]:
    """The built-in rules, declared by their codes."""
    from ..validate.lazy import lazy_rule

    return [lazy_rule(code, _MODULE + target) for target, codes in DECLARED_RULES for code in codes]
