"""The library's own TOML catalogues, parsed once and kept between runs.

Every command words its messages from the catalogues of :mod:`helsefellesskap.messages`
(``cli.toml``, ``help.toml`` …, 10-25 kB each), and parsing them is a fixed cost of
every run (about 0.3-0.5 ms a file with the compiled parser) for text that changes
only when the package does. :func:`load_catalogue` keeps what a file parsed to in the
user's cache folder (:func:`~helsefellesskap.usercache.cache_dir`), one
:mod:`marshal` file per catalogue file, beside the file's own bytes: the kept tables
are used only when the file's bytes are the very bytes they were parsed from (the
file is read anyway; comparing is cheaper than parsing), so an edited, replaced or
reinstalled catalogue is parsed again, whatever its time stamp says. A table that
:mod:`marshal` cannot write (a TOML date) is simply not kept.

This is for the library's and its plugins' package data only, never for a user's
documents (each run reads and parses those). The cache is an optimisation only: a
file that cannot be read or written is ignored, as is a folder another user could
write to, and ``HELSEFELLESSKAP_NO_CACHE=1`` turns it off.

Each installed copy of a catalogue has its own file (its path is in the name), so
copies that come and go (other environments, plugins installed for a while) would
pile up: a process that writes a file trims the folder
(:func:`~helsefellesskap.usercache.trim`): files not used for
:data:`~helsefellesskap.usercache.IDLE_DAYS` days go, and the least recently used past
:data:`ENTRIES`. A process that only reads never lists the folder.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from pathlib import Path
from typing import Any

from .usercache import cache_dir, private, trim, write_private

try:  # the compiled parser where installed
    import tomli as _toml
except ImportError:  # pragma: no cover - depends on the environment
    import tomllib as _toml  # type: ignore[no-redef]

__all__ = ["ENTRIES", "FORMAT", "cache_file", "load_catalogue"]

FORMAT = 1
"""The layout of a cache file; a file of another layout is not read."""

ENTRIES = 256
"""The most files the ``toml`` folder keeps: the core's and the bundled plugins'
catalogues are about seventy, so several environments' fit."""


def cache_file(path: Path) -> Path | None:
    """Where what ``path`` parses to is kept: a file of the cache folder's ``toml``
    folder named after the catalogue's name and full path and the Python version
    (:mod:`marshal`'s format may change with it); ``None`` without a cache folder."""
    root = cache_dir()
    if root is None:
        return None
    where = str(path.absolute()).encode("utf-8", "surrogateescape")
    return root / "toml" / f"{path.stem}-{zlib.crc32(where):08x}-{_VERSION:08x}.marshal"


_VERSION = zlib.crc32(sys.version.encode())

_PRIVATE: dict[Path, bool] = {}
"""Whether each cache folder is private (:func:`~helsefellesskap.usercache.private`),
asked once a process: a command reads several catalogues from the same folder."""


def _private(folder: Path) -> bool:
    found = _PRIVATE.get(folder)
    if found is None:
        found = _PRIVATE[folder] = private(folder)
    return found


def load_catalogue(path: Path) -> dict[str, Any]:
    """``tomli.loads(path.read_text("utf-8"))`` (its newlines read as ``read_text``
    reads them): the same tables, taken from the cache
    when ``path`` holds the same bytes as when they were kept (see the module's
    description). Errors are the parser's and the file's own, as without the cache."""
    raw = path.read_bytes()
    kept = cache_file(path)
    if kept is not None and _private(kept.parent):
        found = _read(kept, path, raw)
        if found is not None:
            return found
    text = raw.decode("utf-8")
    if "\r" in text:  # as read_text reads it: universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    data = _toml.loads(text)
    if kept is not None:
        _write(kept, path, raw, data)
    return data


def _read(kept: Path, path: Path, raw: bytes) -> dict[str, Any] | None:
    """The tables kept for ``path`` when they were parsed from ``raw``, else ``None``."""
    try:
        entry = marshal.loads(kept.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        isinstance(entry, tuple)
        and len(entry) == 4
        and entry[0] == FORMAT
        and entry[1] == str(path.absolute())
        and entry[2] == raw
        and isinstance(entry[3], dict)
    ):
        return entry[3]
    return None


def _write(kept: Path, path: Path, raw: bytes, data: dict[str, Any]) -> None:
    """Keep ``data`` as what ``raw`` of ``path`` parses to, whole (a reader sees the old
    file or the new one), in a folder only the user can change; nothing when it cannot."""
    try:
        payload = marshal.dumps((FORMAT, str(path.absolute()), raw, data))
    except ValueError:  # a value marshal does not write (a date): parsed every time
        return
    _PRIVATE.pop(kept.parent, None)  # the folder may be made just now
    if write_private(kept, payload):  # or nothing (a read-only home): parsed again next time
        trim(kept.parent, ENTRIES)  # the file written now is the most recent: it stays
