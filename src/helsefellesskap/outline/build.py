"""``build_outline``: the outline of any document, by its type, with the plugins' changes.

The core builds the outline of each of its document types and of the governance
overview (a :class:`~helsefellesskap.model.Partnership`). A plugin document type provides
its own builder (hook ``hf_outline_builders``, keyed by the document's ``KIND``), and
plugins may add or replace blocks of any outline (hook ``hf_outline``), each refining
the previous result in pluggy's call order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from .. import model
from ..errors import RenderError
from ..render.format import Renderable, RenderContext
from .blocks import Outline
from .common import item_kind

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["CORE_BUILDERS", "BuildFunction", "OutlineBuilder", "build_outline", "core_builder"]

BuildFunction = Callable[[Renderable, RenderContext], Outline]
"""A function that builds the outline of one kind of document."""


@attrs.frozen(kw_only=True)
class OutlineBuilder:
    """What a plugin document type provides (hook ``hf_outline_builders``) so that every
    format that writes outlines renders it: the document ``kind`` it builds (its
    ``KIND``) and the ``build(item, context)`` function that returns its
    :class:`~helsefellesskap.outline.Outline`."""

    kind: str
    build: BuildFunction


def _action_plan(item: Renderable, context: RenderContext) -> Outline:
    from .action_plan import build_action_plan

    assert isinstance(item, model.ActionPlan)
    return build_action_plan(item, context)


def _declaration(item: Renderable, context: RenderContext) -> Outline:
    from .declaration import build_declaration

    assert isinstance(item, model.Declaration)
    return build_declaration(item, context)


def _annual_report(item: Renderable, context: RenderContext) -> Outline:
    from .annual_report import build_annual_report

    assert isinstance(item, model.AnnualReport)
    return build_annual_report(item, context)


def _funding_round(item: Renderable, context: RenderContext) -> Outline:
    from .funding_round import build_funding_round

    assert isinstance(item, model.FundingRound)
    return build_funding_round(item, context)


def _consultation(item: Renderable, context: RenderContext) -> Outline:
    from .consultation import build_consultation

    assert isinstance(item, model.ConsultationResponse)
    return build_consultation(item, context)


def _governance(item: Renderable, context: RenderContext) -> Outline:
    from .governance import build_governance

    assert isinstance(item, model.Partnership)
    return build_governance(item, context)


def _decision_log(item: Renderable, context: RenderContext) -> Outline:
    from .decision_log import build_decision_log

    assert isinstance(item, model.DecisionLog)
    return build_decision_log(item, context)


CORE_BUILDERS: dict[str, BuildFunction] = {
    "action-plan": _action_plan,
    "declaration": _declaration,
    "annual-report": _annual_report,
    "funding-round": _funding_round,
    "consultation-response": _consultation,
    "governance": _governance,
    "decision-log": _decision_log,
}
"""The builder of each core document kind (``governance`` for the overview)."""


def core_builder(kind: str) -> BuildFunction | None:
    """The core's builder for documents of ``kind``; ``None`` for a kind it lacks."""
    return CORE_BUILDERS.get(kind)


def build_outline(item: Renderable, context: RenderContext) -> Outline:
    """The outline of ``item`` (a document, or a partnership for its governance
    overview) as every format shows it.

    The core builds its own document types; a plugin's document type is built by the
    builder the plugin provides (``hf_outline_builders``). Then each plugin's
    ``hf_outline`` may return a changed outline (blocks added or replaced), each
    refining the previous one, in pluggy's order; a plugin that fails is reported by the
    plugin manager and the outline is kept as it was.

    :raises RenderError: for a kind of document that neither the core nor a plugin
        builds an outline of.
    """
    kind = item_kind(item)
    manager: PluginManager | None = context.manager
    build = core_builder(kind)
    if build is None and manager is not None:
        found = manager.outline_builders().get(kind)
        build = found.build if found is not None else None
    if build is None:
        raise RenderError(
            f"no outline for a document of kind {kind!r} ({item.id!r}): a plugin that adds "
            "the kind can provide one through hf_outline_builders"
        )
    outline = build(item, context)
    if not isinstance(outline, Outline):
        raise RenderError(
            f"the outline builder of kind {kind!r} returned {type(outline).__name__}, "
            "not an Outline"
        )
    if manager is not None:
        outline = manager.refine_outline(item, outline, context)
    return outline
