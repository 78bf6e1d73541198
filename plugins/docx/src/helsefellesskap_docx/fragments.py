"""Pieces of WordprocessingML written as text and parsed by lxml in one go.

Making a table's rows, cells, paragraphs and runs one lxml element at a time (or copying
prototypes of them) cost a few microseconds of Python for each element, most of the time
of writing a plan. :class:`~helsefellesskap_docx.outline.OutlineWriter` writes the rows
of a table whose cells hold one paragraph each (nearly every row) as XML text instead,
with the helpers here, and :func:`append_rows` parses that text once (lxml, in C) and
moves the rows into the table. The elements are those the one-by-one way makes: the same
tags, attributes in the same order, the same text (escaped here, unescaped by the
parser), so the document serialises to the same bytes; the rows are python-docx's own
element classes (``CT_Row``, ``CT_Tc`` …), parsed with python-docx's class lookup.

Only text this module escapes goes into the XML: a text or an attribute value of the
data never ends up as markup.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from docx.oxml.ns import nsdecls, pfxmap
from docx.oxml.parser import element_class_lookup
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

__all__ = [
    "RUN_PIECES",
    "append_rows",
    "attribute",
    "cell_start",
    "element_xml",
    "escape",
    "parse_paragraph",
    "prefixed",
    "table_with_rows",
    "text_xml",
]

RUN_PIECES = re.compile("[\t\r\n]|[^\t\r\n]+")
"""A run's text cut where python-docx cuts it: each tab or break alone, the stretches
of other characters between them."""

_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)
"""lxml's parser with python-docx's element classes (``CT_Tc`` for ``w:tc`` …); blank
text is kept (python-docx's parser drops it, but a run's text of spaces alone is text),
and a table of tens of thousands of rows is not too big."""
_PARSER.set_element_class_lookup(element_class_lookup)

_OPEN = f"<w:tbl {nsdecls('w', 'r')}>"
_CLOSE = "</w:tbl>"


def escape(text: str) -> str:
    """``text`` as the text of an element: ``&``, ``<`` and ``>`` escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribute(value: str) -> str:
    """``value`` as an attribute value in double quotes, escaped so that the parser
    gives back exactly ``value`` (white space other than spaces as character
    references: a parser turns a literal tab or line break into a space)."""
    return (
        escape(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


def prefixed(clark: str) -> str:
    """A name in lxml's ``{namespace}local`` form as ``prefix:local`` (``w:b``)."""
    if not clark.startswith("{"):
        return clark
    uri, local = clark[1:].split("}", 1)
    return f"{pfxmap[uri]}:{local}"


_TEXT, _TAIL = etree.ElementBase.text, etree.ElementBase.tail
"""lxml's own text and tail of an element: python-docx's classes of some elements (a
paragraph, a run, a hyperlink) answer ``text`` with the text of their runs."""


def element_xml(element: BaseOxmlElement) -> str:
    """``element`` and its children as XML text with the prefixes of
    :func:`prefixed`, declaring no namespace (for a few elements: a paragraph's
    properties)."""
    tag = prefixed(element.tag)
    parts = [f"<{tag}"]
    for name, value in element.items():
        parts.append(f' {prefixed(name)}="{attribute(value)}"')
    inner = [escape(_TEXT.__get__(element) or "")]
    for child in element:
        inner.append(element_xml(child))
        inner.append(escape(_TAIL.__get__(child) or ""))
    content = "".join(inner)
    parts.append(f">{content}</{tag}>" if content else "/>")
    return "".join(parts)


def text_xml(text: str) -> str:
    """The children of a run holding ``text``, as ``r.text = text`` (python-docx) makes
    them: each stretch of characters one ``w:t`` (``xml:space="preserve"`` where it
    starts or ends with white space), each tab a ``w:tab``, each carriage return or
    line feed a ``w:br``; nothing for an empty text. ``text`` holds only characters XML
    allows (:func:`helsefellesskap.render.safe.xml_text`)."""
    if "\t" not in text and "\n" not in text and "\r" not in text:  # one w:t (or none)
        if not text:
            return ""
        if text[0].isspace() or text[-1].isspace():  # what strip() would cut
            return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
        return f"<w:t>{escape(text)}</w:t>"
    parts: list[str] = []
    for piece in RUN_PIECES.findall(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif len(piece.strip()) < len(piece):
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
        else:
            parts.append(f"<w:t>{escape(piece)}</w:t>")
    return "".join(parts)


@functools.lru_cache(maxsize=4096)
def cell_start(twips: str, fill: str | None, colspan: int, merge: str | None) -> str:
    """The start of a ``w:tc`` up to its paragraph: its properties in the schema's order
    (``w:tcW`` of ``twips``, ``w:gridSpan`` where it spans columns, ``w:vMerge``
    (``restart``, or ``continue`` without a value) and ``w:shd`` of ``fill``)."""
    parts = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{attribute(twips)}"/>']
    if colspan > 1:
        parts.append(f'<w:gridSpan w:val="{colspan}"/>')
    if merge is not None:
        parts.append("<w:vMerge/>" if merge == "continue" else f'<w:vMerge w:val="{merge}"/>')
    if fill is not None:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{attribute(fill)}"/>')
    parts.append("</w:tcPr>")
    return "".join(parts)


def parse_paragraph(xml: str) -> BaseOxmlElement:
    """The paragraph of ``xml`` (a ``w:p`` element, prefixes ``w`` and ``r``), for the
    caller to put into a part whose root declares both (see :func:`append_rows`)."""
    holder = etree.fromstring(f"{_OPEN}{xml}{_CLOSE}", _PARSER)
    found: BaseOxmlElement = holder[0]
    return found


def table_with_rows(tbl: BaseOxmlElement, rows: Sequence[str]) -> BaseOxmlElement:
    """A table of ``tbl``'s children (its properties and grid) and then ``rows`` (see
    :func:`append_rows`), put in ``tbl``'s place, which is left empty: lxml moves one
    element into the document instead of each row (each moved element costs as much as
    a few dozen elements moved with it)."""
    made: BaseOxmlElement = etree.fromstring("".join((_OPEN, *rows, _CLOSE)), _PARSER)
    made[0:0] = list(tbl)
    parent = tbl.getparent()
    assert parent is not None
    parent.replace(tbl, made)
    return made


def append_rows(tbl: BaseOxmlElement, rows: Sequence[str]) -> None:
    """Parse ``rows`` (the XML of ``w:tr`` elements, prefixes ``w`` and ``r``) and append
    the rows to ``tbl`` in their order. ``tbl`` is in the document already, whose root
    declares both prefixes: lxml moves each row over to those declarations, so no row
    carries a declaration of its own."""
    if not rows:
        return
    holder = etree.fromstring("".join((_OPEN, *rows, _CLOSE)), _PARSER)
    tbl.extend(list(holder))
