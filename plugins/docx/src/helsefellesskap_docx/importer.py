"""Word action plans read into a :class:`~helsefellesskap.importing.PlanDraft`.

The document is read in order: the ``Title`` paragraph is the plan's title; each heading
starts a part, which is a focus area when a measures table stands under it and a section
otherwise; paragraphs and bullet lists are kept in order. A measures table is one whose
header row names, in bokmål or nynorsk and in any order, a measure column (``Hvordan få
det til?``, ``Korleis …``, ``Tiltak``) and at least one of goal, ongoing work, responsible
or deadline. Vertically merged cells repeat their text on each row they span; a header
row repeated on a new page, and blank rows, are skipped. Tables of contents are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from helsefellesskap.importing import (
    DraftBlock,
    DraftFocusArea,
    DraftRow,
    DraftSection,
    Importer,
    PlanDraft,
)

from ._messages import message

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

__all__ = ["COLUMN_WORDS", "DOCX_IMPORTER", "column_of", "read_docx"]

COLUMN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ongoing", re.compile(r"pågående|pågåande|pågår|eksisterande|eksisterende|igangsatt")),
    ("measure", re.compile(r"hvordan|korleis|tiltak|aktivitet")),
    ("responsible", re.compile(r"ansvarlig|ansvarleg|\bansvar\b")),
    ("deadline", re.compile(r"\bnår\b|\bfrist|tidsfrist|tidspunkt|tidsplan")),
    (
        "goal",
        re.compile(r"hva vil vi|kva vil vi|hvor vil vi|kvar vil vi|\bmål\b|delmål|målset"),
    ),
)
"""Header words of a measures table's columns, checked in this order (so that
``Tiltak – Hvordan skal vi nå målene?`` is the measure column, not the goal)."""

_LABEL = re.compile(r"^\s*([a-zæøå]|\d{1,2})\)\s+")
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")
_BULLET = re.compile(r"^\s*[•\-–\u2022\u25aa\u25cf]\s*")


def column_of(header: str) -> str | None:
    """Which column a header text names (``goal``, ``measure`` …), or ``None``."""
    text = " ".join(header.casefold().split())
    for name, pattern in COLUMN_WORDS:
        if pattern.search(text):
            return name
    return None


def _blocks(document: WordDocument) -> Iterator[Paragraph | Table]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(element, document)
        elif tag == "tbl":
            yield Table(element, document)


def _style(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "") if style is not None else ""


def _heading_level(paragraph: Paragraph) -> int | None:
    match = re.fullmatch(r"Heading (\d)", _style(paragraph))
    return int(match[1]) if match else None


def _is_bullet(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    return "List" in _style(paragraph) or (p_pr is not None and p_pr.numPr is not None)


def _text(paragraph: Paragraph) -> str:
    return " ".join(paragraph.text.replace("\u00a0", " ").split())


def _cell_lines(cell: _Cell) -> tuple[list[str], list[str]]:
    """A cell's paragraphs (joined) and bullet points."""
    lines: list[str] = []
    bullets: list[str] = []
    for paragraph in cell.paragraphs:
        text = _text(paragraph)
        if not text:
            continue
        if _BULLET.match(text) or _is_bullet(paragraph):
            bullets.append(_BULLET.sub("", text))
        else:
            lines.append(text)
    return lines, bullets


class _Part:
    def __init__(self, title: str, level: int) -> None:
        self.title = title
        self.level = level
        self.blocks: list[DraftBlock] = []
        self.after: list[DraftBlock] = []
        """Text after the part's measures table (a footnote, …)."""
        self.rows: list[DraftRow] = []

    def _target(self) -> list[DraftBlock]:
        return self.after if self.rows else self.blocks

    def paragraph(self, text: str) -> None:
        self._target().append(DraftBlock(text))

    def bullet(self, text: str) -> None:
        target = self._target()
        if target:
            target[-1] = DraftBlock(target[-1].text, (*target[-1].bullets, text))
        else:
            target.append(DraftBlock("", (text,)))


