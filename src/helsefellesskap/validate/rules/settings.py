"""HF0xx: the partnership's own rule settings."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
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


@rule("HF002", Severity.WARNING)
def unknown_rule_setting(context: ValidationContext) -> Iterator[Hit]:
    """Every ``[rules.CODE]`` whose code is not a known rule."""
    for code in context.partnership.rules:
        if code not in context.rule_codes:
            yield Hit(
                context.partnership_id,
                f"$.rules.{code}",
                message("findings.unknown_rule_setting", code=code),
                _closest_code(code, context.rule_codes),
            )


SETTINGS_RULES = (unknown_rule_setting,)
"""The rules about rule settings."""
