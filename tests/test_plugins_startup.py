"""What each command imports when it starts (issue 11 §3): only what it needs.

Each command runs as a user runs it, a fresh ``python -m helsefellesskap`` with the
plugins installed in the environment, twice (the first fills the cache of installed
plugins, as any earlier command would have); the second one's ``sys.modules`` at exit
names every module it imported. No timing: what is imported is what costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE

PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"

WRITERS = ("docx", "weasyprint", "openpyxl", "lxml")
"""Libraries of the Word, PDF and spreadsheet writers."""

NOT_FOR_LISTING = (
    "cattrs",  # valid data is loaded by the generated functions (io/fast.py)
    "helsefellesskap.io.positions",  # placing problems: valid data has none
    "shutil",  # argparse's terminal width, found without it
    "difflib",  # did-you-means: for wrong data only
    "tomli_w",  # writing TOML
    "jinja2",
    "markupsafe",
    "tomlkit",
    *WRITERS,
    "importlib.metadata",
    "importlib.resources",  # the package data is read from its folder
    "helsefellesskap.render",
    "helsefellesskap.outline",
    "helsefellesskap.validate",
    "helsefellesskap.importing",
    "helsefellesskap.followup",
    "helsefellesskap_docx.format",
    "helsefellesskap_pdf.format",
    "helsefellesskap.shapes",  # the JSON shapes: --format json only
    "json",  # --format json only; the cache of installed plugins is marshal data
    "helsefellesskap.io.problems",  # explaining wrong data: the shipped data is right
)
"""What ``helsefellesskap list`` has no use for: it loads the shipped partnerships."""


def imported(tmp_path: Path, *arguments: str) -> set[str]:
    """The modules a fresh ``python -m helsefellesskap ARGUMENTS`` has imported when it
    exits, its cache of installed plugins already filled."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # not the template
    env["HELSEFELLESSKAP_CACHE_DIR"] = str(tmp_path / "cache")
    for name in ("HELSEFELLESSKAP_NO_CACHE", "HELSEFELLESSKAP_NO_ENTRY_POINTS"):
        env.pop(name, None)
    env.pop("HELSEFELLESSKAP_DISABLE_PLUGINS", None)
    listing = tmp_path / "modules.txt"
    # sys.modules at exit: -X importtime misses what importlib.import_module imports
    code = (
        "import atexit, runpy, sys\n"  # not json: whether a command imports it is asked
        f"out = open({str(listing)!r}, 'w')\n"
        "atexit.register(lambda: out.write('\\n'.join(sorted(sys.modules))) and out.close())\n"
        f"sys.argv = ['helsefellesskap', *{list(arguments)!r}]\n"
        "runpy.run_module('helsefellesskap', run_name='__main__', alter_sys=True)\n"
    )
    command = [sys.executable, "-c", code]
    subprocess.run(command, capture_output=True, env=env, check=False)
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    names = set(listing.read_text(encoding="utf-8").splitlines())
    assert "helsefellesskap.cli" in names  # the measurement itself works
    return names


def among(names: set[str], packages: tuple[str, ...]) -> list[str]:
    """The ``names`` that are one of ``packages`` or inside one."""
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def test_list_imports_no_renderer_writer_rule_or_metadata_scan(tmp_path: Path) -> None:
    names = imported(tmp_path, "list")
    assert "helsefellesskap_helgeland.plugin" in names  # the plugins were loaded
    assert among(names, NOT_FOR_LISTING) == []


