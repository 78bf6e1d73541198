"""Findings: their order, and the one-construction copies the engine makes of them."""

from __future__ import annotations

from pathlib import Path

import attrs

from helsefellesskap.model import Severity
from helsefellesskap.validate.finding import Finding, sort_findings, sort_settling

PATHS = [
    "$",
    "$.z",
    "$.bodies",
    "$.bodies[2]",
    "$.bodies[2].kind",
    "$.bodies[10].kind",
    "$.bodies[10]",
    "$.focus_areas[0].goals[1].measures[12].deadline",
    "$.focus_areas[0].goals[1].measures[2].deadline",
    "$.focus_areas[0].goals[1].measures[2].responsible[0]",
    '$.translations["nb"].title',
    '$.translations["en"].title',
    "$.a.b",
    "$.a[0]",
]


def _findings() -> list[Finding]:
    found = []
    for n, path in enumerate(PATHS):
        for file in (None, Path("b.toml"), Path("a.toml")):
            for code in ("HF605", "HF102"):
                found.append(
                    Finding(
                        code=code,
                        severity=Severity.INFO,
                        message=f"m{n % 3}",
                        path=path,
                        file=file,
                    )
                )
    return found[::-1]


def test_sort_findings_gives_the_order_of_order_key() -> None:
    findings = _findings()
    expected = sorted(findings, key=Finding.order_key)
    sort_findings(findings)
    assert findings == expected
    assert [f.path for f in findings if f.file is None and f.code == "HF102"][:6] == [
        "$",
        "$.a.b",
        "$.a[0]",
        "$.bodies",
        "$.bodies[2]",
        "$.bodies[2].kind",
    ]


def test_sort_settling_gives_the_order_of_order_key_with_the_file_each_is_to_have() -> None:
    files = (None, Path("b.toml"), Path("a.toml"), Path("b.toml"))  # two equal, not the same
    settling = [
        (finding, Severity.WARNING, files[n % len(files)]) for n, finding in enumerate(_findings())
    ]
    expected = sorted(settling, key=lambda e: attrs.evolve(e[0], file=e[2]).order_key())
    sort_settling(settling)
    assert [(id(f), file) for f, _, file in settling] == [(id(f), file) for f, _, file in expected]


def test_order_key_compares_list_indexes_as_numbers() -> None:
    def key(path: str) -> object:
        return Finding(code="A", severity=Severity.INFO, message="m", path=path).order_key()

    assert key("$.bodies[2].kind") < key("$.bodies[10].kind")
    assert key("$.bodies[10]") < key("$.bodies[10].kind")


def test_placed_and_at_change_only_what_they_name() -> None:
    finding = Finding(
        code="HF201",
        severity=Severity.ERROR,
        message="m",
        path="$.x",
        document="plan",
        suggestion="y",
        line=3,
        column=4,
    )
    placed = finding.placed(Severity.WARNING, Path("plans/plan.toml"))
    assert placed == attrs.evolve(finding, severity=Severity.WARNING, file=Path("plans/plan.toml"))
    assert placed.at(7, 1) == attrs.evolve(placed, line=7, column=1)


@attrs.frozen(kw_only=True)
class _PluginFinding(Finding):
    extra: str = "kept"


def test_a_plugins_subclass_keeps_its_class_and_fields() -> None:
    finding = _PluginFinding(code="X1", severity=Severity.INFO, message="m", extra="mine")
    placed = finding.placed(Severity.ERROR, Path("a.toml")).at(1, 2)
    assert type(placed) is _PluginFinding
    assert placed.extra == "mine"
    assert (placed.severity, placed.file, placed.line, placed.column) == (
        Severity.ERROR,
        Path("a.toml"),
        1,
        2,
    )


def test_new_finding_is_the_finding_the_keywords_make() -> None:
    from helsefellesskap.validate.finding import new_finding

    for file in (None, Path("plans/a.toml")):
        for suggestion in (None, "fsu-a"):
            made = new_finding("HF201", Severity.ERROR, "m", "$.a[0].b", "plan", file, suggestion)
            assert type(made) is Finding
            assert made == Finding(
                code="HF201",
                severity=Severity.ERROR,
                message="m",
                path="$.a[0].b",
                document="plan",
                file=file,
                suggestion=suggestion,
            )
            assert (made.line, made.column) == (None, None)
