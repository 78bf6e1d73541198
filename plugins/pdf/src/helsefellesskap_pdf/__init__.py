"""helsefellesskap-pdf: the PDF render format for helsefellesskap, made with WeasyPrint.

Installed, it registers the ``pdf`` format through the ``helsefellesskap`` entry point
group, so ``helsefellesskap render TARGET --format pdf`` and
``render(document, "pdf", ...)`` write PDF files of a document's outline: the HTML
format's page, laid out on A4 with a paged stylesheet (running head, ``Side 2 av 7``,
a table of contents with page numbers, bookmarks, landscape pages for wide tables),
the document's language set, its fonts embedded and its structure tagged.
"""

from __future__ import annotations

from ._version import __version__
from .format import MEDIA_TYPE, PdfFormat

__all__ = ["MEDIA_TYPE", "PdfFormat", "__version__"]
