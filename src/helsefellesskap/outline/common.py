"""What the outline builders of every document type share: labels in the reader's
language, the title block, facts, the abbreviations list and a section of running text.

A label in the rendering language on a page whose data is in another language (an
English reading of a nynorsk plan) is wrapped in :class:`~.blocks.Span` with the
rendering language, so that writers can mark it (HTML ``lang``, Word's run language).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from .. import model
from .._version import __version__
from ..render import view
from ..render.format import Renderable, RenderContext
from .blocks import (
    Block,
    BulletList,
    Emphasis,
    Fact,
    Facts,
    Heading,
    Inline,
    Inlines,
    Link,
    ListItem,
    Outline,
    Paragraph,
    Section,
    Span,
    Text,
    runs,
)
from .construct import positional

__all__ = [
    "Builder",
    "data_language",
    "item_kind",
    "strong_runs",
]


_new_paragraph = positional(Paragraph)
"""``Paragraph(runs=…, role=…)`` by position, for the builders' loops
(:mod:`~helsefellesskap.outline.construct`)."""
_new_item = positional(ListItem)
"""``ListItem(runs=…, children=…)`` by position."""
_new_bullets = positional(BulletList)
"""``BulletList(items=…, role=…)`` by position."""
_new_heading = positional(Heading)
"""``Heading(level=…, runs=…, number=…, anchor=…)`` by position."""


def item_kind(item: Renderable) -> str:
    """The kind of ``item``: its document ``KIND``, or ``governance`` for a partnership."""
    return "governance" if isinstance(item, model.Partnership) else item.KIND


def data_language(item: Renderable, context: RenderContext) -> str:
    """The language of ``item``'s data (the page's language): the document's
    ``language``, or the layout's for the governance overview."""
    return item.language if isinstance(item, model.Document) else context.layout.language


