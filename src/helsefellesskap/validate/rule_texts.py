"""The texts of a rule as a reader sees them: title, explanation and fix, in a language.

A rule carries its texts in English (:class:`~.finding.Rule`). :func:`rule_text` is the
one place that words a rule for a reader: a label catalogue (the core's or a plugin's)
translates a rule by the keys ``rule.CODE.title``, ``rule.CODE.explanation`` and
``rule.CODE.fix`` of its language; a text no catalogue of that language gives stays as the
rule wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .finding import Rule

__all__ = ["RULE_TEXT_PARTS", "RuleText", "rule_text"]

RULE_TEXT_PARTS: tuple[str, ...] = ("title", "explanation", "fix")
"""The texts of a rule a catalogue can translate, each under ``rule.CODE.<part>``."""


@attrs.frozen(kw_only=True)
class RuleText:
    """A rule worded for a reader: its code and severity, its texts, and the plugin that
    registered it (``None`` for the core or a rule that no plugin registered)."""

    code: str
    severity: str
    title: str
    explanation: str
    fix: str
    plugin: str | None = None
    body_kind: str | None = None

    def to_json(self) -> dict[str, str | None]:
        """The rule as a JSON object (``code``, ``severity``, ``title``, …)."""
        return attrs.asdict(self)


def rule_text(
    rule: Rule,
    labels: Mapping[str, str] | None = None,
    *,
    plugin: str | None = None,
) -> RuleText:
    """``rule``'s texts from ``labels`` (the merged labels of the reader's language,
    :meth:`PluginManager.labels <helsefellesskap.PluginManager.labels>`) where they
    translate it, else as the rule wrote them."""
    found = labels or {}

    def text(part: str, own: str) -> str:
        return found.get(f"rule.{rule.code}.{part}") or own

    return RuleText(
        code=rule.code,
        severity=rule.severity.value,
        title=text("title", rule.title),
        explanation=text("explanation", rule.explanation),
        fix=text("fix", rule.fix),
        plugin=plugin,
        body_kind=rule.body_kind,
    )
