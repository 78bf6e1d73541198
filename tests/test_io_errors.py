"""Every kind of data error names the file, the path in TOML keys, and what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from helsefellesskap import (
    DataError,
    DocumentNotFoundError,
    EmptyFileError,
    EncodingError,
    Problem,
    TomlSyntaxError,
    load_bundle,
    load_document,
    load_partnership,
)

PLAN_HEAD = (
    'kind = "action-plan"\nid = "p"\ntitle = "Plan"\nperiod = { start = 2023, end = 2023 }\n'
)
MEASURE = (
    '[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\ntext = "G"\n'
    '[[focus_areas.goals.measures]]\nid = "m"\ntext = "T"\n'
)


def _problems(tmp_path: Path, text: str | bytes, name: str = "doc.toml") -> list[Problem]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_document(path)
    for problem in caught.value.problems:
        assert problem.file == path
    return list(caught.value.problems)


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(TomlSyntaxError) as caught:
        load_document(_write(tmp_path, 'kind = "declaration"\nid = "d\ntitle = "x"\n'))
    problem = _only(list(caught.value.problems))
    assert problem.line == 2
    assert problem.column is not None
    assert "TOML syntax error" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'doc.toml'}:2:")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.toml"
    path.write_text(text, "utf-8")
    return path


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + "deadlne = 2024\n"))
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].deadlne"
    assert problem.message == 'unknown key "deadlne"'
    assert problem.hint == 'did you mean "deadline"?'


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + "[basis]\nxyzzy = 1\n"))
    assert problem.path == "$.basis.xyzzy"
    assert problem.hint is not None and "declaration, national_plan, other" in problem.hint


def test_wrong_type_is_not_coerced(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace('title = "Plan"', "title = 3")))
    assert problem.path == "$.title"
    assert problem.message == "expected text, got the integer 3"
    assert problem.hint == 'write it in quotes: "3"'


def test_number_in_quotes_is_not_coerced(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace("start = 2023", 'start = "2023"')))
    assert problem.path == "$.period.start"
    assert "expected a whole number" in problem.message
    assert problem.hint == "write the number without quotes or spaces: 2023"


def test_boolean_is_not_a_number(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace("end = 2023", "end = true")))
    assert problem.path == "$.period.end"
    assert problem.message == "expected a whole number, got the boolean true"


def test_missing_field(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE.replace('text = "T"\n', "")))
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].text"
    assert problem.message == 'the required key "text" is missing'


def test_bad_enum_value_lists_the_allowed_values(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + 'status = "doen"\n'))
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].status"
    assert problem.message == "'doen' is not allowed here"
    assert problem.hint == (
        'did you mean "done"? write one of "planned", "started", "done", "postponed", "cancelled"'
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"snart"', "'snart' is not a deadline on its own"),
        ('"2025-2024"', "the span '2025-2024' ends before it starts"),
        ("24", "24 is not a year"),
        ("true", "a deadline cannot be the boolean true"),
        (
            '{ text = "Innen utgangen av 2024" }',
            "a phrase deadline has the keys text and means (missing means)",
        ),
        ('{ text = " ", means = 2024-12-31 }', "the phrase of the deadline is empty"),
        ("[2024]", "expected a deadline, got a list"),
    ],
)
def test_bad_deadline_explains_the_accepted_forms(tmp_path: Path, value: str, message: str) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + f"deadline = {value}\n"))
    assert problem.path.startswith("$.focus_areas[0].goals[0].measures[0].deadline")
    assert problem.message.startswith(message)
    assert problem.hint


def test_every_deadline_form_loads(tmp_path: Path) -> None:
    from helsefellesskap import ActionPlan, Deadline

    forms = {
        "2024": Deadline.of_year(2024),
        '"2024-2025"': Deadline.of_span(2024, 2025),
        '"2024–2025"': Deadline.of_span(2024, 2025),
        "2024-06-30": Deadline.of_date(__import__("datetime").date(2024, 6, 30)),
        '{ text = "Innen utgangen av 2024", means = 2024-12-31 }': Deadline.of_phrase(
            "Innen utgangen av 2024", __import__("datetime").date(2024, 12, 31)
        ),
    }
    for written, expected in forms.items():
        plan = load_document(_write(tmp_path, PLAN_HEAD + MEASURE + f"deadline = {written}\n"))
        assert isinstance(plan, ActionPlan)
        assert next(plan.measures()).deadline == expected


def test_datetime_is_not_a_date(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + "adopted = 2024-04-18T10:00:00\n"))
    assert problem.path == "$.adopted"
    assert problem.message == "expected a date, got the date and time 2024-04-18T10:00:00"
    assert problem.hint == "write the date alone: 2024-04-18"


def test_datetime_is_not_a_deadline(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + "deadline = 2024-04-18T10:00:00\n"))
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].deadline"
    assert problem.hint == "write the date alone: 2024-04-18"


def test_quoted_date_is_not_a_date(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + 'adopted = "2024-04-18"\n'))
    assert problem.hint == "write the date without quotes: 2024-04-18"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.toml"
    path.write_bytes(
        b'kind = "declaration"\ntitle = "Ishavserkl' + "æ".encode("latin-1") + b'ringen"\n'
    )
    with pytest.raises(EncodingError) as caught:
        load_document(path)
    problem = _only(list(caught.value.problems))
    assert problem.line == 2
    assert problem.column == len('title = "Ishavserkl') + 1
    assert "not UTF-8" in problem.message
    assert problem.hint == "save the file as UTF-8 in your editor"


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "doc.toml"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN_HEAD.encode())
    assert load_document(path).id == "p"


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    with pytest.raises(EmptyFileError) as caught:
        load_document(_write(tmp_path, content))
    problem = _only(list(caught.value.problems))
    assert problem.path == "$"
    assert problem.message == "the file holds no data"


def test_bad_id_suggests_a_good_one(tmp_path: Path) -> None:
    problem = _only(
        _problems(tmp_path, PLAN_HEAD + MEASURE + 'responsible = ["unn", "FSU REST"]\n')
    )
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].responsible[1]"
    assert problem.message == "'FSU REST' is not a valid id"
    assert problem.hint == 'an id is lower-case letters a-z, digits and hyphens: write "fsu-rest"'


def test_validator_message_is_shown_not_hidden(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace("end = 2023", "end = 2020")))
    assert problem.path == "$.period.end"
    assert problem.message == "the period ends (2020) before it starts (2023)"


def test_empty_text_is_refused(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace('title = "Plan"', 'title = "  "')))
    assert problem.path == "$.title"
    assert problem.message == "the text is empty"


def test_wrong_shape_list_instead_of_table(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + 'basis = ["x"]\n'))
    assert problem.path == "$.basis"


def test_missing_kind(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace('kind = "action-plan"\n', "")))
    assert problem.path == "$.kind"
    assert "missing" in problem.message
    assert problem.hint is not None and '"action-plan"' in problem.hint


def test_unknown_kind(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace('"action-plan"', '"action-plna"')))
    assert problem.path == "$.kind"
    assert problem.hint is not None and problem.hint.startswith('did you mean "action-plan"?')


def test_three_mistakes_are_all_reported(tmp_path: Path) -> None:
    text = (
        PLAN_HEAD.replace('title = "Plan"', "title = 3")
        + MEASURE
        + 'status = "doen"\n'
        + 'deadline = "snart"\n'
    )
    paths = [p.path for p in _problems(tmp_path, text)]
    assert sorted(paths) == sorted(
        [
            "$.title",
            "$.focus_areas[0].goals[0].measures[0].status",
            "$.focus_areas[0].goals[0].measures[0].deadline",
        ]
    )


def test_partnership_file_errors_have_paths(tmp_path: Path) -> None:
    path = tmp_path / "partnership.toml"
    path.write_text(
        'id = "x"\nname = "X"\n[[partners]]\nid = "unn"\nkind = "hospital"\nname = "UNN"\n'
        '[[bodies]]\nid = "ssu"\nkind = "strategic-committee"\nname = "SSU"\n'
        'seats = [{ holder = "unn", rights = ["vote", "talk"] }]\n',
        "utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_partnership(path)
    by_path = {p.path: p for p in caught.value.problems}
    # an unknown partner kind loads (a plugin may add it): HF215 reports it when validating
    assert set(by_path) == {"$.bodies[0].seats[0].rights[1]"}
    assert by_path["$.bodies[0].seats[0].rights[1]"].hint == (
        'write one of "vote", "attend", "speak", "propose"'
    )


def test_folder_reports_problems_of_every_file(tmp_path: Path, example_folder: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    (root / "plans" / "handlingsplan-2024-2025.toml").write_text(PLAN_HEAD + "titel = 1\n", "utf-8")
    (root / "reports" / "arsrapport-2024.toml").write_text("", "utf-8")
    with pytest.raises(DataError) as caught:
        load_bundle(root)
    files = {p.file.name for p in caught.value.problems if p.file}
    assert files == {"handlingsplan-2024-2025.toml", "arsrapport-2024.toml"}


def test_duplicate_document_id_in_a_folder(tmp_path: Path, example_folder: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    shutil.copy(root / "funding" / "midler-2025.toml", root / "funding" / "copy.toml")
    with pytest.raises(DataError) as caught:
        load_bundle(root)
    problem = _only(list(caught.value.problems))
    assert problem.path == "$.id"
    assert "is used by" in problem.message


def test_document_of_another_partnership_in_a_folder(tmp_path: Path, example_folder: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    path = root / "funding" / "midler-2025.toml"
    path.write_text(
        path.read_text("utf-8").replace('partnership = "eksempel"', 'partnership = "annen"'),
        "utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_bundle(root)
    problem = _only(list(caught.value.problems))
    assert problem.path == "$.partnership"
    assert problem.hint == 'write partnership = "eksempel", or move the file'


def test_missing_files_are_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match="does not exist"):
        load_document(tmp_path / "nope.toml")
    with pytest.raises(DocumentNotFoundError, match=r"no partnership\.toml"):
        load_bundle(tmp_path)


def test_amount_written_with_spaces_gets_a_hint(tmp_path: Path) -> None:
    text = (
        'kind = "funding-round"\nid = "f"\ntitle = "Midler"\nyear = 2025\n'
        '[[applications]]\nid = "a"\ntitle = "A"\npriority = 1\namount = "450 000"\n'
    )
    problem = _only(_problems(tmp_path, text))
    assert problem.path == "$.applications[0].amount"
    assert problem.hint == "write the number without quotes or spaces: 450000"


def test_negative_amount_is_refused(tmp_path: Path) -> None:
    text = (
        'kind = "funding-round"\nid = "f"\ntitle = "Midler"\nyear = 2025\n'
        '[[applications]]\nid = "a"\ntitle = "A"\npriority = 1\namount = -5\n'
    )
    problem = _only(_problems(tmp_path, text))
    assert problem.path == "$.applications[0].amount"
    assert problem.message == "-5 is below zero"


def test_quoted_date_as_deadline_says_to_drop_the_quotes(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + 'deadline = "2024-12-31"\n'))
    assert problem.message == "expected a deadline, got the text '2024-12-31'"
    assert problem.hint == "write the date without quotes: 2024-12-31"


def test_impossible_date_as_deadline(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD + MEASURE + 'deadline = "2024-13-01"\n'))
    assert problem.message == "'2024-13-01' is not a valid date"


def test_a_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "arkiv.toml").mkdir()
    with pytest.raises(DocumentNotFoundError, match="is a folder, not a file"):
        load_document(tmp_path / "arkiv.toml")


def test_paths_may_be_text(example_folder: Path) -> None:
    bundle = load_bundle(str(example_folder))
    assert bundle.partnership.id == "eksempel"
    assert load_partnership(str(example_folder)).id == "eksempel"
    assert load_document(str(example_folder / "funding" / "midler-2025.toml")).id == "midler-2025"


def test_hidden_and_build_folders_are_not_read(tmp_path: Path, example_folder: Path) -> None:
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(example_folder, root)
    for junk in (".git", ".venv/lib", "build/out", "plans/__pycache__"):
        (root / junk).mkdir(parents=True, exist_ok=True)
        (root / junk / "stray.toml").write_text("x = 1\n", "utf-8")
    bundle = load_bundle(root)
    assert len(bundle.documents) == len(load_bundle(example_folder).documents)


def test_layout_omits_only_generated_parts(tmp_path: Path) -> None:
    path = tmp_path / "partnership.toml"
    path.write_text('id = "x"\nname = "X"\n[layout]\nomit = ["priority_groups", "forkortelser"]\n')
    with pytest.raises(DataError) as caught:
        load_partnership(path)
    problem = _only(list(caught.value.problems))
    assert problem.path == "$.layout.omit[1]"
    assert problem.message == "'forkortelser' is not a part a layout can omit"
    assert problem.hint is not None and '"abbreviations"' in problem.hint


@pytest.mark.parametrize(
    ("escaped", "message"),
    [
        ("\\u000b", "the text holds the control character U+000B (a line break copied from Word)"),
        ("\\u0001", "the text holds the control character U+0001, which no document can show"),
    ],
)
def test_control_characters_are_refused_with_their_path(
    tmp_path: Path, escaped: str, message: str
) -> None:
    problem = _only(
        _problems(tmp_path, PLAN_HEAD + MEASURE.replace('text = "T"', f'text = "a{escaped}b"'))
    )
    assert problem.path == "$.focus_areas[0].goals[0].measures[0].text"
    assert problem.message.startswith(message)


def test_saving_text_that_would_not_load_again_is_refused(tmp_path: Path) -> None:
    from helsefellesskap import Commitment, Declaration, Period, dumps_json, dumps_toml, save

    declaration = Declaration(
        id="d",
        title="D",
        period=Period(start=2024, end=2024),
        commitments=(Commitment(id="c", title="C", statement="Kopiert\x0bfra Word"),),
    )
    for write in (dumps_toml, dumps_json):
        with pytest.raises(DataError) as caught:
            write(declaration)
        problem = _only(list(caught.value.problems))
        assert problem.path == "$.commitments[0].statement"
    with pytest.raises(DataError):
        save(declaration, tmp_path / "d.toml")
    assert not (tmp_path / "d.toml").exists()


def test_misspelt_required_key_is_one_problem(tmp_path: Path) -> None:
    problem = _only(_problems(tmp_path, PLAN_HEAD.replace('title = "Plan"', 'titel = "Plan"')))
    assert problem.path == "$.titel"
    assert problem.message == 'unknown key "titel"'
    assert problem.hint == 'did you mean "title", which is required?'


def test_docs_user_guide_shows_what_check_prints(tmp_path: Path, example_folder: Path) -> None:
    import re
    import shutil

    from helsefellesskap.cli import main

    guide = (Path(__file__).parent.parent / "docs" / "index.md").read_text("utf-8")
    shown = re.search(r"```\n(error: .*?)```", guide, re.S)
    assert shown is not None
    root = tmp_path / "p"
    shutil.copytree(example_folder, root)
    (root / "plans" / "plan.toml").write_text(
        PLAN_HEAD.replace('"p"', '"plan"')
        + '[[focus_areas]]\nid = "a"\ntitel = "Forløp"\n[[focus_areas.goals]]\nid = "g"\n'
        'text = "Mål"\n'
        + "".join(f'[[focus_areas.goals.measures]]\nid = "m{n}"\ntext = "Tiltak"\n' for n in (1, 2))
        + '[[focus_areas.goals.measures]]\nid = "m3"\ntext = "Tiltak"\nstatus = "doen"\n',
        "utf-8",
    )
    import io
    import os

    err = io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["check", "."], stdout=io.StringIO(), stderr=err) == 2
    finally:
        os.chdir(cwd)
    assert err.getvalue() == shown.group(1)
