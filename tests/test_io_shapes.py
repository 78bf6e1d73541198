"""A wrong shape is an error with its path and a hint, never split up or coerced (issue 12 §1).

Each case is checked in both converters: TOML files and JSON text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helsefellesskap import DataError, Partnership, Problem, load_document
from helsefellesskap.io import loads_json, parse_toml, structure

PLAN = {
    "kind": "action-plan",
    "id": "p",
    "title": "Plan",
    "period": {"start": 2024, "end": 2025},
}
MEASURE_PATH = "$.focus_areas[0].goals[0].measures[0]"


def _plan_with_measure(**measure: Any) -> dict[str, Any]:
    goal = {"id": "g", "text": "G", "measures": [{"id": "m", "text": "T", **measure}]}
    return {**PLAN, "focus_areas": [{"id": "a", "title": "A", "goals": [goal]}]}


def _toml_problems(tmp_path: Path, data: dict[str, Any]) -> list[Problem]:
    import tomli_w

    path = tmp_path / "doc.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    with pytest.raises(DataError) as caught:
        load_document(path)
    assert all(p.file == path for p in caught.value.problems)
    return list(caught.value.problems)


def _json_problems(data: dict[str, Any], cls: type[Any] | None = None) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        loads_json(json.dumps(data), cls)
    return list(caught.value.problems)


def _both(tmp_path: Path, data: dict[str, Any]) -> list[Problem]:
    """The problems of ``data`` as TOML and as JSON, checked to be the same."""
    toml = _toml_problems(tmp_path, data)
    as_json = _json_problems(data)
    assert [(p.path, p.message, p.hint) for p in toml] == [
        (p.path, p.message, p.hint) for p in as_json
    ]
    return toml


def test_text_where_a_list_of_texts_belongs_is_not_split_into_letters(tmp_path: Path) -> None:
    (problem,) = _both(tmp_path, _plan_with_measure(details="Felles opplæring"))
    assert problem.path == f"{MEASURE_PATH}.details"
    assert problem.message == "expected a list, got the text 'Felles opplæring'"
    assert problem.hint == 'write ["Felles opplæring"]'


@pytest.mark.parametrize("value", ["ssu", "vesterfjord-hf"])
def test_one_id_where_a_list_of_ids_belongs(tmp_path: Path, value: str) -> None:
    (problem,) = _both(tmp_path, _plan_with_measure(responsible=value))
    assert problem.path == f"{MEASURE_PATH}.responsible"
    assert problem.message == f"expected a list, got the text {value!r}"
    assert problem.hint == f'write ["{value}"]'


def test_table_where_a_list_of_tables_belongs(tmp_path: Path) -> None:
    data = {**PLAN, "focus_areas": {"id": "a", "title": "A"}}
    (problem,) = _both(tmp_path, data)
    assert problem.path == "$.focus_areas"
    assert problem.message == "expected a list, got a table"
    assert problem.hint is not None and "[[focus_areas]]" in problem.hint


def test_list_where_a_table_belongs(tmp_path: Path) -> None:
    (problem,) = _both(tmp_path, {**PLAN, "basis": ["erklaering"]})
    assert problem.path == "$.basis"
    assert problem.message == "expected a table, got a list"
    assert problem.hint is not None and "[basis]" in problem.hint


@pytest.mark.parametrize(
    ("value", "described"), [("2024-2025", "the text '2024-2025'"), (2024, "the integer 2024")]
)
def test_value_where_a_table_belongs(tmp_path: Path, value: Any, described: str) -> None:
    data = {**PLAN, "period": value}
    (problem,) = _both(tmp_path, data)
    assert problem.path == "$.period"
    assert problem.message == f"expected a table, got {described}"


def test_number_where_a_section_belongs_names_no_python_internals(tmp_path: Path) -> None:
    (problem,) = _both(tmp_path, {**PLAN, "introduction": 3})
    assert problem.path == "$.introduction"
    assert problem.message == "expected a table, got the integer 3"
    assert "argument of type" not in str(problem)


def test_list_of_lists_where_texts_belong(tmp_path: Path) -> None:
    (problem,) = _both(tmp_path, _plan_with_measure(details=["a", ["b"]]))
    assert problem.path == f"{MEASURE_PATH}.details[1]"
    assert problem.message == "expected text, got a list"


def test_every_wrong_element_is_reported(tmp_path: Path) -> None:
    problems = _both(tmp_path, _plan_with_measure(notes=[1, "ok", True]))
    assert [p.path for p in problems] == [f"{MEASURE_PATH}.notes[0]", f"{MEASURE_PATH}.notes[2]"]


def test_text_where_a_list_of_kinds_belongs(tmp_path: Path) -> None:
    path = tmp_path / "partnership.toml"
    path.write_text(
        'id = "x"\nname = "X"\n[[groups]]\nid = "k"\nname = "Kommunene"\nkinds = "municipality"\n',
        "utf-8",
    )
    with pytest.raises(DataError) as caught:
        structure(parse_toml(path.read_text("utf-8")), Partnership, file=path)
    (problem,) = caught.value.problems
    assert problem.path == "$.groups[0].kinds"
    assert problem.hint == 'write ["municipality"]'


@pytest.mark.parametrize(
    ("key", "value", "path", "message"),
    [
        ("rules", ["a"], "$.rules", "expected a table, got a list"),
        ("rules", "HF001", "$.rules", "expected a table, got the text 'HF001'"),
        ("layout", ["a"], "$.layout", "expected a table, got a list"),
    ],
)
def test_partnership_mappings_and_tables_are_strict(
    key: str, value: Any, path: str, message: str
) -> None:
    data = {"id": "x", "name": "X", key: value}
    (problem,) = _json_problems(data, Partnership)
    assert (problem.path, problem.message) == (path, message)


def test_text_where_a_name_table_belongs_in_a_partner() -> None:
    data = {
        "id": "x",
        "name": "X",
        "partners": [{"id": "a", "kind": "other", "name": "A", "names": "Sámi"}],
    }
    (problem,) = _json_problems(data, Partnership)
    assert problem.path == "$.partners[0].names"
    assert problem.message == "expected a table, got the text 'Sámi'"


def test_wrong_value_in_a_mapping_names_its_key() -> None:
    data = {"id": "x", "name": "X", "partners": [
        {"id": "a", "kind": "other", "name": "A", "names": {"se": 3}}
    ]}
    (problem,) = _json_problems(data, Partnership)
    assert problem.path == "$.partners[0].names.se"
    assert problem.message == "expected text, got the integer 3"


def test_number_where_an_enum_belongs(tmp_path: Path) -> None:
    (problem,) = _both(tmp_path, _plan_with_measure(status=3))
    assert problem.path == f"{MEASURE_PATH}.status"
    assert problem.message.startswith('expected one of the words "planned"')


def test_json_null_where_a_list_belongs() -> None:
    (problem,) = _json_problems(_plan_with_measure(details=None))
    assert problem.path == f"{MEASURE_PATH}.details"
    assert problem.message == "expected a list, got nothing (null)"


def _raising(error: Exception) -> type[Any]:
    import attrs

    def refuse(_instance: object, _attribute: object, _value: object) -> None:
        raise error

    @attrs.frozen(kw_only=True)
    class PluginThing:
        name: str = attrs.field(validator=refuse)

    return PluginThing


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (TypeError("argument of type 'int' is not iterable"), "the wrong type or shape"),
        (AttributeError("'NoneType' object has no attribute 'x'"), "the wrong type or shape"),
        (RuntimeError("boom"), "could not be read here"),
        (ValueError("must be one of a, b"), "must be one of a, b"),
    ],
)
def test_a_plugin_validators_python_error_becomes_a_problem(error: Exception, message: str) -> None:
    """A plugin type's validator that raises Python's own errors: a problem with the path
    in words of the data, never Python's words nor a traceback (issue 12 §6)."""
    with pytest.raises(DataError) as caught:
        structure({"name": "x"}, _raising(error))
    (problem,) = caught.value.problems
    assert message in problem.message
    for internal in ("argument of type", "NoneType", "object has no attribute"):
        assert internal not in str(problem)
