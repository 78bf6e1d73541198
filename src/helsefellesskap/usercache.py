"""The user's cache folder: what helsefellesskap keeps between runs to start faster.

Four things are kept, each only an optimisation (a cache that cannot be read or written
is ignored, and the answer is the same without it):

* the installed plugins found by scanning the distributions
  (:mod:`helsefellesskap.plugins.discovery`);
* the compiled Jinja2 templates of the HTML format (:func:`template_bytecode_cache`);
* the code compiled at start-up: attrs' methods of the model classes and the structuring
  functions of :mod:`helsefellesskap.io.fast` (:mod:`helsefellesskap.codecache`);
* the message and label catalogues, parsed (:mod:`helsefellesskap.tomlcache`).

None of them grows without bound: each folder is trimmed by :func:`trim` when a
process writes a file there (an entry not used for :data:`IDLE_DAYS` days goes, and the
least recently used past a number of entries): the parsed catalogues (``toml/``), the
compiled templates (``templates/``), the compiled code (``code/``, whose files also keep
only what recent processes used, :mod:`helsefellesskap.codecache`) and the plugins'
cache files (``entry-points-<env>.marshal``, one per Python environment).

The folder is ``$XDG_CACHE_HOME/helsefellesskap`` (``~/.cache/helsefellesskap``),
``~/Library/Caches/helsefellesskap`` on macOS, ``%LOCALAPPDATA%\\helsefellesskap\\Cache`` on
Windows, or :data:`CACHE_DIR_ENV`; :data:`NO_CACHE_ENV` turns every cache off.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "CACHE_DIR_ENV",
    "IDLE_DAYS",
    "NO_CACHE_ENV",
    "TEMPLATE_FILES",
    "TEMPLATE_FOLDERS",
    "cache_dir",
    "last_used",
    "private",
    "template_bytecode_cache",
    "trim",
    "write_private",
]

CACHE_DIR_ENV = "HELSEFELLESSKAP_CACHE_DIR"
"""Environment variable: the cache folder, instead of the user's cache folder."""

NO_CACHE_ENV = "HELSEFELLESSKAP_NO_CACHE"
"""Environment variable: when set to ``1``, nothing is read from or written to a cache."""

PROJECT = "helsefellesskap"

IDLE_DAYS = 30
"""A cache entry not used for this many days is removed when the folder is next
trimmed (:func:`trim`)."""

TEMPLATE_FILES = 256
"""The most compiled templates one folder of ``templates/`` keeps (the built-in pages use
about twenty; a partnership's own templates and other programs' add theirs)."""

TEMPLATE_FOLDERS = 8
"""The most folders ``templates/`` keeps, one for each version of the HTML format's
options (an upgrade or an edit of the module makes a new one)."""


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


def last_used(entry: os.DirEntry[str]) -> float:
    """When the cache entry ``entry`` (a file, or a folder of files) was last used: the
    latest of a file's access and modification times; of a folder, its modification
    time and its files' times (not its access time, which listing it, as this does,
    changes). Reading a file marks its access time (on a ``relatime`` mount, Linux's
    default, at most once a day); where access times are not kept (``noatime``) an
    entry counts as used when it was written. An entry that is gone counts as never
    used."""
    try:
        status = entry.stat(follow_symlinks=False)
    except OSError:
        return 0.0
    if not stat.S_ISDIR(status.st_mode):
        return max(status.st_atime, status.st_mtime)
    latest = status.st_mtime
    try:
        with os.scandir(entry.path) as listing:
            for item in listing:
                latest = max(latest, last_used(item))
    except OSError:  # removed meanwhile: its own time stands
        pass
    return latest


_TRIMMED: set[tuple[Path, str]] = set()
"""The folders (and prefixes) this process trimmed already (:func:`trim` works once a
folder)."""


def trim(
    folder: Path,
    keep: int,
    *,
    idle_days: float = IDLE_DAYS,
    now: float | None = None,
    prefix: str = "",
) -> list[str]:
    """Bound the cache folder ``folder``: remove its entries (files, or folders with what
    they hold) not used (:func:`last_used`) for ``idle_days`` days, then the least
    recently used ones past the ``keep`` most recent; the names removed (the most recently
    used first). With ``prefix``, only the entries whose names start with it are judged
    (``entry-points-`` in the cache folder itself, beside the other caches' folders).

    Called by a process that has just written an entry there (so the entry it wrote,
    the most recent, stays), once a process and folder: a command that only reads the
    cache never lists its folder. Safe while another process uses the folder: an entry
    another process removed first is passed over, and a process whose entry is removed
    under it finds none and makes it again (the cache is an optimisation only). What
    cannot be removed stays; nothing is raised."""
    if (folder, prefix) in _TRIMMED:
        return []
    _TRIMMED.add((folder, prefix))
    try:
        with os.scandir(folder) as listing:
            entries = [
                (last_used(item), item.name, item)
                for item in listing
                if item.name.startswith(prefix)
            ]
    except OSError:
        return []
    entries.sort(key=lambda used: used[0], reverse=True)
    oldest = (time.time() if now is None else now) - idle_days * 86400
    removed = []
    for index, (used, name, item) in enumerate(entries):
        if index < keep and used >= oldest:
            continue
        if _remove(item):
            removed.append(name)
    return removed


def _remove(entry: os.DirEntry[str]) -> bool:
    """Remove a cache entry, a folder with what it holds; whether it is gone now by this
    process's hand (an entry another process removed first is not counted)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            import shutil

            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    except OSError:  # removed by another process meanwhile, or not ours to remove
        return False
    return True


def template_bytecode_cache(settings: Path) -> jinja2.BytecodeCache | None:
    """A Jinja2 bytecode cache for the templates of an environment whose options are set
    in the module file ``settings``; ``None`` without a usable cache folder.

    Jinja2 keys a compiled template by its name, file and source, not by the options of
    the environment that compiled it (autoescaping, ``trim_blocks``, ``finalize``); so the
    folder is named after the Jinja2 version and the size and time stamp of ``settings``,
    and a changed module never reads templates compiled under its old options.

    A process that compiles a template and keeps it trims (:func:`trim`) that folder to
    :data:`TEMPLATE_FILES` files and ``templates/`` to :data:`TEMPLATE_FOLDERS` folders,
    none unused for :data:`IDLE_DAYS` days.
    """
    import jinja2

    folder = cache_dir()
    if folder is None:
        return None
    try:
        status = settings.stat()
        key = f"{jinja2.__version__}\0{settings}\0{status.st_mtime_ns}\0{status.st_size}"
        kept = folder / "templates" / f"{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}"
        kept.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(kept) or not os.access(kept, os.W_OK | os.X_OK):
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
            trim(kept, TEMPLATE_FILES)  # the one written now is the most recent
            trim(kept.parent, TEMPLATE_FOLDERS)  # and so is its folder

    return QuietCache(str(kept))
