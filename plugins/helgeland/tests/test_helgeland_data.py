"""The data: every document loads and round-trips, and it says what seed 003 says."""

from __future__ import annotations

import datetime as dt

import pytest
from helsefellesskap_helgeland import DATA

from helsefellesskap import (
    ActionPlan,
    Bundle,
    Deadline,
    Declaration,
    Document,
    Membership,
    PartnerKind,
    Partnership,
    PluginManager,
    dumps_toml,
    load_bundle,
)
from helsefellesskap.io import parse_toml, structure, structure_document
from helsefellesskap.national import national_frame
from helsefellesskap.render.view import priority_group_names

MUNICIPALITIES = (
    "Alstahaug",
    "Bindal",
    "Brønnøy",
    "Dønna",
    "Grane",
    "Hattfjelldal",
    "Hemnes",
    "Herøy",
    "Leirfjord",
    "Lurøy",
    "Nesna",
    "Rana",
    "Rødøy",
    "Sømna",
    "Træna",
    "Vefsn",
    "Vega",
    "Vevelstad",
)


def _plan(bundle: Bundle) -> ActionPlan:
    return next(bundle.documents_of(ActionPlan))


def _declaration(bundle: Bundle) -> Declaration:
    return next(bundle.documents_of(Declaration))


def test_the_bundle_holds_the_declaration_and_the_plan(bundle: Bundle) -> None:
    assert sorted(d.id for d in bundle.documents) == [
        "handlingsplan-2023-2025",
        "helgelandserklaeringen-2023-2024",
    ]
    assert all(d.partnership == "helgeland" for d in bundle.documents)


def test_the_package_folder_loads_on_its_own() -> None:
    folder = load_bundle(DATA)
    assert folder.partnership.id == "helgeland"
    assert len(folder.documents) == 2


def test_the_partnership_roundtrips_through_toml(bundle: Bundle) -> None:
    partnership = bundle.partnership
    assert structure(parse_toml(dumps_toml(partnership)), Partnership) == partnership


@pytest.mark.parametrize(
    "document_id", ["handlingsplan-2023-2025", "helgelandserklaeringen-2023-2024"]
)
def test_every_document_roundtrips_through_toml(bundle: Bundle, document_id: str) -> None:
    document = bundle.document(document_id)
    assert isinstance(document, Document)
    again = structure_document(parse_toml(dumps_toml(document)))
    assert again == document


# -- the partnership -----------------------------------------------------------------------


def test_the_hospital_trust_and_the_18_municipalities_are_members(bundle: Bundle) -> None:
    partnership = bundle.partnership
    trusts = partnership.partners_of_kind(PartnerKind.HEALTH_TRUST)
    assert [t.name for t in trusts] == ["Helgelandssykehuset HF"]
    municipalities = partnership.partners_of_kind(PartnerKind.MUNICIPALITY)
    assert [m.name for m in municipalities] == [f"{name} kommune" for name in MUNICIPALITIES]
    assert all(m.membership is Membership.MEMBER for m in municipalities)
    assert partnership.partners_of_kind(PartnerKind.GP_REPRESENTATIVES)
    assert partnership.partners_of_kind(PartnerKind.USER_REPRESENTATIVES)


def test_the_outside_organisations_are_external(bundle: Bundle) -> None:
    external = {
        p.name: p.kind for p in bundle.partnership.partners if p.membership is Membership.EXTERNAL
    }
    assert external == {
        "Helse Nord RHF": PartnerKind.REGIONAL_HEALTH_AUTHORITY,
        "SINTEF": PartnerKind.RESEARCH_INSTITUTION,
        "UiT Norges arktiske universitet": PartnerKind.EDUCATION_INSTITUTION,
        "Aalborg Universitet": PartnerKind.EDUCATION_INSTITUTION,
        "Nasjonalt senter for e-helseforskning": PartnerKind.RESEARCH_INSTITUTION,
    }


def test_the_bodies_the_plan_names_have_fitting_kinds(bundle: Bundle) -> None:
    kinds = {b.display_name: b.kind for b in bundle.partnership.bodies}
    assert kinds == {
        "PM": "partnership-meeting",
        "SSU": "strategic-committee",
        "Sekretariatet": "secretariat",
        "FSU Akuttmedisinsk samarbeid": "professional-committee",
        "Lokale prosjektgrupper kommune/sykehus": "project-group",
        "Samhandlingsavdelingen": "department",
        "IT-avdelingen i Helgelandssykehuset": "department",
        "Digitale Helgeland": "project",
        "DHH": "project",
        "Arbeidsgruppa DHH": "working-group",
        "RKK Ytre Helgeland": "network",
        "RKK Indre Helgeland": "network",
        "HR-nettverk for rekruttering og kompetanse": "network",
    }