class Builder:
    """Helpers bound to one item and its render context: labels as runs, facts,
    sections, actor names. Each document type's builder makes one and adds its blocks."""

    def __init__(self, item: Renderable, context: RenderContext) -> None:
        self.item = item
        self.context = context
        self.language = data_language(item, context)
        self.partnership = context.partnership
        self.shared: dict[object, object] = {}
        """What a builder makes once per document and reuses (the cells many rows of
        its tables repeat), by a key of the builder's choosing."""

    # -- labels -----------------------------------------------------------------------

    def text(self, key: str, **values: object) -> str:
        """The label ``key`` as plain text (for composing with data)."""
        return self.context.label(key, **values)

    def label(self, key: str, **values: object) -> Inline:
        """The label ``key`` as a run, marked with the reader's language where the
        page's data is in another."""
        return self.mark(self.context.label(key, **values))

    def mark(self, text: str) -> Inline:
        """``text`` in the rendering language, as a run marked where that differs from
        the page's language."""
        if self.context.language == self.language:
            return Text(text)
        return Span(runs=(Text(text),), lang=self.context.language)

    # -- actors and values ------------------------------------------------------------

    def actor(self, actor_id: str) -> str:
        """How documents name an actor (``FSU REST``); see :func:`view.actor_name`."""
        return view.actor_name(actor_id, self.partnership)

    def actor_full(self, actor_id: str | None) -> str | None:
        """An actor in full with its short form (``Partnerskapsmøtet (PM)``)."""
        return view.actor_full(actor_id, self.partnership)

    def names(self, ids: Sequence[str]) -> str | None:
        """Actors joined as the sources join them (``UNN og kommunene``); ``None`` for none."""
        return view.responsible_text(ids, self.partnership, self.context) or None

    def date(self, day: object) -> str | None:
        """A date as readers of the rendering language write it; ``None`` for none."""
        return view.date_text(day, self.context.language) if isinstance(day, dt.date) else None

    def document_title(self, document_id: str | None) -> str | None:
        """A referenced document's title (its id where the bundle lacks it)."""
        if document_id is None:
            return None
        found = self.context.bundle.document(document_id)
        return found.title if found is not None else document_id

    # -- blocks -----------------------------------------------------------------------

    def heading(
        self, level: int, text: str | Inline, number: str | None = None, anchor: str | None = None
    ) -> Heading:
        """A heading of ``text`` (a string of data, or a label run)."""
        return _new_heading(level, runs(text), number, anchor)

    def label_heading(self, level: int, key: str, anchor: str | None = None) -> Heading:
        """A heading that is the label ``key``."""
        return Heading(level=level, runs=(self.label(key),), anchor=anchor)

    def start(self, title: str) -> list[Block]:
        """The title block: the document title, and the example note of an example
        partnership."""
        blocks: list[Block] = [Heading(level=1, runs=runs(title))]
        if self.partnership.example:
            blocks.append(
                Paragraph(runs=(Emphasis(runs=(self.label("document.example"),)),), role="example")
            )
        return blocks

    def facts(
        self, pairs: Iterable[tuple[str, str | Inlines | None]], role: str = "facts"
    ) -> list[Block]:
        """Facts from ``(label key, value)`` pairs, leaving out those without a value;
        no block where none has one."""
        items = tuple(
            Fact(label=(self.label(key),), value=runs(value) if isinstance(value, str) else value)
            for key, value in pairs
            if value
        )
        return [Facts(items=items, role=role)] if items else []

    def paragraphs(
        self, texts: Iterable[str | None], role: str | None = None, strong: Sequence[str] = ()
    ) -> list[Block]:
        """A paragraph of each text that is not empty, the ``strong`` words in bold."""
        new = _new_paragraph
        if not strong:  # most paragraphs: one text, as strong_runs() makes it
            return [new((Text(t),), role) for t in texts if t and t.strip()]
        return [new(strong_runs(t, strong), role) for t in texts if t and t.strip()]

    def bullets(self, items: Iterable[str | Inlines], role: str | None = None) -> list[Block]:
        """A bullet list of the items (text or runs) that are not empty; no block for none."""
        new = _new_item
        listed: list[ListItem] = []
        for item in items:
            if isinstance(item, str):
                if item.strip():
                    listed.append(new((Text(item),)))
            elif item:
                listed.append(new(item))
        return [_new_bullets(tuple(listed), role)] if listed else []

    def links(self, links: Iterable[model.Link]) -> list[Block]:
        """The links of a section as a list, each titled (its address where it has no title)."""
        return self.bullets(
            ((Link(url=link.url, runs=runs(link.title or link.url)),) for link in links),
            role="links",
        )

    def abbreviations(self, level: int = 2) -> list[Block]:
        """The abbreviations list ("Forkortelser i dokumentet") of the bodies the item
        names, as the layout wants it; nothing where it names none."""
        found = view.shown_abbreviations(self.item, self.context)
        if not found:
            return []
        return [
            Section(
                heading=self.label_heading(level, "abbreviations.title", anchor="abbreviations"),
                blocks=(
                    Facts(
                        items=tuple(
                            Fact(label=runs(a.abbreviation), value=runs(a.name)) for a in found
                        ),
                        role="abbreviations",
                    ),
                ),
                role="abbreviations",
                anchor="abbreviations",
            )
        ]

    def national(self, ids: Iterable[str], national_plan: str | None) -> tuple[str, ...]:
        """What the national frame says for each id, in the wording of ``national_plan``."""
        return tuple(view.national_text(i, self.context.national, national_plan) for i in ids)

    def section(
        self,
        section: model.Section,
        level: int,
        *,
        number: str | None = None,
        default_title: str | None = None,
        listing: Sequence[Block] = (),
        national_plan: str | None = None,
        anchor: str | None = None,
        extra: Sequence[Block] = (),
    ) -> Section:
        """A section of running text: its heading (``default_title``, a label key, where
        it has no title of its own), paragraphs, one list of its bullets and the national
        items it quotes, the ``listing`` where the document has one, the closing
        paragraphs, links and subsections (one level down, unnumbered), then ``extra``."""
        heading: Heading | None = None
        if section.title:
            heading = self.heading(level, section.title, number, anchor or section.id)
        elif default_title:
            heading = Heading(
                level=level,
                runs=(self.label(default_title),),
                number=number,
                anchor=anchor or section.id,
            )
        bold = section.strong
        blocks = self.paragraphs(section.paragraphs, strong=bold)
        if section.bullets or section.national:
            blocks += self.bullets(
                (
                    *(strong_runs(b, bold) for b in section.bullets),
                    *self.national(section.national, national_plan),
                )
            )
        blocks += listing
        if section.closing:
            blocks += self.paragraphs(section.closing, strong=bold)
        if section.links:
            blocks += self.links(section.links)
        for sub in section.subsections:
            blocks.append(self.section(sub, min(level + 1, 6), national_plan=national_plan))
        blocks += extra
        return Section(blocks=tuple(blocks), heading=heading, anchor=anchor or section.id)

    def outline(self, title: str, blocks: Iterable[Block]) -> Outline:
        """The outline of the item with ``blocks``, its running head and its colophon."""
        return Outline(
            kind=item_kind(self.item),
            document=self.item.id,
            title=title,
            language=self.language,
            label_language=self.context.language,
            partnership=self.partnership.id,
            blocks=tuple(blocks),
            running_head=f"{self.partnership.name} · {title}",
            colophon=(self.mark(f"{self.text('document.generated')} {__version__}"),),
        )


def strong_runs(text: str, words: Sequence[str]) -> Inlines:
    """``text`` as runs with each whole-word occurrence of ``words`` in bold
    (``Section.strong``: the words a source prints in bold)."""
    if not words:
        return (Text(text),) if text else ()
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?!\w)"
    )
    out: list[str | Inline] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last : match.start()])
        out.append(Emphasis(runs=runs(match.group(0)), strong=True))
        last = match.end()
    out.append(text[last:])
    return runs(*out)
