"""``make bench`` (``python -m benchmarks``): measure every figure of issue 11 in one run.

Prints the machine, the corpus and one table: each figure beside its target, ``ok`` or
``MISS``. The exit status is 1 on a miss only when ``BENCH_STRICT=1``, so that a noisy
CI machine stays green unless it asks to be strict. ``--quick`` measures a smaller
corpus with fewer runs, for development; see ``--help`` and ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from dataclasses import asdict
from pathlib import Path

from .corpus import NATIONAL_MEASURES, NATIONAL_PARTNERSHIPS, ensure_corpus
from .figures import (
    TARGETS,
    Settings,
    cli_figures,
    corpus_figures,
    describe_corpus,
    memory_figure,
    scale_figure,
    word_figures,
)
from .measure import Figure, format_table
from .pipeline import make_manager, parser

__all__ = ["GROUPS", "STRICT_ENV", "machine", "main"]

GROUPS = ("corpus", "word", "scale", "memory", "cli")
"""The groups of figures, in the order they are measured."""

STRICT_ENV = "BENCH_STRICT"
"""Set to ``1`` to make a missed target fail the run (exit status 1)."""


def machine() -> list[str]:
    """Lines describing where the run happened."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    from importlib import metadata

    for name in ("helsefellesskap", "helsefellesskap-docx", "python-docx", "tomli", "cattrs"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} not installed")
    return [
        f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: {os.cpu_count()} CPUs (nproc), {cpu}; {platform.system()} {platform.release()}",
        "load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{value:.2f}" for value in os.getloadavg())
        + " (other work on the machine slows both sides of each ratio)",
        f"python: {platform.python_version()} ({sys.executable})",
        f"baseline parser: {parser()[1]}",
        "packages: " + ", ".join(versions),
    ]


def _targets(values: list[str]) -> dict[str, float]:
    targets = dict(TARGETS)
    for value in values:
        key, _, number = value.partition("=")
        if not number:
            raise SystemExit(f"--target takes KEY=VALUE (like load=1.5), not {value!r}")
        targets[key.strip()] = float(number)
    return targets


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser_ = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure load, validation, rendering, start-up, scale and memory "
        "against the TOML parser and the bare dependencies, each beside its target.",
    )
    parser_.add_argument(
        "--quick",
        action="store_true",
        help="a smaller corpus (6 partnerships, 3,000 measures) and 3 runs",
    )
    parser_.add_argument("--runs", type=int, help="interleaved runs per figure (default 5)")
    parser_.add_argument("--partnerships", type=int, help="partnerships in the 1× corpus")
    parser_.add_argument("--measures", type=int, help="measures in the 1× corpus")
    parser_.add_argument(
        "--only",
        default=",".join(GROUPS),
        help=f"comma-separated groups to measure: {', '.join(GROUPS)}",
    )
    parser_.add_argument(
        "--formats", help="the formats rendered for the corpus figures (md,html,json,docx)"
    )
    parser_.add_argument("--word-rows", help="the table sizes of the Word figures (100,1000,10000)")
    parser_.add_argument(
        "--word-budget", type=float, help="seconds for each Word table size (default 45)"
    )
    parser_.add_argument(
        "--docx-budget", type=float, help="seconds for Word output of the corpus (default 150)"
    )
    parser_.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a target (keys: " + ", ".join(TARGETS) + ")",
    )
    parser_.add_argument("--work", type=Path, help="where corpora go (default build/bench)")
    parser_.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser_.parse_args(argv)


def _settings(args: argparse.Namespace) -> tuple[Settings, int, int]:
    settings = Settings(targets=_targets(args.target))
    partnerships, measures = NATIONAL_PARTNERSHIPS, NATIONAL_MEASURES
    if args.quick:
        settings.runs, settings.scale_runs = 3, 2
        settings.word_budget, settings.docx_budget = 10.0, 20.0
        partnerships, measures = 6, 3_000
    if args.runs:
        settings.runs = args.runs
        settings.scale_runs = min(settings.scale_runs, args.runs)
    if args.word_rows:
        settings.word_rows = tuple(int(rows) for rows in args.word_rows.split(","))
    if args.formats:
        settings.formats = tuple(name.strip() for name in args.formats.split(",") if name.strip())
    if args.word_budget is not None:
        settings.word_budget = args.word_budget
    if args.docx_budget is not None:
        settings.docx_budget = args.docx_budget
    if args.work:
        settings.work = args.work.resolve()
    return settings, args.partnerships or partnerships, args.measures or measures


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, return the exit status."""
    args = _arguments(argv)
    settings, partnerships, measures = _settings(args)
    groups = [group.strip() for group in args.only.split(",") if group.strip()]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown:
        raise SystemExit(f"unknown group {', '.join(unknown)}: choose from {', '.join(GROUPS)}")
    started = time.perf_counter()
    print("# helsefellesskap benchmarks (issue 11)", flush=True)
    for line in machine():
        print(line)
    print(
        f"command: python -m benchmarks {' '.join(argv if argv is not None else sys.argv[1:])}"
        f"; runs {settings.runs} (10×: {settings.scale_runs}), garbage collector on, "
        "median of interleaved runs",
        flush=True,
    )
    figures: list[Figure] = []
    needs_corpus = {"corpus", "scale", "memory"} & set(groups)
    manager = make_manager() if needs_corpus else None
    corpus = None
    if needs_corpus:
        corpus = ensure_corpus(settings.work, partnerships=partnerships, measures=measures)
        try:
            described = describe_corpus(corpus, manager)
        except Exception as error:
            described = [f"corpus: {corpus.root}: does not load and validate: {error}"[:600]]
        for line in described:
            print(line, flush=True)
    if "corpus" in groups and corpus is not None:
        print("... measuring load, validation and rendering of the corpus", flush=True)
        figures += corpus_figures(corpus, manager, settings)
    if "word" in groups:
        print(
            "... measuring Word output of one table of "
            + ", ".join(f"{rows:,}" for rows in settings.word_rows)
            + " rows",
            flush=True,
        )
        figures += word_figures(settings)
    if "scale" in groups and corpus is not None:
        print("... measuring ten times the corpus", flush=True)
        large = ensure_corpus(settings.work, partnerships=partnerships, measures=10 * measures)
        figures.append(scale_figure(corpus, large, manager, settings))
    if "memory" in groups and corpus is not None:
        print("... measuring peak memory", flush=True)
        figures.append(memory_figure(corpus, settings))
    if "cli" in groups:
        print("... measuring start-up", flush=True)
        figures += cli_figures(settings)
    print()
    print(format_table(figures))
    print()
    missed = [figure for figure in figures if not figure.ok]
    strict = os.environ.get(STRICT_ENV) == "1"
    took = time.perf_counter() - started
    if missed:
        print(
            f"MISS: {len(missed)} of {len(figures)} figures missed their target "
            f"({', '.join(figure.key for figure in missed)}); took {took:.0f} s"
            + ("" if strict else f"; set {STRICT_ENV}=1 to fail on a miss")
        )
    else:
        print(f"ok: all {len(figures)} figures met their target; took {took:.0f} s")
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "figures": [asdict(f) for f in figures]}, indent=2),
            encoding="utf-8",
        )
    return 1 if missed and strict else 0


if __name__ == "__main__":
    sys.exit(main())