def test_every_body_kind_is_registered(manager: PluginManager, bundle: Bundle) -> None:
    known = manager.body_kinds()
    assert {b.kind for b in bundle.partnership.bodies} <= set(known)


# -- the declaration -----------------------------------------------------------------------


def test_the_declaration_has_its_aim_and_four_commitments(bundle: Bundle) -> None:
    declaration = _declaration(bundle)
    assert declaration.title == "Helgelandserklæringen 2023–2024"
    assert (declaration.period.start, declaration.period.end) == (2023, 2024)
    assert declaration.overarching_goal == (
        "Sammen kan vi skape gode og velutviklede helsetjenester til befolkningen på Helgeland"
    )
    assert declaration.preamble[0].startswith("Hovedmålsettingen med Helgelandserklæringen")
    assert [c.title for c in declaration.commitments] == [
        "Gode og sammenhengende pasientforløp",
        "Satsning på forebygging og egenmestring",
        "Utviklingsarbeid gjennom innovasjon og bruk av moderne teknologi",
        "Satsning på felles innsats for å sikre nok helsepersonell med riktig kompetanse "
        "i alle ledd av helsetjenesten",
    ]
    assert all(not c.main_goals for c in declaration.commitments)


# -- the plan ------------------------------------------------------------------------------


def test_the_plan_covers_2023_to_2025_and_is_revised_yearly(bundle: Bundle) -> None:
    plan = _plan(bundle)
    assert (plan.period.start, plan.period.end) == (2023, 2025)
    assert plan.revised_yearly
    assert plan.basis.declaration == _declaration(bundle).id
    assert plan.basis.national_plan == "nhsp-2020"


def test_the_priority_groups_follow_the_plans_order(bundle: Bundle) -> None:
    plan = _plan(bundle)
    order = (
        "children-and-young",
        "multiple-chronic",
        "mental-health-and-substance",
        "frail-elderly",
    )
    assert plan.priority_groups == order
    assert plan.introduction is not None
    assert plan.introduction.bullets == (
        "Barn og unge",
        "Personer med flere kroniske lidelser",
        "Personer med alvorlige psykiske lidelser og rusproblemer",
        "Skrøpelige eldre",
    )


def test_each_focus_area_traces_to_its_commitment(bundle: Bundle) -> None:
    plan = _plan(bundle)
    commitments = [c.id for c in _declaration(bundle).commitments]
    assert [a.commitment for a in plan.focus_areas] == commitments


def test_every_reference_resolves(bundle: Bundle) -> None:
    """Responsible ids name actors, builds_on names the goal's own ongoing work."""
    actors = bundle.partnership.actors()
    plan = _plan(bundle)
    references = {r.id for r in plan.references}
    for goal in plan.goals():
        own = {w.id for w in goal.ongoing_work}
        for measure in goal.measures:
            assert set(measure.responsible) <= set(actors), measure.id
            assert set(measure.builds_on) <= own, measure.id
            assert set(measure.references) <= references, measure.id


def test_only_the_measures_the_seed_leaves_unassigned_lack_responsible(bundle: Bundle) -> None:
    # Section 2.3 leaves the "Ansvarlig" cell empty for these five rows.
    unassigned = {m.id for m in _plan(bundle).measures() if not m.responsible}
    assert unassigned == {
        "dhh-alle-kommuner",
        "dhh-kols",
        "helserom-utrulling",
        "helserom-sintef",
        "intensjonsavtaler-uit-aalborg",
    }


def test_the_deadlines_keep_the_seeds_three_forms(bundle: Bundle) -> None:
    deadlines = {m.deadline for m in _plan(bundle).measures()}
    assert deadlines == {
        Deadline.of_year(2024),
        Deadline.of_span(2024, 2025),
        Deadline.of_phrase("Innen utgangen av 2024", dt.date(2024, 12, 31)),
    }


