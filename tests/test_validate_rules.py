"""Behaviour of single rules beyond the fixture corpus: the passing side of the subtle
cases (what counts as representation, when a body existed, which measures are exempt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from helsefellesskap import (
    ActionPlan,
    AnnualReport,
    Body,
    BodyStatus,
    Bundle,
    Deadline,
    MeasureFollowUp,
    MeasureStatus,
    MeetingCount,
    Partner,
    PartnerKind,
    PluginManager,
    Role,
    Seat,
    Severity,
    StatusChange,
    load_bundle,
)
from helsefellesskap.model import Membership, Right
from helsefellesskap.validate import ValidationContext, ValidationReport, validate
from helsefellesskap.validate.rules import FSU_RULES

BASE = Path(__file__).parent / "fixtures" / "invalid" / "_base"
MANAGER = PluginManager(entry_points=False, use_env=False)

FULL_RIGHTS = (Right.ATTEND, Right.SPEAK, Right.VOTE)
"""A full member's seat."""


@pytest.fixture(scope="module")
def base() -> Bundle:
    return load_bundle(BASE)


def check(bundle: Bundle) -> ValidationReport:
    return validate(bundle, manager=MANAGER)


def with_body(bundle: Bundle, body_id: str, **changes: object) -> Bundle:
    bodies = tuple(
        attrs.evolve(b, **changes) if b.id == body_id else b for b in bundle.partnership.bodies
    )
    return attrs.evolve(bundle, partnership=attrs.evolve(bundle.partnership, bodies=bodies))


def plan_of(bundle: Bundle) -> ActionPlan:
    return next(bundle.documents_of(ActionPlan))


def with_document(bundle: Bundle, document: object) -> Bundle:
    documents = tuple(
        document if d.id == getattr(document, "id", None) else d for d in bundle.documents
    )
    return attrs.evolve(bundle, documents=documents)


def with_measure(bundle: Bundle, measure_id: str, **changes: object) -> Bundle:
    plan = plan_of(bundle)
    areas = tuple(
        attrs.evolve(
            area,
            goals=tuple(
                attrs.evolve(
                    goal,
                    measures=tuple(
                        attrs.evolve(m, **changes) if m.id == measure_id else m
                        for m in goal.measures
                    ),
                )
                for goal in area.goals
            ),
        )
        for area in plan.focus_areas
    )
    return with_document(bundle, attrs.evolve(plan, focus_areas=areas))


def codes(report: ValidationReport) -> list[str]:
    return [f.code for f in report.findings]


def test_the_fsu_rules_come_with_the_professional_committee_kind() -> None:
    kind = MANAGER.body_kinds()["professional-committee"]
    assert [r.code for r in kind.rules] == [r.code for r in FSU_RULES]
    assert {r.code for r in kind.rules} == {f"HF30{n}" for n in range(1, 7)}
    assert all(r.body_kind == "professional-committee" for r in kind.rules)
    assert set(kind.rules) <= set(MANAGER.rules().values())


def test_youth_representatives_count_as_user_representation(base: Bundle) -> None:
    partners = (
        *base.partnership.partners,
        Partner(id="ungdom", kind=PartnerKind.YOUTH_REPRESENTATIVES, name="Ungdom"),
    )
    bundle = attrs.evolve(base, partnership=attrs.evolve(base.partnership, partners=partners))
    fsu = bundle.partnership.body("fsu-a")
    assert fsu is not None
    others = tuple(s for s in fsu.seats if s.holder != "brukere")
    seats = (*others, Seat(holder="ungdom", rights=FULL_RIGHTS))
    assert "HF301" not in codes(check(with_body(bundle, "fsu-a", seats=seats)))
    seats = tuple(s for s in fsu.seats if s.holder != "brukere")
    assert "HF301" in codes(check(with_body(bundle, "fsu-a", seats=seats)))


