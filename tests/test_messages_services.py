"""Messages of the library's services in nb and nn (issue 18 §3): rendering, plugin
failures, follow-up, import, the rule engine, the site and ``new``.

Each error is caused through the entry a user or a program calls (``render``, the command
line, ``record_update``, ``import_plan``, a real installed broken plugin), in bokmål and
nynorsk: the test asserts the wording, and ``tests/english.py`` finds no English word
left outside data and code names. The English wording is asserted by the tests of each
area, which run in English.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import helsefellesskap
from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.errors import HelsefellesskapError, RenderError, UsageError
from helsefellesskap.followup.recording import parse_status, record_update
from helsefellesskap.importing import ImportFailed, import_plan
from helsefellesskap.importing.spreadsheets import format_sheet_results, import_sheets
from helsefellesskap.messages import LANGUAGES, catalogue, use_language
from helsefellesskap.render.api import render, render_bundle
from helsefellesskap.scaffold import new_plan, new_plugin
from helsefellesskap.site.live import LiveProblem
from helsefellesskap.testing import check_message_catalogues, make_manager, run_cli
from helsefellesskap.validate import validate
from helsefellesskap.validate.isolation import time_limit_from_env

from .english import english_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"
PLAN_ID = "handlingsplan-2024-2025"
AREAS = ("render", "plugins", "followup", "importing", "validate", "site", "scaffold")
NORWEGIAN = ("nb", "nn")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example partnership, to write into."""
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.fixture
def english_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No language from the machine: the command line speaks what ``--lang`` or
    ``HELSEFELLESSKAP_LANG`` says; built-in plugins only."""
    for name in ("HELSEFELLESSKAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")
    yield


def _no_english(text: str, allowed: frozenset[str] = frozenset()) -> None:
    """Fail listing the English words of ``text`` outside data and code names
    (``allowed``: data the test knows is there unquoted, such as a column letter)."""
    found = english_words(text, allowed=allowed)
    assert not found, f"English in Norwegian output {found}:\n{text}"


def _raised(language: str, call: object, error: type[BaseException] = HelsefellesskapError) -> str:
    """The message of what ``call()`` raises with messages in ``language``."""
    assert callable(call)
    with use_language(language), pytest.raises(error) as caught:
        call()
    return str(caught.value)


# -- the catalogues ---------------------------------------------------------------------


@pytest.mark.parametrize("area", AREAS)
def test_every_area_has_its_messages_in_every_language(area: str) -> None:
    for language in LANGUAGES:
        assert any(key.startswith(f"{area}.") for key in catalogue(language)), (area, language)
    problems = [p for p in check_message_catalogues() if p.split(": ", 1)[1].startswith(area)]
    assert problems == []


@pytest.mark.parametrize("language", NORWEGIAN)
def test_no_norwegian_message_of_these_areas_has_english_words(language: str) -> None:
    texts = catalogue(language)
    english = catalogue("en")
    for key, text in texts.items():
        if key.split(".", 1)[0] not in AREAS:
            continue
        # the fields stand for data: what is left is the sentence
        found = english_words(text)
        assert not found, (key, found, text)
        assert text != english[key] or not english_words(english[key]), key


# -- rendering --------------------------------------------------------------------------

UNKNOWN_FORMAT = {
    "nb": "ukjent format 'jsn': mente du 'json'? formatene er html, json, md",
    "nn": "ukjent format 'jsn': meinte du 'json'? formata er html, json, md",
}


@pytest.mark.parametrize("language", NORWEGIAN)
def test_an_unknown_format(language: str) -> None:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document(PLAN_ID)
    assert plan is not None
    text = _raised(
        language, lambda: render(plan, "jsn", bundle=bundle, manager=make_manager()), RenderError
    )
    assert text == UNKNOWN_FORMAT[language]
    _no_english(text)


@pytest.mark.parametrize("language", NORWEGIAN)
def test_an_unknown_format_on_the_command_line(
    language: str, english_env: None, tmp_path: Path
) -> None:
    result = run_cli(
        "render", str(EXAMPLE / PLAN), "-f", "jsn", "-l", language, "-o", str(tmp_path)
    )
    assert result.code == 2
    assert result.stderr == f"feil: {UNKNOWN_FORMAT[language]}\n"
    _no_english(result.stderr)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "ingen etiketter for språket 'se': språkene er en, nb, nn"),
        ("nn", "ingen etikettar for språket 'se': språka er en, nb, nn"),
    ],
)
def test_a_language_without_labels(language: str, expected: str) -> None:
    bundle = load_bundle(EXAMPLE)
    text = _raised(
        language,
        lambda: render(bundle.partnership, "md", bundle=bundle, lang="se", manager=make_manager()),
        RenderError,
    )
    assert text == expected
    _no_english(text)


class _TemplatePlugin:
    """A real plugin contributing a template folder through the hook."""

    def __init__(self, source: helsefellesskap.TemplateSource) -> None:
        self.source = source

    @helsefellesskap.hookimpl
    def hf_template_sources(self) -> list[helsefellesskap.TemplateSource]:
        return [self.source]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "html: finner ikke malen 'mangler.html.j2' i {own}, de innebygde malene"),
        ("nn", "html: finn ikkje malen 'mangler.html.j2' i {own}, dei innebygde malane"),
    ],
)
def test_a_missing_template(language: str, expected: str, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "action-plan.html.j2").write_text('{% include "mangler.html.j2" %}', "utf-8")
    manager = make_manager(
        _TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    )
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document(PLAN_ID)
    assert plan is not None
    text = _raised(language, lambda: render(plan, "html", bundle=bundle, manager=manager))
    plugin = {"nb": "fra utvidelsen", "nn": "frå utvidinga"}[language]
    assert text == (
        f"formatet 'html' {plugin} 'helsefellesskap.builtin.formats' på «action-plan» "
        f"'{PLAN_ID}': " + expected.format(own=own)
    )
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "skriver ikke ferdige filer inn i kildemappen til helsefellesskapet"),
        ("nn", "skriv ikkje ferdige filer inn i kjeldemappa til helsefellesskapet"),
    ],
)
def test_rendering_into_the_source_folder(language: str, expected: str, example: Path) -> None:
    bundle = load_bundle(example)
    text = _raised(
        language,
        lambda: render_bundle(bundle, example / "ut", manager=make_manager()),
        RenderError,
    )
    assert expected in text
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "helsefellesskapet 'troms-ofoten' har ikke noe dokument 'nope' (det har: "),
        ("nn", "helsefellesskapet 'troms-ofoten' har ikkje noko dokument 'nope' (det har: "),
    ],
)
def test_a_document_the_partnership_does_not_have(
    language: str, expected: str, english_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS")
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    result = run_cli("check", "troms-ofoten/nope")
    assert result.code == 2
    assert result.stderr.startswith(f"feil: {expected}")
    _no_english(result.stderr)


# -- plugins ----------------------------------------------------------------------------

BROKEN = ("broken-base-exception", "broken-finding", "broken-extension", "broken-partnership-id")


@pytest.fixture
def broken(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The broken fixture distribution, installed with pip and on the path."""
    from .plugin_sites import sites

    site: Path = sites.install(["broken"], tmp_path_factory.mktemp("broken") / "site")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("HELSEFELLESSKAP_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", raising=False)
    yield


