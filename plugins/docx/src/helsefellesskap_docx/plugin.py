"""The plugin module named by the entry point: it registers the ``docx`` format and the
Word importer.

Importing this module imports nothing but the hook marker: the format is declared by
name (:func:`~helsefellesskap.render.lazy.lazy_format`) and its module
(:mod:`helsefellesskap_docx.format`) imported when it first renders; python-docx when it
writes; the importer's reader (:mod:`helsefellesskap_docx.importer`) when it reads.
Listing plugins, checking data or rendering other formats stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helsefellesskap import hookimpl

if TYPE_CHECKING:  # the importing package (and tomlkit) loads only when a file is imported
    from pathlib import Path

    from helsefellesskap import LabelCatalogue, RenderFormat
    from helsefellesskap.importing import Importer, PlanDraft

__all__ = ["MEDIA_TYPE", "hf_importers", "hf_label_catalogues", "hf_render_formats"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
"""The media type of a Word document."""


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    """The Word format, its class imported when it first renders."""
    from helsefellesskap.render.lazy import lazy_format

    return [
        lazy_format(
            "helsefellesskap_docx.format:DocxFormat",
            name="docx",
            extension=".docx",
            media_type=MEDIA_TYPE,
        )
    ]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The labels of the Word footer and notes, in bokmål, nynorsk and English."""
    from .labels import catalogues

    return catalogues()


@hookimpl
def hf_importers() -> list[Importer]:
    """The Word importer (``helsefellesskap import PLAN.docx --into FOLDER``), its reader
    (:mod:`helsefellesskap_docx.importer`) imported when it first reads a file."""
    from helsefellesskap.importing import Importer

    return [
        Importer(
            name="docx",
            extensions=(".docx",),
            read=_read_docx,
            description="Word action plans: headings, text and the measures tables",
        )
    ]


def _read_docx(path: Path) -> PlanDraft:
    """:func:`helsefellesskap_docx.importer.read_docx`, imported on first use."""
    from .importer import read_docx

    return read_docx(path)
