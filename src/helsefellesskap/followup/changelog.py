"""The changelog between two revisions of a document, as a document every format renders.

It is not kept in a file: :func:`changelog` computes it from the two revisions (with
:func:`~helsefellesskap.followup.revisions.diff`, hidden fields left out unless asked
for) and it is rendered like any document, through its outline::

    log = changelog(old_plan, new_plan)
    render(log, "html", bundle=bundle)

Its ``id`` is the new revision's id with ``-endringer`` after it.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from ..model import Document, Partnership
from .revisions import SIMILARITY_THRESHOLD, DocumentDiff, diff

__all__ = ["Changelog", "changelog"]


@attrs.frozen(kw_only=True)
class Changelog(Document):
    """What changed from ``old`` to ``new`` (two revisions of a document, or of a
    partnership's ``partnership.toml``): the ``changes`` found between them."""

    KIND: ClassVar[str] = "changelog"

    old: Document | Partnership
    new: Document | Partnership
    changes: DocumentDiff


def changelog(
    old: Document | Partnership,
    new: Document | Partnership,
    *,
    all_fields: bool = False,
    threshold: float | None = SIMILARITY_THRESHOLD,
) -> Changelog:
    """The changelog from ``old`` to ``new``: their :func:`diff` (``notes`` and ``source``
    left out unless ``all_fields``), titled by the two revisions.

    :raises UsageError: for two different kinds of document.
    """
    found = diff(old, new, all_fields=all_fields, threshold=threshold)
    title_old = old.name if isinstance(old, Partnership) else old.title
    title_new = new.name if isinstance(new, Partnership) else new.title
    partnership = new.id if isinstance(new, Partnership) else new.partnership
    language = "nb" if isinstance(new, Partnership) else new.language
    return Changelog(
        id=f"{new.id}-endringer",
        title=f"{title_old} – {title_new}",
        partnership=partnership,
        language=language,
        old=old,
        new=new,
        changes=found,
    )