def _failures_of(plugin: str, language: str) -> list[str]:
    """The failures of ``plugin`` (the only broken one loaded), worded in ``language``."""
    with use_language(language):
        manager = PluginManager(disabled=_all_broken_but(plugin))
        manager.collect()
        return [str(f) for f in manager.failures if f.plugin == plugin]


def _all_broken_but(plugin: str) -> list[str]:
    """Every broken fixture plugin but ``plugin``: what to disable to load it alone."""
    from .test_plugins_broken import BROKEN as ALL

    return [name for name in ALL if name != plugin]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "utvidelsen 'broken-base-exception' i kroken hf_body_kinds: "
            "kastet Meltdown('the body kinds melted down')",
        ),
        (
            "nn",
            "utvidinga 'broken-base-exception' i kroken hf_body_kinds: "
            "kasta Meltdown('the body kinds melted down')",
        ),
    ],
)
def test_a_plugin_whose_hook_raises(broken: None, language: str, expected: str) -> None:
    failures = _failures_of("broken-base-exception", language)
    assert failures == [expected]
    _no_english(failures[0])


@pytest.mark.parametrize("language", NORWEGIAN)
def test_a_plugin_whose_hook_raises_on_the_command_line(
    broken: None, language: str, tmp_path: Path
) -> None:
    disabled = [
        part
        for name in _all_broken_but("broken-base-exception")
        for part in ("--disable-plugin", name)
    ]
    result = run_cli(*disabled, "-l", language, "validate", str(EXAMPLE / PLAN))
    warning = {"nb": "advarsel", "nn": "åtvaring"}[language]
    plugin = {"nb": "utvidelsen", "nn": "utvidinga"}[language]
    assert f"{warning}: {plugin} 'broken-base-exception' i kroken hf_body_kinds: " in result.stderr
    line = next(x for x in result.stderr.splitlines() if "broken-base-exception" in x)
    _no_english(line)


