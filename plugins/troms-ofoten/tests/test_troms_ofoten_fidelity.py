"""Fidelity: the rendered Markdown says what the source documents say, row by row.

The expectations below are written from the source documents (the seeds), not from the
plugin's TOML: each measure of Handlingsplan 2023 with the goal it sits under, its letter,
its text and its "Ansvarlig" as printed; the main goals of both declarations; the 17
ranked applications; the meetings of 2022. Where the printed text broke a word over two
lines of a table cell ("folkehelse-/perspektivet", "Utvalgsrep-/resentanter"), it is
joined again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from helsefellesskap import Bundle, PluginManager
from helsefellesskap.render import render

# (section, goal "Hva vil vi?", letter, measure "Hvordan få det til?", "Ansvarlig" names)
MEASURES_2023: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("2.1", "Personsentrert, helhetlig og proaktiv helsetjeneste", "a)",
     "Utarbeide plan for bedre overganger barn til voksen", ("FSU BU",)),
    ("2.1", "Personsentrert, helhetlig og proaktiv helsetjeneste", "b)",
     "Felles fagdager innen psykisk helse og rus, i samarbeid med Statsforvalteren",
     ("Samhandl.-sjefene",)),
    ("2.1", "Personsentrert, helhetlig og proaktiv helsetjeneste", "c)",
     "Styrke teamsamarbeid på tvers mellom sykehus og kommune gjennom PSHT, FACT og andre "
     "aktuelle team", ("UNN", "kommunene")),
    ("2.1", "Tett og forpliktende samarbeid", "d)",
     "Aktiv bruk av FSU og SSU (melde relevante saker og delta i aktivt i diskusjoner)",
     ("FSU", "SSU")),
    ("2.1", "Tett og forpliktende samarbeid", "e)",
     "Systematisk følge opp vedtak i SSU og FSU", ("Utvalgsrepresentanter",)),
    ("2.1", "Tett og forpliktende samarbeid", "f)",
     "Ferdigstille og implementere ny samarbeidsavtale", ("SEKR", "UNN", "kommunene")),
    ("2.1", "Bruke teknologi og digitale løsninger", "g)", "Starte opp FSU DIG", ("SEKR",)),
    ("2.1", "Bruke teknologi og digitale løsninger", "h)",
     "Etablere samarbeid med e-helse Nord og DIGI-nettverkene", ("Samhandl.-sjefene",)),
    ("2.1", "Bruke teknologi og digitale løsninger", "i)",
     "Støtte opp om pågående tiltak/prosjekt og nye initiativ til digital hjemmeoppfølging "
     "(DHO)", ("SSU", "FSU DIG")),
    ("2.2", "Styrke forebyggings- og folkehelseperspektivet", "a)",
     "Etablere kontakt mellom helsefellesskapet og fylkeskommunene (tannhelse og folkehelse), "
     "og samarbeide om aktiviteter der dette er aktuelt", ("SEKR",)),
    ("2.2", "Styrke forebyggings- og folkehelseperspektivet", "b)",
     "Etablere faglig nettverk for ernæring på tvers av kommuner og UNN", ("SEKR",)),
    ("2.2", "Styrke forebyggings- og folkehelseperspektivet", "c)",
     "Sette temaet på dagsorden til SSU for innspill til strategi", ("SEKR",)),
    ("2.2", "Gode lærings- og mestringstilbud", "d)",
     "Etablere kontakt mellom helsefellesskapet og Lærings- og mestringssenteret i UNN, "
     "Arbeidsmedisin i UNN og frisklivssentraler i kommunene, og samarbeide om aktiviteter "
     "der dette er aktuelt", ("SEKR",)),
    ("2.2", "Kunnskaps- og erfaringsdeling om forebyggende tiltak", "e)",
     "Sette temaet på dagsorden på aktuelle fagdager, seminar, konferanser, i nettverk osv.",
     ("Felles",)),
    ("2.2", "Kunnskaps- og erfaringsdeling om forebyggende tiltak", "f)",
     "Trekke fram gode erfaringer fra DHO og andre teknologisk støttet tiltak og oppfordre "
     "til spredning ute i tjenestene", ("FSU", "SSU")),
    ("2.2", "Kunnskaps- og erfaringsdeling om forebyggende tiltak", "g)",
     "Evaluere enkelte pasientforløp i et forebyggende perspektiv", ("UNN", "kommunene")),
    ("2.3", "Utdanning og kompetanse", "a)",
     "Tjenestene må fortløpende vurdere og melde behov for utdannings- og "
     "kompetanseutviklingstilbud", ("UNN", "kommunene")),
    ("2.3", "Utdanning og kompetanse", "b)",
     "Tjenestene må legge til rette for personell som har behov for kompetanseutvikling",
     ("UNN", "kommunene")),
    ("2.3", "Utdanning og kompetanse", "c)",
     "Tjenestene må vurdere om kompetansen brukes riktig og eventuell omrokkere "
     "oppgavefordeling", ("UNN", "kommunene")),
    ("2.3", "Tett og forpliktende samarbeid", "d)",
     "Felles strategi for å fremme Troms og Ofoten som attraktiv bo- og arbeidsregion.",
     ("FSU REST",)),
    ("2.3", "Tett og forpliktende samarbeid", "e)",
     "Etablere hospiteringssystem mellom tjenestenivåene", ("FSU REST",)),
    ("2.3", "Tett og forpliktende samarbeid", "f)",
     "Utarbeide felles tiltaksliste for stabilisering og rekruttering", ("FSU REST",)),
    ("2.3", "Bruk av teknologi og digitale løsninger", "a)",
     "Prøve ut løsninger som kan understøtte og avlaste helsepersonellets arbeid",
     ("UNN", "kommunene")),
    ("2.3", "Bruk av teknologi og digitale løsninger", "b)",
     "Aktivt bruke teknologi (lyd/bilde, kamera for sanntidsoverføring, e-læring m.v.) for å "
     "dele kunnskap og kompetanse på tvers", ("UNN", "kommunene")),
    ("2.3", "Bruk av teknologi og digitale løsninger", "c)",
     "Dialog med utdanningsinstitusjonene for oppdatering av utdanningsplaner, opplæring og "
     "praksisforberedelse for studenter, elever og lærlinger", ("FSU REST", "SSU")),
)  # fmt: skip

SECTIONS_2023 = {
    "2.1": "Helsetjenester til personer med sammensatte behov",
    "2.2": "Forebygging og egenmestring",
    "2.3": "Personell og kompetanse",
}

# Årsrapport 2022: "Ishavserklæringen 2021-2023" — the commitments and their main goals.
DECLARATION_2021: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("Satse på felles innsats for helsetjenester til personer med sammensatte behov", (
        "Arbeide for at helsetjenesten er basert på prinsippene personsentrert, helhetlig og "
        "proaktiv",
        "Sørge for et tett og forpliktende samarbeid mellom brukere, fastleger, kommuner og UNN",
        "Ta i bruk teknologi og digitale løsninger som understøtter tjenesten og muliggjør "
        "samhandling",
    )),
    ("Satse på forebygging og egenmestring som en viktig del av innbyggerens helsetjeneste", (
        "Styrke forebyggings- og folkehelseperspektivet i utøvende tjeneste",
        "Sørge for gode tilbud om læring og mestring",
        "Dele kunnskap om og konkrete erfaringer med forebyggende tiltak med god effekt på "
        "egenmestring og folkehelse",
    )),
    ("Satse på felles innsats for å sikre nok helsepersonell med riktig kompetanse i alle "
     "ledd av helsetjenesten", (
        "Sørge for utdanning av og kompetanseutvikling for helsepersonell",
        "Sørge for kompetansedeling på tvers av og innad i tjenestenivåene",
        "Arbeide for rekruttering og stabilisering av helsepersonell",
    )),
)  # fmt: skip

# Partnerskapsmøtet 10.04.2025: "Ishavserklæringen 2024-2027", the slide of main goals.
DECLARATION_2024: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP", (
        "Søke en felles virkelighetsforståelse som øker bevisstheten rundt sikkerhet og "
        "beredskap, og gir grunnlag for samordning av planer og øvelser",
        "Identifisere svikt og forbedringsområder, og utfra det etablere en desentralisert "
        "struktur som sikrer god beredskap lokalt",
        "Utvikle system for ressursstyring og -deling på tvers av nivå og enheter når "
        "situasjonen krever det",
    )),
    ("BÆREKRAFTIGE HELSETJENESTER OG HELHETLIGE PASIENTFORLØP", (
        "Videreutvikle helsetjenesten for pasienter med sammensatte og komplekse behov, basert "
        "på prinsippene personsentrert, helhetlig og proaktiv",
        "Bruke innovasjon som fremmer tjenesteutvikling, samhandling og digital "
        "pasientoppfølging",
        "Utvide samarbeidet om tilbudet av helsetjenester som tilbys i pasientens hjem og "
        "nærmiljø, med vekt på forebygging og egenmestring",
    )),
    ("BEHOLDE OG REKRUTTERE KVALIFISERT HELSEPERSONELL", (
        "Legge til rette for utdanning av og kompetanseutvikling for helsepersonell, tilpasset "
        "lokale utfordringer",
        "Sørge for kompetansedeling, og god funksjons- og oppgavefordeling på tvers av og "
        "innad i tjenestenivåene",
        "Samarbeide og bistå hverandre i rekrutteringsarbeidet der dette er hensiktsmessig",
    )),
)  # fmt: skip

# Partnerskapsmøtet 10.04.2025: "Rekrutterings- og samhandlingsmidler", by priority.
APPLICATIONS = (
    "Forprosjekt for samordning av PHR",
    "Videreutvikling og drift av FACT-team i Nord-Troms",
    "Felles innsats for implementering av digital støtte i pasientforløp og samhandling",
    "Det trygge boalternativet",
    "Trygg akuttmedisin",
    "Bedre i lag i Troms og Ofoten",
    "Hvor er samhandlingsrommet?",
    "RehabLos Kraftsenter: Et tverrsektorielt kompetansenettverk for bærekraftige "
    "rehabiliteringstjenester i nord",
    "Utvidelse av - Med Narvik som utstillingsvindu for fremtidens helsetjenester - Slow track",
    "Drop in samtalebehandling –psykisk helsehjelp for voksne - Et samarbeid mellom UNN og "
    "Tromsø kommune",
    "Hjemmebehandling med intravenøs antibiotika",
    "Samhandlingsprosjekt Harstad; -et trygt og sømløst tilbud i graviditet og barseltid",
    "Eldreløftet",
    "ALIS-rotasjonsstilling ved UNN Harstad",
    "Akutthjelperordningen",
    "Utvidelse av - Med Narvik som utstillingsvindu for fremtidenshelsetjenester",
    "FACT/ACT, fra prosjekt til drift",
)

# Årsrapport 2022, "Møtevirksomhet 2022": (the body that met, as the partnership names
# it, the count). The source's lines ("Ett partnerskapsmøte") say the count in words; the
# table names the body instead of repeating the count.
MEETINGS_2022 = (
    ("partnerskapsmøtet (PM)", "1"),
    ("Strategisk samarbeidsutvalg (SSU)", "7"),
    ("faglig samarbeidsutvalg", "17"),
    ("Overordnet revisjonsutvalg", "4"),
)

# Årsrapport 2022: its chapters, worded as the report words them (seed 004).
CHAPTERS_2022 = (
    "Årsrapport 2022",
    "Forløp 2021-2022 og status desember 2022",
    "Møtevirksomhet 2022",
    "Eksempler på tema/saker",
    "Hva vil vi med helsefellesskapet? (Fra partnerskapsmøtet i 2021)",
    "Noen resultater",
    "Noen erfaringer",
    "Forslag til vedtak sak 05/23",
)

_ESCAPED = re.compile(r"\\(.)")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


_BOLD = re.compile(r"(?<!\\)\*\*")


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row, unescaped (an escaped pipe stays in its cell)
    and without bold markers (a measure's label is bold, as the sources print it)."""
    inner = line.strip()[1:-1]
    parts = re.split(r"(?<!\\)\|", inner)
    return [_unescape(_BOLD.sub("", part.strip())) for part in parts]


