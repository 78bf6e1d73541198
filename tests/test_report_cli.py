"""The follow-up commands: ``diff``, ``coverage`` and ``status`` — output, JSON, exit codes."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from helsefellesskap.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"
DECLARATION = "declarations/fjordviklofte-2023-2026.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    """The example with one responsible changed and a goal's measure moved."""
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    plan = root / PLAN
    text = plan.read_text("utf-8")
    text = text.replace('responsible = ["fsu-bu"]', 'responsible = ["fsu-bu", "kommunene"]')
    plan.write_text(text, "utf-8")
    return root


# -- diff ---------------------------------------------------------------------------------


def test_diff_of_identical_revisions_exits_0() -> None:
    assert run("diff", str(EXAMPLE / PLAN), str(EXAMPLE / PLAN)) == (0, "no changes\n", "")
    assert run("diff", str(EXAMPLE), str(EXAMPLE)) == (0, "no changes\n", "")


def test_diff_of_the_bundled_plan_against_itself_by_id_exits_0() -> None:
    status, out, _ = run(
        "diff", "troms-ofoten/handlingsplan-2023", "troms-ofoten/handlingsplan-2023"
    )
    assert (status, out) == (0, "no changes\n")


def test_diff_of_two_files_prints_each_change_and_exits_1(changed: Path) -> None:
    status, out, err = run("diff", str(EXAMPLE / PLAN), str(changed / PLAN))
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        "action-plan handlingsplan-2024-2025",
        # The responsible by the names the documents give them (issue 18 §3), not TOML.
        '  changed  $.focus_areas[0].goals[0].measures[0].responsible: measure "overganger": '
        "FSU BU -> FSU BU, kommunene",
        "1 change: 1 changed",
    ]


def test_diff_of_two_folders_names_documents_added_and_removed(changed: Path) -> None:
    (changed / "reports" / "arsrapport-2024.toml").unlink()
    status, out, _ = run("diff", str(EXAMPLE), str(changed))
    assert status == 1
    assert out.splitlines()[-2:] == [
        "removed document annual-report arsrapport-2024",
        "1 change: 1 changed, 1 document removed",
    ]


def test_diff_json_is_versioned_and_lists_changes(changed: Path) -> None:
    (changed / "reports" / "arsrapport-2024.toml").unlink()
    status, out, _ = run("diff", str(EXAMPLE), str(changed), "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert (data["format"], data["version"], data["changed"]) == ("helsefellesskap-diff", 1, True)
    assert (data["old"], data["new"]) == (str(EXAMPLE), str(changed))
    assert data["removed_documents"] == [{"kind": "annual-report", "id": "arsrapport-2024"}]
    assert data["added_documents"] == []
    assert data["documents"][0] == {
        "kind": "partnership",
        "old_id": "eksempel",
        "new_id": "eksempel",
        "changes": [],
    }
    (plan,) = [d for d in data["documents"] if d["changes"]]
    assert plan["changes"] == [
        {
            "kind": "changed",
            "item_type": "measure",
            "item": "overganger",
            "path": "$.focus_areas[0].goals[0].measures[0].responsible",
            "old_path": None,
            "field": "responsible",
            "old": ["fsu-bu"],
            "new": ["fsu-bu", "kommunene"],
            "score": None,
        }
    ]


def test_diff_of_two_kinds_is_a_usage_error() -> None:
    status, out, err = run("diff", str(EXAMPLE / PLAN), str(EXAMPLE / DECLARATION))
    assert (status, out) == (2, "")
    assert err == (
        "error: cannot compare action-plan 'handlingsplan-2024-2025' with declaration "
        "'fjordviklofte-2023-2026': a diff compares two revisions of the same kind of document\n"
    )


def test_diff_of_a_folder_and_a_file_is_a_usage_error() -> None:
    status, _, err = run("diff", str(EXAMPLE), str(EXAMPLE / PLAN))
    assert status == 2
    assert err == (
        "error: cannot compare the partnership folder of 'eksempel' with action-plan "
        "'handlingsplan-2024-2025': give two folders or two files\n"
    )


def test_diff_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "borte.toml"
    status, out, err = run("diff", str(EXAMPLE / PLAN), str(missing))
    assert (status, out) == (2, "")
    assert err == f"error: {missing} does not exist\n"


def test_diff_of_bad_data_reports_the_path_into_it(changed: Path) -> None:
    plan = changed / PLAN
    plan.write_text(plan.read_text("utf-8").replace('status = "started"', 'status = "begun"'))
    status, _, err = run("diff", str(EXAMPLE / PLAN), str(plan))
    assert status == 2
    line = plan.read_text("utf-8").split('status = "begun"')[0].count("\n") + 1
    assert f"{plan}:{line}:1: $.focus_areas[0].goals[0].measures[1].status" in err


def test_diff_needs_two_arguments() -> None:
    status, _, err = run("diff", str(EXAMPLE))
    assert status == 2
    assert "give two revisions (diff OLD NEW), or one file with --since REV" in err


# -- coverage -----------------------------------------------------------------------------


def test_coverage_of_the_example_as_text() -> None:
    status, out, err = run("coverage", str(EXAMPLE))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "handlingsplan-2024-2025 (Handlingsplan 2024–2025): declaration fjordviklofte-2023-2026, "
        "national plan nhsp-2024"
    )
    assert '    main goal "personell-1": goals rekruttering; measures hospitering' in lines
    assert '    "multiple-chronic" (Personer med flere kroniske lidelser): NOT ADDRESSED' in lines
    # The plan's block ends with its summary; the traceability gaps of the partnership follow.
    gaps = lines.index("  gaps:")
    assert lines[gaps - 1] == "  not covered: 3 priority groups"
    assert lines[gaps + 1 :] == [
        "  national goals with no measure: nhsp-2024.goal-2",
        "  priority groups not addressed: mental-health-and-substance, multiple-chronic, "
        "pregnancy-and-childbirth",
        "  actors with no task: pm, ssu, sekr, ag-ernaering, felles, fagutvalgene",
    ]