@pytest.mark.parametrize(
    ("plugin", "language", "expected"),
    [
        (
            "broken-extension",
            "nb",
            "utvidelsen 'broken-extension' i kroken hf_render_formats: formatet "
            "'broken-escape' har filendelsen '/../../escaped': en filendelse er et punktum "
            "fulgt av bokstaver, sifre, '-' eller '_' (som '.md'), slik at hver fil blir i "
            "mappen det skrives til",
        ),
        (
            "broken-extension",
            "nn",
            "utvidinga 'broken-extension' i kroken hf_render_formats: formatet "
            "'broken-escape' har filendinga '/../../escaped': ei filending er eit punktum "
            "følgt av bokstavar, siffer, '-' eller '_' (som '.md'), slik at kvar fil blir "
            "verande i mappa det blir skrive til",
        ),
        (
            "broken-partnership-id",
            "nb",
            "utvidelsen 'broken-partnership-id' i kroken hf_partnerships: helsefellesskapet "
            "'../Bad Id' har en ugyldig id: en id er små bokstaver og sifre, deler bundet "
            "sammen med '-', '_' eller '.' (som 'vestfold-sor')",
        ),
        (
            "broken-partnership-id",
            "nn",
            "utvidinga 'broken-partnership-id' i kroken hf_partnerships: helsefellesskapet "
            "'../Bad Id' har ein ugyldig id: ein id er små bokstavar og siffer, delar bundne "
            "saman med '-', '_' eller '.' (som 'vestfold-sor')",
        ),
    ],
)
def test_what_a_plugin_returns_is_refused(
    broken: None, plugin: str, language: str, expected: str
) -> None:
    failures = _failures_of(plugin, language)
    assert failures == [expected]
    _no_english(failures[0])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "regelen BRK100 («yields text») fra utvidelsen 'broken-finding' ga str "
            "'everything is fine' der det skal være et funn (`Finding`)",
        ),
        (
            "nn",
            "regelen BRK100 («yields text») frå utvidinga 'broken-finding' gav str "
            "'everything is fine' der det skal vere eit funn (`Finding`)",
        ),
    ],
)
def test_a_rule_that_yields_no_finding(broken: None, language: str, expected: str) -> None:
    manager = PluginManager(disabled=_all_broken_but("broken-finding"))
    with use_language(language):
        report = validate(load_bundle(EXAMPLE), manager=manager)
    messages = [f.message for f in report.findings if f.code == "HF001"]
    assert messages == [expected]
    _no_english(messages[0])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "ukjent krok 'hf_rule'; mente du 'hf_rules'?"),
        ("nn", "ukjent krok 'hf_rule'; meinte du 'hf_rules'?"),
    ],
)
def test_a_misspelt_hook(language: str, expected: str) -> None:
    class Misspelt:
        @helsefellesskap.hookimpl(specname="hf_rule")
        def rules(self) -> list[object]:
            return []

    with use_language(language):
        manager = make_manager(Misspelt())
        texts = [str(f) for f in manager.failures]
    assert len(texts) == 1 and texts[0].endswith(expected), texts
    _no_english(texts[0])


