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
    # the plan states no national goals of its focus areas or measures: not guessed
    assert all(r.national_goals is None for r in trace.rows)
    assert not trace.national_goals_stated
    assert trace.national_goals_without == ()


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
        len(trace.main_goals_without)
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
    assert "ikke oppgitt" in text
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
    assert {r["national_goals"] for r in rows} == {"not stated"}


def test_fail_on_gaps_exits_1_when_a_gap_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    target = str(folder / PLAN)
    # the example leaves priority groups unaddressed: a gap
    assert run("coverage", target, "--fail-on", "gaps")[0] == 1
    assert run("coverage", target)[0] == 0
    status, out, _ = run("coverage", target, "--many", "100")
    assert status == 0 and "  gaps:" in out


def test_rendering_the_matrix_of_a_partnership_with_two_plans_asks_for_one() -> None:
    status, _, err = run("coverage", "troms-ofoten", "-f", "md")
    assert status == 2
    assert "a report as a document is of one action plan: name one" in err


def test_an_unknown_plan_is_told_with_a_suggestion() -> None:
    bundle, _, _ = _example()
    with pytest.raises(Exception, match="did you mean 'handlingsplan-2024-2025'"):
        traceability_report(bundle, "handlingsplan-2024-2026")
