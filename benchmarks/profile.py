"""Where the time goes: profile load + validate + HTML of the corpus (``python -m
benchmarks.profile``).

Runs the pipeline once untimed (templates compiled, caches warm), then once under
:mod:`cProfile`, and prints the functions with the largest share of the run: by own
time (``tottime``, where the work is done) and by cumulative time (``cumtime``, which
call the work hangs under), each as a share of the whole run. ``--quick`` uses the
small corpus; ``--stages`` also profiles the stages one at a time; ``--out FILE`` keeps
the raw profile for ``python -m pstats`` or snakeviz.

Validation runs each rule in a worker thread with a time limit, which :mod:`cProfile`
(main thread only) would show as time waiting on a lock; the profile therefore sets
``HELSEFELLESSKAP_RULE_TIME_LIMIT=0`` (unless set), so that the rules run in the calling
thread and their own functions appear. ``make bench`` keeps the default.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .corpus import NATIONAL_MEASURES, NATIONAL_PARTNERSHIPS, REPO, ensure_corpus
from .pipeline import load_and_validate, load_bundles, make_manager, render_items, renderable

__all__ = ["RULES_IN_THREAD_ENV", "hotspots", "main", "profile"]

RULES_IN_THREAD_ENV = "HELSEFELLESSKAP_RULE_TIME_LIMIT"
"""Set to ``0``, validation runs the rules in the calling thread, where cProfile sees them."""


def _where(key: tuple[str, int, str]) -> str:
    file, line, name = key
    path = Path(file)
    for root in (REPO / "src", REPO / "plugins"):
        if path.is_relative_to(root):
            return f"{path.relative_to(root)}:{line} {name}"
    if "site-packages" in path.parts:
        index = path.parts.index("site-packages")
        return f"{'/'.join(path.parts[index + 1 :])}:{line} {name}"
    return f"{file}:{line} {name}" if line else name


def profile(work: Callable[[], object]) -> tuple[pstats.Stats, float]:
    """Profile one call of ``work``; return its statistics and its wall time under the
    profiler."""
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    work()
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start


def hotspots(stats: pstats.Stats, *, by: str = "tottime", top: int = 15) -> list[str]:
    """The ``top`` functions by own (``tottime``) or cumulative time, as Markdown rows
    with their share of the whole profile."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    column = 2 if by == "tottime" else 3
    rows = sorted(raw.items(), key=lambda item: item[1][column], reverse=True)
    lines = [f"| share ({by}) | seconds | calls | function |", "|---:|---:|---:|---|"]
    for key, entry in rows[:top]:
        lines.append(
            f"| {100 * entry[column] / total:.1f} % | {entry[column]:.2f} | {entry[1]:,} | "
            f"`{_where(key)}` |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Profile load + validate + HTML of the corpus and print the hotspots."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile")
    parser.add_argument("--quick", action="store_true", help="the small corpus (3,000 measures)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--stages", action="store_true", help="also profile each stage alone")
    parser.add_argument("--format", default="html", help="the render format (html)")
    parser.add_argument("--out", type=Path, help="write the raw profile here")
    args = parser.parse_args(argv)
    os.environ.setdefault(RULES_IN_THREAD_ENV, "0")
    partnerships, measures = (
        (6, 3_000) if args.quick else (NATIONAL_PARTNERSHIPS, NATIONAL_MEASURES)
    )
    corpus = ensure_corpus(REPO / "build" / "bench", partnerships=partnerships, measures=measures)
    manager = make_manager()

    def pipeline() -> None:
        load_and_validate(corpus.folders, manager)
        bundles = load_bundles(corpus.folders, manager)
        render_items(renderable(bundles, args.format, manager), args.format, manager)

    pipeline()  # warm: templates compiled, files in the page cache
    stats, took = profile(pipeline)
    print(
        f"# load + validate + {args.format} of {corpus.measures:,} measures "
        f"({corpus.bytes / 1e6:.1f} MB): {took:.1f} s under cProfile\n"
    )
    print("\n".join(hotspots(stats, by="tottime", top=args.top)))
    print()
    print("\n".join(hotspots(stats, by="cumtime", top=args.top)))
    if args.out:
        stats.dump_stats(str(args.out))
    if args.stages:
        bundles = load_bundles(corpus.folders, manager)
        stages: dict[str, Callable[[], object]] = {
            "load": lambda: load_bundles(corpus.folders, manager),
            "load + validate": lambda: load_and_validate(corpus.folders, manager),
            args.format: lambda: render_items(
                renderable(bundles, args.format, manager), args.format, manager
            ),
        }
        for name, work in stages.items():
            stage, stage_took = profile(work)
            print(f"\n## {name}: {stage_took:.1f} s under cProfile\n")
            print("\n".join(hotspots(stage, by="tottime", top=args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
