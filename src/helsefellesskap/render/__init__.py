"""Rendering documents to the formats the partners read."""

from __future__ import annotations

from .catalogue import LabelCatalogue, TemplateSource
from .format import Renderable, RenderContext, RenderFormat

__all__ = ["LabelCatalogue", "RenderContext", "RenderFormat", "Renderable", "TemplateSource"]
