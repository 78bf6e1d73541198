"""The versioned JSON shapes of results, and the JSON Schema of each.

Every result the command line prints as JSON is built by the API: the command only prints
``dumps(result.to_json())``. Each shape has a ``format`` and a ``version`` key; the
version is raised only when a key changes meaning or goes away. The JSON Schemas ship
with the package (:func:`schema`).

======================  ==============================================================
``format``              built by
======================  ==============================================================
helsefellesskap-validation  :meth:`helsefellesskap.validate.ValidationReport.to_json`
helsefellesskap-check   :meth:`CheckResult.to_json`
helsefellesskap-coverage  :func:`coverage_json`
helsefellesskap-status  :func:`status_json`
helsefellesskap-diff    :func:`diff_json`
======================  ==============================================================
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .check import CheckResult, problem_json

if TYPE_CHECKING:
    from .diff import diff_json
    from .followup import coverage_json, plan_reports_json, status_json

_LAZY = {
    "diff_json": ".diff",
    "coverage_json": ".followup",
    "plan_reports_json": ".followup",
    "status_json": ".followup",
}
"""The shapes built from follow-up results, imported when first asked for: ``check``
needs only its own shape, not the follow-up package (issue 11 §3)."""


def __getattr__(name: str) -> Any:
    """The follow-up shapes of :data:`_LAZY`, imported when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SHAPES",
    "CheckResult",
    "coverage_json",
    "diff_json",
    "dumps",
    "plan_reports_json",
    "problem_json",
    "schema",
    "status_json",
]

SHAPES = ("validation", "check", "coverage", "status", "diff")
"""The names of the shapes that have a JSON Schema (``validation.schema.json`` …)."""


def dumps(data: Any) -> str:
    """JSON text as the command line prints it: indented by two, letters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2)


@cache
def _schema_text(name: str) -> str:
    # the package's own folder, without importlib.resources (tens of imports at start-up)
    return (Path(__file__).parent / f"{name}.schema.json").read_text("utf-8")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of shape ``name`` (one of :data:`SHAPES`), a fresh copy."""
    if name not in SHAPES:
        raise ValueError(f"no JSON shape {name!r}: the shapes are {', '.join(SHAPES)}")
    data: dict[str, Any] = json.loads(_schema_text(name))
    return data
