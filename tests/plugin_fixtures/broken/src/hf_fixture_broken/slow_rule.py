"""A rule that never ends."""

import time
from collections.abc import Iterator

from helsefellesskap import Finding, Rule, Severity, ValidationContext, hookimpl


def _check(context: ValidationContext) -> Iterator[Finding]:
    while True:
        time.sleep(0.05)
    yield  # pragma: no cover - makes this a generator


@hookimpl
def hf_rules() -> list[Rule]:
    return [
        Rule(
            code="BRK200",
            severity=Severity.ERROR,
            title="never ends",
            explanation="A broken rule for the tests.",
            check=_check,
        )
    ]