def _rows(markdown: str) -> Iterator[list[str]]:
    for line in markdown.splitlines():
        if line.startswith("|") and not re.match(r"^\|(\s*-+\s*\|)+$", line):
            yield _cells(line)


def _names(cell: str) -> list[str]:
    """The names in an "Ansvarlig" cell, however the renderer joins them."""
    return [n for n in re.split(r",\s*|\s+og\s+", cell) if n]


def _markdown(bundle: Bundle, manager: PluginManager, document_id: str) -> str:
    document = bundle.document(document_id)
    assert document is not None
    return render(document, "md", bundle=bundle, manager=manager).decode("utf-8")


@pytest.fixture(scope="module")
def plan_2023(bundle: Bundle, manager: PluginManager) -> str:
    return _markdown(bundle, manager, "handlingsplan-2023")


def _measure_rows(markdown: str) -> list[tuple[str, str, str, list[str]]]:
    """(section, goal, measure cell, names) of every measure row, carrying the goal
    down the rows it spans and the section from the heading above the table."""
    rows: list[tuple[str, str, str, list[str]]] = []
    section = ""
    goal = ""
    for line in markdown.splitlines():
        heading = re.match(r"^#+\s+(\d+\.\d+)\s", line)
        if heading:
            section, goal = heading.group(1), ""
            continue
        if not line.startswith("|") or re.match(r"^\|(\s*-+\s*\|)+$", line):
            continue
        cells = _cells(line)
        if cells == ["Hva vil vi?", "Hvordan få det til?", "Ansvarlig"]:
            continue
        assert len(cells) == 3, line
        goal = cells[0] or goal
        rows.append((section, goal, cells[1], _names(cells[2])))
    return rows


