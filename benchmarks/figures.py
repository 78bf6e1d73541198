"""Each figure of the table, measured: the corpus, Word's rows, start-up, scale, memory.

Every function returns :class:`~benchmarks.measure.Figure` objects; a step that fails
(the library being rewritten under it, say) becomes a figure that says why, and the
others are still measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus import REPO, TEMPLATES, Corpus
from .measure import Figure, Timings, interleave, median, seconds
from .pipeline import load_and_validate, load_bundles, parser, render_items, renderable

__all__ = [
    "CORPUS_FORMATS",
    "TARGETS",
    "Settings",
    "cli_figures",
    "corpus_figures",
    "describe_corpus",
    "memory_figure",
    "scale_figure",
    "word_figures",
]

TARGETS: dict[str, float] = {
    "load": 1.5,
    "md": 0.5,
    "html": 0.5,
    "json": 0.5,
    "docx": 5.0,
    "word": 5.0,
    "word-linear": 1.5,
    "cli": 1.3,
    "scale": 11.0,
    "memory": 10.0,
}
"""The issue's targets (issue 11), by figure key; ``word`` and ``cli`` apply to each
size and command. Word has no corpus target of its own in the issue: its per-plan
target (5× the parse) is used for the corpus too."""

CORPUS_FORMATS = ("md", "html", "json")
"""The formats rendered for the whole corpus in every round; Word has its own budget."""


@dataclass
class Settings:
    """How much to measure: runs, budgets, sizes, targets."""

    runs: int = 5
    scale_runs: int = 3
    word_rows: tuple[int, ...] = (100, 1_000, 10_000)
    word_budget: float = 45.0
    docx_budget: float = 150.0
    formats: tuple[str, ...] = (*CORPUS_FORMATS, "docx")
    """The formats rendered for the corpus figures (all by default)."""
    targets: dict[str, float] = field(default_factory=lambda: dict(TARGETS))
    work: Path = REPO / "build" / "bench"

    def target(self, key: str) -> float:
        """The target of a figure: its own key first (``word-100``), then its family."""
        return self.targets.get(key, self.targets.get(key.split("-")[0], float("inf")))


def _failure(key: str, what: str, target: float, error: BaseException) -> Figure:
    last = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    where = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
    return Figure(
        key=key,
        what=what,
        value=None,
        target=target,
        error=f"failed: {type(error).__name__}: {error}{where}"[:300],
    )


def describe_corpus(corpus: Corpus, manager: Any) -> list[str]:
    """Lines saying what the corpus holds, loaded and validated once (not timed)."""
    reports = load_and_validate(corpus.folders, manager)
    severities: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for report in reports:
        for finding in report.findings:
            severities[str(getattr(finding.severity, "value", finding.severity))] += 1
            codes[finding.code] += 1
    ids = Counter(report.partnership for report in reports)
    plugin_ids = {template.name for template in TEMPLATES if template.plugin}
    with_plugin = {pid: n for pid, n in ids.items() if pid in plugin_ids}
    plugin_rules = sorted(code for code in manager.rules() if not code.startswith("HF"))
    per_measure = sorted(corpus.plan_bytes_per_measure)
    findings = sum(severities.values())
    documents = corpus.files - len(corpus.folders)
    return [
        f"corpus: {len(corpus.folders)} partnerships, {documents} documents, "
        f"{corpus.measures:,} measures, {corpus.bytes / 1e6:.1f} MB of TOML in "
        f"{corpus.files} files ({corpus.root})",
        f"bytes per measure in the action plans: {per_measure[0]:.0f}–{per_measure[-1]:.0f}, "
        f"median {median(per_measure):.0f} (the bundled plans: 620–890)",
        f"findings: {findings:,} ({findings / max(corpus.measures, 1):.2f} a measure): "
        + ", ".join(f"{n:,} {severity}" for severity, n in sorted(severities.items()))
        + "; most frequent: "
        + ", ".join(f"{code} {n:,}" for code, n in codes.most_common(5)),
        "partnerships whose plugin applies (rules, layout, labels): "
        + (", ".join(f"{pid} ×{n}" for pid, n in sorted(with_plugin.items())) or "none")
        + f"; plugin rules run on every partnership: {', '.join(plugin_rules) or 'none'}",
    ]


def corpus_figures(corpus: Corpus, manager: Any, settings: Settings) -> list[Figure]:
    """Load + validate and the Markdown, HTML and JSON render of the corpus against
    parsing its bytes, interleaved; then Word against parsing, within its budget."""
    loads, _parser_name = parser()
    texts = corpus.texts()

    def parse() -> int:
        return sum(len(loads(text)) for text in texts)

    figures: list[Figure] = []
    tasks: list[tuple[str, Any]] = [("parse", parse)]
    tasks.append(("load", lambda: load_and_validate(corpus.folders, manager)))
    try:
        bundles = load_bundles(corpus.folders, manager)
    except Exception as error:
        # Nothing can be measured on a corpus that does not load; say why for each.
        return [
            _failure(key, what, settings.target(key), error)
            for key, what in [("load", "load + validate (read, walk, load, all rules)")]
            + [(name, _render_what(name)) for name in settings.formats]
        ]
    items: dict[str, list[tuple[Any, Any]]] = {}
    formats = manager.render_formats()
    for name in settings.formats:
        if name not in formats:
            continue
        items[name] = renderable(bundles, name, manager)
        try:
            # Not timed: the first output of a format compiles its templates.
            render_items(items[name][:3], name, manager)
        except Exception as error:
            figures.append(_failure(name, _render_what(name), settings.target(name), error))
            del items[name]
            continue
        if name != "docx":
            tasks.append((name, lambda name=name: render_items(items[name], name, manager)))
    try:
        timings = interleave(tasks, rounds=settings.runs)
    except Exception as error:
        return [_failure("load", "load + validate", settings.target("load"), error)]
    base = timings.median("parse")
    against = f"parse {seconds(base)}"
    figures.insert(
        0,
        _ratio(
            "load",
            "load + validate (read, walk, load, all rules)",
            timings,
            "parse",
            against,
            settings,
        ),
    )
    for name in [name for name in CORPUS_FORMATS if name in settings.formats]:
        if name in items:
            figures.append(_ratio(name, _render_what(name), timings, "parse", against, settings))
        elif not any(figure.key == name for figure in figures):
            figures.append(
                Figure(
                    key=name,
                    what=_render_what(name),
                    value=None,
                    target=settings.target(name),
                    skipped="format not installed",
                )
            )
    if "docx" in items:
        try:
            word = interleave(
                [("parse", parse), ("docx", lambda: render_items(items["docx"], "docx", manager))],
                rounds=settings.runs,
                budget=settings.docx_budget,
            )
            figures.append(
                _ratio(
                    "docx",
                    _render_what("docx"),
                    word,
                    "parse",
                    f"parse {seconds(word.median('parse'))}",
                    settings,
                    note=f"runs within a {settings.docx_budget:.0f} s budget",
                )
            )
        except Exception as error:
            figures.append(_failure("docx", _render_what("docx"), settings.target("docx"), error))
    elif "docx" in settings.formats and not any(figure.key == "docx" for figure in figures):
        figures.append(
            Figure(
                key="docx",
                what=_render_what("docx"),
                value=None,
                target=settings.target("docx"),
                skipped="helsefellesskap-docx is not installed",
            )
        )
    return figures


def _render_what(name: str) -> str:
    return {
        "md": "Markdown render of the corpus",
        "html": "HTML render of the corpus",
        "json": "JSON render of the corpus",
        "docx": "Word render of the corpus",
    }.get(name, f"{name} render of the corpus")


def _ratio(
    key: str,
    what: str,
    timings: Timings,
    base: str,
    against: str,
    settings: Settings,
    *,
    note: str = "",
) -> Figure:
    """``key``'s time over ``base``'s, as the median of the rounds' ratios."""
    detail = f"{seconds(timings.median(key))}; CPU time {timings.ratio(key, base, cpu=True):.2f}×"
    if note:
        detail += f"; {note}"
    return Figure(
        key=key,
        what=what,
        value=timings.ratio(key, base),
        target=settings.target(key),
        baseline=against,
        detail=detail,
        runs=timings.runs(key),
    )


