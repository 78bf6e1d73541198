"""Turn cattrs and attrs failures into :class:`~helsefellesskap.errors.Problem` records.

cattrs reports a tree of exceptions annotated with attribute names and list indexes;
this module walks it into flat problems with a path in TOML keys (which are the attribute
names: the model never renames a key), a message that says what is wrong and a hint that
says what to write instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ..errors import Problem
from ..model._base import InvalidValue
from ..model.body import Right
from .converter import ValueProblem

__all__ = ["child_path", "problems_from_exception"]

_SUGGESTION = re.compile(r'did you mean "([^"]+)"\?')


def _field_names(cls: Any) -> list[str]:
    if isinstance(cls, type) and attrs.has(cls):
        return [a.name for a in attrs.fields(cls)]
    return []


_REQUIRED_HINTS = {
    "rights": 'a seat states its rights, e.g. rights = ["attend", "speak", "vote"]; the '
    "rights are " + ", ".join(right.value for right in Right),
}
"""Hints for required keys that need more than ``add key = …``."""


def _is_required(cls: Any, name: str) -> bool:
    if isinstance(cls, type) and attrs.has(cls):
        for attribute in attrs.fields(cls):
            if attribute.name == name:
                return attribute.default is attrs.NOTHING
    return False


def child_path(path: str, key: object) -> str:
    """``path`` extended by a list index (``[3]``) or a key (``.title``, ``["a b"]``)."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    text = str(key)
    if text.replace("_", "").replace("-", "").isalnum() and text.isascii():
        return f"{path}.{text}"
    return f'{path}["{text}"]'


def _walk(error: BaseException, path: str, cls: Any) -> Iterator[tuple[str, BaseException, Any]]:
    if isinstance(error, IterableValidationError):
        items, rest = error.group_exceptions()
        for inner, item in items:
            yield from _walk(inner, child_path(path, item.index), item.type)
        for inner in rest:
            yield from _walk(inner, path, cls)
    elif isinstance(error, ClassValidationError):
        fields, others = error.group_exceptions()
        for inner, field in fields:
            yield from _walk(inner, child_path(path, field.name), error.cl)
        for inner in others:
            yield from _walk(inner, path, error.cl)
    elif isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            yield from _walk(inner, path, cls)
    else:
        yield path, error, cls


def _last_key(path: str) -> str:
    """The key a path ends in, as a TOML table header names it (``goals.measures``)."""
    keys = [part for part in re.split(r"\[\d+\]|\.", path) if part and part != "$"]
    return ".".join(keys) or "name"


def _parent_and_key(path: str) -> tuple[str, str]:
    if "." in path:
        parent, _, key = path.rpartition(".")
        return parent, key
    return "$", path


def _one(path: str, error: BaseException, cls: Any, file: Path | None) -> Iterator[Problem]:
    if isinstance(error, ForbiddenExtraKeysError):
        known = _field_names(error.cl)
        for key in sorted(error.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else None
            if not close and known:
                hint = "the keys allowed here are " + ", ".join(known)
            yield Problem(
                message=f'unknown key "{key}"', path=child_path(path, key), file=file, hint=hint
            )
        return
    if isinstance(error, KeyError):
        # cattrs raises KeyError for a required key that is missing.
        _parent, key = _parent_and_key(path)
        yield Problem(
            message=f'the required key "{key}" is missing',
            path=path,
            file=file,
            hint=_REQUIRED_HINTS.get(key, f"add {key} = …"),
        )
        return
    if isinstance(error, InvalidValue):
        target = path
        if error.field:
            for part in error.field.replace("[", ".[").split("."):
                target = f"{target}{part}" if part.startswith("[") else child_path(target, part)
        yield Problem(message=error.message, path=target, file=file, hint=error.hint)
        return
    if isinstance(error, ValueProblem):
        if error.key is not None:
            path = child_path(path, error.key)
        hint = error.hint
        if hint is not None and "{key}" in hint:
            hint = hint.replace("{key}", _last_key(path))
        yield Problem(message=error.message, path=path, file=file, hint=hint)
        return
    if isinstance(error, (TypeError, AttributeError, KeyError, IndexError)):
        # Python's own words ("argument of type 'int' is not iterable") mean nothing to
        # the person who wrote the file: say what is wrong in theirs.
        yield Problem(
            message="this value has the wrong type or shape for this key",
            path=path,
            file=file,
            hint="compare it with the data format (docs/data-format.md) or a bundled example",
        )
        return
    if isinstance(error, ValueError):
        # A plugin's attrs validator: its own message, without Python's quoting of objects.
        message = str(error) or "the value is not allowed here"
        yield Problem(message=message[:300], path=path, file=file)
        return
    yield Problem(
        message="this value could not be read here",
        path=path,
        file=file,
        hint="if the value looks right, this is a fault in the library or a plugin: report it",
    )


def problems_from_exception(
    error: BaseException, *, file: Path | None = None, path: str = "$"
) -> list[Problem]:
    """Every problem an exception from structuring stands for, in the order of the data."""
    problems: list[Problem] = []
    for where, inner, cls in _walk(error, path, None):
        problems.extend(_one(where, inner, cls, file))
    return _merge_misspellings(problems)


def _merge_misspellings(problems: list[Problem]) -> list[Problem]:
    """One problem for a misspelt required key, not two.

    ``titel = …`` for a required ``title`` is reported by cattrs both as a missing key and
    as an unknown one; keep the unknown key, whose hint names the right spelling, and say
    that the right key is required.
    """
    suggested: dict[str, str] = {}
    for problem in problems:
        if problem.message.startswith("unknown key") and problem.hint:
            match = _SUGGESTION.fullmatch(problem.hint)
            if match:
                parent = problem.path.rpartition(".")[0]
                suggested[f"{parent}.{match[1]}"] = problem.path
    missing = {
        p.path for p in problems if p.path in suggested and p.message.startswith("the required")
    }
    misspelt = {suggested[path] for path in missing}
    merged: list[Problem] = []
    for problem in problems:
        if problem.path in missing and problem.message.startswith("the required key"):
            continue
        if problem.path in misspelt and problem.hint:
            problem = attrs.evolve(problem, hint=problem.hint[:-1] + ", which is required?")
        merged.append(problem)
    return merged
