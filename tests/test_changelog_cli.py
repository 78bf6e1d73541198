"""``helsefellesskap diff``: a file against its git revision (--since), the changelog
as a document (--format md/html/docx), hidden fields and the similarity threshold."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from helsefellesskap.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"
OLD_TEXT = 'text = "Etablere hospiteringsordning mellom tjenestenivåene"'
NEW_TEXT = 'text = "Etablere hospiteringsordninger mellom tjenestenivåene"'


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """The example partnership in a git repository of its own, one commit, then the
    plan's measure renamed and one word edited (not committed)."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for diff --since")
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    plan = root / PLAN
    text = plan.read_text("utf-8").replace('id = "hospitering"', 'id = "hospitering-2025"')
    plan.write_text(text.replace(OLD_TEXT, NEW_TEXT), "utf-8")
    return root


def test_since_compares_the_file_with_its_git_revision(repository: Path) -> None:
    status, out, err = run("diff", str(repository / PLAN), "--since", "HEAD")
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "action-plan handlingsplan-2024-2025"
    assert lines[1].startswith(
        '  changed  $.focus_areas[1].goals[0].measures[0].id: measure "hospitering-2025": '
        '"hospitering" -> "hospitering-2025" (matched by text similarity 0.'
    )
    assert "measures[0].text" in lines[2]
    assert lines[-1] == "2 changes: 2 changed"


def test_since_renders_the_changelog_with_the_word_marked(repository: Path) -> None:
    status, out, _ = run("diff", str(repository / PLAN), "--since", "HEAD", "--format", "md")
    assert status == 1
    assert out.startswith("# Endringer fra Handlingsplan 2024–2025 til Handlingsplan 2024–2025")
    assert "Etablere ~~hospiteringsordning~~ **hospiteringsordninger** mellom" in out
    target = repository.parent / "endringer.docx"
    status, out, _ = run(
        "diff", str(repository / PLAN), "--since", "HEAD", "--format", "docx", "-o", str(target)
    )
    assert (status, out) == (1, f"wrote {target}\n")
    words = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("hospiteringsordning hospiteringsordninger" in w for w in words)


def test_a_binary_format_needs_a_file(repository: Path) -> None:
    status, _, err = run("diff", str(repository / PLAN), "--since", "HEAD", "--format", "docx")
    assert status == 2
    assert "is binary: write it to a file with -o FILE" in err


def test_since_outside_a_git_repository_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copy(EXAMPLE / PLAN, plan)
    status, out, err = run("diff", str(plan), "--since", "HEAD~1")
    assert (status, out) == (2, "")
    assert err == (
        f"error: {plan}: not in a git repository, so there is no revision 'HEAD~1' of it: "
        "compare two files instead (helsefellesskap diff OLD NEW)\n"
    )


def test_since_an_unknown_revision_or_a_new_file_is_named(repository: Path) -> None:
    status, _, err = run("diff", str(repository / PLAN), "--since", "v9")
    assert status == 2
    assert err.startswith(f"error: {repository / PLAN}: no revision 'v9' of it in git: ")
    new = repository / "plans" / "ny.toml"
    shutil.copy(repository / PLAN, new)
    status, _, err = run("diff", str(new), "--since", "HEAD")
    assert status == 2
    assert err.startswith(f"error: {new}: no revision 'HEAD' of it in git: ")


def test_since_with_two_files_is_a_usage_error(repository: Path) -> None:
    status, _, err = run("diff", str(repository / PLAN), str(EXAMPLE / PLAN), "--since", "HEAD")
    assert status == 2
    assert "--since compares one file with its revision in git" in err


def test_notes_are_hidden_unless_all_fields(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    text = (EXAMPLE / PLAN).read_text("utf-8")
    plan.write_text(
        text.replace(
            'id = "handlingsplan-2024-2025"\n', 'id = "handlingsplan-2024-2025"\nnotes = ["x"]\n'
        ),
        "utf-8",
    )
    assert run("diff", str(EXAMPLE / PLAN), str(plan)) == (0, "no changes\n", "")
    status, out, _ = run("diff", str(EXAMPLE / PLAN), str(plan), "--all-fields")
    assert status == 1
    assert '$.notes: action-plan "handlingsplan-2024-2025": [] -> ["x"]' in out


def test_threshold_one_matches_by_id_only(repository: Path) -> None:
    status, out, _ = run("diff", str(repository / PLAN), "--since", "HEAD", "--threshold", "1")
    assert status == 1
    assert out.splitlines()[-1] == "2 changes: 1 added, 1 removed"
    status, _, err = run("diff", str(repository / PLAN), "--since", "HEAD", "--threshold", "2")
    assert (status, err) == (2, "error: --threshold 2.0: give a score from 0 to 1\n")
