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


def test_the_plugin_rule_example_in_the_docs_works() -> None:
    import types

    import attrs

    from helsefellesskap import load_bundle
    from helsefellesskap.validate import validate

    text = DOC.read_text("utf-8")
    start = text.index("## Writing a rule in a plugin")
    block = text[
        text.index("```python", start) + len("```python") : text.index("```\n", start + 40)
    ]
    namespace: dict[str, object] = {}
    exec(compile(block, "docs/rules.md", "exec"), namespace)
    plugin = types.SimpleNamespace(hf_rules=namespace["hf_rules"])
    manager = PluginManager(
        plugins=["helsefellesskap.builtin.kinds", plugin], entry_points=False, use_env=False
    )
    assert set(manager.rules()) == {"VF001", *(f"HF30{n}" for n in range(1, 7))}
    bundle = load_bundle(Path(__file__).parent / "fixtures" / "invalid" / "_base")
    assert validate(bundle, manager=manager).findings == ()
    bodies = tuple(
        attrs.evolve(b, chair=None) if b.id == "ssu" else b for b in bundle.partnership.bodies
    )
    unchaired = attrs.evolve(bundle, partnership=attrs.evolve(bundle.partnership, bodies=bodies))
    (finding,) = validate(unchaired, manager=manager).findings
    assert (finding.code, finding.path, finding.message) == (
        "VF001",
        "$.bodies[1].chair",
        "SSU has no chair",
    )
    assert finding.file == bundle.files["base"]
