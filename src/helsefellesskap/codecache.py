"""Compiled code kept between runs: what the library generates and compiles at start-up.

Code is generated from source text each time a process starts, and
compiling it is most of their cost:

* the methods attrs writes for every model class (``__init__``, ``__eq__``, ``__repr__``
  …): about 0.3 ms of :func:`compile` a class, some 20 ms for the model;
* the structuring functions of :mod:`helsefellesskap.io.fast`, one per model class a
  load meets: another 20 ms for the first documents a process loads;
* the type check of a model class built in code (:mod:`helsefellesskap.model._typed`);
* the functions the outline and the views write out for a class or a set of columns
  (an outline block's ``__init__``, a table's row groups, a view's text collector:
  :func:`compile_generated`), some fifty for an HTML page of a plan.

A :class:`CodeCache` keeps the code objects compiled from each source text in a file
per package (:func:`group_of`) in the user's cache folder
(:func:`~helsefellesskap.usercache.cache_dir`), as Python keeps a module's bytecode in
``__pycache__``: the key is the whole source text, its file name and compiler flags,
and the file is per Python version, so a changed class or a
changed generator makes new source text, which is compiled afresh; nothing else is
remembered. What was compiled anew is written when the process exits. The cache is an
optimisation only: a file that cannot be read or written is ignored, as is a folder
another user could write to (the code in it is run), and ``HELSEFELLESSKAP_NO_CACHE=1``
turns it off.

A file is kept per Python version and environment (``sys.prefix``: each virtual
environment its own, so that two environments with other versions of a class do not
push each other's code out) and stays small, since every command reads the files of
the parts it imports: a process that used one version of a class (the sources under
one generated file name) writes the file without the others, older versions left by an
upgrade or an edit, even when it compiled nothing new; a process that writes a file
drops the code that none of the last :data:`IDLE_WRITES` processes writing it used; and
a file of an older layout of the cache (:func:`_legacy`) is removed when a new one is
written. In steady use a command compiles nothing and writes no file.

attrs has no hook for this, so :func:`cache_attrs_code` gives :mod:`attr._make` a
``compile`` of its own (a module global, which Python looks up before the built-in
function) that answers from the cache for this project's classes and its plugins' (the
generated file names ``<attrs generated … helsefellesskap…>``) and calls the built-in
:func:`compile`, with the same flags, for every other source. With another version of
attrs that compiles differently, the classes are built as before, uncached.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import os
import re
import sys
import threading
import types
import zlib
from pathlib import Path
from typing import Any

from .usercache import cache_dir, private, trim, write_private

__all__ = [
    "FILES",
    "CodeCache",
    "cache_attrs_code",
    "code_cache",
    "compile_annotation",
    "compile_for_class",
    "compile_generated",
    "group_of",
    "remove_legacy",
]

FORMAT = 2
"""The layout of a cache file; a file of another layout is not read (2: each source
with the number of writes since one used it, :data:`IDLE_WRITES`)."""

LIMIT = 512
"""The most sources one cache file keeps: past it, a process that compiled something
new keeps only what it used itself, so that old versions of a class do not pile up."""

FILES = 256
"""The most files the ``code`` folder keeps (a file a package, Python version and
environment: about twenty-five for one environment): a process that writes one removes
those not used for :data:`~helsefellesskap.usercache.IDLE_DAYS` days (another
environment's, another Python's), and the least recently used past this many
(:func:`~helsefellesskap.usercache.trim`)."""

IDLE_WRITES = 4
"""A source stays in its cache file while one of the last this many processes that
wrote the file used it (a process writes only when it compiled something new, so in
steady use nothing is dropped); code no longer used, such as an old version of a
class, goes after that many writes. Code dropped while still used is compiled once
more and kept again: the cache stays an optimisation."""

_PYTHON = f"{zlib.crc32(sys.version.encode()):08x}"
_ENVIRONMENT = f"{zlib.crc32(sys.prefix.encode('utf-8', 'surrogateescape')):08x}"

_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
del _feature

_Key = tuple[str, str, int]
"""A compiled source: its file name, its text and its compiler flags."""

_Entry = tuple[types.CodeType, int, int]
"""Compiled code, the value of its varying literal (0 where it has none), and the
number of writes of its file since a process used it (:data:`IDLE_WRITES`)."""


def _in_tuple(constant: tuple[Any, ...], old: int, new: int) -> tuple[Any, ...]:
    """A tuple constant with the integer ``old`` replaced by ``new`` in it and the tuples
    inside it; itself where it holds none. The compiler folds a tuple of constants into
    one: the ``hash((…,))`` of a class without fields is such a tuple."""
    items = [
        new
        if type(item) is int and item == old
        else _in_tuple(item, old, new)
        if type(item) is tuple
        else item
        for item in constant
    ]
    if all(a is b for a, b in zip(items, constant, strict=True)):
        return constant
    return tuple(items)


def _with_constant(code: types.CodeType, old: int, new: int) -> types.CodeType | None:
    """``code`` with the integer constant ``old`` replaced by ``new`` in it and the code
    inside it; ``None`` where it has no such constant (then the source is compiled)."""

    def walk(inner: types.CodeType) -> types.CodeType:
        """``inner`` with the constant replaced, itself where it has none (a new code
        object costs: only the function holding it and those around it are made anew)."""
        constants = list(inner.co_consts)
        changed = False
        for index, constant in enumerate(constants):
            if type(constant) is int and constant == old:
                constants[index] = new
                changed = True
            elif type(constant) is tuple:  # folded: a class without fields hashes (old,)
                replaced = _in_tuple(constant, old, new)
                if replaced is not constant:
                    constants[index] = replaced
                    changed = True
            elif isinstance(constant, types.CodeType):
                walked = walk(constant)
                if walked is not constant:
                    constants[index] = walked
                    changed = True
        return inner.replace(co_consts=tuple(constants)) if changed else inner

    result = walk(code)
    return result if result is not code else None


class CodeCache:
    """The code compiled from source texts, kept in the user's cache folder under
    ``name`` (see the module's description); :meth:`compile` is :func:`compile` in the
    cache's ``mode`` (``"exec"``, or ``"eval"`` for expressions) that answers from the
    cache."""

    def __init__(
        self, name: str, folder: Path | None, *, mode: str = "exec", versions: bool = True
    ) -> None:
        self.name = name
        self.mode = mode
        """What :meth:`compile` compiles: ``"exec"`` (modules) or ``"eval"`` (expressions)."""
        self.versions = versions
        """Whether a file name stands for one class or set of columns, so that its other
        sources are its older versions, dropped once a process used the current one
        (not so for expressions, which share one file name)."""
        self.path = (
            folder / "code" / f"{name}-{_PYTHON}-{_ENVIRONMENT}.marshal"
            if folder is not None
            else None
        )
        self.hits = 0
        """How many sources were answered from the cache (for tests)."""
        self._lock = threading.Lock()
        self._entries: dict[_Key, _Entry] | None = None
        self._used: set[_Key] = set()
        self._new = False
        self._saving = False
        self._versions: dict[str, int] = {}

    def compile(
        self, source: str, filename: str, flags: int = 0, *, varying: tuple[int, int] | None = None
    ) -> types.CodeType:
        """``compile(source, filename, mode, flags, dont_inherit=True)`` in the cache's
        :attr:`mode`, from the cache when the same source was compiled before.

        ``varying`` is the span of an integer literal in ``source`` that differs from one
        process to the next (attrs writes the hash of a class's name, which Python
        randomises per process, into its ``__hash__``): the cache keeps the code under
        the source without it, and gives this process's value to the code it answers.
        """
        value = 0
        if varying is not None:
            start, end = varying
            value = int(source[start:end])
            key = (filename, f"{source[:start]}\0{source[end:]}", flags)
        else:
            key = (filename, source, flags)
        with self._lock:
            entries = self._load()
            found = entries.get(key)
        if found is not None:
            cached = found[0] if found[1] == value else _with_constant(found[0], found[1], value)
            if cached is not None:
                with self._lock:
                    self.hits += 1
                    self._used.add(key)
                    if self.versions and self._versions.get(filename, 0) > 1:
                        self._schedule_save()  # to drop the other, older version
                return cached
        code: types.CodeType = builtins.compile(source, filename, self.mode, flags, True)
        if self.path is None:
            return code
        with self._lock:
            entries[key] = (code, value, 0)
            self._used.add(key)
            self._new = True
            self._schedule_save()
        return code

    def _schedule_save(self) -> None:
        """Have :meth:`save` run as the process exits (once); called under the lock."""
        if not self._saving:
            self._saving = True
            import atexit

            atexit.register(self.save)

    def _load(self) -> dict[_Key, _Entry]:
        if self._entries is None:
            self._entries = self._read()
            for filename, _source, _flags in self._entries:
                self._versions[filename] = self._versions.get(filename, 0) + 1
        return self._entries

    def _read(self) -> dict[_Key, _Entry]:
        """The entries of the cache file; none when it is missing, unreadable or not
        ours."""
        if self.path is None or not private(self.path.parent):
            return {}
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        if not (isinstance(data, tuple) and len(data) == 3 and data[:2] == (FORMAT, sys.version)):
            return {}
        entries: dict[_Key, _Entry] = {}
        for item in data[2] if isinstance(data[2], list) else ():
            if (
                isinstance(item, tuple)
                and len(item) == 6
                and isinstance(item[0], str)
                and isinstance(item[1], str)
                and isinstance(item[2], int)
                and isinstance(item[3], types.CodeType)
                and isinstance(item[4], int)
                and isinstance(item[5], int)
            ):
                entries[item[0], item[1], item[2]] = (item[3], item[4], item[5])
        return entries

    def save(self) -> None:
        """Write what was compiled anew, with what the file holds (from other processes),
        as one new file (a reader sees the old or the new one); nothing when it cannot.

        The sources this process used are kept as used now; each other one counts one
        more write without use and is dropped past :data:`IDLE_WRITES`."""
        if self.path is None:
            return
        with self._lock:
            if self._entries is None:
                return
            mine = {key: self._entries[key] for key in self._used if key in self._entries}
            old = _superseded(self._entries, mine) if self.versions else set()
            changed = self._new or len(old) > 0
            self._new = self._saving = False
        if not changed:
            return
        merged = _merged(self._read(), mine, versions=self.versions)
        items: list[Any] = [(*key, *entry) for key, entry in merged.items()]
        try:
            data = marshal.dumps((FORMAT, sys.version, items))
        except ValueError:  # a constant marshal does not write: compile next time
            return
        if write_private(self.path, data):  # or nothing (a read-only home): compile next time
            remove_legacy(self.path.parent)
            trim(self.path.parent, FILES)  # other environments' and Pythons' files


def _superseded(entries: dict[_Key, _Entry], used: dict[_Key, _Entry]) -> set[_Key]:
    """The ``entries`` another version of whose class (the same generated file name,
    other source text) a process ``used``: an older version, left by an upgrade or an
    edit, which no process of this environment compiles any more."""
    names = {filename for filename, _source, _flags in used}
    return {key for key in entries if key[0] in names and key not in used}


def _merged(
    on_disk: dict[_Key, _Entry], used: dict[_Key, _Entry], *, versions: bool = True
) -> dict[_Key, _Entry]:
    """What a cache file keeps: the sources a process ``used`` (as used now) and those of
    the file ``on_disk`` (as other processes left it) one write older, less those that
    have gone :data:`IDLE_WRITES` writes without use with this one, and less those
    ``used`` superseded (with ``versions``: :func:`_superseded`); only the used ones past
    :data:`LIMIT`."""
    superseded = _superseded(on_disk, used) if versions else set()
    merged = {
        key: (code, value, idle + 1)
        for key, (code, value, idle) in on_disk.items()
        if key not in used and idle + 1 < IDLE_WRITES and key not in superseded
    }
    merged.update((key, (code, value, 0)) for key, (code, value, _idle) in used.items())
    if len(merged) > LIMIT:
        merged = {key: entry for key, entry in merged.items() if key in used}
    return merged


def _legacy(name: str) -> bool:
    """Whether ``name`` is a file of an older layout of the code cache, which no process
    of this version reads: ``<name>-<python>.marshal`` (``attrs-helsefellesskap.model-…``,
    shared by every environment), where this version writes
    ``<name>-<python>-<environment>.marshal``, each an eight-digit hexadecimal number.
    Files being written (``.name-…``) are left alone."""
    if name.startswith(".") or not name.endswith(".marshal"):
        return False
    parts = name[: -len(".marshal")].split("-")
    return len(parts) >= 2 and _hex8(parts[-1]) and not _hex8(parts[-2])


def _hex8(text: str) -> bool:
    """Whether ``text`` is a number as the file names write it (``a75f01ea``)."""
    return len(text) == 8 and all(c in "0123456789abcdef" for c in text)


_SWEPT: set[Path] = set()


def remove_legacy(folder: Path) -> list[str]:
    """Remove the files of older layouts of the code cache (:func:`_legacy`) from
    ``folder``, once a process (when it writes a file there); the names removed.
    What cannot be removed stays (the cache never fails a command)."""
    if folder in _SWEPT:
        return []
    _SWEPT.add(folder)
    removed = []
    try:
        with os.scandir(folder) as listing:
            names = [item.name for item in listing if _legacy(item.name)]
    except OSError:
        return []
    for name in names:
        try:
            os.unlink(folder / name)
        except OSError:
            continue
        removed.append(name)
    return removed


_CACHES: dict[str, CodeCache] = {}
_CACHES_LOCK = threading.Lock()


def code_cache(name: str) -> CodeCache:
    """The process's cache of compiled code called ``name`` (``"attrs-helsefellesskap.model"``,
    ``"fast-helsefellesskap.model"``: one a package, see :func:`group_of`),
    in the cache folder as it is when first asked for (no folder with
    ``HELSEFELLESSKAP_NO_CACHE=1``: every source is compiled)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(name)
        if cache is None:
            cache = _CACHES[name] = CodeCache(name, cache_dir())
        return cache


