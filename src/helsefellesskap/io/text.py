"""Reading TOML text from files, and writing files atomically."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import (
    DataError,
    DocumentNotFoundError,
    EmptyFileError,
    EncodingError,
    OutputExistsError,
    Problem,
    TomlSyntaxError,
)
from ..messages import current_language, message

__all__ = [
    "MAX_FILE_SIZE",
    "decode_text",
    "parse_toml",
    "read_bytes",
    "read_text",
    "read_toml",
    "regular_file",
    "toml_reader",
    "too_deep",
    "too_large",
    "write_atomic",
]

MAX_FILE_SIZE = 20 * 1024 * 1024
"""The largest data file read (bytes): many times the largest plan, small enough that a
wrong file (a video, a database dump) is refused at once instead of filling the memory."""


_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_reader() -> ModuleType:
    """The TOML parser in use: ``tomli`` where installed (faster), else ``tomllib``."""
    try:
        import tomli

        return tomli
    except ImportError:  # pragma: no cover - depends on the environment
        import tomllib

        return tomllib


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return message("files.is_folder")
    if stat.S_ISFIFO(mode):
        return message("files.is_pipe")
    if stat.S_ISSOCK(mode):
        return message("files.is_socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return message("files.is_device")
    return message("files.is_not_regular")


def _missing(path: Path) -> bool:
    """Whether ``path`` is simply not there (no file, no link)."""
    return not os.path.lexists(path)


def not_a_file_reason(path: Path) -> tuple[str | None, os.stat_result | None]:
    """Why ``path`` cannot be read as a data file (``None`` if it can), and its status.

    The reason is words without the path (``a named pipe (FIFO), not a file``), for a
    message that names the file elsewhere.
    """
    try:
        status = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return message("files.link_loop"), None
        if error.errno == errno.ENOENT and path.is_symlink():
            return message("files.link_broken", target=os.readlink(path)), None
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return message("files.not_there"), None
        raise
    if not stat.S_ISREG(status.st_mode):
        return _kind_of(status.st_mode), status
    return None, status


def regular_file(path: Path) -> os.stat_result:
    """The status of ``path`` if it is a regular file (after links), else a
    :class:`DocumentNotFoundError` that says what it is: missing, a folder, a named pipe,
    a link in a loop, a broken link. Nothing ever reads from a pipe (which would wait
    forever) or follows a loop.
    """
    try:
        reason, status = not_a_file_reason(path)
    except PermissionError:
        raise _no_permission(path) from None
    if reason is not None or status is None:
        if _missing(path):
            raise DocumentNotFoundError(message("files.does_not_exist", path=path))
        raise DocumentNotFoundError(message("files.is_reason", path=path, reason=reason))
    return status


def _no_permission(path: Path) -> DataError:
    """The error for a file (or a folder on its way) this user may not read."""
    return DataError(
        [
            Problem(
                message=message("files.no_permission"),
                file=path,
                hint=message("files.check_permissions"),
            )
        ]
    )


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is allowed).

    Raises :class:`EncodingError` with the line and column of the first bad byte, a
    :class:`DataError` for a file larger than :data:`MAX_FILE_SIZE`, and
    :class:`DocumentNotFoundError` for what is not a regular file (see
    :func:`regular_file`).
    """
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, with the errors of :func:`read_text` but the encoding's."""
    size = regular_file(path).st_size
    if size > MAX_FILE_SIZE:
        raise too_large(size, path)
    try:
        with path.open("rb") as stream:
            # as many bytes as the file holds, and one more: a read of MAX_FILE_SIZE + 1
            # would set aside that much memory (20 MB) for every file, however small
            data = stream.read(size + 1)
            if len(data) > size:  # it grew since its size was read: the rest, to the limit
                data += stream.read(MAX_FILE_SIZE + 1 - len(data))
    except PermissionError:
        raise _no_permission(path) from None
    if len(data) > MAX_FILE_SIZE:  # it grew while we looked
        raise DataError([Problem(message=message("files.grew"), file=path)])
    return data