def test_recruit_and_retain_stays_in_its_cell_as_the_plan_prints_it(bundle: Bundle) -> None:
    # Seed 003, 2.4: the cell says the framework has nine strategic tasks (not listed),
    # names the three steps in its sentence, lists the five success criteria numbered on
    # one line and gives the framework's address. No separate chapter of references.
    plan = _plan(bundle)
    assert plan.references == ()
    (measure,) = [m for m in plan.measures() if m.id == "recruit-and-retain"]
    assert measure.text.startswith("Jobbe systematisk etter rammeverket Recruit & Retain")
    assert "ni strategiske gjøremål" in measure.text
    assert "de tre stegene Planlegge, Rekruttere og Beholde" in measure.text
    assert measure.closing == (
        "1) anerkjennelse av det unike i distrikt, 2) inkludering av distriktenes "
        "perspektiver, 3) tilstrekkelige ressurser, 4) årlige sykluser med aktiviteter, "
        "5) regelmessige evalueringer",
    )
    assert [link.url for link in measure.links] == [
        "https://www.nsdm.no/wp-content/uploads/2019/01/RR2-8page-Norway.pdf"
    ]


def test_the_way_forward_quotes_the_six_national_fsu_requirements(bundle: Bundle) -> None:
    plan = _plan(bundle)
    assert plan.way_forward is not None
    assert plan.way_forward.title == "Veien videre"
    (fsu,) = plan.way_forward.subsections
    assert fsu.title == "Faglige samarbeidsutvalg"
    assert fsu.national == (
        "fsu.duration",
        "fsu.joint-mandate",
        "fsu.ssu-steering",
        "fsu.user-representation",
        "fsu.gp-representation",
        "fsu.other-sectors",
    )


def test_the_cited_links_are_kept(bundle: Bundle) -> None:
    plan = _plan(bundle)
    urls: list[str] = []
    assert plan.introduction is not None
    urls.extend(link.url for link in plan.introduction.links)
    for goal in plan.goals():
        for work in goal.ongoing_work:
            urls.extend(link.url for link in work.links)
        for measure in goal.measures:
            urls.extend(link.url for link in measure.links)
    urls.extend(r.url for r in plan.references if r.url)
    assert any("nasjonal-helse--og-sykehusplan-2020-2023" in u for u in urls)
    assert "https://www.helsedirektoratet.no/tema/helsefellesskap/styringsinformasjon" in urls
    assert any("strategi-helsekompetanse-uu.pdf" in u for u in urls)
    assert any("RR2-8page-Norway.pdf" in u for u in urls)
    # The private file:///C:/Users/… link is removed (issue 12 §3); its text is kept.
    assert not any(u.startswith("file:") for u in urls)
    (work,) = [w for g in plan.goals() for w in g.ongoing_work if w.id == "digitale-helgeland"]
    assert work.details == (
        "Kommunal sektors portefølje og ambisjoner på ehelseområdet 2023 (1).pdf",
    )


def test_the_listed_priority_groups_are_the_national_ones(bundle: Bundle) -> None:
    plan = _plan(bundle)
    assert plan.introduction is not None
    names = priority_group_names(plan.priority_groups, national_frame(), "nhsp-2020")
    assert plan.introduction.bullets == names


def test_the_plan_has_the_seeds_goals_ongoing_work_and_measures(bundle: Bundle) -> None:
    plan = _plan(bundle)
    per_area = [
        (
            len(area.goals),
            sum(len(g.ongoing_work) for g in area.goals),
            sum(1 for _ in area.measures()),
        )
        for area in plan.focus_areas
    ]
    assert per_area == [(2, 2, 5), (1, 4, 5), (2, 5, 8), (2, 6, 5)]


def test_the_dhh_measure_closes_with_the_paragraph_after_its_bullets(bundle: Bundle) -> None:
    (measure,) = [m for m in _plan(bundle).measures() if m.id == "mal-dhh"]
    assert len(measure.details) == 3
    assert measure.closing == (
        "Digital hjemmeoppfølging vil dermed bidra til å styrke helsekompetansen i "
        "befolkningen, gjennom tjenester som styrker mestring, selvstendighet og livskvalitet "
        "for den enkelte.",
    )
    assert measure.notes == ()


@pytest.mark.parametrize(
    ("document_id", "remark"),
    [
        ("handlingsplan-2023-2025", "file:///C:/Users/"),
        ("handlingsplan-2023-2025", "«riktigkompetanse»"),
        ("handlingsplan-2023-2025", "sideskift"),
        ("helgelandserklaeringen-2023-2024", "ingen hovedmål"),
    ],
)
def test_remarks_about_the_source_are_the_documents_notes(
    bundle: Bundle, document_id: str, remark: str
) -> None:
    document = bundle.document(document_id)
    assert document is not None
    assert any(remark in note for note in document.notes), document.notes
