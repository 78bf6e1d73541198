"""The render format interface: a format declares what it is and turns documents into bytes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import attrs

from .labelset import format_label

if TYPE_CHECKING:
    from ..model import (
        ActionPlan,
        AnnualReport,
        Bundle,
        ConsultationResponse,
        Declaration,
        Document,
        FundingRound,
        Layout,
        NationalFrame,
        Partnership,
    )
    from ..plugins import PluginManager

    Renderable = Document | Partnership
    CORE_RENDERABLES: tuple[type[Renderable], ...] = (
        ActionPlan,
        Declaration,
        AnnualReport,
        FundingRound,
        ConsultationResponse,
        Partnership,
    )

__all__ = [
    "CORE_RENDERABLES",
    "GOVERNANCE_SUFFIX",
    "RenderContext",
    "RenderFormat",
    "Renderable",
    "linked_file_name",
    "output_name",
]

GOVERNANCE_SUFFIX = "styringsstruktur"
"""The governance overview's file is named ``<partnership id>-styringsstruktur.<ext>``."""


def __getattr__(name: str) -> object:
    """``Renderable`` and ``CORE_RENDERABLES``, made from the model when first asked for
    (PEP 562), so that the format interface (what listing the formats checks them
    against) does not import the model.

    ``Renderable`` is what a format renders: a document, or a partnership (its governance
    overview). ``CORE_RENDERABLES`` is every document type of the core and the
    partnership (its governance overview): what a format that renders them all declares
    as its ``renders``.
    """
    if name not in ("Renderable", "CORE_RENDERABLES"):  # __path__, asked by every import
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .. import model

    if name == "Renderable":
        value: object = model.Document | model.Partnership
    else:
        value = (
            model.ActionPlan,
            model.Declaration,
            model.AnnualReport,
            model.FundingRound,
            model.ConsultationResponse,
            model.Partnership,
        )
    globals()[name] = value
    return value


@attrs.frozen(kw_only=True)
class RenderContext:
    """Everything a format needs besides the document.

    ``labels`` is the merged label catalogue for ``language`` (defaults, then the
    plugins' overrides for this partnership); ``template_dirs`` are folders searched for
    templates before the built-in ones; ``layout`` is the partnership's layout;
    ``body_kinds`` names each body kind in ``language`` (``professional-committee`` →
    ``faglig samarbeidsutvalg``); ``manager`` is the plugin manager whose outline
    builders and ``hf_outline`` hooks :func:`~helsefellesskap.outline.build_outline`
    applies (``None``: the core's outlines only).
    """

    bundle: Bundle
    language: str
    labels: Mapping[str, str]
    layout: Layout
    national: NationalFrame
    template_dirs: tuple[Path, ...] = ()
    body_kinds: Mapping[str, str] = attrs.field(factory=dict)
    manager: PluginManager | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def partnership(self) -> Partnership:
        """The partnership the document belongs to."""
        return self.bundle.partnership

    def label(self, key: str, **values: object) -> str:
        """The label for ``key``, formatted with ``values`` (the key itself if missing).

        :raises LabelError: the label does not fit ``values``; it names the plugin that
            supplied the label.
        """
        return format_label(self.labels, key, values)

    def kind_label(self, kind: str) -> str:
        """The name of the body kind ``kind`` in this language (the kind itself if unknown)."""
        return self.body_kinds.get(kind, kind)


class RenderFormat:
    """Base class of a render format.

    A subclass sets ``name`` (``"md"``), ``extension`` (``".md"``), ``media_type``,
    ``binary`` and ``renders`` (the document types it can render, ``Partnership`` for
    the governance overview) and implements :meth:`render`. A format made for some
    partnerships only sets ``partnerships`` to their ids (empty, the default, means
    every partnership); the others neither see it in ``-f all`` nor can ask for it.
    """

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str] = ""
    binary: ClassVar[bool] = False
    renders: ClassVar[tuple[type[Renderable], ...]] = ()
    partnerships: ClassVar[tuple[str, ...]] = ()
    own_labels: ClassVar[tuple[str, ...]] = ()
    """The keys of the labels whose words the format shows beyond the outline (Word's
    page footer ``docx.page``, ``docx.page_of``); a test allows these words and no others."""
    outlines: ClassVar[bool] = False
    """Whether the format writes any :class:`~helsefellesskap.outline.Outline`: it then
    also renders a plugin's document type that has an outline builder
    (``hf_outline_builders``), though that type is not among ``renders``."""

    def serves(self, partnership: str | None) -> bool:
        """Whether this format is for the partnership with id ``partnership`` (every
        format is, unless it names its partnerships; ``None`` means not known)."""
        return not self.partnerships or partnership is None or partnership in self.partnerships

    def can_render(self, item: Renderable, partnership: str | None = None) -> bool:
        """Whether this format renders ``item`` of the partnership ``partnership`` (by
        default the one the item names, if any): its type is one of ``renders`` and the
        partnership is one of ``partnerships`` (when it names any)."""
        if not isinstance(item, self.renders):
            return False
        if partnership is None:
            from ..model import Partnership

            partnership = item.id if isinstance(item, Partnership) else item.partnership
        return self.serves(partnership)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to the bytes of a file."""
        raise NotImplementedError


def output_name(item: Renderable, fmt: RenderFormat) -> str:
    """The file name of ``item`` in format ``fmt``: ``<document id><ext>``, or
    ``<partnership id>-styringsstruktur<ext>`` for the governance overview."""
    from ..model import Partnership

    stem = f"{item.id}-{GOVERNANCE_SUFFIX}" if isinstance(item, Partnership) else item.id
    return stem + fmt.extension


def linked_file_name(document_id: str, context: RenderContext, fmt: RenderFormat) -> str:
    """The file a ``Link(document=id)`` of an outline points to in format ``fmt``: the
    output name of that document of the bundle (or of the partnership's governance
    overview, for its id); ``<id><ext>`` where the bundle lacks it. Every writer that
    writes files side by side (HTML, Word, PDF) names its links with this."""
    partnership = context.partnership
    found: Renderable | None = (
        partnership if document_id == partnership.id else context.bundle.document(document_id)
    )
    return output_name(found, fmt) if found is not None else document_id + fmt.extension
