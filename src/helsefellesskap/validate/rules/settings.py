"""HF0xx: the partnership's own rule settings."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Severity
from ..context import ValidationContext, suggest
from ._define import Hit, rule

__all__ = ["SETTINGS_RULES"]


@rule(
    "HF002",
    Severity.WARNING,
    "A rule setting names a rule that does not exist",
    "partnership.toml can switch a rule off or change its severity under [rules.CODE]. "
    "A code that no installed rule has changes nothing, usually because of a typing "
    "mistake or because the plugin with that rule is not installed.",
    "Correct the code (see docs/rules.md), install the plugin that adds the rule, or "
    "remove the setting.",
)
def unknown_rule_setting(context: ValidationContext) -> Iterator[Hit]:
    """Every ``[rules.CODE]`` whose code is not a known rule."""
    for code in context.partnership.rules:
        if code not in context.rule_codes:
            yield Hit(
                context.partnership_id,
                f"$.rules.{code}",
                f'there is no rule "{code}" to set',
                suggest(code, context.rule_codes),
            )


SETTINGS_RULES = (unknown_rule_setting,)
"""The rules about rule settings."""
