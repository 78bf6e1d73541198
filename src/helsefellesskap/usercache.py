"""The user's cache folder: what helsefellesskap keeps between runs to start faster.

Four things are kept, each only an optimisation (a cache that cannot be read or written
is ignored, and the answer is the same without it):

* the installed plugins found by scanning the distributions
  (:mod:`helsefellesskap.plugins.discovery`);
* the compiled Jinja2 templates of the HTML format (:func:`template_bytecode_cache`);
* the code compiled at start-up: attrs' methods of the model classes and the structuring
  functions of :mod:`helsefellesskap.io.fast` (:mod:`helsefellesskap.codecache`);
* the message catalogues, parsed (:mod:`helsefellesskap.tomlcache`).

The folder is ``$XDG_CACHE_HOME/helsefellesskap`` (``~/.cache/helsefellesskap``),
``~/Library/Caches/helsefellesskap`` on macOS, ``%LOCALAPPDATA%\\helsefellesskap\\Cache`` on
Windows, or :data:`CACHE_DIR_ENV`; :data:`NO_CACHE_ENV` turns every cache off.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "cache_dir",
    "private",
    "template_bytecode_cache",
    "write_private",
]

CACHE_DIR_ENV = "HELSEFELLESSKAP_CACHE_DIR"
"""Environment variable: the cache folder, instead of the user's cache folder."""

NO_CACHE_ENV = "HELSEFELLESSKAP_NO_CACHE"
"""Environment variable: when set to ``1``, nothing is read from or written to a cache."""

PROJECT = "helsefellesskap"


def cache_dir() -> Path | None:
    """The cache folder (it may not exist yet); ``None`` when :data:`NO_CACHE_ENV` is ``1``."""
    if os.environ.get(NO_CACHE_ENV) == "1":
        return None
    folder = os.environ.get(CACHE_DIR_ENV)
    if folder:
        return Path(folder)
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return root / PROJECT / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / PROJECT
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / PROJECT


def private(folder: Path) -> bool:
    """Whether ``folder`` is a folder only its owner, the current user, can change: what
    the caches hold is imported (entry points) or run (compiled templates), so a folder
    another user could write to is not used."""
    try:
        status = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(status.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - Windows: the user's own profile folder
        return True
    return status.st_uid == getuid() and not status.st_mode & 0o022


def write_private(path: Path, data: bytes) -> bool:
    """Write ``data`` to the cache file ``path`` whole (a reader sees the old file or the
    new one), making its folder if need be; only in a folder only the user can change
    (:func:`private`). Whether it was written: a folder others could change, a read-only
    home or a full disk write nothing, and the cache is simply not kept."""
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(path.parent):  # another user could change it: keep nothing there
            return False
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return False
    return True


def template_bytecode_cache(settings: Path) -> jinja2.BytecodeCache | None:
    """A Jinja2 bytecode cache for the templates of an environment whose options are set
    in the module file ``settings``; ``None`` without a usable cache folder.

    Jinja2 keys a compiled template by its name, file and source, not by the options of
    the environment that compiled it (autoescaping, ``trim_blocks``, ``finalize``); so the
    folder is named after the Jinja2 version and the size and time stamp of ``settings``,
    and a changed module never reads templates compiled under its old options.
    """
    import jinja2

    folder = cache_dir()
    if folder is None:
        return None
    try:
        status = settings.stat()
        key = f"{jinja2.__version__}\0{settings}\0{status.st_mtime_ns}\0{status.st_size}"
        folder = folder / "templates" / f"{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(folder) or not os.access(folder, os.W_OK | os.X_OK):
            return None
    except OSError:  # a read-only home: compile every time
        return None

    class QuietCache(jinja2.FileSystemBytecodeCache):
        """A cache that never fails a render: unreadable or unwritable means compiling."""

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a truncated or foreign file: compile it again
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):  # a full disk: the next run compiles again
                super().dump_bytecode(bucket)

    return QuietCache(str(folder))
