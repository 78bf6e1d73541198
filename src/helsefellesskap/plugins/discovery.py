"""Finding installed plugins: the entry points of group ``helsefellesskap``, nothing more.

Only the entry points of the group are read (:func:`importlib.metadata.entry_points`
with ``group=``); the metadata of a distribution is read only when it declares a plugin,
to name it and its version.

Scanning every installed distribution costs tens of milliseconds (importing
:mod:`importlib.metadata` alone is most of a bare interpreter's start), more than the
rest of a small command; so what the scan found is kept in a cache file per user and
environment (:func:`cache_file`), under a fingerprint of what it depends on
(:func:`fingerprint`): the interpreter, the module search path, and the
``entry_points.txt`` (and an ``.egg-info``'s ``PKG-INFO``) of every distribution in its
folders. Installing, removing or reinstalling a distribution adds, removes or rewrites
one of those, so the next run scans again. The cache is an optimisation only: a cache
that cannot be read or written is ignored, as is a folder another user could write to
(what the cache names is imported), and :data:`NO_CACHE_ENV` turns it off.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from typing import TYPE_CHECKING, Any

import attrs

from ..hookspecs import PROJECT_NAME
from ..usercache import CACHE_DIR_ENV, NO_CACHE_ENV, cache_dir, private, trim, write_private

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "CACHE_DIR_ENV",
    "CACHE_FILES",
    "ENTRY_POINT_GROUP",
    "NO_CACHE_ENV",
    "InstalledPlugin",
    "cache_file",
    "find_installed",
    "fingerprint",
    "load_entry_point",
    "normalize",
    "remove_legacy",
]

ENTRY_POINT_GROUP = PROJECT_NAME
"""The entry point group under which plugin distributions declare their plugin module."""

CACHE_VERSION = 2
"""The layout of the cache file; a file of another version is not read (2: written with
:mod:`marshal`, so that a command need not import :mod:`json`; 1 was JSON)."""

CACHE_ENTRIES = 32
"""How many search paths one cache file remembers (the most recently written first): test
runs and scripts started from other folders each have their own, and a command should not
scan again because they pushed its entry out (32 entries are about 0.2 MB, read in
half a millisecond)."""

_ENTRY_POINT_VALUE = r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$"
"""An entry point's value, as :class:`importlib.metadata.EntryPoint` reads it (a pattern
compiled, by :mod:`re`'s cache, only for a value that is not plain, see
:func:`load_entry_point`)."""


def normalize(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@attrs.frozen(kw_only=True)
class InstalledPlugin:
    """A plugin declared by an installed distribution: its entry point and distribution.

    ``value`` is the entry point's value (``package.module`` or ``package.module:attr``);
    ``distribution_name`` and ``version`` describe the distribution that declares it
    (``None`` where unknown).
    """

    name: str
    value: str
    distribution_name: str | None = None
    version: str | None = None

    def load(self) -> object:
        """Import the entry point's module and return it, or the attribute it names."""
        return load_entry_point(self.value)


def load_entry_point(value: str) -> object:
    """What the entry point value ``value`` names, imported, as
    :meth:`importlib.metadata.EntryPoint.load` does it.

    :raises ValueError: ``value`` is not ``package.module[:attribute]``.
    """
    import importlib

    module, colon, attribute = value.partition(":")
    if not (_plain(module) and (not colon or _plain(attribute))):
        # spaces, extras or odd characters: the pattern reads it (a plain value, which
        # every entry point of the bundled plugins is, reads the same without it)
        match = re.match(_ENTRY_POINT_VALUE, value)
        if match is None:
            raise ValueError(f"entry point value {value!r} is not 'package.module[:attribute]'")
        module, attribute = match.group("module"), match.group("attr") or ""
    found: object = importlib.import_module(module)
    for part in filter(None, attribute.split(".")):
        found = getattr(found, part)
    return found


def _plain(name: str) -> bool:
    """Whether ``name`` is letters, digits, ``_`` and ``.`` only, with a letter or digit
    (what ``[\\w.]+`` of :data:`_ENTRY_POINT_VALUE` matches, but for names of dots and
    underscores alone, which are left to the pattern)."""
    return name.replace(".", "").replace("_", "").isalnum()


def find_installed() -> dict[str, list[InstalledPlugin]]:
    """The installed plugins by entry point name; more than one means a clash.

    A distribution found twice on the path counts once (the first one wins, as for
    imports): :func:`importlib.metadata.entry_points` already keeps only the first. The
    answer comes from the cache when nothing it depends on changed (see the module's
    description).
    """
    path = cache_file()
    if path is None:
        return _scan()
    key = fingerprint()
    entries = _read_cache(path) if private(path.parent) else []
    for entry in entries:
        if entry.get("key") == key:
            found = _from_json(entry.get("plugins"))
            if found is not None:
                return found
    found = _scan()
    entry = {"key": key, "plugins": _to_json(found)}
    kept = [e for e in entries if e.get("key") != key][: CACHE_ENTRIES - 1]
    _write_cache(path, [entry, *kept])
    return found


def _scan() -> dict[str, list[InstalledPlugin]]:
    """The installed plugins, from the metadata of every distribution on the path."""
    import importlib.metadata  # here: a cached answer does not need it (tens of ms)

    found: dict[str, list[InstalledPlugin]] = {}
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        distribution = entry_point.dist
        name = distribution.metadata["Name"] if distribution is not None else None
        found.setdefault(entry_point.name, []).append(
            InstalledPlugin(
                name=entry_point.name,
                value=entry_point.value,
                distribution_name=str(name) if name else None,
                version=distribution.version if distribution is not None else None,
            )
        )
    return found