def test_the_table_has_the_three_columns_of_the_plan(plan_2023: str) -> None:
    headers = [cells for cells in _rows(plan_2023) if "Ansvarlig" in cells]
    assert headers == [["Hva vil vi?", "Hvordan få det til?", "Ansvarlig"]] * 3


def test_the_focus_areas_are_the_sections_of_the_plan(plan_2023: str) -> None:
    for number, title in SECTIONS_2023.items():
        assert re.search(rf"^#+ {re.escape(number)} {re.escape(title)}$", plan_2023, re.M)


def test_there_is_one_row_per_measure_in_the_order_of_the_plan(plan_2023: str) -> None:
    rows = _measure_rows(plan_2023)
    assert [row[2] for row in rows] == [f"{m[2]} {m[3]}" for m in MEASURES_2023]


@pytest.mark.parametrize(
    ("section", "goal", "label", "text", "responsible"),
    MEASURES_2023,
    ids=[f"{m[0]}-{m[2]}-{m[3][:24]}" for m in MEASURES_2023],
)
def test_each_measure_has_its_goal_label_text_and_responsible_in_its_row(
    plan_2023: str,
    section: str,
    goal: str,
    label: str,
    text: str,
    responsible: tuple[str, ...],
) -> None:
    matching = [row for row in _measure_rows(plan_2023) if row[2] == f"{label} {text}"]
    assert len(matching) == 1, f"{label} {text!r} is not in exactly one row"
    row_section, row_goal, _measure, names = matching[0]
    assert row_section == section
    assert row_goal == goal
    assert names == list(responsible)


