"""helsefellesskap-docx: the Word (``.docx``) render format for helsefellesskap.

Installed, it registers the ``docx`` format through the ``helsefellesskap`` entry point
group, so ``helsefellesskap render TARGET --format docx`` and
``render(document, "docx", ...)`` write Word documents of a document's outline (the
same blocks every format writes): real headings, tables whose header row repeats on
every page, the list of abbreviations, the running head in the header and page numbers
in the footer.

Importing the package imports neither the format nor python-docx: ``DocxFormat`` is
imported from :mod:`helsefellesskap_docx.format` when first used, so that loading the
plugin costs every other command nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .plugin import MEDIA_TYPE

if TYPE_CHECKING:
    from .format import DocxFormat

__all__ = ["MEDIA_TYPE", "DocxFormat", "__version__"]


def __getattr__(name: str) -> Any:
    """``DocxFormat``, imported when first asked for."""
    if name == "DocxFormat":
        from .format import DocxFormat

        return DocxFormat
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
