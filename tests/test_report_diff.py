"""report.diff: two revisions compared by id — added, removed, moved, changed field by field."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helsefellesskap.errors import UsageError
from helsefellesskap.followup import Change, ChangeKind, diff, diff_bundles
from helsefellesskap.followup.values import toml_value
from helsefellesskap.io import load_bundle, load_document, load_partnership
from helsefellesskap.model import (
    DOCUMENT_TYPES,
    ActionPlan,
    Deadline,
    Declaration,
    FocusArea,
    Goal,
    Measure,
    MeasureStatus,
    Partnership,
)
from helsefellesskap.plugins import PluginManager

from .strategies import ids, models, non_empty_text

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"

FAGDAGER = """[[focus_areas.goals.measures]]
id = "fagdager"
label = "b)"
text = "Felles fagdager innen psykisk helse og rus"
responsible = ["samhandlingssjefene"]
deadline = { text = "Innen utgangen av 2024", means = 2024-12-31 }
status = "started"

[[focus_areas.goals.measures.updates]]  # invented
date = 2025-03-11
status = "done"
note = "Den siste av de tre fagdagene er holdt."
reported_by = "samhandlingssjefene"

"""

NEW_MEASURE = """
[[focus_areas.goals.measures]]
id = "ny-app"
text = "Ta i bruk en felles app"
responsible = ["fsu-dig"]
deadline = 2025
"""


def copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    return root


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


def cut(path: Path, start: str, end: str) -> str:
    """Remove the text from ``start`` up to (not including) ``end``; return it."""
    text = path.read_text("utf-8")
    first = text.index(start)
    last = text.index(end, first)
    path.write_text(text[:first] + text[last:], "utf-8")
    return text[first:last]


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The example with its plan edited: a responsible changed, a measure moved to
    another goal, a goal deleted, a measure added."""
    root = copy_example(tmp_path)
    plan = root / PLAN
    edit(plan, ('responsible = ["fsu-bu"]', 'responsible = ["fsu-bu", "kommunene"]'))
    moved = cut(plan, '[[focus_areas.goals.measures]]\nid = "fagdager"', "[[focus_areas.goals]]")
    assert moved == FAGDAGER
    cut(plan, '[[focus_areas.goals]]\nid = "rekruttering"', "[[references]]")
    edit(
        plan,
        (
            '[[focus_areas]]\nid = "personell"',
            f'{moved}{NEW_MEASURE}\n[[focus_areas]]\nid = "personell"',
        ),
    )
    return root


def test_an_edited_plan_gives_exactly_its_changes_in_document_order(edited: Path) -> None:
    old = load_document(EXAMPLE / PLAN)
    new = load_document(edited / PLAN)
    result = diff(old, new)
    assert (result.kind, result.old_id, result.new_id) == ("action-plan",) + (old.id,) * 2
    assert result.changes == (
        Change(
            kind=ChangeKind.CHANGED,
            path="$.focus_areas[0].goals[0].measures[0].responsible",
            item="overganger",
            item_type="measure",
            field="responsible",
            old=["fsu-bu"],
            new=["fsu-bu", "kommunene"],
        ),
        Change(
            kind=ChangeKind.MOVED,
            path="$.focus_areas[0].goals[1].measures[1]",
            item="fagdager",
            item_type="measure",
            old="personsentrert",
            new="digital",
            old_path="$.focus_areas[0].goals[0].measures[1]",
        ),
        Change(
            kind=ChangeKind.ADDED,
            path="$.focus_areas[0].goals[1].measures[2]",
            item="ny-app",
            item_type="measure",
            new={
                "id": "ny-app",
                "text": "Ta i bruk en felles app",
                "responsible": ["fsu-dig"],
                "deadline": 2025,
            },
        ),
        Change(
            kind=ChangeKind.REMOVED,
            path="$.focus_areas[1].goals[0]",
            item="rekruttering",
            item_type="goal",
            old={
                "id": "rekruttering",
                "text": "Rekruttere og beholde helsepersonell",
                "main_goal": "personell-1",
                "measures": [
                    {
                        "id": "hospitering",
                        "text": "Etablere hospiteringsordning mellom tjenestenivåene",
                        "label": "a)",
                        "responsible": ["fjordvik-hf", "kommunene"],
                        "deadline": dt.date(2025, 6, 30),
                        "references": ["recruit-retain"],
                        "updates": [
                            {
                                "date": dt.date(2025, 10, 20),
                                "status": "started",
                                "note": "De første hospitantene har vært ute; ordningen "
                                "evalueres våren 2026.",
                                "reported_by": "fjordvik-hf",
                            }
                        ],
                    }
                ],
            },
        ),
    )
    assert [c.kind for c in result.of_kind(ChangeKind.MOVED)] == [ChangeKind.MOVED]


