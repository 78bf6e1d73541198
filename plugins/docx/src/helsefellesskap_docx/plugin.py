"""The plugin module named by the entry point: it registers the ``docx`` format and the
Word importer.

Importing this module imports nothing but the hook marker: the format is declared by
name (:func:`~helsefellesskap.render.lazy.lazy_format`) and its module
(:mod:`helsefellesskap_docx.format`) imported when it first renders; python-docx when it
writes. Listing plugins, checking data or rendering other formats stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helsefellesskap import hookimpl

if TYPE_CHECKING:  # the importing package (and tomlkit) loads only when a file is imported
    from helsefellesskap import LabelCatalogue, RenderFormat
    from helsefellesskap.importing import Importer

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
    """The Word importer (``helsefellesskap import PLAN.docx --into FOLDER``)."""
    from .importer import DOCX_IMPORTER

    return [DOCX_IMPORTER]
