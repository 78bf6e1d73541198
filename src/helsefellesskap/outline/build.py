"""``build_outline``: the outline of any document, by its type, with the plugins' changes.

The core builds the outline of each of its document types and of the governance
overview (a :class:`~helsefellesskap.model.Partnership`). A plugin document type provides
its own builder (hook ``hf_outline_builders``, keyed by the document's ``KIND``), and
plugins may add or replace blocks of any outline (hook ``hf_outline``), each refining
the previous result in pluggy's call order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ..errors import RenderError
from ..messages import message
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


def _lazy(module: str, name: str) -> BuildFunction:
    """The builder ``name`` of ``module`` (``.changelog``), imported when first called: a
    plan's outline does not import the follow-up code the changelog's and the status
    report's outlines need, nor the other kinds' builders."""
    loaded: list[BuildFunction] = []

    def build(item: Renderable, context: RenderContext) -> Outline:
        if not loaded:
            loaded.append(getattr(importlib.import_module(module, __package__), name))
        return loaded[0](item, context)

    build.__name__ = build.__qualname__ = name
    build.__doc__ = f"``{name}`` of :mod:`helsefellesskap.outline{module}`, imported on first use."
    return build


CORE_BUILDERS: dict[str, BuildFunction] = {
    "action-plan": _lazy(".action_plan", "build_action_plan"),
    "declaration": _lazy(".declaration", "build_declaration"),
    "annual-report": _lazy(".annual_report", "build_annual_report"),
    "funding-round": _lazy(".funding_round", "build_funding_round"),
    "consultation-response": _lazy(".consultation", "build_consultation"),
    "decision-log": _lazy(".decision_log", "build_decision_log"),
    "governance": _lazy(".governance", "build_governance"),
    "changelog": _lazy(".changelog", "build_changelog"),
    "cooperation-agreement": _lazy(".agreement", "build_agreement"),
    "status-report": _lazy(".status_report", "build_status_report"),
    "traceability": _lazy(".traceability", "build_traceability"),
}
"""The builder of each core document kind (``governance`` for the overview). Each takes
the document type of its kind: :func:`build_outline` looks it up by the item's kind. Each
module is imported when its builder is first called."""


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
