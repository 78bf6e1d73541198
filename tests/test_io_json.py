"""JSON in and out are symmetric (issue 12 §6): what ``save`` writes as JSON and what
``render -f json`` writes both load again, in the API and in every command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helsefellesskap import (
    ActionPlan,
    DataError,
    Declaration,
    Partnership,
    PluginManager,
    dumps_json,
    load_document,
    loads_json,
    save,
)
from helsefellesskap.cli import main
from helsefellesskap.render import render

MANAGER = PluginManager()
BUNDLES = {p: MANAGER.load_partnership(p) for p in sorted(MANAGER.partnerships())}
DOCUMENTS = [(p, d) for p, b in BUNDLES.items() for d in b.documents]


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("partnership", "document"), DOCUMENTS, ids=[d.id for _, d in DOCUMENTS])
def test_load_document_reads_what_save_wrote_as_json(
    tmp_path: Path, partnership: str, document: object
) -> None:
    path = save(document, tmp_path / "x.json")  # type: ignore[arg-type]
    assert load_document(path, types=MANAGER.document_types()) == document


@pytest.mark.parametrize(("partnership", "document"), DOCUMENTS, ids=[d.id for _, d in DOCUMENTS])
def test_the_json_render_format_loads_back(partnership: str, document: object) -> None:
    bundle = BUNDLES[partnership]
    data = render(document, "json", bundle=bundle, manager=MANAGER)  # type: ignore[arg-type]
    assert loads_json(data, types=MANAGER.document_types()) == document
    assert loads_json(data, type(document), types=MANAGER.document_types()) == document


def test_the_governance_envelope_loads_as_the_partnership() -> None:
    bundle = BUNDLES["troms-ofoten"]
    data = render(bundle.partnership, "json", bundle=bundle, manager=MANAGER)
    assert loads_json(data, Partnership) == bundle.partnership
    with pytest.raises(DataError, match="holds a partnership"):
        loads_json(data)


def test_loads_json_with_a_class_accepts_its_kind() -> None:
    plan = next(d for _, d in DOCUMENTS if isinstance(d, ActionPlan))
    text = dumps_json(plan)
    assert '"kind": "action-plan"' in text
    assert loads_json(text, ActionPlan) == plan
    with pytest.raises(DataError) as caught:
        loads_json(text, Declaration)
    (problem,) = caught.value.problems
    assert problem.path == "$.kind"
    assert "not 'declaration'" in problem.message


def test_an_envelope_of_another_version_is_a_data_error() -> None:
    text = '{"format": "helsefellesskap.document", "version": 9, "kind": "x", "document": {}}'
    with pytest.raises(DataError) as caught:
        loads_json(text)
    assert caught.value.problems[0].path == "$.version"


@pytest.fixture
def plan_json(tmp_path: Path) -> Path:
    """A bundled plan saved as JSON outside its partnership folder."""
    plan = next(
        d for p, d in DOCUMENTS if isinstance(d, ActionPlan) and p == "troms-ofoten"
    )
    return save(plan, tmp_path / "plan.json")


@pytest.mark.parametrize("command", [["check"], ["validate"]])
def test_check_and_validate_accept_a_json_document(plan_json: Path, command: list[str]) -> None:
    code, _out, err = _cli(*command, str(plan_json))
    assert code in (0, 1), err
    assert "TOML" not in err


def test_render_accepts_a_json_document(plan_json: Path, tmp_path: Path) -> None:
    code, _out, err = _cli("render", "-f", "md", str(plan_json), "-o", str(tmp_path / "p.md"))
    assert code == 0, err
    assert (tmp_path / "p.md").read_text("utf-8").startswith("# ")


def test_render_json_output_checks_again(plan_json: Path, tmp_path: Path) -> None:
    rendered = tmp_path / "rendered.json"
    code, _out, err = _cli("render", "-f", "json", str(plan_json), "-o", str(rendered))
    assert code == 0, err
    code, _out, err = _cli("check", str(rendered))
    assert code == 0, err


def test_broken_json_is_a_json_error_not_a_toml_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"kind": "action-plan",\n "id": }', "utf-8")
    code, _out, err = _cli("check", str(path))
    assert code == 2
    assert "JSON syntax error" in err and "TOML" not in err
    assert f"{path}:2:" in err


def test_a_json_file_in_a_partnership_folder_is_the_one_checked(
    tmp_path: Path, example_folder: Path
) -> None:
    import shutil

    folder = tmp_path / "p"
    shutil.copytree(example_folder, folder)
    plan = load_document(folder / "plans" / "handlingsplan-2024-2025.toml")
    path = folder / "plans" / "kopi.json"
    save(plan, path)
    text = path.read_text("utf-8").replace('"title": "', '"title": 3, "x": "', 1)
    path.write_text(text, "utf-8")
    code, _out, err = _cli("check", str(path))
    assert code == 2
    assert f"{path}: $.title: expected text, got the integer 3" in err
