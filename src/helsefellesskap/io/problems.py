"""Turn cattrs and attrs failures into :class:`~helsefellesskap.errors.Problem` records.

cattrs reports a tree of exceptions annotated with attribute names and list indexes;
this module walks it into flat problems with a path in TOML keys (which are the attribute
names: the model never renames a key), a message that says what is wrong and a hint that
says what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ..errors import Problem
from ..messages import message
from ..model._base import InvalidValue
from ..model.body import Right
from .converter import ValueProblem

__all__ = ["child_path", "problems_from_exception"]


@attrs.frozen
class _Found:
    """A problem with what the merging of misspelt keys needs to know, in no language:
    an unknown key and the key suggested for it, or a required key that is missing."""

    problem: Problem
    unknown: bool = False
    required: bool = False
    suggestion: str | None = None


def _field_names(cls: Any) -> list[str]:
    if isinstance(cls, type) and attrs.has(cls):
        return [a.name for a in attrs.fields(cls)]
    return []


def _required_hint(key: str) -> str:
    """The hint for a missing required key: ``add key = …``, or more where one line
    does not say it (a seat's rights)."""
    if key == "rights":
        return message("data.rights_hint", rights=", ".join(right.value for right in Right))
    return message("data.add_key", key=key)


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
    # cattrs is imported when it raised: valid data is loaded without it
    from cattrs.errors import BaseValidationError, ClassValidationError, IterableValidationError

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


def _one(path: str, error: BaseException, cls: Any, file: Path | None) -> Iterator[_Found]:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(error, ForbiddenExtraKeysError):
        known = _field_names(error.cl)
        for key in sorted(error.extra_fields):
            import difflib  # a did-you-mean: only for a problem

            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = message("data.did_you_mean", word=close[0]) if close else None
            if not close and known:
                names = ", ".join(message("data.key_name", key=k) for k in known)
                hint = message("data.keys_allowed", keys=names)
            problem = Problem(
                message=message("data.unknown_key", key=key),
                path=child_path(path, key),
                file=file,
                hint=hint,
            )
            yield _Found(problem, unknown=True, suggestion=close[0] if close else None)
        return
    if isinstance(error, KeyError):
        # cattrs raises KeyError for a required key that is missing.
        _parent, key = _parent_and_key(path)
        problem = Problem(
            message=message("data.required_key_missing", key=key),
            path=path,
            file=file,
            hint=_required_hint(key),
        )
        yield _Found(problem, required=True)
        return
    if isinstance(error, InvalidValue):
        target = path
        if error.field:
            for part in error.field.replace("[", ".[").split("."):
                target = f"{target}{part}" if part.startswith("[") else child_path(target, part)
        yield _Found(Problem(message=error.message, path=target, file=file, hint=error.hint))
        return
    if isinstance(error, ValueProblem):
        if error.key is not None:
            path = child_path(path, error.key)
        hint = error.hint
        if hint is not None and "{key}" in hint:
            hint = hint.replace("{key}", _last_key(path))
        yield _Found(Problem(message=error.message, path=path, file=file, hint=hint))
        return
    if isinstance(error, (TypeError, AttributeError, KeyError, IndexError)):
        # Python's own words ("argument of type 'int' is not iterable") mean nothing to
        # the person who wrote the file: say what is wrong in theirs.
        problem = Problem(
            message=message("data.wrong_type_or_shape"),
            path=path,
            file=file,
            hint=message("data.compare_with_format"),
        )
        yield _Found(problem)
        return
    if isinstance(error, ValueError):
        # A plugin's attrs validator: its own message, without Python's quoting of objects.
        text = str(error) or message("data.value_not_allowed")
        yield _Found(Problem(message=text[:300], path=path, file=file))
        return
    problem = Problem(
        message=message("data.value_not_read"),
        path=path,
        file=file,
        hint=message("data.report_fault"),
    )
    yield _Found(problem)


def problems_from_exception(
    error: BaseException, *, file: Path | None = None, path: str = "$"
) -> list[Problem]:
    """Every problem an exception from structuring stands for, in the order of the data."""
    found: list[_Found] = []
    for where, inner, cls in _walk(error, path, None):
        found.extend(_one(where, inner, cls, file))
    return _merge_misspellings(found)


def _merge_misspellings(found: list[_Found]) -> list[Problem]:
    """One problem for a misspelt required key, not two.

    ``titel = …`` for a required ``title`` is reported by cattrs both as a missing key and
    as an unknown one; keep the unknown key, whose hint names the right spelling, and say
    that the right key is required. The two are matched by what they are (an unknown key
    and the key suggested for it, a required key missing at that path), never by their
    wording, so the merging holds in every language.
    """
    suggested: dict[str, str] = {}
    for item in found:
        if item.unknown and item.suggestion is not None:
            parent = item.problem.path.rpartition(".")[0]
            suggested[child_path(parent, item.suggestion)] = item.problem.path
    missing = {item.problem.path for item in found if item.required} & suggested.keys()
    misspelt = {suggested[path]: path for path in missing}
    merged: list[Problem] = []
    for item in found:
        problem = item.problem
        if item.required and problem.path in missing:
            continue
        if item.unknown and problem.path in misspelt and item.suggestion is not None:
            problem = attrs.evolve(
                problem, hint=message("data.did_you_mean_required", word=item.suggestion)
            )
        merged.append(problem)
    return merged
