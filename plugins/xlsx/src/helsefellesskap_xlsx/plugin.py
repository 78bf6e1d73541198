"""The plugin module named by the entry point.

It implements no hook: the core's ``export -f xlsx`` and ``import FILE.xlsx`` find
:mod:`helsefellesskap_xlsx.workbook` by name when a spreadsheet is asked for. The entry
point makes the installed plugin show in ``helsefellesskap plugins`` with its version.
Importing this module does not import openpyxl.
"""

from __future__ import annotations

__all__: list[str] = []
