"""The Word layouts, one module per kind of document, and the dispatch between them."""

from __future__ import annotations

from helsefellesskap import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FundingRound,
    Partnership,
    RenderContext,
    RenderError,
)
from helsefellesskap.render.format import Renderable

from .declaration import render_declaration
from .governance import render_governance
from .plan import render_plan
from .report import render_annual_report, render_consultation, render_funding_round

__all__ = ["render_item"]


def render_item(item: Renderable, context: RenderContext) -> bytes:
    """Render ``item`` with the layout of its type."""
    if isinstance(item, ActionPlan):
        return render_plan(item, context)
    if isinstance(item, Declaration):
        return render_declaration(item, context)
    if isinstance(item, AnnualReport):
        return render_annual_report(item, context)
    if isinstance(item, FundingRound):
        return render_funding_round(item, context)
    if isinstance(item, ConsultationResponse):
        return render_consultation(item, context)
    if isinstance(item, Partnership):
        return render_governance(item, context)
    raise RenderError(f"the docx format has no layout for a {type(item).__name__}")
