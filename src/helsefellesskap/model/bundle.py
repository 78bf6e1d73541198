"""A partnership together with its documents, as loaded from a folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import attrs

from ..errors import DocumentNotFoundError
from ..messages import message
from ._typed import typed
from .document import Document
from .partnership import Partnership

__all__ = ["Bundle"]

D = TypeVar("D", bound=Document)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Bundle:
    """A partnership and its documents, with the file each came from.

    ``files`` maps a document id to its file; the partnership's own file is under the
    partnership's id. ``root`` is the folder the bundle was loaded from, if any.
    """

    partnership: Partnership
    documents: tuple[Document, ...] = ()
    files: dict[str, Path] = attrs.field(factory=dict)
    root: Path | None = None

    def document(self, document_id: str) -> Document | None:
        """The document with ``document_id``, if any."""
        return next((d for d in self.documents if d.id == document_id), None)

    def require(self, document_id: str) -> Document:
        """The document with ``document_id``; a :class:`DocumentNotFoundError` if none.

        For typed callers that need no ``None`` check; the error names the ids there are,
        with the closest one as a suggestion.
        """
        found = self.document(document_id)
        if found is not None:
            return found
        ids = [d.id for d in self.documents]
        import difflib  # a did-you-mean: only for a wrong value

        close = difflib.get_close_matches(document_id, ids, n=1)
        hint = message("data.enum_did_you_mean", word=close[0]) if close else ""
        listing = ", ".join(ids) or message("model.no_documents")
        raise DocumentNotFoundError(
            message(
                "model.no_such_document",
                name=self.partnership.name,
                id=repr(document_id),
                hint=hint,
                listing=listing,
            )
        )

    def documents_of(self, kind: type[D]) -> Iterator[D]:
        """The documents of one type, in order."""
        for document in self.documents:
            if isinstance(document, kind):
                yield document

    def file_of(self, item: Document | Partnership) -> Path | None:
        """The file a document (or the partnership) was loaded from."""
        return self.files.get(item.id)
