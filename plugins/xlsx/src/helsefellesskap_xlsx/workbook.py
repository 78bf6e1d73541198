"""Sheets (:class:`~helsefellesskap.importing.Sheet`) written to and read from ``.xlsx``.

Written: one worksheet per sheet, a bold header row, the panes frozen below the header
and right of the id column, columns as wide as their text (within limits), wrapped text,
and the status column a drop-down list of the status words (data validation).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from helsefellesskap.importing import HEADERS, STATUS_NAMES, Sheet
from helsefellesskap.importing.sheets import Cell, column_letter

from ._messages import message

__all__ = ["MAX_WIDTH", "read_workbook", "write_workbook"]

MAX_WIDTH = 60
"""The widest a column is made (characters); longer texts wrap."""

_MIN_WIDTH = 8


def _width(values: Sequence[Cell]) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return float(min(MAX_WIDTH, max(_MIN_WIDTH, longest + 2)))


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as the bytes of an ``.xlsx`` file."""
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    status_words = ",".join(STATUS_NAMES.values())
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.name)
        for row in sheet.rows:
            ws.append(list(row))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "B2"
        header = [str(h) for h in sheet.rows[0]] if sheet.rows else []
        for index in range(len(header)):
            letter = column_letter(index)
            ws.column_dimensions[letter].width = _width([r[index] for r in sheet.rows])
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
        if HEADERS["status"] in header and len(sheet.rows) > 1:
            letter = column_letter(header.index(HEADERS["status"]))
            validation = DataValidation(
                type="list",
                formula1=f'"{status_words}"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Status",
                error=f"Velg en av: {status_words.replace(',', ', ')}",
            )
            validation.add(f"{letter}2:{letter}{len(sheet.rows)}")
            ws.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_workbook(path: Path) -> list[Sheet]:
    """The worksheets of an ``.xlsx`` file as sheets (values, not formulas); a
    :class:`ValueError` saying so when the file is not an ``.xlsx`` workbook."""
    try:
        book = load_workbook(path, data_only=True, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as error:
        raise ValueError(message("xlsx.not_a_workbook", error=type(error).__name__)) from error
    try:
        sheets = []
        for ws in book.worksheets:
            rows = tuple(tuple(_value(v) for v in row) for row in ws.iter_rows(values_only=True))
            sheets.append(Sheet(ws.title, rows))
        return sheets
    finally:
        book.close()


def _value(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    return str(value)
