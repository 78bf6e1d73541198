"""The cache of installed plugins: the same answer as a scan, refreshed when a
distribution is added, changed or removed, and never in the way when it is broken."""

from __future__ import annotations

import marshal
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helsefellesskap import usercache
from helsefellesskap.plugins import PluginManager, discovery
from helsefellesskap.plugins.discovery import CACHE_DIR_ENV, NO_CACHE_ENV, find_installed
from helsefellesskap.usercache import IDLE_DAYS

pytestmark = pytest.mark.usefixtures("clean_plugin_env")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, the cache on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    return folder


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder on the module search path, to install distributions into."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    for name in [n for n in sys.modules if n.startswith("hf_cache_fixture")]:
        del sys.modules[name]


def install(site: Path, name: str, entry_points: dict[str, str], version: str = "1.0") -> Path:
    """Write a distribution as an installer leaves it: a module and a ``.dist-info``."""
    (site / f"{name}.py").write_text(
        "from helsefellesskap import hookimpl\n\n"
        "@hookimpl\n"
        "def hf_partnerships():\n"
        "    return []\n",
        encoding="utf-8",
    )
    info = site / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    points = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[helsefellesskap]\n{points}", encoding="utf-8")
    return info


def cache_path() -> Path:
    """The cache file (the cache is on in these tests)."""
    path = discovery.cache_file()
    assert path is not None
    return path


def scanned() -> dict[str, list[discovery.InstalledPlugin]]:
    """The installed plugins as a scan of every distribution finds them."""
    return discovery._scan()


def test_the_cached_answer_is_the_scan_and_no_scan_is_made_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = find_installed()
    assert {"docx", "pdf", "helgeland", "troms-ofoten", "xlsx"} <= set(first)
    assert first == scanned()
    assert [p.name for p in cache_dir.iterdir()] == [cache_path().name]

    def no_scan() -> object:
        raise AssertionError("scanned although nothing changed")

    monkeypatch.setattr(discovery, "_scan", no_scan)
    assert find_installed() == first
    [docx] = first["docx"]
    assert (docx.value, docx.distribution_name) == (
        "helsefellesskap_docx.plugin",
        "helsefellesskap-docx",
    )


def test_a_distribution_added_changed_or_removed_is_seen_at_once(
    cache_dir: Path, site: Path
) -> None:
    assert "cache-fixture" not in find_installed()
    info = install(site, "hf_cache_fixture", {"cache-fixture": "hf_cache_fixture"})
    [added] = find_installed()["cache-fixture"]
    assert (added.value, added.distribution_name, added.version) == (
        "hf_cache_fixture",
        "hf_cache_fixture",
        "1.0",
    )
    # rewritten in place, as an editable reinstall does: another plugin name
    (info / "entry_points.txt").write_text(
        "[helsefellesskap]\ncache-fixture-renamed = hf_cache_fixture\n", encoding="utf-8"
    )
    found = find_installed()
    assert "cache-fixture" not in found and "cache-fixture-renamed" in found
    assert found == scanned()
    for path in sorted(info.iterdir()):
        path.unlink()
    info.rmdir()
    found = find_installed()
    assert "cache-fixture-renamed" not in found
    assert found == scanned()


def test_the_manager_registers_a_cached_plugin_with_its_distribution(
    cache_dir: Path, site: Path
) -> None:
    install(site, "hf_cache_fixture", {"cache-fixture": "hf_cache_fixture"}, version="2.5")
    for _ in range(2):  # the second manager gets its plugins from the cache
        manager = PluginManager(collect=False)
        info = manager.plugin("cache-fixture")
        assert info is not None, [str(f) for f in manager.failures]
        assert (info.distribution, info.version, info.entry_point) == (
            "hf_cache_fixture",
            "2.5",
            "hf_cache_fixture",
        )
        assert info.hooks == ("hf_partnerships",)


def test_a_plugin_that_fails_to_import_fails_the_same_from_the_cache(
    cache_dir: Path, site: Path
) -> None:
    install(site, "hf_cache_fixture", {"cache-fixture": "hf_cache_fixture_missing"})
    failures = []
    for _ in range(2):
        manager = PluginManager(collect=False)
        assert manager.plugin("cache-fixture") is None
        failures.append([str(f) for f in manager.failures if f.plugin == "cache-fixture"])
        assert manager.plugin("docx") is not None  # the others load
    assert failures[0] == failures[1]
    assert "failed to import hf_cache_fixture_missing" in failures[0][0]


@pytest.mark.parametrize(
    "text",
    [
        "not marshal",
        "[]",
        '{"version": 1, "entries": [{"key": 3}]}',
        '{"version": 99}',
        "",
        marshal.dumps({"version": 2, "entries": [{"key": 3}]}).decode("latin-1"),
        marshal.dumps({"version": 1, "entries": []}).decode("latin-1"),
        marshal.dumps([1, 2]).decode("latin-1"),
    ],
)
def test_a_broken_cache_file_is_ignored_and_written_anew(cache_dir: Path, text: str) -> None:
    path = cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("latin-1"))
    assert find_installed() == scanned()
    data = marshal.loads(path.read_bytes())
    assert data["version"] == discovery.CACHE_VERSION
    assert data["entries"][0]["key"] == discovery.fingerprint()


