"""What benchmarks share: a measured ratio with its target, and a timer."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["Ratio", "best_of"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Ratio:
    """A ratio of two timings, what it measures and the largest value it should have."""

    name: str
    value: float
    target: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the ratio meets its target."""
        return self.value <= self.target


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of ``repeat`` runs of ``work`` (seconds), and its last result.

    As :mod:`timeit` does, the garbage collector is off while timing (after a collection),
    so that a collection triggered by earlier work is not charged to this one.
    """
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    assert result is not None
    return best, result
