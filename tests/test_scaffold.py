"""``helsefellesskap new``: valid starting points that never replace a file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helsefellesskap import ActionPlan, OutputExistsError, load_bundle
from helsefellesskap.scaffold import new_partnership, new_plan, new_plugin
from helsefellesskap.testing import run_cli

YEAR = dt.date.today().year


def _taplo_ok(*files: Path) -> None:
    taplo = shutil.which("taplo") or str(Path(sys.executable).parent / "taplo")
    result = subprocess.run(
        [taplo, "check", *map(str, files)],
        capture_output=True,
        text=True,
        env={**os.environ, "RUST_LOG": "error"},
    )
    assert result.returncode == 0, result.stderr


def test_new_partnership_passes_check_and_validate(tmp_path: Path) -> None:
    folder = tmp_path / "Mitt Fellesskap"
    result = run_cli("new", "partnership", str(folder))
    assert result.code == 0, result.stderr
    assert f"wrote {folder / 'partnership.toml'}" in result.stdout
    assert result.stdout.rstrip().endswith(f"next: helsefellesskap check {folder}")
    check = run_cli("check", str(folder))
    assert check.code == 0, check.stderr
    assert check.stdout.startswith("ok: Helsefellesskap Mitt Fellesskap: 5 partners, 2 bodies")
    validated = run_cli("validate", str(folder))
    assert validated.code == 0, validated.stdout
    assert "0 errors, 0 warnings" in validated.stdout
    bundle = load_bundle(folder)
    assert bundle.partnership.id == "mitt-fellesskap"
    toml_files = sorted(folder.rglob("*.toml"))
    assert all(f.read_text("utf-8").startswith("#:schema ") for f in toml_files)
    _taplo_ok(*toml_files)


def test_new_partnership_never_overwrites(tmp_path: Path) -> None:
    new_partnership(tmp_path / "p")
    partnership = tmp_path / "p" / "partnership.toml"
    partnership.write_text(partnership.read_text("utf-8") + "# mine\n", "utf-8")
    before = {f: f.read_bytes() for f in (tmp_path / "p").rglob("*") if f.is_file()}
    with pytest.raises(OutputExistsError, match="nothing was written"):
        new_partnership(tmp_path / "p")
    result = run_cli("new", "partnership", str(tmp_path / "p"))
    assert result.code == 2
    assert "exist" in result.stderr and "nothing was written" in result.stderr
    after = {f: f.read_bytes() for f in (tmp_path / "p").rglob("*") if f.is_file()}
    assert after == before


def test_new_plan_takes_the_next_free_year_and_validates(tmp_path: Path) -> None:
    new_partnership(tmp_path / "p")
    result = run_cli("new", "plan", str(tmp_path / "p"))
    assert result.code == 0, result.stderr
    written = tmp_path / "p" / "plans" / f"handlingsplan-{YEAR + 1}.toml"
    assert f"wrote {written}" in result.stdout
    plan = load_bundle(tmp_path / "p").require(f"handlingsplan-{YEAR + 1}")
    assert isinstance(plan, ActionPlan)
    assert plan.basis.declaration == f"erklaering-{YEAR}-{YEAR + 3}"
    assert run_cli("validate", str(tmp_path / "p")).code == 0
    _taplo_ok(written)
    taken = run_cli("new", "plan", str(tmp_path / "p"), "--year", str(YEAR))
    assert taken.code == 2
    assert f"has a document 'handlingsplan-{YEAR}' already" in taken.stderr
    # A file by the name the plan would get, holding another id: it is not replaced.
    other = tmp_path / "p" / "plans" / f"handlingsplan-{YEAR + 2}.toml"
    other.write_text(written.read_text("utf-8").replace(f"handlingsplan-{YEAR + 1}", "x"))
    before = other.read_bytes()
    with pytest.raises(OutputExistsError):
        new_plan(tmp_path / "p", year=YEAR + 2)
    assert other.read_bytes() == before


def test_new_plan_outside_a_partnership_is_an_error(tmp_path: Path) -> None:
    result = run_cli("new", "plan", str(tmp_path))
    assert result.code == 2
    assert "is not a partnership folder" in result.stderr


def test_new_plugin_refuses_a_bad_name(tmp_path: Path) -> None:
    result = run_cli("new", "plugin", "Mitt Fellesskap", "-o", str(tmp_path))
    assert result.code == 2
    assert '"mitt-fellesskap"' in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_new_plugin_installs_and_its_tests_pass(tmp_path: Path) -> None:
    written = new_plugin("malvik", tmp_path)
    project = tmp_path / "helsefellesskap-malvik"
    assert project / "pyproject.toml" in written
    with pytest.raises(OutputExistsError):
        new_plugin("malvik", tmp_path)
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(project),
        ],
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
    }
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(project / "tests")],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "helsefellesskap", "list", "malvik"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert listed.returncode == 0, listed.stderr
    assert "malvik: Helsefellesskap Malvik" in listed.stdout
    _taplo_ok(*sorted((project / "src").rglob("*.toml")))


def test_a_bad_id_is_refused_with_the_loaders_message_and_nothing_written(tmp_path: Path) -> None:
    result = run_cli("new", "partnership", str(tmp_path / "p"), "--id", "Mitt HF")
    assert result.code == 2
    assert "$.id: 'Mitt HF' is not a valid id" in result.stderr
    assert 'write "mitt-hf"' in result.stderr
    assert not (tmp_path / "p").exists()
    new_partnership(tmp_path / "q")
    plan = run_cli("new", "plan", str(tmp_path / "q"), "--id", "Plan 2")
    assert plan.code == 2 and "'Plan 2' is not a valid id" in plan.stderr
    assert not (tmp_path / "q" / "plans" / "Plan 2.toml").exists()


def test_a_name_with_quotes_is_written_as_toml_text(tmp_path: Path) -> None:
    new_partnership(tmp_path / "p", name='Helsefellesskap "Nord" \\ Sør')
    assert load_bundle(tmp_path / "p").partnership.name == 'Helsefellesskap "Nord" \\ Sør'
