"""Meta-tests of the hook reference in docs/plugins.md (as datasette does for its hooks)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from helsefellesskap import hookspecs
from helsefellesskap.plugins import hook_names

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"


def _sections() -> dict[str, str]:
    """The text under each ``### `hf_…` `` heading of the hook reference."""
    text = DOCS.read_text("utf-8")
    reference = text.split("\n## Hook reference\n", 1)[1]
    parts = re.split(r"^### `(hf_\w+)`\n", reference, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _signature(name: str) -> str:
    function = getattr(hookspecs, name)
    parameters = ", ".join(
        f"{p.name}: {p.annotation}" for p in inspect.signature(function).parameters.values()
    )
    return f"def {name}({parameters}) -> {function.__annotations__['return']}:"


def test_reference_documents_exactly_the_hooks() -> None:
    assert sorted(_sections()) == sorted(hook_names())


@pytest.mark.parametrize("name", hook_names())
def test_hook_is_documented_with_its_exact_signature(name: str) -> None:
    section = _sections()[name]
    assert f"```python\n@hookimpl\n{_signature(name)}\n```" in section


@pytest.mark.parametrize("name", hook_names())
def test_hook_documentation_says_what_its_docstring_says(name: str) -> None:
    docstring = inspect.getdoc(getattr(hookspecs, name)) or ""
    summary = docstring.splitlines()[0].replace("``", "`")
    assert summary in " ".join(_sections()[name].split())


@pytest.mark.parametrize("name", hook_names())
def test_first_result_hooks_say_so(name: str) -> None:
    spec = getattr(getattr(hookspecs, name), f"{hookspecs.PROJECT_NAME}_spec")
    stops = "Stops at the first" in _sections()[name]
    assert stops is bool(spec["firstresult"])


@pytest.mark.parametrize("name", hook_names())
def test_hookspec_docstring_has_an_example(name: str) -> None:
    docstring = inspect.getdoc(getattr(hookspecs, name)) or ""
    assert "Example::" in docstring
    assert f"@hookimpl\n    def {name}(" in docstring
    assert ":return:" in docstring
