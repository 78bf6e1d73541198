"""Validation: rules with stable codes and severities that check the meaning of the data.

:func:`validate` runs every registered rule over a bundle and returns a
:class:`ValidationReport`; rules read a :class:`ValidationContext` that indexes the data
once. The built-in rules are in :mod:`helsefellesskap.validate.rules` and documented in
``docs/rules.md``. Each name is imported from its module when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import LazyExports

if TYPE_CHECKING:
    from .context import MeasureSpot, ValidationContext
    from .engine import RULE_FAILED, validate
    from .finding import Finding, Rule, RuleCheck
    from .results import JSON_FORMAT, JSON_VERSION, RuleOutcome, ValidationReport

_EXPORTS: dict[str, str] = {
    "JSON_FORMAT": ".results",
    "JSON_VERSION": ".results",
    "RULE_FAILED": ".engine",
    "Finding": ".finding",
    "MeasureSpot": ".context",
    "Rule": ".finding",
    "RuleCheck": ".finding",
    "RuleOutcome": ".results",
    "ValidationContext": ".context",
    "ValidationReport": ".results",
    "validate": ".engine",
}
"""Where each public name lives, imported on first use (PEP 562): a plugin's rule module
importing :class:`Rule` and :class:`Finding` does not import the engine."""

__all__ = [
    "JSON_FORMAT",
    "JSON_VERSION",
    "RULE_FAILED",
    "Finding",
    "MeasureSpot",
    "Rule",
    "RuleCheck",
    "RuleOutcome",
    "ValidationContext",
    "ValidationReport",
    "validate",
]


_lazy = LazyExports(__name__, _EXPORTS)
__getattr__ = _lazy.attribute
__dir__ = _lazy.names
