"""An outline in Word: every block of a :class:`~helsefellesskap.outline.Outline` mapped to
python-docx.

The outline decides what the document shows and in what order; this module decides only
how each block looks in Word:

* a level-1 :class:`Heading` (the document title) in the *Title* style, level *n* in the
  built-in *Heading n-1* style (numbered as the outline numbers it), so that Word's
  navigation pane and a table of contents list them; an anchor becomes a bookmark;
* a :class:`Paragraph`'s runs as Word runs: :class:`Emphasis` bold or italic, a
  :class:`Link` a hyperlink (to a web address, to a bookmark of the same document, or to
  the ``.docx`` file of another document), a :class:`Span` a run language (``w:lang``)
  so that Word checks the spelling of labels and data each in its own language;
* :class:`Facts` as ``Label: value`` lines (the abbreviations as a list of terms);
* bullet lists in the *List Bullet* styles, numbered lists numbered by hand, nested;
* a :class:`Table` whose header rows repeat on every page, whose rows are not split
  across pages, whose row spans are vertical merges and column widths follow the hints;
* the governance :class:`Figure` as a nested list of its boxes, then its legend;
* an :class:`Aside` as a shaded box, or, where it starts with a heading, as a titled block;
* a :class:`PageBreak` as *page break before* on the next paragraph.

Tables are built row by row, keeping the cells created: nothing asks python-docx for
``table.rows[i]`` or ``table.cell(r, c)``, which rebuild the whole grid each time, so
rendering time grows linearly with the number of rows. The elements of rows, cells,
paragraphs and runs are made with lxml directly, in the order and with the attributes
python-docx's setters would write (the same ``document.xml``, byte for byte), and a
row's, cell's or run's properties are copied from the first one built with the same
properties, since python-docx's per-element API (schema-order lookups, a character-by-
character text setter) was most of the time of a large table.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length, Mm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.parfmt import ParagraphFormat
from lxml.etree import SubElement, tostring

from helsefellesskap.outline import (
    Aside,
    Block,
    BulletList,
    Cell,
    DiagramNode,
    Emphasis,
    Facts,
    Figure,
    GovernanceDiagram,
    Heading,
    Inlines,
    LineBreak,
    Link,
    ListItem,
    NumberedList,
    Outline,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    Text,
    inline_text,
)
from helsefellesskap.render.safe import xml_text

from .fragments import (
    RUN_PIECES,
    append_rows,
    attribute,
    cell_start,
    element_xml,
    prefixed,
    table_with_rows,
    text_xml,
)
from .options import WordOptions
from .sections import landscape_around
from .widths import column_widths, hinted_widths
from .writer import (
    ACCENT_HEX,
    LIGHT_HEX,
    TBL_PR_ORDER,
    TEXT_WIDTH,
    WordWriter,
    element,
    field_runs,
    insert_ordered,
    word_language,
)

__all__ = ["DocumentFile", "OutlineWriter", "write_outline"]

DocumentFile = Callable[[str], str]
"""The file name of another document of the partnership, by its id (``midler-2025.docx``)."""

LINK_HEX = "0563C1"
"""Blue of hyperlinks."""
WHITE_HEX = "FFFFFF"
"""Text of the table's header row."""

PARAGRAPH_STYLES: dict[str, str] = {
    "subtitle": "Subtitle",
    "note": "Note",
    "source": "Note",
    "colophon": "Note",
    "caption": "Caption",
    "overarching-goal": "Intense Quote",
}
"""The paragraph style of a paragraph in running text by its ``role``; other roles are
running text (in a table cell, every paragraph is table text)."""

PARAGRAPH_LOOKS: dict[str, tuple[bool, bool]] = {
    "lead": (True, False),
    "intention": (True, False),
    "see": (False, True),
}
"""``(bold, italic)`` of a paragraph by its ``role``, in running text and in cells."""

DEFINITION_ROLES = frozenset({"abbreviations"})
"""Roles of facts (or of the aside holding them) shown as a list of terms: ``SSU``, a tab,
``Strategisk samarbeidsutvalg``."""

LINE_MARKS: dict[str, str] = {"steers": "\u2192", "under": "\u21e2", "mandate": "\u2911"}
"""The mark before a box of the governance diagram for the kind of line that leads to it,
and before the legend's words for that kind: the HTML diagram's solid, dashed and dotted
arrows (→, ⇢, ⤑)."""

COVER_ROLES = frozenset({"example", "lead", "note", "subtitle"})
"""Roles of the paragraphs at the start of an outline that go on the title page with the
title and the facts; the cover ends at the first other block."""

SHORT_TABLE = 8
"""A table of at most this many rows is kept on one page."""

_SPACED = frozenset({"gap", "Caption", "Title", *(f"Heading {n}" for n in range(1, 10))})
"""After a paragraph of these styles a table needs no gap: headings, captions and gaps
keep their own space."""

