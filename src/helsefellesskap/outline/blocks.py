"""The blocks of a document outline: what a rendered document shows, and in what order.

An :class:`Outline` is a small, typed, frozen tree. It is built once per document from
the model, the layout and the label catalogue (see :mod:`helsefellesskap.outline`), and
every writer (Markdown, HTML, Word, PDF) walks the same tree, deciding only how each
block looks. A writer never adds text of its own beyond what a block says, and never
leaves a block's text out: a test renders every bundled document in every format and
checks that each text of its outline appears, in the same order.

Two levels, as in docutils, pandoc and markdown-it:

* **inline runs** (:data:`Inline`): :class:`Text`, :class:`Emphasis`, :class:`Link`,
  :class:`Span` (text in another language than the page's) and :class:`LineBreak`;
* **blocks** (:data:`Block`): :class:`Heading`, :class:`Paragraph`, :class:`Facts`,
  :class:`BulletList`, :class:`NumberedList`, :class:`Table`, :class:`Section`,
  :class:`Figure`, :class:`Aside` and :class:`PageBreak`.

``role`` on a block is a hint of what it is (``"lead"``, ``"abbreviations"``,
``"measures"`` …) that a writer may style by; it never changes the text shown. ``data``
on tables, rows and sections carries machine keys (a measure's id) that a writer may
expose (HTML ``data-*`` attributes) and must not print.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..codecache import compile_generated
from .construct import field_setters

__all__ = [
    "Aside",
    "Bar",
    "BarChart",
    "Block",
    "BulletList",
    "Cell",
    "ChartSeries",
    "Column",
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "Emphasis",
    "Fact",
    "Facts",
    "Figure",
    "GovernanceDiagram",
    "Heading",
    "Inline",
    "Inlines",
    "LineBreak",
    "Link",
    "ListItem",
    "NumberedList",
    "Outline",
    "PageBreak",
    "Paragraph",
    "Row",
    "RowGroup",
    "Section",
    "Span",
    "Table",
    "Text",
    "inline_text",
    "runs",
]

Data = tuple[tuple[str, str], ...]
"""Machine keys as ``(name, value)`` pairs (``(("measure", "hospitering"),)``)."""


# -- inline runs -------------------------------------------------------------------------


@attrs.frozen
class Text:
    """Plain text. A line break inside it is shown as a line break."""

    text: str


@attrs.frozen
class LineBreak:
    """A line break inside a paragraph, a list item or a cell."""


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised runs: italic, or bold with ``strong``."""

    runs: Inlines
    strong: bool = False
    role: str | None = None
    """What the emphasis marks, for writers that style it (additive): ``"insert"`` (text
    a changelog's new revision adds, strong) or ``"delete"`` (text it removes)."""


@attrs.frozen(kw_only=True)
class Link:
    """A link around ``runs``, to exactly one of:

    * ``url``: a web address (``https``, ``http`` or ``mailto``);
    * ``anchor``: a heading or section of the same document (its ``anchor``);
    * ``document``: another document of the partnership by id, which each writer links
      as its own output file of that document (``samhandlingsmidler-2025.html``).
    """

    runs: Inlines
    url: str | None = None
    anchor: str | None = None
    document: str | None = None

    def __attrs_post_init__(self) -> None:
        targets = (self.url is not None) + (self.anchor is not None) + (self.document is not None)
        if targets != 1:
            raise ValueError("a Link has exactly one of url, anchor and document")


@attrs.frozen(kw_only=True)
class Span:
    """Runs in the language ``lang``, where it differs from the page's language: a label
    in the reader's language on a page of nynorsk data, or a Sami name."""

    runs: Inlines
    lang: str


Inline = Text | LineBreak | Emphasis | Link | Span
"""One inline run."""

Inlines = tuple[Inline, ...]
"""The runs of a paragraph, a list item, a heading or a fact, in order."""


def runs(*parts: str | Inline | None) -> Inlines:
    """Inline runs from text and runs: ``runs("Se: ", Link(...))``; ``None`` and empty
    text are left out."""
    if len(parts) == 1:  # most calls: one text (a heading's, a fact's value)
        (part,) = parts
        if part is None or part == "":
            return ()
        return (Text(part) if isinstance(part, str) else part,)
    out: list[Inline] = []
    for part in parts:
        if part is None or part == "":
            continue
        out.append(Text(part) if isinstance(part, str) else part)
    return tuple(out)


