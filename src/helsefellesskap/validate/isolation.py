"""Running rules so that none can stop ``validate``: errors, wrong answers and time limits.

A rule runs in a worker thread that the engine waits for with a time limit; a rule that
runs past it is abandoned (its thread is a daemon thread, left to finish or to end with
the program) and the rules after it run in a fresh worker. No signals are used, so this
works inside any application and in any thread.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable

import attrs

from ..errors import UsageError

__all__ = ["DEFAULT_TIME_LIMIT", "TIME_LIMIT_ENV", "Outcome", "RuleRunner", "time_limit_from_env"]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds a rule may run over one partnership before it is abandoned."""

TIME_LIMIT_ENV = "HELSEFELLESSKAP_RULE_TIME_LIMIT"
"""Environment variable: the time limit per rule in seconds (``0`` for none)."""


def time_limit_from_env() -> float | None:
    """The time limit per rule: :data:`TIME_LIMIT_ENV` if set, else :data:`DEFAULT_TIME_LIMIT`.

    ``0`` means no limit (``None``).
    """
    raw = os.environ.get(TIME_LIMIT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIME_LIMIT
    try:
        seconds = float(raw)
    except ValueError:
        raise UsageError(
            f"{TIME_LIMIT_ENV}={raw!r} is not a number of seconds: write for example "
            f"{TIME_LIMIT_ENV}=10, or 0 for no limit"
        ) from None
    if seconds < 0 or seconds != seconds:
        raise UsageError(f"{TIME_LIMIT_ENV}={raw!r}: the time limit cannot be negative")
    return seconds or None


@attrs.frozen(kw_only=True)
class Outcome:
    """What running one rule gave: the items it yielded, or what it raised, or a time-out.

    ``items`` holds what was yielded before an error or the time-out.
    """

    items: tuple[object, ...] = ()
    error: BaseException | None = None
    timed_out: bool = False


_Job = tuple[Callable[[], Iterable[object]], "queue.Queue[Outcome]", list[object]]


class RuleRunner:
    """Runs rules one after another in a worker thread, each within a time limit.

    ``time_limit`` is in seconds; ``None`` runs every rule in the calling thread without
    a limit. Call :meth:`close` when done (or use it as a context manager).
    """

    def __init__(self, time_limit: float | None) -> None:
        self.time_limit = time_limit
        self._jobs: queue.Queue[_Job | None] | None = None

    def __enter__(self) -> RuleRunner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let the worker thread end."""
        if self._jobs is not None:
            self._jobs.put(None)
            self._jobs = None

    @staticmethod
    def _collect(produce: Callable[[], Iterable[object]], sink: list[object]) -> Outcome:
        try:
            for item in produce():
                sink.append(item)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # a broken rule must not stop the others
            return Outcome(items=tuple(sink), error=error)
        return Outcome(items=tuple(sink))

    @classmethod
    def _work(cls, jobs: queue.Queue[_Job | None]) -> None:
        while (job := jobs.get()) is not None:
            produce, answer, sink = job
            try:
                outcome = cls._collect(produce, sink)
            except KeyboardInterrupt as error:  # pragma: no cover - not in a worker
                outcome = Outcome(items=tuple(sink), error=error)
            answer.put(outcome)

    def run(self, produce: Callable[[], Iterable[object]]) -> Outcome:
        """Run ``produce`` and gather what it yields, within the time limit."""
        if self.time_limit is None:
            return self._collect(produce, [])
        if self._jobs is None:
            self._jobs = queue.Queue()
            worker = threading.Thread(
                target=self._work, args=(self._jobs,), name="helsefellesskap-rule", daemon=True
            )
            worker.start()
        answer: queue.Queue[Outcome] = queue.Queue(maxsize=1)
        sink: list[object] = []
        self._jobs.put((produce, answer, sink))
        try:
            return answer.get(timeout=self.time_limit)
        except queue.Empty:
            # Abandon the worker: it may never come back. The next rule gets a new one.
            self._jobs = None
            return Outcome(items=tuple(sink), timed_out=True)
