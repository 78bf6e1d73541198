"""A consultation response sent on behalf of the partnership, question by question."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import check_id_list, non_empty
from .deadline import Deadline
from .document import Document
from .text import Section

__all__ = ["ConsultationResponse", "Question"]


@attrs.frozen(kw_only=True)
class Question:
    """A question put to the partnership and its answer, paragraph by paragraph."""

    text: str = attrs.field(validator=non_empty)
    number: int | None = None
    answer: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ConsultationResponse(Document):
    """A consultation response (*høringsinnspill*) sent on behalf of the partnership."""

    KIND: ClassVar[str] = "consultation-response"
    FOLDER: ClassVar[str] = "consultations"

    date: Deadline
    to: str = attrs.field(validator=non_empty)
    reference: str | None = None
    subject: str | None = None
    introduction: tuple[str, ...] = ()
    inputs_from: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()
