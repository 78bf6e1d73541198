"""What is not a data file is called what it is (issue 12 §6): a named pipe, a link loop, a
broken link, a folder loop, a ``.TOML`` file, a folder named ``x.toml``, a full disk; and
messages carry no Python internals or absolute temporary paths."""

from __future__ import annotations

import io
import os
import resource
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from helsefellesskap import DataError, DocumentNotFoundError, load_bundle, load_document, save
from helsefellesskap.cli import main


def _cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


@pytest.fixture
def copy(tmp_path: Path, example_folder: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    return root


def test_a_named_pipe_is_called_a_named_pipe_and_never_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    os.mkfifo(path)
    with pytest.raises(DocumentNotFoundError, match="is a named pipe"):
        load_document(path)  # would wait forever if it were opened
    code, err = _cli("check", str(path))
    assert code == 2
    assert "named pipe" in err and "does not exist" not in err


def test_a_link_loop_is_called_a_loop(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.symlink_to(path.name)
    with pytest.raises(DocumentNotFoundError, match="leads in a loop"):
        load_document(path)
    code, err = _cli("check", str(path))
    assert code == 2 and "loop" in err and "does not exist" not in err


def test_a_broken_link_names_where_it_points(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.symlink_to("gone.toml")
    with pytest.raises(DocumentNotFoundError, match=r"symbolic link to gone\.toml, which does not"):
        load_document(path)


def test_a_folder_link_loop_is_one_problem_not_a_flood_of_duplicates(copy: Path) -> None:
    (copy / "plans" / "again").symlink_to("..")
    with pytest.raises(DataError) as caught:
        load_bundle(copy)
    (problem,) = caught.value.problems
    assert problem.file == copy / "plans" / "again"
    assert "a link to a folder already read (the partnership folder)" in problem.message
    code, err = _cli("check", str(copy))
    assert code == 2 and err.count("\n") < 5


def test_a_pipe_inside_a_partnership_folder(copy: Path) -> None:
    os.mkfifo(copy / "plans" / "pipe.toml")
    with pytest.raises(DataError) as caught:
        load_bundle(copy)
    (problem,) = caught.value.problems
    assert problem.file == copy / "plans" / "pipe.toml"
    assert problem.message == "this is a named pipe (FIFO), not a file"


def test_an_upper_case_suffix_is_reported_not_skipped(copy: Path) -> None:
    (copy / "plans" / "handlingsplan-2024-2025.toml").rename(copy / "plans" / "Plan.TOML")
    with pytest.raises(DataError) as caught:
        load_bundle(copy)
    (problem,) = caught.value.problems
    assert problem.file == copy / "plans" / "Plan.TOML"
    assert problem.hint == "rename it to Plan.toml"


def test_a_folder_named_like_a_document_is_reported(copy: Path) -> None:
    (copy / "plans" / "arkiv.toml").mkdir()
    with pytest.raises(DataError) as caught:
        load_bundle(copy)
    (problem,) = caught.value.problems
    assert problem.file == copy / "plans" / "arkiv.toml"
    assert "a folder named like a document file" in problem.message


def test_duplicate_ids_name_the_other_file_relative_to_the_folder(copy: Path) -> None:
    shutil.copyfile(copy / "funding" / "midler-2025.toml", copy / "funding" / "kopi.toml")
    with pytest.raises(DataError) as caught:
        load_bundle(copy)
    for problem in caught.value.problems:
        assert str(copy) not in problem.message
        assert "/tmp" not in problem.message
    assert any("funding/" in p.message for p in caught.value.problems)


@pytest.fixture
def small_file_limit() -> Iterator[None]:
    """The operating system refuses writes past 64 KB, as a full disk refuses any."""
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


def test_a_failed_write_names_the_file_asked_for(tmp_path: Path, small_file_limit: None) -> None:
    from helsefellesskap import Declaration, Period

    big = Declaration(
        id="d", title="D", period=Period(start=2024, end=2024), preamble=("x" * 50_000,) * 3
    )
    target = tmp_path / "out" / "d.toml"
    with pytest.raises(OSError) as caught:
        save(big, target)
    assert caught.value.filename == str(target)
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] == []  # no temporary file left behind


def test_messages_carry_no_python_internals(tmp_path: Path) -> None:
    cases = {
        "introduction = 3\n": "$.introduction",
        "adopted = 2024-01-01T10:00:00\n": "$.adopted",
        "focus_areas = [1]\n": "$.focus_areas[0]",
        "basis = 3\n": "$.basis",
    }
    head = 'kind = "action-plan"\nid = "p"\ntitle = "P"\nperiod = { start = 2024, end = 2024 }\n'
    for line, path in cases.items():
        file = tmp_path / "doc.toml"
        file.write_text(head + line, "utf-8")
        with pytest.raises(DataError) as caught:
            load_document(file)
        text = str(caught.value)
        assert caught.value.problems[0].path == path
        for internal in ("argument of type", "datetime.", "object", "NoneType", "'int'", "<class"):
            assert internal not in text, (line, text)
