"""The outline of an annual report (årsrapport).

The case and what it follows up; abbreviations; the history; the structure at the end
of the year; meetings held; themes, results and experiences; the report's own sections;
the status of the plan's measures; the proposed decision.
"""

from __future__ import annotations

from .. import model
from ..render import view
from ..render.format import RenderContext
from .blocks import Block, Heading, Outline, Paragraph, Section, runs
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["build_annual_report", "structure_line"]


def structure_line(line: model.StructureCount, out: Builder) -> str:
    """A line of the structure as the report words it ("Seks faglige samarbeidsutvalg");
    the count and the bodies are data for checks, said only where the text has no
    words of its own for them."""
    return line.text


def _structure(report: model.AnnualReport, out: Builder) -> list[str]:
    """The structure at the end of the year as one list: its lines, the people in
    active roles, then the notes ("Et sjuende FSU … er under etablering")."""
    lines = [structure_line(s, out) for s in report.structure]
    if report.people_in_active_roles is not None:
        count = str(report.people_in_active_roles)
        if report.people_approximate:
            count = out.text("report.people_about", count=count)
        lines.append(out.text("report.people_sentence", count=count))
    lines += report.structure_notes
    return lines


def build_annual_report(report: model.AnnualReport, context: RenderContext) -> Outline:
    """The outline of ``report``."""
    out = Builder(report, context)
    blocks: list[Block] = out.start(report.title)
    blocks += out.facts(
        [
            ("report.year", str(report.year)),
            ("report.case_number", report.case_number),
            ("report.to", out.actor_full(report.to)),
            ("report.prepared_by", out.actor_full(report.prepared_by)),
            ("report.on_behalf_of", out.actor_full(report.on_behalf_of)),
            ("report.declaration", out.document_title(report.declaration)),
            ("report.plan", out.document_title(report.plan)),
        ]
    )
    blocks += out.abbreviations()
    has_structure = bool(
        report.structure or report.people_in_active_roles is not None or report.structure_notes
    )
    history = report.history
    leads_in = history is not None and bool(history.closing) and history.closing[-1].endswith(":")
    if history is not None:
        # Where the history's last words lead into the structure ("Ved utgangen av 2022
        # består helsefellesskapet av:"), the structure is that list, in place.
        extra = (
            out.bullets(_structure(report, out), role="structure")
            if has_structure and leads_in
            else []
        )
        blocks.append(out.section(history, 2, default_title="report.history", extra=extra))
    if has_structure and not leads_in:
        structure = out.bullets(_structure(report, out), role="structure")
        blocks.append(_chapter(out, "report.structure", structure, "structure"))
    if report.meetings:
        inner: list[Block] = []
        meeting_rows = view.meeting_rows(report, context)
        if meeting_rows:
            inner.append(
                simple_table(
                    [
                        ("body", out.label("report.meeting_body")),
                        ("count", out.label("report.meeting_count")),
                    ],
                    (
                        ((text_cell(row.who, header=True), text_cell(row.count)), ())
                        for row in meeting_rows
                    ),
                    role="meetings",
                    widths=(4, 2),
                )
            )
        inner += out.paragraphs(view.meeting_rhythms(report, context))
        heading = Heading(level=2, runs=(out.label("report.meetings_year", year=report.year),))
        blocks.append(Section(heading=heading, blocks=tuple(inner), role="meetings"))
    for key, items, role in (
        ("report.themes", report.themes, "themes"),
        ("report.results", report.results, "results"),
        ("report.experiences", report.experiences, "experiences"),
    ):
        if items:
            blocks.append(_chapter(out, key, out.bullets(items), role))
    blocks += [out.section(section, 2) for section in report.sections]
    if report.measure_status:
        measures = view.followed_measures(report, context)
        rows = []
        for follow_up in report.measure_status:
            found = measures.get(follow_up.measure)
            text = view.measure_text(found) if found else follow_up.measure
            rows.append(
                (
                    (
                        text_cell(text, header=True),
                        text_cell(out.label(f"status.{follow_up.status.value}")),
                        text_cell(follow_up.note),
                    ),
                    (("measure", follow_up.measure),),
                )
            )
        table = simple_table(
            [
                ("measure", out.label("report.measure")),
                ("status", out.label("column.status")),
                ("note", out.label("report.note")),
            ],
            rows,
            role="measure-status",
            widths=(4, 1.4, 2.6),
        )
        blocks.append(_chapter(out, "report.measure_status", [table], "measure-status"))
    if report.proposed_decision:
        decision = Paragraph(runs=runs(report.proposed_decision), role="decision")
        if report.case_number:
            heading = Heading(
                level=2,
                runs=(out.label("report.proposed_decision_case", case=report.case_number),),
            )
            blocks.append(Section(heading=heading, blocks=(decision,), role="decision"))
        else:
            blocks.append(_chapter(out, "report.proposed_decision", [decision], "decision"))
    return out.outline(report.title, blocks)


def _chapter(out: Builder, key: str, blocks: list[Block], role: str) -> Section:
    """A chapter headed by the label ``key``."""
    return Section(heading=out.label_heading(2, key), blocks=tuple(blocks), role=role)