# -- follow-up --------------------------------------------------------------------------

FOLLOWUP = {
    "measure": {
        "nb": 'planen "handlingsplan-2024-2025" har ikke noe tiltak "fagdagr": mente du '
        '"fagdager"? tiltakene er overganger, fagdager, dho, hospitering',
        "nn": 'planen "handlingsplan-2024-2025" har ikkje noko tiltak "fagdagr": meinte du '
        '"fagdager"? tiltaka er overganger, fagdager, dho, hospitering',
    },
    "status": {
        "nb": "'ferdg' er ikke en status: mente du \"ferdig\"? skriv én av ",
        "nn": "'ferdg' er ikkje ein status: meinte du \"ferdig\"? skriv éin av ",
    },
    "actor": {
        "nb": '"komunene" er verken en partner, et organ, en rolle eller en gruppe i '
        'eksempel: mente du "kommunene"? skriv id-en til den som melder oppdateringen',
        "nn": '"komunene" er verken ein partnar, eit organ, ei rolle eller ei gruppe i '
        'eksempel: meinte du "kommunene"? skriv id-en til den som melder oppdateringa',
    },
}


@pytest.mark.parametrize("language", NORWEGIAN)
def test_an_update_of_an_unknown_measure_status_or_actor(
    language: str, example: Path, english_env: None
) -> None:
    path = str(example / PLAN)
    before = (example / PLAN).read_bytes()
    for args, case in (
        (("fagdagr", "--status", "done"), "measure"),
        (("fagdager", "--status", "ferdg"), "status"),
        (("fagdager", "--status", "done", "--by", "komunene"), "actor"),
    ):
        result = run_cli("-l", language, "update", path, *args)
        assert result.code == 2, result
        assert result.stderr.startswith(f"feil: {FOLLOWUP[case][language]}"), result.stderr
        _no_english(result.stderr)
    assert (example / PLAN).read_bytes() == before


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "oppdateringen er datert 2025-01-02, etter i dag (2025-01-01): en oppdatering "
            "melder det som har skjedd; gi dagens dato eller en tidligere",
        ),
        (
            "nn",
            "oppdateringa er datert 2025-01-02, etter i dag (2025-01-01): ei oppdatering "
            "melder det som har skjedd; gje dagens dato eller ein tidlegare",
        ),
    ],
)
def test_an_update_dated_in_the_future(language: str, expected: str, example: Path) -> None:
    text = _raised(
        language,
        lambda: record_update(
            example / PLAN, "dho", "started", date=dt.date(2025, 1, 2), today=dt.date(2025, 1, 1)
        ),
        UsageError,
    )
    assert text == expected
    _no_english(text)


@pytest.mark.parametrize("language", NORWEGIAN)
def test_the_norwegian_status_words_come_first(language: str) -> None:
    text = _raised(language, lambda: parse_status("kanskje"), UsageError)
    listing = text.split(": ", 1)[1]
    assert listing.index("ferdig") < listing.index("done")
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "ingen handlingsplan 'plan-x' i eksempel: planene er "),
        ("nn", "ingen handlingsplan 'plan-x' i eksempel: planane er "),
    ],
)
def test_the_status_of_an_unknown_plan(language: str, expected: str) -> None:
    from helsefellesskap.followup.reports import status_report

    bundle = load_bundle(EXAMPLE)
    text = _raised(language, lambda: status_report(bundle, "plan-x"), UsageError)
    assert text.startswith(expected)
    _no_english(text)


