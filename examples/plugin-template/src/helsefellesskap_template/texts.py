"""The template's messages and rule texts in nb, nn and en.

Findings are worded when a rule finds them, in the language of messages the caller chose
(``helsefellesskap -l nn validate …``): ``message("findings.no_deadline", measure=…)``,
from ``messages/<language>/findings.toml``. A rule's title, explanation and fix come from
``messages/<language>/ruletexts.toml``: :func:`english` gives the :class:`Rule` its
English texts, and :func:`rule_label_catalogues` gives all three languages to
``helsefellesskap rules`` as the labels ``rule.CODE.title``, ``rule.CODE.explanation`` and
``rule.CODE.fix``. One file per language holds every text, so a translator edits TOML only
(``helsefellesskap.testing.check_message_catalogues("helsefellesskap_template")`` checks
that every key is in every language).
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue
from helsefellesskap.messages import LANGUAGES, Messages

__all__ = ["english", "message", "rule_label_catalogues"]

message = Messages("helsefellesskap_template")
"""The template's messages (``messages/<language>/*.toml`` in this package)."""

_PARTS = ("title", "explanation", "fix")


def english(code: str, part: str) -> str:
    """The English ``part`` (``title``, ``explanation`` or ``fix``) of the rule ``code``."""
    return message(f"ruletexts.{code}.{part}", "en")


def rule_label_catalogues(*codes: str) -> list[LabelCatalogue]:
    """The texts of the rules ``codes`` in every language, as label catalogues."""
    return [
        LabelCatalogue(
            language=language,
            labels={
                f"rule.{code}.{part}": message(f"ruletexts.{code}.{part}", language)
                for code in codes
                for part in _PARTS
            },
        )
        for language in LANGUAGES
    ]
