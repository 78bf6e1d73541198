"""Issue 18's promise: every error path of the command line speaks nb, nn and en, and the
nb and nn output holds no English but data and code names.

Two corpora run through the real command line (``helsefellesskap.cli.main``) with
``HELSEFELLESSKAP_LANG`` set to each language:

* :data:`CASES`: every command's ways of being called wrongly — an unknown command or
  option, a missing or wrong argument, a file or partnership that is not there, an output
  that would overwrite the data, an unknown format, language, rule, schema or measure, a
  bad date, status or link — and the findings of ``validate`` on broken data;
* the bad-input corpus of issue 12 (``tests/test_integrity_corpus.py``: wrong shapes,
  types, words, links, limits, TOML syntax, encodings, files that are folders, …), one
  mutation of each kind from each bundled partnership's data.

For each, nb and nn print something, ``tests/english.py`` finds no English word outside
data and code in it, and it differs from the English output (so the check is not passed
by printing nothing or by data alone). The English output must hold English words: that
shows the detector finds what it looks for.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from helsefellesskap.cli import main

from .english import english_words
from .test_integrity_corpus import CORPUS, Mutation, _lay_out

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"
NORWEGIAN = ("nb", "nn")
COMMAND_NAMES = frozenset({"new", "plugins", "rules", "status", "list", "import", "export"})


@attrs.frozen
class Case:
    """One way of calling the command line wrongly; ``{tmp}`` in an argument is a fresh
    folder, ``{example}`` a copy of the example partnership, ``{plan}`` its action plan."""

    name: str
    args: tuple[str, ...]
    codes: tuple[int, ...] = (1, 2)
    prepare: Callable[[Path], None] | None = None


def _existing_output(tmp: Path) -> None:
    (tmp / "out.md").write_text("mine\n", "utf-8")
    (tmp / "site").write_text("a file, not a folder\n", "utf-8")
    (tmp / "notes.txt").write_text("not a plan\n", "utf-8")
    (tmp / "empty").mkdir()


def _broken_example(tmp: Path) -> None:
    plan = tmp / "example" / "plans" / "handlingsplan-2024-2025.toml"
    text = plan.read_text("utf-8")
    plan.write_text(text.replace('responsible = ["', 'responsible = ["nobody-here", "', 1), "utf-8")


CASES: tuple[Case, ...] = (
    Case("unknown command", ("rendr",)),
    Case("unknown option", ("render", "--bogus", "{example}")),
    Case("missing argument", ("render",)),
    Case("missing required option", ("site", "{example}")),
    Case("invalid choice", ("check", "--format", "yaml", "{example}")),
    Case("option without its value", ("render", "{example}", "-f")),
    Case("not a number", ("serve", "-p", "abc", "{example}")),
    Case("unknown format", ("render", "-f", "pfd", "{plan}")),
    Case("unknown language", ("render", "-l", "de", "-o", "{tmp}/x.md", "{plan}")),
    Case("no such target", ("render", "nothing-here")),
    Case("no such file", ("check", "{tmp}/missing.toml")),
    Case("folder without partnership.toml", ("check", "{tmp}/empty"), prepare=_existing_output),
    Case("not a TOML file", ("check", "{tmp}/notes.txt"), prepare=_existing_output),
    Case("output is the source file", ("render", "-f", "md", "-o", "{plan}", "{plan}")),
    Case("output in the source folder", ("render", "-f", "md", "-o", "{example}/plans", "{plan}")),
    Case(
        "site output is a file", ("site", "-o", "{tmp}/site", "{example}"), prepare=_existing_output
    ),
    Case("findings of validate", ("validate", "{example}"), prepare=_broken_example),
    Case("no such rule", ("rules", "HF999")),
    Case("no such schema", ("schema", "bogus")),
    Case("no such partnership to list", ("list", "nowhere-partnership")),
    Case("no such shell", ("completion", "fish")),
    Case("new: unknown kind", ("new", "bogus")),
    Case("new: folder exists", ("new", "partnership", "{example}")),
    Case("status: a Norwegian date", ("status", "--on", "31.12.2026", "{example}")),
    Case("status: a bad alert", ("status", "--fail-on", "nonsense", "{example}")),
    Case("diff: no earlier revision", ("diff", "--since", "no-such-rev", "{plan}")),
    Case("update: unknown measure", ("update", "{plan}", "no-such-measure", "--status", "started")),
    Case("update: unknown status", ("update", "{plan}", "m1", "--status", "finito")),
    Case(
        "update: bad date",
        ("update", "{plan}", "m1", "--status", "started", "--date", "2026-13-01"),
    ),
    Case(
        "update: bad link",
        ("update", "{plan}", "m1", "--status", "started", "--link", "javascript:alert(1)"),
    ),
    Case("import: no such file", ("import", "{tmp}/plan.docx", "--into", "{tmp}/new")),
    Case(
        "import: not a Word file",
        ("import", "{tmp}/notes.txt", "--into", "{tmp}/new"),
        prepare=_existing_output,
    ),
    Case("export: no output", ("export", "-f", "xlsx", "{plan}")),
    Case("coverage: bad count", ("coverage", "--many", "x", "{example}")),
    Case(
        "unknown plugin disabled", ("--disable-plugin", "no-such-plugin", "list"), codes=(0, 1, 2)
    ),
)


def _run(case: Case, language: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    work = tmp / language
    work.mkdir()
    shutil.copytree(EXAMPLE, work / "example")
    if case.prepare is not None:
        case.prepare(work)
    places = {
        "{tmp}": str(work),
        "{example}": str(work / "example"),
        "{plan}": str(work / "example" / PLAN.relative_to(EXAMPLE)),
    }
    args = []
    for arg in case.args:
        for key, value in places.items():
            arg = arg.replace(key, value)
        args.append(arg)
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _assert_speaks(
    outputs: dict[str, str], what: str, allowed: frozenset[str] = frozenset()
) -> None:
    for language in NORWEGIAN:
        text = outputs[language]
        assert text.strip(), f"{what}: nothing printed in {language}"
        assert "Traceback" not in text, f"{what}: a traceback in {language}:\n{text}"
        found = english_words(text, allowed=allowed)
        assert not found, (
            f"{what}: English in {language} ({', '.join(sorted(set(found)))}):\n{text}"
        )
        assert text != outputs["en"], f"{what}: the {language} output is the English one:\n{text}"
    assert english_words(outputs["en"]), (
        f"{what}: no English in the English output:\n{outputs['en']}"
    )


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_cli_error_path_speaks_the_chosen_language(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs: dict[str, str] = {}
    codes: dict[str, int] = {}
    for language in ("en", *NORWEGIAN):
        codes[language], outputs[language] = _run(case, language, tmp_path, monkeypatch)
    assert codes["en"] in case.codes, f"{case.name}: exit {codes['en']}:\n{outputs['en']}"
    assert codes["nb"] == codes["nn"] == codes["en"], codes
    _assert_speaks(outputs, case.name)


def _one_of_each_kind() -> list[Mutation]:
    chosen: dict[tuple[str, str], Mutation] = {}
    for mutation in CORPUS:
        root = (
            mutation.seed.split("/src/")[0]
            if "/src/" in mutation.seed
            else mutation.seed.split("/")[1]
        )
        chosen.setdefault((root, re.sub(r"-?\d+$", "", mutation.kind)), mutation)
    return list(chosen.values())


@pytest.mark.parametrize("mutation", _one_of_each_kind(), ids=lambda m: m.id)
def test_every_kind_of_bad_data_is_reported_in_the_chosen_language(
    mutation: Mutation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helsefellesskap.plugins import NO_ENTRY_POINTS_ENV

    monkeypatch.setenv(NO_ENTRY_POINTS_ENV, "1")
    outputs: dict[str, str] = {}
    for language in ("en", *NORWEGIAN):
        folder, _ = _lay_out(mutation, tmp_path / language)
        monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
        out, err = io.StringIO(), io.StringIO()
        code = main(["check", str(folder)], stdout=out, stderr=err)
        if code == 0:
            return  # a mutation that may be valid (see test_integrity_corpus) says nothing
        outputs[language] = err.getvalue()
    _assert_speaks(outputs, mutation.id)


@pytest.mark.parametrize(
    "args",
    [("plugins",), ("list",), ("render", "-f", "md", "-o", "{tmp}/out", "{plan}")],
    ids=lambda args: args[0],
)
def test_plugin_failures_are_reported_in_the_chosen_language(
    good_and_bad: Path, args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fixture plugins that fail to import, raise in a hook, misspell a hook, clash,
    return the wrong thing or ship data that does not load: every warning about them, and
    what the command then says, in the chosen language."""
    from helsefellesskap.plugins import reset_default_manager

    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", raising=False)
    monkeypatch.delenv("HELSEFELLESSKAP_DISABLE_PLUGINS", raising=False)
    reset_default_manager()
    case = Case(" ".join(args[:1]) + " with failing plugins", args, codes=(0, 1, 2))
    outputs: dict[str, str] = {}
    for language in ("en", *NORWEGIAN):
        _, outputs[language] = _run(case, language, tmp_path, monkeypatch)
    assert "fixture-misspelt" in outputs["en"], outputs["en"]
    # `plugins` lists the commands by name: "new", "plugins", "rules" are code names there
    _assert_speaks(outputs, case.name, allowed=COMMAND_NAMES)
