"""``helsefellesskap render``: one document to stdout or a file, a partnership to a folder."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from helsefellesskap.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"


@pytest.fixture(autouse=True)
def only_builtin_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command sees the built-in plugins only, whatever else is installed."""
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_document_renders_to_stdout_as_markdown_by_default() -> None:
    code, out, err = run(str(PLAN))
    assert (code, err) == (0, "")
    assert out.startswith("# Handlingsplan 2024–2025\n")
    assert "| Hva vil vi? | Pågående arbeid |" in out


def test_a_document_renders_in_another_language_and_format() -> None:
    code, out, _ = run(str(PLAN), "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert (data["kind"], data["language"]) == ("action-plan", "en")


def test_a_document_renders_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.md"
    code, out, _ = run(str(PLAN), "-o", str(target), "--lang", "nn")
    assert code == 0
    assert out == f"wrote {target}\n"
    assert "Kva vil vi?" in target.read_text("utf-8")


def test_a_document_into_an_existing_folder_takes_its_own_name(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-f", "json", "-o", str(tmp_path))
    assert code == 0
    assert (tmp_path / "handlingsplan-2024-2025.json").is_file()


def test_several_formats_of_one_document_go_to_a_folder(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-f", "md,json", "-o", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "handlingsplan-2024-2025.json",
        "handlingsplan-2024-2025.md",
    ]


def test_several_formats_without_a_folder_is_a_usage_error() -> None:
    code, out, err = run(str(PLAN), "-f", "md", "-f", "json")
    assert (code, out) == (2, "")
    assert "several formats write several files: name a folder with -o DIR" in err


def test_one_document_in_two_languages_is_a_usage_error() -> None:
    code, _, err = run(str(PLAN), "--lang", "nb", "--lang", "en")
    assert code == 2
    assert "one document renders in one language" in err


def test_a_whole_partnership_renders_into_a_folder(tmp_path: Path) -> None:
    out_dir = tmp_path / "site"
    code, out, err = run(str(EXAMPLE), "-f", "all", "-l", "nb", "-l", "en", "-o", str(out_dir))
    assert (code, err) == (0, "")
    assert out.startswith("wrote ") and out.endswith(f" files to {out_dir}\n")
    for lang in ("nb", "en"):
        for ext in ("md", "json", "html"):
            assert (out_dir / lang / f"handlingsplan-2024-2025.{ext}").is_file()
        assert (out_dir / lang / "eksempel-styringsstruktur.md").is_file()
    assert (out_dir / "index.md").is_file() and (out_dir / "index.html").is_file()


def test_a_whole_partnership_needs_a_folder() -> None:
    code, out, err = run(str(EXAMPLE))
    assert (code, out) == (2, "")
    assert "name a folder with -o DIR" in err


def test_a_whole_partnership_refuses_a_file_as_output(tmp_path: Path) -> None:
    existing = tmp_path / "file.md"
    existing.write_text("keep me", "utf-8")
    code, _, err = run(str(EXAMPLE), "-o", str(existing))
    assert code == 2
    assert "is a file: a whole partnership renders into a folder" in err
    assert existing.read_text("utf-8") == "keep me"


def test_an_unknown_format_names_the_close_one() -> None:
    code, out, err = run(str(PLAN), "--format", "mdx")
    assert (code, out) == (2, "")
    assert "error: unknown format 'mdx': did you mean 'md'?" in err


def test_an_unknown_language_names_the_close_one() -> None:
    code, _, err = run(str(PLAN), "--lang", "nob")
    assert code == 2
    assert "no labels for language 'nob': did you mean 'nb'?" in err


def test_the_source_file_is_never_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    before = plan.read_bytes()
    code, _, err = run(str(plan), "-o", str(plan))
    assert code == 2
    assert "is a source file of the partnership: it is never overwritten" in err
    assert plan.read_bytes() == before


def test_the_source_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    code, _, err = run(str(root), "-o", str(root / "build"))
    assert code == 2
    assert "lies in the partnership's source folder" in err
    assert not (root / "build").exists()
    code, _, err = run(
        str(root / "plans" / "handlingsplan-2024-2025.toml"), "-o", str(root / "plan.md")
    )
    assert code == 2
    assert not (root / "plan.md").exists()


def test_a_missing_target_is_reported() -> None:
    code, _, err = run("no/such/file.toml")
    assert code == 2
    assert "no/such/file.toml does not exist" in err


def test_an_output_ending_in_a_slash_is_a_folder(tmp_path: Path) -> None:
    code, _, _ = run(str(PLAN), "-o", f"{tmp_path / 'new'}/")
    assert code == 0
    assert (tmp_path / "new" / "handlingsplan-2024-2025.md").is_file()


def test_an_installed_partnership_renders_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real entry point of a bundled partnership plugin, where installed."""
    pytest.importorskip("helsefellesskap_helgeland")
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    code, out, _ = run("helgeland", "-f", "md", "-o", str(tmp_path))
    assert code == 0, out
    plans = sorted(tmp_path.glob("handlingsplan-*.md"))
    assert plans, sorted(p.name for p in tmp_path.iterdir())
    text = plans[0].read_text("utf-8")
    assert "| Mål – Hvor vil vi? |" in text  # the plugin's own column labels
    assert (tmp_path / "helgeland-styringsstruktur.md").is_file()
    document = plans[0].stem
    code, out, _ = run(f"helgeland/{document}")
    assert code == 0
    assert out == text
