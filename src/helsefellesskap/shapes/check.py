"""The result of loading a partnership or document: what ``check --format json`` prints."""

from __future__ import annotations

import json
from typing import Any

import attrs

from ..errors import DataError, Problem
from ..model import Document

__all__ = ["JSON_FORMAT", "JSON_VERSION", "CheckResult", "problem_json"]

JSON_FORMAT = "helsefellesskap-check"
"""The ``format`` of ``check --format json`` output."""

JSON_VERSION = 1
"""The version of that format: raised when a key changes meaning or goes away."""


def problem_json(problem: Problem) -> dict[str, Any]:
    """A loading problem as JSON data (:meth:`Problem.as_dict`)."""
    return dict(problem.as_dict())


@attrs.frozen(kw_only=True)
class CheckResult:
    """Whether data loaded: the partnership's id and the documents, or the problems."""

    partnership: str | None = None
    documents: tuple[Document, ...] = ()
    problems: tuple[Problem, ...] = ()

    @classmethod
    def from_error(cls, error: DataError) -> CheckResult:
        """The result of data that did not load."""
        return cls(problems=error.problems)

    @property
    def ok(self) -> bool:
        """Whether the data loaded."""
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data (``check.schema.json``)."""
        return {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "ok": self.ok,
            "partnership": self.partnership,
            "documents": [{"id": d.id, "kind": d.KIND, "title": d.title} for d in self.documents],
            "problems": [problem_json(p) for p in self.problems],
        }

    def dumps(self) -> str:
        """:meth:`to_json` as the text ``check --format json`` prints."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)
