"""The Markdown format (``md``): GitHub-flavoured Markdown of a document's outline.

The writer walks the blocks of :func:`~helsefellesskap.outline.build_outline`, one
method per block type; what a document shows and in what order is decided there, not
here. Every text is escaped: in running text the characters Markdown would read as
markup (``*``, ``_``, a ``#`` or ``1.`` at the start of a line …), in table cells also
pipes and line breaks. The output is stable: the same data gives the same bytes.
Language marking (:class:`~helsefellesskap.outline.Span`) has no Markdown form and is
left out; the governance diagram is a Mermaid flowchart.
"""

from __future__ import annotations

import re

from ..model import Partnership
from ..outline import (
    Aside,
    BarChart,
    Block,
    BulletList,
    DiagramEdge,
    DiagramNode,
    Emphasis,
    Facts,
    Figure,
    GovernanceDiagram,
    Heading,
    Inlines,
    LineBreak,
    Link,
    NumberedList,
    Outline,
    PageBreak,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    build_outline,
    inline_text,
)
from . import view
from .format import CORE_RENDERABLES, Renderable, RenderContext, RenderFormat, output_name

__all__ = [
    "MERMAID_ARROWS",
    "MarkdownFormat",
    "MarkdownWriter",
    "escape_cell",
    "escape_text",
    "escape_url",
    "mermaid_diagram",
]

_INLINE = re.compile(r"([\\`*_\[\]<~|]|&(?=#?[A-Za-z0-9]+;))")
_MAYBE_INLINE = re.compile(r"[\\`*_\[\]<~|&]")
"""The first characters of :data:`_INLINE`: text without any needs no escaping (a
search for one character of a set is much faster than the substitution)."""
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)](?=\s|$))")
_MARKERS = frozenset("#>+-=")
_URL_BREAKS = re.compile(r"[\s()<>]")
"""What ends a link target unless it is written ``<…>``."""
_NO_AUTOLINK = re.compile(r"[\s<>]")
"""What an autolink (``<https://…>``) cannot hold."""


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group(1)


def _escape(text: str) -> str:
    """``text`` with the characters Markdown reads as inline markup backslash-escaped."""
    if _MAYBE_INLINE.search(text) is None:
        return text
    return _INLINE.sub(_backslash, text)


def _lines(text: str) -> str:
    """Text whose inline markup is already escaped, made safe line by line: spaces at
    either end go, a heading, quote or list marker at the start is escaped, and a line
    break becomes a hard break."""
    if "\n" not in text:  # one line: the marker check only where it may start one
        line = text.strip()
        if line and (line[0] in _MARKERS or line[0].isdigit()):
            return _marker_escaped(line)
        return line
    lines = []
    for raw in text.split("\n"):
        lines.append(_marker_escaped(raw.strip()))
    return "\\\n".join(line for line in lines if line) if len(lines) > 1 else lines[0]


def _marker_escaped(line: str) -> str:
    """A stripped line with a heading, quote or list marker at its start escaped."""
    match = _LINE_START.match(line)
    if match:
        marker = match.group(2)
        line = (
            line[: match.start(2)]
            + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)
            + line[match.end(2) :]
        )
    return line


def escape_text(text: str) -> str:
    """Escape running text so that Markdown shows it as written.

    Inline markup characters are backslash-escaped; at the start of a line, a heading,
    quote or list marker (``#``, ``>``, ``-``, ``+``, ``1.``) is escaped too. Leading
    spaces (which would start a code block) and trailing spaces (a hard break) go, and
    a line break inside the text becomes a hard break.
    """
    return _lines(_escape(text))


def escape_cell(text: str) -> str:
    """Escape text for a table cell: inline markup and pipes escaped, line breaks as
    ``<br>``, spaces at either end removed."""
    lines = [_escape(line.strip()) for line in text.strip().split("\n")]
    return "<br>".join(line for line in lines if line)


