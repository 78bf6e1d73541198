"""The traceability matrix (issue 16 §1): the trace from the declaration and the national
plan down to measures and actors, each kind of gap, CSV, the document in every format and
``coverage --fail-on gaps``."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import attrs
import pytest

from helsefellesskap.cli import main
from helsefellesskap.followup.reports import traceability_report
from helsefellesskap.followup.tracing import traceability
from helsefellesskap.io import load_bundle
from helsefellesskap.model import ActionPlan, Bundle, Declaration
from helsefellesskap.render import render

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _example() -> tuple[Bundle, ActionPlan, Declaration]:
    bundle = load_bundle(EXAMPLE)
    (plan,) = bundle.documents_of(ActionPlan)
    (declaration,) = bundle.documents_of(Declaration)
    return bundle, plan, declaration


def _with_gaps(plan: ActionPlan) -> ActionPlan:
    """The example plan with a goal emptied (its main goal loses its measures), every
    priority group dropped from the measures and the first measure's first responsible
    given every measure (an actor with many)."""
    busy = next(plan.measures()).responsible[0]
    areas = []
    for area in plan.focus_areas:
        goals = []
        for goal in area.goals:
            measures = tuple(
                attrs.evolve(
                    m,
                    priority_groups=(),
                    responsible=tuple(dict.fromkeys((*m.responsible, busy))),
                )
                for m in goal.measures
            )
            goals.append(attrs.evolve(goal, measures=() if goal.id == "digital" else measures))
        areas.append(attrs.evolve(area, goals=tuple(goals)))
    return attrs.evolve(plan, focus_areas=tuple(areas))


def test_a_row_per_measure_traced_up_to_commitment_and_main_goal() -> None:
    bundle, plan, declaration = _example()
    trace = traceability(plan, declaration, bundle.partnership)
    assert [r.measure for r in trace.rows] == [m.id for m in plan.measures()]
    first = trace.rows[0]
    assert (first.focus_area, first.commitment, first.goal, first.main_goal) == (
        "forlop",
        "sammenhengende",
        "personsentrert",
        "sammenhengende-1",
    )
    assert first.responsible == ("fsu-bu",)
    # the example's first focus area states the national goal it serves; the second none
    stated = {r.focus_area: r.national_goals for r in trace.rows}
    assert stated == {"forlop": ("nhsp-2024.goal-1",), "personell": None}
    assert trace.national_goals_stated
    assert trace.national_goals_without == ("nhsp-2024.goal-2",)


def test_a_measure_states_its_own_national_goals() -> None:
    _bundle, plan, declaration = _example()
    last = list(plan.measures())[-1]
    areas = list(plan.focus_areas)
    goal = areas[-1].goals[-1]
    measures = tuple(
        attrs.evolve(m, national_goals=("nhsp-2024.goal-2",)) if m.id == last.id else m
        for m in goal.measures
    )
    areas[-1] = attrs.evolve(
        areas[-1], goals=(*areas[-1].goals[:-1], attrs.evolve(goal, measures=measures))
    )
    trace = traceability(attrs.evolve(plan, focus_areas=tuple(areas)), declaration)
    assert trace.rows[-1].national_goals == ("nhsp-2024.goal-2",)
    assert trace.national_goals_without == ()


def test_national_goals_not_stated_are_said_so_not_guessed() -> None:
    bundle, plan, declaration = _example()
    bare = attrs.evolve(
        plan, focus_areas=tuple(attrs.evolve(a, national_goals=()) for a in plan.focus_areas)
    )
    trace = traceability(bare, declaration, bundle.partnership)
    assert all(r.national_goals is None for r in trace.rows)
    assert not trace.national_goals_stated
    assert trace.national_goals_without == ()
    bundle = attrs.evolve(
        bundle, documents=tuple(bare if d.id == plan.id else d for d in bundle.documents)
    )
    text = render(traceability_report(bundle, plan.id), "md", bundle=bundle).decode()
    assert "Planen oppgir ikke hvilke nasjonale mål innsatsområdene og tiltakene tjener" in text


def test_an_unknown_national_goal_of_a_focus_area_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    file = folder / PLAN
    file.write_text(
        file.read_text().replace(
            'national_goals = ["nhsp-2024.goal-1"]', 'national_goals = ["nhsp-2024.goal-9"]'
        )
    )
    status, out, _ = run("validate", str(folder))
    assert status == 1
    assert "$.focus_areas[0].national_goals[0]" in out
    assert '"nhsp-2024.goal-9" is not a national goal of the national frame' in out


def test_each_kind_of_gap_is_found() -> None:
    bundle, plan, declaration = _example()
    changed = _with_gaps(plan)
    trace = traceability(changed, declaration, bundle.partnership, many=1)
    assert trace.main_goals_without  # the emptied goal's main goal
    assert "dho" not in [r.measure for r in trace.rows]
    assert set(trace.priority_groups_without) >= {"children-and-young", "frail-elderly"}
    responsible = {a for m in changed.measures() for a in m.responsible}
    assert trace.idle_actors and all(a.actor not in responsible for a in trace.idle_actors)
    assert trace.busy_actors and all(len(a.measures) > 1 for a in trace.busy_actors)
    assert trace.gaps == (
        len(trace.national_goals_without)
        + len(trace.main_goals_without)
        + len(trace.priority_groups_without)
        + len(trace.idle_actors)
        + len(trace.busy_actors)
    )
    loose = traceability(_with_gaps(plan), declaration, bundle.partnership, many=100)
    assert loose.busy_actors == ()


def test_the_document_shows_the_matrix_and_the_gaps_in_every_format() -> None:
    bundle, plan, _ = _example()
    report = traceability_report(bundle, plan.id, many=1)
    text = render(report, "md", bundle=bundle).decode()
    assert text.startswith("# Sporing – ")
    assert "## Sporingsmatrise" in text and "## Mangler" in text
    assert "ikke oppgitt" in text  # the second focus area states no national goal
    assert "### Nasjonale mål uten tiltak" in text
    assert "### Aktører med mer enn 1 tiltak" in text
    html = render(report, "html", bundle=bundle).decode()
    assert "Sporingsmatrise" in html and "ikke oppgitt" in html
    assert render(report, "docx", bundle=bundle).startswith(b"PK")
    english = render(report, "md", bundle=bundle, lang="en").decode()
    assert "## Gaps" in english and "not stated" in english


def test_coverage_csv_has_a_row_per_measure() -> None:
    _bundle, plan, _ = _example()
    status, out, err = run("coverage", str(EXAMPLE / PLAN), "-f", "csv")
    assert (status, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["measure"] for r in rows] == [m.id for m in plan.measures()]
    assert {r["national_goals"] for r in rows} == {"nhsp-2024.goal-1", "not stated"}


def test_fail_on_gaps_exits_1_when_a_gap_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    target = str(folder / PLAN)
    # the example leaves priority groups unaddressed: a gap
    assert run("coverage", target, "--fail-on", "gaps")[0] == 1
    assert run("coverage", target)[0] == 0
    status, out, _ = run("coverage", target, "--many", "100")
    assert status == 0 and "  gaps:" in out


def test_rendering_the_matrix_of_a_partnership_with_two_plans_asks_for_one(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    text = (folder / PLAN).read_text()
    second = text.replace('id = "handlingsplan-2024-2025"', 'id = "handlingsplan-2026"', 1)
    assert second != text
    (folder / "plans" / "handlingsplan-2026.toml").write_text(second)
    status, _, err = run("coverage", str(folder), "-f", "md")
    assert status == 2
    assert "a report as a document is of one action plan: name one" in err
    status, out, _ = run("coverage", str(folder / PLAN), "-f", "md")
    assert status == 0 and out.startswith("# Sporing – ")


def test_an_unknown_plan_is_told_with_a_suggestion() -> None:
    bundle, _, _ = _example()
    with pytest.raises(Exception, match="did you mean 'handlingsplan-2024-2025'"):
        traceability_report(bundle, "handlingsplan-2024-2026")


def test_a_plan_without_measures_has_no_matrix_table() -> None:
    bundle, plan, _ = _example()
    empty = attrs.evolve(
        plan,
        focus_areas=tuple(
            attrs.evolve(a, goals=tuple(attrs.evolve(g, measures=()) for g in a.goals))
            for a in plan.focus_areas
        ),
    )
    bundle = attrs.evolve(
        bundle, documents=tuple(empty if d.id == plan.id else d for d in bundle.documents)
    )
    report = traceability_report(bundle, plan.id)
    assert report.trace.rows == ()
    text = render(report, "md", bundle=bundle).decode()
    matrix = text.split("## Sporingsmatrise", 1)[1].split("## Mangler", 1)[0]
    assert matrix.strip() == "Planen har ingen tiltak."
    assert "### Hovedmål uten tiltak" in text


def test_output_goes_to_the_file_named_and_many_must_be_positive(tmp_path: Path) -> None:
    target = str(EXAMPLE / PLAN)
    out = tmp_path / "coverage.json"
    status, shown, _ = run("coverage", target, "-f", "json", "-o", str(out))
    assert (status, shown) == (0, "")
    assert '"gaps": {' in out.read_text("utf-8")
    csv_file = tmp_path / "matrix.csv"
    assert run("coverage", target, "-f", "csv", "-o", str(csv_file))[0] == 0
    assert csv_file.read_text("utf-8").startswith("plan,focus_area,")
    status, _, err = run("coverage", target, "--many", "0")
    assert status == 2 and "--many 0: give 1 or more measures" in err
