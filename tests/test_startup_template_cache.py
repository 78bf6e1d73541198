"""Compiled HTML templates kept between runs (issue 11 §3): the same pages with or without
the cache, whatever state its files are in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helsefellesskap.usercache import (
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    private,
    template_bytecode_cache,
)

from .conftest import EXAMPLE

PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"


def render_html(cache: Path | None) -> str:
    """The HTML page of the example's plan from a fresh ``helsefellesskap render``."""
    env = {k: v for k, v in os.environ.items() if k not in (CACHE_DIR_ENV, NO_CACHE_ENV)}
    if cache is None:
        env[NO_CACHE_ENV] = "1"
    else:
        env[CACHE_DIR_ENV] = str(cache)
    command = [sys.executable, "-m", "helsefellesskap", "render", "-f", "html", str(PLAN)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def compiled(cache: Path) -> list[Path]:
    return sorted((cache / "templates").glob("*/__jinja2_*.cache"))


def test_the_pages_are_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    without = render_html(None)
    assert "<html" in without
    assert render_html(cache) == without
    files = compiled(cache)
    assert files  # the templates the page used were kept
    stamps = [f.stat().st_mtime_ns for f in files]
    assert render_html(cache) == without
    assert [f.stat().st_mtime_ns for f in compiled(cache)] == stamps  # read, not rewritten


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = render_html(cache)
    for path in compiled(cache):
        path.write_bytes(b"j2 not what jinja wrote")
    assert render_html(cache) == expected
    render_html(cache)  # written anew
    for path in compiled(cache):  # the header intact, the compiled code cut in half
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    assert render_html(cache) == expected


def test_a_cache_folder_that_cannot_exist_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert render_html(blocker / "cache") == render_html(None)


def test_changed_environment_options_use_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    settings = tmp_path / "settings.py"
    settings.write_text("trim_blocks = True\n", encoding="utf-8")
    first = template_bytecode_cache(settings)
    settings.write_text("trim_blocks = False  # changed\n", encoding="utf-8")
    second = template_bytecode_cache(settings)
    assert first is not None and second is not None
    assert first.directory != second.directory  # type: ignore[attr-defined]
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    assert template_bytecode_cache(settings) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_only_a_folder_no_other_user_can_write_to_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o700)
    assert private(folder)
    folder.chmod(0o775)
    assert not private(folder)
    assert not private(tmp_path / "missing")
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert not private(tmp_path / "file")
    settings = tmp_path / "settings.py"
    settings.write_text("", encoding="utf-8")
    shared = tmp_path / "shared"
    monkeypatch.setenv(CACHE_DIR_ENV, str(shared))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    cache = template_bytecode_cache(settings)
    assert cache is not None
    Path(cache.directory).chmod(0o777)  # type: ignore[attr-defined]
    assert template_bytecode_cache(settings) is None