def test_the_restarted_letters_of_2_3_each_keep_their_own_row(plan_2023: str) -> None:
    rows = [row for row in _measure_rows(plan_2023) if row[0] == "2.3"]
    letters = [row[2].split(" ", 1)[0] for row in rows]
    assert letters == ["a)", "b)", "c)", "d)", "e)", "f)", "a)", "b)", "c)"]
    assert rows[6][1] == "Bruk av teknologi og digitale løsninger"
    assert rows[0][1] == "Utdanning og kompetanse"


def test_the_nine_national_goals_and_veien_videre_are_in_the_plan(plan_2023: str) -> None:
    text = _unescape(plan_2023)
    assert "Innbyggerne og helsepersonellet skal oppleve at;" in text
    for goal in (
        "pasientene er aktive deltakere i helsehjelpen de mottar.",
        "vi lærer av hverandre, med kompetansedeling på tvers.",
    ):
        assert goal in text
    assert re.search(r"^#+ 3 Veien videre$", plan_2023, re.M)
    assert "(«Ishavserklæringen 2.0»)" in text


def _main_goal_lines(markdown: str, commitment: str) -> list[str]:
    """The lines naming main goals between a commitment and the next heading."""
    lines = _unescape(markdown).splitlines()
    start = next(i for i, line in enumerate(lines) if commitment in line)
    found = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if "Hovedmål" in line:
            found.append(line)
    return found