def test_a_role_standing_for_gps_counts_as_gp_representation(base: Bundle) -> None:
    roles = (
        *base.partnership.roles,
        Role(id="praksiskonsulent", name="PKO", holders=("fastleger",)),
    )
    bundle = attrs.evolve(base, partnership=attrs.evolve(base.partnership, roles=roles))
    fsu = bundle.partnership.body("fsu-b")
    assert fsu is not None
    without = tuple(s for s in fsu.seats if s.holder != "fastleger")
    assert "HF302" in codes(check(with_body(bundle, "fsu-b", seats=without)))
    with_role = (*without, Seat(holder="praksiskonsulent", rights=FULL_RIGHTS))
    assert "HF302" not in codes(check(with_body(bundle, "fsu-b", seats=with_role)))


def test_a_closed_fsu_is_not_held_to_the_requirements(base: Bundle) -> None:
    bundle = with_body(base, "fsu-b", seats=(), steering_body=None, mandate=None)
    assert {"HF301", "HF302", "HF303", "HF304"} <= set(codes(check(bundle)))
    closed = with_body(bundle, "fsu-b", status=BodyStatus.CLOSED)
    assert not {"HF301", "HF302", "HF303", "HF304"} & set(codes(check(closed)))


def test_observers_are_not_a_category_that_needs_a_seat(base: Bundle) -> None:
    observer = Partner(
        id="statsforvalteren",
        kind=PartnerKind.COUNTY_GOVERNOR,
        name="Statsforvalteren",
        membership=Membership.OBSERVER,
    )
    partners = (*base.partnership.partners, observer)
    bundle = attrs.evolve(base, partnership=attrs.evolve(base.partnership, partners=partners))
    assert check(bundle).findings == ()
    member = attrs.evolve(observer, membership=Membership.MEMBER)
    partners = (*base.partnership.partners, member)
    bundle = attrs.evolve(base, partnership=attrs.evolve(base.partnership, partners=partners))
    assert codes(check(bundle)) == ["HF402", "HF401"]  # PM is bodies[0], SSU bodies[1]


def test_a_finished_measure_may_name_a_body_that_has_closed(base: Bundle) -> None:
    bundle = with_measure(base, "m4", responsible=("ag-gammel",))
    assert codes(check(bundle)) == ["HF607"]
    done = with_measure(bundle, "m4", status=MeasureStatus.DONE)
    assert check(done).findings == ()


def test_a_body_that_closes_after_the_deadline_may_be_responsible(base: Bundle) -> None:
    history = (
        StatusChange(status=BodyStatus.ACTIVE, when=Deadline.of_year(2020)),
        StatusChange(status=BodyStatus.CLOSED, when=Deadline.of_date(dt.date(2025, 3, 1))),
    )
    bundle = with_body(base, "fsu-a", history=history)
    assert check(bundle).findings == ()  # m1 is due in 2024
    later = with_measure(bundle, "m1", deadline=Deadline.of_year(2025))
    report = check(later)
    assert codes(report) == ["HF607"]
    assert report.findings[0].path == "$.focus_areas[0].goals[0].measures[0].responsible[0]"


def test_a_body_being_established_during_the_year_existed_that_year(base: Bundle) -> None:
    history = (
        StatusChange(
            status=BodyStatus.BEING_ESTABLISHED,
            when=Deadline.of_phrase("Hausten 2024", dt.date(2024, 9, 1)),
        ),
    )
    bundle = with_body(base, "ssu", history=history)
    assert check(bundle).findings == ()
    planned = with_body(base, "ssu", status=BodyStatus.PLANNED)
    report = check(planned)
    assert codes(report) == ["HF701"]
    assert report.findings[0].path == "$.meetings[0].body"


def test_a_followed_measure_may_be_written_with_its_plan(base: Bundle) -> None:
    report_doc = next(base.documents_of(AnnualReport))
    follow = (MeasureFollowUp(measure="plan-2024-2025.m3", status=MeasureStatus.STARTED),)
    unplanned = attrs.evolve(report_doc, plan=None, measure_status=follow)
    assert check(with_document(base, unplanned)).findings == ()
    bare = attrs.evolve(
        unplanned, measure_status=(MeasureFollowUp(measure="m3", status=MeasureStatus.STARTED),)
    )
    report = check(with_document(base, bare))
    assert codes(report) == ["HF213"]
    assert report.findings[0].message == 'there is no measure "m3" in any plan'