def _word_child(rows: int, settings: Settings) -> tuple[list[dict[str, Any]], bool, float]:
    """Run the Word child for ``rows``; its JSON lines, whether it was stopped, its time."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.child",
        "word",
        "--rows",
        str(rows),
        "--runs",
        str(settings.runs),
        "--budget",
        str(settings.word_budget),
        "--work",
        str(settings.work),
    ]
    hard_limit = settings.word_budget * 1.5 + 10
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.PIPE, text=True)
        stopped = False
        try:
            _, errors = process.communicate(timeout=hard_limit)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
            stopped = True
        out.seek(0)
        lines = [json.loads(line) for line in out if line.strip().startswith("{")]
    if process.returncode not in (0, None) and not stopped:
        raise RuntimeError(errors.strip().splitlines()[-1] if errors.strip() else "child failed")
    return lines, stopped, time.perf_counter() - start


def word_figures(settings: Settings) -> list[Figure]:
    """Word output of one plan with 100, 1,000 and 10,000 measures in one table, each
    against parsing that plan, in a fresh interpreter with a time budget; and whether
    the time per row stays flat from the smallest size to the largest."""
    figures: list[Figure] = []
    per_row: dict[int, tuple[float, bool]] = {}
    for rows in settings.word_rows:
        key, what = f"word-{rows}", f"Word render, one plan, {rows:,} rows in one table"
        try:
            lines, _stopped, elapsed = _word_child(rows, settings)
        except Exception as error:
            figures.append(_failure(key, what, settings.target(key), error))
            continue
        skipped = next((line["skipped"] for line in lines if "skipped" in line), "")
        if skipped:
            figures.append(
                Figure(key=key, what=what, value=None, target=settings.target(key), skipped=skipped)
            )
            continue
        parses = [line["parse"] for line in lines if "parse" in line]
        renders = [line["render"] for line in lines if "render" in line]
        size = next((line["bytes"] for line in lines if "bytes" in line), 0)
        base = median(parses)
        if renders:
            subject, bound = median(renders), False
        else:
            # Stopped before one render finished: it takes at least this long.
            subject, bound = elapsed, True
        per_row[rows] = (subject / rows, bound)
        note = f"stopped after {elapsed:.0f} s, no run finished" if bound else ""
        figures.append(
            Figure(
                key=key,
                what=what,
                value=median([r / p for r, p in zip(renders, parses, strict=False)])
                if renders
                else subject / base,
                target=settings.target(key),
                baseline=f"parse {seconds(base)} ({size / 1e3:.0f} kB)",
                detail=f"{'> ' if bound else ''}{seconds(subject)}, "
                f"{subject / rows * 1000:.2f} ms a row" + (f"; {note}" if note else ""),
                runs=len(renders),
                lower_bound=bound,
            )
        )
    finished = {rows: t for rows, (t, bound) in per_row.items() if not bound}
    if finished and len(per_row) >= 2:
        smallest = min(finished)
        # The size whose time a row grew most against the smallest size's; a size that
        # did not finish counts with its bound (at least the budget for its rows).
        growth = {rows: t / finished[smallest] for rows, (t, _) in per_row.items()}
        worst = max((rows for rows in per_row if rows != smallest), key=lambda r: growth[r])
        unfinished = sorted(rows for rows, (_, bound) in per_row.items() if bound)
        figures.append(
            Figure(
                key="word-linear",
                what="Word time a row, the largest growth against the smallest table",
                value=growth[worst],
                target=settings.target("word-linear"),
                baseline=f"{finished[smallest] * 1000:.2f} ms a row at {smallest:,} rows",
                detail=f"{worst:,} rows; about 1 or below when linear; time a row: "
                + ", ".join(
                    f"{rows:,}: {'> ' if bound else ''}{t * 1000:.2f} ms"
                    for rows, (t, bound) in sorted(per_row.items())
                )
                + (
                    f" ({', '.join(f'{rows:,}' for rows in unfinished)} stopped unfinished)"
                    if unfinished
                    else ""
                ),
                lower_bound=per_row[worst][1],
            )
        )
    return figures


def _script() -> list[str]:
    script = Path(sys.executable).with_name("helsefellesskap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "helsefellesskap"]


def _imported_roots() -> list[str]:
    """The folders the library and the installed plugins are imported from."""
    import importlib.util
    from importlib import metadata

    names = {"helsefellesskap"}
    names |= {
        entry.value.split(":")[0].split(".")[0]
        for entry in metadata.entry_points(group="helsefellesskap")
    }
    roots = set()
    for name in sorted(names):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.submodule_search_locations:
            roots.update(spec.submodule_search_locations)
        elif spec is not None and spec.origin:
            roots.add(spec.origin)
    return sorted(roots)


def compile_bytecode() -> None:
    """Compile the bytecode of the library and of the installed plugins (where they are
    imported from), which start-up would otherwise pay for on every run when
    ``PYTHONDONTWRITEBYTECODE`` is set."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *_imported_roots()],
        cwd=REPO,
        check=False,
        capture_output=True,
    )