def escape_url(url: str) -> str:
    """A link target that Markdown reads whole, even with spaces or brackets."""
    if _URL_BREAKS.search(url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


MERMAID_ARROWS: dict[str, str] = {"steers": "-->", "under": "-.->", "mandate": "==>"}
"""The Mermaid arrow of each kind of line (the legend's words name its look)."""


def _node(body_id: str) -> str:
    return "b_" + re.sub(r"[^A-Za-z0-9]", "_", body_id)


def _diagram_of(partnership: Partnership) -> GovernanceDiagram:
    """The nodes and lines of a partnership's structure, without the legend's words."""
    return GovernanceDiagram(
        nodes=tuple(
            DiagramNode(
                id=row.body.id,
                label=(Text(row.body.abbreviation or row.body.name),),
                depth=row.depth,
                kind=row.body.kind,
            )
            for row in view.governance_tree(partnership.bodies)
        ),
        edges=tuple(
            DiagramEdge(source=e.source, target=e.target, kind=e.kind)
            for e in view.governance_edges(partnership)
        ),
    )


def mermaid_diagram(diagram: GovernanceDiagram | Partnership) -> str:
    """The governance diagram as a Mermaid flowchart: each body once, labelled as the
    outline labels it (a closed body with the word for closed), and a solid, dotted or
    thick arrow for each line (:data:`MERMAID_ARROWS`). A partnership is drawn in the
    tree every format shares (:func:`~helsefellesskap.render.view.governance_tree`)."""
    if isinstance(diagram, Partnership):
        diagram = _diagram_of(diagram)
    lines = ["flowchart TD"]
    closed = inline_text(diagram.closed_label)
    for node in diagram.nodes:
        label = inline_text(node.label)
        if node.closed and closed:
            label += f" ({closed})"
        lines.append(f'    {_node(node.id)}["{label.replace(chr(34), "#quot;")}"]')
    for edge in diagram.edges:
        lines.append(f"    {_node(edge.source)} {MERMAID_ARROWS[edge.kind]} {_node(edge.target)}")
    # The partnership meeting stands above the other top-level bodies (as the SVG rows
    # and Word's list have it), not beside them: an invisible link ranks each below it.
    roots = [node for node in diagram.nodes if node.depth == 0 and not node.closed]
    top = next((node for node in roots if node.kind == "partnership-meeting"), None)
    if top is not None:
        lines += [f"    {_node(top.id)} ~~~ {_node(n.id)}" for n in roots if n is not top]
    return "```mermaid\n" + "\n".join(lines) + "\n```"


class MarkdownWriter:
    """Writes one outline as Markdown: one method per block type."""

    def __init__(self, outline: Outline, context: RenderContext) -> None:
        self.outline = outline
        self.context = context
        self._cells: dict[int, tuple[object, str]] = {}
        """The text of each table cell's blocks written so far, by the identity of the
        blocks (the outline shares a cell that many rows repeat), each entry holding the
        blocks, so that no other object can take their identity while it is kept."""
        self._emphasis: dict[tuple[int, bool], tuple[object, str]] = {}
        """The same for emphasis, by its identity and whether it stands in a cell."""

    def write(self) -> str:
        """The whole document, blocks one blank line apart, the colophon last."""
        parts = self.blocks(self.outline.blocks)
        if self.outline.colophon:
            parts.append(f"*{self.inlines(self.outline.colophon)}*")
        return "\n\n".join(parts) + "\n"

    def blocks(self, blocks: tuple[Block, ...]) -> list[str]:
        """The Markdown of each block; a list right after another list gets the other
        marker, so that the two do not merge."""
        out: list[str] = []
        for block in blocks:
            if type(block) is Paragraph:  # the most frequent block, without block()'s list
                text = self.inlines(block.runs)
                if text.startswith("- ") and out and out[-1].startswith("- "):
                    text = re.sub(r"(?m)^- ", "* ", text)
                out.append(text)
                continue
            for text in self.block(block):
                if text.startswith("- ") and out and out[-1].startswith("- "):
                    text = re.sub(r"(?m)^- ", "* ", text)
                out.append(text)
        return out

    def block(self, block: Block) -> list[str]:
        """One block (a section gives its heading and its blocks)."""
        # the outline's own classes first, by identity, the most frequent first
        if type(block) is Paragraph:
            return [self.paragraph(block)]
        if type(block) is Section:
            return self.section(block)
        if type(block) is BulletList or type(block) is NumberedList:
            return [self.listing(block)]
        if type(block) is Table:
            return [self.table(block)]
        if isinstance(block, Heading):
            return [self.heading(block)]
        if isinstance(block, Paragraph):
            return [self.paragraph(block)]
        if isinstance(block, Facts):
            return [self.facts(block)]
        if isinstance(block, BulletList | NumberedList):
            return [self.listing(block)]
        if isinstance(block, Table):
            return [self.table(block)]
        if isinstance(block, Section):
            return self.section(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Aside):
            return self.blocks(block.blocks)
        if isinstance(block, PageBreak):
            return []
        raise TypeError(f"no Markdown for {type(block).__name__}")

    # -- inline runs ----------------------------------------------------------------

    def inlines(self, items: Inlines, *, cell: bool = False) -> str:
        """Runs as Markdown, escaped for running text or (``cell``) a table cell."""
        if len(items) == 1 and type(items[0]) is Text:  # most runs: one plain text
            text = items[0].text
            if _MAYBE_INLINE.search(text) is not None:  # as _escape(), without the call
                text = _INLINE.sub(_backslash, text)
            if cell:
                return text.replace("\n", "<br>").strip() if "\n" in text else text.strip()
            if "\n" not in text:  # one line, as _lines() writes it
                line = text.strip()
                if line and (line[0] in _MARKERS or line[0].isdigit()):
                    return _marker_escaped(line)
                return line
            return _lines(text)
        parts: list[str] = []
        for item in items:
            if type(item) is Text:  # as inline() writes it, without the call
                escaped = _escape(item.text)
                parts.append(escaped.replace("\n", "<br>") if cell and "\n" in escaped else escaped)
            else:
                parts.append(self.inline(item, cell))
        text = "".join(parts)
        return text.strip() if cell else _lines(text)

    def inline(self, item: object, cell: bool) -> str:
        """One run."""
        if type(item) is Text or isinstance(item, Text):
            escaped = _escape(item.text)
            return escaped.replace("\n", "<br>") if cell and "\n" in escaped else escaped
        if isinstance(item, LineBreak):
            return "<br>" if cell else "\n"
        if isinstance(item, Emphasis):
            key = (id(item), cell)  # an outline shares emphasis it repeats (a measure's label)
            known = self._emphasis.get(key)
            if known is not None and known[0] is item:
                return known[1]
            mark = "**" if item.strong else "*"
            if item.role == "delete":  # a changelog's deleted words: GitHub strikes them
                mark = "~~"
            inner = "".join([self.inline(i, cell) for i in item.runs]).strip()
            text = f"{mark}{inner}{mark}"
            self._emphasis[key] = (item, text)
            return text
        if isinstance(item, Span):
            return "".join(self.inline(i, cell) for i in item.runs)
        if isinstance(item, Link):
            return self.link(item, cell)
        raise TypeError(f"no Markdown for {type(item).__name__}")

    def link(self, link: Link, cell: bool) -> str:
        """A link: an autolink where it shows its own address, else ``[text](target)``;
        a link inside the document shows its text only (GitHub makes its own heading
        anchors), a link to another document of the bundle points at its Markdown file."""
        text = "".join(self.inline(i, cell) for i in link.runs)
        if link.anchor is not None:
            return text
        if link.document is not None:
            found = self.context.bundle.document(link.document)
            target = (
                output_name(found, MarkdownFormat())
                if found is not None
                else link.document + MarkdownFormat.extension
            )
        else:
            target = link.url or ""
        if cell:
            target = target.replace("|", "%7C")
        if inline_text(link.runs) == target and not _NO_AUTOLINK.search(target):
            return f"<{target}>"
        return f"[{text}]({escape_url(target)})"

    # -- blocks ---------------------------------------------------------------------

    def heading(self, heading: Heading) -> str:
        """``## 2.1 Title``."""
        number = f"{heading.number} " if heading.number else ""
        return "#" * min(heading.level, 6) + " " + number + self.inlines(heading.runs)

    def paragraph(self, paragraph: Paragraph) -> str:
        """A paragraph of running text."""
        return self.inlines(paragraph.runs)

    def facts(self, facts: Facts) -> str:
        """Facts as ``- **Label:** value`` lines; abbreviations as ``- PM = …``."""
        if facts.role == "abbreviations":
            return "\n".join(
                f"- {self.inlines(f.label)} = {self.inlines(f.value)}" for f in facts.items
            )
        return "\n".join(
            f"- **{self.inlines(f.label)}:** {self.inlines(f.value)}" for f in facts.items
        )

    def listing(self, listing: BulletList | NumberedList) -> str:
        """A bullet or numbered list; blocks under an item are indented below it."""
        lines = []
        numbered = isinstance(listing, NumberedList)
        start = listing.start if isinstance(listing, NumberedList) else 1
        marker = "-"
        pad = "  "
        for index, item in enumerate(listing.items):
            if numbered:
                marker = f"{start + index}."
                pad = " " * (len(marker) + 1)
            text = self.inlines(item.runs)
            if "\\\n" in text:  # a hard break: the next line indented under the item
                text = text.replace("\\\n", "\\\n" + pad)
            lines.append(f"{marker} {text}")
            if item.children:
                for child in self.blocks(item.children):
                    lines.extend(pad + line if line else line for line in ("", *child.split("\n")))
        return "\n".join(lines)

    def cell(self, blocks: tuple[Block, ...]) -> str:
        """A table cell on one line: its paragraphs, list items (``• …``) and facts,
        joined with ``<br>``."""
        if len(blocks) == 1 and type(blocks[0]) is Paragraph:  # most cells
            return self.inlines(blocks[0].runs, cell=True)
        parts: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                parts.append(self.inlines(block.runs, cell=True))
            elif isinstance(block, BulletList):
                for item in block.items:
                    text = self.inlines(item.runs, cell=True)
                    parts.append(text if block.role == "links" else f"• {text}")
            elif isinstance(block, NumberedList):
                parts.extend(
                    f"{block.start + i}. {self.inlines(item.runs, cell=True)}"
                    for i, item in enumerate(block.items)
                )
            elif isinstance(block, Facts):
                parts.extend(
                    f"**{self.inlines(f.label, cell=True)}:** {self.inlines(f.value, cell=True)}"
                    for f in block.items
                )
            else:
                raise TypeError(f"no Markdown for a {type(block).__name__} in a table cell")
        return "<br>".join(p for p in parts if p)

    def table(self, table: Table) -> str:
        """A GFM table: the first header row, then the body rows with a cell that a span
        from above covers left empty."""
        width = len(table.columns)
        head = [self._known_cell(c.blocks) for c in table.header[0].cells] if table.header else []
        head += [""] * (width - len(head))
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
        covered = [0] * width
        memo = self._cells
        for group in table.groups:
            for row in group.rows:
                cells = row.cells
                count = len(cells)
                index = 0
                parts = ["|"]
                column = 0
                while column < width:
                    if covered[column]:
                        covered[column] -= 1
                        parts.append(" |")
                        column += 1
                        continue
                    if index == count:
                        parts.append(" |")
                        column += 1
                        continue
                    cell = cells[index]
                    index += 1
                    blocks = cell.blocks
                    known = memo.get(id(blocks))
                    if known is not None and known[0] is blocks:
                        text = known[1]
                    else:
                        first = blocks[0] if len(blocks) == 1 else None
                        if (
                            type(first) is Paragraph
                            and len(first.runs) == 1
                            and type(first.runs[0]) is Text
                        ):  # most cells: one text, written as cell() writes it
                            text = _escape(first.runs[0].text)
                            text = (
                                text.replace("\n", "<br>").strip() if "\n" in text else text.strip()
                            )
                        else:
                            text = self.cell(blocks)
                        memo[id(blocks)] = (blocks, text)
                    parts.append(f" {text} |" if text else " |")
                    span = cell.colspan
                    if span == 1:
                        covered[column] = cell.rowspan - 1
                    else:
                        for spanned in range(column, min(column + span, width)):
                            covered[spanned] = cell.rowspan - 1
                        parts.extend(" |" for _ in range(span - 1))
                    column += span
                lines.append("".join(parts))
        caption = f"*{self.inlines(table.caption)}*\n\n" if table.caption else ""
        return caption + "\n".join(lines)

    def _known_cell(self, blocks: tuple[Block, ...]) -> str:
        """:meth:`cell` of blocks written before (a plan's tables share their header
        row) from the table cells' memo, else written now and kept there."""
        known = self._cells.get(id(blocks))
        if known is not None and known[0] is blocks:
            return known[1]
        text = self.cell(blocks)
        self._cells[id(blocks)] = (blocks, text)
        return text

    def section(self, section: Section) -> list[str]:
        """The section's heading, then its blocks."""
        head = [self.heading(section.heading)] if section.heading is not None else []
        return head + self.blocks(section.blocks)

    def chart(self, figure: Figure, chart: BarChart) -> list[str]:
        """A bar chart as a table of its figures (what the bars are, one column per
        series, the total), then its description as the text alternative."""
        parts = [f"*{self.inlines(figure.caption)}*"] if figure.caption else []
        head = [
            self.inlines(chart.label_heading, cell=True),
            *(self.inlines(s.label, cell=True) for s in chart.series),
            self.inlines(chart.total_label, cell=True),
        ]
        lines = ["| " + " | ".join(head) + " |"]
        lines.append("| --- |" + " ---: |" * (len(head) - 1))
        for bar in chart.bars:
            figures = [str(v) for v in (*bar.values, bar.total)]
            lines.append("| " + " | ".join([self.inlines(bar.label, cell=True), *figures]) + " |")
        parts.append("\n".join(lines))
        if figure.description:
            parts.append(self.inlines(figure.description))
        return parts

    def figure(self, figure: Figure) -> list[str]:
        """A diagram as a Mermaid chart, with its legend below in italics; a bar chart
        as the table of its figures (:meth:`chart`)."""
        diagram = figure.diagram
        if isinstance(diagram, BarChart):
            return self.chart(figure, diagram)
        parts = [f"*{self.inlines(figure.caption)}*"] if figure.caption else []
        parts.append(mermaid_diagram(diagram))
        if diagram.legend:
            entries = "; ".join(self.inlines(words) for _, words in diagram.legend)
            title = self.inlines(diagram.legend_title)
            parts.append(f"*{title}: {entries}*" if title else f"*{entries}*")
        if figure.description:
            parts.append(self.inlines(figure.description))
        return parts


class MarkdownFormat(RenderFormat):
    """GitHub-flavoured Markdown of every document type and the governance overview."""

    name = "md"
    extension = ".md"
    media_type = "text/markdown; charset=utf-8"
    description = "GitHub-flavoured Markdown"
    binary = False
    renders = CORE_RENDERABLES
    outlines = True

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item``'s outline as UTF-8 Markdown."""
        return MarkdownWriter(build_outline(item, context), context).write().encode("utf-8")
