"""Loading and saving a partnership folder and single document files.

A partnership is a folder: ``partnership.toml`` beside one folder per document type
(``declarations/``, ``plans/``, ``reports/``, ``funding/``, ``consultations/``), one
document a file. Loading reports every problem of every file at once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from ..errors import DataError, DocumentNotFoundError, Problem, UsageError
from ..gc_pause import collection_paused
from ..messages import message
from ..model import Bundle, Document, Partnership
from .documents import dumps_json, dumps_toml, loads_json, structure, structure_document
from .kept_texts import keep_texts
from .text import decode_text, not_a_file_reason, parse_toml, read_bytes, read_text, write_atomic

__all__ = [
    "IGNORED_FOLDERS",
    "PARTNERSHIP_FILE",
    "PathLike",
    "document_problem",
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


def load_partnership(path: PathLike) -> Partnership:
    """Load a ``partnership.toml`` file (or the one in folder ``path``)."""
    path = Path(path)
    if path.is_dir():
        path = path / PARTNERSHIP_FILE
    return _read_partnership(path)[0]


def _read_partnership(path: Path) -> tuple[Partnership, bytes]:
    """:func:`load_partnership` of a file, and the bytes it was read from."""
    data = read_bytes(path)
    text = decode_text(data, path)
    try:
        return structure(parse_toml(text, file=path), Partnership, file=path), data
    except DataError as error:
        from .positions import placed_error  # the positions' scanner: for an error only

        raise placed_error(error, path, text) from None


def load_document(path: PathLike, *, types: Mapping[str, type[Document]] | None = None) -> Document:
    """Load one document file; its ``kind`` key says which type it is.

    A file ending in ``.json`` is read as JSON: what :func:`save` wrote, or the envelope
    the ``json`` render format writes. Any other file is read as TOML.
    """
    return _read_document(Path(path), types)[0]


def _read_document(
    path: Path, types: Mapping[str, type[Document]] | None
) -> tuple[Document, bytes | None]:
    """:func:`load_document`, and the TOML bytes it was read from (``None`` for JSON)."""
    if path.suffix.lower() == ".json":
        document = loads_json(read_text(path), file=path, types=types)
        assert isinstance(document, Document)
        return document, None
    data = read_bytes(path)
    text = decode_text(data, path)
    try:
        return structure_document(parse_toml(text, file=path), file=path, types=types), data
    except DataError as error:
        from .positions import placed_error  # the positions' scanner: for an error only

        raise placed_error(error, path, text) from None


def _relative(path: Path, root: Path) -> str:
    """``path`` as the user sees it from the partnership folder (``plans/a.toml``)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


class _Walk:
    """The document files below a partnership folder, with what it could not read.

    Each folder is entered once, by its device and inode, so a link back to a folder
    already read (a loop) or a second link to one is reported once instead of every
    document being read again.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: list[Path] = []
        self.problems: list[Problem] = []
        self._seen: dict[tuple[int, int], Path] = {}

    def run(self) -> _Walk:
        status = self.root.stat()
        self._seen[(status.st_dev, status.st_ino)] = self.root
        self._folder(self.root)
        return self

    def _problem(self, entry: Path, message: str, hint: str) -> None:
        self.problems.append(Problem(message=message, file=entry, hint=hint))

    def _folder(self, folder: Path) -> None:
        try:
            entries = sorted(folder.iterdir())
        except OSError as error:
            if isinstance(error, PermissionError):
                why = message("files.permission_denied")
            else:
                why = (error.strerror or message("files.unreadable")).lower()
            self._problem(
                folder,
                message("files.folder_unreadable", why=why),
                message("files.check_permissions"),
            )
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            _reason, status = not_a_file_reason(entry)
            if status is not None and stat.S_ISDIR(status.st_mode):
                self._subfolder(entry, status)
            elif entry.suffix == ".toml" and entry.name != PARTNERSHIP_FILE:
                self.files.append(entry)
            elif entry.suffix.lower() == ".toml" and entry.name.lower() != PARTNERSHIP_FILE:
                self._problem(
                    entry,
                    message("files.wrong_suffix", suffix=entry.suffix),
                    message("files.rename_to", name=f"{entry.stem}.toml"),
                )

    def _subfolder(self, entry: Path, status: os.stat_result) -> None:
        if entry.name in IGNORED_FOLDERS:
            return
        if entry.suffix.lower() == ".toml":
            self._problem(
                entry,
                message("files.folder_named_like_file"),
                message("files.folder_named_like_file_hint", name=entry.name),
            )
        key = (status.st_dev, status.st_ino)
        if key in self._seen:
            first = self._seen[key]
            named = (
                _relative(first, self.root)
                if first != self.root
                else message("files.the_partnership_folder")
            )
            self._problem(
                entry,
                message("files.folder_read_twice", named=named),
                message("files.folder_read_twice_hint"),
            )
            return
        self._seen[key] = entry
        self._folder(entry)


def _document_files(root: Path) -> tuple[list[Path], list[Problem]]:
    walk = _Walk(root).run()
    return walk.files, walk.problems


def document_problem(
    document: Document, file: Path, partnership: Partnership | None, taken_by: str | None
) -> Problem | None:
    """Why ``document`` (read from ``file``) cannot join its partnership's bundle, if it
    cannot: its id is already used by the file named ``taken_by``, or it names another
    partnership than the folder's. Loading from a folder and from bytes both ask this."""
    if taken_by is not None:
        return Problem(
            message=message("files.id_used_twice", id=document.id, other=taken_by),
            path="$.id",
            file=file,
            hint=message("files.id_used_twice_hint"),
        )
    if partnership is not None and document.partnership not in (None, partnership.id):
        return Problem(
            message=message(
                "files.other_partnership", named=document.partnership, folder=partnership.id
            ),
            path="$.partnership",
            file=file,
            hint=message("files.other_partnership_hint", folder=partnership.id),
        )
    return None


