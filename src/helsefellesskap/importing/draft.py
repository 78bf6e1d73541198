"""What an importer reads out of a file, before anything is interpreted.

An importer (a Word reader, …) fills a :class:`PlanDraft` with the texts as they stand:
headings, paragraphs and bullet lists in order, and the rows of each measures table with
their cells' texts. The core then reads deadlines and responsible actors, makes ids and
writes the TOML file (:func:`~helsefellesskap.importing.write_plan`), marking each guess.
"""

from __future__ import annotations

import attrs

__all__ = ["DraftBlock", "DraftFocusArea", "DraftRow", "DraftSection", "PlanDraft"]


@attrs.frozen
class DraftBlock:
    """A paragraph (``bullets`` empty) or a paragraph followed by its bullet list; a bullet
    list with no paragraph before it has ``text`` ``""``."""

    text: str
    bullets: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DraftRow:
    """One row of a measures table, cell texts as written; ``where`` says where it stands
    (``table 2, row 4``) for the report."""

    where: str
    goal: str = ""
    ongoing: str = ""
    ongoing_details: tuple[str, ...] = ()
    label: str | None = None
    measure: str = ""
    details: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    """Paragraphs of the measure's cell after its first (``Se: …``)."""
    responsible: str = ""
    deadline: str = ""


@attrs.frozen(kw_only=True)
class DraftFocusArea:
    """A heading followed by a measures table: its title, the text before the table, the
    rows, and the text after the table (``after``: a footnote, …)."""

    title: str
    blocks: tuple[DraftBlock, ...] = ()
    rows: tuple[DraftRow, ...] = ()
    after: tuple[DraftBlock, ...] = ()


@attrs.frozen(kw_only=True)
class DraftSection:
    """A heading without a measures table under it, and its text in order."""

    title: str
    level: int = 1
    blocks: tuple[DraftBlock, ...] = ()


@attrs.frozen(kw_only=True)
class PlanDraft:
    """A whole plan as read: its title, the sections before and after the focus areas,
    the focus areas, and what the reader skipped (``skipped``: where and why)."""

    title: str
    source: str
    sections: tuple[DraftSection, ...] = ()
    focus_areas: tuple[DraftFocusArea, ...] = ()
    closing_sections: tuple[DraftSection, ...] = ()
    skipped: tuple[str, ...] = ()
