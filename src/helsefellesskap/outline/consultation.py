"""The outline of a consultation response (høringsinnspill): to whom and on what, the
introduction, each question with its answer, and the response's own sections."""

from __future__ import annotations

from .. import model
from ..render.format import RenderContext
from .blocks import Block, Heading, Outline, Section, Text, runs
from .common import Builder

__all__ = ["build_consultation"]


def build_consultation(response: model.ConsultationResponse, context: RenderContext) -> Outline:
    """The outline of ``response``."""
    out = Builder(response, context)
    blocks: list[Block] = out.start(response.title)
    blocks += out.facts(
        [
            ("consultation.date", response.date.display()),
            ("consultation.to", response.to),
            ("consultation.reference", response.reference),
            ("consultation.subject", response.subject),
            (
                "consultation.inputs_from",
                response.inputs_from_text or out.names(response.inputs_from),
            ),
        ]
    )
    blocks += out.abbreviations()
    blocks += out.paragraphs(response.introduction)
    if response.questions:
        questions: list[Block] = []
        for index, question in enumerate(response.questions, start=1):
            number = question.number if question.number is not None else index
            heading = Heading(
                level=3,
                runs=runs(
                    out.label("consultation.question", number=number), Text(": "), question.text
                ),
            )
            questions.append(
                Section(
                    heading=heading,
                    blocks=(
                        *out.paragraphs(question.answer),
                        *out.bullets(question.bullets),
                        *out.paragraphs(question.closing),
                    ),
                    role="question",
                )
            )
        blocks.append(
            Section(
                heading=out.label_heading(2, "consultation.questions"),
                blocks=tuple(questions),
                role="questions",
            )
        )
    blocks += [out.section(section, 2) for section in response.sections]
    return out.outline(response.title, blocks)
