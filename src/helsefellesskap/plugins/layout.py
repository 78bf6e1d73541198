"""How a plugin's ``hf_layout`` answer refines the partnership's own layout."""

from __future__ import annotations

import attrs

from ..model import Layout

__all__ = ["PARTNERSHIP_FIELDS", "refine_layout"]

PARTNERSHIP_FIELDS: tuple[str, ...] = ("language", "template_set")
"""Fields of :class:`Layout` that say what the partnership is (its language, its set of
templates) rather than how a table looks: a plugin's layout that leaves one at its default
keeps the partnership's."""


def refine_layout(base: Layout, refined: Layout) -> Layout:
    """The layout a plugin's ``refined`` answer gives for a partnership whose own
    ``[layout]`` is ``base``.

    The recommended answer is a changed copy, ``attrs.evolve(partnership.layout, …)``:
    it is used as it is. A layout built from scratch (``Layout(measure_columns=…)``, as
    older plugins return) sets the table's look (columns, abbreviations, omitted parts)
    as before, but where it leaves a field of :data:`PARTNERSHIP_FIELDS` at its default,
    the partnership's value is kept: a plugin cannot silently drop the language.
    """
    default = Layout()
    kept = {
        name: getattr(base, name)
        for name in PARTNERSHIP_FIELDS
        if getattr(refined, name) == getattr(default, name)
    }
    return attrs.evolve(refined, **kept)