_ATTRS_PREFIX = "<attrs generated "

_TYPE_HASH = re.compile(r"^def __hash__\(self.*?hash\(\(\n\s+(-?\d+),$", re.MULTILINE | re.DOTALL)
"""The first value attrs hashes in a ``__hash__`` (``return hash((n, …))``, or a cached
hash's ``_cache_wrapper(hash((n, …)))``): the hash of the class's generated file name,
which differs from one process to the next (``PYTHONHASHSEED``)."""
_OURS = ("helsefellesskap.", "helsefellesskap_")


def _ours(filename: str) -> bool:
    """Whether an attrs generated file name (``<attrs generated methods
    helsefellesskap.model.plan.Measure>``) is of a class of this project or a plugin."""
    return group_of(filename) is not None


def compile_generated(source: str, filename: str) -> types.CodeType:
    """``compile(source, filename, "exec")`` as the calling module would call it (its
    ``from __future__`` flags included), for code the library writes out at run time
    for a class or a set of columns (an outline block's ``__init__``, a view's text
    collector, a table's row groups): from the cache file ``generated-<package>`` of the
    calling module's package (``generated-helsefellesskap.outline``) when the same
    source was compiled before, as :func:`code_cache` keeps attrs' methods."""
    caller = sys._getframe(1)
    flags = caller.f_code.co_flags & _FUTURE_FLAGS
    package = ".".join(str(caller.f_globals.get("__name__", "")).split(".")[:2])
    return code_cache(f"generated-{package}").compile(source, filename, flags)


