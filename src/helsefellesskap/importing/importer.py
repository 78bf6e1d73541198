"""The importer a plugin contributes through ``hf_importers``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:  # listing the importers does not import what they read into
    from pathlib import Path

    from .draft import PlanDraft

__all__ = ["Importer"]


@attrs.frozen(kw_only=True)
class Importer:
    """Reads a kind of file (by extension) into a :class:`~.draft.PlanDraft`.

    :param name: the importer's name (``docx``); two plugins may not claim one name.
    :param extensions: the file name endings it reads, with the dot (``(".docx",)``).
    :param read: ``read(path)`` returns the draft; it raises
        :class:`~helsefellesskap.errors.DataError` (or ``ValueError``) with a message for
        people when the file cannot be read.
    :param description: one line saying what it reads.
    """

    name: str
    extensions: tuple[str, ...]
    read: Callable[[Path], PlanDraft]
    description: str = ""
