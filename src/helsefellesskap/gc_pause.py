"""Pausing the garbage collector while a bulk load builds its objects.

Loading a partnership builds hundreds of thousands of small objects (the parsed tables,
the model's instances, the findings) that hold no reference cycles. Each 700 of them
start a collection of the youngest objects, and every few of those one of all objects
alive, so a large load spends much of its time traversing the objects it has just made
(and, in a program that keeps ten partnerships loaded, the ones it made before).

:func:`collection_paused` turns automatic collection off while loading or validating and
restores it after, exactly as it was: the collector is switched back on only if it was
on when the outermost pause began, also when the work raises. Pauses may nest and may
run in several threads at once (a count under a lock: the last to end restores). At the
end, the collection of the youngest objects that was put off runs, if it is due, so the
work that would have been done during the load is still done, in one pass.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Turn automatic garbage collection off for the block, then restore it as it was
    when the outermost pause began (see the module's description)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            resume = _depth == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume and gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(0)