@pytest.mark.parametrize(
    ("document_id", "expected"),
    [
        ("ishavserklaeringen-2021-2023", DECLARATION_2021),
        ("ishavserklaeringen-2024-2027", DECLARATION_2024),
    ],
)
def test_every_main_goal_is_under_its_commitment_in_order(
    bundle: Bundle,
    manager: PluginManager,
    document_id: str,
    expected: tuple[tuple[str, tuple[str, str, str]], ...],
) -> None:
    markdown = _markdown(bundle, manager, document_id)
    for commitment, goals in expected:
        lines = _main_goal_lines(markdown, commitment)
        assert len(lines) == 3, f"{commitment}: {lines}"
        for number, (line, goal) in enumerate(zip(lines, goals, strict=True), start=1):
            assert f"Hovedmål {number}" in line
            assert line.endswith(goal)


def test_the_2024_declaration_shows_both_dates_as_printed(
    bundle: Bundle, manager: PluginManager
) -> None:
    markdown = _markdown(bundle, manager, "ishavserklaeringen-2024-2027")
    assert "18.04.2024" in markdown
    assert "03.04.2024" in markdown


def test_the_17_applications_in_rank_order(bundle: Bundle, manager: PluginManager) -> None:
    markdown = _markdown(bundle, manager, "samhandlingsmidler-2025")
    ranked = [(cells[0], cells[1]) for cells in _rows(markdown) if cells[0].isdigit()]
    assert ranked == [(str(n), title) for n, title in enumerate(APPLICATIONS, start=1)]
    assert "sendt videre til HN" in markdown


def test_the_meetings_of_2022(bundle: Bundle, manager: PluginManager) -> None:
    markdown = _markdown(bundle, manager, "arsrapport-2022")
    rows = [cells for cells in _rows(markdown) if len(cells) == 2]
    assert rows[1:] == [list(row) for row in MEETINGS_2022]
    # the secretariat's rhythm is the report's own sentence after the table, once
    sentence = "Sekretariatet møtes minimum en gang per uke."
    assert _unescape(markdown).count(sentence) == 1
    assert markdown.index(sentence) > markdown.index("| Overordnet revisjonsutvalg |")


def test_the_annual_report_has_the_reports_own_chapters(
    bundle: Bundle, manager: PluginManager
) -> None:
    markdown = _unescape(_markdown(bundle, manager, "arsrapport-2022"))
    headings = [
        re.sub(r"^#+\s+", "", line)
        for line in markdown.splitlines()
        if line.startswith("#") and "Forkortelser" not in line
    ]
    assert headings == list(CHAPTERS_2022)


def test_the_structure_is_the_list_after_bestar_helsefellesskapet_av(
    bundle: Bundle, manager: PluginManager
) -> None:
    lines = [
        line
        for line in _unescape(_markdown(bundle, manager, "arsrapport-2022")).splitlines()
        if line.strip()
    ]
    start = lines.index("Ved utgangen av 2022 består helsefellesskapet av:")
    assert lines[start + 1 : start + 8] == [
        "- Seks faglige samarbeidsutvalg",
        "- Strategisk samarbeidsutvalg",
        "- Partnerskapsmøtet",
        "- Felles samhandlingssekretariat",
        "- Overordnet revisjonsutvalg med seks underutvalg (for utarbeidelse av fornyet "
        "samarbeidsavtale)",
        "- Til sammen er rundt 140 personer inne i aktive roller",
        "- Et sjuende FSU (for digital samhandling) er under etablering",
    ]


def test_the_annual_report_keeps_its_structure_and_people(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = _unescape(_markdown(bundle, manager, "arsrapport-2022"))
    for line in (
        "Seks faglige samarbeidsutvalg",
        "Overordnet revisjonsutvalg med seks underutvalg (for utarbeidelse av fornyet "
        "samarbeidsavtale)",
        "Et sjuende FSU (for digital samhandling) er under etablering",
        "05/23",
        "Nettsiden blir brukt (2309 oppslag i 2022 – 914 unike brukere)",
        "Partnerskapsmøtet tar Årsrapport 2022 for Helsefelleskapet Troms og Ofoten til "
        "orientering.",
    ):
        assert line in text
    assert re.search(r"\b140\b", text)


def _section_lines(markdown: str, title: str) -> list[str]:
    """The non-empty lines under the heading ``title``, up to the next heading."""
    lines = _unescape(markdown).splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"^#+ {re.escape(title)}$", line))
    found = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.strip():
            found.append(line)
    return found


