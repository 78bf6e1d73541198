"""Rendering documents to the formats the partners read.

:func:`render` turns one document (or a partnership's governance overview) into the
bytes of a file; :func:`render_bundle` writes a whole partnership into a folder. The
formats share one view model (:mod:`helsefellesskap.render.view`) and one label
catalogue per language. Nothing here imports Jinja2 until an HTML document is
rendered, and each name is imported from its module when first used (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import LazyExports

if TYPE_CHECKING:
    from .api import (
        PartialRenderError,
        find_format,
        make_context,
        output_name,
        render,
        render_bundle,
        render_to,
    )
    from .catalogue import LANGUAGES, LabelCatalogue, TemplateSource, builtin_labels
    from .format import Renderable, RenderContext, RenderFormat

_EXPORTS: dict[str, str] = {
    "LANGUAGES": ".catalogue",
    "LabelCatalogue": ".catalogue",
    "PartialRenderError": ".api",
    "RenderContext": ".format",
    "RenderFormat": ".format",
    "Renderable": ".format",
    "TemplateSource": ".catalogue",
    "builtin_labels": ".catalogue",
    "find_format": ".api",
    "make_context": ".api",
    "output_name": ".format",
    "render": ".api",
    "render_bundle": ".api",
    "render_to": ".api",
}
"""Where each public name lives: imported on first use, so that importing a submodule
(``helsefellesskap.render.view`` for an outline, ``render.catalogue`` for a plugin's
labels) does not import the render machinery of :mod:`helsefellesskap.render.api`."""

__all__ = [
    "LANGUAGES",
    "LabelCatalogue",
    "PartialRenderError",
    "RenderContext",
    "RenderFormat",
    "Renderable",
    "TemplateSource",
    "builtin_labels",
    "find_format",
    "make_context",
    "output_name",
    "render",
    "render_bundle",
    "render_to",
]


_lazy = LazyExports(__name__, _EXPORTS)
__getattr__ = _lazy.attribute
__dir__ = _lazy.names
