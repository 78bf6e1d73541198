"""Measurements that run in a fresh interpreter of their own (``python -m benchmarks.child``).

- ``word --rows N``: Word output of one plan with N measures in one focus area (one table
  of N rows), interleaved with parsing the plan's TOML; one JSON line per run, so that the
  parent keeps the runs that finished when it stops a run that takes too long.
- ``memory --corpus DIR``: the peak memory of loading and validating every partnership
  folder under DIR and keeping them (``tracemalloc``), and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

from .corpus import TEMPLATES, plan_with_rows
from .pipeline import load_bundles, make_manager, parser

__all__ = ["main", "memory", "word"]


def _emit(**values: object) -> None:
    print(json.dumps(values), flush=True)


def word(rows: int, runs: int, budget: float, work: Path) -> None:
    """Time Word output of a plan with ``rows`` rows in one table against parsing it."""
    from helsefellesskap.render import render

    folder = work / f"word-{rows}"
    if folder.exists():
        shutil.rmtree(folder)
    template = TEMPLATES[1]
    (folder / "plans").mkdir(parents=True)
    shutil.copy(template.folder / "partnership.toml", folder / "partnership.toml")
    shutil.copytree(template.folder / "declarations", folder / "declarations")
    text = plan_with_rows(rows, template)
    (folder / "plans" / "plan.toml").write_text(text, encoding="utf-8")
    loads, _name = parser()
    manager = make_manager()
    if "docx" not in manager.render_formats():
        _emit(skipped="the docx format is not installed (pip install helsefellesskap-docx)")
        return
    (bundle,) = load_bundles([folder], manager)
    plan = next(doc for doc in bundle.documents if doc.id == f"handlingsplan-{rows}-rader")
    # Not timed: the first Word output imports python-docx and reads its template.
    render(bundle.partnership, "docx", bundle=bundle, manager=manager)
    _emit(bytes=len(text.encode("utf-8")), rows=rows)
    started = time.perf_counter()
    for number in range(runs):
        elapsed = time.perf_counter() - started
        if number and elapsed + elapsed / number > budget:
            break
        gc.collect()
        start = time.perf_counter()
        loads(text)
        _emit(parse=time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        size = len(render(plan, "docx", bundle=bundle, manager=manager))
        _emit(render=time.perf_counter() - start, size=size)


def _rss_bytes() -> int:
    """The process's peak resident memory so far. ``VmHWM`` starts afresh at ``exec``;
    ``ru_maxrss`` would carry over the parent's peak on Linux."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def memory(corpus: Path) -> None:
    """Peak memory of loading, validating and keeping every partnership under ``corpus``."""
    from helsefellesskap.validate import validate

    folders = sorted(path.parent for path in corpus.glob("*/partnership.toml"))
    manager = make_manager()
    before = _rss_bytes()
    tracemalloc.start()
    bundles = load_bundles(folders, manager)
    reports = [validate(bundle, manager=manager) for bundle in bundles]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _emit(
        peak=peak,
        kept=current,
        rss_before=before,
        rss_after=_rss_bytes(),
        partnerships=len(bundles),
        findings=sum(len(report.findings) for report in reports),
    )


def main(argv: list[str] | None = None) -> int:
    """Run one child measurement."""
    parser_ = argparse.ArgumentParser(prog="python -m benchmarks.child")
    commands = parser_.add_subparsers(dest="command", required=True)
    word_args = commands.add_parser("word")
    word_args.add_argument("--rows", type=int, required=True)
    word_args.add_argument("--runs", type=int, default=5)
    word_args.add_argument("--budget", type=float, default=60.0)
    word_args.add_argument("--work", type=Path, required=True)
    memory_args = commands.add_parser("memory")
    memory_args.add_argument("--corpus", type=Path, required=True)
    args = parser_.parse_args(argv)
    if args.command == "word":
        word(args.rows, args.runs, args.budget, args.work)
    else:
        memory(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
