"""Loading and saving a partnership folder and single document files.

A partnership is a folder: ``partnership.toml`` beside one folder per document type
(``declarations/``, ``plans/``, ``reports/``, ``funding/``, ``consultations/``), one
document a file. Loading reports every problem of every file at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import DataError, DocumentNotFoundError, Problem, UsageError
from ..model import Bundle, Document, Partnership
from .documents import dumps_json, dumps_toml, structure, structure_document
from .text import read_toml, write_atomic

__all__ = [
    "IGNORED_FOLDERS",
    "PARTNERSHIP_FILE",
    "PathLike",
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

IGNORED_FOLDERS = frozenset({"build", "dist", "node_modules", "venv", "__pycache__"})
"""Folders below a partnership folder that never hold its documents (nor do hidden ones,
such as ``.git`` and ``.venv``), so a partnership can live at the root of a repository."""

PathLike = str | os.PathLike[str]
"""A path given as text or as a path object."""


def _existing_file(path: Path) -> Path:
    if path.is_dir():
        raise DocumentNotFoundError(f"{path} is a folder, not a file")
    if not path.is_file():
        raise DocumentNotFoundError(f"{path} does not exist")
    return path


def load_partnership(path: PathLike) -> Partnership:
    """Load a ``partnership.toml`` file (or the one in folder ``path``)."""
    path = Path(path)
    if path.is_dir():
        path = path / PARTNERSHIP_FILE
    return structure(read_toml(_existing_file(path)), Partnership, file=path)


def load_document(path: PathLike, *, types: Mapping[str, type[Document]] | None = None) -> Document:
    """Load one document file; its ``kind`` key says which type it is."""
    path = Path(path)
    return structure_document(read_toml(_existing_file(path)), file=path, types=types)


def _walk(folder: Path) -> Iterator[Path]:
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if entry.name not in IGNORED_FOLDERS:
                yield from _walk(entry)
        elif entry.suffix == ".toml" and entry.name != PARTNERSHIP_FILE:
            yield entry


def _document_files(root: Path) -> list[Path]:
    return list(_walk(root))


def load_bundle(root: PathLike, *, types: Mapping[str, type[Document]] | None = None) -> Bundle:
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


def find_partnership_root(path: PathLike) -> Path | None:
    """The nearest folder at or above ``path`` that holds a ``partnership.toml``."""
    path = Path(path).resolve()
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / PARTNERSHIP_FILE).is_file():
            return folder
    return None


def load(
    path: PathLike, *, types: Mapping[str, type[Document]] | None = None
) -> Bundle | Document | Partnership:
    """Load whatever ``path`` is: a partnership folder, a ``partnership.toml``, or a document."""
    path = Path(path)
    if path.is_dir():
        return load_bundle(path, types=types)
    if path.name == PARTNERSHIP_FILE:
        return load_partnership(path)
    return load_document(path, types=types)


def save(item: Document | Partnership, path: PathLike, *, overwrite: bool = False) -> Path:
    """Write a document or partnership to ``path`` (``.toml``, or ``.json``), atomically.

    An existing file is never replaced unless ``overwrite`` is true
    (:class:`~helsefellesskap.errors.OutputExistsError`).
    """
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder: name the file to write, ending in .toml or .json")
    if path.suffix not in (".toml", ".json"):
        raise UsageError(f"{path}: name a file ending in .toml or .json (the format to write)")
    text = dumps_json(item) + "\n" if path.suffix == ".json" else dumps_toml(item)
    write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    return path


def save_bundle(bundle: Bundle, root: PathLike, *, overwrite: bool = False) -> list[Path]:
    """Write a bundle as a partnership folder: ``partnership.toml`` and one file a document."""
    root = Path(root)
    written = [save(bundle.partnership, root / PARTNERSHIP_FILE, overwrite=overwrite)]
    for document in bundle.documents:
        folder = document.FOLDER or "documents"
        written.append(save(document, root / folder / f"{document.id}.toml", overwrite=overwrite))
    return written
