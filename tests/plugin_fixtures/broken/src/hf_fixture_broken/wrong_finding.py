"""A rule that yields a string instead of a Finding."""

from collections.abc import Iterator

from helsefellesskap import Rule, Severity, ValidationContext, hookimpl


def _check(context: ValidationContext) -> Iterator[object]:
    yield "everything is fine"


@hookimpl
def hf_rules() -> list[Rule]:
    return [
        Rule(
            code="BRK100",
            severity=Severity.ERROR,
            title="yields text",
            explanation="A broken rule for the tests.",
            check=_check,
        )
    ]