def too_large(size: int, file: Path | None) -> DataError:
    """The error for data larger than :data:`MAX_FILE_SIZE`."""
    return DataError(
        [
            Problem(
                message=message(
                    "files.too_large",
                    size=_megabytes(size),
                    limit=MAX_FILE_SIZE // 1024 // 1024,
                ),
                file=file,
                hint=message("files.too_large_hint"),
            )
        ]
    )


def _megabytes(size: int) -> str:
    """``size`` in MB with one decimal, written as the current language writes it."""
    text = f"{size / 1024 / 1024:.1f}"
    return text if current_language() == "en" else text.replace(".", ",")


def decode_text(data: bytes, file: Path | None) -> str:
    """``data`` decoded as UTF-8 (a byte-order mark is allowed); an
    :class:`EncodingError` with the line and column of the first bad byte otherwise."""
    path = file
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise EncodingError(
            [
                Problem(
                    message=message("files.not_utf8", byte=f"{data[error.start]:02x}"),
                    file=path,
                    line=line,
                    column=column,
                    hint=message("files.save_as_utf8"),
                )
            ]
        ) from None


def too_deep(file: Path | None) -> DataError:
    """The error for data nested deeper than the parser or the model can follow."""
    return DataError(
        [
            Problem(
                message=message("files.too_deep"),
                file=file,
                hint=message("files.too_deep_hint"),
            )
        ]
    )


def _toml_detail(text: str) -> str:
    """:func:`.parser_messages.toml_detail`, imported when a file has a syntax error."""
    from .parser_messages import toml_detail

    return toml_detail(text)


def _syntax_error(error: Exception, file: Path | None) -> TomlSyntaxError:
    text = getattr(error, "msg", None) or str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    if line is None and (match := _POSITION.search(str(error))):
        line, column = int(match[1]), int(match[2])
    text = _POSITION.sub("", text).strip()
    return TomlSyntaxError(
        [
            Problem(
                message=message("files.toml_syntax", detail=_toml_detail(text)),
                file=file,
                line=line,
                column=column,
                hint=message("files.toml_syntax_hint"),
            )
        ]
    )


def parse_toml(text: str, *, file: Path | None = None) -> dict[str, Any]:
    """Parse TOML text into a dictionary; an empty document is an error, and so is one
    nested deeper than the parser can follow (a :class:`DataError`, never a
    ``RecursionError``)."""
    reader = toml_reader()
    try:
        data: dict[str, Any] = reader.loads(text)
    except RecursionError:
        raise too_deep(file) from None
    except ValueError as error:
        if isinstance(error, reader.TOMLDecodeError):
            raise _syntax_error(error, file) from None
        # Python refuses to read an integer of thousands of digits.
        raise TomlSyntaxError(
            [
                Problem(
                    message=message("files.too_many_digits"),
                    file=file,
                    hint=message("files.too_many_digits_hint"),
                )
            ]
        ) from None
    if not data:
        raise EmptyFileError(
            [
                Problem(
                    message=message("files.empty"),
                    file=file,
                    hint=message("files.empty_hint"),
                )
            ]
        )
    return data


def read_toml(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file, with errors that name the file."""
    return parse_toml(read_text(path), file=path)


def _file_mode(path: Path) -> int:
    """The mode a new file gets: the old file's mode, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and a failure leaves the old file intact.
    With ``overwrite=False`` an existing file is an error (:class:`OutputExistsError`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise OutputExistsError(message("files.output_exists", path=path))
    import tempfile  # here: reading needs none of it

    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except OSError as error:
        # A full disk or a lost mount names the file the user asked for, not the
        # temporary file beside it.
        Path(temporary).unlink(missing_ok=True)
        raise type(error)(error.errno, error.strerror, str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
