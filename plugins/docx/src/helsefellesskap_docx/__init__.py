"""helsefellesskap-docx: the Word (``.docx``) render format for helsefellesskap.

Installed, it registers the ``docx`` format through the ``helsefellesskap`` entry point
group, so ``helsefellesskap render TARGET --format docx`` and
``render(document, "docx", ...)`` write Word documents of a document's outline (the
same blocks every format writes): real headings, tables whose header row repeats on
every page, the list of abbreviations, the running head in the header and page numbers
in the footer.
"""

from __future__ import annotations

from ._version import __version__
from .format import MEDIA_TYPE, DocxFormat

__all__ = ["MEDIA_TYPE", "DocxFormat", "__version__"]
