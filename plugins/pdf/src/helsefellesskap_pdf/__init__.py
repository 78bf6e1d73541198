"""helsefellesskap-pdf: the PDF render format for helsefellesskap, made with WeasyPrint.

Installed, it registers the ``pdf`` format through the ``helsefellesskap`` entry point
group, so ``helsefellesskap render TARGET --format pdf`` and
``render(document, "pdf", ...)`` write PDF files of a document's outline: the HTML
format's page, laid out on A4 with a paged stylesheet (running head, ``Side 2 av 7``,
a table of contents with page numbers, bookmarks, landscape pages for wide tables),
the document's language set, its fonts embedded and its structure tagged.

Importing the package imports neither the format (nor the HTML format it builds on) nor
WeasyPrint: ``PdfFormat`` is imported from :mod:`helsefellesskap_pdf.format` when first
used, so that loading the plugin costs every other command nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .plugin import MEDIA_TYPE

if TYPE_CHECKING:
    from .format import PdfFormat

__all__ = ["MEDIA_TYPE", "PdfFormat", "__version__"]


def __getattr__(name: str) -> Any:
    """``PdfFormat``, imported when first asked for."""
    if name == "PdfFormat":
        from .format import PdfFormat

        return PdfFormat
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