# -- import -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "{path}: ingen importør leser .txt; de installerte importørene leser ingenting "
            "(installer helsefellesskap-docx for Word-filer)",
        ),
        (
            "nn",
            "{path}: ingen importør les .txt; dei installerte importørane les ingenting "
            "(installer helsefellesskap-docx for Word-filer)",
        ),
    ],
)
def test_importing_a_file_no_importer_reads(
    language: str, expected: str, example: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Handlingsplan", "utf-8")
    manager = make_manager(builtins=True)
    text = _raised(language, lambda: import_plan(path, example, manager=manager), ImportFailed)
    assert text == expected.format(path=path)
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "{path}: filen finnes ikke"),
        ("nn", "{path}: fila finst ikkje"),
    ],
)
def test_importing_a_file_that_is_not_there(
    language: str, expected: str, example: Path, tmp_path: Path
) -> None:
    path = tmp_path / "borte.docx"
    text = _raised(language, lambda: import_plan(path, example, manager=make_manager()))
    assert text == expected.format(path=path)


@pytest.mark.parametrize("language", NORWEGIAN)
def test_a_spreadsheet_with_cells_that_cannot_be_used(language: str, example: Path) -> None:
    sheet = example.parent / f"{PLAN_ID}.csv"
    sheet.write_text("Id;Status\nfagdager;nesten ferdig\nfinnes-ikke;ferdig\n", encoding="utf-8")
    with use_language(language):
        results = import_sheets(sheet, plan=example / PLAN, manager=make_manager())
        text = format_sheet_results(results)
    expected = {
        "nb": [
            f"kunne ikke bruke ark '{PLAN_ID}', rad 2, kolonne B (Status): 'nesten ferdig' er "
            "ikke en status",
            f"kunne ikke bruke ark '{PLAN_ID}', rad 3, kolonne A (Id): planen '{PLAN_ID}' "
            "har ikke noe tiltak 'finnes-ikke'",
            f"ark '{PLAN_ID}': ingenting endret",
        ],
        "nn": [
            f"kunne ikkje bruke ark '{PLAN_ID}', rad 2, kolonne B (Status): 'nesten ferdig' er "
            "ikkje ein status",
            f"kunne ikkje bruke ark '{PLAN_ID}', rad 3, kolonne A (Id): planen '{PLAN_ID}' "
            "har ikkje noko tiltak 'finnes-ikke'",
            f"ark '{PLAN_ID}': ingenting endra",
        ],
    }[language]
    lines = text.splitlines()
    assert len(lines) == 3, text
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), (line, start)
    _no_english(text, allowed=frozenset({"a"}))  # the column letter A


