"""The texts a loaded bundle was read from, kept with it while it lives.

A validation run places each finding at the line and column of its path in its file
(:func:`~helsefellesskap.validate.results.placed_findings`); the loaders keep what each
TOML file held, as read, with the bundle they made, so the files with findings are not
read again from disk, and the positions are those of the text the bundle holds. A
folder's files are kept as their bytes (a text with a character past U+00FF, such as a
dash, takes two or four bytes a character in memory) and decoded when a file is placed.
They go when the bundle does; nothing is kept between loads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from pathlib import Path

from ..model import Bundle
from .text import decode_text

__all__ = ["keep_texts", "source_text", "source_texts"]

_lock = threading.RLock()
"""Re-entrant: a bundle the garbage collector frees while this thread holds the lock
calls ``forget`` (its finalizer) in the same thread."""
_texts: dict[int, Mapping[Path, str | bytes]] = {}


def keep_texts(bundle: Bundle, texts: Mapping[Path, str | bytes]) -> None:
    """Keep ``texts`` (file → the text it was read from, or its UTF-8 bytes) with
    ``bundle`` while it lives."""
    key = id(bundle)
    with _lock:
        _texts[key] = texts

    def forget() -> None:
        with _lock:
            _texts.pop(key, None)

    weakref.finalize(bundle, forget)


def source_text(bundle: Bundle, file: Path) -> str | None:
    """The text ``file`` of ``bundle`` was read from, if the bundle keeps it (each TOML
    file of a bundle loaded by :func:`~helsefellesskap.load_bundle`,
    :func:`~helsefellesskap.io.load_bundle_from_files` or
    :func:`~helsefellesskap.io.load_bundle_from_zip`; none of a bundle made otherwise)."""
    with _lock:
        kept = _texts.get(id(bundle), {}).get(file)
    if isinstance(kept, bytes):
        return decode_text(kept, file)  # it was decoded once when loaded: it decodes
    return kept


def source_texts(bundle: Bundle) -> Mapping[Path, str]:
    """Every text ``bundle`` keeps (:func:`source_text`), by file (as in its ``files``)."""
    with _lock:
        files = list(_texts.get(id(bundle), {}))
    texts = {file: source_text(bundle, file) for file in files}
    return {file: text for file, text in texts.items() if text is not None}
