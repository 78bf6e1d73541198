"""Timing and reporting: interleaved runs, medians, figures with their targets, the table."""

from __future__ import annotations

import gc
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = ["Figure", "Timings", "format_table", "interleave", "median", "seconds"]


def seconds(value: float) -> str:
    """A duration for people: ``0.412 s``, ``12.3 s``, ``85 ms``."""
    if value < 1:
        return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def median(values: Sequence[float]) -> float:
    """The median of the values (``nan`` when there are none)."""
    return statistics.median(values) if values else float("nan")


@dataclass
class Timings:
    """The wall times of each task of an interleaved measurement, in seconds."""

    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    """CPU time of each run (this process and the children it waited for)."""
    results: dict[str, object] = field(default_factory=dict)

    def median(self, key: str) -> float:
        """The median time of ``key``."""
        return median(self.times.get(key, []))

    def ratio(self, key: str, base: str, *, cpu: bool = False) -> float:
        """The median over the rounds of ``key``'s time over ``base``'s in the same round.

        A pair measured seconds apart shares the machine's load of that moment, so the
        ratios of pairs vary less than the ratio of two medians on a busy machine.
        """
        source = self.cpu if cpu else self.times
        pairs = zip(source.get(key, []), source.get(base, []), strict=False)
        return median([subject / baseline for subject, baseline in pairs if baseline > 0])

    def runs(self, key: str) -> int:
        """How often ``key`` ran."""
        return len(self.times.get(key, []))


def _cpu() -> float:
    """CPU seconds used so far by this process and by the children it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def interleave(
    tasks: Sequence[tuple[str, Callable[[], object]]],
    *,
    rounds: int,
    budget: float | None = None,
) -> Timings:
    """Run every task once per round, in turn, for ``rounds`` rounds; time each run.

    Interleaving puts the baseline and the subjects under the same machine noise. The
    garbage collector stays on while a task runs, as it is for a user; a collection
    before each run (not timed) keeps one task's garbage from being charged to the next.
    The order rotates each round, so no task always runs right after the same one.
    Wall time and CPU time are both kept: the verdicts use wall time, as a user waits it;
    CPU time, which other work on the machine does not inflate, is shown beside it.

    With a ``budget`` (seconds) a new round starts only while the rounds so far, plus
    one more of the same length, fit in it; the first round always runs.
    """
    timings = Timings()
    started = time.perf_counter()
    for number in range(rounds):
        if budget is not None and number:
            elapsed = time.perf_counter() - started
            if elapsed + elapsed / number > budget:
                break
        shift = number % len(tasks)
        for key, work in [*tasks[shift:], *tasks[:shift]]:
            gc.collect()
            cpu_start = _cpu()
            start = time.perf_counter()
            result = work()
            timings.times.setdefault(key, []).append(time.perf_counter() - start)
            timings.cpu.setdefault(key, []).append(_cpu() - cpu_start)
            timings.results[key] = result
            del result
    return timings


@dataclass(frozen=True)
class Figure:
    """One line of the table: a measured value beside its target.

    ``value`` is a ratio (or a plain number for ``unit`` other than ``x``); ``lower_bound``
    means the work was stopped before it finished, so the value is at least this.
    ``error`` says why the figure could not be measured: such a figure is a miss.
    """

    key: str
    what: str
    value: float | None
    target: float
    unit: str = "×"
    baseline: str = ""
    detail: str = ""
    runs: int = 0
    lower_bound: bool = False
    error: str = ""
    skipped: str = ""

    @property
    def ok(self) -> bool:
        """Whether the figure meets its target (a skipped figure does not miss)."""
        if self.skipped:
            return True
        if self.error or self.value is None or self.lower_bound:
            # Stopped before it finished: the value is only a bound, which proves nothing.
            return False
        return self.value <= self.target

    @property
    def verdict(self) -> str:
        """``ok``, ``MISS`` or ``skipped``."""
        if self.skipped:
            return "skipped"
        return "ok" if self.ok else "MISS"

    def measured(self) -> str:
        """The value as printed: ``2.91×``, ``> 40×`` or ``failed``."""
        if self.skipped:
            return "–"
        if self.error or self.value is None:
            return "failed"
        number = f"{self.value:.2f}" if self.value < 100 else f"{self.value:.0f}"
        return f"{'> ' if self.lower_bound else ''}{number}{self.unit}"

    def target_text(self) -> str:
        """The target as printed: ``≤ 1.5×``."""
        return f"≤ {self.target:g}{self.unit}"


def format_table(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table: what, measured, target, verdict, runs, detail."""
    lines = [
        "| what | measured | target | verdict | runs | against | detail |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for figure in figures:
        detail = figure.error or figure.skipped or figure.detail
        detail = " ".join(detail.split()).replace("|", "\\|")  # one table cell
        lines.append(
            f"| {figure.what} | {figure.measured()} | {figure.target_text()} | "
            f"{figure.verdict} | {figure.runs or '–'} | {figure.baseline} | {detail} |"
        )
    return "\n".join(lines)
