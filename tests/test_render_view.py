"""The view model shared by every format: actors, abbreviations, the measures table."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from helsefellesskap import (
    ActionPlan,
    Body,
    Bundle,
    FocusArea,
    Goal,
    Layout,
    Measure,
    OngoingWork,
    Partner,
    PartnerKind,
    Partnership,
    PluginManager,
    RenderError,
    Role,
    load_bundle,
)
from helsefellesskap.model import Group, Period
from helsefellesskap.render import make_context, view

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


def _plan(bundle: Bundle) -> ActionPlan:
    plan = bundle.document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    return plan


PARTNERSHIP = Partnership(
    id="test",
    name="Helsefellesskap Test",
    partners=(
        Partner(
            id="unn", kind=PartnerKind.HEALTH_TRUST, name="Universitetssykehuset", short_name="UNN"
        ),
        Partner(id="tromso", kind=PartnerKind.MUNICIPALITY, name="Tromsø kommune"),
    ),
    bodies=(
        Body(
            id="ssu",
            kind="strategic-committee",
            name="Strategisk samarbeidsutvalg",
            abbreviation="SSU",
        ),
        Body(
            id="fsu-rest",
            kind="professional-committee",
            name="faglig samarbeidsutvalg for rekruttering og stabilisering",
            abbreviation="FSU REST",
            steering_body="ssu",
        ),
        Body(id="ag", kind="working-group", name="Arbeidsgruppe", parent="fsu-rest"),
        Body(id="sekr", kind="secretariat", name="sekretariatet", abbreviation="SEKR"),
    ),
    roles=(Role(id="sjefene", name="Samhandlingssjefene", short_name="Samhandl.-sjefene"),),
    groups=(Group(id="kommunene", name="kommunene", kinds=(PartnerKind.MUNICIPALITY,)),),
)


def test_actor_name_prefers_abbreviation_and_short_name() -> None:
    assert view.actor_name("fsu-rest", PARTNERSHIP) == "FSU REST"
    assert view.actor_name("ag", PARTNERSHIP) == "Arbeidsgruppe"
    assert view.actor_name("unn", PARTNERSHIP) == "UNN"
    assert view.actor_name("tromso", PARTNERSHIP) == "Tromsø kommune"
    assert view.actor_name("sjefene", PARTNERSHIP) == "Samhandl.-sjefene"
    assert view.actor_name("kommunene", PARTNERSHIP) == "kommunene"


def test_actor_name_keeps_an_unknown_id_verbatim() -> None:
    assert view.actor_name("ukjent-id", PARTNERSHIP) == "ukjent-id"


def test_responsible_text_joins_two_with_and_and_more_with_commas() -> None:
    assert view.responsible_text(["unn", "kommunene"], PARTNERSHIP) == "UNN og kommunene"
    assert (
        view.responsible_text(["sekr", "unn", "kommunene"], PARTNERSHIP) == "SEKR, UNN, kommunene"
    )
    assert view.responsible_text(["fsu-rest"], PARTNERSHIP) == "FSU REST"
    assert view.responsible_text([], PARTNERSHIP) == ""


def test_responsible_text_uses_the_language_of_the_context(
    bundle: Bundle, manager: PluginManager
) -> None:
    context = make_context(bundle, "en", manager)
    assert view.responsible_text(["fsu-dig", "kommunene"], bundle.partnership, context) == (
        "FSU DIG and kommunene"
    )


def test_abbreviations_list_bodies_named_by_id_or_by_word_in_body_order() -> None:
    measure = Measure(id="m", text="Følge opp vedtak i SSU", responsible=("fsu-rest",))
    plan = ActionPlan(
        id="p",
        title="Plan",
        period=Period(start=2023, end=2023),
        focus_areas=(
            FocusArea(id="f", title="F", goals=(Goal(id="g", text="G", measures=(measure,)),)),
        ),
    )
    found = view.abbreviations(plan, PARTNERSHIP)
    assert [a.abbreviation for a in found] == ["SSU", "FSU REST"]
    assert found[1].name == "faglig samarbeidsutvalg for rekruttering og stabilisering"


def test_abbreviations_ignore_an_abbreviation_inside_a_longer_word() -> None:
    measure = Measure(id="m", text="SEKRETARIATET og SSUer nevnes ikke som ord")
    plan = ActionPlan(
        id="p",
        title="Plan",
        period=Period(start=2023, end=2023),
        focus_areas=(
            FocusArea(id="f", title="F", goals=(Goal(id="g", text="G", measures=(measure,)),)),
        ),
    )
    assert view.abbreviations(plan, PARTNERSHIP) == ()


def test_abbreviations_of_the_governance_overview_list_every_abbreviated_body() -> None:
    found = view.abbreviations(PARTNERSHIP, PARTNERSHIP)
    assert [a.body for a in found] == ["ssu", "fsu-rest", "sekr"]


def _table_context(bundle: Bundle, manager: PluginManager, columns: tuple[str, ...]):  # type: ignore[no-untyped-def]
    context = make_context(bundle, "nb", manager)
    return attrs.evolve(context, layout=Layout(measure_columns=columns))


def test_measure_table_spans_goal_and_ongoing_work(bundle: Bundle, manager: PluginManager) -> None:
    context = make_context(bundle, "nb", manager)
    table = view.measure_table(_plan(bundle).focus_areas[0], context)
    assert table.columns == ("goal", "ongoing_work", "measure", "responsible", "deadline")
    assert table.headers == (
        "Hva vil vi?",
        "Pågående arbeid",
        "Hvordan få det til?",
        "Ansvarlig",
        "Når",
    )
    assert table.measure_ids() == ("overganger", "fagdager", "dho")
    first, second, third = table.rows
    assert first.cells[0] is not None and first.cells[0].rowspan == 2
    assert first.cells[0].text == "Personsentrert og helhetlig helsetjeneste"
    assert second.cells[0] is None  # the goal above spans into it
    assert first.cells[1] is not None and first.cells[1].text.startswith("Pasientsentrerte")
    assert second.cells[1] is not None and second.cells[1].is_empty  # builds on nothing
    assert third.cells[2] is not None
    assert third.cells[2].text == "c) Støtte digital hjemmeoppfølging"
    assert third.cells[2].bullets == ("Felles opplæring", "Felles rutiner")
    assert third.cells[3] is not None and third.cells[3].text == "FSU DIG og kommunene"
    assert second.cells[4] is not None and second.cells[4].text == "Innen utgangen av 2024"


def test_measure_table_gives_ongoing_work_without_measures_its_own_row(
    bundle: Bundle, manager: PluginManager
) -> None:
    goal = Goal(
        id="g",
        text="Mål",
        ongoing_work=(
            OngoingWork(id="w1", text="Prosjekt A"),
            OngoingWork(id="w2", text="Prosjekt B"),
        ),
        measures=(
            Measure(id="m1", text="Tiltak 1", builds_on=("w1",)),
            Measure(id="m2", text="Tiltak 2", builds_on=("w1",)),
            Measure(id="m3", text="Tiltak 3"),
        ),
    )
    context = _table_context(bundle, manager, ("goal", "ongoing_work", "measure"))
    table = view.measure_table(FocusArea(id="a", title="A", goals=(goal,)), context)
    assert [(r.ongoing_work, r.measure) for r in table.rows] == [
        ("w1", "m1"),
        ("w1", "m2"),
        ("w2", None),
        (None, "m3"),
    ]
    spans = [[c.rowspan if c else None for c in r.cells] for r in table.rows]
    assert spans == [[4, 2, 1], [None, None, 1], [None, 1, 1], [None, 1, 1]]


def test_measure_table_without_ongoing_column_lists_measures_in_order(
    bundle: Bundle, manager: PluginManager
) -> None:
    context = _table_context(bundle, manager, ("goal", "measure", "responsible", "status"))
    table = view.measure_table(_plan(bundle).focus_areas[0], context)
    assert table.headers[-1] == "Status"
    assert [r.measure for r in table.rows] == ["overganger", "fagdager", "dho"]
    status = table.rows[1].cells[3]
    assert status is not None and status.text == "Påbegynt"


def test_measure_table_goal_without_measures_still_shows(
    bundle: Bundle, manager: PluginManager
) -> None:
    context = _table_context(bundle, manager, ("goal", "measure"))
    table = view.measure_table(
        FocusArea(id="a", title="A", goals=(Goal(id="g", text="Alene"),)), context
    )
    assert len(table.rows) == 1
    cell = table.rows[0].cells[0]
    assert cell is not None and cell.text == "Alene" and cell.rowspan == 1


def test_measure_table_rejects_an_unknown_column_with_a_suggestion(
    bundle: Bundle, manager: PluginManager
) -> None:
    # a layout refuses the column when it is built (issue 12); the table checks again
    from helsefellesskap import InvalidValue, Layout

    with pytest.raises(InvalidValue, match=r"'responsable' is not a column"):
        Layout(measure_columns=("goal", "responsable"))
    with pytest.raises(
        RenderError, match=r"unknown column 'responsable': did you mean 'responsible'"
    ):
        view.check_columns(("goal", "responsable"))


def test_plan_numbering_follows_the_sources(bundle: Bundle, manager: PluginManager) -> None:
    plan = _plan(bundle)
    numbers = view.plan_numbering(
        plan, view.declaration_of(plan, make_context(bundle, "nb", manager))
    )
    assert numbers.introduction == "1"
    assert numbers.focus_areas == "2"
    assert dict(numbers.areas) == {"forlop": "2.1", "personell": "2.2"}
    # the references are an unnumbered appendix: the way forward keeps the source's 3
    assert numbers.way_forward == "3"
    assert not hasattr(numbers, "references")


def test_plan_numbering_skips_missing_parts() -> None:
    plan = ActionPlan(
        id="p",
        title="P",
        period=Period(start=2023, end=2023),
        focus_areas=(FocusArea(id="a", title="A"),),
    )
    numbers = view.plan_numbering(plan)
    assert numbers.introduction is None
    assert numbers.focus_areas == "1"
    assert dict(numbers.areas) == {"a": "1.1"}
    assert numbers.way_forward is None


def test_commitments_number_their_main_goals(bundle: Bundle, manager: PluginManager) -> None:
    context = make_context(bundle, "nb", manager)
    declaration = view.declaration_of(_plan(bundle), context)
    assert declaration is not None
    commitments = view.commitment_views(declaration, context)
    assert [c.number for c in commitments] == [1, 2]
    assert [g.heading for g in commitments[0].main_goals] == ["Hovedmål 1", "Hovedmål 2"]
    english = view.commitment_views(declaration, make_context(bundle, "en", manager))
    assert english[0].main_goals[1].heading == "Main goal 2"


def test_national_names_come_from_the_national_frame(
    bundle: Bundle, manager: PluginManager
) -> None:
    context = make_context(bundle, "nb", manager)
    goals = view.national_goal_texts(["nhsp-2024.goal-1", "no-such-goal"], context.national)
    assert goals[0].startswith("God helse og mestring")
    assert goals[1] == "no-such-goal"
    names = view.priority_group_names(["frail-elderly"], context.national, "nhsp-2024")
    assert names == ("Eldre med skrøpelighet",)


def test_governance_views_word_kinds_rights_and_relations(
    bundle: Bundle, manager: PluginManager
) -> None:
    context = make_context(bundle, "nb", manager)
    bodies = {b.id: b for b in view.body_views(context)}
    fsu = bodies["fsu-bu"]
    assert fsu.heading == "Faglig samarbeidsutvalg barn og unge (FSU BU)"
    assert fsu.kind == "faglig samarbeidsutvalg"
    assert fsu.steering_body == "SSU"
    assert fsu.mandate_given_by == "SSU og FSU BU"
    assert fsu.mandate_date == "01.03.2022"
    assert fsu.established == "Hausten 2021"
    ssu_seats = {s.holder: s for s in bodies["ssu"].seats}
    assert ssu_seats["Statsforvalteren i Fjordvik"].rights == "møterett, talerett"
    assert not ssu_seats["Statsforvalteren i Fjordvik"].votes
    assert bodies["ag-ernaering"].parent == "FSU BU"
    edges = view.governance_edges(bundle.partnership)
    assert view.Edge(source="pm", target="ssu", kind="steers") in edges
    assert view.Edge(source="fsu-bu", target="ag-ernaering", kind="under") in edges


def test_governance_edges_leave_out_unknown_bodies() -> None:
    lonely = attrs.evolve(
        PARTNERSHIP,
        bodies=(Body(id="x", kind="working-group", name="X", steering_body="gone"),),
    )
    assert view.governance_edges(lonely) == ()


def test_amounts_and_dates_are_written_per_language() -> None:
    import datetime as dt

    assert view.amount_text(450000, "nb") == "450\u00a0000"
    assert view.amount_text(450000, "en") == "450,000"
    assert view.date_text(dt.date(2024, 3, 14), "nn") == "14.03.2024"
    assert view.date_text(dt.date(2024, 3, 14), "en") == "2024-03-14"


def test_actor_full_names_bodies_and_partners_in_full_with_their_short_form() -> None:
    assert view.actor_full("ssu", PARTNERSHIP) == "Strategisk samarbeidsutvalg (SSU)"
    assert view.actor_full("unn", PARTNERSHIP) == "Universitetssykehuset (UNN)"
    assert view.actor_full("tromso", PARTNERSHIP) == "Tromsø kommune"
    assert view.actor_full("ag", PARTNERSHIP) == "Arbeidsgruppe"
    assert view.actor_full("sjefene", PARTNERSHIP) == "Samhandl.-sjefene"
    assert view.actor_full("ukjent-id", PARTNERSHIP) == "ukjent-id"
    assert view.actor_full(None, PARTNERSHIP) is None


def test_actor_full_leaves_out_a_short_name_the_name_already_holds() -> None:
    partner = Partner(
        id="hsyk", kind=PartnerKind.HEALTH_TRUST, name="Helgelandssykehuset HF", short_name="HF"
    )
    partnership = attrs.evolve(PARTNERSHIP, partners=(partner,))
    assert view.actor_full("hsyk", partnership) == "Helgelandssykehuset HF"


@pytest.mark.parametrize(
    ("item_id", "plan_id", "expected"),
    [
        ("fsu.ssu-steering", None, "ha SSU som styringsgruppe"),
        ("frail-elderly", None, "Skrøpelige eldre"),
        ("frail-elderly", "nhsp-2024", "Eldre med skrøpelighet"),
        ("frail-elderly", "no-such-plan", "Skrøpelige eldre"),
        ("principle.joint-planning", None, "Bedre felles planlegging"),
        ("nhsp-2024", None, "Nasjonal helse- og samhandlingsplan 2024–2027"),
        ("unknown.id", "nhsp-2024", "unknown.id"),
    ],
)
def test_national_text_words_every_kind_of_national_item(
    bundle: Bundle, manager: PluginManager, item_id: str, plan_id: str | None, expected: str
) -> None:
    frame = make_context(bundle, "nb", manager).national
    assert view.national_text(item_id, frame, plan_id) == expected


def test_national_text_gives_an_agreement_subject_its_text(
    bundle: Bundle, manager: PluginManager
) -> None:
    frame = make_context(bundle, "nb", manager).national
    subject = frame.agreement_subjects[0]
    assert view.national_text(subject.id, frame) == subject.text != subject.id


def test_abbreviations_ignore_notes_about_the_source() -> None:
    measure = Measure(id="m", text="Tiltak", notes=("SSU skrev dette feil",))
    plan = ActionPlan(
        id="p",
        title="Plan",
        period=Period(start=2023, end=2023),
        notes=("FSU REST er nevnt i kilden",),
        focus_areas=(
            FocusArea(
                id="f",
                title="F",
                goals=(Goal(id="g", text="G", measures=(measure,)),),
                notes=("SEKR følger opp",),
            ),
        ),
    )
    # a focus area's notes are printed, so they count; the plan's and measure's do not
    assert [a.abbreviation for a in view.abbreviations(plan, PARTNERSHIP)] == ["SEKR"]


def test_abbreviations_with_scope_all_list_every_abbreviated_body() -> None:
    from helsefellesskap.model import AbbreviationList

    plan = ActionPlan(id="p", title="Plan", period=Period(start=2023, end=2023))
    assert view.abbreviations(plan, PARTNERSHIP) == ()
    found = view.abbreviations(plan, PARTNERSHIP, AbbreviationList.ALL)
    assert [a.body for a in found] == ["ssu", "fsu-rest", "sekr"]


def test_the_measure_cell_carries_label_closing_links_and_references(
    bundle: Bundle, manager: PluginManager
) -> None:
    from helsefellesskap import Link, Reference

    measure = Measure(
        id="m",
        label="a)",
        text="Tiltak",
        details=("punkt",),
        closing=("etterpå",),
        links=(Link(url="https://example.org"),),
        references=("rr", "ukjent"),
    )
    area = FocusArea(id="f", title="F", goals=(Goal(id="g", text="G", measures=(measure,)),))
    context = _table_context(bundle, manager, ("goal", "measure"))
    table = view.measure_table(area, context, (Reference(id="rr", title="Recruit & Retain"),))
    cell = table.rows[0].cells[1]
    assert cell is not None
    assert (cell.label, cell.paragraphs, cell.bullets, cell.closing) == (
        "a)",
        ("Tiltak",),
        ("punkt",),
        ("etterpå",),
    )
    assert cell.text == "a) Tiltak"
    assert cell.links == (Link(url="https://example.org"),)
    assert [(r.id, r.title) for r in cell.references] == [
        ("rr", "Recruit & Retain"),
        ("ukjent", "ukjent"),
    ]
    assert view.TableCell(column="measure", label="b)").text == "b)"
    assert not view.TableCell(column="measure", label="b)").is_empty


def test_funding_round_views_name_title_and_year(bundle: Bundle, manager: PluginManager) -> None:
    from helsefellesskap import FundingRound

    context = make_context(bundle, "nb", manager)
    plan = attrs.evolve(_plan(bundle), funding_rounds=("midler-2025", "ukjent"))
    found, missing = view.funding_round_views(plan, context)
    assert found.text == "Rekrutterings- og samhandlingsmidler 2025"  # the year is in the title
    assert isinstance(found.document, FundingRound)
    assert (missing.text, missing.year, missing.document) == ("ukjent", None, None)
    plain = view.FundingRoundView(id="r", title="Samhandlingsmidler", year=2025, document=None)
    assert plain.text == "Samhandlingsmidler 2025"


def test_adoption_text_joins_date_and_adopting_body(bundle: Bundle, manager: PluginManager) -> None:
    import datetime as dt

    context = make_context(bundle, "nb", manager)
    day = dt.date(2024, 3, 14)
    assert view.adoption_text(day, "pm", context) == "14.03.2024 – Partnerskapsmøtet (PM)"
    assert view.adoption_text(day, None, context) == "14.03.2024"
    assert view.adoption_text(None, "pm", context) == "Partnerskapsmøtet (PM)"
    assert view.adoption_text(None, None, context) is None
    english = make_context(bundle, "en", manager)
    assert view.adoption_text(day, "pm", english) == "2024-03-14 – Partnerskapsmøtet (PM)"