def load_bundle(root: PathLike, *, types: Mapping[str, type[Document]] | None = None) -> Bundle:
    """Load a partnership folder with every document below it.

    Problems in any of the files are gathered and raised together in one
    :class:`DataError`; a document id used twice is reported with both files.
    Automatic garbage collection is paused while the files are read and restored after
    (:func:`~helsefellesskap.gc_pause.collection_paused`). The text of each TOML file is
    kept with the bundle while it lives, to place its findings
    (:mod:`~helsefellesskap.io.kept_texts`).
    """
    with collection_paused():
        return _load_bundle(Path(root), types)


def _load_bundle(root: Path, types: Mapping[str, type[Document]] | None) -> Bundle:
    partnership_file = root / PARTNERSHIP_FILE
    if not os.path.lexists(partnership_file):
        raise DocumentNotFoundError(
            message("files.not_a_partnership_folder", root=root, file=PARTNERSHIP_FILE)
        )
    problems: list[Problem] = []
    partnership: Partnership | None = None
    texts: dict[Path, str | bytes] = {}  # kept with the bundle, to place its findings
    try:
        partnership, texts[partnership_file] = _read_partnership(partnership_file)
    except DataError as error:
        problems.extend(error.problems)
    documents: list[Document] = []
    files: dict[str, Path] = {}
    found, walk_problems = _document_files(root)
    problems.extend(walk_problems)
    for file in found:
        try:
            document, data = _read_document(file, types)
        except DataError as error:
            problems.extend(error.problems)
            continue
        except DocumentNotFoundError:
            reason, _status = not_a_file_reason(file)
            problems.append(
                Problem(
                    message=message(
                        "files.this_is", reason=reason or message("files.not_readable")
                    ),
                    file=file,
                    hint=message("files.replace_or_remove"),
                )
            )
            continue
        taken_by = _relative(files[document.id], root) if document.id in files else None
        problem = document_problem(document, file, partnership, taken_by)
        if problem is not None:
            problems.append(problem)
            continue
        files[document.id] = file
        documents.append(document)
        if data is not None:
            texts[file] = data
    if problems:
        raise DataError(problems)
    assert partnership is not None
    files[partnership.id] = partnership_file
    bundle = Bundle(partnership=partnership, documents=tuple(documents), files=files, root=root)
    keep_texts(bundle, texts)
    return bundle


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


def save(
    item: Document | Partnership,
    path: PathLike,
    *,
    overwrite: bool = False,
    keep_layout: bool = True,
) -> Path:
    """Write a document or partnership to ``path`` (``.toml``, or ``.json``), atomically.

    An existing file is never replaced unless ``overwrite`` is true
    (:class:`~helsefellesskap.errors.OutputExistsError`). With ``overwrite``, a TOML file
    that holds the same document (same kind and id) is edited in place
    (:func:`~helsefellesskap.io.edit.edit_file`): only the lines of what changed are
    rewritten and its comments and layout stay; ``keep_layout=False`` writes it afresh.
    """
    path = Path(path)
    if path.is_dir():
        raise UsageError(message("files.save_to_folder", path=path))
    if path.suffix not in (".toml", ".json"):
        raise UsageError(message("files.save_suffix", path=path))
    if overwrite and keep_layout and path.suffix == ".toml" and path.is_file():
        from .edit import edit_file, same_document

        if same_document(item, path):
            return edit_file(item, path)
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
