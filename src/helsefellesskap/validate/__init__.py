"""Validation: rules with stable codes and severities that check the meaning of the data."""

from __future__ import annotations

from .finding import Finding, Rule, RuleCheck

__all__ = ["Finding", "Rule", "RuleCheck"]