def _read_table(table: Table, number: int, skipped: list[str]) -> list[DraftRow] | None:
    rows = table.rows
    if not rows:
        return None
    header = [" ".join(c.text.split()) for c in rows[0].cells]
    columns = {i: column_of(h) for i, h in enumerate(header)}
    found = {c for c in columns.values() if c}
    if "measure" not in found or len(found) < 2:
        return None
    read: list[DraftRow] = []
    for r, row in enumerate(rows[1:], start=2):
        where = message("import.where", number=number, row=r)
        cells = row.cells
        texts = [" ".join(c.text.split()) for c in cells]
        if texts == header:
            skipped.append(message("import.header_repeated", where=where))
            continue
        if not any(texts):
            skipped.append(message("import.blank_row", where=where))
            continue
        values: dict[str, object] = {}
        seen: set[str] = set()
        for i, cell in enumerate(cells):
            name = columns.get(i)
            if name is None or name in seen:
                continue
            seen.add(name)
            lines, bullets = _cell_lines(cell)
            if name == "measure":
                first = lines[0] if lines else " ".join(bullets)
                label = _LABEL.match(first)
                if label:
                    values["label"] = f"{label[1]})"
                    first = first[label.end() :]
                values["measure"] = first
                values["details"] = tuple(bullets) if lines else ()
                values["closing"] = tuple(lines[1:])
            elif name == "ongoing":
                values["ongoing"] = " ".join(lines) or " ".join(bullets)
                values["ongoing_details"] = tuple(bullets) if lines else ()
            else:
                values[name] = " ".join([*lines, *bullets])
        read.append(DraftRow(where=where, **values))  # type: ignore[arg-type]
    return read


def read_docx(path: Path) -> PlanDraft:
    """Read a Word action plan; see the module's description."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ValueError(message("import.not_docx", error=type(error).__name__)) from error
    title = ""
    skipped: list[str] = []
    parts: list[_Part] = [_Part("", 0)]
    tables = 0
    for block in _blocks(document):
        part = parts[-1]
        if isinstance(block, Table):
            tables += 1
            rows = _read_table(block, tables, skipped)
            if rows is None:
                for row in block.rows:
                    cells = [" ".join(c.text.split()) for c in row.cells]
                    unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                    if unique:
                        part.paragraph(" | ".join(unique))
            else:
                part.rows.extend(rows)
            continue
        style = _style(block)
        text = _text(block)
        if not text or style.lower().startswith("toc"):
            continue
        if style == "Title" and not title:
            title = text
            continue
        level = _heading_level(block)
        if level is not None:
            parts.append(_Part(_NUMBERING.sub("", text), level))
        elif _is_bullet(block) or _BULLET.match(text):
            part.bullet(_BULLET.sub("", text))
        else:
            part.paragraph(text)
    focus: list[DraftFocusArea] = []
    before: list[DraftSection] = []
    after: list[DraftSection] = []
    for part in parts:
        if part.rows:
            focus.append(
                DraftFocusArea(
                    title=part.title,
                    blocks=tuple(part.blocks),
                    rows=tuple(part.rows),
                    after=tuple(part.after),
                )
            )
        elif part.title or part.blocks:
            (after if focus else before).append(
                DraftSection(title=part.title, level=part.level, blocks=(*part.blocks, *part.after))
            )
    return PlanDraft(
        title=title or path.stem,
        source=path.name,
        sections=tuple(before),
        focus_areas=tuple(focus),
        closing_sections=tuple(after),
        skipped=tuple(skipped),
    )


DOCX_IMPORTER = Importer(
    name="docx",
    extensions=(".docx",),
    read=read_docx,
    description="Word action plans: headings, text and the measures tables",
)
"""The importer this plugin contributes through ``hf_importers``."""
