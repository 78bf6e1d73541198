"""helsefellesskap-xlsx: an action plan's measures as an ``.xlsx`` spreadsheet and back.

``helsefellesskap export TARGET -f xlsx -o FILE`` writes one sheet per plan
(:func:`helsefellesskap_xlsx.workbook.write_workbook`); ``helsefellesskap import
FILE.xlsx --into FOLDER`` reads the sheets (:func:`~helsefellesskap_xlsx.workbook.read_workbook`)
and the core applies them as dated status updates. openpyxl is imported only then.
"""

from __future__ import annotations

from ._version import __version__

__all__ = ["__version__"]