def test_the_2023_plan_lists_all_ten_abbreviations_in_the_printed_order(
    plan_2023: str, abbreviations_2023: tuple[tuple[str, str], ...]
) -> None:
    # The plan's tables name six of the ten bodies; its list names all ten (seed 000).
    lines = _section_lines(plan_2023, "Forkortelser i dokumentet")
    assert len(lines) == len(abbreviations_2023), lines
    for line, (abbreviation, name) in zip(lines, abbreviations_2023, strict=True):
        assert re.match(rf"^- {re.escape(abbreviation)}\W+{re.escape(name)}$", line), line


def _index(text: str, part: str) -> int:
    assert part in text, f"{part!r} is not in the rendered text"
    return text.index(part)


@pytest.mark.parametrize(
    ("document_id", "lead_in", "first_commitment"),
    [
        (
            "ishavserklaeringen-2021-2023",
            "Helsefellesskapet Troms og Ofoten vil",
            "Satse på felles innsats for helsetjenester til personer med sammensatte behov",
        ),
        (
            "ishavserklaeringen-2024-2027",
            "Vårt overordnede mål er «innbyggerens helsetjeneste - en sammenhengende "
            "helsetjeneste for best mulig livskvalitet», og vi vil arbeide for:",
            "TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP",
        ),
    ],
)
def test_the_lead_in_comes_right_before_the_commitments(
    bundle: Bundle, manager: PluginManager, document_id: str, lead_in: str, first_commitment: str
) -> None:
    text = _unescape(_markdown(bundle, manager, document_id))
    lead = _index(text, lead_in)
    first = _index(text, first_commitment)
    assert lead < first
    # Nothing but headings stands between the lead-in and the first commitment.
    between = text[lead + len(lead_in) : text.rindex("\n", 0, first)]
    assert all(not line or line.startswith("#") for line in between.splitlines()), between


