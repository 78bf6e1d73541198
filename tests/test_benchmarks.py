"""The benchmark harness (``make bench``) measures what it claims and says when it misses.

The corpus generator is deterministic and realistic in shape (bytes per measure like
the bundled plans, several documents a partnership, findings at the bundled data's
rate, the plugins' partnerships among them, no errors); the harness prints every
figure of issue 11 beside its target, marks a missed target MISS, and exits non-zero
on a miss only under ``BENCH_STRICT=1``. Everything runs on a tiny corpus with one run,
so these tests take seconds; the measurements themselves are ``make bench``'s job.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import Corpus, count_measures, generate, plan_with_rows  # noqa: E402
from benchmarks.measure import Figure, format_table  # noqa: E402
from helsefellesskap import ActionPlan, PluginManager, Severity, load_bundle  # noqa: E402
from helsefellesskap.validate import validate  # noqa: E402

StrictRun = tuple[subprocess.CompletedProcess[str], list[dict[str, object]]]
"""The output of the strict run and the figures it wrote as JSON."""

TINY = ["--partnerships", "3", "--measures", "150", "--runs", "1"]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return generate(tmp_path_factory.mktemp("corpus") / "c", partnerships=3, measures=300)


def test_the_generator_writes_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", partnerships=4, measures=400)
    second = generate(tmp_path / "b", partnerships=4, measures=400)
    assert _tree(first.root) == _tree(second.root)
    assert len(_tree(first.root)) == first.files
    assert (first.measures, first.bytes) == (second.measures, second.bytes)


def test_the_corpus_has_the_size_asked_for(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "c", partnerships=6, measures=1_200)
    assert len(corpus.folders) == 6
    # Whole plans are added until a partnership has its share, so a little more.
    assert 1_200 <= corpus.measures <= 1_200 * 1.2
    assert corpus.bytes == sum(path.stat().st_size for path in corpus.toml_files())


def test_every_plan_has_the_bytes_per_measure_of_the_bundled_plans(tiny: Corpus) -> None:
    assert tiny.plan_bytes_per_measure
    assert all(620 <= value <= 900 for value in tiny.plan_bytes_per_measure)


def test_each_partnership_has_several_documents_and_plugin_ids_are_kept(
    tiny: Corpus, manager: PluginManager
) -> None:
    ids = []
    for folder in tiny.folders:
        bundle = load_bundle(folder, types=manager.document_types())
        ids.append(bundle.partnership.id)
        assert len(bundle.documents) >= 3
        assert len(list(bundle.documents_of(ActionPlan))) >= 2
    # The plugins' partnerships keep their ids, so their rules and layouts apply.
    assert ids == ["troms-ofoten", "helgeland", "eksempel-03"]


def test_measures_are_counted_as_the_model_counts_them(
    tiny: Corpus, manager: PluginManager
) -> None:
    counted = 0
    for folder in tiny.folders:
        bundle = load_bundle(folder, types=manager.document_types())
        for plan in bundle.documents_of(ActionPlan):
            measures = sum(1 for _ in plan.measures())
            assert measures == count_measures(bundle.files[plan.id].read_text("utf-8"))
            counted += measures
    assert counted == tiny.measures


def test_the_corpus_validates_without_errors_and_with_findings_at_the_bundled_rate(
    tiny: Corpus, manager: PluginManager
) -> None:
    findings = []
    for folder in tiny.folders:
        report = validate(load_bundle(folder, types=manager.document_types()), manager=manager)
        assert "TO101" in report.rules  # the plugin's rule runs on every partnership
        findings += report.findings
    assert not [f for f in findings if f.severity is Severity.ERROR]
    # The bundled partnerships have about 0.7 findings a measure (warnings and infos).
    assert 0.3 <= len(findings) / tiny.measures <= 1.5


def test_a_plan_with_rows_has_them_all_in_one_focus_area(
    tmp_path: Path, manager: PluginManager
) -> None:
    source = REPO / "plugins/helgeland/src/helsefellesskap_helgeland/data"
    (tmp_path / "plans").mkdir()
    (tmp_path / "partnership.toml").write_bytes((source / "partnership.toml").read_bytes())
    (tmp_path / "declarations").mkdir()
    for path in (source / "declarations").glob("*.toml"):
        (tmp_path / "declarations" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "plans" / "plan.toml").write_text(plan_with_rows(37), encoding="utf-8")
    bundle = load_bundle(tmp_path, types=manager.document_types())
    (plan,) = bundle.documents_of(ActionPlan)
    assert len(plan.focus_areas) == 1
    assert sum(1 for _ in plan.measures()) == 37
    report = validate(bundle, manager=manager)
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_a_value_that_is_only_a_bound_or_failed_is_a_miss() -> None:
    assert Figure(key="a", what="a", value=1.0, target=1.5).verdict == "ok"
    assert Figure(key="a", what="a", value=2.0, target=1.5).verdict == "MISS"
    assert Figure(key="a", what="a", value=0.1, target=1.5, lower_bound=True).verdict == "MISS"
    assert Figure(key="a", what="a", value=None, target=1.5, error="failed: x").verdict == "MISS"
    assert Figure(key="a", what="a", value=None, target=1.5, skipped="no docx").ok
    table = format_table([Figure(key="a", what="thing", value=2.0, target=1.5)])
    assert "| thing | 2.00× | ≤ 1.5× | MISS |" in table


def _bench(args: list[str], work: Path, *, strict: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("BENCH_STRICT", None)
    if strict:
        env["BENCH_STRICT"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", *TINY, "--work", str(work), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _row(output: str, what: str) -> list[str]:
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells and cells[0] == what:
            return cells
    raise AssertionError(f"no table row {what!r} in:\n{output}")


@pytest.fixture(scope="module")
def strict_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> StrictRun:
    """Every figure on a tiny corpus, under BENCH_STRICT=1 with an impossible target."""
    work = tmp_path_factory.mktemp("bench")
    done = _bench(
        [
            "--target",
            "load=0.0001",
            "--word-rows",
            "5,10",
            "--word-budget",
            "10",
            "--docx-budget",
            "1",
            "--json",
            str(work / "figures.json"),
        ],
        work,
        strict=True,
    )
    assert (work / "figures.json").is_file(), done.stdout + done.stderr
    figures = json.loads((work / "figures.json").read_text("utf-8"))["figures"]
    return done, figures


@pytest.mark.slow
def test_a_missed_target_prints_miss_and_fails_under_bench_strict(
    strict_run: StrictRun,
) -> None:
    done, _ = strict_run
    assert done.returncode == 1, done.stdout + done.stderr
    row = _row(done.stdout, "load + validate (read, walk, load, all rules)")
    assert row[2] == "≤ 0.0001×"
    assert row[3] == "MISS"
    assert re.search(r"^MISS: \d+ of \d+ figures missed their target \(.*load", done.stdout, re.M)


@pytest.mark.slow
def test_the_table_has_every_figure_with_its_target(
    strict_run: StrictRun,
) -> None:
    done, figures = strict_run
    keys = {figure["key"] for figure in figures}
    assert keys == {
        "load",
        "md",
        "html",
        "json",
        "docx",
        "word-5",
        "word-10",
        "word-linear",
        "scale",
        "memory",
        "cli-version",
        "cli-plugins",
        "cli-list",
        "cli-check",
        "cli-render",
    }
    for figure in figures:
        row = _row(done.stdout, str(figure["what"]))
        assert re.fullmatch(r"(> )?\d+(\.\d+)?×|failed|–", row[1]), row
        assert row[2] == f"≤ {figure['target']:g}×", row
        assert row[3] in ("ok", "MISS", "skipped"), row
        assert not figure["error"], figure  # every figure could be measured
    for line in ("machine:", "python:", "baseline parser:", "corpus:", "bytes per measure"):
        assert line in done.stdout


def test_a_miss_does_not_fail_the_run_without_bench_strict(tmp_path: Path) -> None:
    done = _bench(
        ["--only", "corpus", "--formats", "md", "--target", "load=0.0001"], tmp_path, strict=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _row(done.stdout, "load + validate (read, walk, load, all rules)")[3] == "MISS"
    assert "set BENCH_STRICT=1 to fail on a miss" in done.stdout


def test_a_corpus_that_does_not_load_fails_its_figures_without_a_traceback(tmp_path: Path) -> None:
    args = ["--only", "corpus", "--formats", "md"]
    assert _bench(args, tmp_path, strict=False).returncode == 0
    (plan,) = sorted(tmp_path.glob("corpus-*/02-helgeland/plans/*-rev1.toml"))
    plan.write_text(plan.read_text("utf-8") + 'broken = = "\n', encoding="utf-8")
    done = _bench(args, tmp_path, strict=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    for what in ("load + validate (read, walk, load, all rules)", "Markdown render of the corpus"):
        row = _row(done.stdout, what)
        assert row[1] == "failed"
        assert row[3] == "MISS"
        assert plan.name in row[6] and "TOML syntax error" in row[6]
