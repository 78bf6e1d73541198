"""How the built-in rules are written: a check yields :class:`Hit` records, and
:func:`rule` turns it into a :class:`~helsefellesskap.validate.Rule` whose findings carry
the rule's code and severity.

A built-in rule's texts (title, explanation, fix) have one source per language: the
message catalogue ``messages/<language>/ruletexts.toml``, keys ``CODE.title``,
``CODE.explanation`` and ``CODE.fix``. :func:`rule` gives the :class:`Rule` its English
texts from ``messages/en/ruletexts.toml`` when it builds the rule (the code holds none);
:func:`~helsefellesskap.validate.rule_texts.rule_text` words it for a reader in nb or nn
from the same catalogues. A hit's message is worded by the check, through
:func:`~helsefellesskap.messages.message` (``findings.*``), in the current language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from ...messages import message
from ...model import Severity
from ..context import ValidationContext
from ..finding import Finding, Rule, new_finding

__all__ = ["Hit", "HitCheck", "english_text", "rule"]


class Hit(NamedTuple):
    """Where a rule found something: the document id, the path, what is wrong and,
    where one is close, the value the user probably meant.

    A named tuple rather than an attrs class: one is made per finding, and a tuple is
    made in a third of the time."""

    document: str
    path: str
    message: str
    suggestion: str | None = None


HitCheck = Callable[[ValidationContext], Iterable[Hit]]
"""A built-in check: it reads the context and yields hits."""


def english_text(code: str, part: str) -> str:
    """The English ``part`` (``title``, ``explanation`` or ``fix``) of the built-in rule
    ``code``, from ``messages/en/ruletexts.toml``."""
    return message(f"ruletexts.{code}.{part}", "en")


def rule(
    code: str,
    severity: Severity,
    *,
    body_kind: str | None = None,
) -> Callable[[HitCheck], Rule]:
    """Decorator: make a :class:`Rule` of a check that yields :class:`Hit` records, its
    title, explanation and fix read (in English) from the ``ruletexts`` catalogue."""

    def wrap(check: HitCheck) -> Rule:
        def run(context: ValidationContext) -> Iterator[Finding]:
            file_of = context.file_of  # the file here, so the engine need not place it
            for document, path, text, suggestion in check(context):
                yield new_finding(
                    code, severity, text, path, document, file_of(document), suggestion
                )

        run.__name__ = check.__name__
        run.__doc__ = check.__doc__
        return Rule(
            code=code,
            severity=severity,
            title=english_text(code, "title"),
            explanation=english_text(code, "explanation"),
            fix=english_text(code, "fix"),
            check=run,
            body_kind=body_kind,
        )

    return wrap
