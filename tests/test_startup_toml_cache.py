"""The parsed message catalogues kept between runs (issue 11 §3): the same tables as
parsing the file, taken from the cache only while the file holds the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import tomli

from helsefellesskap import tomlcache
from helsefellesskap.tomlcache import cache_file, load_catalogue

from .conftest import EXAMPLE, REPO

CATALOGUES = sorted((REPO / "src" / "helsefellesskap" / "messages").glob("*/*.toml"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    monkeypatch.delenv("HELSEFELLESSKAP_NO_CACHE", raising=False)
    monkeypatch.setenv("HELSEFELLESSKAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tomlcache, "_PRIVATE", {})
    return tmp_path / "cache"


def test_every_core_catalogue_is_the_same_parsed_and_kept(cache: Path) -> None:
    assert len(CATALOGUES) >= 3 * 16
    for path in CATALOGUES:
        expected = tomli.loads(path.read_text("utf-8"))
        assert load_catalogue(path) == expected  # parsed, and kept
        kept = cache_file(path)
        assert kept is not None and kept.is_file() and kept.parent.parent == cache
        assert load_catalogue(path) == expected  # from the cache


def test_the_cache_is_used_while_the_bytes_are_the_same(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cli.toml"
    path.write_text('a = "en"\n', encoding="utf-8")
    assert load_catalogue(path) == {"a": "en"}
    calls: list[str] = []

    def counting(text: str) -> dict[str, object]:
        calls.append(text)
        return tomli.loads(text)

    monkeypatch.setattr(tomlcache, "_toml", SimpleNamespace(loads=counting))
    assert load_catalogue(path) == {"a": "en"}
    assert calls == []  # not parsed again
    stamp = path.stat()
    path.write_text('a = "to"\n', encoding="utf-8")  # the same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and the same time stamp
    assert load_catalogue(path) == {"a": "to"}
    assert len(calls) == 1


def test_newlines_are_read_as_read_text_reads_them(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "cli.toml"
    path.write_bytes(b'a = """\r\none\r\ntwo\rthree"""\r\nb = "x"\r\n')
    expected = tomli.loads(path.read_text("utf-8"))
    assert load_catalogue(path) == expected
    assert load_catalogue(path) == expected


def test_what_marshal_cannot_keep_is_parsed_every_time(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "dates.toml"
    path.write_text("a = 2024-01-01\n", encoding="utf-8")
    assert load_catalogue(path) == tomli.loads(path.read_text("utf-8"))
    assert cache_file(path) is not None and not cache_file(path).exists()  # type: ignore[union-attr]
    assert load_catalogue(path) == tomli.loads(path.read_text("utf-8"))


def test_errors_are_the_parsers_with_or_without_the_cache(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("a = \n", encoding="utf-8")
    with pytest.raises(tomli.TOMLDecodeError):
        load_catalogue(path)
    path.write_bytes(b'a = "\xff"\n')
    with pytest.raises(UnicodeDecodeError):
        load_catalogue(path)


def test_a_broken_or_foreign_cache_file_is_ignored(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "cli.toml"
    path.write_text('a = "en"\n', encoding="utf-8")
    kept = cache_file(path)
    assert kept is not None
    kept.parent.mkdir(mode=0o700, parents=True)
    kept.write_bytes(b"not marshal")
    assert load_catalogue(path) == {"a": "en"}  # parsed, and kept anew
    other = tmp_path / "other.toml"
    other.write_text('a = "to"\n', encoding="utf-8")
    load_catalogue(other)
    foreign = cache_file(other)
    assert foreign is not None and foreign != kept
    kept.write_bytes(foreign.read_bytes())  # another file's tables under this one's name
    assert load_catalogue(path) == {"a": "en"}


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_NO_CACHE", "1")
    path = tmp_path / "cli.toml"
    path.write_text('a = "en"\n', encoding="utf-8")
    assert cache_file(path) is None
    assert load_catalogue(path) == {"a": "en"}


def test_a_folder_others_can_write_is_not_used(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "cli.toml"
    path.write_text('a = "en"\n', encoding="utf-8")
    kept = cache_file(path)
    assert kept is not None
    kept.parent.mkdir(parents=True)
    kept.parent.chmod(0o777)
    assert load_catalogue(path) == {"a": "en"}
    assert not kept.exists()


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_commands_say_the_same_with_a_filled_cache(tmp_path: Path, language: str) -> None:
    """``check`` (its help, its summary and an error) words the same with the
    catalogues parsed and with them taken from the cache."""
    env = {k: v for k, v in os.environ.items() if k != "HELSEFELLESSKAP_NO_CACHE"}
    env["HELSEFELLESSKAP_CACHE_DIR"] = str(tmp_path / "cache")
    env["HELSEFELLESSKAP_LANG"] = language

    def run(*arguments: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "helsefellesskap", *arguments],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        return done.returncode, done.stdout, done.stderr

    commands = [["check", str(EXAMPLE)], ["check", "--help"], ["check", "nosuch"], ["list"]]
    first = [run(*c) for c in commands]
    assert any((tmp_path / "cache" / "toml").glob("cli-*.marshal"))
    assert [run(*c) for c in commands] == first
    env["HELSEFELLESSKAP_NO_CACHE"] = "1"
    assert [run(*c) for c in commands] == first
