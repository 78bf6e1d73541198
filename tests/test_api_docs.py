"""docs/api.md: its example runs, and every name it shows is importable (issue 20 §8)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

import helsefellesskap
from helsefellesskap import UsageError, load_bundle
from helsefellesskap.validate import validate

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "api.md"


def test_the_example_runs_and_prints_what_validate_prints() -> None:
    code = re.search(r"```python\n(.*?)```", PAGE.read_text("utf-8"), re.S)
    assert code is not None
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), str(PAGE), "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue().startswith('{\n  "format": "helsefellesskap-validation"')


def test_every_function_the_page_names_exists() -> None:
    text = PAGE.read_text("utf-8")
    named = set(re.findall(r"`([a-z_]+)\(", text))
    assert {"loads", "load_bundle_from_zip", "render_to", "default_manager"} <= named
    from helsefellesskap import io as hio
    from helsefellesskap import render as hrender
    from helsefellesskap import shapes

    places = (helsefellesskap, hio, hrender, shapes)
    known = {"validate", "save", "evolve", "schema", "to_json", "dumps", "from_error"}
    for name in named - known:
        assert any(hasattr(place, name) for place in places), name


def test_the_page_is_in_the_navigation() -> None:
    assert "api.md" in (ROOT / "mkdocs.yml").read_text("utf-8").split("nav:")[1]


def test_validate_refuses_an_unknown_document_with_a_did_you_mean() -> None:
    bundle = load_bundle(ROOT / "examples" / "eksempel")
    with pytest.raises(UsageError) as caught:
        validate(bundle, documents=["handlingsplan-2024-2052"])
    assert 'did you mean "handlingsplan-2024-2025"?' in str(caught.value)
    with pytest.raises(UsageError, match="a list of ids"):
        validate(bundle, documents="handlingsplan-2024-2025")
    assert validate(bundle, documents=[bundle.partnership.id]).partnership == "eksempel"


def test_the_document_docstring_names_the_class_constant() -> None:
    doc = helsefellesskap.Document.__doc__ or ""
    assert "``KIND``" in doc and "``kind`` (a class constant" not in doc
    assert helsefellesskap.ActionPlan.KIND == "action-plan"
