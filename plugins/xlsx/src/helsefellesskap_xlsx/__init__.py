"""helsefellesskap-xlsx: an action plan's measures as an ``.xlsx`` spreadsheet and back.

``helsefellesskap export TARGET -f xlsx -o FILE`` writes one sheet per plan
(:func:`~.workbook.write_workbook`); ``helsefellesskap import FILE.xlsx --into FOLDER``
reads the sheets (:func:`~.workbook.read_workbook`) and the core applies them as dated
status updates.
"""

from __future__ import annotations

from ._version import __version__
from .workbook import read_workbook, write_workbook

__all__ = ["__version__", "read_workbook", "write_workbook"]