SECT_PR_ORDER = (
    *("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type"),
    *("w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType"),
    *("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection"),
    *("w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
)
"""The order of the children of ``w:sectPr``."""

_W_R, _W_T, _W_RPR, _W_P, _W_PPR, _W_PSTYLE = (
    qn(tag) for tag in ("w:r", "w:t", "w:rPr", "w:p", "w:pPr", "w:pStyle")
)
_W_TR, _W_TRPR, _W_TC, _W_TCPR, _W_TCW, _W_GRIDSPAN, _W_VMERGE, _W_SHD = (
    qn(tag)
    for tag in ("w:tr", "w:trPr", "w:tc", "w:tcPr", "w:tcW", "w:gridSpan", "w:vMerge", "w:shd")
)
_W_VAL, _W_TYPE, _W_W, _W_COLOR, _W_FILL = (
    qn(name) for name in ("w:val", "w:type", "w:w", "w:color", "w:fill")
)
_W_TBLHEADER, _W_CANTSPLIT = qn("w:tblHeader"), qn("w:cantSplit")
_W_KEEPNEXT = qn("w:keepNext")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_TAB, _W_BR = qn("w:tab"), qn("w:br")
_W_BOOKMARK_START, _W_BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_W_ID, _W_NAME, _W_ANCHOR = qn("w:id"), qn("w:name"), qn("w:anchor")
_RUN_PROPERTIES: dict[_Look, tuple[tuple[str, dict[str, str]], ...]] = {}
"""The children of ``w:rPr`` for each look, in the schema's order (tag, attributes)."""

PROTOTYPES_KEPT = 1024
"""The most prototype elements a thread keeps (:func:`_thread_prototypes`); past it they
are dropped and made again."""

_KEPT = threading.local()


def _thread_prototypes() -> dict[tuple[object, ...], BaseOxmlElement]:
    """The prototype elements of this thread's documents (:meth:`OutlineWriter._copy`):
    an element python-docx or lxml built once, copied for every later element of its
    key in every document the thread writes. A prototype is a pure function of its key
    (the key holds the style ids and every property the element carries), and only its
    copies go into documents; each thread keeps its own, so that no tree is shared
    between threads."""
    found: dict[tuple[object, ...], BaseOxmlElement] | None = getattr(_KEPT, "prototypes", None)
    if found is None or len(found) > PROTOTYPES_KEPT:
        found = _KEPT.prototypes = {}
    return found


_BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
_CONTINUE_STYLES = ("List Continue", "List Continue 2", "List Continue 3")
_LIST_INDENT = Mm(6.35)
"""How far each level of a list is indented (the *List Bullet n* styles' step)."""


def write_outline(
    outline: Outline,
    *,
    reader_language: str,
    header: str,
    page_label: str,
    of_label: str,
    date: dt.date,
    subject: str = "",
    document_file: DocumentFile | None = None,
    options: WordOptions | None = None,
    template: Path | None = None,
    logo: Path | None = None,
    contents_label: str = "",
    footer_line: str = "",
) -> bytes:
    """``outline`` as the bytes of a ``.docx`` file, the same bytes for the same outline.

    :param reader_language: the language of the labels (the footer's words are marked
        with it where it is not the outline's language).
    :param header: the partnership, the author of the core properties and, where the
        outline has no running head, the left of the running header (the title at its right).
    :param page_label: the word before the page number (``Side``).
    :param of_label: the word between the page number and the page count (``av``).
    :param date: the date of the core properties.
    :param subject: the subject core property (the kind of document).
    :param document_file: the file name of another document by its id, for
        ``Link(document=...)``; ``<id>.docx`` without it.
    :param options: the layout options (title page, contents, landscape tables);
        landscape tables alone without them.
    :param template: the partnership's Word template, used instead of the house style.
    :param logo: a picture for the title page.
    :param contents_label: the heading of the table of contents (``Innhold``).
    :param footer_line: the line under the page number (date and version).
    """
    options = options or WordOptions()
    writer = WordWriter(
        title=outline.title,
        language=outline.language,
        label_language=reader_language,
        header=outline.running_head or header,
        header_title="" if outline.running_head else outline.title,
        page_label=page_label,
        of_label=of_label,
        date=date,
        author=header,
        subject=subject,
        keywords=", ".join(part for part in ("helsefellesskap", header, subject) if part),
        template=template,
        footer_line=footer_line,
        update_fields=options.contents,
        hyphenate=options.hyphenate,
    )
    OutlineWriter(
        writer,
        outline,
        document_file or (lambda document: f"{document}.docx"),
        options=options,
        logo=logo,
        contents_label=contents_label,
    ).write()
    return writer.to_bytes()


@attrs.frozen(cache_hash=True)
class _Look:
    """How the runs being written look: bold, italic, a colour, a link, a language
    (its hash kept: a look is the key of its run's properties and prototype)."""

    bold: bool = False
    italic: bool = False
    color: str | None = None
    link: bool = False
    lang: str | None = None
    strike: bool = False


@attrs.define
class _First:
    """A cell's empty first paragraph, until a block takes it over (``None`` then)."""

    p: CT_P | None


@attrs.define
class _Place:
    """Where blocks go: the document's body, or a table cell (``cell`` its ``w:tc``).

    ``first`` holds a cell's empty first paragraph until the first block takes it over
    (one holder for the cell, shared by every place made from this one);
    ``depth`` the nesting of lists; ``look`` the runs' look in this place (a header
    cell's white bold text); ``keep`` keeps each paragraph with the next (a short table).
    """

    cell: CT_Tc | None = None
    first: _First | None = None
    depth: int = 0
    look: _Look = _Look()
    keep: bool = False
    width: int = int(TEXT_WIDTH)
    role: str | None = None

    @property
    def in_cell(self) -> bool:
        """Whether the blocks go into a table cell."""
        return self.cell is not None


@attrs.define
class _Span:
    """A cell spanning rows: the rows it still covers, its columns and its shading."""

    remaining: int
    colspan: int
    width: int
    fill: str | None


_Slot = tuple[Cell | None, int, str | None, int, str | None]
"""A cell of a row as it is written: the outline's cell (``None`` for the continued
cell of a span from above, or an empty one ending a short row), its width, shading,
columns spanned and vertical merge (``"restart"``, ``"continue"`` or ``None``)."""


def _row_slots(
    row: Row, widths: Sequence[int], covered: list[_Span | None], header: bool
) -> Iterator[_Slot]:
    """Each cell a row is written with, left to right: where a span from above covers a
    column, the continued cell of that span; the row's own cells in the other columns;
    empty cells to the end of a short row. ``covered`` is kept up to date for the rows
    below as each cell is written (a cell spanning rows covers its columns after it).
    A row with more cells than columns raises :class:`ValueError` once it is written."""
    cells = iter(row.cells)
    column = 0
    count = len(widths)
    while column < count:
        span = covered[column]
        if span is not None and span.remaining > 0:
            yield None, span.width, span.fill, span.colspan, "continue"
            span.remaining -= 1
            column += span.colspan
            continue
        covered[column] = None
        cell = next(cells, None)
        if cell is None:  # a short row: empty cells to the end
            yield None, widths[column], None, 1, None
            column += 1
            continue
        colspan = max(1, min(cell.colspan, count - column))
        width = sum(widths[column : column + colspan])
        fill = ACCENT_HEX if header else LIGHT_HEX if cell.header else None
        merge = "restart" if cell.rowspan > 1 else None
        yield cell, width, fill, colspan, merge
        if merge is not None:
            covered[column] = _Span(cell.rowspan - 1, colspan, width, fill)
        column += colspan
    if next(cells, None) is not None:
        from ._messages import message

        raise ValueError(message("word.malformed_row", cells=len(row.cells), columns=count))


def _tree(diagram: GovernanceDiagram) -> list[tuple[DiagramNode, str | None]]:
    """Each box of ``diagram`` in order, with the kind of the line down to it from the
    box it is listed under (``None`` for a box at the top, or one no line reaches)."""
    lines = {(edge.source, edge.target): edge.kind for edge in diagram.edges}
    above: list[str] = []  # the boxes the current one hangs from, by depth
    found: list[tuple[DiagramNode, str | None]] = []
    for node in diagram.nodes:
        del above[node.depth :]
        parent = above[-1] if above else None
        found.append((node, lines.get((parent, node.id)) if parent is not None else None))
        above.append(node.id)
    return found


def _on_cover(block: Block) -> bool:
    """Whether ``block``, among the outline's first, goes on the title page: the title,
    the document's facts and the short paragraphs about the document (:data:`COVER_ROLES`)."""
    if isinstance(block, Heading):
        return block.level <= 1
    if isinstance(block, Paragraph):
        return block.role in COVER_ROLES
    return isinstance(block, Facts)


def _anchors(blocks: Iterable[Block], found: list[str]) -> None:
    """Append to ``found`` the anchors of the sections, their headings, the headings and
    the tables among ``blocks``, in reading order: those of the blocks
    :meth:`Outline.walk <helsefellesskap.outline.Outline.walk>` yields, looked for in
    the blocks that can hold them only (no generator for each block: a plan's outline
    is thousands of paragraphs and cells)."""
    for block in blocks:
        kind = type(block)
        if kind is Paragraph:  # the most frequent block, holding none
            continue
        if isinstance(block, Section):
            if block.anchor:
                found.append(block.anchor)
            if block.heading is not None and block.heading.anchor:
                found.append(block.heading.anchor)
            _anchors(block.blocks, found)
        elif isinstance(block, Heading):
            if block.anchor:
                found.append(block.anchor)
        elif isinstance(block, Table):
            if block.anchor:
                found.append(block.anchor)
            for row in (*block.header, *block.rows()):
                for cell in row.cells:
                    inner = cell.blocks
                    if len(inner) > 1 or (inner and type(inner[0]) is not Paragraph):
                        _anchors(inner, found)
        elif isinstance(block, Aside):
            _anchors(block.blocks, found)
        elif isinstance(block, (BulletList, NumberedList)):
            for item in block.items:
                if item.children:
                    _anchors(item.children, found)


def _bookmark_name(anchor: str, taken: set[str]) -> str:
    """A Word bookmark name for ``anchor``: letters, digits and ``_``, starting with a
    letter, at most 40 characters, unique in the document."""
    base = "h_" + re.sub(r"[^A-Za-z0-9_]", "_", anchor)[:34]
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}_{number}"
    taken.add(name)
    return name


