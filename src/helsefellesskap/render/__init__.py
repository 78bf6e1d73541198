"""Rendering documents to the formats the partners read.

:func:`render` turns one document (or a partnership's governance overview) into the
bytes of a file; :func:`render_bundle` writes a whole partnership into a folder. The
formats share one view model (:mod:`helsefellesskap.render.view`) and one label
catalogue per language. Nothing here imports Jinja2 until an HTML document is rendered.
"""

from __future__ import annotations

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