def test_coverage_json_of_a_bundled_partnership() -> None:
    status, out, _ = run("coverage", "troms-ofoten", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert (data["format"], data["version"], data["partnership"]) == (
        "helsefellesskap-coverage",
        1,
        "troms-ofoten",
    )
    plans = {p["plan"]: p for p in data["plans"]}
    assert set(plans) == {"handlingsplan-2023", "handlingsplan-2025-2026"}
    assert plans["handlingsplan-2023"]["uncovered"]["main_goals"] == ["personell-2", "personell-3"]
    assert plans["handlingsplan-2025-2026"]["uncovered"]["commitments"] == [
        "sikkerhet-beredskap",
        "baerekraftige-tjenester",
        "helsepersonell",
    ]


def test_coverage_of_one_plan_by_id() -> None:
    status, out, _ = run("coverage", "helgeland/handlingsplan-2023-2025", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert [p["plan"] for p in data["plans"]] == ["handlingsplan-2023-2025"]


def test_coverage_of_a_declaration_is_a_usage_error() -> None:
    status, out, err = run("coverage", str(EXAMPLE / DECLARATION))
    assert (status, out) == (2, "")
    assert err == (
        'error: declaration "fjordviklofte-2023-2026" is not an action plan: name a plan, or a '
        "partnership for each of its plans\n"
    )


def test_coverage_of_an_unknown_target_exits_2() -> None:
    status, _, err = run("coverage", "ingen-slik")
    assert status == 2
    assert err.startswith("error: 'ingen-slik' is neither a file, a folder nor an installed")


# -- status -------------------------------------------------------------------------------


def test_status_of_the_example_on_a_day() -> None:
    status, out, err = run("status", str(EXAMPLE / PLAN), "--on", "2025-01-01")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "handlingsplan-2024-2025 (Handlingsplan 2024–2025) on 01.01.2025, "
        "with annual report arsrapport-2024"
    )
    assert lines[1] == "  measures: 4 (2 planned, 1 started, 1 done)"
    assert "    Samhandl.-sjefene  1 (1 started, 1 overdue)" in lines
    # Names, the measure's text and readable deadlines, not TOML.
    overdue = lines.index("  overdue: 1")
    assert lines[overdue + 1 : overdue + 3] == [
        "    fagdager: Felles fagdager innen psykisk helse og rus (Samhandl.-sjefene)",
        "      deadline Innen utgangen av 2024 (31.12.2024); started",
    ]
    assert lines[overdue + 3] == "  stale (no update for more than 180 days): 2"
    assert lines[overdue + 4 :] == [
        "    dho: Støtte digital hjemmeoppfølging (FSU DIG, kommunene)",
        "      no update since the plan began; planned",
        "    hospitering: Etablere hospiteringsordning mellom tjenestenivåene (FSHF, kommunene)",
        "      no update since the plan began; planned",
    ]


def test_status_json_is_versioned() -> None:
    status, out, _ = run("status", str(EXAMPLE), "--on", "2024-06-01", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert (data["format"], data["version"], data["on"]) == (
        "helsefellesskap-status",
        1,
        "2024-06-01",
    )
    (plan,) = data["plans"]
    assert (plan["plan"], plan["report"], plan["total"], plan["overdue"]) == (
        "handlingsplan-2024-2025",
        "arsrapport-2024",
        4,
        [],
    )
    assert plan["by_responsible"][0] == {
        "actor": "fsu-bu",
        "name": "FSU BU",
        "total": 1,
        "overdue": 0,
        # The report's follow-ups are dated the last day of its year (2024-12-31), so on
        # 2024-06-01 the measure still stands as the plan gives it.
        "by_status": {"planned": 1, "started": 0, "done": 0, "postponed": 0, "cancelled": 0},
    }


def test_status_with_a_bad_date_exits_2() -> None:
    status, out, err = run("status", str(EXAMPLE), "--on", "2025-13-01")
    assert (status, out) == (2, "")
    assert "argument --on: '2025-13-01' is not a date: write it as YYYY-MM-DD" in err


def test_status_of_a_funding_round_is_a_usage_error() -> None:
    status, _, err = run("status", str(EXAMPLE / "funding" / "midler-2025.toml"))
    assert status == 2
    assert err.startswith('error: funding-round "midler-2025" is not an action plan')


def test_the_follow_up_commands_are_listed_in_the_help() -> None:
    _, out, _ = run("--help")
    for name in ("diff", "coverage", "status"):
        assert f"    {name} " in out
