"""The blocks and inline runs of an outline as HTML, written in Python.

The macros of ``outline.html.j2`` (``html.table(block)``, ``html.write_blocks(blocks)``
…) are the HTML writer's interface for page templates and ``blocks/<role>.html.j2``
overrides; each calls :class:`HtmlBlocks`, which writes the whole tree below it into
one list of strings. A page thus costs one template call per page region, not one
per block, row, cell and run. A block whose role has a template of its own is handed
back to the template (the ``write_block`` macro includes it), wherever it stands.

Every value of the data is made safe once, where it is printed, exactly as
``{{ value }}`` prints it in a template (:func:`printed`): characters HTML cannot hold
go (a vertical tab or form feed is a line break), bidirectional controls a value opens
are closed at its end, and the text is escaped by :mod:`markupsafe`. A text with none of
those characters is found by one regular-expression search and escaped whole; no text
is visited character by character.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

try:  # markupsafe's escaping in C, the text returned as it is rather than as Markup
    from markupsafe._speedups import _escape_inner as _escape_str
except ImportError:  # pragma: no cover - another markupsafe than the one tested

    def _escape_str(s: str, /) -> str:
        return str(escape(s))


from ..errors import RenderError
from ..model.links import LINK_SCHEMES
from ..outline.blocks import (
    Aside,
    Block,
    BulletList,
    Cell,
    Emphasis,
    Facts,
    Figure,
    Heading,
    Inlines,
    LineBreak,
    Link,
    NumberedList,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    Text,
    inline_text,
)
from .html_table import PlacedCell, column_labels
from .safe import balance_bidi, has_unsafe, is_plain, xml_text

__all__ = [
    "LONG_WORD",
    "HtmlBlocks",
    "block_kind",
    "data_attributes",
    "inline_html",
    "linkable",
    "percent",
    "plain_text",
    "printed",
    "role_class",
    "run_kind",
    "safe_value",
    "text_markup",
]

_BLOCK_KINDS: Mapping[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    Facts: "facts",
    BulletList: "bullet_list",
    NumberedList: "numbered_list",
    Table: "table",
    Section: "section",
    Figure: "figure",
    Aside: "aside",
    PageBreak: "page_break",
}
_RUN_KINDS: Mapping[type, str] = {
    Text: "text",
    LineBreak: "line_break",
    Emphasis: "emphasis",
    Link: "link",
    Span: "span",
}


def block_kind(block: object) -> str:
    """The name of a block's macro in ``outline.html.j2`` (``"bullet_list"``)."""
    try:
        return _BLOCK_KINDS[type(block)]
    except KeyError:
        from ..messages import message

        raise RenderError(message("render.not_a_block", type=type(block).__name__)) from None


def run_kind(run: object) -> str:
    """What an inline run is: ``text``, ``line_break``, ``emphasis``, ``link`` or ``span``."""
    try:
        return _RUN_KINDS[type(run)]
    except KeyError:
        from ..messages import message

        raise RenderError(message("render.not_a_run", type=type(run).__name__)) from None


# -- values and text ---------------------------------------------------------------------


