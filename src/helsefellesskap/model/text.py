"""Running text of a document: sections with paragraphs and bullet points."""

from __future__ import annotations

import attrs

from ..messages import message
from ._base import InvalidValue, check_id, short_title
from ._typed import typed
from .links import check_url

__all__ = ["MAX_SECTION_DEPTH", "Link", "Section", "check_strong"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Link:
    """A reference to a public page the source document cites."""

    url: str = attrs.field(validator=check_url)
    title: str | None = attrs.field(default=None, validator=short_title)


MAX_SECTION_DEPTH = 8
"""How deeply sections may nest (a section, its subsections, theirs, …)."""


def _depth(section: Section, limit: int) -> int:
    """How deeply ``section`` nests, counting no further than ``limit`` + 1."""
    if limit < 0 or not section.subsections:
        return 1
    return 1 + max(_depth(child, limit - 1) for child in section.subsections)


def _shallow(_instance: object, attribute: object, value: tuple[Section, ...]) -> None:
    """attrs validator: subsections nest at most :data:`MAX_SECTION_DEPTH` deep."""
    for index, child in enumerate(value):
        if _depth(child, MAX_SECTION_DEPTH) >= MAX_SECTION_DEPTH:
            raise InvalidValue(
                message("model.sections_too_deep", limit=MAX_SECTION_DEPTH),
                field=f"subsections[{index}]",
                hint=message("model.sections_too_deep_hint"),
            )


def check_strong(instance: Section, _attribute: object, value: tuple[str, ...]) -> None:
    """attrs validator: each bold word of a section stands in its own text."""
    text = " ".join((*instance.paragraphs, *instance.bullets, *instance.closing))
    for index, word in enumerate(value):
        if not word.strip() or word not in text:
            raise InvalidValue(
                message("model.strong_not_in_text", word=repr(word)),
                field=f"strong[{index}]",
                hint=message("model.strong_not_in_text_hint"),
            )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Section:
    """A titled piece of running text (*innledning*, *veien videre* …).

    The text reads in order: ``paragraphs``, then ``bullets``, then ``closing``
    paragraphs, then ``subsections``. ``national`` lists ids of items in the national
    frame the section quotes (e.g. the FSU requirements), which renderers spell out. ``strong``
    lists words the source prints in bold in the section's own text (``["likeverdige",
    "felles"]``): renderers set each whole-word occurrence in bold.
    """

    title: str | None = attrs.field(default=None, validator=short_title)
    id: str | None = attrs.field(default=None, validator=check_id)
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    national: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    subsections: tuple[Section, ...] = attrs.field(default=(), validator=_shallow)
    strong: tuple[str, ...] = attrs.field(default=(), validator=check_strong)

    @property
    def is_empty(self) -> bool:
        """Whether the section holds no text at all."""
        return not (
            self.paragraphs or self.bullets or self.closing or self.national or self.subsections
        )
