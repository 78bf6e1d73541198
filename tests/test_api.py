"""The public API: everything in ``__all__`` is importable, typed, documented and light."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import helsefellesskap


def test_everything_in_all_exists_and_is_documented() -> None:
    for name in helsefellesskap.__all__:
        assert hasattr(helsefellesskap, name), name
        item = getattr(helsefellesskap, name)
        if inspect.isclass(item) or inspect.isfunction(item):
            assert inspect.getdoc(item), f"{name} has no docstring"


def test_package_is_typed() -> None:
    assert (Path(helsefellesskap.__file__).parent / "py.typed").is_file()


def test_import_is_light() -> None:
    code = (
        "import sys, helsefellesskap;"
        "heavy = sorted(m for m in ('jinja2', 'docx', 'lxml', 'hypothesis') if m in sys.modules);"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_toml_keys_are_the_attribute_names() -> None:
    """No field is renamed between Python and TOML, so error paths need no translation."""
    import attrs

    from helsefellesskap.model import DOCUMENT_TYPES, NationalFrame, Partnership

    seen: set[type] = set()

    def visit(cls: type) -> None:
        if cls in seen or not attrs.has(cls):
            return
        seen.add(cls)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            assert field.alias == field.name, f"{cls.__name__}.{field.name} has alias {field.alias}"
            assert field.name.isidentifier() and not field.name.startswith("_")
            for inner in _classes_in(field.type):
                visit(inner)

    for cls in (*DOCUMENT_TYPES, Partnership, NationalFrame):
        attrs.resolve_types(cls)
        visit(cls)
    assert len(seen) > 20


def _classes_in(tp: object) -> list[type]:
    import typing

    found: list[type] = []
    if isinstance(tp, type):
        found.append(tp)
    for arg in typing.get_args(tp):
        found.extend(_classes_in(arg))
    return found


def test_subpackages_are_not_shadowed_by_functions() -> None:
    import types

    import helsefellesskap.render
    import helsefellesskap.validate

    assert isinstance(helsefellesskap.render, types.ModuleType)
    assert isinstance(helsefellesskap.validate, types.ModuleType)
    assert callable(helsefellesskap.render.render)
    assert callable(helsefellesskap.validate.validate)


def test_report_modules_are_not_shadowed_by_their_functions() -> None:
    import importlib
    import types

    from helsefellesskap import followup

    for name in ("revisions", "tracing", "status"):
        module = importlib.import_module(f"helsefellesskap.followup.{name}")
        assert getattr(followup, name) is module, name
        assert isinstance(module, types.ModuleType)
    assert callable(followup.diff) and callable(followup.coverage)


def test_the_core_names_no_partnership() -> None:
    """Whatever one partnership needs belongs in its plugin; the core serves them all."""
    import re

    core = Path(helsefellesskap.__file__).parent
    pattern = re.compile(r"troms|ofoten|helgeland|ishavs", re.IGNORECASE)
    named = [
        f"{path.relative_to(core)}:{number}"
        for path in sorted(core.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".toml", ".j2", ".css"}
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert named == []
