"""Watching the garbage collector's runs while code works, for the tests of the pause
(``helsefellesskap.gc_pause``): a run during a pause is a run the pause should have held."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import attrs

from helsefellesskap import gc_pause

__all__ = ["CollectorRuns", "collector_runs"]


@attrs.define
class CollectorRuns:
    """The generations of the collections that started, all and those during a pause."""

    all: list[int] = attrs.field(factory=list)
    paused: list[int] = attrs.field(factory=list)


@contextmanager
def collector_runs() -> Iterator[CollectorRuns]:
    """Switch the collector on with thresholds of 1 (without a pause nearly every
    allocation collects) and note every collection that starts inside the block. The
    caller restores the thresholds (the tests' ``collector`` fixture)."""
    gc.enable()
    gc.set_threshold(1, 1, 1)
    runs = CollectorRuns()

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.all.append(info["generation"])
            if gc_pause._depth:
                runs.paused.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield runs
    finally:
        gc.callbacks.remove(note)
