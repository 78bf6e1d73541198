"""The dates a rendered document carries: its own date (adopted, decided, written) for
a footer line and a paged format's metadata.

Taken from the document, never from the clock, so that the same data gives the same
file on any day. The Word and PDF formats both read them from here.
"""

from __future__ import annotations

import datetime as dt

from ..model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FundingRound,
    Partnership,
)
from .format import Renderable

__all__ = ["FALLBACK_DATE", "document_date", "footer_line", "own_date"]

FALLBACK_DATE = dt.date(2020, 1, 1)
"""The metadata date of an item that carries no date of its own."""


def own_date(item: Renderable) -> dt.date | None:
    """The date the item itself carries (adopted, decided, written), if any."""
    if isinstance(item, ActionPlan | Declaration):
        return item.adopted
    if isinstance(item, FundingRound):
        return item.decided
    if isinstance(item, ConsultationResponse):
        return item.date.earliest
    return None


def document_date(item: Renderable) -> dt.date:
    """The date the item is from, for a file's creation and modification dates (Word's
    core properties, the PDF's metadata): adopted, decided, dated, or the end of the year
    it reports on."""
    if isinstance(item, ActionPlan | Declaration):
        return item.adopted or item.period.first_day
    if isinstance(item, AnnualReport):
        return dt.date(item.year, 12, 31)
    if isinstance(item, FundingRound):
        return item.decided or dt.date(item.year, 1, 1)
    if isinstance(item, ConsultationResponse):
        return item.date.earliest
    if isinstance(item, Partnership) and item.established:
        return dt.date(item.established, 1, 1)
    return FALLBACK_DATE


def footer_line(item: Renderable) -> str:
    """A footer's line of the item's own date (none where it has none) and the
    library's version, ``2023-06-01 · helsefellesskap 0.1.0``."""
    from .._version import __version__

    date = own_date(item)
    parts = (date.isoformat() if date is not None else "", f"helsefellesskap {__version__}")
    return " \u00b7 ".join(part for part in parts if part)
