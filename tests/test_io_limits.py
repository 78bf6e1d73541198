"""Limits with clear errors: nesting, file size, long texts, years, counts, control
characters (issue 12 §2 and §5). Each ends in the library's own error, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from helsefellesskap import DataError, load_document, load_partnership
from helsefellesskap.cli import main
from helsefellesskap.io import loads_json, parse_toml
from helsefellesskap.io.text import MAX_FILE_SIZE

HEAD = 'kind = "action-plan"\nid = "p"\ntitle = "Plan"\nperiod = { start = 2024, end = 2025 }\n'
MEASURE = (
    '[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\ntext = "G"\n'
    '[[focus_areas.goals.measures]]\nid = "m"\ntext = "T"\n'
)


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "doc.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_document(path)
    assert all(p.file == path for p in caught.value.problems)
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def _cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


@pytest.mark.parametrize(
    "nested",
    [
        "x = " + "{ a = " * 400 + "1" + " }" * 400,
        "x = " + "[" * 2000 + "1" + "]" * 2000,
        "x = " + "[{ a = " * 300 + "1" + "}]" * 300,
    ],
    ids=["inline-tables", "arrays", "tables-in-arrays"],
)
def test_deep_nesting_is_a_data_error_not_a_recursion_error(tmp_path: Path, nested: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HEAD + nested + "\n", "utf-8")
    with pytest.raises(DataError) as caught:
        load_document(path)
    assert caught.value.file == path
    code, err = _cli("check", str(path))
    assert code == 2
    assert str(path) in err


def test_deep_section_nesting_is_refused_with_its_path(tmp_path: Path) -> None:
    keys = "introduction" + ".subsections" * 12
    text = HEAD + "".join(
        f"[[{keys[: len('introduction') + len('.subsections') * n]}]]\ntitle = \"x\"\n"
        for n in range(1, 13)
    )
    text = HEAD + "[introduction]\ntitle = \"I\"\n" + text[len(HEAD) :]
    problems = _problems(tmp_path, text)
    assert any("nest more than 8 levels" in p for p in problems), problems


def test_deep_json_is_a_data_error() -> None:
    text = '{"kind": "action-plan", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(DataError, match="too deeply"):
        loads_json(text)


def test_a_file_over_the_size_limit_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_SIZE + 1)
    with pytest.raises(DataError) as caught:
        load_document(path)
    (problem,) = caught.value.problems
    assert problem.file == path
    assert "more than the 20 MB a data file may be" in problem.message


def _growing_after_its_size_is_read(
    monkeypatch: pytest.MonkeyPatch, path: Path, more: bytes
) -> None:
    """Have ``path`` grow by ``more`` right after the reader looked up its size (the race
    a file being written while it is loaded runs)."""
    from helsefellesskap.io import text

    size_of = text.regular_file

    def grown(file: Path) -> object:
        status = size_of(file)
        with file.open("ab") as stream:
            stream.write(more)
        return status

    monkeypatch.setattr(text, "regular_file", grown)


def test_a_file_that_grows_while_read_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helsefellesskap.io.text import read_bytes

    path = tmp_path / "doc.toml"
    path.write_bytes(b"# a\n")
    _growing_after_its_size_is_read(monkeypatch, path, b"# more\n" * 1000)
    assert read_bytes(path) == b"# a\n" + b"# more\n" * 1000


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helsefellesskap.io.text import read_bytes

    path = tmp_path / "doc.toml"
    path.write_bytes(b"# a\n")
    _growing_after_its_size_is_read(monkeypatch, path, b"#" * MAX_FILE_SIZE)
    with pytest.raises(DataError) as caught:
        read_bytes(path)
    (problem,) = caught.value.problems
    assert problem.file == path
    assert problem.message == "the file grew past the size limit"


def test_a_ten_megabyte_value_is_not_echoed(tmp_path: Path) -> None:
    big = "x" * 10_000_000
    for key in ("status", "deadline", "label"):
        problems = _problems(tmp_path, HEAD + MEASURE + f'{key} = "{big}"\n')
        assert all(len(p) < 400 for p in problems), [p[:200] for p in problems]
    (problem,) = _problems(tmp_path, HEAD.replace('id = "p"', f'id = "{big}"'))
    assert "10,000,000 characters" in problem
    code, err = _cli("check", str(tmp_path / "doc.toml"))
    assert code == 2 and len(err) < 1000


def test_a_bad_id_shows_only_its_beginning() -> None:
    from helsefellesskap import Measure
    from helsefellesskap.model._base import InvalidValue

    with pytest.raises(InvalidValue) as caught:
        Measure(id="X" * 1_000_000, text="T")
    assert len(str(caught.value)) + len(caught.value.hint or "") < 400


@pytest.mark.parametrize(
    ("replace", "path"),
    [
        ("start = 2024", "$.period.start"),
        ("end = 2025", "$.period.end"),
    ],
)
@pytest.mark.parametrize("value", ["18446744073709551616", "1899", "2201", "-2024"])
def test_years_outside_plausible_plan_ranges(
    tmp_path: Path, replace: str, path: str, value: str
) -> None:
    key = replace.split(" = ")[0]
    problems = _problems(tmp_path, HEAD.replace(replace, f"{key} = {value}"))
    assert any(p.startswith(path) for p in problems), problems


@pytest.mark.parametrize("value", ["18446744073709551616", "1899", "99999"])
def test_deadline_years_outside_plausible_ranges(tmp_path: Path, value: str) -> None:
    (problem,) = _problems(tmp_path, HEAD + MEASURE + f"deadline = {value}\n")
    assert "is not a year a plan can name" in problem


def test_a_number_with_thousands_of_digits(tmp_path: Path) -> None:
    path = tmp_path / "doc.toml"
    path.write_text(HEAD + "revised_yearly = " + "9" * 5000 + "\n", "utf-8")
    with pytest.raises(DataError, match="too many digits"):
        load_document(path)


def test_counts_within_sane_ranges(tmp_path: Path) -> None:
    path = tmp_path / "partnership.toml"
    path.write_text(
        'id = "x"\nname = "X"\n[[bodies]]\nid = "b"\nkind = "network"\nname = "B"\n'
        'seats = [{ holder = "x", count = 18446744073709551616, '
        'rights = ["attend", "speak", "vote"] }]\n',
        "utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_partnership(path)
    (problem,) = caught.value.problems
    assert problem.path == "$.bodies[0].seats[0].count"


def test_titles_within_words_limit(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, HEAD.replace('title = "Plan"', f'title = "{"T" * 300}"'))
    assert problem.startswith("$.title: the title is 300 characters long")


@pytest.mark.parametrize("code", ["\\u007f", "\\u0085", "\\u009b", "\\u0080"])
def test_del_and_c1_controls_are_refused_like_other_control_characters(
    tmp_path: Path, code: str
) -> None:
    (problem,) = _problems(tmp_path, HEAD + MEASURE.replace('text = "T"', f'text = "a{code}b"'))
    assert problem.startswith("$.focus_areas[0].goals[0].measures[0].text: the text holds the")
    assert code.replace("\\u", "U+").upper() in problem


def test_del_is_refused_in_json_too() -> None:
    period = {"start": 2024, "end": 2024}
    data = {"kind": "action-plan", "id": "p", "title": "a\x7fb", "period": period}
    with pytest.raises(DataError, match="U\\+007F"):
        loads_json(json.dumps(data))


def test_control_characters_in_a_list_of_texts(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, HEAD + MEASURE + 'details = ["ok", "a\\u007fb"]\n')
    assert problem.startswith("$.focus_areas[0].goals[0].measures[0].details[1]:")


def test_parse_toml_alone_gives_data_errors() -> None:
    with pytest.raises(DataError):
        parse_toml("x = " + "{ a = " * 1000 + "1" + " }" * 1000)


@pytest.mark.parametrize("levels", [20, 400, 3000])
def test_sections_nested_hundreds_deep(tmp_path: Path, levels: int) -> None:
    section = '{"title": "x", "subsections": [' * levels + '{"title": "b"}' + "]}" * levels
    text = (
        '{"kind": "action-plan", "id": "p", "title": "P", "period": {"start": 2024, "end": 2024}, '
        f'"introduction": {section}}}'
    )
    with pytest.raises(DataError):
        loads_json(text)
    path = tmp_path / "deep.json"
    path.write_text(text, "utf-8")
    code, err = _cli("check", str(path))
    assert code == 2 and str(path) in err


# --- Layout and language checked when loading (§5) ---------------------------------------


@pytest.mark.parametrize(
    ("layout", "path", "message"),
    [
        ('measure_columns = ["goal", "measures"]', "$.layout.measure_columns[1]",
         "'measures' is not a column of the measures table"),
        ('language = "klingon"', "$.layout.language",
         "'klingon' is not a language code this library knows"),
    ],
)
def test_layout_is_checked_by_check_with_file_and_path(
    tmp_path: Path, layout: str, path: str, message: str
) -> None:
    file = tmp_path / "partnership.toml"
    file.write_text(f'id = "x"\nname = "X"\n[layout]\n{layout}\n', "utf-8")
    with pytest.raises(DataError) as caught:
        load_partnership(file)
    (problem,) = caught.value.problems
    assert (problem.file, problem.path, problem.message) == (file, path, message)
    code, err = _cli("check", str(tmp_path))
    assert code == 2
    assert f"{file}:4:" in err and f": {path}: {message}" in err


def test_a_documents_language_is_checked_when_loading(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, HEAD + 'language = "klingon"\n')
    assert problem.startswith("$.language: 'klingon' is not a language code")
