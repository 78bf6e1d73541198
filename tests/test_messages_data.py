"""Data and file errors in nb and nn (issue 18 §3): each kind of error a user can make in
a data file, loaded for real from files in a temporary folder, worded in bokmål and
nynorsk with its path, and with no English left outside data and code names; the same
through the command line with ``HELSEFELLESSKAP_LANG``."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helsefellesskap import load_bundle, load_document
from helsefellesskap.cli import main
from helsefellesskap.errors import DataError, DocumentNotFoundError, OutputExistsError
from helsefellesskap.io import save
from helsefellesskap.io.memory import load_bundle_from_zip
from helsefellesskap.messages import use_language
from helsefellesskap.testing import check_message_catalogues

from .english import english_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"
MEASURE = "$.focus_areas[0].goals[0].measures[0]"
FIRST_MEASURE = (
    '[[focus_areas.goals.measures]]\nid = "overganger"\nlabel = "a)"\n'
    'text = "Utarbeide plan for bedre overganger fra barn til voksen | med rør-tegn og *stjerne*"\n'
    'responsible = ["fsu-bu"]\ndeadline = 2024\n'
)


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine running the tests; built-in plugins only."""
    for name in ("HELSEFELLESSKAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _measure(replace: Callable[[str], str]) -> Callable[[str], str]:
    """An edit of the plan's first measure (``MEASURE``)."""

    def edit(text: str) -> str:
        assert FIRST_MEASURE in text
        return text.replace(FIRST_MEASURE, replace(FIRST_MEASURE), 1)

    return edit


def _line(old: str, new: str) -> Callable[[str], str]:
    return _measure(lambda block: block.replace(old, new, 1))


def _add(line: str) -> Callable[[str], str]:
    return _measure(lambda block: block + line + "\n")


def _top(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


# (name, edit of the plan's text, path, bokmål words, nynorsk words)
CASES: list[tuple[str, Callable[[str], str], str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "unknown key, misspelt required key",
        _line('text = "', 'tekst = "'),
        f"{MEASURE}.tekst",
        ('ukjent nøkkel "tekst"', 'mente du "text", som er påkrevd?'),
        ('ukjend nøkkel "tekst"', 'meinte du "text", som er påkravd?'),
    ),
    (
        "unknown key without a suggestion",
        _add("zzzqqq = 1"),
        f"{MEASURE}.zzzqqq",
        ('ukjent nøkkel "zzzqqq"', 'nøklene som er tillatt her, er "id", "text"'),
        ('ukjend nøkkel "zzzqqq"', 'nøklane som er tillatne her, er "id", "text"'),
    ),
    (
        "required key missing",
        _line('id = "overganger"\n', ""),
        f"{MEASURE}.id",
        ('den påkrevde nøkkelen "id" mangler', "legg til id = …"),
        ('den påkravde nøkkelen "id" manglar', "legg til id = …"),
    ),
    (
        "text where a list belongs",
        _line('responsible = ["fsu-bu"]', 'responsible = "fsu-bu"'),
        f"{MEASURE}.responsible",
        ("ventet en liste, fikk teksten 'fsu-bu'", 'skriv ["fsu-bu"]'),
        ("venta ei liste, fekk teksten 'fsu-bu'", 'skriv ["fsu-bu"]'),
    ),
    (
        "a number where text belongs",
        _line('label = "a)"', "label = 3"),
        f"{MEASURE}.label",
        ("ventet en tekst, fikk heltallet 3", 'skriv den i anførselstegn: "3"'),
        ("venta ein tekst, fekk heiltalet 3", 'skriv han i hermeteikn: "3"'),
    ),
    (
        "status in Norwegian",
        _add('status = "påbegynt"'),
        f"{MEASURE}.status",
        ("'påbegynt' er ikke tillatt her", 'mente du "started"?', "skriv ett av"),
        ("'påbegynt' er ikkje tillate her", 'meinte du "started"?', "skriv eitt av"),
    ),
    (
        "a deadline written as a Norwegian date",
        _line("deadline = 2024", 'deadline = "30.06.2026"'),
        f"{MEASURE}.deadline",
        ("'30.06.2026' er en dato skrevet på norsk vis", "skriv 2026-06-30"),
        ("'30.06.2026' er ein dato skriven på norsk vis", "skriv 2026-06-30"),
    ),
    (
        "a deadline phrase without its date",
        _line("deadline = 2024", 'deadline = "Innen sommeren"'),
        f"{MEASURE}.deadline",
        ("'Innen sommeren' er ikke en frist alene", "en formulering trenger datoen den betyr"),
        ("'Innen sommeren' er ikkje ein frist åleine", "ei formulering treng datoen ho tyder"),
    ),
    (
        "a deadline year out of range",
        _line("deadline = 2024", "deadline = 1800"),
        f"{MEASURE}.deadline",
        ("1800 er ikke et årstall en plan kan bruke", "skriv et årstall fra 1900 til 2200"),
        ("1800 er ikkje eit årstal ein plan kan bruke", "skriv eit årstal frå 1900 til 2200"),
    ),
    (
        "a phrase deadline with a key missing",
        _line("deadline = 2024", 'deadline = { text = "Innen sommeren" }'),
        f"{MEASURE}.deadline.means",
        ("mangler means", 'nøklene "text" og "means"'),
        ("manglar means", 'nøklane "text" og "means"'),
    ),
    (
        "an invalid id",
        _line('id = "overganger"', 'id = "Overganger Barn"'),
        f"{MEASURE}.id",
        ("'Overganger Barn' er ikke en gyldig id", 'skriv "overganger-barn"'),
        ("'Overganger Barn' er ikkje ein gyldig id", 'skriv "overganger-barn"'),
    ),
    (
        "a link with a scheme not allowed",
        _add('links = [{ url = "ftp://fjordvik.no/plan" }]'),
        f"{MEASURE}.links[0].url",
        ("er en ftp:-lenke: bare lenker med https:, http: og mailto: er tillatt",),
        ("er ei ftp:-lenkje: berre lenkjer med https:, http: og mailto: er tillatne",),
    ),
    (
        "a control character copied from Word",
        _line('text = "Utarbeide', 'text = "\\u000bUtarbeide'),
        f"{MEASURE}.text",
        ("kontrolltegnet U+000B (et linjeskift kopiert fra Word)", "vanlig linjeskift"),
        ("kontrollteiknet U+000B (eit linjeskift kopiert frå Word)", "vanleg linjeskift"),
    ),
    (
        "a text longer than a value may hold",
        _line('text = "Utarbeide', 'text = "' + "x" * 100_001 + "Utarbeide"),
        f"{MEASURE}.text",
        ("teksten er 100\u00a0084 tegn lang, mer enn de 100\u00a0000", "(100\u00a0084 tegn)"),
        ("teksten er 100\u00a0084 teikn lang, meir enn dei 100\u00a0000", "(100\u00a0084 teikn)"),
    ),
    (
        "an empty text",
        _measure(lambda block: re.sub(r'\ntext = "[^"\n]*"', '\ntext = " "', block)),
        f"{MEASURE}.text",
        ("teksten er tom", "skriv teksten, eller utelat nøkkelen"),
        ("teksten er tom", "skriv teksten, eller lat vere å skrive nøkkelen"),
    ),
    (
        "a way to join the responsible not known",
        _add('responsible_join = "og"'),
        f"{MEASURE}.responsible_join",
        ("'og' er ikke en måte å sette sammen de ansvarlige på", 'skriv "and"'),
        ("'og' er ikkje ein måte å setje saman dei ansvarlege på", 'skriv "and"'),
    ),
    (
        "a link with a space",
        _add('links = [{ url = "https://fjordvik.no/min plan" }]'),
        f"{MEASURE}.links[0].url",
        ("inneholder et mellomrom, som en lenke ikke kan inneholde", "mellomrom skrives %20"),
        ("inneheld eit mellomrom, som ei lenkje ikkje kan innehalde", "blir skrivne %20"),
    ),
    (
        "a period that ends before it starts",
        _top("period = { start = 2024, end = 2025 }", "period = { start = 2025, end = 2024 }"),
        "$.period.end",
        ("perioden slutter (2024) før den begynner (2025)",),
        ("perioden sluttar (2024) før han byrjar (2025)",),
    ),
    (
        "a title on two lines",
        _top('title = "Handlingsplan 2024–2025"', 'title = "Handlingsplan\\n2024–2025"'),
        "$.title",
        ("en tittel eller et navn står på én linje", "skriv den på én linje"),
        ("ein tittel eller eit namn står på éi linje", "skriv han på éi linje"),
    ),
    (
        "a date written the Norwegian way",
        _top("adopted = 2024-03-14", 'adopted = "14.03.2024"'),
        "$.adopted",
        ("ventet en dato (2024-04-18), fikk teksten '14.03.2024'", "skriv 2024-03-14"),
        ("venta ein dato (2024-04-18), fekk teksten '14.03.2024'", "skriv 2024-03-14"),
    ),
    (
        "a title too long",
        _top('title = "Handlingsplan 2024–2025"', 'title = "' + "Plan " * 60 + '"'),
        "$.title",
        ("tittelen er 300 tegn lang", "kort den ned til høyst 255 tegn"),
        ("tittelen er 300 teikn lang", "kort han ned til høgst 255 teikn"),
    ),
    (
        "a table where a list belongs",
        _top(
            'priority_groups = ["children-and-young", "frail-elderly"]',
            'priority_groups = { a = "children-and-young" }',
        ),
        "$.priority_groups",
        ("ventet en liste, fikk en tabell",),
        ("venta ei liste, fekk ein tabell",),
    ),
    (
        "an unknown document kind",
        _top('kind = "action-plan"', 'kind = "handlingsplan"'),
        "$.kind",
        ("ukjent dokumenttype 'handlingsplan'", "skriv ett av"),
        ("ukjend dokumenttype 'handlingsplan'", "skriv eitt av"),
    ),
]


def _problem_of(error: DataError, path: str) -> str:
    found = [p for p in error.problems if p.path == path]
    assert found, [str(p) for p in error.problems]
    problem = found[0]
    return f"{problem.message} ({problem.hint})" if problem.hint else problem.message


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_a_data_error_is_worded_in_the_language_with_its_path(
    tmp_path: Path,
    language: str,
    case: tuple[str, Callable[[str], str], str, tuple[str, ...], tuple[str, ...]],
) -> None:
    _name, edit, path, nb, nn = case
    words = nb if language == "nb" else nn
    folder = _copy(tmp_path)
    plan = folder / PLAN
    plan.write_text(edit(plan.read_text(encoding="utf-8")), encoding="utf-8")
    with use_language(language), pytest.raises(DataError) as caught:
        load_bundle(folder)
    text = _problem_of(caught.value, path)
    for word in words:
        assert word in text, text
    assert english_words(text) == [], text
    assert caught.value.problems[0].file is not None


def test_the_english_wording_stays_when_no_language_is_chosen(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    plan = folder / PLAN
    plan.write_text(_line('text = "', 'tekst = "')(plan.read_text("utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_bundle(folder)
    problem = caught.value.problems[0]
    assert (problem.path, problem.message, problem.hint) == (
        f"{MEASURE}.tekst",
        'unknown key "tekst"',
        'did you mean "text", which is required?',
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nb", ('ukjent nøkkel "titel"', 'mente du "title", som er påkrevd?')),
        ("nn", ('ukjend nøkkel "titel"', 'meinte du "title", som er påkravd?')),
    ],
)
def test_a_misspelt_required_key_is_one_problem_in_every_language(
    tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    folder = _copy(tmp_path)
    plan = folder / PLAN
    plan.write_text(_top("title = ", "titel = ")(plan.read_text("utf-8")), encoding="utf-8")
    with use_language(language), pytest.raises(DataError) as caught:
        load_bundle(folder)
    assert [p.path for p in caught.value.problems] == ["$.titel"]
    text = _problem_of(caught.value, "$.titel")
    assert all(word in text for word in words), text


# --- Files: syntax, encoding, empty, missing, a folder -------------------------------------

FILE_CASES: list[tuple[str, bytes, tuple[int | None, int | None], str, str]] = [
    (
        "TOML syntax: a key without =",
        b'kind = "action-plan"\nid\n',
        (2, 3),
        "TOML-syntaksfeil: ventet «=» etter en nøkkel i et nøkkel/verdi-par",
        "TOML-syntaksfeil: venta «=» etter ein nøkkel i eit nøkkel/verdi-par",
    ),
    (
        "TOML syntax: an unclosed list",
        b'kind = "action-plan"\nid = "x"\nnational_goals = ["a"\n',
        (4, 1),
        "TOML-syntaksfeil: en liste er ikke lukket",
        "TOML-syntaksfeil: ei liste er ikkje lukka",
    ),
    (
        "TOML syntax: a table declared twice",
        b'kind = "action-plan"\n[basis]\n[basis]\n',
        (3, 7),
        "TOML-syntaksfeil: tabellen «basis» er skrevet to ganger",
        "TOML-syntaksfeil: tabellen «basis» er skriven to gonger",
    ),
    (
        "not UTF-8",
        b'kind = "action-plan"\ntitle = "Pl\xe6n"\n',
        (2, 12),
        "fila er ikke UTF-8-tekst (byte 0xe6)",
        "fila er ikkje UTF-8-tekst (byte 0xe6)",
    ),
    (
        "an empty file",
        b"# nothing here yet\n",
        (None, None),
        "fila inneholder ingen data",
        "fila inneheld ingen data",
    ),
    (
        "nested too deeply",
        b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n",
        (None, None),
        "dataene legger tabeller eller lister for dypt i hverandre",
        "dataa legg tabellar eller lister for djupt i kvarandre",
    ),
    (
        "the key kind missing",
        b'id = "x"\n',
        (None, None),
        'nøkkelen "kind" mangler: den sier hva slags dokument dette er',
        'nøkkelen "kind" manglar: han seier kva slags dokument dette er',
    ),
]


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("case", FILE_CASES, ids=[case[0] for case in FILE_CASES])
def test_a_file_error_is_worded_in_the_language_with_line_and_column(
    tmp_path: Path, language: str, case: tuple[str, bytes, tuple[int | None, int | None], str, str]
) -> None:
    _name, data, (line, column), nb, nn = case
    file = tmp_path / "plan.toml"
    file.write_bytes(data)
    with use_language(language), pytest.raises(DataError) as caught:
        load_document(file)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == (file, line, column)
    text = str(problem)
    assert (nb if language == "nb" else nn) in text, text
    assert english_words(text) == [], text


@pytest.mark.parametrize(
    ("language", "missing", "folder"),
    [
        ("nb", "finnes ikke", "er en mappe, ikke en fil"),
        ("nn", "finst ikkje", "er ei mappe, ikkje ei fil"),
    ],
)
def test_a_missing_file_and_a_folder_in_the_language(
    tmp_path: Path, language: str, missing: str, folder: str
) -> None:
    with use_language(language):
        with pytest.raises(DocumentNotFoundError) as absent:
            load_document(tmp_path / "borte.toml")
        with pytest.raises(DocumentNotFoundError) as directory:
            load_document(tmp_path)
        with pytest.raises(DocumentNotFoundError) as no_partnership:
            load_bundle(tmp_path)
    assert str(absent.value) == f"{tmp_path / 'borte.toml'} {missing}"
    assert str(directory.value) == f"{tmp_path} {folder}"
    for error in (absent.value, directory.value, no_partnership.value):
        assert english_words(str(error)) == [], str(error)


# --- A partnership folder: ids, partnerships, file names -----------------------------------


@pytest.mark.parametrize(
    ("language", "twice", "other", "suffix"),
    [
        (
            "nb",
            'dokument-id-en "handlingsplan-2024-2025" brukes også av '
            "plans/handlingsplan-2024-2025.toml",
            'dokumentet oppgir helsefellesskapet "annet", men ligger i mappa til "eksempel"',
            'fila slutter på ".TOML", så den leses ikke som et dokument',
        ),
        (
            "nn",
            'dokument-id-en "handlingsplan-2024-2025" blir òg brukt av '
            "plans/handlingsplan-2024-2025.toml",
            'dokumentet oppgir helsefellesskapet "annet", men ligg i mappa til "eksempel"',
            'fila sluttar på ".TOML", så ho blir ikkje lesen som eit dokument',
        ),
    ],
)
def test_the_problems_of_a_partnership_folder_in_the_language(
    tmp_path: Path, language: str, twice: str, other: str, suffix: str
) -> None:
    folder = _copy(tmp_path)
    plan = folder / PLAN
    text = plan.read_text("utf-8")
    (folder / "plans" / "x-kopi.toml").write_text(text, encoding="utf-8")
    (folder / "plans" / "annen.toml").write_text(
        text.replace('id = "handlingsplan-2024-2025"', 'id = "annen"', 1).replace(
            'partnership = "eksempel"', 'partnership = "annet"', 1
        ),
        encoding="utf-8",
    )
    (folder / "plans" / "stor.TOML").write_text(text, encoding="utf-8")
    with use_language(language), pytest.raises(DataError) as caught:
        load_bundle(folder)
    by_file = {p.file.name if p.file else None: p for p in caught.value.problems}
    assert by_file["x-kopi.toml"].path == "$.id"
    assert twice in by_file["x-kopi.toml"].message
    assert by_file["annen.toml"].path == "$.partnership"
    assert other in by_file["annen.toml"].message
    assert suffix in by_file["stor.TOML"].message
    for problem in caught.value.problems:
        assert english_words(str(problem)) == [], str(problem)


@pytest.mark.parametrize(
    ("language", "exists", "not_zip", "outside"),
    [
        ("nb", "finnes; gi overwrite=True", "dette er ikke en zip-fil", "utenfor mappa si"),
        ("nn", "finst; gje overwrite=True", "dette er ikkje ei zip-fil", "utanfor mappa si"),
    ],
)
def test_saving_over_a_file_and_zips_in_the_language(
    tmp_path: Path, language: str, exists: str, not_zip: str, outside: str
) -> None:
    plan = load_document(EXAMPLE / PLAN)
    target = tmp_path / "plan.toml"
    target.write_text("", encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../partnership.toml", 'id = "x"\n')
    with use_language(language):
        with pytest.raises(OutputExistsError) as saved:
            save(plan, target)
        with pytest.raises(DataError) as garbage:
            load_bundle_from_zip(b"not a zip", name="opplasting.zip")
        with pytest.raises(DataError) as escaping:
            load_bundle_from_zip(buffer.getvalue(), name="opplasting.zip")
    assert exists in str(saved.value)
    assert not_zip in str(garbage.value)
    assert outside in str(escaping.value)
    for error in (saved.value, garbage.value, escaping.value):
        assert english_words(str(error)) == [], str(error)


# --- Through the command line --------------------------------------------------------------


def _broken_partnership(tmp_path: Path) -> Path:
    folder = _copy(tmp_path)
    plan = folder / PLAN
    text = plan.read_text("utf-8")
    measure = _measure(
        lambda block: (
            block.replace("deadline = 2024", 'deadline = "30.06.2026"')
            .replace('responsible = ["fsu-bu"]', 'responsible = "fsu-bu"')
            .replace("label = ", 'status = "påbegynt"\nlabel = ')
        )
    )
    text = _top("title = ", "titel = ")(measure(text))
    plan.write_text(text, encoding="utf-8")
    (folder / "plans" / "syntaks.toml").write_text('kind = "action-plan"\nid\n', encoding="utf-8")
    return folder


def _check(argv: list[str], monkeypatch: pytest.MonkeyPatch, language: str) -> str:
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, stdout=out, stderr=err) == 2
    return err.getvalue()


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "nb",
            [
                '$.titel: ukjent nøkkel "titel" (mente du "title", som er påkrevd?)',
                f"{MEASURE}.responsible: ventet en liste, fikk teksten 'fsu-bu'",
                f"{MEASURE}.deadline: '30.06.2026' er en dato skrevet på norsk vis "
                "(skriv 2026-06-30)",
                f"{MEASURE}.status: 'påbegynt' er ikke tillatt her",
                "syntaks.toml:2:3: $: TOML-syntaksfeil: ventet «=» etter en nøkkel",
            ],
        ),
        (
            "nn",
            [
                '$.titel: ukjend nøkkel "titel" (meinte du "title", som er påkravd?)',
                f"{MEASURE}.responsible: venta ei liste, fekk teksten 'fsu-bu'",
                f"{MEASURE}.deadline: '30.06.2026' er ein dato skriven på norsk vis "
                "(skriv 2026-06-30)",
                f"{MEASURE}.status: 'påbegynt' er ikkje tillate her",
                "syntaks.toml:2:3: $: TOML-syntaksfeil: venta «=» etter ein nøkkel",
            ],
        ),
    ],
)
def test_the_command_line_words_data_errors_in_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, lines: list[str]
) -> None:
    folder = _broken_partnership(tmp_path)
    err = _check(["check", str(folder)], monkeypatch, language)
    for line in lines:
        assert line in err, err
    assert english_words(err) == [], err


@pytest.mark.parametrize(
    ("language", "words"),
    [("nb", "finnes ikke"), ("nn", "finst ikkje")],
)
def test_the_command_line_words_a_missing_file_in_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, words: str
) -> None:
    folder = _copy(tmp_path)
    err = _check(["check", str(folder / "plans" / "borte.toml")], monkeypatch, language)
    assert words in err, err
    assert english_words(err) == [], err


def test_every_data_file_and_model_message_is_in_every_language() -> None:
    areas = ("data.", "files.", "model.")
    problems = [p for p in check_message_catalogues() if p.split(": ", 1)[1].startswith(areas)]
    assert problems == []


def test_no_english_word_in_the_norwegian_data_messages() -> None:
    """Every nb and nn text of the three areas, its fields left out, reads as Norwegian."""
    from helsefellesskap.messages import catalogue

    fields = re.compile(r"\{\{[^}]*\}\}|\{\w+\}")
    for language in ("nb", "nn"):
        for key, text in catalogue(language).items():
            if key.startswith(("data.", "files.", "model.")):
                assert english_words(fields.sub(" ", text)) == [], (language, key, text)


@pytest.mark.parametrize(
    ("language", "syntax", "missing"),
    [
        ("nb", "JSON-syntaksfeil: ventet en verdi", "har ikke noe dokument 'plan-2099'"),
        ("nn", "JSON-syntaksfeil: venta ein verdi", "har ikkje noko dokument 'plan-2099'"),
    ],
)
def test_json_syntax_and_an_unknown_document_id_in_the_language(
    tmp_path: Path, language: str, syntax: str, missing: str
) -> None:
    file = tmp_path / "plan.json"
    file.write_text('{"kind": "action-plan", "id": }', encoding="utf-8")
    bundle = load_bundle(EXAMPLE)
    with use_language(language):
        with pytest.raises(DataError) as broken:
            load_document(file)
        with pytest.raises(DocumentNotFoundError) as unknown:
            bundle.require("plan-2099")
    problem = broken.value.problems[0]
    assert (problem.line, problem.column) == (1, 31)
    assert syntax in problem.message
    assert missing in str(unknown.value)
    for text in (str(broken.value), str(unknown.value)):
        assert english_words(text) == [], text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "ventet et tuppel av tekst (`str`), fikk teksten 'unn'"),
        ("nn", "venta eit tuppel av tekst (`str`), fekk teksten 'unn'"),
    ],
)
def test_a_model_built_in_code_with_a_wrong_type_in_the_language(
    language: str, expected: str
) -> None:
    from helsefellesskap.model import Measure
    from helsefellesskap.model._base import InvalidValue

    with use_language(language), pytest.raises(InvalidValue) as caught:
        Measure(id="a", text="x", responsible="unn")  # type: ignore[arg-type]
    assert caught.value.field == "responsible"
    assert caught.value.message == expected
    assert english_words(f"{caught.value.message} {caught.value.hint}") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "fila er 20,0 MB, mer enn de 20 MB en datafil kan være"),
        ("nn", "fila er 20,0 MB, meir enn dei 20 MB ei datafil kan vere"),
        ("en", "the file is 20.0 MB, more than the 20 MB a data file may be"),
    ],
)
def test_a_file_too_large_in_the_language(language: str, expected: str) -> None:
    from helsefellesskap.io.memory import loads
    from helsefellesskap.io.text import MAX_FILE_SIZE

    with use_language(language), pytest.raises(DataError) as caught:
        loads(b"#" * (MAX_FILE_SIZE + 1), name="stor.toml")
    assert caught.value.problems[0].message == expected
    if language != "en":
        assert english_words(str(caught.value)) == [], str(caught.value)