def compile_annotation(text: str) -> types.CodeType:
    """``compile(text, "<annotation>", "eval")`` as the calling module would call it (its
    ``from __future__`` flags included), for the text of a class's annotation
    (``"tuple[str, ...] | None"``, evaluated in the class's module for its field types,
    :func:`helsefellesskap.model._typed.type_hints`): from the cache file
    ``annotations`` when the same text was compiled before (some sixty texts for the
    model, a tenth of the time of compiling them)."""
    flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
    with _CACHES_LOCK:
        cache = _CACHES.get(_ANNOTATIONS)
        if cache is None:
            cache = _CACHES[_ANNOTATIONS] = CodeCache(
                _ANNOTATIONS, cache_dir(), mode="eval", versions=False
            )
    return cache.compile(text, "<annotation>", flags)


_ANNOTATIONS = "annotations"
"""The cache of :func:`compile_annotation` (expressions, not modules: its own file)."""


def compile_for_class(kind: str, source: str, filename: str) -> types.CodeType:
    """``compile(source, filename, "exec")`` of code generated for the class the file
    name ends with (``<helsefellesskap.io.fast helsefellesskap.model.plan.Measure>``):
    from the cache file ``<kind>-<package>`` (``fast-helsefellesskap.model``) for a class
    of this project or its plugins (:func:`group_of`), compiled every time for another
    program's class, whose code is not kept."""
    group = group_of(filename)
    if group is None:
        return builtins.compile(source, filename, "exec", dont_inherit=True)
    return code_cache(f"{kind}-{group}").compile(source, filename)


