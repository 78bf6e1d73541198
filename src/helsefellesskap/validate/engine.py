"""The rule engine: run every rule once over a bundle, apply the partnership's settings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..errors import UsageError
from ..model import Bundle, Severity
from .context import ValidationContext
from .finding import Finding, Rule
from .results import RuleOutcome, ValidationReport

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["RULE_FAILED", "validate"]

RULE_FAILED = "HF001"
"""The code of the finding the engine reports when a rule raises instead of finishing."""


def _rule_failed(rule: Rule, error: Exception, partnership: str) -> Finding:
    return Finding(
        code=RULE_FAILED,
        severity=Severity.ERROR,
        message=f"rule {rule.code} ({rule.title}) failed to run: {error!r}",
        path="$",
        document=partnership,
    )


def validate(
    bundle: Bundle,
    *,
    manager: PluginManager | None = None,
    rules: Iterable[Rule] | None = None,
    documents: Iterable[str] | None = None,
) -> ValidationReport:
    """Validate a partnership and its documents; return the findings, never print.

    :param bundle: the partnership and its documents (:func:`helsefellesskap.load_bundle`).
    :param manager: where rules and body kinds come from; a new
        :class:`~helsefellesskap.PluginManager` with the installed plugins if not given.
    :param rules: run only these rules instead of every registered one.
    :param documents: keep only the findings in these documents (ids; the partnership's
        id stands for ``partnership.toml``).
    :return: a :class:`ValidationReport`. A rule that raises does not stop the others: it
        becomes an ``HF001`` error finding naming the rule.

    The partnership's ``[rules.CODE]`` settings switch rules off or change the severity
    of their findings; a setting for an unknown code is reported by ``HF002``.
    """
    if not isinstance(bundle, Bundle):
        raise UsageError(
            f"validate() takes a Bundle (a partnership with its documents), not "
            f"{type(bundle).__name__}: load one with load_bundle(), or build "
            f"Bundle(partnership=..., documents=(...,))"
        )
    if manager is None:
        from ..plugins import PluginManager

        manager = PluginManager()
    registered = manager.rules()
    chosen = dict(registered) if rules is None else {rule.code: rule for rule in rules}
    partnership = bundle.partnership
    context = ValidationContext(
        bundle,
        body_kinds=manager.body_kinds(),
        rule_codes=set(registered) | set(chosen),
    )
    wanted = None if documents is None else frozenset(documents)
    findings: list[Finding] = []
    ran: list[str] = []
    outcomes: list[RuleOutcome] = []
    for code in sorted(chosen):
        rule = chosen[code]
        setting = partnership.rules.get(code)
        if setting is not None and (not setting.enabled or setting.severity is not None):
            outcomes.append(
                RuleOutcome(
                    code=code,
                    reason=setting.reason,
                    enabled=setting.enabled,
                    severity=setting.severity,
                )
            )
        if setting is not None and not setting.enabled:
            continue
        ran.append(code)
        try:
            produced = list(rule.check(context))
        except Exception as error:  # a broken rule must not stop the others
            produced = [_rule_failed(rule, error, partnership.id)]
        for finding in produced:
            if setting is not None and setting.severity is not None and finding.code == code:
                finding = attrs.evolve(finding, severity=setting.severity)
            if finding.file is None:
                finding = attrs.evolve(finding, file=context.file_of(finding.document))
            if wanted is None or finding.document in wanted:
                findings.append(finding)
    findings.sort(key=Finding.order_key)
    return ValidationReport(
        partnership=partnership.id,
        findings=tuple(findings),
        rules=tuple(ran),
        settings=tuple(outcomes),
        root=bundle.root,
    )
