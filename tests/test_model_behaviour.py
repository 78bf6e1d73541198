"""What the model classes compute: deadlines, periods, body status, actors, national frame."""

from __future__ import annotations

import datetime as dt

import pytest

from helsefellesskap import (
    Body,
    BodyStatus,
    Deadline,
    Group,
    Partner,
    PartnerKind,
    Partnership,
    Period,
    Role,
    StatusChange,
    national_frame,
    national_plan,
)
from helsefellesskap.model import slugify
from helsefellesskap.model._base import InvalidValue


@pytest.mark.parametrize(
    ("deadline", "shown", "earliest", "latest"),
    [
        (Deadline.of_year(2024), "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (Deadline.of_span(2024, 2025), "2024-2025", dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
        (
            Deadline.of_date(dt.date(2024, 6, 30)),
            "30.06.2024",
            dt.date(2024, 6, 30),
            dt.date(2024, 6, 30),
        ),
        (
            Deadline.of_phrase("Innen utgangen av 2024", dt.date(2024, 12, 31)),
            "Innen utgangen av 2024",
            dt.date(2024, 12, 31),
            dt.date(2024, 12, 31),
        ),
    ],
)
def test_deadline_display_and_bounds(
    deadline: Deadline, shown: str, earliest: dt.date, latest: dt.date
) -> None:
    assert deadline.display() == shown
    assert deadline.earliest == earliest
    assert deadline.latest == latest


def test_deadline_refuses_inconsistent_values() -> None:
    with pytest.raises(InvalidValue, match="ends before it starts"):
        Deadline.of_span(2025, 2024)
    with pytest.raises(InvalidValue, match="is not a year"):
        Deadline.of_year(24)
    with pytest.raises(InvalidValue, match="a phrase needs its words"):
        Deadline.of_phrase("  ", dt.date(2024, 1, 1))


def test_period() -> None:
    period = Period(start=2024, end=2027)
    assert period.contains_year(2024) and period.contains_year(2027)
    assert not period.contains_year(2023)
    assert period.display() == "2024-2027"
    assert Period(start=2023, end=2023).display() == "2023"
    assert period.first_day == dt.date(2024, 1, 1) and period.last_day == dt.date(2027, 12, 31)
    with pytest.raises(InvalidValue) as caught:
        Period(start=2024, end=2020)
    assert caught.value.field == "end"


def test_body_status_follows_its_history() -> None:
    body = Body(
        id="fsu-dig",
        kind="professional-committee",
        name="FSU DIG",
        status=BodyStatus.ACTIVE,
        history=(
            StatusChange(
                status=BodyStatus.BEING_ESTABLISHED,
                when=Deadline.of_phrase("Desember 2022", dt.date(2022, 12, 1)),
            ),
            StatusChange(status=BodyStatus.ACTIVE, when=Deadline.of_year(2023)),
            StatusChange(status=BodyStatus.CLOSED, when=Deadline.of_date(dt.date(2026, 6, 30))),
        ),
    )
    assert body.status_on(dt.date(2022, 6, 1)) is BodyStatus.PLANNED
    assert body.status_on(dt.date(2022, 12, 24)) is BodyStatus.BEING_ESTABLISHED
    assert body.status_on(dt.date(2024, 1, 1)) is BodyStatus.ACTIVE
    assert body.status_on(dt.date(2027, 1, 1)) is BodyStatus.CLOSED
    assert body.established == Deadline.of_phrase("Desember 2022", dt.date(2022, 12, 1))
    assert body.closed == Deadline.of_date(dt.date(2026, 6, 30))


def test_body_without_history_keeps_its_status() -> None:
    body = Body(id="pm", kind="partnership-meeting", name="Partnerskapsmøtet", abbreviation="PM")
    assert body.status_on(dt.date(1990, 1, 1)) is BodyStatus.ACTIVE
    assert body.display_name == "PM"
    assert body.established is None and body.closed is None


def test_partnership_actors_and_groups() -> None:
    unn = Partner(
        id="unn",
        kind=PartnerKind.HEALTH_TRUST,
        name="Universitetssykehuset Nord-Norge HF",
        short_name="UNN",
    )
    tromso = Partner(id="tromso", kind=PartnerKind.MUNICIPALITY, name="Tromsø kommune")
    gp = Partner(id="fastleger", kind=PartnerKind.GP_REPRESENTATIVES, name="Fastlegerepresentanter")
    kommunene = Group(id="kommunene", name="kommunene", kinds=(PartnerKind.MUNICIPALITY,))
    alle = Group(id="felles", name="Felles", everyone=True)
    utvalgte = Group(id="utvalgte", name="Utvalgte", members=("unn",))
    role = Role(
        id="samhandlingssjefene", name="Samhandlingssjefene", short_name="Samhandl.-sjefene"
    )
    partnership = Partnership(
        id="x",
        name="X",
        partners=(unn, tromso, gp),
        groups=(kommunene, alle, utvalgte),
        roles=(role,),
        bodies=(Body(id="ssu", kind="strategic-committee", name="SSU"),),
    )
    assert set(partnership.actors()) == {
        "unn",
        "tromso",
        "fastleger",
        "kommunene",
        "felles",
        "utvalgte",
        "samhandlingssjefene",
        "ssu",
    }
    assert partnership.group_members(kommunene) == (tromso,)
    assert partnership.group_members(alle) == (unn, tromso, gp)
    assert partnership.group_members(utvalgte) == (unn,)
    assert partnership.partners_of_kind(PartnerKind.GP_REPRESENTATIVES) == (gp,)
    assert partnership.partner("unn") is unn and partnership.partner("nope") is None
    assert partnership.body("ssu") is not None
    assert unn.display_name == "UNN" and role.display_name == "Samhandl.-sjefene"


def test_slugify_makes_ids_from_norwegian_names() -> None:
    assert slugify("FSU REST") == "fsu-rest"
    assert slugify("Sørreisa") == "sorreisa"
    assert slugify("Kåfjord / Gáivuotna") == "kafjord-gaivuotna"
    assert slugify("Lærings- og mestringssenteret") == "laerings-og-mestringssenteret"


def test_national_frame_holds_both_plans() -> None:
    frame = national_frame()
    assert frame.agreement_signed == dt.date(2019, 10, 23)
    assert frame.partnership_count == 19
    old, new = national_plan("nhsp-2020"), national_plan("nhsp-2024")
    assert old is not None and new is not None
    assert old.white_paper == "Meld. St. 7 (2019–2020)"
    assert new.white_paper == "Meld. St. 9 (2023–2024)"
    assert len(old.goals) == 9 and len(new.goals) == 5
    assert [g.id for g in old.priority_groups] == [
        "children-and-young",
        "mental-health-and-substance",
        "frail-elderly",
        "multiple-chronic",
    ]
    assert [g.id for g in new.priority_groups][-1] == "pregnancy-and-childbirth"
    assert {g.name for g in new.priority_groups} >= {"Eldre med skrøpelighet"}
    assert frame.plan_for_year(2023) is old and frame.plan_for_year(2024) is new
    assert frame.plan_for_year(2019) is None
    assert len(frame.fsu_requirements) == 6
    assert len(frame.agreement_subjects) == 13
    assert [s.since for s in frame.agreement_subjects if s.since] == [dt.date(2022, 8, 1)] * 2
    assert len(frame.principles) == 7
    ids = frame.ids()
    assert "nhsp-2020.goal-9" in ids and "fsu.gp-representation" in ids
    assert len(ids) == len(set(ids))


def test_model_refuses_a_datetime_where_a_date_belongs() -> None:
    from helsefellesskap import Declaration, HelsefellesskapError

    moment = dt.datetime(2024, 6, 30, 12, 0)
    with pytest.raises(InvalidValue) as caught:
        Deadline.of_date(moment)
    assert caught.value.hint == "give the date alone: 2024-06-30"
    with pytest.raises(HelsefellesskapError, match="expected a date, got the date and time"):
        Declaration(id="d", title="D", period=Period(start=2024, end=2024), adopted=moment)


def test_example_ids_follow_the_suggested_spelling(example_folder: object) -> None:
    """A bad id's hint must lead to the id the data actually uses (ø → o, å → a, æ → ae)."""
    from helsefellesskap import load_partnership

    partnership = load_partnership(str(example_folder))
    for partner in partnership.partners:
        if partner.kind is PartnerKind.MUNICIPALITY:
            assert partner.id == slugify(partner.name.removesuffix(" kommune"))