def inline_text(items: Inlines) -> str:
    """The plain text of runs, a line break as ``\\n``."""
    pieces: list[str] = []
    for item in items:
        if isinstance(item, Text):
            pieces.append(item.text)
        elif isinstance(item, LineBreak):
            pieces.append("\n")
        else:
            pieces.append(inline_text(item.runs))
    return "".join(pieces)


# -- blocks ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Heading:
    """A heading at ``level`` (1 is the document title), with the section number the
    document prints (``2.1``; ``None`` for none) and the ``anchor`` links point to."""

    level: int
    runs: Inlines
    number: str | None = None
    anchor: str | None = None


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    runs: Inlines
    role: str | None = None


@attrs.frozen(kw_only=True)
class Fact:
    """One fact about the document: a label and its value (``Periode`` → ``2023``)."""

    label: Inlines
    value: Inlines


@attrs.frozen(kw_only=True)
class Facts:
    """Facts as label → value pairs, in order (a definition list)."""

    items: tuple[Fact, ...]
    role: str | None = None


@attrs.frozen(kw_only=True)
class ListItem:
    """An item of a list: its runs, then blocks nested under it (a sub-list)."""

    runs: Inlines
    children: tuple[Block, ...] = ()


@attrs.frozen(kw_only=True)
class BulletList:
    """A bullet list."""

    items: tuple[ListItem, ...]
    role: str | None = None


@attrs.frozen(kw_only=True)
class NumberedList:
    """A numbered list counting from ``start``."""

    items: tuple[ListItem, ...]
    start: int = 1
    role: str | None = None


@attrs.frozen(kw_only=True)
class Column:
    """A column of a table: its ``role`` (``goal``, ``measure``, ``responsible`` …) and
    its share of the table's width as a hint (``None``: the writer decides)."""

    role: str
    width: float | None = None


@attrs.frozen(kw_only=True)
class Cell:
    """A table cell: blocks (paragraphs, lists) spanning ``rowspan`` rows and
    ``colspan`` columns. ``header`` marks a cell that heads its row or row group (a
    goal over its measures); the rows a span covers have no cell for that column."""

    blocks: tuple[Block, ...] = ()
    rowspan: int = 1
    colspan: int = 1
    header: bool = False

    @property
    def is_empty(self) -> bool:
        """Whether the cell shows nothing."""
        return not self.blocks


@attrs.frozen(kw_only=True)
class Row:
    """A row of cells, left to right; a cell covered by a span from above is absent."""

    cells: tuple[Cell, ...]
    data: Data = ()


@attrs.frozen(kw_only=True)
class RowGroup:
    """Rows that belong together (a goal and its measures)."""

    rows: tuple[Row, ...]
    data: Data = ()


@attrs.frozen(kw_only=True)
class Table:
    """A table with a caption, its columns, the header row(s) and groups of body rows.

    ``anchor`` is the table's own id where links point to it.
    """

    columns: tuple[Column, ...]
    header: tuple[Row, ...]
    groups: tuple[RowGroup, ...]
    caption: Inlines = ()
    role: str | None = None
    anchor: str | None = None
    data: Data = ()

    def rows(self) -> Iterator[Row]:
        """Every body row, in order."""
        for group in self.groups:
            yield from group.rows


@attrs.frozen(kw_only=True)
class Section:
    """A part of the document: its heading (if any) and the blocks under it."""

    blocks: tuple[Block, ...]
    heading: Heading | None = None
    role: str | None = None
    anchor: str | None = None
    data: Data = ()


@attrs.frozen(kw_only=True)
class DiagramNode:
    """A box of the governance diagram: a body, its depth in the tree, whether closed."""

    id: str
    label: Inlines
    depth: int
    kind: str
    closed: bool = False


@attrs.frozen(kw_only=True)
class DiagramEdge:
    """A line of the governance diagram from ``source`` down to ``target``; ``kind`` is
    ``steers``, ``under`` or ``mandate``."""

    source: str
    target: str
    kind: str


@attrs.frozen(kw_only=True)
class GovernanceDiagram:
    """The bodies as a tree with the lines between them, and the words of its legend
    (``(kind, text)`` for each kind of line it has)."""

    nodes: tuple[DiagramNode, ...]
    edges: tuple[DiagramEdge, ...]
    legend: tuple[tuple[str, Inlines], ...] = ()
    closed_label: Inlines = ()
    legend_title: Inlines = ()
    """The word that introduces the legend ("Forklaring"); empty for none."""


