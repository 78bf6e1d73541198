"""A consultation response sent on behalf of the partnership, question by question."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import check_count, check_id_list, non_empty
from ._typed import typed
from .deadline import Deadline
from .document import Document
from .text import Section

__all__ = ["ConsultationResponse", "Question"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Question:
    """A question put to the partnership and its answer, paragraph by paragraph."""

    text: str = attrs.field(validator=non_empty)
    number: int | None = attrs.field(default=None, validator=check_count)
    answer: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed)
class ConsultationResponse(Document):
    """A consultation response (*høringsinnspill*) sent on behalf of the partnership.

    ``inputs_from`` names (by id) who gave input; ``inputs_from_text`` says it in the
    response's own words ("kommunene, fastlegene og helseforetaket"), shown instead of
    the actors' names where given.
    """

    KIND: ClassVar[str] = "consultation-response"
    FOLDER: ClassVar[str] = "consultations"

    date: Deadline
    to: str = attrs.field(validator=non_empty)
    reference: str | None = None
    subject: str | None = None
    introduction: tuple[str, ...] = ()
    inputs_from: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    inputs_from_text: str | None = None
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()
