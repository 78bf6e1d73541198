"""``helsefellesskap check`` and the command line's handling of errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from helsefellesskap import __version__
from helsefellesskap.cli import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"helsefellesskap {__version__}"


def test_check_folder_prints_a_summary(example_folder: Path) -> None:
    code, out, err = run("check", str(example_folder))
    assert code == 0, err
    assert out.startswith("ok: Helsefellesskap Eksempel: 8 partners, 6 bodies,")
    assert "1 action-plan" in out


def test_check_one_document_in_its_folder(example_folder: Path) -> None:
    code, out, _ = run("check", str(example_folder / "plans" / "handlingsplan-2024-2025.toml"))
    assert code == 0
    assert out.strip() == (
        "ok: action-plan 'handlingsplan-2024-2025' (Handlingsplan 2024–2025) "
        "of Helsefellesskap Eksempel"
    )


def test_check_a_lone_document(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text(
        'kind = "declaration"\nid = "d"\ntitle = "Erklæring"\n'
        "period = { start = 2024, end = 2027 }\n",
        "utf-8",
    )
    code, out, _ = run("check", str(path))
    assert code == 0
    assert out.strip() == "ok: declaration 'd' (Erklæring)"


def test_check_reports_three_mistakes_with_paths_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        'kind = "action-plan"\nid = "p"\ntitle = 3\nperiod = { start = 2023, end = 2023 }\n'
        '[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\ntext = "G"\n'
        '[[focus_areas.goals.measures]]\nid = "m"\ntext = "T"\nstatus = "doen"\ndeadlne = 2024\n',
        "utf-8",
    )
    code, out, err = run("check", str(path))
    assert code == 2
    assert out == ""
    assert err.splitlines()[0] == "error: 3 problems in the data:"
    assert f"{path}:3:1: $.title: expected text, got the integer 3" in err
    measure = "$.focus_areas[0].goals[0].measures[0]"
    assert f"{path}:14:1: {measure}.status: 'doen' is not allowed" in err
    assert f'{path}:15:1: {measure}.deadlne: unknown key "deadlne"' in err
    assert "Traceback" not in err


def test_check_missing_path_is_a_usage_error() -> None:
    code, _, err = run("check", "no/such/place.toml")
    assert code == 2
    assert err.startswith("error: no/such/place.toml does not exist")


def test_unknown_partnership_id_is_reported() -> None:
    code, _, err = run("check", "no-such-partnership")
    assert code == 2
    assert "neither a file, a folder nor an installed partnership" in err


def test_no_command_prints_help_and_exits_2() -> None:
    code, out, _ = run()
    assert code == 2
    assert "usage: helsefellesskap" in out


def test_bad_option_exits_2() -> None:
    code, _, err = run("check")
    assert code == 2
    assert "required" in err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "helsefellesskap", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "the file holds no data" in result.stderr
    assert "Traceback" not in result.stderr


def test_file_system_errors_are_one_line_and_exit_2(tmp_path: Path, example_folder: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    plan = example_folder / "plans" / "handlingsplan-2024-2025.toml"
    code, _, err = run("render", str(plan), "-o", str(blocker / "plan.md"))
    assert code == 2
    assert err.startswith("error: ")
    assert str(blocker) in err
    assert "Traceback" not in err


def test_a_reader_that_goes_away_is_no_error(tmp_path: Path, example_folder: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    measures = "".join(
        f'[[focus_areas.goals.measures]]\nid = "m{n}"\ntext = "Tiltak {n}"\n'
        f'responsible = ["ukjent-{n}"]\ndeadline = 2024\n'
        for n in range(3000)
    )
    (root / "plans" / "stor.toml").write_text(
        'kind = "action-plan"\nid = "stor"\ntitle = "Stor plan"\n'
        "period = { start = 2024, end = 2024 }\n"
        '[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\ntext = "G"\n'
        + measures,
        "utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "helsefellesskap", "validate", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
    assert process.returncode == 0


def test_a_misspelt_plugin_to_disable_is_reported_by_every_command(example_folder: Path) -> None:
    code, out, err = run("--disable-plugin", "docxx", "check", str(example_folder))
    assert code == 0 and out.startswith("ok:")
    assert "warning: asked to disable 'docxx', but no plugin has that name" in err
