"""The plugin module named by the entry point: it registers the ``docx`` format and the
Word importer.

Importing this module does not import python-docx; that happens on the first render,
so that listing plugins or rendering other formats stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helsefellesskap import LabelCatalogue, RenderFormat, hookimpl

from .format import DocxFormat
from .labels import catalogues

if TYPE_CHECKING:  # the importing package (and tomlkit) loads only when a file is imported
    from helsefellesskap.importing import Importer

__all__ = ["hf_importers", "hf_label_catalogues", "hf_render_formats"]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The Word format."""
    return [DocxFormat()]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The labels of the Word footer and notes, in bokmål, nynorsk and English."""
    return catalogues()


@hookimpl
def hf_importers() -> list[Importer]:
    """The Word importer (``helsefellesskap import PLAN.docx --into FOLDER``)."""
    from .importer import DOCX_IMPORTER

    return [DOCX_IMPORTER]
