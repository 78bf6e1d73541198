"""The outline of a decision log (vedtak): each decision with who decided it and when,
its text, what it concerns, who follows it up and how far, and its dated follow-up."""

from __future__ import annotations

from .. import model
from ..render import view
from ..render.format import RenderContext
from .blocks import Block, Outline, Paragraph, Section, runs
from .common import Builder
from .tables import simple_table, text_cell

__all__ = ["build_decision_log", "measure_name"]


def measure_name(reference: str, bundle: model.Bundle) -> str:
    """A measure named ``"<plan id>.<measure id>"`` as its plan prints it (``c) Støtte
    digital hjemmeoppfølging``); the reference verbatim where the bundle lacks it."""
    start = reference.find(".")
    while start != -1:
        plan = bundle.document(reference[:start])
        if isinstance(plan, model.ActionPlan):
            found = next((m for m in plan.measures() if m.id == reference[start + 1 :]), None)
            if found is not None:
                return view.measure_text(found)
        start = reference.find(".", start + 1)
    return reference


def _heading(decision: model.Decision) -> str:
    """``03/24 Handlingsplan 2024–2025``: the case and the title, as minutes head them."""
    parts = [p for p in (decision.case_number, decision.title) if p]
    return " ".join(parts) or decision.meeting.isoformat()


def build_decision_log(log: model.DecisionLog, context: RenderContext) -> Outline:
    """The outline of ``log``."""
    out = Builder(log, context)
    blocks: list[Block] = out.start(log.title)
    blocks += out.abbreviations()
    for decision in log.decisions:
        inner: list[Block] = [
            *out.facts(
                [
                    ("decision.body", out.actor_full(decision.body)),
                    ("decision.meeting", out.date(decision.meeting)),
                    ("decision.bodies", out.names(decision.bodies)),
                    (
                        "decision.measures",
                        "; ".join(measure_name(m, context.bundle) for m in decision.measures)
                        or None,
                    ),
                    ("decision.responsible", out.names(decision.responsible)),
                    (
                        "decision.status",
                        (out.label(f"status.{decision.current_status.value}"),),
                    ),
                ],
                role="decision",
            ),
            Paragraph(runs=runs(decision.text), role="decision"),
        ]
        if decision.updates:
            inner.append(
                simple_table(
                    [
                        ("date", out.label("decision.date")),
                        ("status", out.label("column.status")),
                        ("note", out.label("decision.note")),
                        ("reported_by", out.label("decision.reported_by")),
                    ],
                    (
                        (
                            (
                                text_cell(out.date(update.date)),
                                text_cell(out.label(f"status.{update.status.value}")),
                                text_cell(update.note),
                                text_cell(
                                    out.actor(update.reported_by) if update.reported_by else None
                                ),
                            ),
                            (),
                        )
                        for update in decision.updates
                    ),
                    role="updates",
                    widths=(1.4, 1.4, 4, 1.6),
                )
            )
        blocks.append(
            Section(
                heading=out.heading(2, _heading(decision), anchor=f"decision-{decision.id}"),
                blocks=tuple(inner),
                role="decision",
                anchor=f"decision-{decision.id}",
                data=(("decision", decision.id),),
            )
        )
    return out.outline(log.title, blocks)
