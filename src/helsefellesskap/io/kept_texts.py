"""The texts a loaded bundle was read from, kept with it while it lives.

A validation run places each finding at the line and column of its path in its file
(:func:`~helsefellesskap.validate.results.placed_findings`); the loaders keep each TOML
file's text, as read, with the bundle they made, so the files with findings are not read
again from disk, and the positions are those of the text the bundle holds. The texts go
when the bundle does; nothing is kept between loads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from pathlib import Path

from ..model import Bundle

__all__ = ["keep_texts", "source_texts"]

_lock = threading.Lock()
_texts: dict[int, Mapping[Path, str]] = {}


def keep_texts(bundle: Bundle, texts: Mapping[Path, str]) -> None:
    """Keep ``texts`` (file → the text it was read from) with ``bundle`` while it lives."""
    key = id(bundle)
    with _lock:
        _texts[key] = texts

    def forget() -> None:
        with _lock:
            _texts.pop(key, None)

    weakref.finalize(bundle, forget)


def source_texts(bundle: Bundle) -> Mapping[Path, str]:
    """The texts ``bundle`` was read from, by file (as in its ``files``): each TOML file
    of a bundle loaded by :func:`~helsefellesskap.load_bundle`,
    :func:`~helsefellesskap.io.load_bundle_from_files` or
    :func:`~helsefellesskap.io.load_bundle_from_zip`; empty for a bundle made otherwise."""
    with _lock:
        return _texts.get(id(bundle), {})