def test_deadlines_statuses_dates_and_nested_records_show_their_toml_form(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    edit(
        root / PLAN,
        ("deadline = 2024\n", 'deadline = "2024-2025"\nstatus = "done"\n'),
        ("adopted = 2024-03-14", "adopted = 2024-04-02"),
        ('declaration = "fjordviklofte-2023-2026"', 'declaration = "fjordviklofte-2027"'),
        ('bullets = ["Barn og unge", "Skrøpelige eldre"]', 'bullets = ["Barn og unge"]'),
    )
    changes = diff(load_document(EXAMPLE / PLAN), load_document(root / PLAN)).changes
    assert [(c.path, c.field, c.old, c.new) for c in changes] == [
        (
            "$.basis.declaration",
            "basis.declaration",
            "fjordviklofte-2023-2026",
            "fjordviklofte-2027",
        ),
        ("$.adopted", "adopted", dt.date(2024, 3, 14), dt.date(2024, 4, 2)),
        (
            "$.introduction.bullets",
            "introduction.bullets",
            ["Barn og unge", "Skrøpelige eldre"],
            ["Barn og unge"],
        ),
        ("$.focus_areas[0].goals[0].measures[0].deadline", "deadline", 2024, "2024-2025"),
        ("$.focus_areas[0].goals[0].measures[0].status", "status", "planned", "done"),
    ]
    assert {c.item for c in changes[:3]} == {"handlingsplan-2024-2025"}
    assert changes[1].to_json()["old"] == "2024-03-14"


def test_a_field_added_or_left_out_has_no_value_on_the_other_side() -> None:
    plan = load_document(EXAMPLE / PLAN)
    assert isinstance(plan, ActionPlan)
    cleared = attrs.evolve(plan, way_forward=None, adopted_by=None)
    changes = diff(plan, cleared).changes
    assert [(c.field, c.new) for c in changes] == [("adopted_by", None), ("way_forward", None)]
    assert changes[1].old["title"] == "Veien videre"
    assert [(c.field, c.old) for c in diff(cleared, plan).changes] == [
        ("adopted_by", None),
        ("way_forward", None),
    ]


def test_a_goal_moved_with_its_measures_is_one_move() -> None:
    plan = load_document(EXAMPLE / PLAN)
    assert isinstance(plan, ActionPlan)
    first, second = plan.focus_areas
    goal = first.goals[1]
    moved = attrs.evolve(
        plan,
        focus_areas=(
            attrs.evolve(first, goals=first.goals[:1]),
            attrs.evolve(second, goals=(*second.goals, goal)),
        ),
    )
    assert diff(plan, moved).changes == (
        Change(
            kind=ChangeKind.MOVED,
            path="$.focus_areas[1].goals[1]",
            item="digital",
            item_type="goal",
            old="forlop",
            new="personell",
            old_path="$.focus_areas[0].goals[1]",
        ),
    )


def test_reordering_siblings_is_not_a_change() -> None:
    plan = load_document(EXAMPLE / PLAN)
    assert isinstance(plan, ActionPlan)
    assert diff(plan, attrs.evolve(plan, focus_areas=plan.focus_areas[::-1])).is_empty


def test_a_declaration_reports_commitments_and_main_goals_by_id() -> None:
    declaration = load_document(EXAMPLE / "declarations" / "fjordviklofte-2023-2026.toml")
    assert isinstance(declaration, Declaration)
    first, _ = declaration.commitments
    reworded = attrs.evolve(first.main_goals[1], text="Digital samhandling for alle")
    changed = attrs.evolve(
        declaration,
        commitments=(attrs.evolve(first, main_goals=(first.main_goals[0], reworded)),),
    )
    result = diff(declaration, changed)
    assert [(c.kind, c.item_type, c.item, c.path, c.field) for c in result.changes] == [
        (
            ChangeKind.CHANGED,
            "main-goal",
            "sammenhengende-2",
            "$.commitments[0].main_goals[1].text",
            "text",
        ),
        (ChangeKind.REMOVED, "commitment", "personell", "$.commitments[1]", None),
    ]
    assert result.changes[1].old["main_goals"] == [
        {"id": "personell-1", "text": "Felles rekruttering og stabilisering"}
    ]


def test_a_partnership_reports_partners_bodies_seats_and_rule_settings(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    edit(
        root / "partnership.toml",
        ('name = "Nordnes kommune"', 'name = "Nordnes og Sørvåg kommune"'),
        ("[rules.HF402]\nenabled = false", "[rules.HF402]\nenabled = true"),
    )
    old = load_partnership(EXAMPLE)
    new = load_partnership(root)
    ssu = next(b for b in new.bodies if b.id == "ssu")
    seat = ssu.seats[0]
    new = attrs.evolve(
        new,
        bodies=tuple(
            attrs.evolve(b, seats=(*b.seats[1:], attrs.evolve(seat, count=9)))
            if b.id == "ssu"
            else b
            for b in new.bodies
        ),
    )
    result = diff(old, new)
    body_index = [b.id for b in new.bodies].index("ssu")
    assert result.kind == "partnership"
    assert [
        (c.kind, c.item_type, c.item, c.path, c.field, c.old, c.new) for c in result.changes
    ] == [
        (
            ChangeKind.CHANGED,
            "partnership",
            "eksempel",
            "$.rules.HF402",
            "rules.HF402",
            {"reason": old.rules["HF402"].reason, "enabled": False},
            {"reason": old.rules["HF402"].reason},
        ),
        (
            ChangeKind.CHANGED,
            "partner",
            "nordnes",
            "$.partners[2].name",
            "name",
            "Nordnes kommune",
            "Nordnes og Sørvåg kommune",
        ),
        (
            ChangeKind.CHANGED,
            "seat",
            seat.holder,
            f"$.bodies[{body_index}].seats[{len(ssu.seats) - 1}].count",
            "count",
            seat.count,
            9,
        ),
    ]


def test_troms_og_ofoten_handlingsplan_2023_against_itself_is_empty() -> None:
    bundle = PluginManager().load_partnership("troms-ofoten")
    plan = bundle.document("handlingsplan-2023")
    assert plan is not None
    assert diff(plan, plan).changes == ()
    copy = load_document(bundle.files["handlingsplan-2023"])
    assert copy is not plan and diff(plan, copy).is_empty
    assert diff_bundles(bundle, bundle).is_empty


def test_two_different_kinds_cannot_be_compared() -> None:
    plan = load_document(EXAMPLE / PLAN)
    declaration = load_document(EXAMPLE / "declarations" / "fjordviklofte-2023-2026.toml")
    with pytest.raises(UsageError) as caught:
        diff(plan, declaration)
    assert str(caught.value) == (
        "cannot compare action-plan 'handlingsplan-2024-2025' with declaration "
        "'fjordviklofte-2023-2026': a diff compares two revisions of the same kind of document"
    )
    with pytest.raises(UsageError, match="cannot compare partnership 'eksempel' with action-plan"):
        diff(load_partnership(EXAMPLE), plan)


def test_two_folders_list_added_and_removed_documents(edited: Path) -> None:
    (edited / "reports" / "arsrapport-2024.toml").unlink()
    extra = edited / "plans" / "handlingsplan-2026.toml"
    text = (edited / PLAN).read_text("utf-8")
    extra.write_text(text.replace('id = "handlingsplan-2024-2025"', 'id = "handlingsplan-2026"'))
    result = diff_bundles(load_bundle(EXAMPLE), load_bundle(edited))
    assert result.partnership.is_empty
    assert result.added == ("handlingsplan-2026",)
    assert result.removed == ("arsrapport-2024",)
    changed = [d for d in result.documents if not d.is_empty]
    assert [d.new_id for d in changed] == ["handlingsplan-2024-2025"]
    assert len(changed[0].changes) == 4
    assert not result.is_empty


# -- properties ---------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [*DOCUMENT_TYPES, Partnership], ids=lambda c: c.__name__)
@given(data=st.data())
def test_a_document_against_itself_has_no_changes(cls: type, data: st.DataObject) -> None:
    item = data.draw(models(cls))
    assert diff(item, item).changes == ()
    assert diff(item, attrs.evolve(item)).is_empty


_FIELDS = {
    "text": non_empty_text,
    "status": st.sampled_from(list(MeasureStatus)),
    "responsible": st.lists(ids, max_size=3).map(tuple),
    "deadline": st.one_of(st.none(), st.integers(2000, 2100).map(Deadline.of_year)),
    "label": st.one_of(st.none(), non_empty_text),
}


@given(
    plan=models(ActionPlan),
    measure=models(Measure),
    field=st.sampled_from(sorted(_FIELDS)),
    data=st.data(),
)
def test_a_changed_measure_field_is_exactly_one_change(
    plan: ActionPlan, measure: Measure, field: str, data: st.DataObject
) -> None:
    value = data.draw(_FIELDS[field].filter(lambda v: v != getattr(measure, field)))
    goal = Goal(id="mal", text="Mål", measures=(measure,))
    before = attrs.evolve(
        plan, focus_areas=(FocusArea(id="omrade", title="Område", goals=(goal,)),)
    )
    changed_goal = attrs.evolve(goal, measures=(attrs.evolve(measure, **{field: value}),))
    after = attrs.evolve(
        before, focus_areas=(attrs.evolve(before.focus_areas[0], goals=(changed_goal,)),)
    )
    assert diff(before, after).changes == (
        Change(
            kind=ChangeKind.CHANGED,
            path=f"$.focus_areas[0].goals[0].measures[0].{field}",
            item=measure.id,
            item_type="measure",
            field=field,
            old=toml_value(getattr(measure, field)),
            new=toml_value(value),
        ),
    )
