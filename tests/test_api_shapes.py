"""The JSON the command line prints is the API's shape, byte for byte, and matches the
JSON Schema that ships with the package (issue 20 §1)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from helsefellesskap import default_manager, load_bundle
from helsefellesskap.cli import main
from helsefellesskap.io.installed import load_installed
from helsefellesskap.shapes import SHAPES, CheckResult, schema
from helsefellesskap.validate import ValidationReport, validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
BUNDLED = ("helgeland", "troms-ofoten")


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def _check(name: str, data: object) -> None:
    jsonschema.Draft202012Validator(schema(name)).validate(data)


@pytest.mark.parametrize("schema_name", SHAPES)
def test_every_schema_is_a_valid_json_schema(schema_name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(schema_name))


@pytest.mark.parametrize("target", [str(EXAMPLE), *BUNDLED])
@pytest.mark.parametrize("strict", [False, True])
def test_validate_json_is_the_reports_json_byte_for_byte(target: str, strict: bool) -> None:
    manager = default_manager()
    bundle = load_bundle(target) if "/" in target else load_installed(target, manager)
    report = validate(bundle, manager=manager)
    code, out = _cli("validate", target, "--format", "json", *(["--strict"] if strict else []))
    assert out == report.dumps(strict=strict) + "\n"
    assert code == (1 if report.failed(strict) else 0)
    _check("validation", json.loads(out))


def test_validate_json_of_data_that_does_not_load(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    plan = root / "plans" / "handlingsplan-2024-2025.toml"
    plan.write_text(plan.read_text("utf-8").replace("\ntitle = ", "\ntitel = ", 1), "utf-8")
    code, out = _cli("validate", str(root), "--format", "json")
    assert code == 2
    data = json.loads(out)
    _check("validation", data)
    (problem,) = data["problems"]
    assert problem["path"] == "$.titel" and problem["file"] == str(plan)
    assert problem["line"] == 2 + plan.read_text("utf-8").split("\ntitel = ")[0].count("\n")
    assert problem["column"] == 1
    with pytest.raises(Exception) as caught:
        load_bundle(root)
    assert out == ValidationReport.from_error(caught.value).dumps() + "\n"  # type: ignore[arg-type]


def test_validate_json_findings_have_line_and_column() -> None:
    report = validate(load_bundle(EXAMPLE), manager=default_manager())
    data = report.to_json()
    assert data["findings"]
    assert all(f["line"] is not None and f["column"] is not None for f in data["findings"])


@pytest.mark.parametrize("target", [str(EXAMPLE), *BUNDLED])
def test_check_json_is_the_check_result(target: str) -> None:
    manager = default_manager()
    bundle = load_bundle(target) if "/" in target else load_installed(target, manager)
    code, out = _cli("check", target, "--format", "json")
    assert code == 0
    expected = CheckResult(partnership=bundle.partnership.id, documents=bundle.documents)
    assert out == expected.dumps() + "\n"
    _check("check", json.loads(out))


def test_check_json_of_bad_data_matches_the_schema(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('kind = "action-plan"\nid = "p"\ntitle = 3\n', "utf-8")
    code, out = _cli("check", str(plan), "--format", "json")
    assert code == 2
    data = json.loads(out)
    _check("check", data)
    assert data["ok"] is False
    assert {"path": "$.title", "line": 3, "column": 1}.items() <= next(
        p for p in data["problems"] if p["path"] == "$.title"
    ).items()


def test_the_schemas_ship_with_the_package() -> None:
    import helsefellesskap.shapes as shapes

    folder = Path(shapes.__file__).parent
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(
        f"{name}.schema.json" for name in SHAPES
    )
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"shapes/*.schema.json"' in text


@pytest.mark.parametrize("target", [str(EXAMPLE), *BUNDLED])
def test_coverage_and_status_json_are_the_apis_shapes(target: str) -> None:
    import datetime as dt

    from helsefellesskap.shapes import coverage_json, dumps, status_json

    manager = default_manager()
    bundle = load_bundle(target) if "/" in target else load_installed(target, manager)
    code, out = _cli("coverage", target, "--format", "json")
    assert code == 0 and out == dumps(coverage_json(bundle)) + "\n"
    _check("coverage", json.loads(out))
    code, out = _cli("status", target, "--format", "json", "--on", "2025-03-01")
    assert code == 0
    assert out == dumps(status_json(bundle, on=dt.date(2025, 3, 1))) + "\n"
    _check("status", json.loads(out))


def test_diff_json_matches_its_schema(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    plan = new / "plans" / "handlingsplan-2024-2025.toml"
    plan.write_text(plan.read_text("utf-8").replace('status = "started"', 'status = "done"', 1))
    (new / "consultations" / "innspill-2023.toml").unlink()
    code, out = _cli("diff", str(EXAMPLE), str(new), "--format", "json")
    data = json.loads(out)
    _check("diff", data)
    assert data["changed"] is True and code == 1
    assert data["removed_documents"] == [{"kind": "consultation-response", "id": "innspill-2023"}]
    from helsefellesskap.followup import diff_bundles
    from helsefellesskap.shapes import diff_json, dumps

    old, new_bundle = load_bundle(EXAMPLE), load_bundle(new)
    result = diff_bundles(old, new_bundle, all_fields=False)
    assert out == dumps(diff_json(result, old, new_bundle, (str(EXAMPLE), str(new)))) + "\n"