def test_an_entry_of_the_wrong_shape_is_not_used(cache_dir: Path) -> None:
    path = cache_path()
    path.parent.mkdir(parents=True)
    bad = {"key": discovery.fingerprint(), "plugins": [{"name": "x", "value": 3}]}
    path.write_bytes(marshal.dumps({"version": discovery.CACHE_VERSION, "entries": [bad]}))
    assert find_installed() == scanned()


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))  # under a file: cannot exist
    assert find_installed() == scanned()


def test_without_the_cache_nothing_is_written(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    assert find_installed() == scanned()
    assert not cache_dir.exists()


def test_the_cache_keeps_a_few_search_paths(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for number in range(discovery.CACHE_ENTRIES + 3):
        folder = tmp_path / f"path-{number}"
        folder.mkdir()
        monkeypatch.syspath_prepend(str(folder))
        find_installed()
    data = marshal.loads(cache_path().read_bytes())
    assert len(data["entries"]) == discovery.CACHE_ENTRIES
    assert data["entries"][0]["key"] == discovery.fingerprint()


def test_an_entry_point_value_is_loaded_as_importlib_loads_it() -> None:
    import helsefellesskap.plugins.manager as manager_module

    assert discovery.load_entry_point("helsefellesskap.plugins.manager") is manager_module
    loaded = discovery.load_entry_point("helsefellesskap.plugins.manager:PluginManager.collect")
    assert loaded is PluginManager.collect
    assert discovery.load_entry_point("helsefellesskap.plugins [extra]") is not None
    with pytest.raises(ValueError, match=r"is not 'package\.module"):
        discovery.load_entry_point("not a module!")


@pytest.mark.parametrize(
    "value",
    [
        "helsefellesskap_docx.plugin",
        "helsefellesskap_pdf.format:PdfFormat",
        "a.b:C.d",
        "ä1.b_c:ß",
        "a.b : C",
        "a.b[extra]",
        "a:b:c",
        "a.b:",
        ":x",
        "_",
        "..:.",
        "a.b\n",
        "a b",
        "",
    ],
)
def test_a_plain_value_is_read_as_the_pattern_reads_it(value: str) -> None:
    """load_entry_point reads a plain value without the pattern: the same parts."""
    module, colon, attribute = value.partition(":")
    if discovery._plain(module) and (not colon or discovery._plain(attribute)):
        match = re.match(discovery._ENTRY_POINT_VALUE, value)
        assert match is not None
        assert (match.group("module"), match.group("attr") or "") == (module, attribute)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_to_is_not_used(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(0o777)  # as a shared folder: another user could plant entries
    planted = {"key": discovery.fingerprint(), "plugins": []}  # "nothing installed"
    cache_path().write_bytes(
        marshal.dumps({"version": discovery.CACHE_VERSION, "entries": [planted]})
    )
    found = find_installed()
    assert "docx" in found  # the planted answer was not read
    assert marshal.loads(cache_path().read_bytes())["entries"] == [planted]
    cache_dir.chmod(0o700)
    assert find_installed() == {}  # private: the same file is read


def test_writing_the_cache_removes_the_json_files_of_earlier_versions(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    stale = [cache_dir / "entry-points-0badc0de.json", cache_dir / "entry-points-12345678.json"]
    for path in stale:
        path.write_text('{"version": 1, "entries": []}', encoding="utf-8")
    kept = [cache_dir / "entry-points-feedbeef.marshal", cache_dir / "notes.json"]
    for path in kept:
        path.write_bytes(b"x")
    find_installed()  # nothing cached yet: scans and writes the cache
    assert cache_path().is_file()
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)  # another environment's cache, not ours
    for path in stale:
        path.write_text("{}", encoding="utf-8")
    find_installed()  # answered from the cache: nothing written, nothing removed
    assert all(path.exists() for path in stale)


def test_writing_the_cache_removes_other_environments_files_not_used_for_a_while(
    cache_dir: Path,
) -> None:
    find_installed()  # the cache of this environment written
    long_ago = time.time() - (IDLE_DAYS + 1) * 86400
    idle = cache_dir / "entry-points-0badc0de.marshal"  # an environment gone long ago
    recent = cache_dir / "entry-points-feedbeef.marshal"  # another one, used yesterday
    others = [cache_dir / "notes.txt", cache_dir / "toml"]  # not the plugins' cache's
    idle.write_bytes(b"x")
    recent.write_bytes(b"x")
    others[0].write_bytes(b"x")
    others[1].mkdir()
    for path in (idle, *others):
        os.utime(path, (long_ago, long_ago))
    yesterday = time.time() - 86400
    os.utime(recent, (yesterday, yesterday))
    usercache._TRIMMED.clear()  # a new process
    find_installed()  # answered from the cache: nothing written, nothing removed
    assert idle.exists()
    cache_path().unlink()
    find_installed()  # nothing cached for this environment: scans and writes
    assert cache_path().is_file() and recent.exists()
    assert not idle.exists()
    assert all(path.exists() for path in others)
