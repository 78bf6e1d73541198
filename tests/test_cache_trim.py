"""The user's cache stays bounded (issue 11): the parsed catalogues (``toml/``) and the
compiled templates (``templates/``) are trimmed by the process that writes one, of
entries not used for a while and of the least recently used past a number."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helsefellesskap import tomlcache, usercache
from helsefellesskap.tomlcache import cache_file, load_catalogue
from helsefellesskap.usercache import (
    CACHE_DIR_ENV,
    IDLE_DAYS,
    NO_CACHE_ENV,
    TEMPLATE_FILES,
    template_bytecode_cache,
    trim,
)

from .conftest import EXAMPLE, REPO

DAY = 86400.0
NOW = 2_000_000_000.0


@pytest.fixture(autouse=True)
def fresh_process_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test trims as a new process would (trimming is once a process and folder)."""
    monkeypatch.setattr(usercache, "_TRIMMED", set())
    monkeypatch.setattr(tomlcache, "_PRIVATE", {})


def touch(path: Path, used: float, *, written: float | None = None) -> Path:
    """A cache file last read at ``used`` and written at ``written`` (``used`` if not
    given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(b"kept")
    os.utime(path, (used, used if written is None else written))
    return path


def names(folder: Path) -> set[str]:
    return {item.name for item in folder.iterdir()}


def test_entries_not_used_for_a_while_go(tmp_path: Path) -> None:
    touch(tmp_path / "read-today", NOW - 3600, written=NOW - 400 * DAY)
    touch(tmp_path / "written-yesterday", NOW - DAY)
    touch(tmp_path / "unused", NOW - (IDLE_DAYS + 1) * DAY)
    touch(tmp_path / ".half-written-long-ago", NOW - 90 * DAY)
    assert sorted(trim(tmp_path, 100, now=NOW)) == [".half-written-long-ago", "unused"]
    assert names(tmp_path) == {"read-today", "written-yesterday"}


def test_past_the_limit_the_least_recently_used_go(tmp_path: Path) -> None:
    for index in range(10):
        touch(tmp_path / f"entry-{index}", NOW - index * 60)
    removed = trim(tmp_path, 4, now=NOW)
    assert removed == [f"entry-{index}" for index in range(4, 10)]
    assert names(tmp_path) == {f"entry-{index}" for index in range(4)}


def test_a_folder_counts_as_used_when_anything_in_it_was(tmp_path: Path) -> None:
    touch(tmp_path / "current" / "__jinja2_a.cache", NOW - 40 * DAY)
    touch(tmp_path / "current" / "__jinja2_b.cache", NOW - 60)  # read a minute ago
    touch(tmp_path / "old" / "__jinja2_a.cache", NOW - 40 * DAY)
    touch(tmp_path / "old" / "__jinja2_b.cache", NOW - 50 * DAY)
    for folder in ("current", "old"):  # listed just now (atime), written long ago
        os.utime(tmp_path / folder, (NOW, NOW - 50 * DAY))
    assert trim(tmp_path, 8, now=NOW) == ["old"]
    assert names(tmp_path) == {"current"}
    assert names(tmp_path / "current") == {"__jinja2_a.cache", "__jinja2_b.cache"}


def test_once_a_process_and_never_an_error(tmp_path: Path) -> None:
    assert trim(tmp_path / "missing", 1, now=NOW) == []
    touch(tmp_path / "a", NOW - 60)
    touch(tmp_path / "b", NOW - 120)
    assert trim(tmp_path, 1, now=NOW) == ["b"]
    touch(tmp_path / "c", NOW - 180)
    assert trim(tmp_path, 1, now=NOW) == []  # listed once a process
    assert names(tmp_path) == {"a", "c"}


def test_an_entry_another_process_removed_first_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(tmp_path / "fresh", NOW)
    touch(tmp_path / "gone", NOW - 90 * DAY)
    touch(tmp_path / "old", NOW - 90 * DAY)
    real_unlink = os.unlink

    def racing(path: str | os.PathLike[str]) -> None:
        if Path(path).name == "gone":  # the other process was quicker
            real_unlink(path)
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", racing)
    assert trim(tmp_path, 10, now=NOW) == ["old"]
    assert names(tmp_path) == {"fresh"}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def catalogue(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "catalogues" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'name = "{name}"\n', encoding="utf-8")
    return path


def test_writing_a_parsed_catalogue_trims_the_toml_folder(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = time.time()
    old = touch(cache / "toml" / "cli-00000000-00000000.marshal", now - (IDLE_DAYS + 5) * DAY)
    monkeypatch.setattr(tomlcache, "ENTRIES", 3)
    kept = []
    for index in range(3):  # recent entries, each a minute older than the one before
        kept.append(touch(cache / "toml" / f"help-{index:08x}-00000000.marshal", now - index * 60))
    new = catalogue(tmp_path, "new")
    assert load_catalogue(new) == {"name": "new"}  # parsed and kept: the folder is trimmed
    written = cache_file(new)
    assert written is not None
    assert names(cache / "toml") == {written.name, kept[0].name, kept[1].name}
    assert not old.exists()


def test_reading_a_kept_catalogue_lists_no_folder(cache: Path, tmp_path: Path) -> None:
    path = catalogue(tmp_path, "kept")
    assert load_catalogue(path) == {"name": "kept"}
    old = touch(cache / "toml" / "old-00000000-00000000.marshal", time.time() - 400 * DAY)
    usercache._TRIMMED.clear()  # a new process
    tomlcache._PRIVATE.clear()
    assert load_catalogue(path) == {"name": "kept"}  # from the cache: nothing written
    assert old.exists()


def test_no_cache_folder_no_trimming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    assert load_catalogue(catalogue(tmp_path, "plain")) == {"name": "plain"}
    assert not usercache._TRIMMED


def render_html(cache: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in (CACHE_DIR_ENV, NO_CACHE_ENV)}
    env[CACHE_DIR_ENV] = str(cache)
    plan = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"
    command = [sys.executable, "-m", "helsefellesskap", "render", "-f", "html", str(plan)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_compiling_a_template_trims_its_folder_and_the_other_options_folders(
    cache: Path,
) -> None:
    html_module = REPO / "src" / "helsefellesskap" / "render" / "html.py"
    assert template_bytecode_cache(html_module) is not None  # makes this version's folder
    (current,) = (cache / "templates").iterdir()
    now = time.time()
    stale = touch(current / "__jinja2_stale.cache", now - (IDLE_DAYS + 1) * DAY)
    recent = touch(current / "__jinja2_recent.cache", now - DAY)
    old_version = touch(cache / "templates" / "0badc0de" / "__jinja2_a.cache", now - 90 * DAY)
    other_version = touch(cache / "templates" / "0ddba11a" / "__jinja2_a.cache", now - DAY)
    for folder in (old_version.parent, other_version.parent):  # made long ago
        os.utime(folder, (now - 90 * DAY, now - 90 * DAY))
    expected = render_html(cache)
    assert "<html" in expected
    assert not stale.exists() and recent.exists()
    assert not old_version.parent.exists() and other_version.exists()
    compiled = sorted(current.glob("__jinja2_*.cache"))
    assert len(compiled) > 2 and len(compiled) <= TEMPLATE_FILES
    assert render_html(cache) == expected  # the pages read back from the trimmed cache
