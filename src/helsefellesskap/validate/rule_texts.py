"""The texts of a rule as a reader sees them: title, explanation and fix, in a language.

One source per language. The built-in rules' texts are message catalogue data:
``messages/<language>/ruletexts.toml`` holds ``CODE.title``, ``CODE.explanation`` and
``CODE.fix`` of every built-in rule in nb, nn and en; the English ones are the only copy
of them (:func:`~helsefellesskap.validate.rules._define.rule` reads them into the
:class:`~.finding.Rule` when it builds the rule, so ``rule.title`` is English). A plugin's
rule carries its own texts (in English, or the language its author wrote) and is
translated through its label catalogues.

:func:`rule_text` is the one place that words a rule for a reader, in this order:

1. a label catalogue of the reader's language (a plugin's, ``hf_label_catalogues``) under
   ``rule.CODE.title``, ``rule.CODE.explanation`` and ``rule.CODE.fix``: a plugin can
   translate its own rules and reword a built-in one (:func:`rule_labels` takes those of
   exactly that language: a bokmål label does not stand in for English);
2. the core's ``ruletexts`` catalogue of the reader's language (built-in rules);
3. the text the rule carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from ..messages import LANGUAGES, catalogue, current_language, message
from .finding import Rule

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["RULE_TEXT_PARTS", "RuleText", "rule_labels", "rule_text", "rule_titles"]

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
    language: str | None = None,
) -> RuleText:
    """``rule``'s texts in ``language`` (by default the current language of messages):
    from ``labels`` (the plugins' labels of that language, :func:`rule_labels`) where they
    translate it, else from the core's ``ruletexts`` catalogue of the language (the
    built-in rules), else as the rule wrote them."""
    found = labels or {}
    chosen = language if language in LANGUAGES else current_language()
    core = catalogue(chosen)

    def text(part: str, own: str) -> str:
        label = found.get(f"rule.{rule.code}.{part}")
        if label:
            return label
        key = f"ruletexts.{rule.code}.{part}"
        return message(key, chosen) if key in core else own

    return RuleText(
        code=rule.code,
        severity=rule.severity.value,
        title=text("title", rule.title),
        explanation=text("explanation", rule.explanation),
        fix=text("fix", rule.fix),
        plugin=plugin,
        body_kind=rule.body_kind,
    )


def rule_labels(manager: PluginManager, language: str) -> dict[str, str]:
    """The ``rule.CODE.*`` labels of the label catalogues of exactly ``language`` (general
    ones, not a partnership's), the first in call order winning: unlike the merged
    document labels, a bokmål translation of a rule does not stand in for English."""
    found: dict[str, str] = {}
    for _plugin, labels in reversed(manager.owned_catalogues()):
        if labels.language == language and labels.partnership is None:
            found.update(
                (key, text) for key, text in labels.labels.items() if key.startswith("rule.")
            )
    return found


def rule_titles(manager: PluginManager, language: str | None = None) -> dict[str, str]:
    """The title of every rule ``manager`` registers, by code, in ``language`` (by default
    the current language of messages): what ``validate``'s text report names the rules
    the partnership switched off with."""
    chosen = language if language in LANGUAGES else current_language()
    labels = rule_labels(manager, chosen)
    return {
        code: rule_text(rule, labels, language=chosen).title
        for code, rule in manager.rules().items()
    }
