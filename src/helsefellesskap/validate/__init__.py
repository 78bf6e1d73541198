"""Validation: rules with stable codes and severities that check the meaning of the data.

:func:`validate` runs every registered rule over a bundle and returns a
:class:`ValidationReport`; rules read a :class:`ValidationContext` that indexes the data
once. The built-in rules are in :mod:`helsefellesskap.validate.rules` and documented in
``docs/rules.md``.
"""

from __future__ import annotations

from .context import MeasureSpot, ValidationContext
from .engine import RULE_FAILED, validate
from .finding import Finding, Rule, RuleCheck
from .results import JSON_FORMAT, JSON_VERSION, RuleOutcome, ValidationReport

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