def safe_value(value: object) -> object:
    """A value a template prints, made safe for the page before it is escaped: a
    vertical tab or form feed (Word's manual breaks) becomes ``<br>``, other characters
    HTML calls invalid go (:func:`~helsefellesskap.render.safe.xml_text`), and
    bidirectional controls the value opens are closed at its end
    (:func:`~helsefellesskap.render.safe.balance_bidi`).

    Markup passes unchanged: it is what a macro, a filter or :func:`text_markup` wrote,
    whose data was made safe where it was printed, so no text is scanned twice."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    if is_plain(value):
        return value
    balanced = balance_bidi(value)
    if not has_unsafe(balanced):
        return balanced
    return Markup(xml_text(str(Markup.escape(balanced)), "<br>"))


def printed(value: object) -> str:
    """A value as ``{{ value }}`` prints it in a page (made safe by :func:`safe_value`,
    then escaped): a plain text costs one search and one escape."""
    if type(value) is str and is_plain(value):
        return _escape_str(value)
    return escape(safe_value(value))


@functools.lru_cache(maxsize=512)
def _name(value: str) -> str:
    """:func:`printed` of a value that repeats on every page (a role, a column)."""
    return printed(value)


LONG_WORD = 40
"""A word of more characters than this (a pasted address, an id) may break anywhere."""
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{LONG_WORD + 1},}}")
"""A word longer than :data:`LONG_WORD` (tried only where a word starts)."""
_NO_SPACE_RUN = re.compile(rf"[^ ]{{{LONG_WORD + 1}}}")
"""A run as long without a space: without one there is no long word (a quicker search,
as :data:`_SPACED_RUN` after the text's start)."""
_SPACED_RUN = re.compile(rf" [^ ]{{{LONG_WORD + 1}}}")
"""Such a run after a space: tried at the spaces only, found by a scan for the space."""


def text_markup(value: str) -> Markup:
    """A text run of the outline as escaped, safe HTML: characters HTML cannot hold go,
    a line break (``\\n``, or a vertical tab or form feed) is ``<br>``, and the
    bidirectional controls it opens are closed at its end.

    A word longer than :data:`LONG_WORD` characters is a ``<span class="long-word">``,
    which may break anywhere (``overflow-wrap: anywhere``), so that it wraps rather than
    push a table or a list off the page, while the words of the language keep whole (a
    narrow column widens to its longest word instead of breaking it). The text reads
    as it is written: no character is added."""
    return Markup(_text_html(value))


def _text_html(value: str) -> str:
    """:func:`text_markup` as a ``str``, for the writer's own list of strings."""
    if (
        type(value) is str
        and (value.isprintable() or ("\n" not in value and is_plain(value)))
        and (
            len(value) <= LONG_WORD
            or (_NO_SPACE_RUN.match(value) is None and _SPACED_RUN.search(value) is None)
            or _LONG_WORD.search(value) is None
        )
    ):
        return _escape_str(value)
    clean = balance_bidi(xml_text(value, "\n")).replace("\r\n", "\n")
    if "\n" not in clean and not _LONG_WORD.search(clean):
        return escape(clean)
    return Markup("<br>").join(_breakable(line) for line in clean.split("\n"))


def _breakable(line: str) -> Markup:
    out: list[str] = []
    last = 0
    for match in _LONG_WORD.finditer(line):
        out.append(escape(line[last : match.start()]))
        out.append(f'<span class="long-word">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(line[last:]))
    return Markup("".join(out))


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")


def linkable(url: str) -> bool:
    """Whether ``url`` may be a link's ``href``: a web or e-mail address (the schemes the
    model allows, :data:`~helsefellesskap.model.links.LINK_SCHEMES`), or one without a
    scheme. A block a plugin built with a ``javascript:`` address keeps its text, unlinked."""
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


def plain_text(items: Inlines) -> str:
    """The plain text of runs (for an attribute such as ``title``), lines joined by spaces."""
    return " ".join(xml_text(inline_text(items), " ").split())


_NOT_KEY = re.compile(r"[^a-z0-9-]")


@functools.lru_cache(maxsize=1024)
def _data_key(name: str) -> str:
    """A machine key as the name of a ``data-*`` attribute (lower case ASCII letters,
    digits and ``-``; any other character as ``-``)."""
    return _NOT_KEY.sub("-", name.lower())


def data_attributes(data: Sequence[tuple[str, str]]) -> Markup:
    """``data-*`` attributes from machine keys: `` data-measure="overganger"``. A key
    is written in lower case with other characters than letters, digits and ``-`` as
    ``-``; a value is escaped."""
    return Markup(_data_html(data))


def _data_html(data: Sequence[tuple[str, str]]) -> str:
    if not data:
        return ""
    if len(data) == 1:  # a row's or a group's one key
        ((name, value),) = data
        return f' data-{_data_key(name)}="{_data_value(value)}"'
    return "".join(f' data-{_data_key(name)}="{_data_value(value)}"' for name, value in data)


def _data_value(value: object) -> str:
    if type(value) is str and value.isprintable():  # an id: nothing to drop
        return _escape_str(value)
    return escape(xml_text(str(value), " "))


@functools.lru_cache(maxsize=256)
def percent(width: float) -> str:
    """A share of a table's width as a CSS percentage: ``0.1969`` → ``19.69%``."""
    return f"{round(width * 100, 2):g}%"


@functools.lru_cache(maxsize=256)
def role_class(role: str | None, extra: str = "") -> str:
    """`` class="…"`` for a block's role and the class its kind adds (nothing without
    either), as the ``role_class`` macro writes it."""
    classes = " ".join(name for name in (role or "", extra if extra != role else "") if name)
    return f' class="{printed(classes)}"' if classes else ""


# -- inline runs ---------------------------------------------------------------------------

_EMPHASIS_TAGS = {
    "insert": ("<ins><strong>", "</strong></ins>"),
    "delete": ("<del><em>", "</em></del>"),
}


def write_inlines(items: Inlines, document_href: Callable[[str], str], out: list[str]) -> None:
    """Append inline runs to ``out`` as HTML: text through :func:`text_markup`, a line
    break as ``<br>``, emphasis (a changelog's inserted words as ``<ins><strong>``,
    deleted ones as ``<del><em>``), links (to a web or e-mail address, an anchor of the
    page or another document's file; an address of another scheme is its text only) and
    text in another language (``<span lang>``)."""
    for run in items:
        kind = type(run)
        if kind is Text:
            out.append(_text_html(run.text))  # type: ignore[union-attr]
        elif kind is LineBreak:
            out.append("<br>")
        elif kind is Emphasis:
            assert isinstance(run, Emphasis)
            if run.role in _EMPHASIS_TAGS:
                start, end = _EMPHASIS_TAGS[run.role]
            elif run.strong:
                start, end = "<strong>", "</strong>"
            else:
                start, end = "<em>", "</em>"
            out.append(start)
            write_inlines(run.runs, document_href, out)
            out.append(end)
        elif kind is Link:
            assert isinstance(run, Link)
            if run.url is None or linkable(run.url):
                if run.url is not None:
                    href = printed(run.url)
                elif run.anchor is not None:
                    href = "#" + printed(run.anchor)
                else:
                    href = printed(document_href(run.document))  # type: ignore[arg-type]
                out.append(f'<a href="{href}">')
                write_inlines(run.runs, document_href, out)
                out.append("</a>")
            else:
                write_inlines(run.runs, document_href, out)
        elif kind is Span:
            assert isinstance(run, Span)
            out.append(f'<span lang="{printed(run.lang)}">')
            write_inlines(run.runs, document_href, out)
            out.append("</span>")
        else:
            run_kind(run)  # raises: not a run


def inline_html(items: Inlines, document_href: Callable[[str], str]) -> Markup:
    """Inline runs as HTML (:func:`write_inlines`), for the ``inlines`` macro."""
    out: list[str] = []
    write_inlines(items, document_href, out)
    return Markup("".join(out))


# -- blocks ----------------------------------------------------------------------------------

Write = Callable[["HtmlBlocks", Any, "str | None", Inlines, list[str]], None]


class HtmlBlocks:
    """Writes the blocks of one page as HTML, as the macros of ``outline.html.j2``
    define them.

    Built per macro call from the page's values (:func:`writer_of`): where a link to
    another document goes (``document_href``), which roles have a template
    (``role_template``) and the macro that includes it (``write_block``), ids not yet
    given on the page (``next_id``), the labels, the partnership, the language labels
    are marked with and how a figure is drawn (``svg``). Each public method returns the
    markup of what it was given; ``label_id`` is the id of the heading the blocks stand
    under (it names a table or figure without a caption) and ``label_runs`` that
    heading's runs (for a role template)."""

    __slots__ = (
        "_cells",
        "_heads",
        "_labels",
        "document_href",
        "label",
        "marked_language",
        "next_id",
        "partnership",
        "role_template",
        "svg",
        "write_block",
    )

    def __init__(
        self,
        *,
        document_href: Callable[[str], str],
        role_template: Callable[[object], str | None],
        write_block: Callable[..., object],
        next_id: Callable[[str], str],
        label: Callable[..., str],
        partnership: Any,
        marked_language: str | None,
        svg: Callable[..., object],
    ) -> None:
        self.document_href = document_href
        # a role template is looked for only where there are any (``RoleTemplates.names``)
        self.role_template = role_template if getattr(role_template, "names", True) else None
        self.write_block = write_block
        self.next_id = next_id
        self.label = label
        self.partnership = partnership
        self.marked_language = marked_language
        self.svg = svg
        self._heads: dict[int, tuple[Cell, str, str]] = {}
        """The same for the cells of header rows."""
        self._cells: dict[int, tuple[Cell, str, str, str]] = {}
        """The HTML of each body cell written so far, the column it stood in and that
        column's header (its ``data-label``), by the cell's identity; each entry holds
        the cell, so no other object takes its identity while the writer lives (it
        writes one region of one page)."""
        self._labels: dict[int, tuple[tuple[Row, ...], tuple[str, ...]]] = {}
        """The column headers of the tables written so far, by the identity of their
        header rows, which a plan's tables share (so that their labels are the same
        strings, and a shared cell's HTML is found again)."""

    # the macros' interface: each returns Markup

    def blocks(
        self, items: Sequence[Block], label_id: str | None = None, label_runs: Inlines = ()
    ) -> Markup:
        """Blocks in order, one a line, each by the template of its role where it has
        one, else by its kind (``write_blocks``)."""
        out: list[str] = []
        self._blocks(items, label_id, label_runs, out)
        return Markup("".join(out))

    def block(self, block: Block, label_id: str | None = None, label_runs: Inlines = ()) -> Markup:
        """One block by its kind, whatever its role (``default_block``)."""
        out: list[str] = []
        self._block(block, label_id, label_runs, out)
        return Markup("".join(out))

    def heading(self, block: Heading, id: str | None = None) -> Markup:
        """A heading at its level (h1 to h6) with its number, and ``id`` if given."""
        out: list[str] = []
        self._heading(block, id, out)
        return Markup("".join(out))

    def list_items(
        self,
        block: BulletList | NumberedList,
        label_id: str | None = None,
        label_runs: Inlines = (),
    ) -> Markup:
        """The items of a list, one a line, nested blocks under their item."""
        out: list[str] = []
        self._list_items(block, label_id, label_runs, out)
        return Markup("".join(out))

    def cell_content(self, cell: Cell) -> Markup:
        """What a cell holds: one plain paragraph as its text, anything else as blocks."""
        out: list[str] = []
        self._cell_content(cell, out)
        return Markup("".join(out))

    def cell_tag(self, placed: PlacedCell) -> Markup:
        """A placed cell (:func:`~helsefellesskap.render.html_table.table_layout`) with
        its tag, class, scope and spans."""
        out: list[str] = []
        self._cell(placed.cell, placed.column, placed.tag, placed.scope, out, placed.label)
        return Markup("".join(out))

    def inlines(self, items: Inlines) -> Markup:
        """Inline runs (:func:`write_inlines`)."""
        return inline_html(items, self.document_href)

    # the writing

    def _blocks(
        self, items: Sequence[Block], label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        role_template = self.role_template
        first = True
        for item in items:
            if first:
                first = False
            else:
                out.append("\n")
            if role_template is not None and role_template(item):
                out.append(str(self.write_block(item, label_id, label_runs)))
            else:
                self._block(item, label_id, label_runs, out)

    def _block(
        self, block: Block, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        write = _WRITERS.get(type(block))
        if write is None:
            block_kind(block)  # raises: not a block
            return
        write(self, block, label_id, label_runs, out)

    def _heading(self, block: Heading, id: str | None, out: list[str]) -> None:
        level = min(max(block.level, 1), 6)
        out.append(f'<h{level} dir="auto" id="{printed(id)}">' if id else f'<h{level} dir="auto">')
        if block.number:
            out.append(f'<span class="number">{printed(block.number)}</span>')
        write_inlines(block.runs, self.document_href, out)
        out.append(f"</h{level}>")

    def _default_heading(
        self, block: Heading, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        self._heading(block, block.anchor, out)

    def _paragraph(
        self, block: Paragraph, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        role = block.role
        if role:
            note = ' role="note"' if role == "example" else ""
            out.append(f'<p dir="auto"{role_class(role)}{note}>')
        else:
            out.append('<p dir="auto">')
        write_inlines(block.runs, self.document_href, out)
        out.append("</p>")

    def _facts(
        self, block: Facts, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        role = block.role
        href = self.document_href
        out.append(f"<dl{role_class(role, 'facts')}")
        if role is None or role == "facts":
            out.append(f' aria-label="{printed(self.label("html.meta"))}"')
        out.append(">\n")
        abbreviations = role == "abbreviations"
        for fact in block.items:
            if abbreviations:
                out.append(f'<dt dir="auto"><abbr title="{printed(plain_text(fact.value))}">')
                write_inlines(fact.label, href, out)
                out.append("</abbr></dt>\n")
            else:
                out.append('<dt dir="auto">')
                write_inlines(fact.label, href, out)
                out.append("</dt>\n")
            out.append('<dd dir="auto">')
            write_inlines(fact.value, href, out)
            out.append("</dd>\n")
        out.append("</dl>")

    def _list_items(
        self,
        block: BulletList | NumberedList,
        label_id: str | None,
        label_runs: Inlines,
        out: list[str],
    ) -> None:
        href = self.document_href
        first = True
        for item in block.items:
            if first:
                first = False
            else:
                out.append("\n")
            out.append('<li dir="auto">')
            write_inlines(item.runs, href, out)
            if item.children:
                out.append("\n")
                self._blocks(item.children, label_id, label_runs, out)
                out.append("\n")
            out.append("</li>")

    def _bullet_list(
        self, block: BulletList, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        out.append(f"<ul{role_class(block.role)}>\n")
        self._list_items(block, label_id, label_runs, out)
        out.append("\n</ul>")

    def _numbered_list(
        self, block: NumberedList, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        start = f' start="{printed(block.start)}"' if block.start != 1 else ""
        out.append(f"<ol{role_class(block.role)}{start}>\n")
        self._list_items(block, label_id, label_runs, out)
        out.append("\n</ol>")

    def _table(
        self, block: Table, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        columns = block.columns
        out.append('<div class="table-wrap">\n<table')
        out.append(role_class(block.role, f"cols-{len(columns)}"))
        if block.anchor:
            out.append(f' id="{printed(block.anchor)}"')
        out.append(_data_html(block.data))
        if not block.caption and label_id:
            out.append(f' aria-labelledby="{printed(label_id)}"')
        out.append(">\n")
        if block.caption:
            out.append('<caption dir="auto">')
            write_inlines(block.caption, self.document_href, out)
            out.append("</caption>\n")
        out.append("<colgroup>\n")
        for column in columns:
            width = f' style="width: {printed(percent(column.width))}"' if column.width else ""
            out.append(f'<col class="col-{_name(column.role)}"{width}>\n')
        out.append("</colgroup>\n")
        if block.header:
            out.append("<thead>\n")
            self._rows(block.header, block, True, out)
            out.append("</thead>\n")
        labels = self._column_labels(block)
        for group in block.groups:
            out.append(f"<tbody{_data_html(group.data)}>\n")
            self._rows(group.rows, block, False, out, labels)
            out.append("</tbody>\n")
        out.append("</table>\n</div>")

    def _column_labels(self, table: Table) -> tuple[str, ...]:
        """:func:`~helsefellesskap.render.html_table.column_labels`, once for the header
        rows the page's tables share."""
        if len(table.columns) == 2 or not table.header:
            return ()
        known = self._labels.get(id(table.header))
        if known is not None and known[0] is table.header:
            return known[1]
        labels = column_labels(table)
        self._labels[id(table.header)] = (table.header, labels)
        return labels

    def _rows(
        self,
        rows: Sequence[Row],
        table: Table,
        head: bool,
        out: list[str],
        labels: tuple[str, ...] = (),
    ) -> None:
        """The rows of a table's head or of one of its groups, each cell placed in its
        column as :func:`~helsefellesskap.render.html_table.placed_rows` places it (past
        the cells that spans from above cover), written out here without a tuple per
        cell. A cell of the header rows, or a body cell that is no header, that holds
        at most one paragraph without a role is written once per column it stands in:
        an outline shares the cells many rows repeat (the same responsible actors,
        deadline or status) and the header row of a plan's tables, so the page writes
        them again from :attr:`_cells` (:attr:`_heads` for the header rows). (Other
        blocks may take ids of the page or a role's template, so they are written at
        each place.) A body cell carries its column's header from ``labels``
        (:func:`~helsefellesskap.render.html_table.column_labels`) as its
        ``data-label``."""
        columns = table.columns
        count = len(columns)
        labelled = len(labels)
        group_rows = len(rows)
        memo = self._cells
        heads = self._heads
        # for each column index, the number of the first row below the span from above
        # that covers it (a column is covered in the rows before that number)
        until = [0] * count
        size = count
        for number, row in enumerate(rows, 1):
            data = row.data
            out.append(f"<tr{_data_html(data)}>\n" if data else "<tr>\n")
            index = 0
            for cell in row.cells:
                while index < size and until[index] > number:
                    index += 1
                column = columns[index].role if index < count else ""
                rowspan = cell.rowspan
                if head:  # a plan's tables share their header row: written once a column
                    known = heads.get(id(cell))
                    if known is not None and known[0] is cell and known[1] == column:
                        out.append(known[2])
                    else:
                        html = self._cell_html(cell, column, "th", "col")
                        if _same_everywhere(cell):
                            heads[id(cell)] = (cell, column, html)
                        out.append(html)
                elif cell.header:
                    scope = "rowgroup" if rowspan > 1 and rowspan >= group_rows else "row"
                    label = labels[index] if index < labelled else ""
                    out.append(self._cell_html(cell, column, "th", scope, label))
                else:
                    # an empty cell is hidden where cells stack: it needs no label
                    label = labels[index] if index < labelled and cell.blocks else ""
                    seen = memo.get(id(cell))
                    if (
                        seen is not None
                        and seen[0] is cell
                        and seen[1] == column
                        and seen[2] == label
                    ):
                        out.append(seen[3])
                    else:
                        html = self._cell_html(cell, column, "td", None, label)
                        if _same_everywhere(cell):
                            memo[id(cell)] = (cell, column, label, html)
                        out.append(html)
                span = cell.colspan
                if rowspan > 1:
                    end = index + max(span, 1)
                    if end > size:
                        until.extend([0] * (end - size))
                        size = end
                    for spanned in range(index, end):
                        until[spanned] = number + rowspan
                index += span if span > 1 else 1
            out.append("</tr>\n")

    def _cell_html(
        self, cell: Cell, column: str, tag: str, scope: str | None, label: str = ""
    ) -> str:
        """A placed cell and the line break after it, as :meth:`_cell` writes it."""
        blocks = cell.blocks
        if len(blocks) == 1 and type(blocks[0]) is Paragraph and blocks[0].role is None:
            runs = blocks[0].runs
            if len(runs) == 1 and type(runs[0]) is Text:  # most cells: one text
                start, end = _cell_tags(tag, column, scope, cell.rowspan, cell.colspan, label)
                return f"{start}{_text_html(runs[0].text)}{end}\n"
        out: list[str] = []
        self._cell(cell, column, tag, scope, out, label)
        out.append("\n")
        return "".join(out)

    def _cell(
        self,
        cell: Cell,
        column: str,
        tag: str,
        scope: str | None,
        out: list[str],
        label: str = "",
    ) -> None:
        start, end = _cell_tags(tag, column, scope, cell.rowspan, cell.colspan, label)
        out.append(start)
        blocks = cell.blocks
        if len(blocks) == 1 and type(blocks[0]) is Paragraph and blocks[0].role is None:
            runs = blocks[0].runs
            if len(runs) == 1 and type(runs[0]) is Text:  # most cells: one text
                out.append(_text_html(runs[0].text))
            else:
                write_inlines(runs, self.document_href, out)
        else:
            self._blocks(blocks, None, (), out)
        out.append(end)

    def _cell_content(self, cell: Cell, out: list[str]) -> None:
        blocks = cell.blocks
        if len(blocks) == 1 and type(blocks[0]) is Paragraph and blocks[0].role is None:
            write_inlines(blocks[0].runs, self.document_href, out)
        else:
            self._blocks(blocks, None, (), out)

    def _section(
        self, block: Section, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        heading = block.heading
        anchor = block.anchor
        where = f' id="{printed(anchor)}"' if anchor else ""
        out.append(f"<section{role_class(block.role)}{where}{_data_html(block.data)}>\n")
        if heading is not None:
            own = heading.anchor if heading.anchor != anchor else None
            heading_id = own or (f"{anchor}-heading" if anchor else self.next_id("h"))
            self._heading(heading, heading_id, out)
            out.append("\n")
            if block.blocks:
                self._blocks(block.blocks, heading_id, heading.runs, out)
                out.append("\n")
        elif block.blocks:
            self._blocks(block.blocks, label_id, label_runs, out)
            out.append("\n")
        out.append("</section>")

    def _figure(
        self, block: Figure, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        caption_id = self.next_id("caption") if block.caption else None
        out.append(f"<figure{role_class(block.role, 'diagram')}>\n")
        description = plain_text(block.description) or self.label(
            "diagram.description", name=self.partnership.name
        )
        drawing = self.svg(
            block.diagram,
            labelled_by=caption_id or label_id,
            description=description,
            element_id=self.next_id("org"),
            language=self.marked_language,
        )
        out.append(drawing if isinstance(drawing, Markup) else printed(drawing))
        out.append("\n")
        if block.caption:
            out.append(f'<figcaption dir="auto" id="{printed(caption_id)}">')
            write_inlines(block.caption, self.document_href, out)
            out.append("</figcaption>\n")
        out.append("</figure>")

    def _aside(
        self, block: Aside, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        out.append(f"<aside{role_class(block.role, 'box')}>\n")
        self._blocks(block.blocks, label_id, label_runs, out)
        out.append("\n</aside>")

    def _page_break(
        self, block: PageBreak, label_id: str | None, label_runs: Inlines, out: list[str]
    ) -> None:
        out.append('<div class="page-break" aria-hidden="true"></div>')


def _same_everywhere(cell: Cell) -> bool:
    """Whether a cell's HTML is the same wherever it stands in its column: it holds at
    most one paragraph without a role, its inline runs alone (other blocks may take ids
    of the page or a role's template)."""
    blocks = cell.blocks
    return not blocks or (
        len(blocks) == 1 and type(blocks[0]) is Paragraph and blocks[0].role is None
    )


@functools.lru_cache(maxsize=1024)
def _cell_tags(
    tag: str, column: str, scope: str | None, rowspan: int, colspan: int, label: str = ""
) -> tuple[str, str]:
    """The start and end tag of a table cell: its column's class, scope, spans and
    (a body cell) its column's header as ``data-label``."""
    tag = printed(tag)
    where = f' class="col-{printed(column)}"' if column else ""
    if scope:
        where += f' scope="{printed(scope)}"'
    if rowspan > 1:
        where += f' rowspan="{printed(rowspan)}"'
    if colspan > 1:
        where += f' colspan="{printed(colspan)}"'
    if label:
        where += f' data-label="{printed(label)}"'
    return f'<{tag} dir="auto"{where}>', f"</{tag}>"


_WRITERS: Mapping[type, Write] = {
    Heading: HtmlBlocks._default_heading,
    Paragraph: HtmlBlocks._paragraph,
    Facts: HtmlBlocks._facts,
    BulletList: HtmlBlocks._bullet_list,
    NumberedList: HtmlBlocks._numbered_list,
    Table: HtmlBlocks._table,
    Section: HtmlBlocks._section,
    Figure: HtmlBlocks._figure,
    Aside: HtmlBlocks._aside,
    PageBreak: HtmlBlocks._page_break,
}
