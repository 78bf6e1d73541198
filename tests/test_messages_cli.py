"""The command line in nb, nn and en (issue 18 §3): argparse's own words and errors, the
help of every built-in command, each usage error of the commands, the readable output
of ``status`` and ``diff``, and how the language is chosen (``-l/--lang``, then
``HELSEFELLESSKAP_LANG``, then the locale).

Each Norwegian text is asserted word for word where it is the message's own, and
``tests/english.py`` finds no English in it outside data and code names.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from helsefellesskap.builtin.commands import BUILTIN_COMMANDS
from helsefellesskap.cli.parsing import asked_language, translate_error
from helsefellesskap.messages import catalogue, use_language
from helsefellesskap.testing import CliResult, check_message_catalogues, run_cli

from .english import english_words

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"
NORWEGIAN = ("nb", "nn")
COMMANDS = frozenset(name for name, _help, _target in BUILTIN_COMMANDS)
CODE_NAMES = COMMANDS | {"partnership", "plan", "plugin"}
"""Command names are code: ``rules``, ``plugins``, ``new`` and what ``new`` writes
(``partnership``, ``plugin``) are English words too."""


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine; the built-in plugins and the bundled partnerships."""
    for name in ("HELSEFELLESSKAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run_in(language: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> CliResult:
    """``helsefellesskap ARGS…`` with ``HELSEFELLESSKAP_LANG=language``."""
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    return run_cli(*args)


def no_english(text: str) -> None:
    found = english_words(text, allowed=CODE_NAMES)
    assert not found, f"English ({', '.join(sorted(set(found)))}) in:\n{text}"


def test_every_message_is_in_every_language() -> None:
    assert check_message_catalogues() == []
    for key in ("cli.argparse.usage", "help.exit_codes", "help.status.help"):
        assert key in catalogue("nb") and key in catalogue("nn")


# -- argparse ---------------------------------------------------------------------------


@attrs.frozen
class ParseCase:
    """A call argparse refuses, and the line it prints in nb and nn."""

    name: str
    args: tuple[str, ...]
    nb: str
    nn: str
    builtin_only: bool = False
    """Run with the built-in plugins only (installed plugins add commands)."""


PARSE_CASES = (
    ParseCase(
        "unknown command",
        ("rendr",),
        "`helsefellesskap`: feil: argumentet COMMAND: ugyldig valg: 'rendr' (velg blant "
        "'check', 'completion', 'coverage', 'diff', 'export', 'import', 'list', 'new', "
        "'plugins', 'render', 'rules', 'schema', 'serve', 'site', 'status', 'update', "
        "'validate'); mente du 'render'?",
        "`helsefellesskap`: feil: argumentet COMMAND: ugyldig val: 'rendr' (vel mellom "
        "'check', 'completion', 'coverage', 'diff', 'export', 'import', 'list', 'new', "
        "'plugins', 'render', 'rules', 'schema', 'serve', 'site', 'status', 'update', "
        "'validate'); meinte du 'render'?",
        builtin_only=True,
    ),
    ParseCase(
        "missing argument",
        ("check",),
        "`helsefellesskap check`: feil: disse argumentene mangler: PATH",
        "`helsefellesskap check`: feil: desse argumenta manglar: PATH",
    ),
    ParseCase(
        "missing option",
        ("export", "{example}"),
        "`helsefellesskap export`: feil: disse argumentene mangler: -o/--output",
        "`helsefellesskap export`: feil: desse argumenta manglar: -o/--output",
    ),
    ParseCase(
        "bad choice",
        ("check", "--format", "yaml", "{example}"),
        "`helsefellesskap check`: feil: argumentet --format: ugyldig valg: 'yaml' "
        "(velg blant 'text', 'json')",
        "`helsefellesskap check`: feil: argumentet --format: ugyldig val: 'yaml' "
        "(vel mellom 'text', 'json')",
    ),
    ParseCase(
        "unknown option",
        ("check", "--bogus", "{example}"),
        "`helsefellesskap`: feil: ukjente argumenter: '--bogus'",
        "`helsefellesskap`: feil: desse argumenta er ukjende: '--bogus'",
    ),
    ParseCase(
        "option without its value",
        ("render", "{example}", "-f"),
        "`helsefellesskap render`: feil: argumentet -f/--format: ventet én verdi",
        "`helsefellesskap render`: feil: argumentet -f/--format: venta éin verdi",
    ),
    ParseCase(
        "not a number",
        ("serve", "-p", "abc", "{example}"),
        "`helsefellesskap serve`: feil: argumentet -p/--port: ugyldig verdi av typen `int`: 'abc'",
        "`helsefellesskap serve`: feil: argumentet -p/--port: ugyldig verdi av typen `int`: 'abc'",
    ),
    ParseCase(
        "a Norwegian date",
        ("status", "--on", "30.06.2026", "{example}"),
        "`helsefellesskap status`: feil: argumentet --on: '30.06.2026' er en dato skrevet på "
        "norsk måte: skriv 2026-06-30",
        "`helsefellesskap status`: feil: argumentet --on: '30.06.2026' er ein dato skriven "
        "på norsk vis: skriv 2026-06-30",
    ),
    ParseCase(
        "not a date",
        ("update", "{plan}", "dho", "--status", "started", "--date", "i morgen"),
        "`helsefellesskap update`: feil: argumentet --date: 'i morgen' er ikke en dato: "
        "skriv den som ÅÅÅÅ-MM-DD, f.eks. 2025-01-31",
        "`helsefellesskap update`: feil: argumentet --date: 'i morgen' er ikkje ein dato: "
        "skriv han som ÅÅÅÅ-MM-DD, t.d. 2025-01-31",
    ),
    ParseCase(
        "bad alert",
        ("status", "--fail-on", "late", "{example}"),
        "`helsefellesskap status`: feil: argumentet --fail-on: 'late': skriv overdue, stale "
        "eller overdue,stale",
        "`helsefellesskap status`: feil: argumentet --fail-on: 'late': skriv overdue, stale "
        "eller overdue,stale",
    ),
    ParseCase(
        "unknown kind of new",
        ("new", "planne"),
        "`helsefellesskap new`: feil: argumentet WHAT: ugyldig valg: 'planne' (velg blant "
        "'partnership', 'plan', 'plugin'); mente du 'plan'?",
        "`helsefellesskap new`: feil: argumentet WHAT: ugyldig val: 'planne' (vel mellom "
        "'partnership', 'plan', 'plugin'); meinte du 'plan'?",
    ),
    ParseCase(
        "no such shell",
        ("completion", "fish"),
        "`helsefellesskap completion`: feil: argumentet shell: ugyldig valg: 'fish' "
        "(velg blant 'bash', 'zsh')",
        "`helsefellesskap completion`: feil: argumentet shell: ugyldig val: 'fish' "
        "(vel mellom 'bash', 'zsh')",
    ),
)


def _filled(args: tuple[str, ...]) -> list[str]:
    places = {"{example}": str(EXAMPLE), "{plan}": str(EXAMPLE / PLAN)}
    filled = []
    for arg in args:
        for key, value in places.items():
            arg = arg.replace(key, value)
        filled.append(arg)
    return filled


@pytest.mark.parametrize("case", PARSE_CASES, ids=lambda case: case.name)
def test_argparse_refuses_in_the_chosen_language(
    case: ParseCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.builtin_only:
        monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")
    for language, expected in (("nb", case.nb), ("nn", case.nn)):
        result = run_in(language, monkeypatch, *_filled(case.args))
        assert (result.code, result.stdout) == (2, ""), result.stderr
        usage, line = result.stderr.rstrip("\n").rsplit("\n", 1)
        assert usage.startswith("bruk: `helsefellesskap")
        assert line == expected
        no_english(result.stderr)
    english = run_in("en", monkeypatch, *_filled(case.args))
    assert english.code == 2 and english.stderr.startswith("usage: helsefellesskap")
    assert ": error: " in english.stderr and english_words(english.stderr)


def test_english_keeps_argparse_s_own_words() -> None:
    with use_language("en"):
        for text in (
            "the following arguments are required: PATH",
            "argument --format: invalid choice: 'yaml' (choose from 'text', 'json')",
            "unrecognized arguments: --bogus",
            "argument -f/--format: expected one argument",
            "argument -p/--port: invalid int value: 'abc'",
            "ambiguous option: --fo could match --format, --force",
            "argument --a: not allowed with argument --b",
        ):
            assert translate_error(text) == text.replace(
                "unrecognized arguments: --bogus", "unrecognized arguments: '--bogus'"
            )
    with use_language("nn"):
        assert translate_error("ambiguous option: --fo could match --format, --force") == (
            "valet --fo er tvitydig, det kan vere --format, --force"
        )
        assert translate_error("argument --a: not allowed with argument --b") == (
            "argumentet --a: kan ikkje brukast saman med --b"
        )
        assert translate_error("an ArgumentTypeError's own words") == (
            "an ArgumentTypeError's own words"
        )


# -- help -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", NORWEGIAN)
def test_the_top_level_help_is_in_the_chosen_language(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")  # plugins' commands: their words
    result = run_in(language, monkeypatch, "--help")
    assert result.code == 0 and result.stderr == ""
    text = result.stdout
    options, positionals, exit_status = {
        "nb": ("valg:", "posisjonsargumenter:", "avslutningsstatus:"),
        "nn": ("val:", "posisjonsargument:", "avslutningsstatus:"),
    }[language]
    assert text.startswith("bruk: `helsefellesskap` [-h] [--version] [--disable-plugin NAME]")
    assert f"\n{positionals}\n" in text and f"\n{options}\n" in text
    assert f"\n{exit_status}\n" in text
    assert "vis denne hjelpeteksten og avslutt" in text
    words = {
        "nb": "    check               last en helsefellesskapsmappe eller et dokument og",
        "nn": "    check               last ei helsefellesskapsmappe eller eit dokument og",
    }
    assert words[language] in text
    no_english(text)


@pytest.mark.parametrize("language", NORWEGIAN)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_built_in_command_s_help_is_in_the_chosen_language(
    command: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_in(language, monkeypatch, command, "--help")
    assert result.code == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"bruk: `helsefellesskap {command}`")
    assert text.rstrip().endswith(catalogue(language)["help.exit_codes"].rstrip())
    assert catalogue(language)[f"help.{command}.help"] in text
    no_english(text)


def test_the_help_of_status_and_diff_word_for_word(monkeypatch: pytest.MonkeyPatch) -> None:
    status = run_in("nn", monkeypatch, "status", "--help").stdout
    assert "  --on DATE             dagen forseinka tiltak skal finnast på (ÅÅÅÅ-MM-DD;\n" in status
    assert "\nval:\n  -h, --help            vis denne hjelpeteksten og avslutt\n" in status
    diff = run_in("nb", monkeypatch, "diff", "--help").stdout
    assert "(standard 0.8; 1 parer bare etter id)" in " ".join(diff.split())
    assert "\nposisjonsargumenter:\n  OLD " in diff


def test_the_subcommands_of_new_have_their_help(monkeypatch: pytest.MonkeyPatch) -> None:
    for what in ("partnership", "plan", "plugin"):
        result = run_in("nn", monkeypatch, "new", what, "--help")
        assert result.code == 0
        assert result.stdout.startswith(f"bruk: `helsefellesskap new {what}`")
        assert catalogue("nn")[f"help.new.{what}_description"] in result.stdout
        no_english(result.stdout)


def test_the_english_help_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_in("en", monkeypatch, "check", "--help")
    assert result.stdout.startswith("usage: helsefellesskap check [-h] [--format {text,json}]")
    assert "\noptions:\n  -h, --help            show this help message and exit\n" in result.stdout
    assert "\npositional arguments:\n  PATH " in result.stdout


# -- usage errors -----------------------------------------------------------------------


def _git_repository(tmp: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp)], check=True)
    shutil.copy(EXAMPLE / PLAN, tmp / "plan.toml")


def _site_files(tmp: Path) -> None:
    (tmp / "out.md").write_text("mine\n", "utf-8")
    (tmp / "full").mkdir()
    (tmp / "full" / "mine.txt").write_text("mine\n", "utf-8")


@attrs.frozen
class UsageCase:
    """A command called wrongly, and its message in nb and nn (``{tmp}``: a fresh folder,
    ``{example}``: a copy of the example partnership, ``{plan}``: its action plan)."""

    name: str
    args: tuple[str, ...]
    nb: str
    nn: str
    prepare: Callable[[Path], None] | None = None


USAGE_CASES = (
    # render
    UsageCase(
        "render: whole partnership without a folder",
        ("render", "{example}"),
        "et helt helsefellesskap gir én fil per dokument og format: oppgi en mappe med -o DIR",
        "eit heilt helsefellesskap gir éi fil per dokument og format: gi opp ei mappe med -o DIR",
    ),
    UsageCase(
        "render: whole partnership into a file",
        ("render", "{example}", "-o", "{tmp}/out.md"),
        "{tmp}/out.md er en fil: et helt helsefellesskap skrives i en mappe",
        "{tmp}/out.md er ei fil: eit heilt helsefellesskap blir skrive i ei mappe",
        _site_files,
    ),
    UsageCase(
        "render: into the source folder",
        ("render", "{example}", "-o", "{example}/build"),
        "{example}/build ligger i kildemappen {example} til helsefellesskapet: skriv de "
        "ferdige filene et annet sted (f.eks. -o build/eksempel)",
        "{example}/build ligg i kjeldemappa {example} til helsefellesskapet: skriv dei "
        "ferdige filene ein annan stad (t.d. -o build/eksempel)",
    ),
    UsageCase(
        "render: over a source file",
        ("render", "{plan}", "-o", "{plan}"),
        "{plan} er en kildefil i helsefellesskapet: den blir aldri overskrevet",
        "{plan} er ei kjeldefil i helsefellesskapet: ho blir aldri skriven over",
    ),
    UsageCase(
        "render: several formats without a folder",
        ("render", "{plan}", "-f", "md", "-f", "html"),
        "flere formater gir flere filer: oppgi en mappe med -o DIR",
        "fleire format gir fleire filer: gi opp ei mappe med -o DIR",
    ),
    UsageCase(
        "render: several formats into a file name",
        ("render", "{plan}", "-f", "md,html", "-o", "{tmp}/plan.md"),
        "{tmp}/plan.md ser ut som et filnavn, men flere filer skrives: oppgi en mappe "
        "(-o {tmp}/plan), eller avslutt navnet med / for å gjøre plan.md til en mappe",
        "{tmp}/plan.md ser ut som eit filnamn, men fleire filer blir skrivne: gi opp ei "
        "mappe (-o {tmp}/plan), eller avslutt namnet med / for å gjere plan.md til ei mappe",
    ),
    UsageCase(
        "render: several formats into a file",
        ("render", "{plan}", "-f", "md,html", "-o", "{tmp}/out.md"),
        "{tmp}/out.md er en fil: flere filer skrives, så -o må være en mappe",
        "{tmp}/out.md er ei fil: fleire filer blir skrivne, så -o må vere ei mappe",
        _site_files,
    ),
    UsageCase(
        "render: below a file",
        ("render", "{plan}", "-o", "{tmp}/out.md/plan.md"),
        "kan ikke skrive {tmp}/out.md/plan.md: {tmp}/out.md er en fil, ikke en mappe",
        "kan ikkje skrive {tmp}/out.md/plan.md: {tmp}/out.md er ei fil, ikkje ei mappe",
        _site_files,
    ),
    UsageCase(
        "render: one document in two languages",
        ("render", "{plan}", "-l", "se", "-l", "de"),  # no language of messages
        "ett dokument lages på ett språk: oppgi --lang én gang",
        "eitt dokument blir laga på eitt språk: gi opp --lang éin gong",
    ),
    UsageCase(
        "render: a binary format to standard output",
        ("render", "{plan}", "-f", "docx"),
        "formatet 'docx' er binært: skriv det til en fil med -o FIL",
        "formatet 'docx' er binært: skriv det til ei fil med -o FIL",
    ),
    # diff
    UsageCase(
        "diff: one revision",
        ("diff", "{plan}"),
        "oppgi to versjoner (diff OLD NEW), eller én fil med --since REV",
        "gi opp to versjonar (diff OLD NEW), eller éi fil med --since REV",
    ),
    UsageCase(
        "diff: since with two revisions",
        ("diff", "{plan}", "{plan}", "--since", "HEAD"),
        "--since sammenligner én fil med en versjon av den i git: oppgi FILE --since REV, "
        "eller to versjoner OLD NEW uten --since",
        "--since samanliknar éi fil med ein versjon av ho i git: gi opp FILE --since REV, "
        "eller to versjonar OLD NEW utan --since",
    ),
    UsageCase(
        "diff: since of a folder",
        ("diff", "{example}", "--since", "HEAD"),
        "{example}: --since tar en dokumentfil (ikke en mappe eller id)",
        "{example}: --since tek ei dokumentfil (ikkje ei mappe eller ein id)",
    ),
    UsageCase(
        "diff: not in git",
        ("diff", "{plan}", "--since", "HEAD"),
        "{plan}: ligger ikke i et git-repo, så det finnes ingen versjon 'HEAD' av den: "
        "sammenlign to filer i stedet (helsefellesskap diff OLD NEW)",
        "{plan}: ligg ikkje i eit git-repo, så det finst ingen versjon 'HEAD' av ho: "
        "samanlikn to filer i staden (helsefellesskap diff OLD NEW)",
    ),
    UsageCase(
        "diff: no such revision",
        ("diff", "{tmp}/plan.toml", "--since", "v9"),
        "{tmp}/plan.toml: ingen versjon 'v9' av den i git: «",
        "{tmp}/plan.toml: ingen versjon 'v9' av ho i git: «",
        _git_repository,
    ),
    UsageCase(
        "diff: a folder with a file",
        ("diff", "{example}", "{plan}"),
        "kan ikke sammenligne helsefellesskapsmappen til 'eksempel' med action-plan "
        "'handlingsplan-2024-2025': oppgi to mapper eller to filer",
        "kan ikkje samanlikne helsefellesskapsmappa til 'eksempel' med action-plan "
        "'handlingsplan-2024-2025': gi opp to mapper eller to filer",
    ),
    UsageCase(
        "diff: a threshold above 1",
        ("diff", "{plan}", "{plan}", "--threshold", "2"),
        "--threshold 2.0: oppgi et tall fra 0 til 1",
        "--threshold 2.0: gi opp eit tal frå 0 til 1",
    ),
    UsageCase(
        "diff: a changelog of folders",
        ("diff", "{example}", "{example}", "--format", "md"),
        "--format md viser endringsloggen mellom to dokumenter: oppgi to dokumentfiler (eller "
        "én med --since), eller bruk --format text eller json",
        "--format md viser endringsloggen mellom to dokument: gi opp to dokumentfiler (eller "
        "éi med --since), eller bruk --format text eller json",
    ),
    UsageCase(
        "diff: a changelog outside a partnership",
        ("diff", "{tmp}/plan.toml", "{tmp}/plan.toml", "--format", "md"),
        "handlingsplan-2024-2025: endringsloggen vises med navnene og etikettene til "
        "helsefellesskapet, og filen ligger verken i en helsefellesskapsmappe eller hører "
        "til et installert helsefellesskap",
        "handlingsplan-2024-2025: endringsloggen blir vist med namna og etikettane til "
        "helsefellesskapet, og fila ligg verken i ei helsefellesskapsmappe eller høyrer til "
        "eit installert helsefellesskap",
        _git_repository,
    ),
    # status, coverage, update
    UsageCase(
        "status: negative stale days",
        ("status", "{example}", "--stale-after", "-1"),
        "--stale-after -1: oppgi 0 dager eller flere",
        "--stale-after -1: gi opp 0 dagar eller fleire",
    ),
    UsageCase(
        "status: not an action plan",
        ("status", "{example}/declarations/fjordviklofte-2023-2026.toml"),
        "declaration «fjordviklofte-2023-2026» er ikke en handlingsplan: oppgi en plan, eller "
        "et helsefellesskap for hver av planene dets",
        "declaration «fjordviklofte-2023-2026» er ikkje ein handlingsplan: gi opp ein plan, "
        "eller eit helsefellesskap for kvar av planane til det",
    ),
    UsageCase(
        "status: a document report of several plans",
        ("status", "troms-ofoten", "-f", "md"),
        "en rapport som dokument gjelder én handlingsplan: oppgi én (planene er "
        "handlingsplan-2023, handlingsplan-2025-2026)",
        "ein rapport som dokument gjeld éin handlingsplan: gi opp éin (planane er "
        "handlingsplan-2023, handlingsplan-2025-2026)",
    ),
    UsageCase(
        "coverage: no measures counted",
        ("coverage", "{example}", "--many", "0"),
        "--many 0: oppgi 1 tiltak eller flere",
        "--many 0: gi opp 1 tiltak eller fleire",
    ),
    UsageCase(
        "update: not a plan file",
        ("update", "{example}", "dho", "--status", "done"),
        "{example}: oppgi TOML-filen til handlingsplanen (eller vedtaksfilen) som skal oppdateres",
        "{example}: gi opp TOML-fila til handlingsplanen (eller vedtaksfila) som skal oppdaterast",
    ),
    # schema, site, serve, import, completion, list
    UsageCase(
        "schema: no such schema",
        ("schema", "action-plans"),
        "ingen skjema heter 'action-plans' (mente du «action-plan»? skjemaene er: "
        '"partnership", "national", ',
        "inkje skjema heiter 'action-plans' (meinte du «action-plan»? skjemaa er: "
        '"partnership", "national", ',
    ),
    UsageCase(
        "schema: all to standard output",
        ("schema",),
        'oppgi én TYPE som skal skrives ut ("partnership", "national", ',
        'gi opp éin TYPE som skal skrivast ut ("partnership", "national", ',
    ),
    UsageCase(
        "site: a document",
        ("site", "{plan}", "-o", "{tmp}/site"),
        "{plan} er et dokument: nettstedet lages av hele helsefellesskap (oppgi mappen eller "
        "id-en til helsefellesskapet)",
        "{plan} er eit dokument: nettstaden blir laga av heile helsefellesskap (gi opp mappa "
        "eller id-en til helsefellesskapet)",
    ),
    UsageCase(
        "site: named twice",
        ("site", "{example}", "{example}", "-o", "{tmp}/site"),
        "helsefellesskapet eksempel er oppgitt to ganger",
        "helsefellesskapet eksempel er oppgitt to gonger",
    ),
    UsageCase(
        "site: into a file",
        ("site", "{example}", "-o", "{tmp}/out.md"),
        "{tmp}/out.md er en fil: nettstedet skrives i en mappe (-o DIR)",
        "{tmp}/out.md er ei fil: nettstaden blir skriven i ei mappe (-o DIR)",
        _site_files,
    ),
    UsageCase(
        "site: into a folder of other files",
        ("site", "{example}", "-o", "{tmp}/full"),
        "{tmp}/full er ikke tom og har ikke et nettsted som er skrevet før (ingen ",
        "{tmp}/full er ikkje tom og har ikkje ein nettstad som er skriven før (ingen ",
        _site_files,
    ),
    UsageCase(
        "site: into the source folder",
        ("site", "{example}", "-o", "{example}/site"),
        "{example}/site ligger i kildemappen til eksempel ({example}): skriv nettstedet et "
        "annet sted (f.eks. -o build/site)",
        "{example}/site ligg i kjeldemappa til eksempel ({example}): skriv nettstaden ein "
        "annan stad (t.d. -o build/site)",
    ),
    UsageCase(
        "serve: a port out of range",
        ("serve", "{example}", "--port", "70000"),
        "--port 70000: en port er et tall fra 0 til 65535",
        "--port 70000: ein port er eit tal frå 0 til 65535",
    ),
    UsageCase(
        "import: a Word plan without a folder",
        ("import", "{tmp}/plan.docx"),
        "{tmp}/plan.docx: oppgi helsefellesskapsmappen det skal importeres til: --into FOLDER",
        "{tmp}/plan.docx: gi opp helsefellesskapsmappa det skal importerast til: --into FOLDER",
    ),
    UsageCase(
        "completion: no shell",
        ("completion",),
        "oppgi skallet: helsefellesskap completion bash (eller zsh)",
        "gi opp skalet: helsefellesskap completion bash (eller zsh)",
    ),
    UsageCase(
        "list: no such partnership",
        ("list", "nowhere"),
        "nowhere: ingen installert helsefellesskap heter 'nowhere' (installert: ",
        "nowhere: inkje installert helsefellesskap heiter 'nowhere' (installert: ",
    ),
)


@pytest.mark.parametrize("case", USAGE_CASES, ids=lambda case: case.name)
def test_each_usage_error_in_the_chosen_language(
    case: UsageCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = {}
    for language in ("en", *NORWEGIAN):
        work = tmp_path / language
        work.mkdir()
        shutil.copytree(EXAMPLE, work / "example")
        if case.prepare is not None:
            case.prepare(work)
        places = {
            "{tmp}": str(work),
            "{example}": str(work / "example"),
            "{plan}": str(work / "example" / PLAN),
        }

        def fill(text: str, places: dict[str, str] = places) -> str:
            for key, value in places.items():
                text = text.replace(key, value)
            return text

        result = run_in(language, monkeypatch, *(fill(arg) for arg in case.args))
        assert result.code == 2, (language, result)
        prefix = "" if case.name.startswith("list") else ("feil: " if language != "en" else "")
        if language != "en":
            expected = fill(case.nb if language == "nb" else case.nn)
            assert prefix + expected in result.stderr, result.stderr
            no_english(result.stdout + result.stderr)
        outputs[language] = result.stderr
    assert outputs["en"] not in (outputs["nb"], outputs["nn"])
    assert english_words(outputs["en"]), outputs["en"]


# -- status and diff --------------------------------------------------------------------


def test_status_in_nynorsk_word_for_word(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_in("nn", monkeypatch, "status", str(EXAMPLE), "--on", "2026-01-01")
    assert result.code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "handlingsplan-2024-2025 (Handlingsplan 2024–2025) per 01.01.2026, med årsrapporten "
        "arsrapport-2024",
        "  tiltak: 4 (1 planlagt, 1 byrja på, 2 gjennomført)",
        "  etter ansvarleg:",
        "    FSU BU             1 (1 gjennomført)",
        "    Samhandl.-sjefene  1 (1 gjennomført)",
        "    FSU DIG            1 (1 planlagt, 1 forseinka)",
        "    kommunene          2 (1 planlagt, 1 byrja på, 2 forseinka)",
        "    FSHF               1 (1 byrja på, 1 forseinka)",
        "  forseinka: 2",
        "    dho: Støtte digital hjemmeoppfølging (FSU DIG, kommunene)",
        "      frist 2024-2025 (31.12.2025); planlagt",
        "    hospitering: Etablere hospiteringsordning mellom tjenestenivåene (FSHF, kommunene)",
        "      frist 30.06.2025; byrja på",
        "  utan oppdatering på meir enn 180 dagar: 1",
        "    dho: Støtte digital hjemmeoppfølging (FSU DIG, kommunene)",
        "      inga oppdatering sidan planen byrja; planlagt",
    ]


@pytest.mark.parametrize("partnership", ["troms-ofoten", "helgeland"])
@pytest.mark.parametrize("language", NORWEGIAN)
def test_status_of_the_bundled_partnerships_has_no_toml_and_no_english(
    partnership: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_in(language, monkeypatch, "status", partnership, "--on", "2026-01-01")
    assert result.code == 0, result.stderr
    assert "{" not in result.stdout and "means =" not in result.stdout
    assert "frist" in result.stdout
    # measures' own texts are data: only the command's own lines are checked for English
    own = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    no_english("\n".join(own))


def _edited_plan(tmp_path: Path) -> Path:
    root = tmp_path / "edited"
    shutil.copytree(EXAMPLE, root)
    plan = root / PLAN
    text = plan.read_text("utf-8")
    for old, new in (
        (
            'deadline = { text = "Innen utgangen av 2024", means = 2024-12-31 }',
            'deadline = { text = "Innen sommeren 2025", means = 2025-06-30 }',
        ),
        ("deadline = 2025-06-30", "deadline = 2025-12-31"),
        ('responsible = ["fsu-bu"]', 'responsible = ["fsu-bu", "kommunene"]'),
        (
            "\n[[references]]",
            '\n[[focus_areas.goals.measures.updates]]\ndate = 2025-11-01\nstatus = "done"\n'
            'note = "Ferdig."\nreported_by = "kommunene"\n\n[[references]]',
        ),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    plan.write_text(text, "utf-8")
    return plan


def test_diff_prints_names_and_readable_deadlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = _edited_plan(tmp_path)
    expected = {
        "en": [
            "action-plan handlingsplan-2024-2025",
            '  changed  $.focus_areas[0].goals[0].measures[0].responsible: measure "overganger": '
            "FSU BU -> FSU BU, kommunene",
            '  changed  $.focus_areas[0].goals[0].measures[1].deadline: measure "fagdager": '
            '"Innen utgangen av 2024" (31.12.2024) -> "Innen sommeren 2025" (30.06.2025)',
            '  changed  $.focus_areas[1].goals[0].measures[0].deadline: measure "hospitering": '
            "30.06.2025 -> 31.12.2025",
            "  added    $.focus_areas[1].goals[0].measures[0].updates[1]: status-update of "
            '"hospitering": 01.11.2025 done: "Ferdig." (reported by kommunene)',
            "4 changes: 1 added, 3 changed",
        ],
        "nb": [
            "action-plan handlingsplan-2024-2025",
            '  endret    $.focus_areas[0].goals[0].measures[0].responsible: tiltak "overganger": '
            "FSU BU -> FSU BU, kommunene",
            '  endret    $.focus_areas[0].goals[0].measures[1].deadline: tiltak "fagdager": '
            '"Innen utgangen av 2024" (31.12.2024) -> "Innen sommeren 2025" (30.06.2025)',
            '  endret    $.focus_areas[1].goals[0].measures[0].deadline: tiltak "hospitering": '
            "30.06.2025 -> 31.12.2025",
            "  lagt til  $.focus_areas[1].goals[0].measures[0].updates[1]: statusoppdatering av "
            '"hospitering": 01.11.2025 gjennomført: "Ferdig." (meldt av kommunene)',
            "4 endringer: 1 lagt til, 3 endret",
        ],
        "nn": [
            "action-plan handlingsplan-2024-2025",
            '  endra     $.focus_areas[0].goals[0].measures[0].responsible: tiltak "overganger": '
            "FSU BU -> FSU BU, kommunene",
            '  endra     $.focus_areas[0].goals[0].measures[1].deadline: tiltak "fagdager": '
            '"Innen utgangen av 2024" (31.12.2024) -> "Innen sommeren 2025" (30.06.2025)',
            '  endra     $.focus_areas[1].goals[0].measures[0].deadline: tiltak "hospitering": '
            "30.06.2025 -> 31.12.2025",
            "  lagt til  $.focus_areas[1].goals[0].measures[0].updates[1]: statusoppdatering av "
            '"hospitering": 01.11.2025 gjennomført: "Ferdig." (meldt av kommunene)',
            "4 endringar: 1 lagt til, 3 endra",
        ],
    }
    for language, lines in expected.items():
        result = run_in(language, monkeypatch, "diff", str(EXAMPLE / PLAN), str(edited))
        assert (result.code, result.stderr) == (1, "")
        assert result.stdout.splitlines() == lines
        assert "{" not in result.stdout and "means =" not in result.stdout
        if language != "en":
            no_english(result.stdout)


def test_diff_of_two_folders_counts_documents_in_nynorsk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = _edited_plan(tmp_path).parents[1]
    (edited / "reports" / "arsrapport-2024.toml").unlink()
    result = run_in("nn", monkeypatch, "diff", str(EXAMPLE), str(edited))
    assert result.code == 1
    assert result.stdout.splitlines()[-2:] == [
        "dokument fjerna    annual-report arsrapport-2024",
        "4 endringar: 1 lagt til, 3 endra, 1 dokument fjerna",
    ]
    no_english(result.stdout)


def test_an_unchanged_plan_in_bokmal(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_in("nb", monkeypatch, "diff", str(EXAMPLE / PLAN), str(EXAMPLE / PLAN))
    assert (result.code, result.stdout) == (0, "ingen endringer\n")


# -- other output -----------------------------------------------------------------------


def test_check_coverage_and_list_in_the_chosen_language(monkeypatch: pytest.MonkeyPatch) -> None:
    check = run_in("nb", monkeypatch, "check", str(EXAMPLE))
    assert check.stdout.startswith(
        "ok: Helsefellesskap Eksempel: 8 partnere, 6 organer, dokumenter: 1 «action-plan», "
    )
    coverage = run_in("nn", monkeypatch, "coverage", str(EXAMPLE / PLAN)).stdout
    assert "  ikkje dekt: 3 prioriterte grupper\n  hol:\n" in coverage
    assert "  satsing «personell» (NOK PERSONELL MED RIKTIG KOMPETANSE): " in coverage
    listing = run_in("nn", monkeypatch, "list", "helgeland").stdout
    assert listing.startswith("helgeland: Helsefellesskap Helgeland (utvidinga helgeland)\n")
    plugins = run_in("nb", monkeypatch, "plugins").stdout
    assert "helsefellesskap.builtin.rules (innebygd)\n  kroker: hf_rules\n  regler: " in plugins
    for text in (check.stdout, listing):
        no_english(text)


def test_written_files_are_told_in_the_chosen_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.md"
    result = run_in("nb", monkeypatch, "render", str(EXAMPLE / PLAN), "-o", str(out))
    assert (result.code, result.stdout) == (0, f"skrev {out}\n")
    folder = tmp_path / "all"
    result = run_in("nn", monkeypatch, "render", str(EXAMPLE), "-o", str(folder), "--no-check")
    assert result.code == 0
    assert result.stdout.startswith("skreiv ") and result.stdout.endswith(f" filer til {folder}\n")
    schema = run_in("nn", monkeypatch, "schema", "national", "-o", str(tmp_path / "s"))
    assert schema.stdout == f"skreiv {tmp_path / 's' / 'national.schema.json'}\n"


# -- the choice of language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["-l", "nn", "check"], {"HELSEFELLESSKAP_LANG": "nb", "LANG": "en_US.UTF-8"}, "nn"),
        (["--lang=nn", "check"], {"HELSEFELLESSKAP_LANG": "nb", "LANG": "en_US.UTF-8"}, "nn"),
        (["check"], {"HELSEFELLESSKAP_LANG": "nb", "LANG": "en_US.UTF-8"}, "nb"),
        (["check"], {"LANG": "en_US.UTF-8"}, "en"),
        (["check"], {"LANG": "nn_NO.UTF-8"}, "nn"),
        (["check"], {"LC_ALL": "nb_NO.UTF-8", "LANG": "nn_NO.UTF-8"}, "nb"),
        (["check"], {}, "en"),
    ],
)
def test_the_language_chain(
    args: list[str], environ: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = run_cli(*args)
    required = {
        "nb": "disse argumentene mangler: PATH",
        "nn": "desse argumenta manglar: PATH",
        "en": "the following arguments are required: PATH",
    }
    assert result.code == 2
    assert required[expected] in result.stderr, result.stderr


def test_a_command_s_own_lang_chooses_the_language_of_its_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", "nb")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run_cli("render", str(EXAMPLE / PLAN), "-f", "docx", "--lang", "nn")
    assert result.code == 2
    assert "formatet 'docx' er binært: skriv det til ei fil med -o FIL" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["render", "x", "-l", "nn"], "nn"),
        (["render", "x", "-lnb"], "nb"),
        (["render", "x", "--lang=en"], "en"),
        (["site", "--languages", "nn"], "nn"),
        (["render", "x", "-l", "de", "-l", "nn"], "nn"),
        (["render", "x", "--", "-l", "nn"], None),
        (["render", "x", "-l"], None),
        (["render", "--lang-file", "nn"], None),
    ],
)
def test_asked_language_finds_the_option_before_parsing(
    arguments: list[str], expected: str | None
) -> None:
    assert asked_language(arguments) == expected


def test_rules_follows_the_same_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    english = json.loads(run_cli("rules", "HF202", "--format", "json").stdout)
    assert english["language"] == "en"
    monkeypatch.setenv("LANG", "nn_NO.UTF-8")
    assert json.loads(run_cli("rules", "HF202", "--format", "json").stdout)["language"] == "nn"
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", "nb")
    assert json.loads(run_cli("rules", "HF202", "--format", "json").stdout)["language"] == "nb"
    chosen = run_cli("rules", "HF202", "--format", "json", "--lang", "en").stdout
    assert json.loads(chosen)["language"] == "en"


# -- the operating system's errors ------------------------------------------------------


def test_the_system_s_errors_in_the_chosen_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    missing = tmp_path / "missing" / "deeper" / "plan.csv"
    expected = {
        "nb": ("ikke en mappe", "filen eller mappen finnes ikke"),
        "nn": ("ikkje ei mappe", "fila eller mappa finst ikkje"),
        "en": ("not a directory", "no such file or directory"),
    }
    for language, (not_a_folder, not_found) in expected.items():
        schema = run_in(language, monkeypatch, "schema", "-o", str(blocker / "schemas"))
        assert schema.code == 2
        assert schema.stderr.endswith(f": {not_a_folder}\n"), schema.stderr
        export = run_in(
            language, monkeypatch, "export", str(EXAMPLE), "-f", "csv", "-o", str(missing)
        )
        assert export.code == 2
        assert export.stderr.endswith(f"{missing}: {not_found}\n"), export.stderr
        if language != "en":
            no_english(schema.stderr + export.stderr)


def test_an_uncommon_system_error_keeps_the_system_s_words() -> None:
    import errno

    from helsefellesskap.cli import _describe_os_error

    error = OSError(errno.ELOOP, "Too many levels of symbolic links", "/x")
    with use_language("nb"):
        assert _describe_os_error(error) == "/x: systemet sier «too many levels of symbolic links»"
    with use_language("en"):
        assert _describe_os_error(error) == "/x: too many levels of symbolic links"


def test_a_lang_option_without_a_value_still_finds_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run_in("nn", monkeypatch, "check", str(EXAMPLE), "-l")
    assert result.code == 2
    assert result.stderr.endswith(
        "`helsefellesskap check`: feil: argumentet -l/--lang: venta éin verdi\n"
    )
    top = run_in("en", monkeypatch, "-l", "nb", "check")
    assert top.stderr.endswith("disse argumentene mangler: PATH\n")


def test_diff_values_read_as_people_read_them() -> None:
    import datetime as dt

    from helsefellesskap.cli.diff import value_text

    names = {"fsu-bu": "FSU BU"}
    section = {"title": "Innledning", "paragraphs": ["a", "b"]}
    update = {"date": dt.date(2025, 11, 1), "status": "started", "reported_by": "fsu-bu"}
    with use_language("nn"):
        assert value_text("period", {"start": 2025, "end": 2026}) == "2025-2026"
        assert value_text("period", {"start": 2023, "end": 2023}) == "2023"
        assert value_text("introduction", section) == '"Innledning" (2 avsnitt)'
        assert value_text("parties", ["fsu-bu", "unn"], names) == "FSU BU, unn"
        assert value_text("deadline", dt.date(2025, 6, 30)) == "30.06.2025"
        assert value_text("status", "postponed") == "utsett"
        assert value_text(None, update, names) == "01.11.2025 byrja på (meldt av FSU BU)"
        assert value_text("responsible", [], names) == "(ingen)"
        assert value_text("adopted", dt.date(2024, 4, 18)) == "2024-04-18"
        assert value_text("omit", ["abbreviations"]) == '["abbreviations"]'
    with use_language("en"):
        assert value_text("introduction", section) == '"Innledning" (2 paragraphs)'
        assert value_text(None, update, names) == "01.11.2025 started (reported by FSU BU)"


@pytest.mark.parametrize("command", ["validate", "check", "list", "plugins"])
def test_a_command_without_its_own_lang_takes_the_top_levels_after_its_name(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``helsefellesskap validate -l nn …`` is ``helsefellesskap -l nn validate …``."""
    target = [] if command in ("list", "plugins") else [str(EXAMPLE)]
    after = run_in("en", monkeypatch, command, "-l", "nn", *target)
    before = run_in("en", monkeypatch, "-l", "nn", command, *target)
    assert after.code == before.code == 0, after.stderr
    assert after.stdout == before.stdout
    assert after.stderr == before.stderr
    if command == "validate":
        assert "ok: 0 feil, 0 åtvaringar" in after.stdout
