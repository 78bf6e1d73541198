"""Saving into a file that was loaded keeps it as written: only the lines of the change.

Run over every bundled and example file: a status update, a changed title or name, and
an unchanged save; and a property test that an edited random field loads back.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helsefellesskap.errors import DataError
from helsefellesskap.followup.recording import add_update
from helsefellesskap.io import (
    PARTNERSHIP_FILE,
    load_document,
    load_partnership,
    parse_toml,
    save,
    unstructure,
)
from helsefellesskap.io.edit import EditError, edit_file, edit_text
from helsefellesskap.model import (
    ActionPlan,
    Deadline,
    Document,
    Measure,
    MeasureStatus,
    Partnership,
    StatusUpdate,
)

REPO = Path(__file__).parent.parent
FILES = sorted(
    {
        *REPO.glob("examples/eksempel/**/*.toml"),
        *REPO.glob("plugins/*/src/*/data/**/*.toml"),
        *REPO.glob("examples/plugin-template/src/*/data/**/*.toml"),
    }
)
PLANS = [f for f in FILES if f.parent.name == "plans"]


def _load(path: Path) -> Document | Partnership:
    return load_partnership(path) if path.name == PARTNERSHIP_FILE else load_document(path)


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def _copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / path.name
    shutil.copyfile(path, target)
    return target


def test_every_bundled_file_is_found() -> None:
    assert len(FILES) >= 15 and len(PLANS) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_saving_an_unchanged_document_changes_nothing(path: Path, tmp_path: Path) -> None:
    copy = _copy(path, tmp_path)
    save(_load(copy), copy, overwrite=True)
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_changed_title_changes_one_line(path: Path, tmp_path: Path) -> None:
    copy = _copy(path, tmp_path)
    item = _load(copy)
    if isinstance(item, Partnership):
        changed: Document | Partnership = attrs.evolve(item, name="Et nytt navn")
        line = 'name = "Et nytt navn"'
    else:
        changed = attrs.evolve(item, title="En ny tittel")
        line = 'title = "En ny tittel"'
    before = copy.read_text("utf-8")
    save(changed, copy, overwrite=True)
    after = copy.read_text("utf-8")
    removed, added = _diff(before, after)
    assert added == [line]
    assert len(removed) == 1 and removed[0].split(" = ")[0] == line.split(" = ")[0]
    assert _comments(after) == _comments(before)
    assert _load(copy) == changed


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(REPO)))
def test_a_status_update_adds_only_its_lines(path: Path, tmp_path: Path) -> None:
    copy = _copy(path, tmp_path)
    plan = _load(copy)
    assert isinstance(plan, ActionPlan)
    measures = list(plan.measures())
    if not measures:
        pytest.skip("the plan has no measures")
    before = copy.read_text("utf-8")
    update = StatusUpdate(
        date=dt.date(2024, 5, 2),
        status=MeasureStatus.STARTED,
        note="Arbeidet er i gang «nå»",
        reported_by="sekr",
    )
    changed = add_update(plan, measures[-1].id, update)
    save(changed, copy, overwrite=True)
    after = copy.read_text("utf-8")
    removed, added = _diff(before, after)
    assert removed == []
    assert [line for line in added if line] == [
        "[[focus_areas.goals.measures.updates]]",
        "date = 2024-05-02",
        'status = "started"',
        'note = "Arbeidet er i gang «nå»"',
        'reported_by = "sekr"',
    ]
    assert _comments(after) == _comments(before)
    assert _load(copy) == changed


def test_a_changed_status_keeps_the_comment_at_the_end_of_its_line(tmp_path: Path) -> None:
    text = (
        '# a plan\nkind = "action-plan"\nid = "p"\ntitle = "P"\n'
        "period = { start = 2024, end = 2025 }   # the period\n\n"
        '[[focus_areas]]\nid = "a"\ntitle = "A"\n\n'
        '[[focus_areas.goals]]\nid = "g"\ntext = "G"\n\n'
        "[[focus_areas.goals.measures]]\n"
        "id = 'm'\ntext = 'M'\nstatus = 'planned'  # as adopted\n"
        "\n# the end\n"
    )
    path = tmp_path / "p.toml"
    path.write_text(text, "utf-8")
    plan = load_document(path)
    assert isinstance(plan, ActionPlan)
    measure = next(plan.measures())
    goal = attrs.evolve(
        plan.focus_areas[0].goals[0],
        measures=(attrs.evolve(measure, status=MeasureStatus.DONE),),
    )
    area = attrs.evolve(plan.focus_areas[0], goals=(goal,))
    edit_file(attrs.evolve(plan, focus_areas=(area,)), path)
    assert path.read_text("utf-8") == text.replace(
        "status = 'planned'  # as adopted", "status = 'done'  # as adopted"
    )


def test_a_new_file_is_written_fresh_and_another_document_is_not_edited(
    tmp_path: Path,
) -> None:
    plan = _load(PLANS[0])
    path = tmp_path / "ny.toml"
    save(plan, path)
    assert not path.read_text("utf-8").startswith("#")
    other = _load(PLANS[1])
    assert isinstance(other, ActionPlan) and other.id != plan.id
    save(other, path, overwrite=True)
    assert _load(path) == other


def test_an_edit_that_cannot_be_made_exactly_is_refused() -> None:
    with pytest.raises(EditError) as caught:
        edit_text("a = 1\n", {"a": 2}, normalise=lambda raw: {"a": 1})
    assert "could not be edited in place" in str(caught.value)


def test_text_that_cannot_be_loaded_again_is_not_written(tmp_path: Path) -> None:
    copy = _copy(PLANS[0], tmp_path)
    plan = _load(copy)
    before = copy.read_bytes()
    with pytest.raises(DataError) as caught:
        edit_file(attrs.evolve(plan, title="Tittel\x00"), copy)
    assert caught.value.problems[0].path == "$.title"
    assert copy.read_bytes() == before


# -- property: an edited random field loads back -------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\x7f"
    ),
    min_size=1,
    max_size=40,
).filter(str.strip)
_IDS = st.lists(st.sampled_from(["unn", "kommunene", "fsu-bu", "ssu", "sekr"]), max_size=3)
_DEADLINES = st.one_of(
    st.builds(Deadline.of_year, st.integers(2020, 2030)),
    st.builds(Deadline.of_date, st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
    st.builds(
        Deadline.of_phrase, _TEXT.filter(lambda t: "\n" not in t), st.just(dt.date(2025, 6, 30))
    ),
)
_CHANGES: dict[str, st.SearchStrategy[Any]] = {
    "text": _TEXT | _TEXT.map(lambda t: f"to\nlinjer {t}"),
    "status": st.sampled_from(list(MeasureStatus)),
    "status_note": st.none() | _TEXT,
    "responsible": _IDS.map(tuple),
    "deadline": st.none() | _DEADLINES,
    "notes": st.lists(_TEXT, max_size=3).map(tuple),
    "label": st.none() | st.sampled_from(["a)", "b)", "1."]),
}


@st.composite
def _edits(draw: st.DrawFn) -> tuple[Path, int, str, Any]:
    path = draw(st.sampled_from(PLANS[:3]))
    plan = _load(path)
    assert isinstance(plan, ActionPlan)
    count = len(list(plan.measures()))
    index = draw(st.integers(0, max(count - 1, 0)))
    field = draw(st.sampled_from(sorted(_CHANGES)))
    return path, index, field, draw(_CHANGES[field])


def _with_measure(plan: ActionPlan, index: int, change: dict[str, Any]) -> ActionPlan:
    position = 0
    areas = []
    for area in plan.focus_areas:
        goals = []
        for goal in area.goals:
            measures: list[Measure] = []
            for measure in goal.measures:
                measures.append(attrs.evolve(measure, **change) if position == index else measure)
                position += 1
            goals.append(attrs.evolve(goal, measures=tuple(measures)))
        areas.append(attrs.evolve(area, goals=tuple(goals)))
    return attrs.evolve(plan, focus_areas=tuple(areas))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edits())
def test_an_edited_random_field_loads_back(edit: tuple[Path, int, str, Any]) -> None:
    path, index, field, value = edit
    plan = _load(path)
    assert isinstance(plan, ActionPlan)
    if not list(plan.measures()):
        return
    changed = _with_measure(plan, index, {field: value})
    text = path.read_text("utf-8")
    old = unstructure(plan)
    new_text = edit_text(
        text,
        unstructure(changed),
        old=old,
        normalise=lambda raw: unstructure(load_from(raw)),
    )
    assert load_from(parse_toml(new_text)) == changed
    assert _comments(new_text) == _comments(text)


def load_from(raw: dict[str, Any]) -> Document:
    from helsefellesskap.io import structure_document

    return structure_document(raw)


# -- records added and removed -------------------------------------------------------------

HELGELAND = REPO / "plugins/helgeland/src/helsefellesskap_helgeland/data/plans"
HELGELAND_PLAN = HELGELAND / "handlingsplan-2023-2025.toml"


def _with_goal_measures(plan: ActionPlan, measures: tuple[Measure, ...]) -> ActionPlan:
    area = plan.focus_areas[0]
    goal = attrs.evolve(area.goals[1], measures=measures)
    area = attrs.evolve(area, goals=(area.goals[0], goal, *area.goals[2:]))
    return attrs.evolve(plan, focus_areas=(area, *plan.focus_areas[1:]))


def test_a_removed_measure_takes_only_its_lines_and_the_next_heading_comment_stays(
    tmp_path: Path,
) -> None:
    copy = _copy(HELGELAND_PLAN, tmp_path)
    plan = _load(copy)
    assert isinstance(plan, ActionPlan)
    measures = plan.focus_areas[0].goals[1].measures
    before = copy.read_text("utf-8")
    for kept in (measures[:-1], (measures[0], *measures[2:])):
        copy.write_text(before, "utf-8")
        changed = _with_goal_measures(plan, kept)
        save(changed, copy, overwrite=True)
        after = copy.read_text("utf-8")
        removed, added = _diff(before, after)
        assert added == []
        assert [line for line in removed if line] and len(removed) == 7
        assert _comments(after) == _comments(before)
        assert _load(copy) == changed


def test_an_inserted_measure_adds_only_its_lines_in_the_files_style(tmp_path: Path) -> None:
    copy = _copy(HELGELAND_PLAN, tmp_path)
    plan = _load(copy)
    assert isinstance(plan, ActionPlan)
    measures = plan.focus_areas[0].goals[1].measures
    new = attrs.evolve(measures[0], id="nytt-tiltak", text="Et nytt tiltak")
    before = copy.read_text("utf-8")
    for placed in ((measures[0], new, *measures[1:]), (*measures, new)):
        copy.write_text(before, "utf-8")
        changed = _with_goal_measures(plan, placed)
        save(changed, copy, overwrite=True)
        after = copy.read_text("utf-8")
        removed, added = _diff(before, after)
        assert removed == []
        # In the middle the diff may show the new header after the new keys (the same
        # lines, aligned differently), so compare the lines as a set.
        assert sorted(line for line in added if line) == sorted(
            [
                "[[focus_areas.goals.measures]]",
                'id = "nytt-tiltak"',
                'text = "Et nytt tiltak"',
                'responsible = ["fsu-akuttmedisin", "lokale-prosjektgrupper"]',
                'deadline = { text = "Innen utgangen av 2024", means = 2024-12-31 }',
                'builds_on = ["akuttmedisinsk-samarbeid"]',
            ]
        )
        assert _load(copy) == changed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PLANS[:3]),
    st.lists(st.tuples(st.booleans(), st.integers(0, 200)), min_size=1, max_size=4),
)
@example(  # a goal loses all its measures: the next section's heading comment stays
    next(p for p in PLANS[:3] if p.name == "handlingsplan-2023-2025.toml"), [(True, 1)] * 3
)
def test_measures_removed_and_inserted_at_random_load_back(
    path: Path, steps: list[tuple[bool, int]]
) -> None:
    plan = _load(path)
    assert isinstance(plan, ActionPlan)
    changed = plan
    for number, (remove, where) in enumerate(steps):
        goals = [
            (a, g) for a, area in enumerate(changed.focus_areas) for g in range(len(area.goals))
        ]
        if not goals:
            return
        a, g = goals[where % len(goals)]
        area = changed.focus_areas[a]
        goal = area.goals[g]
        measures = list(goal.measures)
        if remove and measures:
            del measures[where % len(measures)]
        else:
            new = Measure(
                id=f"nytt-{number}", text=f"Nytt tiltak {number}", status=MeasureStatus.DONE
            )
            measures.insert(where % (len(measures) + 1), new)
        goal = attrs.evolve(goal, measures=tuple(measures))
        area = attrs.evolve(area, goals=(*area.goals[:g], goal, *area.goals[g + 1 :]))
        changed = attrs.evolve(
            changed, focus_areas=(*changed.focus_areas[:a], area, *changed.focus_areas[a + 1 :])
        )
    text = path.read_text("utf-8")
    new_text = edit_text(
        text,
        unstructure(changed),
        old=unstructure(plan),
        normalise=lambda raw: unstructure(load_from(raw)),
    )
    assert load_from(parse_toml(new_text)) == changed
    kept = set(_measure_ids(changed))
    removed = [m for m in _measure_ids(plan) if m not in kept]
    may_go = _comments_of_records(text, removed)
    all_comments = _comments(text)
    must_stay = [c for n, c in enumerate(all_comments) if n not in may_go]
    assert _is_subsequence(_comments(new_text), all_comments)
    assert _is_subsequence(must_stay, _comments(new_text))


def _measure_ids(plan: ActionPlan) -> list[str]:
    return [m.id for area in plan.focus_areas for goal in area.goals for m in goal.measures]


def _comments_of_records(text: str, ids: list[str]) -> set[int]:
    """The positions (among the text's comments) of the comments that belong to the
    records with these ids: those inside a record, and those just before its header. A
    comment after a record's last value stands before the next item and belongs to it."""
    lines = text.splitlines()
    numbers = [n for n, line in enumerate(lines) if line.lstrip().startswith("#")]
    wanted = {f"id = {json.dumps(i, ensure_ascii=False)}" for i in ids}
    owned: set[int] = set()
    for header, line in enumerate(lines):
        if not (line.startswith("[[") and header + 1 < len(lines)):
            continue
        if lines[header + 1].strip() not in wanted:
            continue
        start = header
        while start > 0 and (not lines[start - 1].strip() or lines[start - 1].startswith("#")):
            start -= 1
        end = header + 1
        while end < len(lines) and not lines[end].startswith("["):
            end += 1
        while end > header and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        owned.update(n for n in range(start, end) if lines[n].lstrip().startswith("#"))
    return {position for position, n in enumerate(numbers) if n in owned}


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(any(item == other for other in rest) for item in part)


def _second_measure_headers(text: str) -> list[int]:
    """The line number of each goal's second measure header."""
    headers = []
    count = 0
    for number, line in enumerate(text.splitlines()):
        if line in ("[[focus_areas]]", "[[focus_areas.goals]]"):
            count = 0
        elif line == "[[focus_areas.goals.measures]]":
            count += 1
            if count == 2:
                headers.append(number)
    return headers


PLANS_WITH_TWO_MEASURES = [p for p in PLANS if _second_measure_headers(p.read_text("utf-8"))]


@pytest.mark.parametrize("path", PLANS_WITH_TWO_MEASURES, ids=lambda p: p.name)
def test_removing_a_goals_first_measure_keeps_the_comment_before_the_next(path: Path) -> None:
    """The comment before a goal's second measure belongs to it: when the first measure
    goes, the comment stays, right above the header of the measure it belongs to, and
    only the first measure's lines go."""
    plan = _load(path)
    assert isinstance(plan, ActionPlan)
    original = path.read_text("utf-8")
    headers = _second_measure_headers(original)
    goals = [
        (a, g)
        for a, area in enumerate(plan.focus_areas)
        for g, goal in enumerate(area.goals)
        if len(goal.measures) >= 2
    ]
    assert len(goals) == len(headers)
    for (a, g), header in zip(goals, headers, strict=True):
        lines = original.splitlines(keepends=True)
        note = f"# Om {plan.focus_areas[a].goals[g].measures[1].id}: skrevet for hånd\n"
        text = "".join([*lines[:header], note, *lines[header:]])
        area = plan.focus_areas[a]
        goal = attrs.evolve(area.goals[g], measures=area.goals[g].measures[1:])
        area = attrs.evolve(area, goals=(*area.goals[:g], goal, *area.goals[g + 1 :]))
        changed = attrs.evolve(
            plan, focus_areas=(*plan.focus_areas[:a], area, *plan.focus_areas[a + 1 :])
        )
        new_text = edit_text(
            text,
            unstructure(changed),
            old=unstructure(plan),
            normalise=lambda raw: unstructure(load_from(raw)),
        )
        assert load_from(parse_toml(new_text)) == changed
        new_lines = new_text.splitlines()
        at = new_lines.index(note.rstrip("\n"))
        assert new_lines[at + 1 : at + 3] == [
            "[[focus_areas.goals.measures]]",
            f'id = "{goal.measures[0].id}"',
        ]
        removed, added = _diff(text, new_text)
        assert added == []
        assert _comments(new_text) == _comments(text)
        assert f'id = "{plan.focus_areas[a].goals[g].measures[0].id}"' in removed
