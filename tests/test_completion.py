"""Shell completion, ``check --format json`` and the exit codes in every command's help."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helsefellesskap import PluginManager
from helsefellesskap.cli import EXIT_CODES, main
from helsefellesskap.cli.completion import full_parser, target_names
from helsefellesskap.testing import run_cli

BIN = Path(sys.executable).parent


def _bash_complete(script: Path, *words: str) -> list[str]:
    line = " ".join(words)
    code = (
        f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
        '_shtab_helsefellesskap; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        ["bash", "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return [w for w in result.stdout.splitlines() if w]


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    result = run_cli("completion", "bash")
    assert result.code == 0, result.stderr
    script = tmp_path_factory.mktemp("completion") / "helsefellesskap.bash"
    script.write_text(result.stdout, "utf-8")
    return script


def test_bash_completes_commands(bash_script: Path) -> None:
    assert _bash_complete(bash_script, "helsefellesskap", "re") == ["render"]
    commands = _bash_complete(bash_script, "helsefellesskap", "")
    for name in ("check", "validate", "render", "new", "schema", "completion", "list"):
        assert name in commands


def test_bash_completes_options(bash_script: Path) -> None:
    assert "--format" in _bash_complete(bash_script, "helsefellesskap", "check", "--f")


def test_bash_completes_partnership_and_document_names(bash_script: Path) -> None:
    names = _bash_complete(bash_script, "helsefellesskap", "validate", "troms-ofoten/hand")
    assert names == ["troms-ofoten/handlingsplan-2023", "troms-ofoten/handlingsplan-2025-2026"]
    assert "troms-ofoten" in _bash_complete(bash_script, "helsefellesskap", "check", "tro")


def test_bash_completes_folders_for_new(
    bash_script: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mitt-hf").mkdir()
    (tmp_path / "mitt-notat.txt").write_text("", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert _bash_complete(bash_script, "helsefellesskap", "new", "plan", "mitt") == ["mitt-hf"]


def test_zsh_script_has_the_names_helper() -> None:
    result = run_cli("completion", "zsh")
    assert result.code == 0
    assert result.stdout.startswith("#compdef helsefellesskap")
    assert "helsefellesskap completion --names" in result.stdout


def test_names_lists_partnerships_and_their_documents() -> None:
    names = list(target_names(PluginManager()))
    assert "troms-ofoten" in names and "troms-ofoten/handlingsplan-2023" in names
    assert run_cli("completion", "--names").stdout.splitlines() == names


def test_completion_without_a_shell_is_a_usage_error() -> None:
    result = run_cli("completion")
    assert result.code == 2
    assert "name the shell" in result.stderr


def test_every_command_help_ends_with_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    parser = full_parser(PluginManager())
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"check", "validate", "render", "new", "schema", "completion"} <= set(commands)
    top = run_cli("--help")
    assert top.code == 0 and top.stdout.rstrip().endswith(EXIT_CODES.rstrip())
    for name in commands:
        result = run_cli(name, "--help")
        assert result.code == 0, name
        assert result.stdout.rstrip().endswith(EXIT_CODES.rstrip()), name


def test_check_json_when_the_data_loads(example_folder: Path) -> None:
    result = run_cli("check", str(example_folder), "--format", "json")
    assert result.code == 0
    data = json.loads(result.stdout)
    assert data["format"] == "helsefellesskap-check" and data["version"] == 1
    assert data["ok"] is True and data["partnership"] == "eksempel" and data["problems"] == []
    assert {
        "id": "handlingsplan-2024-2025",
        "kind": "action-plan",
        "title": "Handlingsplan 2024–2025",
    } in data["documents"]


def test_check_json_when_the_data_does_not_load(tmp_path: Path) -> None:
    (tmp_path / "partnership.toml").write_text('id = "x"\nname = "X"\nnmae = "y"\n', "utf-8")
    result = run_cli("check", str(tmp_path), "--format", "json")
    assert result.code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["documents"] == []
    [problem] = data["problems"]
    assert problem["file"] == str(tmp_path / "partnership.toml")
    assert problem["path"] == "$.nmae"


def test_check_text_is_unchanged(example_folder: Path) -> None:
    out = run_cli("check", str(example_folder))
    assert out.code == 0 and out.stdout.startswith("ok: Helsefellesskap Eksempel")
    assert main(["check", str(example_folder), "--format", "yaml"]) == 2


def test_zsh_script_parses_and_defines_its_functions(tmp_path: Path) -> None:
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    script = tmp_path / "_helsefellesskap"
    script.write_text(run_cli("completion", "zsh").stdout, "utf-8")
    subprocess.run(["zsh", "-n", str(script)], check=True)
    code = (
        f"autoload -U compinit; compinit -u -D; source {script} 2>/dev/null; "
        "whence -w _shtab_helsefellesskap _helsefellesskap_names"
    )
    result = subprocess.run(["zsh", "-f", "-c", code], capture_output=True, text=True)
    assert result.stdout.split("\n")[:2] == [
        "_shtab_helsefellesskap: function",
        "_helsefellesskap_names: function",
    ]