def cli_figures(settings: Settings) -> list[Figure]:
    """Fresh ``helsefellesskap`` processes against a fresh ``python -c "import attrs,
    cattrs, pluggy"``, interleaved, after compiling the bytecode."""
    compile_bytecode()
    example = REPO / "examples" / "eksempel"
    plan = example / "plans" / "handlingsplan-2024-2025.toml"
    script = _script()
    commands: dict[str, tuple[str, list[str]]] = {
        "baseline": ("", [sys.executable, "-c", "import attrs, cattrs, pluggy"]),
        "cli-version": ("helsefellesskap --version", [*script, "--version"]),
        "cli-plugins": ("helsefellesskap plugins", [*script, "plugins"]),
        "cli-list": ("helsefellesskap list", [*script, "list"]),
        "cli-check": ("helsefellesskap check (the example)", [*script, "check", str(example)]),
        "cli-render": (
            "helsefellesskap render -f html (the example's plan)",
            [*script, "render", "-f", "html", str(plan)],
        ),
    }
    env = dict(os.environ)
    failures: dict[str, str] = {}

    def runner(key: str, command: list[str]) -> Any:
        def run() -> int:
            done = subprocess.run(
                command,
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
            if done.returncode not in (0, 1):
                failures[key] = (done.stderr.strip().splitlines() or ["exit"])[-1]
            return done.returncode

        return run

    tasks = [(key, runner(key, command)) for key, (_, command) in commands.items()]
    if settings.runs >= 3:
        interleave(tasks, rounds=1)  # not timed: fills the file cache
    timings = interleave(tasks, rounds=settings.runs)
    base = timings.median("baseline")
    against = f'python -c "import attrs, cattrs, pluggy" {seconds(base)}'
    figures = []
    for key, (what, _) in commands.items():
        if key == "baseline":
            continue
        if key in failures:
            figures.append(
                Figure(
                    key=key,
                    what=what,
                    value=None,
                    target=settings.target(key),
                    error=f"failed: {failures[key]}"[:300],
                )
            )
            continue
        figures.append(_ratio(key, what, timings, "baseline", against, settings))
    return figures


def scale_figure(small: Corpus, large: Corpus, manager: Any, settings: Settings) -> Figure:
    """Load + validate of ten times the corpus against the corpus, interleaved."""
    what = "10× corpus: load + validate time / 1×"
    try:
        timings = interleave(
            [
                ("small", lambda: load_and_validate(small.folders, manager)),
                ("large", lambda: load_and_validate(large.folders, manager)),
            ],
            rounds=settings.scale_runs,
        )
    except Exception as error:
        return _failure("scale", what, settings.target("scale"), error)
    return Figure(
        key="scale",
        what=what,
        value=timings.ratio("large", "small"),
        target=settings.target("scale"),
        baseline=f"1×: {seconds(timings.median('small'))}",
        detail=f"10×: {seconds(timings.median('large'))}; CPU time "
        f"{timings.ratio('large', 'small', cpu=True):.2f}×; {large.measures:,} measures, "
        f"{large.bytes / 1e6:.0f} MB ({large.bytes / small.bytes:.1f}× the bytes)",
        runs=timings.runs("large"),
    )


def memory_figure(corpus: Corpus, settings: Settings) -> Figure:
    """Peak memory of loading, validating and keeping the corpus, against its bytes."""
    what = "peak memory of load + validate, kept / corpus bytes"
    command = [sys.executable, "-m", "benchmarks.child", "memory", "--corpus", str(corpus.root)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        message = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Figure(
            key="memory",
            what=what,
            value=None,
            target=settings.target("memory"),
            error=f"failed: {message}"[:300],
        )
    result = lines[-1]
    rss = result["rss_after"] - result["rss_before"]
    return Figure(
        key="memory",
        what=what,
        value=result["peak"] / corpus.bytes,
        target=settings.target("memory"),
        baseline=f"{corpus.bytes / 1e6:.1f} MB of TOML",
        detail=f"tracemalloc peak {result['peak'] / 1e6:.0f} MB, kept "
        f"{result['kept'] / 1e6:.0f} MB; process peak RSS {result['rss_after'] / 1e6:.0f} MB "
        f"({rss / 1e6:.0f} MB more than before loading)",
        runs=1,
    )
