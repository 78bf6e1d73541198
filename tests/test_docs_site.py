"""The documentation site: it builds strictly, its references are generated, its tutorial runs.

Also the public API guard: the names in the packages' ``__all__`` are compared with the
snapshot ``tests/api_names.txt``, so that removing a name fails (on purpose, update the
snapshot) and adding one asks for the snapshot and the docs to follow.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from helsefellesskap.schema import schemas

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
SNAPSHOT = Path(__file__).resolve().parent / "api_names.txt"


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hf_docs_reference", DOCS / "_hooks" / "reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = _reference()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built with ``mkdocs build --strict`` (any warning fails the build)."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def _nav_pages(items: object) -> list[str]:
    if isinstance(items, str):
        return [items]
    if isinstance(items, list):
        return [page for item in items for page in _nav_pages(item)]
    if isinstance(items, dict):
        return [page for value in items.values() for page in _nav_pages(value)]
    return []


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its !ENV and !!python tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@pytest.mark.slow
def test_site_builds_strictly_with_every_page(site: Path) -> None:
    for page in (
        "index",
        "getting-started",
        "tutorial",
        "data-format",
        "rules",
        "rendering",
        "follow-up",
        "plugins",
        "glossary",
        "architecture",
        "reference/data-format",
        "reference/cli",
        "reference/hooks",
        "reference/rules",
        "reference/api",
    ):
        assert (site / f"{page}.html").is_file(), page


def test_every_page_is_in_the_navigation() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    nav = set(_nav_pages(config["nav"]))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_hooks" not in p.parts}
    assert pages - nav == set(), "add these pages to nav in mkdocs.yml"
    assert set(reference.PAGES) <= nav


def test_data_format_reference_has_every_key_of_the_model() -> None:
    page = reference.data_format_page()
    for name, schema in schemas().items():
        assert f"## {schema['title']}" in page
        for part in (schema, *schema.get("$defs", {}).values()):
            for key in part.get("properties", {}):
                assert f"| `{key}` |" in page, (name, key)
    assert "### Measure" in page and "### Deadline" in page


def test_cli_reference_has_every_command_with_its_exit_codes() -> None:
    page = reference.cli_page()
    for command in ("check", "validate", "render", "diff", "new", "schema", "completion"):
        assert f"## {command}" in page
        assert f"usage: helsefellesskap {command}" in page
    assert page.count("exit status:") >= 10


def test_hook_and_rule_references_are_complete() -> None:
    from helsefellesskap import PluginManager, hookspecs

    hooks = reference.hooks_page()
    for name in dir(hookspecs):
        if name.startswith("hf_"):
            assert f"## {name}" in hooks
    rules = reference.rules_page()
    for code in PluginManager(entry_points=False, use_env=False).rules():
        assert f"| `{code}` |" in rules


def test_public_api_keeps_every_name_of_the_snapshot() -> None:
    current = set(reference.api_names())
    snapshot = set(SNAPSHOT.read_text("utf-8").split())
    removed = sorted(snapshot - current)
    assert not removed, (
        f"names removed from the public API: {removed}. If that is meant, say so in the "
        "changelog and update the snapshot: "
        "python docs/_hooks/reference.py --api-names > tests/api_names.txt"
    )
    added = sorted(current - snapshot)
    assert not added, (
        f"new public names: {added}. Give them docstrings and update the snapshot: "
        "python docs/_hooks/reference.py --api-names > tests/api_names.txt"
    )


def test_api_reference_lists_every_public_name() -> None:
    page = reference.api_page()
    for entry in reference.api_names():
        _module, name = entry.split(":")
        assert f"| `{name}` |" in page


def _tutorial_commands() -> str:
    text = (DOCS / "tutorial.md").read_text("utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert len(blocks) >= 5
    return "".join(blocks)


@pytest.mark.slow
def test_tutorial_commands_work_as_written(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    script = "set -euo pipefail\n" + _tutorial_commands()
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    folder = tmp_path / "hf-malvik"
    assert "ok: Helsefellesskap Malvik: 5 partners, 2 bodies" in result.stdout
    assert list((folder / "build").glob("handlingsplan-*.docx"))
    assert (folder / "helsefellesskap-malvik" / "pyproject.toml").is_file()