# -- the rule engine, the site, new ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        (
            "nb",
            "ti",
            "HELSEFELLESSKAP_RULE_TIME_LIMIT='ti' er ikke et antall sekunder: skriv for "
            "eksempel HELSEFELLESSKAP_RULE_TIME_LIMIT=10, eller 0 for ingen grense",
        ),
        (
            "nn",
            "-1",
            "HELSEFELLESSKAP_RULE_TIME_LIMIT='-1': tidsgrensa kan ikkje vere negativ",
        ),
    ],
)
def test_a_wrong_rule_time_limit(
    language: str, value: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_RULE_TIME_LIMIT", value)
    text = _raised(language, time_limit_from_env, UsageError)
    assert text == expected
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "validate(documents=...): Helsefellesskap Eksempel har ikke noe dokument 'nope'"),
        ("nn", "validate(documents=...): Helsefellesskap Eksempel har ikkje noko dokument 'nope'"),
    ],
)
def test_validating_a_document_the_bundle_lacks(language: str, expected: str) -> None:
    bundle = load_bundle(EXAMPLE)
    text = _raised(
        language, lambda: validate(bundle, manager=make_manager(), documents=["nope"]), UsageError
    )
    assert text.startswith(expected)
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "plans/x.toml: $.titel: feil: ukjent nøkkel"),
        ("nn", "plans/x.toml: $.titel: feil: ukjent nøkkel"),
    ],
)
def test_a_problem_serve_prints(language: str, expected: str) -> None:
    problem = LiveProblem(file="plans/x.toml", path="$.titel", message="ukjent nøkkel")
    warning = LiveProblem(file="a.toml", path="$", message="x", severity="warning")
    with use_language(language):
        assert str(problem) == expected
        assert (
            str(warning)
            == {"nb": "a.toml: $: advarsel: x", "nn": "a.toml: $: åtvaring: x"}[language]
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "Helsefellesskap Eksempel har allerede et dokument 'handlingsplan-2024-2025': "
            "gi et annet år eller en annen id",
        ),
        (
            "nn",
            "Helsefellesskap Eksempel har alt eit dokument 'handlingsplan-2024-2025': "
            "gje eit anna år eller ein annan id",
        ),
    ],
)
def test_a_new_plan_whose_id_is_taken(language: str, expected: str, example: Path) -> None:
    text = _raised(language, lambda: new_plan(example, plan_id=PLAN_ID), UsageError)
    assert text == expected
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "'Mitt Sted' er ikke et navn på en utvidelse: bruk små bokstaver, sifre og "
            'bindestreker, som "mitt-sted"',
        ),
        (
            "nn",
            "'Mitt Sted' er ikkje eit namn på ei utviding: bruk små bokstavar, siffer og "
            'bindestrekar, som "mitt-sted"',
        ),
    ],
)
def test_a_new_plugin_with_a_bad_name(language: str, expected: str, tmp_path: Path) -> None:
    text = _raised(language, lambda: new_plugin("Mitt Sted", tmp_path), UsageError)
    assert text == expected
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "heading", "names"),
    [
        (
            "nb",
            "filer kunne ikke lages:",
            "fra utvidelsen 'broken-label' nevner {nope}, som ikke er gitt",
        ),
        (
            "nn",
            "filer kunne ikkje lagast:",
            "frå utvidinga 'broken-label' nemner {nope}, som ikkje er gitt",
        ),
    ],
)
def test_a_label_of_a_plugin_that_names_what_is_not_given(
    broken: None, language: str, heading: str, names: str, tmp_path: Path
) -> None:
    from helsefellesskap.render.api import PartialRenderError

    manager = PluginManager(disabled=_all_broken_but("broken-label"))
    bundle = load_bundle(EXAMPLE)
    text = _raised(
        language,
        lambda: render_bundle(bundle, tmp_path / "ut", formats=["md"], manager=manager),
        PartialRenderError,
    )
    first, *lines = text.splitlines()
    assert first.endswith(heading), first
    assert lines and all(names in line for line in lines), text
    _no_english(text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "ingen disposisjon for et dokument av typen 'referat' ('m'): en utvidelse som "
            "legger til typen, kan gi en gjennom `hf_outline_builders`",
        ),
        (
            "nn",
            "ingen disposisjon for eit dokument av typen 'referat' ('m'): ei utviding som "
            "legg til typen, kan gje ein gjennom `hf_outline_builders`",
        ),
    ],
)
def test_a_kind_of_document_without_an_outline(language: str, expected: str) -> None:
    import attrs

    from helsefellesskap.model import Document
    from helsefellesskap.outline import build_outline
    from helsefellesskap.render.api import make_context

    @attrs.frozen(kw_only=True)
    class Minutes(Document):
        KIND = "referat"

    bundle = load_bundle(EXAMPLE)
    context = make_context(bundle, "nb", make_manager())
    item = Minutes(id="m", title="Møte")
    text = _raised(language, lambda: build_outline(item, context), RenderError)
    assert text == expected
    _no_english(text)
