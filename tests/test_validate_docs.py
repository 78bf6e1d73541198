"""docs/rules.md documents every registered rule with its code, title and severity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helsefellesskap import PluginManager
from helsefellesskap.validate import RULE_FAILED

DOC = Path(__file__).parent.parent / "docs" / "rules.md"
HEADING = re.compile(r"^### (HF\d{3}) — (.+)$", re.MULTILINE)


def sections() -> dict[str, str]:
    text = DOC.read_text("utf-8")
    found: dict[str, str] = {}
    matches = list(HEADING.finditer(text))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        found[match[1]] = text[match.start() : end]
    return found


BUILTIN = PluginManager(entry_points=False, use_env=False).rules()


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_every_builtin_rule_is_documented(code: str) -> None:
    rule = BUILTIN[code]
    section = sections().get(code)
    assert section is not None, f"{code} is missing from docs/rules.md"
    assert f"### {code} — {rule.title}" in section
    assert f"**Severity:** {rule.severity.value}" in section
    assert "**Why:**" in section and "**Fix:**" in section


def test_installed_plugins_rules_with_the_core_prefix_are_documented() -> None:
    # Rules of installed plugins use their own prefix; any HF rule must be in the list.
    documented = set(sections())
    installed = {c for c in PluginManager().rules() if c.startswith("HF")}
    assert installed - documented == set()


def test_the_engine_finding_is_documented() -> None:
    assert RULE_FAILED in sections()


def test_no_rule_is_documented_that_does_not_exist() -> None:
    assert set(sections()) - set(BUILTIN) - {RULE_FAILED} == set()


def test_every_rule_has_an_explanation_and_a_fix() -> None:
    for rule in BUILTIN.values():
        assert rule.title and rule.explanation and rule.fix, rule.code
