"""Every distribution builds as a wheel, and the wheels install and run in a fresh venv.

This is what a secretariat without git does: ``pip install`` the wheels (here from a
folder, as from PyPI) into an empty virtual environment, with the runtime dependencies
from the package index, then run the command. The projects are copied before building,
so that no ``build/`` folder or stale file of the working tree gets into a wheel.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from helsefellesskap import __version__

REPO = Path(__file__).resolve().parent.parent
PROJECTS = {
    "helsefellesskap": REPO,
    "helsefellesskap-docx": REPO / "plugins" / "docx",
    "helsefellesskap-pdf": REPO / "plugins" / "pdf",
    "helsefellesskap-xlsx": REPO / "plugins" / "xlsx",
    "helsefellesskap-troms-ofoten": REPO / "plugins" / "troms-ofoten",
    "helsefellesskap-helgeland": REPO / "plugins" / "helgeland",
}
_ANYWHERE = shutil.ignore_patterns(".*", "*.egg-info", "__pycache__")
_AT_TOP = {"build", "dist", "tests", "examples", "plugins", "benchmarks", "docs"}


def _copy(project: Path, target: Path) -> Path:
    """Copy what a build reads: the project's files, without outputs and other projects."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = set(_ANYWHERE(folder, names))
        if Path(folder) == project:
            skipped |= _AT_TOP & set(names)
        return skipped

    shutil.copytree(project, target, ignore=ignore)
    return target


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The distributions of PROJECTS built with ``python -m build --wheel`` into one folder."""
    root = tmp_path_factory.mktemp("wheels")
    out = root / "dist"
    builds = [  # side by side: each build is a process of its own
        subprocess.Popen(
            # --no-isolation: the build backend of this environment (setuptools, from the
            # dev extra) instead of a new one per build, which takes most of the time.
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                str(out),
                str(source),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for source in (_copy(project, root / "src" / name) for name, project in PROJECTS.items())
    ]
    for build in builds:
        output, _ = build.communicate()
        assert build.returncode == 0, output
    return out


@pytest.mark.slow
def test_each_distribution_builds_a_wheel_with_its_data(wheels: Path) -> None:
    built = sorted(path.name for path in wheels.glob("*.whl"))
    assert [re.sub(r"-\d.*", "", name) for name in built] == [
        "helsefellesskap",
        "helsefellesskap_docx",
        "helsefellesskap_helgeland",
        "helsefellesskap_pdf",
        "helsefellesskap_troms_ofoten",
        "helsefellesskap_xlsx",
    ]
    core = next(wheels.glob("helsefellesskap-*.whl"))
    names = set(zipfile.ZipFile(core).namelist())
    for shipped in (
        "helsefellesskap/py.typed",
        "helsefellesskap/data/national.toml",
        "helsefellesskap/schemas/partnership.schema.json",
        "helsefellesskap/schemas/action-plan.schema.json",
    ):
        assert shipped in names
    troms = next(wheels.glob("helsefellesskap_troms_ofoten-*.whl"))
    assert any(n.endswith("data/partnership.toml") for n in zipfile.ZipFile(troms).namelist())
    pdf = set(zipfile.ZipFile(next(wheels.glob("helsefellesskap_pdf-*.whl"))).namelist())
    for shipped in (
        "helsefellesskap_pdf/py.typed",
        "helsefellesskap_pdf/templates/pdf/page.html.j2",
        "helsefellesskap_pdf/templates/pdf/paged.css.j2",
        "helsefellesskap_pdf/messages/nn/pdf.toml",
    ):
        assert shipped in pdf
    xlsx = zipfile.ZipFile(next(wheels.glob("helsefellesskap_xlsx-*.whl")))
    for shipped in (
        "helsefellesskap_xlsx/py.typed",
        "helsefellesskap_xlsx/plugin.py",
        "helsefellesskap_xlsx/workbook.py",
        "helsefellesskap_xlsx/messages/nn/xlsx.toml",
    ):
        assert shipped in xlsx.namelist()
    entry_points = next(n for n in xlsx.namelist() if n.endswith(".dist-info/entry_points.txt"))
    assert "xlsx = helsefellesskap_xlsx.plugin" in xlsx.read(entry_points).decode()


@pytest.mark.parametrize("name", [n for n in PROJECTS if n != "helsefellesskap"])
def test_plugins_declare_the_core_versions_they_work_with(name: str) -> None:
    meta = tomllib.loads((PROJECTS[name] / "pyproject.toml").read_text("utf-8"))["project"]
    core = [d for d in meta["dependencies"] if re.match(r"helsefellesskap\b(?!-)", d)]
    assert len(core) == 1
    match = re.fullmatch(r"helsefellesskap>=([\d.]+),<([\d.]+)", core[0].replace(" ", ""))
    assert match, f"{name}: write the core dependency as helsefellesskap>=X,<Y, not {core[0]!r}"
    low, high = (tuple(int(p) for p in v.split(".")) for v in match.groups())
    current = tuple(int(p) for p in __version__.split(".")[:2])
    assert low <= current < high


@pytest.mark.slow
def test_wheels_install_into_a_fresh_venv_and_the_command_runs(
    wheels: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The core with its docx extra and the two partnerships, as files; their dependencies
    # (attrs, cattrs, python-docx …) from the package index, as a secretariat's pip gets them.
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--find-links",
            str(wheels),  # where helsefellesskap-docx is found for the extra
            f"{next(wheels.glob('helsefellesskap-*.whl'))}[docx]",
            str(next(wheels.glob("helsefellesskap_troms_ofoten-*.whl"))),
            str(next(wheels.glob("helsefellesskap_helgeland-*.whl"))),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    command = env_dir / "bin" / "helsefellesskap"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HELSEFELLESSKAP", "PYTHON"))}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(command), *args], capture_output=True, text=True, env=clean, cwd=tmp_path
        )

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"helsefellesskap {__version__}"
    # Installed from the wheel, not from this working tree.
    where = subprocess.run(
        [str(python), "-c", "import helsefellesskap; print(helsefellesskap.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=clean,
        cwd=tmp_path,
    ).stdout
    assert str(env_dir) in where and str(REPO / "src") not in where
    plugins = run("plugins")
    assert plugins.returncode == 0, plugins.stderr
    for name in ("docx", "troms-ofoten", "helgeland"):
        assert name in plugins.stdout
    assert "template" not in plugins.stdout
    validated = run("validate", "troms-ofoten")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "error" not in validated.stderr
    word = run("render", "troms-ofoten/handlingsplan-2023", "-f", "docx", "-o", "plan.docx")
    assert word.returncode == 0, word.stderr
    assert (tmp_path / "plan.docx").read_bytes()[:2] == b"PK"
