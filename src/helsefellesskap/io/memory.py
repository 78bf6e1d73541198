"""Loading from text and bytes instead of files: an upload, a zip of a partnership.

The errors are those of loading from disk (:class:`~helsefellesskap.errors.DataError`
with the file name, line, column and path), the name given standing for the file. The
size limit of a data file holds for each file, and a zip is refused before it is
unpacked if it would unpack past the limits below, has a name that leads out of its
folder (``../x``, ``/etc/x``) or holds links.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..errors import DataError, DocumentNotFoundError, Problem
from ..gc_pause import collection_paused
from ..messages import message
from ..model import Bundle, Document, Partnership
from .documents import loads_json, structure, structure_document
from .folder import IGNORED_FOLDERS, PARTNERSHIP_FILE, document_problem
from .kept_texts import keep_texts, source_texts
from .text import MAX_FILE_SIZE, decode_text, parse_toml, too_large

__all__ = [
    "MAX_ZIP_FILES",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_SIZE",
    "load_bundle_from_files",
    "load_bundle_from_zip",
    "loads",
    "loads_partnership",
    "source_texts",
]

MAX_ZIP_FILES = 2000
"""The most entries a zip of a partnership may hold (the largest has a few dozen)."""

MAX_ZIP_SIZE = 100 * 1024 * 1024
"""The most bytes a zip may unpack to, all files together."""

MAX_ZIP_RATIO = 200
"""The most a zip entry of more than 1 MB may shrink by (a zip bomb shrinks by thousands)."""


def _text(data: str | bytes, file: Path) -> str:
    if isinstance(data, str):
        return data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"{file}: give the file's text or bytes, not {type(data).__name__}")
    if len(data) > MAX_FILE_SIZE:
        raise too_large(len(data), file)
    return decode_text(bytes(data), file)


def loads(
    data: str | bytes,
    *,
    name: str = "<upload>.toml",
    types: Mapping[str, type[Document]] | None = None,
) -> Document:
    """Load a document from its text or bytes; ``name`` stands for the file in errors.

    A name ending in ``.json`` is read as JSON (as :func:`~helsefellesskap.load_document`
    does), any other as TOML.
    """
    file = Path(name)
    text = _text(data, file)
    if file.suffix.lower() == ".json":
        document = loads_json(text, file=file, types=types)
        if not isinstance(document, Document):
            raise DataError([Problem(message=message("files.not_a_document"), file=file)])
        return document
    try:
        return structure_document(parse_toml(text, file=file), file=file, types=types)
    except DataError as error:
        from .positions import placed_error  # the positions' scanner: for an error only

        raise placed_error(error, file, text) from None


def loads_partnership(data: str | bytes, *, name: str = PARTNERSHIP_FILE) -> Partnership:
    """Load a partnership (the content of ``partnership.toml``) from its text or bytes."""
    file = Path(name)
    text = _text(data, file)
    try:
        return structure(parse_toml(text, file=file), Partnership, file=file)
    except DataError as error:
        from .positions import placed_error  # the positions' scanner: for an error only

        raise placed_error(error, file, text) from None


def _skipped(name: PurePosixPath) -> bool:
    return any(part.startswith(".") or part in IGNORED_FOLDERS for part in name.parts[:-1]) or (
        name.name.startswith(".") or name.parts[0] == "__MACOSX"
    )


def load_bundle_from_files(
    files: Mapping[str, str | bytes],
    *,
    types: Mapping[str, type[Document]] | None = None,
) -> Bundle:
    """Load a partnership from its files' names (relative, ``/`` between folders) and
    contents: ``{"partnership.toml": b"…", "plans/x.toml": b"…"}``.

    As :func:`~helsefellesskap.load_bundle` does for a folder: every ``.toml`` file other
    than ``partnership.toml`` is a document, hidden files and folders are left out, and
    every problem of every file is raised together in one :class:`DataError`. The
    bundle's files are the names given; its ``root`` is ``None``. Automatic garbage
    collection is paused while the files are read, as :func:`~helsefellesskap.load_bundle`
    pauses it (:func:`~helsefellesskap.gc_pause.collection_paused`).
    """
    with collection_paused():
        return _load_bundle_from_files(files, types)


def _load_bundle_from_files(
    files: Mapping[str, str | bytes], types: Mapping[str, type[Document]] | None
) -> Bundle:
    if PARTNERSHIP_FILE not in files:
        raise DocumentNotFoundError(message("files.no_partnership_file", file=PARTNERSHIP_FILE))
    problems: list[Problem] = []
    texts: dict[Path, str] = {}
    partnership: Partnership | None = None
    partnership_file = Path(PARTNERSHIP_FILE)
    try:
        partnership = loads_partnership(files[PARTNERSHIP_FILE])
        texts[partnership_file] = _text(files[PARTNERSHIP_FILE], partnership_file)
    except DataError as error:
        problems.extend(error.problems)
    documents: list[Document] = []
    where: dict[str, Path] = {}
    for name in sorted(files):
        posix = PurePosixPath(name)
        if name == PARTNERSHIP_FILE or posix.suffix != ".toml" or _skipped(posix):
            continue
        file = Path(name)
        try:
            text = _text(files[name], file)
            document = loads(text, name=name, types=types)
        except DataError as error:
            problems.extend(error.problems)
            continue
        texts[file] = text
        problem = document_problem(
            document,
            file,
            partnership,
            where[document.id].as_posix() if document.id in where else None,
        )
        if problem is not None:
            problems.append(problem)
            continue
        where[document.id] = file
        documents.append(document)
    if problems:
        raise DataError(problems)
    assert partnership is not None
    where[partnership.id] = partnership_file
    bundle = Bundle(partnership=partnership, documents=tuple(documents), files=where, root=None)
    keep_texts(bundle, texts)
    return bundle


def _zip_problem(message: str, name: str, hint: str) -> DataError:
    return DataError([Problem(message=message, file=Path(name), hint=hint)])


def _unpacked(data: bytes, name: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _zip_problem(
            message("files.zip_not_zip"), name, message("files.zip_upload_hint")
        ) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_FILES:
            raise _zip_problem(
                message("files.zip_too_many", count=len(entries), limit=MAX_ZIP_FILES),
                name,
                message("files.zip_only_folder"),
            )
        total = 0
        chosen: list[zipfile.ZipInfo] = []
        for entry in entries:
            member = f"{name}/{entry.filename}"
            path = PurePosixPath(entry.filename)
            if entry.filename.startswith(("/", "\\")) or ".." in path.parts or ":" in path.parts[0]:
                raise _zip_problem(
                    message("files.zip_outside"), member, message("files.zip_relative_names")
                )
            if (entry.external_attr >> 16) & 0o170000 == 0o120000:
                raise _zip_problem(
                    message("files.zip_link"), member, message("files.zip_link_hint")
                )
            if entry.is_dir():
                continue
            if entry.file_size > MAX_FILE_SIZE:
                raise too_large(entry.file_size, Path(member))
            if entry.file_size > 1024 * 1024 and entry.file_size > MAX_ZIP_RATIO * max(
                entry.compress_size, 1
            ):
                raise _zip_problem(message("files.zip_bomb"), member, message("files.zip_as_it_is"))
            total += entry.file_size
            if total > MAX_ZIP_SIZE:
                raise _zip_problem(
                    message("files.zip_too_big", limit=MAX_ZIP_SIZE // 1024 // 1024),
                    name,
                    message("files.zip_only_folder"),
                )
            chosen.append(entry)
        files: dict[str, bytes] = {}
        for entry in chosen:
            with archive.open(entry) as stream:
                content = stream.read(entry.file_size + 1)
            if len(content) > entry.file_size:  # the header lied about the size
                raise _zip_problem(
                    message("files.zip_header_lied"),
                    f"{name}/{entry.filename}",
                    message("files.zip_again"),
                )
            files[entry.filename] = content
    return files


def load_bundle_from_zip(
    data: bytes, *, name: str = "upload.zip", types: Mapping[str, type[Document]] | None = None
) -> Bundle:
    """Load a partnership from the bytes of a zip of its folder (``partnership.toml`` at
    the top of the zip, or in its one top folder), refusing zip bombs and names that lead
    out of the folder (:data:`MAX_ZIP_FILES`, :data:`MAX_ZIP_SIZE`, :data:`MAX_ZIP_RATIO`).
    Automatic garbage collection is paused while it is unpacked and read, as
    :func:`~helsefellesskap.load_bundle` pauses it."""
    with collection_paused():
        return _load_bundle_from_zip(data, name, types)


def _load_bundle_from_zip(
    data: bytes, name: str, types: Mapping[str, type[Document]] | None
) -> Bundle:
    files = _unpacked(data, name)
    if PARTNERSHIP_FILE not in files:
        tops = {PurePosixPath(n).parts[0] for n in files if not _skipped(PurePosixPath(n))}
        if len(tops) == 1:
            top = tops.pop()
            prefix = top + "/"
            files = {n.removeprefix(prefix): c for n, c in files.items() if n.startswith(prefix)}
    if PARTNERSHIP_FILE not in files:
        raise _zip_problem(
            message("files.zip_no_partnership", file=PARTNERSHIP_FILE),
            name,
            message("files.zip_folder_hint", file=PARTNERSHIP_FILE),
        )
    return _load_bundle_from_files(files, types)
