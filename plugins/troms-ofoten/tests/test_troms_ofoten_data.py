"""The data: every document loads and round-trips, and it says what the seeds say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

import pytest
from helsefellesskap_troms_ofoten import data_path

from helsefellesskap import (
    ActionPlan,
    AnnualReport,
    BodyStatus,
    Bundle,
    ConsultationResponse,
    DataError,
    Declaration,
    Document,
    FundingRound,
    Membership,
    PartnerKind,
    Partnership,
    PluginManager,
    Right,
    dumps_toml,
    load_bundle,
)
from helsefellesskap.io import parse_toml, structure, structure_document

D = TypeVar("D", bound=Document)

# Årsrapport 2022, Ishavserklæringen 2021-2023: "kommunene Balsfjord, … Tjeldsund og Tromsø".
MUNICIPALITIES = (
    "Balsfjord",
    "Bardu",
    "Dyrøy",
    "Evenes",
    "Gratangen",
    "Harstad",
    "Ibestad",
    "Karlsøy",
    "Kvæfjord",
    "Kvænangen",
    "Kåfjord",
    "Lavangen",
    "Lyngen",
    "Lødingen",
    "Målselv",
    "Narvik",
    "Nordreisa",
    "Salangen",
    "Senja",
    "Skjervøy",
    "Storfjord",
    "Sørreisa",
    "Tjeldsund",
    "Tromsø",
)

DOCUMENTS = {
    "arsrapport-2022": AnnualReport,
    "handlingsplan-2023": ActionPlan,
    "handlingsplan-2025-2026": ActionPlan,
    "innspill-nhsp-2022": ConsultationResponse,
    "ishavserklaeringen-2021-2023": Declaration,
    "ishavserklaeringen-2024-2027": Declaration,
    "samhandlingsmidler-2025": FundingRound,
}


def _doc(bundle: Bundle, document_id: str, kind: type[D]) -> D:
    """The document ``document_id`` of the bundle, checked to be of type ``kind``."""
    document = bundle.document(document_id)
    assert isinstance(document, kind), f"{document_id} is not a {kind.__name__}"
    return document


def test_every_document_loads(bundle: Bundle) -> None:
    assert {d.id: type(d) for d in bundle.documents} == DOCUMENTS
    assert all(d.partnership == "troms-ofoten" for d in bundle.documents)
    assert all(d.language == "nb" for d in bundle.documents)
    for document in bundle.documents:
        file = bundle.file_of(document)
        assert file is not None and file.is_relative_to(data_path())


def test_the_folder_loads_without_the_plugin_too() -> None:
    # `helsefellesskap check <folder>`: the data needs no plugin to load.
    loaded = load_bundle(data_path())
    assert sorted(d.id for d in loaded.documents) == sorted(DOCUMENTS)


def test_the_partnership_round_trips_through_toml(bundle: Bundle) -> None:
    partnership = bundle.partnership
    assert structure(parse_toml(dumps_toml(partnership)), Partnership) == partnership


@pytest.mark.parametrize("document_id", sorted(DOCUMENTS))
def test_each_document_round_trips_through_toml(
    bundle: Bundle, manager: PluginManager, document_id: str
) -> None:
    document = bundle.document(document_id)
    assert document is not None
    text = dumps_toml(document)
    again = structure_document(parse_toml(text), types=manager.document_types())
    assert again == document
    assert dumps_toml(again) == text


def test_unn_and_its_northern_sami_name_in_the_hospitals_own_form(bundle: Bundle) -> None:
    # Seed 001's logo strip reads "DAVI-NORICGA UNIVERSITETHABUOHCEVIESSU" after text
    # recognition; the hospital writes its name "Davvi-Norgga universitehtabuohcceviessu".
    unn = bundle.partnership.partner("unn")
    assert unn is not None
    assert unn.kind is PartnerKind.HEALTH_TRUST
    assert unn.name == "Universitetssykehuset Nord-Norge HF"
    assert unn.short_name == "UNN"
    assert unn.names == {"se": "Davvi-Norgga universitehtabuohcceviessu"}
    # why it differs from the seed is a comment of the file, not a note
    assert not unn.notes


def test_the_24_municipalities_of_the_annual_report(bundle: Bundle) -> None:
    municipalities = bundle.partnership.partners_of_kind(PartnerKind.MUNICIPALITY)
    assert tuple(m.short_name for m in municipalities) == MUNICIPALITIES
    assert all(m.name == f"{m.short_name} kommune" for m in municipalities)
    assert all(m.membership is Membership.MEMBER for m in municipalities)


def test_the_other_partners_and_their_standing(bundle: Bundle) -> None:
    partnership = bundle.partnership
    standing = {
        p.id: (p.kind, p.membership)
        for p in partnership.partners
        if p.kind is not PartnerKind.MUNICIPALITY
    }
    assert standing == {
        "unn": (PartnerKind.HEALTH_TRUST, Membership.MEMBER),
        "fastleger": (PartnerKind.GP_REPRESENTATIVES, Membership.MEMBER),
        "brukere": (PartnerKind.USER_REPRESENTATIVES, Membership.MEMBER),
        "ungdom": (PartnerKind.YOUTH_REPRESENTATIVES, Membership.MEMBER),
        "statsforvalteren": (PartnerKind.COUNTY_GOVERNOR, Membership.OBSERVER),
        "utdanningsinstitusjonene": (PartnerKind.EDUCATION_INSTITUTION, Membership.OBSERVER),
        "helse-nord": (PartnerKind.REGIONAL_HEALTH_AUTHORITY, Membership.EXTERNAL),
    }
    for observer in ("statsforvalteren", "utdanningsinstitusjonene"):
        partner = partnership.partner(observer)
        assert partner is not None and partner.description is not None
        assert "møte- og talerett" in partner.description


def test_the_bodies_carry_the_abbreviations_of_the_2023_plan(
    bundle: Bundle, abbreviations_2023: tuple[tuple[str, str], ...]
) -> None:
    listed = tuple((b.abbreviation, b.name) for b in bundle.partnership.bodies if b.abbreviation)
    assert listed == abbreviations_2023


def test_gp_user_and_youth_representatives_vote_in_ssu(bundle: Bundle) -> None:
    ssu = bundle.partnership.body("ssu")
    assert ssu is not None and ssu.kind == "strategic-committee"
    votes = {seat.holder for seat in ssu.seats if Right.VOTE in seat.rights}
    assert {"fastleger", "brukere", "ungdom"} <= votes


def test_two_fsus_continue_earlier_councils(bundle: Bundle) -> None:
    partnership = bundle.partnership
    for fsu, council in (("fsu-flr", "tidligere-rad-flr"), ("fsu-akm", "tidligere-rad-akm")):
        body = partnership.body(fsu)
        assert body is not None and body.continues == council
        earlier = partnership.body(council)
        assert earlier is not None
        assert earlier.kind == "council"
        assert earlier.status is BodyStatus.CLOSED


def test_fsu_dig_was_being_established_at_the_end_of_2022_and_started_in_2023(
    bundle: Bundle,
) -> None:
    dig = bundle.partnership.body("fsu-dig")
    assert dig is not None
    assert dig.status_on(dt.date(2022, 12, 31)) is BodyStatus.BEING_ESTABLISHED
    assert dig.status_on(dt.date(2023, 6, 1)) is BodyStatus.ACTIVE
    assert dig.status_on(dt.date(2022, 6, 1)) is BodyStatus.PLANNED


def test_the_secretariat_meets_weekly_and_started_in_the_autumn_of_2022(bundle: Bundle) -> None:
    sekr = bundle.partnership.body("sekr")
    assert sekr is not None
    assert sekr.meets == "minimum en gang per uke"
    assert sekr.established is not None
    assert sekr.established.display() == "høsten 2022"


def test_the_fsu_mandates_are_given_by_ssu(bundle: Bundle) -> None:
    fsus = [b for b in bundle.partnership.bodies if b.kind == "professional-committee"]
    assert len(fsus) == 7
    assert all(b.mandate is not None and b.mandate.given_by == ("ssu",) for b in fsus)


def test_the_responsible_strings_map_to_ids(bundle: Bundle) -> None:
    plan = _doc(bundle, "handlingsplan-2023", ActionPlan)
    responsible = {m.id: m.responsible for m in plan.measures()}
    # "Samhandl.-sjefene", "UNN og kommunene", "FSU og SSU", "Utvalgsrep-resentanter",
    # "SEKR, UNN, kommunene", "SSU, FSU DIG", "Felles", "FSU, SSU", "FSU REST, SSU".
    assert responsible["fagdager-psykisk-helse-rus"] == ("samhandlingssjefene",)
    assert responsible["teamsamarbeid"] == ("unn", "kommunene")
    assert responsible["aktiv-bruk-fsu-ssu"] == ("fsu", "ssu")
    assert responsible["folge-opp-vedtak"] == ("utvalgsrepresentantene",)
    assert responsible["ny-samarbeidsavtale"] == ("sekr", "unn", "kommunene")
    assert responsible["digital-hjemmeoppfolging"] == ("ssu", "fsu-dig")
    assert responsible["dagsorden-fagdager"] == ("felles",)
    assert responsible["erfaringer-dho"] == ("fsu", "ssu")
    assert responsible["dialog-utdanningsinstitusjonene"] == ("fsu-rest", "ssu")
    actors = bundle.partnership.actors()
    assert all(r in actors for ids in responsible.values() for r in ids)


def test_the_restarted_letters_of_2_3_are_labels_not_ids(bundle: Bundle) -> None:
    plan = _doc(bundle, "handlingsplan-2023", ActionPlan)
    area = plan.focus_areas[2]
    labels = [m.label for m in area.measures()]
    assert labels == ["a)", "b)", "c)", "d)", "e)", "f)", "a)", "b)", "c)"]
    ids = [m.id for m in plan.measures()]
    assert len(ids) == len(set(ids)) == 25


@pytest.mark.parametrize(
    ("plan_id", "declaration_id", "national_plan"),
    [
        ("handlingsplan-2023", "ishavserklaeringen-2021-2023", "nhsp-2020"),
        ("handlingsplan-2025-2026", "ishavserklaeringen-2024-2027", "nhsp-2024"),
    ],
)
def test_each_plan_rests_on_its_declaration_and_national_plan(
    bundle: Bundle, plan_id: str, declaration_id: str, national_plan: str
) -> None:
    plan = _doc(bundle, plan_id, ActionPlan)
    assert plan.basis.declaration == declaration_id
    assert plan.basis.national_plan == national_plan
    declaration = _doc(bundle, declaration_id, Declaration)
    assert declaration.period.start <= plan.period.start


def test_the_2023_plan_names_the_nine_national_goals_and_three_focus_areas(
    bundle: Bundle,
) -> None:
    plan = _doc(bundle, "handlingsplan-2023", ActionPlan)
    assert plan.national_goals == tuple(f"nhsp-2020.goal-{n}" for n in range(1, 10))
    assert plan.national_goals_intro == "Innbyggerne og helsepersonellet skal oppleve at;"
    # "barn og unge, skrøpelige eldre, personer med alvorlig psykisk helse og/eller
    # ruslidelse, og personer med flere kroniske sykdommer", in that order.
    order = ("children-and-young", "frail-elderly", "mental-health-and-substance")
    assert plan.priority_groups == (*order, "multiple-chronic")
    assert [a.commitment for a in plan.focus_areas] == [
        "sammensatte-behov",
        "forebygging",
        "personell",
    ]
    assert plan.way_forward is not None and plan.way_forward.title == "Veien videre"


def test_the_2025_plan_points_to_the_funding_round_sent_to_helse_nord(bundle: Bundle) -> None:
    plan = _doc(bundle, "handlingsplan-2025-2026", ActionPlan)
    assert plan.funding_rounds == ("samhandlingsmidler-2025",)
    funding = _doc(bundle, "samhandlingsmidler-2025", FundingRound)
    assert funding.forwarded_to == "helse-nord"
    assert [a.priority for a in funding.ranked()] == list(range(1, 18))


def test_the_2024_declaration_keeps_both_dates_as_printed(bundle: Bundle) -> None:
    declaration = _doc(bundle, "ishavserklaeringen-2024-2027", Declaration)
    assert declaration.adopted == dt.date(2024, 4, 18)
    assert declaration.adopted_by == "pm"
    assert declaration.corrected == dt.date(2024, 4, 3)
    assert [len(c.main_goals) for c in declaration.commitments] == [3, 3, 3]


# Ishavserklæringen 2024-2027 (seed 001): the paragraph before the commitments, as printed.
PREAMBLE_2024 = (
    "Partnerskapsklæringen bygger på en erkjennelse av våre felles utfordringer. Som "
    "likeverdige partnere skal vi møte disse utfordringene gjennom å planlegge og utvikle "
    "tjenester sammen. Vårt overordnede mål er «innbyggerens helsetjeneste - en "
    "sammenhengende helsetjeneste for best mulig livskvalitet», og vi vil arbeide for:"
)


def test_each_declaration_has_the_lead_in_to_its_commitments(bundle: Bundle) -> None:
    # Årsrapport 2022 heads the 2021-2023 commitments "Helsefellesskapet Troms og Ofoten vil".
    earlier = _doc(bundle, "ishavserklaeringen-2021-2023", Declaration)
    assert earlier.commitments_intro == "Helsefellesskapet Troms og Ofoten vil"
    later = _doc(bundle, "ishavserklaeringen-2024-2027", Declaration)
    assert later.commitments_intro is not None
    assert later.commitments_intro.endswith("og vi vil arbeide for:")
    # The lead-in is the last sentence of the printed paragraph; nothing is lost or doubled.
    assert " ".join((*later.preamble, later.commitments_intro)) == PREAMBLE_2024


@pytest.mark.parametrize(
    ("document_id", "remark"),
    [
        ("ishavserklaeringen-2021-2023", "«våren 2021»"),
        ("ishavserklaeringen-2024-2027", "03.04.2024"),
        ("ishavserklaeringen-2024-2027", "«Sørgje for»"),
        ("ishavserklaeringen-2024-2027", "«Partnerskapsklæringen»"),
        ("handlingsplan-2023", "«regjerningen»"),
        ("handlingsplan-2025-2026", "«Hva skjer videre»"),
        ("samhandlingsmidler-2025", "«fremtidenshelsetjenester»"),
        ("innspill-nhsp-2022", "«2024-207»"),
        ("arsrapport-2022", "«Helsefelleskapet»"),
    ],
)
def test_remarks_about_the_source_are_the_documents_notes(
    bundle: Bundle, document_id: str, remark: str
) -> None:
    document = _doc(bundle, document_id, Document)
    assert any(remark in note for note in document.notes), document.notes


def test_the_misprints_stay_in_the_text_as_printed(bundle: Bundle) -> None:
    response = _doc(bundle, "innspill-nhsp-2022", ConsultationResponse)
    assert response.title == "Innspill til Nasjonal helse- og samhandlingsplan 2024-207"
    funding = _doc(bundle, "samhandlingsmidler-2025", FundingRound)
    assert funding.ranked()[15].title.endswith("for fremtidenshelsetjenester")
    later = _doc(bundle, "ishavserklaeringen-2024-2027", Declaration)
    assert later.preamble[0].startswith("Partnerskapsklæringen ")


def test_the_2021_declaration_names_its_parties(bundle: Bundle) -> None:
    declaration = _doc(bundle, "ishavserklaeringen-2021-2023", Declaration)
    assert len(declaration.parties) == 27
    assert declaration.parties[0] == "unn"
    assert declaration.parties[-2:] == ("fastleger", "brukere")
    assert declaration.parties_text is not None
    for name in MUNICIPALITIES:
        assert name in declaration.parties_text


def test_the_consultation_answers_all_six_questions(bundle: Bundle) -> None:
    response = _doc(bundle, "innspill-nhsp-2022", ConsultationResponse)
    assert [q.number for q in response.questions] == [1, 2, 3, 4, 5, 6]
    assert all(q.answer or q.bullets for q in response.questions)
    assert [len(q.answer) for q in response.questions] == [5, 8, 0, 7, 4, 3]
    assert len(response.questions[2].bullets) == 5
    assert response.date.display() == "Mars 2022"
    assert response.inputs_from == ("kommunene", "fastleger", "unn")


def test_a_misspelt_key_in_a_copy_of_the_data_names_file_and_path(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "troms-ofoten"
    shutil.copytree(data_path(), folder)
    plan = folder / "plans" / "handlingsplan-2023.toml"
    text = plan.read_text("utf-8")
    plan.write_text(text.replace('responsible = ["fsu-bu"]', 'responsibel = ["fsu-bu"]'), "utf-8")
    with pytest.raises(DataError) as caught:
        load_bundle(folder)
    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].file == plan
    assert problems[0].path == "$.focus_areas[0].goals[0].measures[0].responsibel"
