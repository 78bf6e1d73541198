"""The Norwegian words for the model's enum values (bokmål and nynorsk).

Files write enum values in English (``status = "started"``); people write Norwegian. The
``update`` command accepts these words; loading a file does not (nothing is silently
converted) but names the English word to write (``"påbegynt"`` → ``"started"``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from .body import BodyStatus, DecisionRule, Right, Term
from .partnership import Severity
from .progress import MeasureStatus

__all__ = ["NORWEGIAN_WORDS", "STATUS_WORDS", "english_word"]

STATUS_WORDS: Mapping[str, MeasureStatus] = {
    **{status.value: status for status in MeasureStatus},
    "planlagt": MeasureStatus.PLANNED,
    "påbegynt": MeasureStatus.STARTED,
    "påbyrja": MeasureStatus.STARTED,
    "startet": MeasureStatus.STARTED,
    "starta": MeasureStatus.STARTED,
    "pågår": MeasureStatus.STARTED,
    "fullført": MeasureStatus.DONE,
    "ferdig": MeasureStatus.DONE,
    "gjennomført": MeasureStatus.DONE,
    "utsatt": MeasureStatus.POSTPONED,
    "utsett": MeasureStatus.POSTPONED,
    "avlyst": MeasureStatus.CANCELLED,
    "stoppet": MeasureStatus.CANCELLED,
    "stoppa": MeasureStatus.CANCELLED,
    "avsluttet": MeasureStatus.CANCELLED,
}
"""The words a status may be given with: the English values of
:class:`~helsefellesskap.model.MeasureStatus` and their Norwegian (bokmål and nynorsk)
equivalents."""

NORWEGIAN_WORDS: Mapping[type[enum.Enum], Mapping[str, enum.Enum]] = {
    MeasureStatus: {w: s for w, s in STATUS_WORDS.items() if w != s.value},
    Right: {
        "stemmerett": Right.VOTE,
        "møterett": Right.ATTEND,
        "talerett": Right.SPEAK,
        "forslagsrett": Right.PROPOSE,
    },
    BodyStatus: {
        "planlagt": BodyStatus.PLANNED,
        "under etablering": BodyStatus.BEING_ESTABLISHED,
        "aktiv": BodyStatus.ACTIVE,
        "avviklet": BodyStatus.CLOSED,
        "avvikla": BodyStatus.CLOSED,
        "nedlagt": BodyStatus.CLOSED,
        "lagt ned": BodyStatus.CLOSED,
    },
    Term: {
        "fast": Term.PERMANENT,
        "varig": Term.PERMANENT,
        "permanent": Term.PERMANENT,
        "tidsavgrenset": Term.TIME_LIMITED,
        "tidsavgrensa": Term.TIME_LIMITED,
        "midlertidig": Term.TIME_LIMITED,
        "mellombels": Term.TIME_LIMITED,
    },
    DecisionRule: {
        "konsensus": DecisionRule.CONSENSUS,
        "enighet": DecisionRule.CONSENSUS,
        "semje": DecisionRule.CONSENSUS,
        "avstemning": DecisionRule.VOTE,
        "avstemming": DecisionRule.VOTE,
        "rådgivende": DecisionRule.ADVISORY,
        "rådgjevande": DecisionRule.ADVISORY,
    },
    Severity: {
        "feil": Severity.ERROR,
        "advarsel": Severity.WARNING,
        "åtvaring": Severity.WARNING,
        "informasjon": Severity.INFO,
    },
}
"""Norwegian words (bokmål and nynorsk, lower case) for enum values, by enum class."""


def english_word(cls: type[enum.Enum], word: str) -> str | None:
    """The English value that the Norwegian ``word`` means for ``cls``, if it is one."""
    found = NORWEGIAN_WORDS.get(cls, {}).get(word.strip().lower())
    return None if found is None else str(found.value)
