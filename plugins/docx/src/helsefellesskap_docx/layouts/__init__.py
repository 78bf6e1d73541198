"""The Word layouts, one module per kind of document, and the dispatch between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helsefellesskap import RenderContext, RenderError
from helsefellesskap.model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FundingRound,
    Partnership,
)
from helsefellesskap.render.format import Renderable

from .declaration import render_declaration
from .governance import render_governance
from .plan import render_plan
from .report import render_annual_report, render_consultation, render_funding_round

__all__ = ["LAYOUTS", "render_item"]

LAYOUTS: tuple[tuple[type[Renderable], Callable[[Any, RenderContext], bytes]], ...] = (
    (ActionPlan, render_plan),
    (Declaration, render_declaration),
    (AnnualReport, render_annual_report),
    (FundingRound, render_funding_round),
    (ConsultationResponse, render_consultation),
    (Partnership, render_governance),
)
"""Each type the Word format renders, with the function that lays it out."""


def render_item(item: Renderable, context: RenderContext) -> bytes:
    """Render ``item`` with the layout of its type."""
    for kind, layout in LAYOUTS:
        if isinstance(item, kind):
            return layout(item, context)
    raise RenderError(f"the docx format has no layout for a {type(item).__name__}")
