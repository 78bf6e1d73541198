"""The JSON Schemas: generated from the model, shipped, declared, and in agreement with the loader.

Every bundled TOML file (the core's national frame, the example, every plugin's data)
names its schema on its first line, is valid under it by ``jsonschema`` and by Taplo's
own checker (what an editor runs), and a sample of the mistakes the loader refuses is
refused by the schema too.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helsefellesskap import DataError, PluginManager
from helsefellesskap.io import structure, structure_document
from helsefellesskap.model import DOCUMENT_TYPES, NationalFrame, Partnership
from helsefellesskap.schema import (
    DRAFT,
    SCHEMA_DIRECTIVE,
    dumps,
    schema_directive,
    schema_file_name,
    schemas,
    shipped_schema_folder,
)
from helsefellesskap.testing import run_cli

REPO = Path(__file__).resolve().parent.parent
SHIPPED = shipped_schema_folder()
BUNDLED = sorted(
    {
        *REPO.glob("examples/eksempel/**/*.toml"),
        *REPO.glob("plugins/*/src/*/data/**/*.toml"),
        *REPO.glob("examples/plugin-template/src/*/data/**/*.toml"),
        REPO / "src" / "helsefellesskap" / "data" / "national.toml",
    }
)


def _taplo() -> str:
    found = shutil.which("taplo") or str(Path(sys.executable).parent / "taplo")
    assert Path(found).is_file(), "taplo is missing: pip install -e '.[dev]' (the taplo package)"
    return found


def _schema_name(file: Path) -> str:
    if file.name == "partnership.toml":
        return "partnership"
    if file.name == "national.toml":
        return "national"
    kind = tomllib.loads(file.read_text("utf-8"))["kind"]
    assert isinstance(kind, str)
    return kind


def _as_json(value: Any) -> Any:
    """TOML data as a JSON document (and Taplo) sees it: dates become their ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [error.message for error in validator.iter_errors(_as_json(data))]


def test_bundled_files_are_found() -> None:
    assert len(BUNDLED) >= 20
    found = {_schema_name(f) for f in BUNDLED}
    assert found <= {"partnership", "national"} | {cls.KIND for cls in DOCUMENT_TYPES}
    assert {"partnership", "national", "declaration", "action-plan", "annual-report"} <= found


def test_shipped_schemas_are_a_fresh_generation() -> None:
    fresh = schemas()
    shipped = {p.name: p.read_text("utf-8") for p in SHIPPED.glob("*.schema.json")}
    assert sorted(shipped) == sorted(schema_file_name(name) for name in fresh), (
        "regenerate: make schemas"
    )
    for name, schema in fresh.items():
        assert shipped[schema_file_name(name)] == dumps(schema), (
            f"{schema_file_name(name)} is out of date with the model: run `make schemas`"
        )


@pytest.mark.parametrize("name", sorted(schemas()))
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = schemas()[name]
    assert schema["$schema"] == DRAFT
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert schema["description"]


def test_schema_follows_the_model() -> None:
    plan = schemas()["action-plan"]
    assert plan["properties"]["kind"] == {
        "const": "action-plan",
        "description": 'which document the file holds: "action-plan"',
    }
    assert plan["required"] == ["kind", "id", "title", "period"]
    measure = plan["$defs"]["Measure"]
    assert measure["description"].startswith("A measure (*tiltak*")
    status = measure["properties"]["status"]
    assert (status["$ref"], status["default"]) == ("#/$defs/MeasureStatus", "planned")
    assert plan["$defs"]["MeasureStatus"]["enum"] == [
        "planned",
        "started",
        "done",
        "postponed",
        "cancelled",
    ]
    assert "`responsible` lists ids" in measure["properties"]["responsible"]["description"]
    assert measure["properties"]["responsible"]["items"]["pattern"].startswith("^[a-z0-9]+")
    deadline = plan["$defs"]["Deadline"]
    assert [form["title"] for form in deadline["oneOf"]] == [
        "a year",
        "a year, as text",
        "a span of years",
        "a date",
        "a phrase with the date it means",
    ]
    kinds = schemas()["partnership"]["$defs"]["PartnerKind"]
    assert "`health-trust`: *helseforetak*, the hospital trust." in kinds["description"]


def test_plugin_document_types_get_schemas_too() -> None:
    manager = PluginManager()
    names = set(schemas(manager.document_types().values()))
    assert {cls.KIND for cls in DOCUMENT_TYPES} <= names


@pytest.mark.parametrize("file", BUNDLED, ids=lambda f: str(f.relative_to(REPO)))
def test_bundled_file_declares_its_schema_on_the_first_line(file: Path) -> None:
    first = file.read_text("utf-8").split("\n", 1)[0]
    expected = schema_directive(file, _schema_name(file), SHIPPED)
    assert first == expected, f"make this the first line of {file.name}: {expected}"
    target = (file.parent / first.removeprefix(SCHEMA_DIRECTIVE)).resolve()
    assert target.is_file()


@pytest.mark.parametrize("file", BUNDLED, ids=lambda f: str(f.relative_to(REPO)))
def test_bundled_file_is_valid_under_its_schema(file: Path) -> None:
    schema = schemas()[_schema_name(file)]
    assert _errors(schema, tomllib.loads(file.read_text("utf-8"))) == []


def test_taplo_finds_every_bundled_file_valid() -> None:
    result = subprocess.run(
        [_taplo(), "check", *map(str, BUNDLED)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "RUST_LOG": "error"},
    )
    assert result.returncode == 0, result.stderr


