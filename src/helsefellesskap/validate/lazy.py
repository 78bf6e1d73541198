"""Validation rules declared by their code, whose module is imported when they first run.

A plugin's ``hf_rules`` (and a body kind's ``rules``) is asked by every command that
lists what the plugins contribute (``helsefellesskap plugins``), which prints only the
rules' codes; a rule module imports the validation context and the model, so answering
with ready :class:`~helsefellesskap.Rule` objects makes listing the plugins import them.
:func:`lazy_rule` declares a rule by its code and the ``"package.module:name"`` that
holds it; the module is imported when the rule is first needed
(:meth:`.PluginManager.rules`: to validate, or to word it for ``helsefellesskap rules``),
as :func:`~helsefellesskap.render.lazy.lazy_format` does for render formats.

The name is a :class:`Rule`, or a collection of rules (the module's tuple of rules) among
which the one with the declared code is taken. The declaration must say what the rule
says: :meth:`LazyRule.load` refuses a target without a rule of the declared code
(:func:`declaration_mismatches` lists the differences, for a plugin's tests). This module
imports neither the model nor the validation engine.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import PluginError
from ..messages import message

if TYPE_CHECKING:
    from .finding import Rule

__all__ = ["LazyRule", "RuleLoadError", "declaration_mismatches", "lazy_rule"]


class RuleLoadError(PluginError):
    """A lazily declared rule that could not be loaded; ``reason`` says why, without the
    plugin's name in front."""

    def __init__(self, reason: str, *, plugin: str) -> None:
        super().__init__(reason, plugin=plugin, hook="hf_rules")
        self.reason = reason


class LazyRule:
    """A validation rule declared by its :attr:`code`; the module of :attr:`target` is
    imported, and the rule taken from it, on first :meth:`load`.

    Made by :func:`lazy_rule`.
    """

    __slots__ = ("_loaded", "_lock", "code", "plugin", "target")

    def __init__(self, code: str, target: str) -> None:
        self.code = code
        """The rule's code (``HF201``): what ``helsefellesskap plugins`` lists."""
        self.target = target
        """``"package.module:name"``: a :class:`Rule`, or rules among which this one."""
        self.plugin: str | None = None
        """The plugin that declared the rule, once the plugin manager knows it (named in
        the error when the rule cannot be loaded)."""
        self._loaded: Rule | None = None
        self._lock = threading.Lock()

    def load(self) -> Rule:
        """The rule itself: :attr:`target` imported and the rule of :attr:`code` taken
        from it (once).

        :raises RuleLoadError: the module cannot be imported, or the name holds no
            :class:`Rule` with the declared code.
        """
        if self._loaded is not None:
            return self._loaded
        with self._lock:
            if self._loaded is None:
                self._loaded = self._import()
        return self._loaded

    def _import(self) -> Rule:
        from .finding import Rule

        found = _target_value(self)
        candidates = [found] if isinstance(found, Rule) else _rules_in(found, Rule)
        if not candidates:
            raise self._error(message("plugins.not_an_instance", value=self.target, cls="Rule"))
        for candidate in candidates:
            if candidate.code == self.code:
                return candidate
        codes = ", ".join(rule.code for rule in candidates)
        raise self._error(
            message(
                "plugins.rule_declared_otherwise", target=self.target, codes=codes, code=self.code
            )
        )

    def _error(self, text: str) -> RuleLoadError:
        return RuleLoadError(text, plugin=self.plugin or self.target)

    def __repr__(self) -> str:
        return f"<lazy rule {self.code!r} from {self.target}>"


def _target_value(declared: LazyRule) -> object:
    from ..plugins.discovery import load_entry_point

    try:
        return load_entry_point(declared.target)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # a broken plugin must not take the command down
        raise declared._error(
            message("plugins.import_failed", module=declared.target, error=repr(error))
        ) from error


def _rules_in(value: object, rule_type: type[Rule]) -> list[Rule]:
    """The rules in a collection of rules (a tuple, list, …); empty for anything else."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return []
    items = list(value)
    if not items or not all(isinstance(item, rule_type) for item in items):
        return []
    return items


def lazy_rule(code: str, target: str) -> LazyRule:
    """A validation rule declared by its ``code``, held by ``target``
    (``"package.module:name"``: a :class:`Rule`, or the module's tuple of rules), which
    is imported when the rule is first needed.

    Return it from ``hf_rules`` (or give it in a body kind's ``rules``) instead of the
    :class:`Rule`, so that listing the plugins does not import the rule's module.
    """
    module_name, _, attribute = target.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"target {target!r} is not 'package.module:name'")
    if not code:
        raise ValueError("a lazy rule needs its code")
    return LazyRule(code, target)


def declaration_mismatches(item: object) -> list[str]:
    """Why a lazy rule's declaration does not hold (its target has no rule of its code,
    or cannot be imported), without loading it into ``item``: for a plugin's tests; empty
    for a declaration that holds, or a ready :class:`Rule`."""
    if not isinstance(item, LazyRule):
        return []
    try:
        LazyRule(item.code, item.target).load()
    except RuleLoadError as error:
        return [error.reason]
    return []
