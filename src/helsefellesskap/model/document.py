"""What every document of a partnership has in common, and the registry of their kinds."""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._base import check_id, one_line
from ._typed import typed
from .language import check_language
from .partnership import check_generated_parts

__all__ = ["Document"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Document:
    """Base class of the documents a partnership keeps (one TOML file each).

    ``KIND`` (a class constant, written as ``kind = "…"`` in the file) tells which
    document type a file holds; ``FOLDER`` is the folder of a partnership its files lie
    in. Neither is an attribute of an instance's data: read ``type(doc).KIND`` or
    ``doc.KIND``, never ``doc.kind``. ``partnership`` names the partnership's id, so that a
    document file can be loaded on its own. ``source`` says where the content comes from;
    ``notes`` keep remarks about the source (a misprint kept as printed, a date that looks
    wrong) that are not part of its text. ``omit`` names generated parts
    (:data:`~.partnership.GENERATED_PARTS`) this document leaves out, in addition to
    those of the partnership's ``Layout.omit``: a document whose source has no list of
    abbreviations writes ``omit = ["abbreviations"]``.
    """

    KIND: ClassVar[str] = ""
    FOLDER: ClassVar[str] = ""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    partnership: str | None = attrs.field(default=None, validator=check_id)
    language: str = attrs.field(default="nb", validator=check_language)
    source: str | None = None
    notes: tuple[str, ...] = ()
    omit: tuple[str, ...] = attrs.field(default=(), validator=check_generated_parts)
