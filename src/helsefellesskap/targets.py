"""Resolving what a command names: a folder, a file, or a bundled partnership and document."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from .errors import DocumentNotFoundError, UsageError
from .io import find_partnership_root, load_bundle, load_document
from .io.folder import PARTNERSHIP_FILE
from .messages import message
from .model import Bundle, Document
from .plugins import PluginManager

__all__ = ["Target", "resolve_target"]


@attrs.frozen(kw_only=True)
class Target:
    """What a command works on: a bundle, and one document of it or all (``None``)."""

    bundle: Bundle
    document: Document | None = None

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents the target covers."""
        return (self.document,) if self.document is not None else self.bundle.documents


def resolve_target(target: str, manager: PluginManager) -> Target:
    """Resolve ``target``: a partnership folder, a document file, a ``partnership.toml``,
    or the id of a bundled partnership with an optional document id
    (``PARTNERSHIP`` or ``PARTNERSHIP/DOCUMENT``)."""
    types = manager.document_types()
    path = Path(target)
    if path.is_dir():
        return Target(bundle=load_bundle(path, types=types))
    if path.is_file() or os.path.lexists(path):
        # Anything there that is not a folder is read as a file, so a named pipe, a
        # broken link or a link loop is reported as what it is, not as missing.
        if path.name == PARTNERSHIP_FILE:
            return Target(bundle=load_bundle(path.parent, types=types))
        document = load_document(path, types=types)
        root = find_partnership_root(path)
        if root is not None:
            bundle = load_bundle(root, types=types)
            own = bundle.document(document.id)
            if own is not None and bundle.files.get(document.id) == path:
                return Target(bundle=bundle, document=own)
            # A file the folder does not read (a .json document, perhaps a rendered one):
            # the command works on it, in place of a document with the same id.
            rest = tuple(d for d in bundle.documents if d.id != document.id)
            bundle = attrs.evolve(
                bundle, documents=(*rest, document), files={**bundle.files, document.id: path}
            )
            return Target(bundle=bundle, document=document)
        if document.partnership and document.partnership in manager.partnerships():
            bundle = manager.load_partnership(document.partnership)
            rest = tuple(d for d in bundle.documents if d.id != document.id)
            bundle = attrs.evolve(
                bundle,
                documents=(*rest, document),
                files={**bundle.files, document.id: path},
            )
            return Target(bundle=bundle, document=document)
        raise UsageError(
            message("render.no_partnership_of_document", path=path, file=PARTNERSHIP_FILE)
        )
    if path.suffix in (".toml", ".json") or ("/" in target and Path(target.split("/")[0]).exists()):
        raise DocumentNotFoundError(message("render.does_not_exist", target=target))
    partnership_id, _, document_id = target.partition("/")
    if partnership_id not in manager.partnerships():
        known = ", ".join(sorted(manager.partnerships())) or message("render.none_installed")
        raise DocumentNotFoundError(
            message("render.not_a_target", target=repr(target), known=known)
        )
    bundle = manager.load_partnership(partnership_id)
    if not document_id:
        return Target(bundle=bundle)
    found = bundle.document(document_id)
    if found is None:
        known = ", ".join(d.id for d in bundle.documents)
        raise DocumentNotFoundError(
            message(
                "render.no_such_document",
                partnership=repr(partnership_id),
                document=repr(document_id),
                known=known,
            )
        )
    return Target(bundle=bundle, document=found)