def test_a_plan_starting_2023_is_framed_by_nhsp_2020(base: Bundle) -> None:
    plan = plan_of(base)
    older = attrs.evolve(
        plan,
        period=attrs.evolve(plan.period, start=2023),
        basis=attrs.evolve(plan.basis, national_plan="nhsp-2020"),
        national_goals=("nhsp-2020.goal-1",),
    )
    groups_2020 = with_measure(
        with_document(base, older), "m3", priority_groups=("multiple-chronic",)
    )
    report = check(groups_2020)
    assert "HF502" not in codes(report)
    wrong = attrs.evolve(older, basis=attrs.evolve(older.basis, national_plan="nhsp-2024"))
    report = check(with_document(base, wrong))
    (finding,) = report.of("HF502")
    assert finding.suggestion == "nhsp-2020"


def test_label_repeats_in_different_focus_areas_are_not_noted(base: Bundle) -> None:
    # m1 and m4 are both "a)" in focus areas fa1 and fa2: that is how plans are printed.
    assert check(base).of("HF103") == ()


def test_label_repeats_are_info_and_never_fail(base: Bundle) -> None:
    bundle = with_measure(base, "m3", label="a)")
    report = check(bundle)
    assert codes(report) == ["HF103"]
    assert report.findings[0].severity is Severity.INFO
    assert not report.failed(strict=True)


def test_a_report_counting_meetings_by_kind_needs_no_body(base: Bundle) -> None:
    report_doc = next(base.documents_of(AnnualReport))
    meetings = (MeetingCount(kind="professional-committee", count=3),)
    assert check(with_document(base, attrs.evolve(report_doc, meetings=meetings))).findings == ()


def test_the_context_indexes_measures_once_with_their_paths(base: Bundle) -> None:
    context = ValidationContext(base, body_kinds=MANAGER.body_kinds())
    spots = context.measures("plan-2024-2025")
    assert [s.path for s in spots] == [
        "$.focus_areas[0].goals[0].measures[0]",
        "$.focus_areas[0].goals[0].measures[1]",
        "$.focus_areas[0].goals[1].measures[0]",
        "$.focus_areas[1].goals[0].measures[0]",
    ]
    assert context.measures("plan-2024-2025") is spots
    assert context.measures_by_id("plan-2024-2025")["m3"].goal.id == "g2"
    assert context.measures("no-such-plan") == ()


def test_the_context_knows_which_kinds_a_holder_stands_for(base: Bundle) -> None:
    context = ValidationContext(base)
    assert context.holder_kinds("kommunene") == {PartnerKind.MUNICIPALITY}
    assert context.holder_kinds("vertskommuner") == {PartnerKind.MUNICIPALITY}
    assert context.holder_kinds("samhandlingssjefene") == {
        PartnerKind.HEALTH_TRUST,
        PartnerKind.MUNICIPALITY,
    }
    assert PartnerKind.USER_REPRESENTATIVES in context.holder_kinds("felles")
    assert context.holder_kinds("ssu") == frozenset()
    assert context.holder_kinds("nobody") == frozenset()


def test_an_unrecorded_closing_date_still_counts_as_existing(base: Bundle) -> None:
    body = Body(id="x", kind="network", name="X", status=BodyStatus.CLOSED)
    assert ValidationContext.existed_in(body, 2024)
    assert not ValidationContext.existed_in(attrs.evolve(body, status=BodyStatus.PLANNED), 2024)


def test_a_body_without_any_seats_is_told_so(base: Bundle) -> None:
    report = check(with_body(with_body(base, "ssu", seats=()), "fsu-a", seats=()))
    messages = {(f.code, f.path): f.message for f in report.findings}
    assert messages[("HF401", "$.bodies[1].seats")] == (
        "SSU records no seats; it needs seats for these partner categories: "
        'GP representatives ("gp-representatives"), health trust ("health-trust"),'
        ' "municipality", user representatives ("user-representatives")'
    )
    assert messages[("HF301", "$.bodies[2].seats")] == (
        "FSU A has no seat for user representatives (it records no seats at all)"
    )
    assert messages[("HF302", "$.bodies[2].seats")] == (
        "FSU A has no seat for GP representatives (it records no seats at all)"
    )
