"""The rule engine: run every rule once over a bundle, apply the partnership's settings."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal, cast

from ..errors import UsageError
from ..gc_pause import collection_paused
from ..messages import message
from ..model import Bundle, Severity
from .context import ValidationContext
from .finding import Finding, Rule, Settling, sort_settling
from .isolation import Outcome, Produce, RuleRunner, time_limit_from_env
from .results import RuleOutcome, ValidationReport, settled_findings

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["RULE_FAILED", "validate"]

RULE_FAILED = "HF001"
"""The code of the finding the engine reports when a rule raises instead of finishing."""


def _rule_failed(rule: Rule, owner: str | None, what: str, partnership: str) -> Finding:
    """The ``HF001`` error finding for a rule that could not finish, naming it."""
    from .rule_texts import rule_text

    title = rule_text(rule).title
    text = (
        message(
            "validate.rule_failed_of_plugin",
            code=rule.code,
            title=title,
            owner=repr(owner),
            what=what,
        )
        if owner
        else message("validate.rule_failed", code=rule.code, title=title, what=what)
    )
    return Finding(
        code=RULE_FAILED,
        severity=Severity.ERROR,
        message=text,
        path="$",
        document=partnership,
    )


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:57] + '...' if len(text) > 60 else text}"


def _findings_of(
    rule: Rule,
    outcome: Outcome,
    limit: float | None,
    owner: Callable[[], str | None],
    partnership: str,
) -> Sequence[Finding]:
    """The findings of one rule, or the ``HF001`` finding that says why it has none.
    ``owner`` gives the plugin that contributed the rule: asked only for that finding."""
    if outcome.timed_out:
        return [
            _rule_failed(
                rule,
                owner(),
                message("validate.timed_out", seconds=f"{limit or 0:g}"),
                partnership,
            )
        ]
    if outcome.error is not None:
        failed = message("validate.raised", error=repr(outcome.error))
        return [_rule_failed(rule, owner(), failed, partnership)]
    items = outcome.items
    for item in items:
        if type(item) is not Finding and not isinstance(item, Finding):
            return [
                _rule_failed(
                    rule,
                    owner(),
                    message("validate.yielded", value=_describe(item)),
                    partnership,
                )
            ]
    return cast("tuple[Finding, ...]", items)  # every item a finding


def _owner(manager: PluginManager, code: str | None) -> str | None:
    """The plugin that contributed the registered rule ``code`` (``None`` for a rule
    given to :func:`validate` that is not registered)."""
    return manager.owner("hf_rules", code) if code is not None else None


def _work_of(rule: Rule, context: ValidationContext) -> Produce:
    return lambda: rule.check(context)


def _known_documents(bundle: Bundle, documents: Iterable[str]) -> frozenset[str]:
    """The ids asked for, each an id of the bundle (a :class:`UsageError` otherwise)."""
    if isinstance(documents, str):
        raise UsageError(message("validate.documents_text", text=repr(documents)))
    wanted = frozenset(documents)
    known = {bundle.partnership.id, *(d.id for d in bundle.documents)}
    for unknown in sorted(wanted - known):
        import difflib  # the did-you-mean of a wrong id only

        close = difflib.get_close_matches(unknown, sorted(known), n=1)
        hint = message("validate.did_you_mean", name=close[0]) if close else ""
        raise UsageError(
            message(
                "validate.no_document",
                partnership=bundle.partnership.name,
                id=repr(unknown),
                hint=hint,
                known=", ".join(sorted(known)),
            )
        )
    return wanted


def validate(
    bundle: Bundle,
    *,
    manager: PluginManager | None = None,
    rules: Iterable[Rule] | None = None,
    documents: Iterable[str] | None = None,
    time_limit: float | Literal["default"] | None = "default",
    positions: bool = True,
) -> ValidationReport:
    """Validate a partnership and its documents; return the findings, never print.

    :param bundle: the partnership and its documents (:func:`helsefellesskap.load_bundle`).
    :param manager: where rules and body kinds come from; the shared
        :func:`~helsefellesskap.default_manager` with the installed plugins if not given.
    :param rules: run only these rules instead of every registered one.
    :param documents: keep only the findings in these documents (ids; the partnership's
        id stands for ``partnership.toml``).
    :param time_limit: seconds each rule may run; ``None`` for no limit. By default
        :data:`~helsefellesskap.validate.isolation.DEFAULT_TIME_LIMIT` (5 seconds), or
        ``HELSEFELLESSKAP_RULE_TIME_LIMIT`` when set.
    :param positions: give each finding the line and column of its path in its file
        (the default); ``False`` leaves them as the rules gave them, for a caller that
        only counts the findings (the command line's ``render``): no file is scanned.
    :return: a :class:`ValidationReport`. A rule that raises (anything but
        :class:`KeyboardInterrupt`), yields something other than a :class:`Finding` or
        runs past the time limit does not stop the others: it becomes an ``HF001`` error
        finding naming the rule and its plugin.

    The partnership's ``[rules.CODE]`` settings switch rules off or change the severity
    of their findings; a setting for an unknown code is reported by ``HF002``.
    """
    if not isinstance(bundle, Bundle):
        raise UsageError(message("validate.not_a_bundle", type=type(bundle).__name__))
    with collection_paused():
        return _validate(bundle, manager, rules, documents, time_limit, positions)


def _validate(
    bundle: Bundle,
    manager: PluginManager | None,
    rules: Iterable[Rule] | None,
    documents: Iterable[str] | None,
    time_limit: float | Literal["default"] | None,
    positions: bool = True,
) -> ValidationReport:
    if manager is None:
        from ..plugins import default_manager

        manager = default_manager()
    limit = time_limit_from_env() if time_limit == "default" else time_limit
    registered = manager.rules()
    chosen = dict(registered) if rules is None else {rule.code: rule for rule in rules}
    partnership = bundle.partnership
    context = ValidationContext(
        bundle,
        body_kinds=manager.body_kinds(),
        partner_kinds=manager.partner_kinds(),
        extra_fields=manager.extra_fields(),
        rule_codes=set(registered) | set(chosen),
        labels=functools.partial(manager.labels, partnership=partnership.id),
    )
    wanted = None if documents is None else _known_documents(bundle, documents)
    findings: list[Settling] = []
    ran: list[str] = []
    outcomes: list[RuleOutcome] = []
    to_run: list[tuple[str, Rule]] = []
    for code in sorted(chosen):
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
        if setting is None or setting.enabled:
            to_run.append((code, chosen[code]))
    results = RuleRunner(limit).run_all([_work_of(rule, context) for _code, rule in to_run])
    for (code, rule), outcome in zip(to_run, results, strict=True):
        ran.append(code)
        setting = partnership.rules.get(code)
        owner = functools.partial(_owner, manager, code if code in registered else None)
        severity = setting.severity if setting is not None else None
        found = _findings_of(rule, outcome, limit, owner, partnership.id)
        if wanted is None and severity is None:  # the common case, in one pass
            file_of = context.file_of
            findings += [(f, f.severity, f.file or file_of(f.document)) for f in found]
            continue
        for finding in found:
            if wanted is not None and finding.document not in wanted:
                continue
            overridden = severity is not None and finding.code == code
            findings.append(
                (
                    finding,
                    severity if overridden and severity is not None else finding.severity,
                    finding.file or context.file_of(finding.document),
                )
            )
    # sorted, then each made once with its severity, file, line and column
    sort_settling(findings)
    return ValidationReport(
        partnership=partnership.id,
        findings=settled_findings(findings, bundle)
        if positions
        else tuple(f.settled(severity, file, f.line, f.column) for f, severity, file in findings),
        rules=tuple(ran),
        settings=tuple(outcomes),
        root=bundle.root,
        plugin_failures=tuple(manager.failures),
    )