def fingerprint() -> str:
    """What the installed plugins depend on, as one string: the interpreter, the finders
    of :data:`sys.meta_path` (which may find distributions elsewhere), the module search
    path, and in each of its folders the name of every distribution with the size and
    time stamp of its ``entry_points.txt`` (and of an ``.egg-info``'s ``PKG-INFO``, which
    holds its version); a zip file on the path counts by its own size and time stamp."""
    parts: list[object] = [
        CACHE_VERSION,
        sys.executable,
        sys.version,
        [_finder_name(finder) for finder in sys.meta_path],
    ]
    for entry in sys.path:
        folder = entry or "."
        if os.path.isdir(folder):
            parts.append([entry, _distributions(folder)])
        else:  # a zip file (its stamp covers what is in it), or nothing
            parts.append([entry, _stamp(folder)])
    return repr(parts)


def _finder_name(finder: object) -> str:
    """The class (or the name) of a finder of :data:`sys.meta_path`."""
    cls = finder if isinstance(finder, type) else type(finder)
    return f"{cls.__module__}.{cls.__qualname__}"


def _stamp(path: str) -> list[int] | None:
    """The time stamp and size of ``path``, or ``None`` where there is nothing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_size]


def _distributions(folder: str) -> list[object]:
    """The stamps of the metadata files of every distribution in ``folder``."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(
                item.name
                for item in listing
                if item.name.endswith((".dist-info", ".egg-info", ".egg"))
            )
    except OSError:  # not a folder (a zip file: its own stamp covers it) or gone
        return []
    stamps: list[object] = []
    for name in names:
        base = os.path.join(folder, name)
        if name.endswith(".egg"):
            base = os.path.join(base, "EGG-INFO")
        files = (
            ["entry_points.txt"]
            if name.endswith(".dist-info")
            else [
                "entry_points.txt",
                "PKG-INFO",
            ]
        )
        stamps.append([name, *(_stamp(os.path.join(base, file)) for file in files)])
    return stamps


def cache_file() -> Path | None:
    """The file the installed plugins are cached in, one per Python environment, in the
    user's cache folder (:func:`~helsefellesskap.usercache.cache_dir`); ``None`` when
    :data:`NO_CACHE_ENV` turns the cache off."""
    import zlib

    root = cache_dir()
    if root is None:
        return None
    environment = f"{sys.prefix}\0{sys.executable}".encode("utf-8", "surrogateescape")
    return root / f"entry-points-{zlib.crc32(environment):08x}.marshal"


def _read_cache(path: Path) -> list[dict[str, Any]]:
    """The entries of the cache file; none when it is missing, unreadable or not ours."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return []
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return []
    entries = data.get("entries")
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("key"), str)]


CACHE_FILES = 32
"""The most ``entry-points-<env>.marshal`` files (one per Python environment) the cache
folder keeps: a process that writes one removes those not used for
:data:`~helsefellesskap.usercache.IDLE_DAYS` days, and the least recently used past this
many (:func:`~helsefellesskap.usercache.trim`)."""


def _write_cache(path: Path, entries: list[dict[str, Any]]) -> None:
    """Write the cache file whole (a reader sees the old or the new one), or nothing;
    then remove the JSON cache files of earlier versions (:func:`remove_legacy`) and the
    cache files of environments not used for a while."""
    data = marshal.dumps({"version": CACHE_VERSION, "entries": entries})
    if write_private(path, data):  # or nothing (a read-only home): scan again next time
        remove_legacy(path.parent)
        trim(path.parent, CACHE_FILES, prefix="entry-points-")


def remove_legacy(folder: Path) -> list[str]:
    """Remove from the cache folder ``folder`` the files ``entry-points-<env>.json`` that
    versions before :data:`CACHE_VERSION` 2 wrote (no version reads them now); the names
    removed. A file that cannot be removed stays."""
    removed = []
    try:
        with os.scandir(folder) as listing:
            names = [
                item.name
                for item in listing
                if item.name.startswith("entry-points-") and item.name.endswith(".json")
            ]
    except OSError:
        return []
    for name in names:
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            continue
        removed.append(name)
    return removed


def _to_json(found: dict[str, list[InstalledPlugin]]) -> list[dict[str, str | None]]:
    return [
        {
            "name": plugin.name,
            "value": plugin.value,
            "distribution": plugin.distribution_name,
            "version": plugin.version,
        }
        for plugins in found.values()
        for plugin in plugins
    ]


def _from_json(data: object) -> dict[str, list[InstalledPlugin]] | None:
    """The plugins of a cache entry; ``None`` when it is not what :func:`_to_json` wrote."""
    if not isinstance(data, list):
        return None
    found: dict[str, list[InstalledPlugin]] = {}
    for item in data:
        if not isinstance(item, dict):
            return None
        name, value = item.get("name"), item.get("value")
        distribution, version = item.get("distribution"), item.get("version")
        if not (isinstance(name, str) and isinstance(value, str)):
            return None
        if not all(x is None or isinstance(x, str) for x in (distribution, version)):
            return None
        found.setdefault(name, []).append(
            InstalledPlugin(name=name, value=value, distribution_name=distribution, version=version)
        )
    return found