def group_of(filename: str) -> str | None:
    """The package whose cache file keeps the code of an attrs generated file name or an
    :mod:`helsefellesskap.io.fast` one (``<… helsefellesskap.model.plan.Measure>``):
    its first two names (``helsefellesskap.model``), so that a command reads the code
    of the parts it imports only; ``None`` for a class of another project."""
    if not filename.startswith("<") or not filename.endswith(">"):
        return None
    qualified = filename[1:-1].rpartition(" ")[2]
    if not qualified.startswith(_OURS):
        return None
    return ".".join(qualified.split(".")[:2])


def cache_attrs_code() -> None:
    """Have attrs take the compiled methods of this project's classes from the cache
    ``"attrs"`` (see the module's description); once per process, and not at all
    with ``HELSEFELLESSKAP_NO_CACHE=1``."""
    try:
        import attr._make as make
    except ImportError:  # pragma: no cover - attrs always has it
        return
    if "compile" in vars(make) or cache_dir() is None:
        return  # done already (or attrs has a compile of its own: leave it alone)

    def compile(  # stands in for the built-in in attrs' module
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
    ) -> Any:
        if not dont_inherit:  # what the built-in takes from its caller's module
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        if (
            mode == "exec"
            and optimize == -1
            and isinstance(source, str)
            and isinstance(filename, str)
            and filename.startswith(_ATTRS_PREFIX)
            and (group := group_of(filename)) is not None
        ):
            found = _TYPE_HASH.search(source)
            varying = found.span(1) if found is not None else None
            return code_cache(f"attrs-{group}").compile(source, filename, flags, varying=varying)
        return builtins.compile(source, filename, mode, flags, True, optimize)

    make.compile = compile  # type: ignore[attr-defined]