def _keep_next(fmt: ParagraphFormat) -> None:
    fmt.keep_with_next = True


def _page_break_before(fmt: ParagraphFormat) -> None:
    fmt.page_break_before = True


def _logo_space(fmt: ParagraphFormat) -> None:
    fmt.space_after = Mm(20)


def _space_before(fmt: ParagraphFormat, mm: int) -> None:
    fmt.space_before = Mm(mm)


@functools.lru_cache(maxsize=1024)
def _twips(emu: int) -> str:
    """``emu`` in twips, as python-docx writes a width (``str(Emu(emu).twips)``)."""
    return str(Emu(emu).twips)


def _item_in_cell(fmt: ParagraphFormat, depth: int) -> None:
    """The indents of a list item's paragraph in a table cell, ``depth`` lists deep."""
    fmt.left_indent = Mm(4 + 3 * depth)
    fmt.first_line_indent = Mm(-3)


def _plain_block(block: Block) -> bool:
    """Whether ``block`` is a paragraph, or a list of items without children."""
    if type(block) is Paragraph:
        return True
    if isinstance(block, (BulletList, NumberedList)):
        return not any(item.children for item in block.items)
    return False


def _plain_cell(cell: Cell) -> bool:
    """Whether ``cell`` holds paragraphs and lists of items without children only, or
    nothing (every cell of a plan): what :meth:`OutlineWriter._row_xml` writes."""
    blocks = cell.blocks
    if len(blocks) == 1 and type(blocks[0]) is Paragraph:  # most cells
        return True
    return all(map(_plain_block, blocks))


_ROW_STARTS = {
    header: "<w:tr><w:trPr>"
    + ('<w:tblHeader w:val="true"/>' if header else "")
    + '<w:cantSplit w:val="true"/></w:trPr>'
    for header in (False, True)
}
"""The start of a row as :meth:`OutlineWriter._new_row` makes it, by whether it is a
header row."""

_RUN_STARTS: dict[_Look, str] = {}
"""The start of a run of each look, with its properties, as XML text."""


def _run_start(look: _Look) -> str:
    """The start of a run of ``look`` (``<w:r>`` and its ``w:rPr``), as
    :meth:`OutlineWriter._run` makes it, as XML text."""
    found = _RUN_STARTS.get(look)
    if found is None:
        parts = ["<w:r>"]
        properties = OutlineWriter._run_properties(look)
        if properties:
            parts.append("<w:rPr>")
            for tag, attributes in properties:
                values = "".join(
                    f' {prefixed(name)}="{attribute(value)}"' for name, value in attributes.items()
                )
                parts.append(f"<{prefixed(tag)}{values}/>")
            parts.append("</w:rPr>")
        found = _RUN_STARTS[look] = "".join(parts)
    return found


