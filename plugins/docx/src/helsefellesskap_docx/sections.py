"""Landscape sections around wide tables.

Word keeps a section's page set-up in the ``w:sectPr`` of the section's last paragraph
(the last section's in the body's own ``w:sectPr``). :func:`landscape_around` turns the
body written in portrait into portrait and landscape sections: each wide table, with the
headings and captions right above it and the gap below it, goes on landscape pages; two
wide tables with only a little text between them share their landscape section, and a
little text after the last one (the colophon) stays on its page.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from .writer import P_PR_ORDER, insert_ordered

__all__ = ["SHARED_TEXT", "landscape_around"]

SHARED_TEXT = 1200
"""Two wide tables with at most this many characters of running text between them (and
no other table) share one landscape section."""

_P = qn("w:p")
_TBL = qn("w:tbl")


def _style(p: BaseOxmlElement) -> str:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val"), "") if found is not None else ""


def _text(element: BaseOxmlElement) -> str:
    return "".join(node.text or "" for node in element.iter(qn("w:t")))


def _goes_with(element: BaseOxmlElement, heading_ids: frozenset[str]) -> bool:
    """Whether ``element`` (above a wide table) belongs on its page: a heading or a
    caption."""
    return element.tag == _P and _style(element) in heading_ids


def _ranges(
    children: Sequence[BaseOxmlElement],
    wide: Sequence[BaseOxmlElement],
    heading_ids: frozenset[str],
) -> list[list[int]]:
    """``[first, last]`` of each landscape stretch of ``children``."""
    found: list[list[int]] = []
    position = {id(child): index for index, child in enumerate(children)}
    for table in wide:
        index = position.get(id(table))
        if index is None:
            continue
        start = index
        if start > 1 and children[start - 1].tag == _P and not _text(children[start - 1]):
            start -= 1  # the gap before the table
        while start > 1 and _goes_with(children[start - 1], heading_ids):
            start -= 1
        end = index
        if end + 1 < len(children) and children[end + 1].tag == _P and not _text(children[end + 1]):
            end += 1
        if found:
            between = children[found[-1][1] + 1 : start]
            if all(c.tag == _P for c in between) and sum(len(_text(c)) for c in between) <= (
                SHARED_TEXT
            ):
                found[-1][1] = end
                continue
        found.append([start, end])
    return found


def _end_section(
    body: BaseOxmlElement, children: list[BaseOxmlElement], at: int, sect_pr: BaseOxmlElement
) -> None:
    """End a section with ``children[at]`` (a new empty paragraph after it where it is
    not a paragraph or already ends one), set up as ``sect_pr``."""
    p = children[at]
    if p.tag != _P or p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        new = OxmlElement("w:p")
        p.addnext(new)
        p = new
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    insert_ordered(p_pr, sect_pr, P_PR_ORDER)


def _landscape(sect_pr: BaseOxmlElement) -> BaseOxmlElement:
    """A copy of the portrait ``sect_pr`` turned landscape."""
    turned = copy.deepcopy(sect_pr)
    size = turned.find(qn("w:pgSz"))
    if size is not None:
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        if width is not None and height is not None:
            size.set(qn("w:w"), height)
            size.set(qn("w:h"), width)
        size.set(qn("w:orient"), "landscape")
    return turned


def landscape_around(
    body: BaseOxmlElement,
    wide: Sequence[BaseOxmlElement],
    heading_ids: frozenset[str],
    landscape_header: Callable[[BaseOxmlElement], None] | None = None,
) -> int:
    """Put the tables ``wide`` of ``body`` on landscape pages; the number of landscape
    sections made.

    :param heading_ids: the style ids of the paragraphs that go with a table below them
        (headings, captions).
    :param landscape_header: called with each landscape ``w:sectPr`` (the body's header
        and footer references copied into it) to give it a header for its width.
    """
    final = body.find(qn("w:sectPr"))
    if final is None or not wide:
        return 0
    children = [child for child in body if child.tag in (_P, _TBL)]
    stretches = _ranges(children, wide, heading_ids)
    portrait = copy.deepcopy(final)
    for number, (start, end) in enumerate(reversed(stretches)):
        # from the end, so that earlier indexes stay right
        turned = _landscape(portrait)
        if landscape_header is not None:
            landscape_header(turned)
        rest = children[end + 1 :]
        if (
            number == 0
            and all(c.tag == _P for c in rest)
            and (sum(len(_text(c)) for c in rest) <= SHARED_TEXT)
        ):
            # only a little text after the last wide table (the colophon): it stays on
            # the landscape page rather than turning a page for itself
            for child in list(final):
                final.remove(child)
            final.extend(list(turned))
        else:
            _end_section(body, children, end, turned)
        if start > 0:
            _end_section(body, children, start - 1, copy.deepcopy(portrait))
    return len(stretches)
