"""Validation findings and the rules that produce them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..model import Severity

if TYPE_CHECKING:
    from .context import ValidationContext

__all__ = [
    "Finding",
    "Rule",
    "RuleCheck",
    "Settling",
    "copy_finding",
    "new_finding",
    "sort_findings",
    "sort_settling",
]

_PATH_PART = re.compile(r"[^\[\].]+")
"""A step of a path between its ``.``, ``[`` and ``]``: a key or a list index."""

_Order = tuple[str, tuple[tuple[int, str], ...], str, str]


def _step_order(step: str) -> tuple[int, str]:
    return (int(step), "") if step.isdigit() else (-1, step)


def _path_order(path: str, steps: dict[str, tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """The order of ``path``'s steps; ``steps`` keeps each step's order."""
    order = []
    for step in _PATH_PART.findall(path):
        found = steps.get(step)
        if found is None:
            found = steps[step] = _step_order(step)
        order.append(found)
    return tuple(order)


def _order(
    file: Path | None, path: str, code: str, message: str, steps: dict[str, tuple[int, str]]
) -> _Order:
    """:meth:`Finding.order_key` of these fields; ``steps`` keeps each step's order."""
    return (str(file or ""), _path_order(path, steps), code, message)


class _SortKeys:
    """:meth:`Finding.order_key` for the findings of one sort, each path's order and
    each file's name worked out once (findings of a file share it, and many share a
    path: a measure's several findings)."""

    __slots__ = ("_files", "_paths", "_steps")

    def __init__(self) -> None:
        self._steps: dict[str, tuple[int, str]] = {}
        self._paths: dict[str, tuple[tuple[int, str], ...]] = {}
        self._files: dict[Path | None, str] = {}

    def settling_key(self, settling: Settling) -> _Order:
        """:meth:`Finding.order_key` of a settling finding, with the file it is to have
        (this runs once per finding of a run)."""
        finding, _severity, file = settling
        path = finding.path
        order = self._paths.get(path)
        if order is None:
            order = self._paths[path] = _path_order(path, self._steps)
        name = self._files.get(file)
        if name is None:
            name = self._files[file] = str(file or "")
        return (name, order, finding.code, finding.message)


RuleCheck = Callable[["ValidationContext"], Iterable["Finding"]]
"""A rule's check: it reads the context and yields findings."""


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found: its code, severity, where it is and what to do.

    ``path`` is in TOML keys from the document's root (``$.focus_areas[0].goals[1]``).
    ``document`` is the id of the document (the partnership's id for ``partnership.toml``).
    ``line`` and ``column`` (from 1) are where the path's key or table header is written
    in the file, filled in by :func:`~helsefellesskap.validate.validate` where the file's
    text is known.
    """

    code: str
    severity: Severity
    message: str
    path: str = "$"
    document: str | None = None
    file: Path | None = None
    suggestion: str | None = None
    line: int | None = None
    column: int | None = None

    def sort_key(self) -> tuple[str, str, str]:
        """Order by file, then path, then code (paths compared as text)."""
        return (str(self.file or ""), self.path, self.code)

    def order_key(self) -> _Order:
        """Order by file, then path with list indexes compared as numbers
        (``[2]`` before ``[10]``), then code, then message."""
        return _order(self.file, self.path, self.code, self.message, {})

    def placed(self, severity: Severity, file: Path | None) -> Finding:
        """This finding with its severity and file set (by the engine, from the
        partnership's settings and the document's file), in one construction: this runs
        for nearly every finding, where ``attrs.evolve`` costs twice as much."""
        if type(self) is not Finding:  # a plugin's subclass keeps its own fields
            return attrs.evolve(self, severity=severity, file=file)
        return copy_finding(self, severity, file, self.line, self.column)

    def at(self, line: int, column: int) -> Finding:
        """This finding at ``line`` and ``column`` of its file, in one construction."""
        if type(self) is not Finding:
            return attrs.evolve(self, line=line, column=column)
        return copy_finding(self, self.severity, self.file, line, column)

    def settled(
        self, severity: Severity, file: Path | None, line: int | None, column: int | None
    ) -> Finding:
        """This finding with its severity, file, line and column set (what
        :meth:`placed` and then :meth:`at` give), in one construction; itself where
        they are its own."""
        if (
            severity is self.severity
            and file is self.file
            and line == self.line
            and column == self.column
        ):
            return self
        if type(self) is not Finding:
            return attrs.evolve(self, severity=severity, file=file, line=line, column=column)
        return copy_finding(self, severity, file, line, column)


_FIELDS = ("code", "severity", "message", "path", "document", "file", "suggestion", "line")
assert tuple(f.name for f in attrs.fields(Finding)) == (*_FIELDS, "column")
# A finding is copied by setting its slots (Finding has no validators nor converters,
# so this is what its __init__ does, without the keyword arguments): twice as fast.
_new = object.__new__
(_code, _severity, _message, _path, _document, _file, _suggestion, _line, _column) = (
    getattr(Finding, name).__set__ for name in (*_FIELDS, "column")
)


def copy_finding(
    old: Finding, severity: Severity, file: Path | None, line: int | None, column: int | None
) -> Finding:
    """``old`` (a :class:`Finding`, not a subclass) with its severity, file, line and
    column set, made by setting its slots: what :meth:`Finding.settled` makes."""
    new: Finding = _new(Finding)
    _code(new, old.code)
    _severity(new, severity)
    _message(new, old.message)
    _path(new, old.path)
    _document(new, old.document)
    _file(new, file)
    _suggestion(new, old.suggestion)
    _line(new, line)
    _column(new, column)
    return new


def new_finding(
    code: str,
    severity: Severity,
    message: str,
    path: str,
    document: str | None,
    file: Path | None,
    suggestion: str | None,
) -> Finding:
    """``Finding(code=code, severity=severity, …)`` without a line or column, made by
    setting its slots as :func:`copy_finding` does: the built-in rules make one per finding."""
    new: Finding = _new(Finding)
    _code(new, code)
    _severity(new, severity)
    _message(new, message)
    _path(new, path)
    _document(new, document)
    _file(new, file)
    _suggestion(new, suggestion)
    _line(new, None)
    _column(new, None)
    return new


def sort_findings(findings: list[Finding]) -> None:
    """Sort ``findings`` in place by :meth:`Finding.order_key`, working out the order of
    each path step once for the whole list (most steps repeat: ``focus_areas``, ``[0]``)."""
    key = _SortKeys().settling_key
    findings.sort(key=lambda f: key((f, f.severity, f.file)))


Settling = tuple[Finding, Severity, "Path | None"]
"""A finding as a rule made it, with the severity and file it is to have."""


def sort_settling(findings: list[Settling]) -> None:
    """Sort ``findings`` in place as :func:`sort_findings` sorts the findings they
    become (by :meth:`Finding.order_key`, with the file each is to have)."""
    findings.sort(key=_SortKeys().settling_key)


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule: a stable code (``HF201``), a severity, a title, why it exists,
    how to fix a finding, and the check that yields findings.

    The check must run in time linear in the data: use the context's indexes, never a
    scan of every item for each item.
    """

    code: str
    severity: Severity
    title: str
    explanation: str
    check: RuleCheck = attrs.field(eq=False, repr=False)
    fix: str = ""
    body_kind: str | None = None
