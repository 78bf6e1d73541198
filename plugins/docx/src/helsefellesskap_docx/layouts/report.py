"""The follow-up documents in Word: annual report, funding round, consultation response."""

from __future__ import annotations

from helsefellesskap import (
    AnnualReport,
    ConsultationResponse,
    FundingRound,
    RenderContext,
)
from helsefellesskap.render import view

from ..writer import Cell, Run, WordWriter
from .common import abbreviation_list, begin, fact_lines, section

__all__ = ["render_annual_report", "render_consultation", "render_funding_round"]


def render_annual_report(report: AnnualReport, context: RenderContext) -> bytes:
    """The annual report as a Word document."""
    label = context.label
    partnership = context.partnership
    full = view.actor_full
    writer = begin(
        report,
        context,
        report.title,
        [
            (label("report.year"), str(report.year)),
            (label("report.case_number"), report.case_number),
            (label("report.to"), full(report.to, partnership)),
            (label("report.prepared_by"), full(report.prepared_by, partnership)),
            (label("report.on_behalf_of"), full(report.on_behalf_of, partnership)),
        ],
    )
    abbreviation_list(writer, report, context)
    if report.history is not None:
        section(writer, report.history, context, level=1, title=label("report.history"))
    if report.structure or report.people_in_active_roles or report.structure_notes:
        writer.heading(label("report.structure"), 1)
        rows = []
        for line in report.structure:
            names = ", ".join(view.actor_name(b, partnership) for b in line.bodies)
            text = line.text + (f" ({line.note})" if line.note else "")
            count = str(line.count) if line.count is not None else None
            rows.append([Cell.of(text), Cell.of(count), Cell.of(names)])
        if rows:
            headers = [
                label("report.structure"),
                label("governance.count"),
                label("governance.bodies"),
            ]
            writer.table(headers, rows, widths=[3, 1, 3])
        if report.people_in_active_roles is not None:
            count = str(report.people_in_active_roles)
            if report.people_approximate:
                count = label("report.people_approximate", count=count)
            writer.paragraph([Run(f"{label('report.people')}: ", bold=True), count])
        writer.bullets(report.structure_notes)
    if report.meetings:
        writer.heading(label("report.meetings"), 1)
        rows = [
            [Cell.of(row.who), Cell.of(row.count or None)]
            for row in view.meeting_rows(report, context)
        ]
        headers = [label("report.meeting_body"), label("report.meeting_count")]
        writer.table(headers, rows, widths=[4, 2])
    for key, items in (
        ("report.themes", report.themes),
        ("report.results", report.results),
        ("report.experiences", report.experiences),
    ):
        if items:
            writer.heading(label(key), 1)
            writer.bullets(items)
    for part in report.sections:
        section(writer, part, context, level=1)
    _measure_status(writer, report, context)
    if report.proposed_decision:
        writer.heading(label("report.proposed_decision"), 1)
        writer.paragraph(Run(report.proposed_decision, bold=True))
    return writer.to_bytes()


def _measure_status(writer: WordWriter, report: AnnualReport, context: RenderContext) -> None:
    """The plan and declaration the report follows up, and the status of each measure."""
    label = context.label
    plan = context.bundle.document(report.plan) if report.plan else None
    declaration = context.bundle.document(report.declaration) if report.declaration else None
    measures = view.followed_measures(report, context)
    facts = fact_lines(
        [
            (label("report.declaration"), declaration.title if declaration else report.declaration),
            (label("report.plan"), plan.title if plan else report.plan),
        ]
    )
    if not (facts or report.measure_status):
        return
    writer.heading(label("report.measure_status"), 1)
    for name, value in facts:
        writer.paragraph([Run(f"{name}: ", bold=True), value])
    rows: list[list[Cell | None]] = []
    for follow_up in report.measure_status:
        found = measures.get(follow_up.measure)
        text = view.measure_text(found) if found else follow_up.measure
        status = label(f"status.{follow_up.status.value}")
        rows.append([Cell.of(text), Cell.of(status), Cell.of(follow_up.note)])
    if rows:
        headers = [label("report.measure"), label("column.status"), label("report.note")]
        writer.table(headers, rows, widths=[4, 1.4, 2.6])


def render_funding_round(funding: FundingRound, context: RenderContext) -> bytes:
    """The funding round, its applications ranked, as a Word document."""
    label = context.label
    partnership = context.partnership
    decided = view.date_text(funding.decided, context.language) if funding.decided else None
    full = view.actor_full
    writer = begin(
        funding,
        context,
        funding.title,
        [
            (label("funding.year"), str(funding.year)),
            (label("funding.scheme"), funding.scheme),
            (label("funding.decided_by"), full(funding.decided_by, partnership)),
            (label("funding.decided"), decided),
            (label("funding.forwarded_to"), full(funding.forwarded_to, partnership)),
        ],
    )
    if funding.summary:
        writer.paragraph(funding.summary)
    abbreviation_list(writer, funding, context)
    ranked = funding.ranked()
    if ranked:
        writer.heading(label("funding.ranking"), 1)
        with_amount = any(a.amount is not None for a in ranked)
        with_note = any(a.note for a in ranked)
        with_applicants = any(a.applicants for a in ranked)
        headers = [label("funding.priority"), label("funding.application")]
        widths = [0.9, 4.0]
        if with_applicants:
            headers.append(label("funding.applicants"))
            widths.append(2.6)
        if with_amount:
            headers.append(label("funding.amount"))
            widths.append(1.4)
        if with_note:
            headers.append(label("funding.note"))
            widths.append(2.4)
        rows = []
        for application in ranked:
            row = [Cell.of(str(application.priority), bold=True), Cell.of(application.title)]
            if with_applicants:
                names = view.responsible_text(application.applicants, partnership, context)
                row.append(Cell.of(names))
            if with_amount:
                amount = application.amount
                row.append(Cell.of(view.amount_text(amount, context.language) if amount else None))
            if with_note:
                row.append(Cell.of(application.note))
            rows.append(row)
        writer.table(headers, rows, widths=widths)
    return writer.to_bytes()


def render_consultation(response: ConsultationResponse, context: RenderContext) -> bytes:
    """The consultation response as a Word document."""
    label = context.label
    partnership = context.partnership
    inputs = view.responsible_text(response.inputs_from, partnership, context)
    writer = begin(
        response,
        context,
        response.title,
        [
            (label("consultation.date"), response.date.display()),
            (label("consultation.to"), response.to),
            (label("consultation.reference"), response.reference),
            (label("consultation.subject"), response.subject),
            (label("consultation.inputs_from"), inputs),
        ],
    )
    abbreviation_list(writer, response, context)
    for paragraph in response.introduction:
        writer.paragraph(paragraph)
    if response.questions:
        writer.heading(label("consultation.questions"), 1)
    for index, question in enumerate(response.questions, start=1):
        number = question.number if question.number is not None else index
        writer.heading(f"{label('consultation.question', number=number)}: {question.text}", 2)
        for paragraph in question.answer:
            writer.paragraph(paragraph)
        writer.bullets(question.bullets)
        for paragraph in question.closing:
            writer.paragraph(paragraph)
    for text in response.sections:
        section(writer, text, context, level=1)
    return writer.to_bytes()
