"""Loading from text and bytes (an upload, a zip of a partnership) with the errors of
loading from disk (issue 20 §2)."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from helsefellesskap import (
    DataError,
    DocumentNotFoundError,
    EncodingError,
    TomlSyntaxError,
    load_bundle,
    load_bundle_from_files,
    load_bundle_from_zip,
    load_document,
    loads,
    loads_partnership,
)
from helsefellesskap.io import memory

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"


def _files(root: Path = EXAMPLE) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.toml"))}


def _zip(files: dict[str, bytes], prefix: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(prefix + name, data)
    return out.getvalue()


def _same_problems(from_bytes: DataError, from_disk: DataError, disk_file: Path) -> None:
    """The problems differ only in the file (the name given instead of the path)."""
    assert [(p.line, p.column, p.path, p.message, p.hint) for p in from_bytes.problems] == [
        (p.line, p.column, p.path, p.message, p.hint) for p in from_disk.problems
    ]
    assert all(p.file == disk_file for p in from_disk.problems)


def test_loads_text_and_bytes_give_the_document_of_the_file() -> None:
    expected = load_document(PLAN)
    assert loads(PLAN.read_text("utf-8"), name="plan.toml") == expected
    assert loads(PLAN.read_bytes(), name="plan.toml") == expected
    assert loads(b"\xef\xbb\xbf" + PLAN.read_bytes()) == expected  # a byte-order mark


@pytest.mark.parametrize(
    ("content", "error_type"),
    [
        (PLAN.read_bytes().replace(b"\ntitle = ", b"\ntitel = ", 1), DataError),
        (PLAN.read_bytes().replace(b'"Handlingsplan', b'"Handlings\xffplan', 1), EncodingError),
        (PLAN.read_bytes().replace(b"\nid = ", b"\nid == ", 1), TomlSyntaxError),
        (PLAN.read_bytes().replace(b"deadline = ", b'deadline = "snart" #', 1), DataError),
    ],
    ids=["unknown-key", "not-utf8", "syntax", "bad-value"],
)
def test_loads_errors_are_those_of_the_disk(
    tmp_path: Path, content: bytes, error_type: type
) -> None:
    disk = tmp_path / "plan.toml"
    disk.write_bytes(content)
    with pytest.raises(error_type) as on_disk:
        load_document(disk)
    with pytest.raises(error_type) as in_memory:
        loads(content, name="uploads/plan.toml")
    _same_problems(in_memory.value, on_disk.value, disk)
    assert all(p.file == Path("uploads/plan.toml") for p in in_memory.value.problems)
    assert all(p.line is not None for p in in_memory.value.problems)
    assert "uploads/plan.toml:" in str(in_memory.value)


def test_loads_refuses_a_file_past_the_size_limit() -> None:
    with pytest.raises(DataError) as caught:
        loads(b"#" * (memory.MAX_FILE_SIZE + 1), name="big.toml")
    assert "MB, more than the 20 MB a data file may be" in str(caught.value)


def test_loads_partnership() -> None:
    partnership = loads_partnership((EXAMPLE / "partnership.toml").read_bytes())
    assert partnership == load_bundle(EXAMPLE).partnership


def test_a_bundle_from_files_is_the_bundle_of_the_folder() -> None:
    from_disk = load_bundle(EXAMPLE)
    from_files = load_bundle_from_files(_files())
    assert from_files.partnership == from_disk.partnership
    assert from_files.documents == from_disk.documents
    assert from_files.files[from_disk.partnership.id] == Path("partnership.toml")
    assert from_files.root is None


def test_a_bundle_from_files_reports_every_problem_with_its_position(tmp_path: Path) -> None:
    files = _files()
    files["plans/handlingsplan-2024-2025.toml"] = PLAN.read_bytes().replace(
        b"\ntitle = ", b"\ntitel = ", 1
    )
    files["partnership.toml"] = files["partnership.toml"].replace(b"\nname = ", b"\nnavn = ", 1)
    files["README.md"] = b"not a document"
    files[".hidden/x.toml"] = b"not read"
    with pytest.raises(DataError) as caught:
        load_bundle_from_files(files)
    found = {(str(p.file), p.path) for p in caught.value.problems}
    assert ("plans/handlingsplan-2024-2025.toml", "$.titel") in found
    assert ("partnership.toml", "$.navn") in found
    # every problem has a line but a missing key of the top table, which has no place
    for problem in caught.value.problems:
        assert problem.line is not None or "is missing" in problem.message, problem


def test_a_bundle_from_files_needs_a_partnership_file() -> None:
    with pytest.raises(DocumentNotFoundError, match=r"no partnership\.toml"):
        load_bundle_from_files({"plans/x.toml": b""})


def test_findings_of_a_bundle_from_files_have_positions() -> None:
    from helsefellesskap.validate import validate

    report = validate(load_bundle_from_files(_files()))
    placed = [f for f in report.findings if f.path != "$"]
    assert placed and all(f.line is not None for f in placed)
    assert all(not f.file.is_absolute() for f in placed if f.file is not None)


@pytest.mark.parametrize("prefix", ["", "eksempel/"])
def test_a_zip_of_the_folder_loads(prefix: str) -> None:
    bundle = load_bundle_from_zip(_zip(_files(), prefix))
    assert bundle.documents == load_bundle(EXAMPLE).documents


def test_a_zip_with_a_bad_file_names_it_in_the_zip() -> None:
    files = _files()
    files["plans/handlingsplan-2024-2025.toml"] = b'kind = "action-plan"\nid = 3\n'
    with pytest.raises(DataError) as caught:
        load_bundle_from_zip(_zip(files, "eksempel/"))
    problem = next(p for p in caught.value.problems if p.path == "$.id")
    assert (str(problem.file), problem.line, problem.column) == (
        "plans/handlingsplan-2024-2025.toml",
        2,
        1,
    )


def test_a_zip_that_escapes_its_folder_is_refused() -> None:
    with pytest.raises(DataError, match="outside its folder"):
        load_bundle_from_zip(_zip({**_files(), "../../etc/evil.toml": b"x = 1"}))
    with pytest.raises(DataError, match="outside its folder"):
        load_bundle_from_zip(_zip({**_files(), "/abs.toml": b"x = 1"}))


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = _zip({"partnership.toml": b"#" * (memory.MAX_FILE_SIZE - 1)})
    assert len(bomb) < 100_000
    with pytest.raises(DataError, match="zip bomb"):
        load_bundle_from_zip(bomb)


def test_a_zip_with_too_many_files_or_a_link_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "MAX_ZIP_FILES", 3)
    with pytest.raises(DataError, match="more than the 3 allowed"):
        load_bundle_from_zip(_zip(_files()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        link = zipfile.ZipInfo("plans/link.toml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(DataError, match="symbolic link"):
        load_bundle_from_zip(out.getvalue())


def test_what_is_not_a_zip_is_refused() -> None:
    with pytest.raises(DataError, match="not a zip file") as caught:
        load_bundle_from_zip(b"PK\x03\x04 nonsense", name="upload.zip")
    assert caught.value.problems[0].file == Path("upload.zip")


def test_a_zip_without_a_partnership_is_refused() -> None:
    with pytest.raises(DataError, match=r"no partnership\.toml"):
        load_bundle_from_zip(_zip({"a/x.toml": b"", "b/y.toml": b""}))