def test_check_loads_and_imports_no_renderer_writer_or_rule(tmp_path: Path) -> None:
    names = imported(tmp_path, "check", str(EXAMPLE))
    assert "helsefellesskap.io" in names
    unwanted = (
        "cattrs",  # valid data is loaded by the generated functions (io/fast.py)
        "helsefellesskap.io.positions",  # placing problems: the example has none
        "shutil",
        "difflib",
        "tomli_w",
        "jinja2",
        "tomlkit",
        *WRITERS,
        "importlib.metadata",
        "importlib.resources",  # the package data is read from its folder
        "helsefellesskap.render",
        "helsefellesskap.outline",
        "helsefellesskap.validate.rules",
        "helsefellesskap.importing",
        "helsefellesskap.followup",
        "helsefellesskap_docx.format",
        "helsefellesskap_pdf.format",
        "helsefellesskap.shapes",  # the JSON answer's shape: --format json only
        "json",  # the same
        "helsefellesskap.io.problems",  # explaining wrong data: the example is right
    )
    assert among(names, unwanted) == []


def test_check_json_imports_its_shape(tmp_path: Path) -> None:
    names = imported(tmp_path, "check", "--format", "json", str(EXAMPLE))
    assert "helsefellesskap.shapes.check" in names


def test_plugins_lists_formats_and_rules_without_importing_them(tmp_path: Path) -> None:
    names = imported(tmp_path, "plugins")
    assert "helsefellesskap.importing.importer" in names  # the Word importer is listed
    assert "helsefellesskap_troms_ofoten.plugin" in names  # its rule TO101 is listed
    unwanted = (
        "cattrs",  # nothing is loaded: no converter
        "helsefellesskap.model",  # rules, partnerships and formats are listed by name
        "helsefellesskap.validate.rules",  # rules are declared by code (lazy_rule)
        "helsefellesskap.validate.finding",
        "helsefellesskap.validate.context",
        "helsefellesskap.validate.engine",
        "helsefellesskap_troms_ofoten.rules",
        "helsefellesskap_troms_ofoten.presentation",  # its layout: not listed
        "helsefellesskap.io.converter",
        "helsefellesskap.io.fast",
        "helsefellesskap_docx.importer",  # listed by name: its reader loads when it reads
        "shutil",
        "jinja2",
        "tomlkit",
        "helsefellesskap.importing.writer",
        "helsefellesskap.importing.spreadsheets",
        *WRITERS,
        "importlib.metadata",
        "importlib.resources",  # the package data is read from its folder
        "helsefellesskap.outline",
        "helsefellesskap.followup",
        "helsefellesskap.render.html",
        "helsefellesskap.render.markdown",
        "helsefellesskap.render.json",
        "helsefellesskap_docx.format",
        "helsefellesskap_pdf.format",
    )
    assert among(names, unwanted) == []


def test_render_html_imports_jinja2_and_no_other_format(tmp_path: Path) -> None:
    names = imported(tmp_path, "render", "-f", "html", str(PLAN))
    assert {"jinja2", "helsefellesskap.render.html"} <= names
    unwanted = (
        "cattrs",
        "tomlkit",
        *WRITERS,
        "importlib.metadata",
        "importlib.resources",  # the package data is read from its folder
        "helsefellesskap.render.markdown",
        "helsefellesskap.render.json",
        "helsefellesskap.followup",  # only the changelog's and reports' outlines need it
        "helsefellesskap.outline.changelog",
        "helsefellesskap.outline.governance",
        "helsefellesskap.importing",
        "helsefellesskap_docx.format",
        "helsefellesskap_pdf.format",
        "helsefellesskap.io.positions",  # the findings are only counted: none is placed
        "helsefellesskap.render.chart_svg",  # the plan has no figure to draw
        "helsefellesskap.render.svg",
        "difflib",  # did-you-means: for wrong names and references only
    )
    assert among(names, unwanted) == []


@pytest.mark.parametrize("arguments", [["--version"], ["--version", "--disable-plugin", "x"]])
def test_version_loads_no_plugin(tmp_path: Path, arguments: list[str]) -> None:
    names = imported(tmp_path, *arguments)
    assert among(names, ("helsefellesskap.plugins", "pluggy", "helsefellesskap.model")) == []
    # nor the command line itself: the version is answered before anything is imported
    assert among(names, ("attrs", "attr", "argparse", "helsefellesskap.cli.app")) == []