# Each mistake: (schema, TOML text) that the loader refuses and the schema must refuse too.
_PARTNERSHIP = 'id = "malby"\nname = "Helsefellesskap Malby"\n'
_PLAN = 'kind = "action-plan"\nid = "plan"\ntitle = "Plan"\nperiod = { start = 2025, end = 2026 }\n'
_MEASURE = '[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\ntext = "G"\n'
MISTAKES = {
    "unknown key": ("partnership", _PARTNERSHIP + 'nmae = "x"\n'),
    "unknown key in a partner": (
        "partnership",
        _PARTNERSHIP + '[[partners]]\nid = "unn"\nkind = "health-trust"\nname = "UNN"\nsize = 3\n',
    ),
    "wrong enum": (
        "partnership",
        _PARTNERSHIP
        + '[[partners]]\nid = "unn"\nkind = "health-trust"\nname = "UNN"\nmembership = "party"\n',
    ),
    "wrong type": ("partnership", _PARTNERSHIP + 'established = "2020"\n'),
    "an id with capitals": ("partnership", 'id = "Malby"\nname = "Malby"\n'),
    "a required key missing": ("partnership", 'id = "malby"\n'),
    "an empty title": ("action-plan", _PLAN.replace('title = "Plan"', 'title = " "')),
    "a title on two lines": ("action-plan", _PLAN.replace('"Plan"', '"Plan\\n2025"')),
    "a date and time for a date": ("action-plan", _PLAN + "adopted = 2025-01-01T10:00:00\n"),
    "a phrase deadline without its date": (
        "action-plan",
        _PLAN + _MEASURE + '[[focus_areas.goals.measures]]\nid = "m"\ntext = "M"\n'
        'deadline = "snart"\n',
    ),
    "a deadline that is a boolean": (
        "action-plan",
        _PLAN + _MEASURE + '[[focus_areas.goals.measures]]\nid = "m"\ntext = "M"\n'
        "deadline = true\n",
    ),
    "a negative count": (
        "annual-report",
        'kind = "annual-report"\nid = "r"\ntitle = "R"\nyear = 2024\n'
        '[[meetings]]\nbody = "ssu"\ncount = -1\n',
    ),
    "a part a layout cannot omit": ("partnership", _PARTNERSHIP + '[layout]\nomit = ["logo"]\n'),
    "a column the table does not have": (
        "partnership",
        _PARTNERSHIP + '[layout]\nmeasure_columns = ["goal", "budget"]\n',
    ),
    "a language code that is none": ("action-plan", _PLAN + 'language = "norsk"\n'),
    "a link that is not a web page": ("partnership", _PARTNERSHIP + 'url = "javascript:x()"\n'),
    "a year out of range": ("action-plan", _PLAN.replace("start = 2025", "start = 25")),
    "a title too long for Word": ("action-plan", _PLAN.replace('"Plan"', '"' + "x" * 300 + '"')),
}


def _load(name: str, text: str) -> object:
    data = tomllib.loads(text)
    if name == "partnership":
        return structure(data, Partnership)
    return structure_document(data)


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_what_the_loader_refuses_the_schema_refuses(mistake: str) -> None:
    name, text = MISTAKES[mistake]
    with pytest.raises(DataError):
        _load(name, text)
    assert _errors(schemas()[name], tomllib.loads(text)) != []


def test_taplo_refuses_what_the_loader_refuses(tmp_path: Path) -> None:
    files = []
    for index, mistake in enumerate(sorted(MISTAKES)):
        name, text = MISTAKES[mistake]
        file = tmp_path / f"mistake-{index}.toml"
        file.write_text(schema_directive(file, name, SHIPPED) + "\n" + text, "utf-8")
        files.append(file)
    for file in files:
        result = subprocess.run(
            [_taplo(), "check", str(file)],
            capture_output=True,
            text=True,
            env={**os.environ, "RUST_LOG": "error"},
        )
        assert result.returncode != 0, f"taplo accepted {file.read_text('utf-8')}"
    good = tmp_path / "good.toml"
    good.write_text(schema_directive(good, "action-plan", SHIPPED) + "\n" + _PLAN, "utf-8")
    result = subprocess.run([_taplo(), "check", str(good)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_national_frame_loads_and_validates() -> None:
    file = REPO / "src" / "helsefellesskap" / "data" / "national.toml"
    data = tomllib.loads(file.read_text("utf-8"))
    structure(data, NationalFrame)
    assert _errors(schemas()["national"], data) == []


def test_schema_command_prints_one_schema() -> None:
    result = run_cli("schema", "action-plan")
    assert result.code == 0, result.stderr
    assert result.stdout == dumps(schemas()["action-plan"])


def test_schema_command_writes_every_schema(tmp_path: Path) -> None:
    result = run_cli("schema", "-o", str(tmp_path / "schemas"))
    assert result.code == 0, result.stderr
    names = set(schemas(PluginManager().document_types().values()))
    written = {p.name for p in (tmp_path / "schemas").iterdir()}
    assert written == {schema_file_name(name) for name in names}
    assert f"wrote {tmp_path / 'schemas' / 'partnership.schema.json'}" in result.stdout


def test_schema_command_unknown_type_suggests_the_closest() -> None:
    result = run_cli("schema", "action-plna")
    assert result.code == 2
    assert "error: no schema 'action-plna' (did you mean \"action-plan\"?" in result.stderr
    bare = run_cli("schema")
    assert bare.code == 2
    assert "name one TYPE to print" in bare.stderr
