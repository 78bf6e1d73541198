"""How the built-in rules are written: a check yields :class:`Hit` records, and
:func:`rule` turns it into a :class:`~helsefellesskap.validate.Rule` whose findings carry
the rule's code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from ...model import Severity
from ..context import ValidationContext
from ..finding import Finding, Rule

__all__ = ["Hit", "HitCheck", "rule"]


@attrs.frozen
class Hit:
    """Where a rule found something: the document id, the path, what is wrong and,
    where one is close, the value the user probably meant."""

    document: str
    path: str
    message: str
    suggestion: str | None = None


HitCheck = Callable[[ValidationContext], Iterable[Hit]]
"""A built-in check: it reads the context and yields hits."""


def rule(
    code: str,
    severity: Severity,
    title: str,
    explanation: str,
    fix: str,
    *,
    body_kind: str | None = None,
) -> Callable[[HitCheck], Rule]:
    """Decorator: make a :class:`Rule` of a check that yields :class:`Hit` records."""

    def wrap(check: HitCheck) -> Rule:
        def run(context: ValidationContext) -> Iterator[Finding]:
            for hit in check(context):
                yield Finding(
                    code=code,
                    severity=severity,
                    message=hit.message,
                    path=hit.path,
                    document=hit.document,
                    suggestion=hit.suggestion,
                )

        run.__name__ = check.__name__
        run.__doc__ = check.__doc__
        return Rule(
            code=code,
            severity=severity,
            title=title,
            explanation=explanation,
            fix=fix,
            check=run,
            body_kind=body_kind,
        )

    return wrap
