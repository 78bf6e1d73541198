"""Running text of a document: sections with paragraphs and bullet points."""

from __future__ import annotations

import attrs

from ._base import check_id

__all__ = ["Link", "Section"]


@attrs.frozen(kw_only=True)
class Link:
    """A reference to a public page the source document cites."""

    url: str
    title: str | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A titled piece of running text (*innledning*, *veien videre* …).

    The text reads in order: ``paragraphs``, then ``bullets``, then ``closing``
    paragraphs, then ``subsections``. ``national`` lists ids of items in the national
    frame the section quotes (e.g. the FSU requirements), which renderers spell out.
    """

    title: str | None = None
    id: str | None = attrs.field(default=None, validator=check_id)
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    national: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    subsections: tuple[Section, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the section holds no text at all."""
        return not (
            self.paragraphs or self.bullets or self.closing or self.national or self.subsections
        )