@attrs.frozen(kw_only=True)
class ChartSeries:
    """One series of a :class:`BarChart` (a status): its machine ``key`` (``"done"``),
    which a writer may colour by, and its ``label`` (``Gjennomført``)."""

    key: str
    label: Inlines


@attrs.frozen(kw_only=True)
class Bar:
    """One bar of a :class:`BarChart` (a focus area, an actor): its ``label`` and one
    value per series of the chart, in the chart's series order."""

    label: Inlines
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        """The sum of the bar's values (its length)."""
        return sum(self.values)


@attrs.frozen(kw_only=True)
class BarChart:
    """Stacked horizontal bars: each bar split by series (measures by status per focus
    area). ``label_heading`` names what the bars are (``Innsatsområde``) and
    ``total_label`` the sum of a bar (``I alt``), where a writer shows the figures as a
    table (Markdown's text alternative, Word's figures beside the picture). Readers see
    the series labels first (the legend), then each bar's label."""

    series: tuple[ChartSeries, ...]
    bars: tuple[Bar, ...]
    label_heading: Inlines = ()
    total_label: Inlines = ()

    def __attrs_post_init__(self) -> None:
        for bar in self.bars:
            if len(bar.values) != len(self.series):
                raise ValueError("a Bar has one value per series of its BarChart")


Diagram = GovernanceDiagram | BarChart
"""What a :class:`Figure` can show: the governance diagram or a stacked bar chart
(:class:`BarChart`, added for the status report; additive)."""


@attrs.frozen(kw_only=True)
class Figure:
    """A diagram with its caption and a description for readers who cannot see it."""

    diagram: Diagram
    caption: Inlines = ()
    description: Inlines = ()
    role: str | None = None


@attrs.frozen(kw_only=True)
class Aside:
    """Blocks set apart from the running text: a note, the abbreviations box."""

    blocks: tuple[Block, ...]
    role: str | None = None


@attrs.frozen
class PageBreak:
    """A hint that a paged format may start a new page here."""


Block = (
    Heading
    | Paragraph
    | Facts
    | BulletList
    | NumberedList
    | Table
    | Section
    | Figure
    | Aside
    | PageBreak
)
"""One block of an outline."""


@attrs.frozen(kw_only=True)
class Outline:
    """Everything a rendered document shows, in order.

    ``language`` is the language of the document's data (the page's language);
    ``label_language`` the language of its labels, where they are marked with
    :class:`Span`. ``kind`` is the document's ``KIND`` (``"governance"`` for the
    governance overview), ``document`` its id. ``title`` is the document title (shown
    as the level-1 heading among the ``blocks``); ``running_head`` is the text of a
    paged format's running header and ``colophon`` the runs of its last line or footer.
    """

    kind: str
    document: str
    title: str
    language: str
    label_language: str
    partnership: str
    blocks: tuple[Block, ...]
    running_head: str = ""
    colophon: Inlines = ()

    def walk(self) -> Iterator[Block]:
        """Every block, depth first, in reading order (the blocks inside sections,
        asides, list items and table cells included)."""
        yield from _walk(self.blocks)


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, (Section, Aside)):
            yield from _walk(block.blocks)
        elif isinstance(block, (BulletList, NumberedList)):
            for item in block.items:
                yield from _walk(item.children)
        elif isinstance(block, Table):
            for row in (*block.header, *block.rows()):
                for cell in row.cells:
                    yield from _walk(cell.blocks)


def _quick_init(cls: type) -> None:
    """Give the frozen attrs class ``cls`` an ``__init__`` that sets each field through
    its slot's descriptor, written out for its fields as attrs writes its own: the same
    signature (keyword-only where the class is, the same defaults) and the same
    ``__attrs_post_init__`` check, in about three quarters of the time of attrs' frozen
    ``__init__`` (which goes through ``object.__setattr__``). An outline is tens of
    thousands of these objects (issue 11 §2)."""
    fields = attrs.fields(cls)
    if len({field.kw_only for field in fields}) > 1:
        return  # some fields by position, some by keyword: keep attrs' own __init__
    namespace: dict[str, object] = {}
    setters = field_setters(cls, namespace)
    if setters is None:
        return  # attrs' own __init__ does more than set the fields: keep it
    params, body = setters
    star = "*, " if fields and fields[0].kw_only else ""
    source = f"def __init__(self, {star}{', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(compile_generated(source, f"<quick init of {cls.__qualname__}>"), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]


for _name in __all__:
    _cls = globals()[_name]
    if isinstance(_cls, type) and attrs.has(_cls) and "__slots__" in vars(_cls):
        _quick_init(_cls)
