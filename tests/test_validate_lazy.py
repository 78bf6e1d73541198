"""Rules declared by their code (``lazy_rule``): the declarations say what the rules say,
the manager lists them without loading and loads them to validate, and a declaration
that does not hold is the plugin's failure (issue 11 §3)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from helsefellesskap import BodyKind, PluginManager, Rule, Severity, hookimpl
from helsefellesskap.builtin.kinds import FSU_RULE_CODES
from helsefellesskap.builtin.rules import hf_rules as builtin_rules
from helsefellesskap.messages import use_language
from helsefellesskap.model import ID_PATTERN
from helsefellesskap.plugins.registries import PARTNERSHIP_ID_PATTERN
from helsefellesskap.validate.lazy import (
    LazyRule,
    RuleLoadError,
    declaration_mismatches,
    lazy_rule,
)
from helsefellesskap.validate.rules import BUILTIN_RULES, FSU_RULES

HERE = __name__
"""This module, whose rules the tests declare lazily."""

ONE = Rule(code="XL001", severity=Severity.INFO, title="t", explanation="e", check=lambda c: [])
TWO = Rule(code="XL002", severity=Severity.INFO, title="t", explanation="e", check=lambda c: [])
BOTH = (ONE, TWO)
NOT_RULES = ("XL001",)


def plugin(**hooks: Any) -> SimpleNamespace:
    """A plugin object whose attributes are the given hook implementations."""
    return SimpleNamespace(**hooks)


def manager_with(*declared: object) -> PluginManager:
    manager = PluginManager(plugins=[], entry_points=False)

    def hf_rules() -> list[object]:
        return list(declared)

    manager.register(plugin(hf_rules=hookimpl(hf_rules)), name="lazy")
    return manager


def test_the_builtin_declarations_are_the_builtin_rules_in_their_order() -> None:
    declared = builtin_rules()
    assert all(isinstance(item, LazyRule) for item in declared)
    assert [item.code for item in declared] == [rule.code for rule in BUILTIN_RULES]
    assert [item.load() for item in declared] == list(BUILTIN_RULES)
    assert all(item.load() is rule for item, rule in zip(declared, BUILTIN_RULES, strict=True))


def test_the_fsu_declarations_are_the_fsu_rules() -> None:
    assert tuple(rule.code for rule in FSU_RULES) == FSU_RULE_CODES
    kind = PluginManager(entry_points=False).body_kinds()["professional-committee"]
    assert all(isinstance(item, LazyRule) for item in kind.declared_rules)
    assert kind.rules == FSU_RULES


def test_every_installed_declaration_holds() -> None:
    manager = PluginManager()
    declared = manager.registry("hf_rules").items
    assert "TO101" in declared and "HF201" in declared
    assert {code: declaration_mismatches(item) for code, item in declared.items()} == {
        code: [] for code in declared
    }
    rules = manager.rules()
    assert list(rules) == list(declared)
    assert all(isinstance(rule, Rule) and rule.code == code for code, rule in rules.items())
    assert not [f for f in manager.failures if f.hook == "hf_rules"]


def test_the_listing_names_the_rules_without_loading_them() -> None:
    declared = lazy_rule("XL001", f"{HERE}:ONE")
    manager = manager_with(declared)
    manager.collect()
    assert manager.registry("hf_rules").items == {"XL001": declared}
    assert declared._loaded is None  # not loaded by listing
    assert declared.plugin == "lazy"
    assert manager.rules() == {"XL001": ONE}


def test_a_declaration_takes_its_rule_from_a_tuple_of_rules() -> None:
    assert lazy_rule("XL002", f"{HERE}:BOTH").load() is TWO
    assert lazy_rule("XL001", f"{HERE}:ONE").load() is ONE


def test_a_ready_rule_and_a_declaration_register_side_by_side() -> None:
    manager = manager_with(ONE, lazy_rule("XL002", f"{HERE}:BOTH"))
    assert manager.rules() == {"XL001": ONE, "XL002": TWO}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (f"{HERE}:BOTH", f"{HERE}:BOTH has no rule XL009 (it has XL001, XL002), but `lazy_rule`"),
        (f"{HERE}:NOT_RULES", f"returned {HERE}:NOT_RULES where a Rule is expected"),
        (f"{HERE}:MISSING", f"failed to import {HERE}:MISSING: AttributeError("),
        ("no_such_module_xl:RULES", "failed to import no_such_module_xl:RULES: ModuleNotFound"),
    ],
)
def test_a_declaration_that_does_not_hold_is_the_plugins_failure(
    target: str, expected: str
) -> None:
    declared = lazy_rule("XL009", target)
    assert declaration_mismatches(declared)[0].startswith(expected)
    manager = manager_with(ONE, declared)
    assert list(manager.registry("hf_rules").items) == ["XL001", "XL009"]  # listed
    assert manager.rules() == {"XL001": ONE}  # left out of validation
    (failure,) = manager.failures
    assert (failure.plugin, failure.hook) == ("lazy", "hf_rules")
    assert failure.message.startswith(expected)
    with pytest.raises(RuleLoadError) as raised:
        declared.load()
    assert str(raised.value).startswith(f"plugin 'lazy' in hook hf_rules: {expected}")


def test_the_mismatch_is_worded_in_nb_and_nn() -> None:
    declared = lazy_rule("XL009", f"{HERE}:BOTH")
    start = f"{HERE}:BOTH har ingen regel XL009 (den har XL001, XL002), men `lazy_rule`"
    with use_language("nb"):
        assert declaration_mismatches(declared) == [f"{start} oppgir XL009"]
    with use_language("nn"):
        assert declaration_mismatches(declared) == [f"{start} oppgjev XL009"]


@pytest.mark.parametrize("target", ["module_only", ":NAME", "module:"])
def test_a_target_names_a_module_and_a_name(target: str) -> None:
    with pytest.raises(ValueError, match=r"is not 'package\.module:name'"):
        lazy_rule("XL001", target)


def test_a_body_kind_lists_its_declared_rules_and_loads_them_to_validate() -> None:
    declared = lazy_rule("XL002", f"{HERE}:BOTH")
    kind = BodyKind(name="k", rules=(ONE, declared))
    assert kind.declared_rules == (ONE, declared)
    assert declared._loaded is None
    assert kind.rules == (ONE, TWO)


def test_a_shipped_partnership_id_is_checked_with_the_models_pattern() -> None:
    assert PARTNERSHIP_ID_PATTERN.pattern == ID_PATTERN.pattern
    assert PARTNERSHIP_ID_PATTERN.flags == ID_PATTERN.flags
