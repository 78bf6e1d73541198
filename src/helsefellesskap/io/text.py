"""Reading TOML text from files, and writing files atomically."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import EmptyFileError, EncodingError, OutputExistsError, Problem, TomlSyntaxError

__all__ = ["parse_toml", "read_text", "read_toml", "toml_reader", "write_atomic"]

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_reader() -> ModuleType:
    """The TOML parser in use: ``tomli`` where installed (faster), else ``tomllib``."""
    try:
        import tomli

        return tomli
    except ImportError:  # pragma: no cover - depends on the environment
        import tomllib

        return tomllib


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is allowed).

    Raises :class:`EncodingError` with the line and column of the first bad byte.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise EncodingError(
            [
                Problem(
                    message=f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
                    file=path,
                    line=line,
                    column=column,
                    hint="save the file as UTF-8 in your editor",
                )
            ]
        ) from None


def parse_toml(text: str, *, file: Path | None = None) -> dict[str, Any]:
    """Parse TOML text into a dictionary; an empty document is an error."""
    reader = toml_reader()
    try:
        data: dict[str, Any] = reader.loads(text)
    except reader.TOMLDecodeError as error:
        message = getattr(error, "msg", None) or str(error)
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        if line is None and (match := _POSITION.search(str(error))):
            line, column = int(match[1]), int(match[2])
        message = _POSITION.sub("", message).strip()
        raise TomlSyntaxError(
            [
                Problem(
                    message=f"TOML syntax error: {message}",
                    file=file,
                    line=line,
                    column=column,
                    hint="check quotes, brackets and that each key = value is on its own line",
                )
            ]
        ) from None
    if not data:
        raise EmptyFileError(
            [
                Problem(
                    message="the file holds no data",
                    file=file,
                    hint='start with kind = "…" and id = "…", or the partnership\'s id and name',
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
        raise OutputExistsError(f"{path} exists; pass overwrite=True to replace it")
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
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
