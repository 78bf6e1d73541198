"""Loading and saving a partnership folder and single document files.

A partnership is a folder: ``partnership.toml`` beside one folder per document type
(``declarations/``, ``plans/``, ``reports/``, ``funding/``, ``consultations/``), one
document a file. Loading reports every problem of every file at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import DataError, DocumentNotFoundError, Problem
from ..model import Bundle, Document, Partnership
from .documents import dumps_json, dumps_toml, structure, structure_document
from .text import read_toml, write_atomic

__all__ = [
    "PARTNERSHIP_FILE",
    "find_partnership_root",
    "load",
    "load_bundle",
    "load_document",
    "load_partnership",
    "save",
    "save_bundle",
]

PARTNERSHIP_FILE = "partnership.toml"
"""The name of the file that holds a partnership's partners, bodies, roles and settings."""


def load_partnership(path: Path) -> Partnership:
    """Load a ``partnership.toml`` file (or the one in folder ``path``)."""
    path = Path(path)
    if path.is_dir():
        path = path / PARTNERSHIP_FILE
    if not path.is_file():
        raise DocumentNotFoundError(f"{path} does not exist")
    return structure(read_toml(path), Partnership, file=path)


def load_document(path: Path, *, types: Mapping[str, type[Document]] | None = None) -> Document:
    """Load one document file; its ``kind`` key says which type it is."""
    path = Path(path)
    if not path.is_file():
        raise DocumentNotFoundError(f"{path} does not exist")
    return structure_document(read_toml(path), file=path, types=types)


def _document_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*.toml") if p.name != PARTNERSHIP_FILE and not p.name.startswith(".")
    )


def load_bundle(root: Path, *, types: Mapping[str, type[Document]] | None = None) -> Bundle:
    """Load a partnership folder with every document below it.

    Problems in any of the files are gathered and raised together in one
    :class:`DataError`; a document id used twice is reported with both files.
    """
    root = Path(root)
    partnership_file = root / PARTNERSHIP_FILE
    if not partnership_file.is_file():
        raise DocumentNotFoundError(
            f"{root} is not a partnership folder: it has no {PARTNERSHIP_FILE}"
        )
    problems: list[Problem] = []
    partnership: Partnership | None = None
    try:
        partnership = load_partnership(partnership_file)
    except DataError as error:
        problems.extend(error.problems)
    documents: list[Document] = []
    files: dict[str, Path] = {}
    for file in _document_files(root):
        try:
            document = load_document(file, types=types)
        except DataError as error:
            problems.extend(error.problems)
            continue
        if document.id in files:
            problems.append(
                Problem(
                    message=f'the document id "{document.id}" is used by {files[document.id]} too',
                    path="$.id",
                    file=file,
                    hint="give each document its own id",
                )
            )
            continue
        if partnership is not None and document.partnership not in (None, partnership.id):
            problems.append(
                Problem(
                    message=(
                        f'the document names partnership "{document.partnership}" but lies in '
                        f'the folder of "{partnership.id}"'
                    ),
                    path="$.partnership",
                    file=file,
                    hint=f'write partnership = "{partnership.id}", or move the file',
                )
            )
            continue
        files[document.id] = file
        documents.append(document)
    if problems:
        raise DataError(problems)
    assert partnership is not None
    files[partnership.id] = partnership_file
    return Bundle(partnership=partnership, documents=tuple(documents), files=files, root=root)


def find_partnership_root(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that holds a ``partnership.toml``."""
    path = Path(path).resolve()
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / PARTNERSHIP_FILE).is_file():
            return folder
    return None


def load(
    path: Path, *, types: Mapping[str, type[Document]] | None = None
) -> Bundle | Document | Partnership:
    """Load whatever ``path`` is: a partnership folder, a ``partnership.toml``, or a document."""
    path = Path(path)
    if path.is_dir():
        return load_bundle(path, types=types)
    if path.name == PARTNERSHIP_FILE:
        return load_partnership(path)
    return load_document(path, types=types)


def save(item: Document | Partnership, path: Path, *, overwrite: bool = False) -> Path:
    """Write a document or partnership to ``path`` (TOML, or JSON for ``.json``), atomically.

    An existing file is never replaced unless ``overwrite`` is true.
    """
    path = Path(path)
    text = dumps_json(item) + "\n" if path.suffix == ".json" else dumps_toml(item)
    write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    return path


def save_bundle(bundle: Bundle, root: Path, *, overwrite: bool = False) -> list[Path]:
    """Write a bundle as a partnership folder: ``partnership.toml`` and one file a document."""
    root = Path(root)
    written = [save(bundle.partnership, root / PARTNERSHIP_FILE, overwrite=overwrite)]
    for document in bundle.documents:
        folder = document.FOLDER or "documents"
        written.append(save(document, root / folder / f"{document.id}.toml", overwrite=overwrite))
    return written
