"""HF0xx: the partnership's own rule settings."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Severity
from ..context import ValidationContext, suggest
from ._define import Hit, rule

__all__ = ["SETTINGS_RULES"]


def _closest_code(code: str, known: frozenset[str]) -> str | None:
    """The known code meant by ``code``: letters for digits (O for 0, I or l for 1) and
    lower case are tried first, then the closest spelling."""
    head, tail = code[:2].upper(), code[2:]
    repaired = head + tail.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if repaired in known:
        return repaired
    return suggest(code, known)


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
                _closest_code(code, context.rule_codes),
            )


SETTINGS_RULES = (unknown_rule_setting,)
"""The rules about rule settings."""