class OutlineWriter:
    """Writes the blocks of ``outline`` into the document of ``writer``.

    ``document_file`` names the ``.docx`` file of another document by its id.
    """

    def __init__(
        self,
        writer: WordWriter,
        outline: Outline,
        document_file: DocumentFile,
        *,
        options: WordOptions | None = None,
        logo: Path | None = None,
        contents_label: str = "",
    ) -> None:
        self.writer = writer
        self.options = options or WordOptions()
        self.logo = logo
        self.contents_label = contents_label
        self._wide_tables: list[CT_Tbl] = []
        self._contents: list[tuple[int, CT_P, str]] = []  # (level, heading, bookmark)
        self.outline = outline
        self.document = writer.document
        self._document_file = document_file
        self._body = self.document.element.body
        self._end = self._body.get_or_add_sectPr()
        self._bookmarks = self._collect_anchors(outline)
        self._pending_anchors: list[str] = []
        self._placed: set[str] = set()
        self._page_break = False
        self._last = "Title"  # the style of the last paragraph of the body, or "gap"
        self._next_bookmark = 0
        self._heading_text = ""  # the last heading's text: the name of a table under it
        self._styles: dict[str, str] = {}
        self._prototypes = _thread_prototypes()
        self._cell_looks: dict[tuple[_Look, bool], _Look] = {}  # (look, header row): look
        self._starts: dict[tuple[object, ...], str] = {}  # the starts of paragraphs, as XML
        self._looks: dict[tuple[object, ...], _Look] = {}  # see _changed

    @staticmethod
    def _collect_anchors(outline: Outline) -> dict[str, str]:
        """Each anchor of the outline with its bookmark name, in reading order."""
        anchors: list[str] = []
        _anchors(outline.blocks, anchors)
        taken: set[str] = set()
        found: dict[str, str] = {}
        for anchor in anchors:
            if anchor and anchor not in found:
                found[anchor] = _bookmark_name(anchor, taken)
        return found

    def write(self) -> None:
        """Write the title page and the table of contents where the options ask for them,
        every block, then the colophon; then put the wide tables on landscape pages."""
        # the body's own w:sectPr (its last child) is taken out while the blocks are
        # written, so that each is simply appended (lxml's SubElement, several times
        # faster than making an element and inserting it before the w:sectPr); the
        # page's widths are read from it first
        width = self.writer.text_width
        self._body.remove(self._end)
        try:
            self._write_blocks(width)
        finally:
            self._body.append(self._end)
        if self.options.landscape:
            headings = frozenset(
                self._style_id(name)
                for name in ("Caption", *(f"Heading {n}" for n in range(1, 10)))
            )
            landscape_around(self._body, self._wide_tables, headings, self.writer.landscape_header)
        if self.options.title_page:  # the cover without header and footer
            first = next(self._body.iter(qn("w:sectPr")))
            title_pg = element("w:titlePg")
            insert_ordered(first, title_pg, SECT_PR_ORDER)

    def _write_blocks(self, width: int) -> None:
        """The title page, the table of contents, the blocks and the colophon, appended
        to the body (see :meth:`write`) of text ``width`` (EMU) wide."""
        body = _Place(width=width)
        blocks = self.outline.blocks
        if self.options.title_page:
            front = 0
            while front < len(blocks) and _on_cover(blocks[front]):
                front += 1
            self._title_page(blocks[:front], body)
            blocks = blocks[front:]
        toc_heading = None
        if self.options.contents:
            toc_heading = self._paragraph(body, "TOC Heading")
            self._text(self._run(toc_heading, body.look), xml_text(self.contents_label))
            self._page_break = True
        self._blocks(blocks, body)
        if self.outline.colophon:
            self._page_break = False
            self._runs(self._paragraph(body, "Note"), self.outline.colophon, body.look)
        if toc_heading is not None:
            self._write_contents(toc_heading)

    # -- title page and contents -----------------------------------------------------------

    def _title_page(self, blocks: Sequence[Block], place: _Place) -> None:
        """The cover: the logo, the partnership's name, the title and the blocks before
        the first section (the document's facts), then a page break."""
        if self.logo is not None:
            p = self._paragraph(place)
            self._formatted(p, ("logo",), _logo_space)
            self._format(p).add_run().add_picture(str(self.logo), width=Mm(45))
        partnership = self.outline.running_head.split(" · ")[0]
        if partnership:
            p = self._paragraph(place, "Subtitle")
            before = 0 if self.logo else 55
            self._formatted(p, ("cover", before), functools.partial(_space_before, mm=before))
            self._text(self._run(p, place.look), xml_text(partnership))
        for block in blocks:
            self._block(block, place)
        self._page_break = True

    def _write_contents(self, heading: CT_P) -> None:
        """The table of contents after ``heading``: Word's ``TOC`` field over the heading
        levels of the options, showing until it is updated one entry per heading, each
        with a ``PAGEREF`` field to its bookmark."""
        levels = self.options.contents_levels
        self._keep_with_next(heading)
        entries = [entry for entry in self._contents if entry[0] <= levels]
        instruction = f'TOC \\o "1-{levels}" \\h \\z \\u'
        anchor = heading
        paragraphs: list[CT_P] = []
        for level, source, bookmark in entries or [(1, heading, "")]:
            if bookmark:
                text = "".join(node.text or "" for node in source.iter(_W_T))
                p = self._contents_entry(level, bookmark, xml_text(text))
            else:
                p = OxmlElement("w:p")
            anchor.addnext(p)
            anchor = p
            paragraphs.append(p)
        first, last = paragraphs[0], paragraphs[-1]
        if not self.options.contents_field:
            return
        opening = field_runs(instruction, None)
        for r in reversed(opening[:3]):  # begin, instruction, separate
            pr = first.find(qn("w:pPr"))
            if pr is not None:
                pr.addnext(r)
            else:
                first.insert(0, r)
        last.append(opening[-1])  # end

    def _contents_entry(self, level: int, bookmark: str, text: str) -> CT_P:
        """An entry of the contents: a paragraph in the style of ``level`` linking to
        ``bookmark``, its heading's ``text``, a tab and the ``PAGEREF`` field: a copy of
        the first entry of its level made empty, its link, text and field filled in."""
        style = self._style_id(f"toc {level}")
        prototype = self._prototypes.get(("contents entry", style))
        if prototype is None:
            prototype = OxmlElement("w:p")
            # what ``p.style = ...`` writes into an empty paragraph, built directly
            SubElement(SubElement(prototype, _W_PPR), _W_PSTYLE, {_W_VAL: style})
            link = element("w:hyperlink", **{"w:anchor": "", "w:history": "1"})
            prototype.append(link)
            self._run(link, _Look())  # the heading's text: filled in below
            self._text(self._run(link, _Look()), "\t")
            self._page_reference(link, "")
            self._prototypes[("contents entry", style)] = prototype
        p: CT_P = prototype.__copy__()
        link = p[1]  # after its w:pPr
        link.set(_W_ANCHOR, bookmark)
        self._text(link[0], text)
        # the runs: the text, the tab, the field's beginning, its instruction, …
        link[3][0].text = f" PAGEREF {bookmark} \\h "
        return p

    def _page_reference(self, parent: BaseOxmlElement, bookmark: str) -> None:
        """Append to ``parent`` the runs of a ``PAGEREF`` field to ``bookmark`` (showing
        nothing until updated): copies of the first such field's runs, each with its
        own instruction (building a field's runs was a third of the contents' time)."""
        prototype = self._prototypes.get(("PAGEREF",))
        if prototype is None:
            prototype = OxmlElement("w:r")  # a holder of the field's runs
            prototype.extend(field_runs("PAGEREF", None))
            self._prototypes[("PAGEREF",)] = prototype
        for index, run in enumerate(prototype):
            made = run.__copy__()
            if index == 1:  # the instruction's run: w:r/w:instrText
                made[0].text = f" PAGEREF {bookmark} \\h "
            parent.append(made)

    def _contents_bookmark(self, p: CT_P, level: int) -> None:
        """A ``_Toc`` bookmark on the heading ``p`` of contents level ``level``."""
        name = f"_Toc{len(self._contents) + 1:06d}"
        number = str(self._next_bookmark)
        self._next_bookmark += 1
        SubElement(p, _W_BOOKMARK_START, {_W_ID: number, _W_NAME: name})
        SubElement(p, _W_BOOKMARK_END, {_W_ID: number})
        self._contents.append((level, p, name))

    # -- paragraphs and runs ---------------------------------------------------------------

    def _style_id(self, name: str) -> str:
        if name not in self._styles:  # as ``styles[name]`` finds it (the prepared map)
            self._styles[name] = self.writer.style_id(name)
        return self._styles[name]

    def _keep_with_next(self, p: CT_P) -> None:
        """``keep_with_next = True`` on ``p``: a ``w:keepNext`` written directly where
        its properties hold no more than its style (the schema puts it right after)."""
        p_pr = p.pPr
        if p_pr is not None and all(child.tag == _W_PSTYLE for child in p_pr):
            SubElement(p_pr, _W_KEEPNEXT)
        else:
            self._formatted(p, ("keep with next",), _keep_next)

    def _paragraph(self, place: _Place, style: str | None = None) -> CT_P:
        """A new paragraph at ``place`` in the style called ``style`` (running text by
        default), carrying the bookmarks and the page break waiting for it."""
        if place.cell is not None:
            if place.first is not None and place.first.p is not None:
                p, place.first.p = place.first.p, None
            else:
                p = SubElement(place.cell, _W_P)  # CT_Tc.add_p: appended last
            style = style or "Table Text"
        else:
            p = SubElement(self._body, _W_P)  # the w:sectPr is out while writing (write)
            self._last = style or "Normal"
        if style is not None and style != "Normal":
            if len(p):
                p.style = self._style_id(style)
            else:  # what ``p.style = ...`` writes into an empty paragraph, built directly
                SubElement(SubElement(p, _W_PPR), _W_PSTYLE, {_W_VAL: self._style_id(style)})
        if self._page_break and place.cell is None:
            self._formatted(p, ("page break before",), _page_break_before)
            self._page_break = False
        if place.keep:
            self._keep_with_next(p)
        for anchor in self._pending_anchors:
            if anchor not in self._placed:  # a section and its heading may share one
                self._placed.add(anchor)
                self._bookmark(p, anchor)
        self._pending_anchors.clear()
        return p

    def _format(self, p: CT_P) -> DocxParagraph:
        return DocxParagraph(p, self.document._body)

    def _formatted(
        self, p: CT_P, key: tuple[object, ...], apply: Callable[[ParagraphFormat], None]
    ) -> None:
        """``apply`` python-docx's paragraph format setters to ``p``: done by python-docx
        the first time for each ``key`` and each set of properties ``p`` already has,
        copied from that result afterwards (the setters change only ``w:pPr``, so the
        result depends on nothing else; they were a fifth of writing lists and facts)."""
        before = p.pPr
        memo = ("pPr", key, None if before is None else tostring(before))
        found = self._prototypes.get(memo)
        if found is None:
            apply(self._format(p).paragraph_format)
            after = p.pPr
            assert after is not None
            self._prototypes[memo] = copy.deepcopy(after)
        elif before is None:
            p.insert(0, found.__copy__())  # where python-docx puts w:pPr
        else:
            p.replace(before, found.__copy__())

    def _bookmark(self, p: CT_P, anchor: str) -> None:
        name = self._bookmarks.get(anchor)
        if name is None:
            return
        number = str(self._next_bookmark)
        self._next_bookmark += 1
        SubElement(p, _W_BOOKMARK_START, {_W_ID: number, _W_NAME: name})
        SubElement(p, _W_BOOKMARK_END, {_W_ID: number})

    def _runs(self, parent: BaseOxmlElement, items: Inlines, look: _Look) -> None:
        """Append ``items`` to ``parent`` (a paragraph or a hyperlink) as runs."""
        for item in items:
            if type(item) is Text or isinstance(item, Text):
                if item.text:
                    self._text(self._run(parent, look), xml_text(item.text))
            elif isinstance(item, LineBreak):
                self._run(parent, look).append(OxmlElement("w:br"))
            elif isinstance(item, Emphasis):
                self._runs(parent, item.runs, self._emphasised(look, item))
            elif isinstance(item, Span):
                lang = None if item.lang == self.outline.language else word_language(item.lang)
                self._runs(parent, item.runs, self._changed(look, lang=lang))
            elif isinstance(item, Link):
                self._link(parent, item, look)

    @staticmethod
    def _text(r: CT_R, text: str) -> None:
        """Set the text of the new run ``r`` as ``r.text = text`` does, built directly:
        each stretch of characters one ``w:t`` (its spaces kept where it starts or ends
        with one), each tab a ``w:tab``, each carriage return or line feed a ``w:br``."""
        if "\t" not in text and "\n" not in text and "\r" not in text:  # one w:t (or none)
            if text:
                t = SubElement(r, _W_T)
                t.text = text
                if text[0].isspace() or text[-1].isspace():  # what strip() would cut
                    t.set(_XML_SPACE, "preserve")
            return
        for piece in RUN_PIECES.findall(text):
            if piece == "\t":
                SubElement(r, _W_TAB)
            elif piece in ("\r", "\n"):
                SubElement(r, _W_BR)
            elif piece:
                t = SubElement(r, _W_T)
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_XML_SPACE, "preserve")

    @staticmethod
    def _run_properties(look: _Look) -> tuple[tuple[str, dict[str, str]], ...]:
        """The children of ``w:rPr`` for ``look``, worked out once per look."""
        found = _RUN_PROPERTIES.get(look)
        if found is None:
            properties: list[tuple[str, dict[str, str]]] = []
            if look.bold:
                properties.append((qn("w:b"), {}))
            if look.italic:
                properties.append((qn("w:i"), {}))
            if look.strike:  # a changelog's deleted words (Emphasis role "delete")
                properties.append((qn("w:strike"), {}))
            color = LINK_HEX if look.link else look.color
            if color is not None:
                properties.append((qn("w:color"), {_W_VAL: color}))
            if look.link:
                properties.append((qn("w:u"), {_W_VAL: "single"}))
            if look.lang:
                properties.append((qn("w:lang"), {_W_VAL: look.lang}))
            found = _RUN_PROPERTIES[look] = tuple(properties)
        return found

    def _copy(
        self,
        parent: BaseOxmlElement,
        key: tuple[object, ...],
        build: Callable[[BaseOxmlElement], BaseOxmlElement],
    ) -> Any:
        """An element appended to ``parent``: the first of its ``key`` built by ``build``
        (which appends it), every later one a copy of the first as it was built (copying
        a few elements is several times faster than creating them one by one)."""
        prototype = self._prototypes.get(key)
        if prototype is None:
            made = build(parent)
            self._prototypes[key] = copy.deepcopy(made)
            return made
        made = prototype.__copy__()  # lxml copies the whole subtree
        parent.append(made)
        return made

    def _run(self, parent: BaseOxmlElement, look: _Look) -> CT_R:
        properties = self._run_properties(look)
        r: CT_R
        if not properties:
            r = SubElement(parent, _W_R)
            return r
        key = ("r", look)
        prototype = self._prototypes.get(key)
        if prototype is not None:  # nearly always: _copy's way, without its calls
            r = prototype.__copy__()
            parent.append(r)
            return r

        def build(parent: BaseOxmlElement) -> BaseOxmlElement:
            made: BaseOxmlElement = SubElement(parent, _W_R)
            r_pr = SubElement(made, _W_RPR)
            for tag, attributes in properties:
                SubElement(r_pr, tag, attributes)
            return made

        r = self._copy(parent, key, build)
        return r

    def _link_target(self, link: Link, look: _Look) -> tuple[str, str] | None:
        """Where a hyperlink around ``link``'s runs points: ``("w:anchor", bookmark)`` or
        ``("r:id", relationship)`` (the external address related to the document);
        ``None`` inside another link, or for an anchor the document does not have."""
        if look.link:
            return None
        if link.anchor is not None:
            name = self._bookmarks.get(link.anchor)
            return None if name is None else ("w:anchor", name)
        target = link.url if link.url is not None else self._document_file(link.document or "")
        rel_id = self.document.part.relate_to(
            xml_text(target, ""), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        return ("r:id", rel_id)

    def _link(self, parent: BaseOxmlElement, link: Link, look: _Look) -> None:
        """A hyperlink around ``link``'s runs; inside another link, or to an anchor the
        document does not have, the runs alone."""
        target = self._link_target(link, look)
        if target is None:
            self._runs(parent, link.runs, look)
            return
        hyperlink = element("w:hyperlink", **{target[0]: target[1], "w:history": "1"})
        parent.append(hyperlink)
        self._runs(hyperlink, link.runs, self._changed(look, link=True))

    # -- blocks ----------------------------------------------------------------------------

    def _blocks(self, blocks: Iterable[Block], place: _Place) -> None:
        for block in blocks:
            self._block(block, place)

    def _block(self, block: Block, place: _Place) -> None:
        if isinstance(block, Heading):
            self._heading(block, place)
        elif isinstance(block, Paragraph):
            self._paragraph_block(block, place)
        elif isinstance(block, Facts):
            self._facts(block, place)
        elif isinstance(block, (BulletList, NumberedList)):
            self._list(block, place)
        elif isinstance(block, Table):
            self._table(block, place)
        elif isinstance(block, Section):
            self._pending_anchors.extend(a for a in (block.anchor,) if a)
            if block.heading is not None:
                self._heading(block.heading, place)
            self._blocks(block.blocks, place)
        elif isinstance(block, Figure):
            self._figure(block, place)
        elif isinstance(block, Aside):
            self._aside(block, place)
        elif isinstance(block, PageBreak):
            self._page_break = not place.in_cell

    def _paragraph_block(self, block: Paragraph, place: _Place) -> None:
        style = None if place.in_cell else PARAGRAPH_STYLES.get(block.role or "")
        look = self._paragraph_look(block, place.look)
        self._runs(self._paragraph(place, style), block.runs, look)

    def _paragraph_look(self, block: Paragraph, look: _Look) -> _Look:
        """``look`` bold or italic as well where the paragraph's role asks for it."""
        role = block.role or ""
        if role in PARAGRAPH_LOOKS:
            bold, italic = PARAGRAPH_LOOKS[role]
            look = self._changed(look, bold=look.bold or bold, italic=look.italic or italic)
        return look

    def _emphasised(self, look: _Look, emphasis: Emphasis) -> _Look:
        """The look of ``emphasis``'s runs in text of ``look``: bold where strong,
        italic otherwise, struck through where it marks deleted words."""
        return self._changed(
            look,
            bold=look.bold or emphasis.strong,
            italic=look.italic or not emphasis.strong,
            strike=look.strike or emphasis.role == "delete",
        )

    def _changed(self, look: _Look, **changes: Any) -> _Look:
        """``attrs.evolve(look, **changes)``, made once per document for each look and
        changes (a few looks recur in thousands of runs)."""
        key = (look, *changes.items())
        found = self._looks.get(key)
        if found is None:
            found = self._looks[key] = attrs.evolve(look, **changes)
        return found

    def _heading(self, heading: Heading, place: _Place) -> None:
        if heading.anchor:
            self._pending_anchors.append(heading.anchor)
        if place.in_cell:
            p = self._paragraph(place)
            look = self._changed(place.look, bold=True)
        else:
            level = heading.level
            p = self._paragraph(place, "Title" if level <= 1 else f"Heading {min(level - 1, 9)}")
            look = place.look
            if level > 1 and self.options.contents:
                self._contents_bookmark(p, min(level - 1, 9))
        if heading.number:
            self._text(self._run(p, look), xml_text(f"{heading.number} "))
        self._runs(p, heading.runs, look)
        self._heading_text = " ".join(inline_text(heading.runs).split())

    def _facts(self, facts: Facts, place: _Place) -> None:
        """``Label: value`` lines; the abbreviations as terms and meanings in two columns."""
        terms = facts.role in DEFINITION_ROLES or place.role in DEFINITION_ROLES
        bold = self._changed(place.look, bold=True)
        last = len(facts.items) - 1
        hanging = terms and not place.in_cell

        def apply(fmt: ParagraphFormat, close: bool) -> None:
            if close:  # the lines close together, space after the last
                fmt.space_after = Emu(12700) if terms else 0  # 1 pt
            if hanging:
                fmt.left_indent = Mm(28)
                fmt.first_line_indent = Mm(-28)
                fmt.tab_stops.add_tab_stop(Mm(28))

        for index, fact in enumerate(facts.items):
            p = self._paragraph(place)
            close = index < last
            if close or hanging:
                setters = functools.partial(apply, close=close)
                self._formatted(p, ("fact", terms, hanging, close), setters)
            if hanging:
                self._runs(p, fact.label, bold)
                self._text(self._run(p, place.look), "\t")
            else:
                self._runs(p, fact.label, bold)
                label = inline_text(fact.label).rstrip()
                self._text(self._run(p, bold), " " if label.endswith(":") else ": ")
            self._runs(p, fact.value, place.look)

    def _list(self, block: BulletList | NumberedList, place: _Place) -> None:
        numbered = isinstance(block, NumberedList)
        start = block.start if isinstance(block, NumberedList) else 1
        for number, item in enumerate(block.items, start=start):
            self._item(item, place, f"{number}." if numbered else None)

    def _item(self, item: ListItem, place: _Place, number: str | None) -> None:
        depth = place.depth
        if place.in_cell:
            p = self._paragraph(place)
            in_cell = functools.partial(_item_in_cell, depth=depth)
            self._formatted(p, ("item in cell", depth), in_cell)
            self._text(self._run(p, place.look), f"{number}\u00a0" if number else "•\u00a0")
        elif number is None:
            p = self._paragraph(place, _BULLET_STYLES[min(depth, 2)])
            if depth > 2:  # Word's bullet styles go three levels deep: indent further

                def deeper(fmt: ParagraphFormat) -> None:
                    fmt.left_indent = Emu(_LIST_INDENT * (depth + 1))
                    fmt.first_line_indent = Emu(-_LIST_INDENT)

                self._formatted(p, ("bullet", depth), deeper)
        else:
            p = self._paragraph(place)

            def numbered(fmt: ParagraphFormat) -> None:
                indent = Mm(8) + _LIST_INDENT * depth
                fmt.left_indent = Emu(indent)
                fmt.first_line_indent = Mm(-6)
                fmt.space_after = Emu(25400)  # 2 pt
                fmt.tab_stops.add_tab_stop(Emu(indent))

            self._formatted(p, ("numbered", depth), numbered)
            self._text(self._run(p, place.look), f"{number}\t")
        self._runs(p, item.runs, place.look)
        if not item.children:
            return
        inner = attrs.evolve(place, depth=depth + 1)
        for child in item.children:
            if isinstance(child, Paragraph) and not place.in_cell:
                style = _CONTINUE_STYLES[min(depth, 2)]
                self._runs(self._paragraph(place, style), child.runs, place.look)
            else:
                self._block(child, inner)

    def _chart(self, figure: Figure, place: _Place) -> None:
        """A bar chart as a picture (a PNG drawn with Pillow, the figure's description
        its alt text), then its figures as a table and its description."""
        import io

        from helsefellesskap.outline import BarChart
        from helsefellesskap.outline.charts import chart_table

        from .chart_png import chart_png

        chart = figure.diagram
        assert isinstance(chart, BarChart)
        if figure.caption:
            caption = self._paragraph(place, None if place.in_cell else "Caption")
            self._keep_with_next(caption)
            self._runs(caption, figure.caption, place.look)
        p = self._paragraph(place)
        self._keep_with_next(p)
        shape = self._format(p).add_run().add_picture(
            io.BytesIO(chart_png(chart)), width=Emu(min(int(place.width), Mm(165)))
        )
        shape._inline.docPr.set("descr", xml_text(inline_text(figure.description), " "))
        self._table(chart_table(chart), place)
        if figure.description:
            note = None if place.in_cell else "Note"
            self._runs(self._paragraph(place, note), figure.description, place.look)

    def _figure(self, figure: Figure, place: _Place) -> None:
        """The governance diagram as a nested list of its boxes, each under the one it
        hangs from and marked with the kind of line to it, then its legend (each kind's
        mark and words) and its description; a bar chart as :meth:`_chart` draws it."""
        if not isinstance(figure.diagram, GovernanceDiagram):
            return self._chart(figure, place)
        note = None if place.in_cell else "Note"
        if figure.caption:
            caption = self._paragraph(place, None if place.in_cell else "Caption")
            self._keep_with_next(caption)
            self._runs(caption, figure.caption, place.look)
        diagram = figure.diagram
        for node, kind in _tree(diagram):
            item_place = attrs.evolve(place, depth=place.depth + node.depth)
            arrow = (Text(LINE_MARKS[kind] + "\u00a0"),) if kind in LINE_MARKS else ()
            closed = (
                (Text(" "), Emphasis(runs=diagram.closed_label))
                if node.closed and diagram.closed_label
                else ()
            )
            self._item(ListItem(runs=(*arrow, *node.label, *closed)), item_place, None)
        if diagram.legend_title and diagram.legend:
            title = self._paragraph(place, note)
            self._keep_with_next(title)
            self._runs(title, diagram.legend_title, self._changed(place.look, bold=True))
        for kind, text in diagram.legend:
            p = self._paragraph(place, note)
            if kind in LINE_MARKS:
                self._text(self._run(p, place.look), LINE_MARKS[kind] + "\u00a0")
            self._runs(p, text, place.look)
        if figure.description:
            self._runs(self._paragraph(place, note), figure.description, place.look)

    def _aside(self, aside: Aside, place: _Place) -> None:
        """A titled block where the aside starts with a heading; a shaded box otherwise."""
        inner = attrs.evolve(place, role=aside.role or place.role)
        if place.in_cell or (aside.blocks and isinstance(aside.blocks[0], Heading)):
            self._blocks(aside.blocks, inner)
            return
        columns = (int(place.width),)
        table = self._new_table(place, columns)
        tr = self._new_row(table, header=False)
        tc = self._new_cell(tr, columns[0], LIGHT_HEX)
        self._blocks(
            aside.blocks,
            attrs.evolve(inner, cell=tc, first=_First(tc.p_lst[0]), depth=0, width=columns[0]),
        )
        self._after_table(place)

    # -- tables ----------------------------------------------------------------------------

    def _wide(self, table: Table, place: _Place) -> bool:
        """Whether ``table`` goes on a landscape page: a table of the body with as many
        columns as the options' ``landscape_columns`` or more, where they ask for it."""
        return (
            self.options.landscape
            and place.cell is None
            and len(table.columns) >= self.options.landscape_columns
        )

    def _new_table(self, place: _Place, widths: Sequence[int]) -> CT_Tbl:
        """An empty table of columns ``widths`` (EMU) at ``place``, in the house look."""
        if place.cell is None and (self._page_break or self._last not in _SPACED):
            # a little space between running text and the table (the page break too)
            self._gap(self._paragraph(place), keep_with_next=True)
        key = ("tbl", len(widths))  # the same but for the grid's widths, set below
        prototype = self._prototypes.get(key)
        if prototype is None:
            tbl = CT_Tbl.new_tbl(0, len(widths), Length(sum(widths)))
            table = DocxTable(tbl, self.document._body)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            self.writer.table_look(table)
            self._prototypes[key] = copy.deepcopy(tbl)
        else:
            tbl = prototype.__copy__()
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.set(_W_W, _twips(width))  # what ``grid_col.w = Emu(width)`` writes
        if place.cell is None:
            self._body.append(tbl)  # the w:sectPr is out while writing (write)
        else:
            if place.first is not None:  # the cell starts with the table
                place.first.p = None
            place.cell.append(tbl)
        return tbl

    def _after_table(self, place: _Place) -> None:
        """A little space after a table (and in a cell, the paragraph Word wants last)."""
        if place.cell is not None:
            SubElement(place.cell, _W_P)
            return
        self._gap(self._paragraph(place), keep_with_next=False)

    def _gap(self, p: CT_P, *, keep_with_next: bool) -> None:
        """Make ``p`` an empty line 8 points high: its properties set by python-docx for
        the first gap, copied for every later one where ``p`` has none yet."""
        self._last = "gap"
        key = ("gap", keep_with_next)
        prototype = self._prototypes.get(key)  # the properties of a bare gap
        if prototype is None:
            bare: CT_P = OxmlElement("w:p")
            self._gap_properties(bare, keep_with_next)
            prototype = self._prototypes[key] = bare[0]
        if p.pPr is None:
            p.insert(0, prototype.__copy__())  # where python-docx puts w:pPr
        else:  # a page break or keep-with-next already set
            setters = functools.partial(self._gap_format, keep_with_next=keep_with_next)
            self._formatted(p, key, setters)

    def _gap_properties(self, p: CT_P, keep_with_next: bool) -> None:
        self._gap_format(self._format(p).paragraph_format, keep_with_next=keep_with_next)

    @staticmethod
    def _gap_format(fmt: ParagraphFormat, *, keep_with_next: bool) -> None:
        fmt.space_before = fmt.space_after = 0
        fmt.line_spacing = Emu(101600)  # 8 pt
        fmt.keep_with_next = keep_with_next

    def _new_row(self, tbl: CT_Tbl, *, header: bool) -> CT_Row:
        """A row appended to ``tbl`` (after its grid and rows), kept on one page; a header
        row repeats on every page."""

        def build(tbl: BaseOxmlElement) -> BaseOxmlElement:
            tr: BaseOxmlElement = SubElement(tbl, _W_TR)
            tr_pr = SubElement(tr, _W_TRPR)
            if header:
                SubElement(tr_pr, _W_TBLHEADER, {_W_VAL: "true"})
            SubElement(tr_pr, _W_CANTSPLIT, {_W_VAL: "true"})
            return tr

        found: CT_Row = self._copy(tbl, ("tr", header), build)
        return found

    def _new_cell(
        self,
        tr: CT_Row,
        width: int,
        fill: str | None,
        colspan: int = 1,
        merge: str | None = None,
        style: str | None = None,
        keep: bool = False,
    ) -> CT_Tc:
        """A cell appended to ``tr`` with its empty first paragraph (its last child):
        ``width`` (EMU), the columns it spans, its vertical merge (``restart`` or
        ``continue``) and its shading, the properties in the schema's order
        (:data:`TC_PR_ORDER`), as python-docx's ``add_tc``, ``width``, ``grid_span``
        and ``vMerge`` write them; the paragraph in the style ``style`` (an id) where
        given, and then kept with the next where ``keep``, as :meth:`_paragraph` and
        :meth:`_keep_with_next` write them."""
        key = ("tc", fill, colspan, merge, style, keep and style is not None)
        prototype = self._prototypes.get(key)
        if prototype is not None:  # nearly always: _copy's way, without its calls
            tc: CT_Tc = prototype.__copy__()
            tr.append(tc)
            tc[0][0].set(_W_W, _twips(width))  # w:tcPr/w:tcW: the key leaves it out
            return tc

        def build(tr: BaseOxmlElement) -> BaseOxmlElement:
            tc: BaseOxmlElement = SubElement(tr, _W_TC)
            tc_pr = SubElement(tc, _W_TCPR)
            SubElement(tc_pr, _W_TCW, {_W_TYPE: "dxa", _W_W: _twips(width)})
            if colspan > 1:
                SubElement(tc_pr, _W_GRIDSPAN, {_W_VAL: str(colspan)})
            if merge is not None:  # "continue" is w:vMerge's default value: no attribute
                SubElement(tc_pr, _W_VMERGE, {_W_VAL: merge} if merge != "continue" else {})
            if fill is not None:
                SubElement(tc_pr, _W_SHD, {_W_VAL: "clear", _W_COLOR: "auto", _W_FILL: fill})
            p = SubElement(tc, _W_P)
            if style is not None:
                p_pr = SubElement(p, _W_PPR)
                SubElement(p_pr, _W_PSTYLE, {_W_VAL: style})
                if keep:
                    SubElement(p_pr, _W_KEEPNEXT)
            return tc

        found: CT_Tc = self._copy(tr, key, build)
        return found

    def _table(self, table: Table, place: _Place) -> None:
        """A table row by row: header rows repeat on every page, spans become merges."""
        if table.anchor:
            self._pending_anchors.append(table.anchor)
        if table.caption:
            caption = self._paragraph(place, None if place.in_cell else "Caption")
            self._keep_with_next(caption)
            self._runs(caption, table.caption, self._changed(place.look, bold=place.in_cell))
        if not table.columns:
            return
        wide = self._wide(table, place)
        total = self.writer.landscape_text_width if wide else place.width
        fit = column_widths if self.options.fit_columns else hinted_widths
        widths = fit(table, total)
        tbl = self._new_table(place, widths)
        name = " ".join(inline_text(table.caption).split()) or self._heading_text
        if name:  # the table's name for screen readers (Word's alt text title)
            caption = element("w:tblCaption", **{"w:val": xml_text(name, " ")})
            insert_ordered(tbl.tblPr, caption, TBL_PR_ORDER)
        rows = [*((row, True) for row in table.header), *((row, False) for row in table.rows())]
        keep = len(rows) <= SHORT_TABLE
        covered: list[_Span | None] = [None] * len(widths)
        written: list[str] = []  # the XML of the rows written as text, not yet in tbl
        whole = True  # whether every row is written as text
        for index, (row, header) in enumerate(rows):
            row_keep = keep and index < len(rows) - 1
            if not self._pending_anchors and all(map(_plain_cell, row.cells)):
                self._row_xml(written, row, header, widths, covered, place, row_keep)
                continue
            # a row with a cell of other blocks: element by element, after the rows before
            whole = False
            append_rows(tbl, written)
            written.clear()
            self._row(tbl, row, header, widths, covered, place, row_keep)
        if whole:  # the usual table: parsed with its rows, in the place of the one made
            tbl = table_with_rows(tbl, written)
        else:
            append_rows(tbl, written)
        if wide:
            self._wide_tables.append(tbl)
        self._after_table(place)

    def _row_xml(
        self,
        out: list[str],
        row: Row,
        header: bool,
        widths: Sequence[int],
        covered: list[_Span | None],
        place: _Place,
        keep: bool,
    ) -> None:
        """One row whose cells hold paragraphs and lists of items without children
        (:func:`_plain_cell`), as XML text appended to ``out``
        (:mod:`~helsefellesskap_docx.fragments`): the elements :meth:`_row` makes for
        it, in the same order, with the same side effects (the same spans covered, the
        links' relationships made in the same order)."""
        out.append(_ROW_STARTS[header])
        style = ""
        for cell, width, fill, colspan, merge in _row_slots(row, widths, covered, header):
            if cell is None:  # a span's continued cell, or an empty one
                out.append(cell_start(_twips(width), fill, colspan, merge))
                out.append("<w:p/></w:tc>")
                continue
            if not style:
                style = self._cell_paragraph_start(keep)
            out.append(cell_start(_twips(width), fill, colspan, merge))
            blocks = cell.blocks
            if not blocks:
                out.append(style)
                out.append("</w:p>")
            look = self._cell_look(place.look, header, cell.header)
            for block in blocks:
                if isinstance(block, Paragraph):
                    out.append(style)
                    self._runs_xml(out, block.runs, self._paragraph_look(block, look))
                    out.append("</w:p>")
                elif isinstance(block, (BulletList, NumberedList)):
                    self._items_xml(out, block, look, keep)
            out.append("</w:tc>")
        out.append("</w:tr>")

    def _items_xml(
        self, out: list[str], block: BulletList | NumberedList, look: _Look, keep: bool
    ) -> None:
        """The items (without children) of a list in a cell as XML text: what
        :meth:`_list` and :meth:`_item` write there, each item a paragraph in *Table
        Text* indented, its bullet or number and a no-break space, then its runs."""
        start = self._item_in_cell_start(keep)
        if isinstance(block, NumberedList):
            numbers = range(block.start, block.start + len(block.items))
            marks = [f"{number}.\u00a0" for number in numbers]
        else:
            marks = ["\u2022\u00a0"] * len(block.items)
        opening = _run_start(look)
        for item, mark in zip(block.items, marks, strict=True):
            out.append(start)
            out.append(opening)
            out.append(text_xml(mark))
            out.append("</w:r>")
            self._runs_xml(out, item.runs, look)
            out.append("</w:p>")

    def _item_in_cell_start(self, keep: bool) -> str:
        """The start of a list item's paragraph in a cell (its properties), as
        :meth:`_item` makes them: on a scratch paragraph, once per document and
        ``keep``."""
        key = ("item in cell", keep)
        found = self._starts.get(key)
        if found is None:
            p: CT_P = OxmlElement("w:p")
            properties = SubElement(p, _W_PPR)
            SubElement(properties, _W_PSTYLE, {_W_VAL: self._style_id("Table Text")})
            if keep:
                SubElement(properties, _W_KEEPNEXT)
            in_cell = functools.partial(_item_in_cell, depth=0)
            self._formatted(p, ("item in cell", 0), in_cell)
            assert p.pPr is not None
            found = self._starts[key] = "<w:p>" + element_xml(p.pPr)
        return found

    def _cell_paragraph_start(self, keep: bool) -> str:
        """The start of a cell's paragraph in *Table Text*, kept with the next where
        ``keep`` (what :meth:`_new_cell` writes for a ``style`` and ``keep``)."""
        style = attribute(self._style_id("Table Text"))
        keep_next = "<w:keepNext/>" if keep else ""
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}</w:pPr>'

    def _runs_xml(self, out: list[str], items: Inlines, look: _Look) -> None:
        """``items`` as the XML text of the runs :meth:`_runs` makes, appended to ``out``."""
        start = _RUN_STARTS.get(look) or _run_start(look)
        for item in items:
            if type(item) is Text or isinstance(item, Text):
                if item.text:
                    out += (start, text_xml(xml_text(item.text)), "</w:r>")
            elif isinstance(item, LineBreak):
                out += (start, "<w:br/></w:r>")
            elif isinstance(item, Emphasis):
                self._runs_xml(out, item.runs, self._emphasised(look, item))
            elif isinstance(item, Span):
                lang = None if item.lang == self.outline.language else word_language(item.lang)
                self._runs_xml(out, item.runs, self._changed(look, lang=lang))
            elif isinstance(item, Link):
                self._link_xml(out, item, look)

    def _link_xml(self, out: list[str], link: Link, look: _Look) -> None:
        """:meth:`_link`'s hyperlink around ``link``'s runs as XML text."""
        target = self._link_target(link, look)
        if target is None:
            self._runs_xml(out, link.runs, look)
            return
        out.append(f'<w:hyperlink {target[0]}="{attribute(target[1])}" w:history="1">')
        self._runs_xml(out, link.runs, self._changed(look, link=True))
        out.append("</w:hyperlink>")

    def _row(
        self,
        tbl: CT_Tbl,
        row: Row,
        header: bool,
        widths: Sequence[int],
        covered: list[_Span | None],
        place: _Place,
        keep: bool,
    ) -> None:
        """One row: a cell covered by a span from above continues its merge; the row's
        cells fill the other columns, left to right."""
        tr = self._new_row(tbl, header=header)
        for cell, width, fill, colspan, merge in _row_slots(row, widths, covered, header):
            if cell is None:  # a span's continued cell, or an empty one
                self._new_cell(tr, width, fill, colspan, merge)
                continue
            blocks = cell.blocks
            if not blocks or (
                len(blocks) == 1 and type(blocks[0]) is Paragraph and not self._pending_anchors
            ):
                # most cells, one paragraph or none: its style and keep in the copied cell
                # (what _paragraph does with a cell's first paragraph)
                style = self._style_id("Table Text")
                tc = self._new_cell(tr, width, fill, colspan, merge, style, keep)
                if blocks:
                    paragraph = blocks[0]
                    assert isinstance(paragraph, Paragraph)
                    look = self._cell_look(place.look, header, cell.header)
                    self._runs(tc[-1], paragraph.runs, self._paragraph_look(paragraph, look))
            else:
                tc = self._new_cell(tr, width, fill, colspan, merge)
                self._cell(tc, cell, header, width, place, keep)

    def _cell_look(self, look: _Look, header: bool, header_cell: bool) -> _Look:
        """The runs' look in a cell: the header row's white bold, a header cell's bold."""
        if not (header or header_cell):
            return look
        kind = (look, header)
        found = self._cell_looks.get(kind)
        if found is None:
            found = (
                attrs.evolve(look, bold=True, color=WHITE_HEX)
                if header
                else attrs.evolve(look, bold=True)
            )
            self._cell_looks[kind] = found
        return found

    def _cell(
        self, tc: CT_Tc, cell: Cell, header: bool, width: int, place: _Place, keep: bool
    ) -> None:
        """The blocks of a cell of more than one paragraph, or of another block (the
        others :meth:`_row` writes itself)."""
        look = self._cell_look(place.look, header, cell.header)
        first: CT_P = tc[-1]  # the new cell's empty paragraph (see _new_cell)
        inner = _Place(cell=tc, first=_First(first), look=look, keep=keep, width=width)
        self._blocks(cell.blocks, inner)
