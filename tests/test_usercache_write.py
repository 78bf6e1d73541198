"""The caches write their files through one function, ``usercache.write_private``: whole,
only in a folder only the user can change, and nothing (no error) where it cannot."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helsefellesskap.usercache import write_private


def test_writes_the_file_whole_making_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "code" / "entry.marshal"
    assert write_private(path, b"first")
    assert write_private(path, b"second")
    assert path.read_bytes() == b"second"
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["entry.marshal"]  # no temporary left


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder permissions of POSIX")
def test_writes_nothing_in_a_folder_others_can_change(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not write_private(shared / "entry.marshal", b"data")
    assert list(shared.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() == 0, reason="root writes to read-only folders"
)
def test_writes_nothing_and_raises_nothing_where_it_cannot_write(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert not write_private(locked / "code" / "entry.marshal", b"data")
    finally:
        locked.chmod(0o700)


def test_writes_nothing_where_a_file_stands_in_the_folder_s_place(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder")
    assert not write_private(tmp_path / "cache" / "entry.marshal", b"data")
