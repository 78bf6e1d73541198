"""``build_outline``: the outline of any document, by its type, with the plugins' changes.

The core builds the outline of each of its document types and of the governance
overview (a :class:`~helsefellesskap.model.Partnership`). A plugin document type provides
its own builder (hook ``hf_outline_builders``, keyed by the document's ``KIND``), and
plugins may add or replace blocks of any outline (hook ``hf_outline``), each refining
the previous result in pluggy's call order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import attrs

from ..errors import RenderError
from ..messages import message
from ..render.format import Renderable, RenderContext
from .action_plan import build_action_plan
from .agreement import build_agreement
from .annual_report import build_annual_report
from .blocks import Outline
from .changelog import build_changelog
from .common import item_kind
from .consultation import build_consultation
from .decision_log import build_decision_log
from .declaration import build_declaration
from .funding_round import build_funding_round
from .governance import build_governance
from .status_report import build_status_report
from .traceability import build_traceability

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


CORE_BUILDERS: dict[str, BuildFunction] = {
    "action-plan": cast(BuildFunction, build_action_plan),
    "declaration": cast(BuildFunction, build_declaration),
    "annual-report": cast(BuildFunction, build_annual_report),
    "funding-round": cast(BuildFunction, build_funding_round),
    "consultation-response": cast(BuildFunction, build_consultation),
    "decision-log": cast(BuildFunction, build_decision_log),
    "governance": cast(BuildFunction, build_governance),
    "changelog": cast(BuildFunction, build_changelog),
    "cooperation-agreement": cast(BuildFunction, build_agreement),
    "status-report": cast(BuildFunction, build_status_report),
    "traceability": cast(BuildFunction, build_traceability),
}
"""The builder of each core document kind (``governance`` for the overview). Each takes
the document type of its kind: :func:`build_outline` looks it up by the item's kind."""


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
        raise RenderError(message("render.no_outline", kind=repr(kind), id=repr(item.id)))
    outline = build(item, context)
    if not isinstance(outline, Outline):
        raise RenderError(
            message("render.outline_builder_returned", kind=repr(kind), type=type(outline).__name__)
        )
    if manager is not None:
        outline = manager.refine_outline(item, outline, context)
    return outline
