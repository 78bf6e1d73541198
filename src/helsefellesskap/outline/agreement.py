"""The outline of a cooperation agreement (samarbeidsavtale) and its service agreements.

In order: the title, the facts (adopted, last revised, the agreement it replaces), the
abbreviations, the preamble, the parties, the service agreements as a table (number,
title linked to its text where it has an address, adopted, revised, its parties where
they differ), then the coverage of the subjects § 6-2 requires: a table of subjects ×
agreements (the overarching agreement first) with a mark where an agreement covers the
subject, and the list of subjects none covers (or a sentence that all are covered), as
on the day the agreement was last revised. Closing with the agreement's address.
"""

from __future__ import annotations

import datetime as dt

from .. import model
from ..model.agreement import required_subjects, uncovered_subjects
from ..render.format import RenderContext
from .blocks import Block, Heading, Inline, Link, Outline, Paragraph, Section, Text, runs
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["COVERED_MARK", "build_agreement"]

COVERED_MARK = "✓"
"""What a cell of the coverage table shows where an agreement covers the subject."""


def _service_title(service: model.ServiceAgreement) -> Inline:
    text = runs(service.title)
    return Link(url=service.url, runs=text) if service.url else Text(service.title)


def build_agreement(agreement: model.CooperationAgreement, context: RenderContext) -> Outline:
    """The outline of ``agreement``."""
    out = Builder(agreement, context)
    blocks: list[Block] = out.start(agreement.title)
    blocks += out.facts(
        [
            ("agreement.adopted", out.date(agreement.adopted)),
            ("agreement.revised", out.date(agreement.revised)),
            ("agreement.replaces", out.document_title(agreement.replaces)),
        ]
    )
    blocks += out.abbreviations()
    blocks += out.paragraphs(agreement.preamble)
    if agreement.parties:
        blocks.append(
            Section(
                heading=out.label_heading(2, "agreement.parties"),
                blocks=tuple(
                    out.bullets((out.actor_full(p) or p for p in agreement.parties), role="parties")
                ),
                role="parties",
            )
        )
    services = agreement.service_agreements
    if services:
        own_parties = any(s.parties for s in services)
        columns = [
            ("number", out.label("agreement.number")),
            ("title", out.label("agreement.title")),
            ("adopted", out.label("agreement.adopted")),
            ("revised", out.label("agreement.revised")),
        ]
        if own_parties:
            columns.append(("parties", out.label("agreement.parties")))
        rows = []
        for service in services:
            cells = [
                text_cell(service.number, header=True),
                text_cell(_service_title(service)),
                text_cell(out.date(service.adopted)),
                text_cell(out.date(service.revised)),
            ]
            if own_parties:
                cells.append(text_cell(", ".join(out.actor(p) for p in service.parties) or None))
            rows.append((tuple(cells), (("agreement", service.id),)))
        table = simple_table(
            columns,
            rows,
            role="service-agreements",
            widths=(0.6, 4, 1.2, 1.2, 2)[: len(columns)],
        )
        summaries: list[Block] = [
            Paragraph(
                runs=runs(f"{s.number} {s.title}: " if s.number else f"{s.title}: ", s.summary)
            )
            for s in services
            if s.summary
        ]
        blocks.append(
            Section(
                heading=out.label_heading(2, "agreement.service_agreements", "service-agreements"),
                blocks=(table, *summaries),
                role="service-agreements",
                anchor="service-agreements",
            )
        )
    blocks.append(_coverage(out, agreement, context))
    if agreement.url:
        blocks += out.links([model.Link(url=agreement.url)])
    return out.outline(agreement.title, blocks)


def _coverage(
    out: Builder, agreement: model.CooperationAgreement, context: RenderContext
) -> Section:
    """The coverage table (subjects × agreements) and the subjects none covers."""
    day = agreement.last_reviewed or dt.date.today()
    subjects = required_subjects(context.national, day)
    covering = [(agreement.id, agreement.subjects, out.label("agreement.main"))] + [
        (s.id, s.subjects, Text(s.number or s.title)) for s in agreement.service_agreements
    ]
    columns = [("subject", out.label("agreement.subject"))] + [
        (f"agreement-{ident}", label) for ident, _, label in covering
    ]
    rows = [
        (
            (
                text_cell(subject.text, header=True),
                *(text_cell(COVERED_MARK if subject.id in ids else None) for _, ids, _ in covering),
            ),
            (("subject", subject.id),),
        )
        for subject in subjects
    ]
    table = simple_table(
        columns, rows, role="agreement-coverage", widths=(6, *([1.0] * len(covering)))
    )
    missing = uncovered_subjects([agreement], context.national, day)
    gaps: list[Block]
    if missing:
        gaps = [
            Section(
                heading=Heading(level=3, runs=(out.label("agreement.uncovered"),)),
                blocks=tuple(out.bullets([s.text for s in missing], role="uncovered")),
                role="uncovered",
            )
        ]
    else:
        gaps = [Paragraph(runs=(out.label("agreement.all_covered"),), role="covered")]
    return Section(
        heading=out.label_heading(2, "agreement.coverage", "coverage"),
        blocks=(table, *gaps),
        role="agreement-coverage",
        anchor="coverage",
    )