def test_the_2024_declaration_reads_its_preamble_in_the_printed_order(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = _unescape(_markdown(bundle, manager, "ishavserklaeringen-2024-2027"))
    places = [
        _index(text, "Partnerskapsklæringen bygger på en erkjennelse av våre felles utfordringer."),
        _index(text, "Som likeverdige partnere skal vi møte disse utfordringene"),
        _index(text, "og vi vil arbeide for:"),
        _index(text, "TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP"),
    ]
    assert places == sorted(places)


def test_the_2025_plan_names_its_funding_round(bundle: Bundle, manager: PluginManager) -> None:
    # "Rekrutterings- og samhandlingsmidler … Ny runde – 17 søknader prioritert" (seed 001).
    text = _unescape(_markdown(bundle, manager, "handlingsplan-2025-2026"))
    assert "Rekrutterings- og samhandlingsmidler" in text
    assert "2025" in text
    # A link to the round's own page, as render_bundle names it.
    assert "samhandlingsmidler-2025.md" in text


@pytest.mark.parametrize(
    "document_id",
    [
        "arsrapport-2022",
        "handlingsplan-2023",
        "handlingsplan-2025-2026",
        "innspill-nhsp-2022",
        "ishavserklaeringen-2021-2023",
        "ishavserklaeringen-2024-2027",
        "samhandlingsmidler-2025",
    ],
)
def test_remarks_about_the_source_stay_out_of_the_document(
    bundle: Bundle, manager: PluginManager, document_id: str
) -> None:
    document = bundle.document(document_id)
    assert document is not None and document.notes
    text = _unescape(_markdown(bundle, manager, document_id))
    for note in document.notes:
        assert note not in text


# Handlingsplan 2023: the "Ansvarlig" cells of two or more names, as the source joins them.
RESPONSIBLE_AS_PRINTED = {
    "c) Styrke teamsamarbeid på tvers": "UNN og kommunene",
    "d) Aktiv bruk av FSU og SSU": "FSU og SSU",
    "f) Ferdigstille og implementere": "SEKR, UNN, kommunene",
    "i) Støtte opp om pågående tiltak": "SSU, FSU DIG",
    "f) Trekke fram gode erfaringer": "FSU, SSU",
    "g) Evaluere enkelte pasientforløp": "UNN, kommunene",
    "c) Dialog med utdanningsinstitusjonene": "FSU REST, SSU",
}


@pytest.mark.parametrize(("measure", "cell"), RESPONSIBLE_AS_PRINTED.items())
def test_responsible_actors_are_joined_as_the_source_joins_them(
    plan_2023: str, measure: str, cell: str
) -> None:
    rows = [cells for cells in _rows(plan_2023) if len(cells) == 3 and cells[1].startswith(measure)]
    assert len(rows) == 1, measure
    assert rows[0][2] == cell


def test_an_unknown_join_is_refused_with_what_to_write() -> None:
    from helsefellesskap import InvalidValue, Measure

    with pytest.raises(InvalidValue) as caught:
        Measure(id="m", text="Tiltak", responsible=("a", "b"), responsible_join="semicolon")
    assert caught.value.field == "responsible_join"
    assert '"comma"' in (caught.value.hint or "")


def test_the_response_says_who_gave_input_in_its_own_words(
    bundle: Bundle, manager: PluginManager
) -> None:
    # Seed 002: "… fått innspill fra kommunene, fastlegene og helseforetaket".
    markdown = _markdown(bundle, manager, "innspill-nhsp-2022")
    assert "- **Innspill fra:** kommunene, fastlegene og helseforetaket\n" in markdown
    assert "Fastlegerepresentanter" not in markdown


def test_the_2025_plan_shows_the_applications_as_its_slide_does(
    bundle: Bundle, manager: PluginManager
) -> None:
    # Seed 001, "Rekrutterings- og samhandlingsmidler": "Tittel | Prioritet", 17 rows,
    # then "Ny runde – 17 søknader prioritert, og sendt videre til HN".
    markdown = _markdown(bundle, manager, "handlingsplan-2025-2026")
    ranked = [(cells[0], cells[1]) for cells in _rows(markdown) if cells[-1].isdigit()]
    assert ranked == [(title, str(n)) for n, title in enumerate(APPLICATIONS, start=1)]
    text = _unescape(markdown)
    assert text.index("FACT/ACT, fra prosjekt til drift") < text.index(
        "Ny runde – 17 søknader prioritert, og sendt videre til HN"
    )


def test_each_plan_names_the_white_paper_only_where_its_source_does(
    bundle: Bundle, manager: PluginManager
) -> None:
    # Seed 001 shows the white paper's cover: "Meld. St. 9 (2023–2024) … Nasjonal helse- og
    # samhandlingsplan 2024–2027 Vår felles helsetjeneste"; seed 000 names NSHP 2020-2023
    # without "Meld. St. 7 (2019–2020)".
    plan_2025 = _unescape(_markdown(bundle, manager, "handlingsplan-2025-2026"))
    assert "Meld. St. 9 (2023–2024)" in plan_2025
    assert "Vår felles helsetjeneste" in plan_2025
    plan_2023 = _unescape(_markdown(bundle, manager, "handlingsplan-2023"))
    assert "Meld. St." not in plan_2023


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_annual_report_has_no_empty_status_section(
    bundle: Bundle, manager: PluginManager, fmt: str
) -> None:
    # Årsrapport 2022 follows up no measures: no "Status for tiltak" chapter in any format.
    document = bundle.document("arsrapport-2022")
    assert document is not None
    data = render(document, fmt, bundle=bundle, manager=manager)
    if fmt == "docx":
        import io

        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    else:
        text = data.decode("utf-8")
    assert "Status for tiltak" not in text
    assert "Forslag til vedtak sak 05/23" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_hva_vil_vi_keeps_its_bold_words(bundle: Bundle, manager: PluginManager, fmt: str) -> None:
    # Seed 004: "anser hverandre som **likeverdige** partnere", "Vi erkjenner **felles**
    # utfordringer", "… gjennom **stemmerett** …", "… som **team** enn som enkeltaktører".
    document = bundle.document("arsrapport-2022")
    assert document is not None
    text = render(document, fmt, bundle=bundle, manager=manager).decode("utf-8")
    bold = "**{}**" if fmt == "md" else "<strong>{}</strong>"
    for word in ("likeverdige", "felles", "stemmerett", "partnerskaps erklæring", "team"):
        assert bold.format(word) in text, word


def test_a_bold_word_the_section_does_not_have_is_refused() -> None:
    from helsefellesskap import InvalidValue, Section

    with pytest.raises(InvalidValue) as caught:
        Section(title="T", bullets=("Vi erkjenner felles utfordringer",), strong=("lik",))
    assert caught.value.field == "strong[0]"
