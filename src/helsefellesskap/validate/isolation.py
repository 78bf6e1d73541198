"""Running rules so that none can stop ``validate``: errors, wrong answers and time limits.

The rules of one run go to a worker thread, which runs them one after another; the
calling thread only waits, and wakes when they are all done or when the rule running
now has run past the time limit. Such a rule is abandoned (the worker is a daemon
thread, left to finish or to end with the program) and the rules after it go to a fresh
worker. No signals are used, so this works inside any application and in any thread, and
a run costs one hand-over between threads, not one per rule.
"""

from __future__ import annotations

import contextvars
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..errors import UsageError

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "TIME_LIMIT_ENV",
    "Outcome",
    "RuleRunner",
    "run_contained",
    "time_limit_from_env",
]

DEFAULT_TIME_LIMIT = 5.0
"""Seconds a rule may run over one partnership before it is abandoned."""

TIME_LIMIT_ENV = "HELSEFELLESSKAP_RULE_TIME_LIMIT"
"""Environment variable: the time limit per rule in seconds (``0`` for none)."""

Produce = Callable[[], Iterable[object]]
"""A rule's work: called with no arguments, it yields what the rule found."""


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
        from ..messages import message

        raise UsageError(
            message("validate.limit_not_a_number", env=TIME_LIMIT_ENV, raw=repr(raw))
        ) from None
    if not seconds >= 0:
        from ..messages import message

        raise UsageError(message("validate.limit_negative", env=TIME_LIMIT_ENV, raw=repr(raw)))
    return seconds or None


@attrs.frozen(kw_only=True)
class Outcome:
    """What running one rule gave: the items it yielded, or what it raised, or a time-out.

    ``items`` holds what was yielded before an error (nothing after a time-out).
    """

    items: tuple[object, ...] = ()
    error: BaseException | None = None
    timed_out: bool = False


def run_contained(produce: Produce) -> Outcome:
    """Run ``produce`` and gather what it yields; whatever it raises but
    :class:`KeyboardInterrupt` is kept in the outcome."""
    found: list[object] = []
    try:
        for item in produce():
            found.append(item)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # a broken rule must not stop the others
        return Outcome(items=tuple(found), error=error)
    return Outcome(items=tuple(found))


class _Batch:
    """The shared state of one run: which rule is running since when, and the outcomes."""

    def __init__(self, jobs: Sequence[Produce]) -> None:
        self.jobs = jobs
        self.outcomes: list[Outcome | None] = [None] * len(jobs)
        self.lock = threading.Lock()
        self.current = 0
        self.started = time.monotonic()
        self.generation = 0
        self.finished = threading.Event()


def _work(batch: _Batch, first: int, generation: int, finished: threading.Event) -> None:
    for index in range(first, len(batch.jobs)):
        with batch.lock:
            if batch.generation != generation:
                return  # abandoned: the rules left belong to another worker now
            batch.current = index
            batch.started = time.monotonic()
        try:
            outcome = run_contained(batch.jobs[index])
        except KeyboardInterrupt as error:  # pragma: no cover - not sent to a worker
            outcome = Outcome(error=error)
        with batch.lock:
            if batch.generation != generation:
                return
            batch.outcomes[index] = outcome
    finished.set()


class RuleRunner:
    """Runs rules within a time limit per rule (seconds; ``None`` for no limit, in the
    calling thread)."""

    def __init__(self, time_limit: float | None) -> None:
        self.time_limit = time_limit

    def run(self, produce: Produce) -> Outcome:
        """Run one rule's work within the time limit."""
        return self.run_all([produce])[0]

    def run_all(self, jobs: Sequence[Produce]) -> list[Outcome]:
        """Run each job in turn, each within the time limit; the outcome of each, in order."""
        limit = self.time_limit
        if limit is None:
            return [run_contained(job) for job in jobs]
        batch = _Batch(jobs)
        first = 0
        while first < len(jobs):
            finished = threading.Event()
            with batch.lock:
                generation = batch.generation
                batch.current = first
                batch.started = time.monotonic()
            # The worker runs in a copy of the caller's context, so the rules word their
            # messages in the caller's language (helsefellesskap.messages.use_language).
            worker = threading.Thread(
                target=contextvars.copy_context().run,
                args=(_work, batch, first, generation, finished),
                name="helsefellesskap-rules",
                daemon=True,
            )
            worker.start()
            while True:
                with batch.lock:
                    current, started = batch.current, batch.started
                if finished.wait(max(0.0, started + limit - time.monotonic())):
                    first = len(jobs)
                    break
                with batch.lock:
                    overdue = (
                        batch.current == current
                        and batch.started == started
                        and batch.outcomes[current] is None
                        and time.monotonic() - started >= limit
                    )
                    if overdue:
                        batch.outcomes[current] = Outcome(timed_out=True)
                        batch.generation += 1
                if overdue:
                    first = current + 1
                    break
        return [outcome or Outcome(timed_out=True) for outcome in batch.outcomes]
