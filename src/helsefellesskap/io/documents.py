"""Structuring and unstructuring documents and partnerships, with their ``kind`` tag."""

from __future__ import annotations

import difflib
import json as jsonlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import cattrs
import tomli_w

from ..errors import DataError, Problem
from ..model import DOCUMENT_TYPES, Document, Partnership
from .converter import control_character_problem, json_converter, toml_converter
from .problems import child_path, problems_from_exception

__all__ = [
    "document_types_by_kind",
    "dumps_json",
    "dumps_toml",
    "loads_json",
    "structure",
    "structure_document",
    "unstructure",
]

T = TypeVar("T")


def document_types_by_kind(
    extra: Iterable[type[Document]] = (),
) -> dict[str, type[Document]]:
    """The document types by their ``kind`` tag: the core's, then ``extra`` ones."""
    found: dict[str, type[Document]] = {}
    for cls in (*DOCUMENT_TYPES, *extra):
        found[cls.KIND] = cls
    return found


def structure(
    data: Any,
    cls: type[T],
    *,
    file: Path | None = None,
    converter: cattrs.Converter = toml_converter,
) -> T:
    """Structure ``data`` into ``cls``; every problem is reported in one :class:`DataError`."""
    try:
        return converter.structure(data, cls)
    except DataError:
        raise
    except Exception as error:
        raise DataError(problems_from_exception(error, file=file)) from None


def structure_document(
    data: Mapping[str, Any],
    *,
    file: Path | None = None,
    types: Mapping[str, type[Document]] | None = None,
    converter: cattrs.Converter = toml_converter,
) -> Document:
    """Structure a document, choosing its type by its ``kind`` key (a tagged union)."""
    known = dict(types) if types is not None else document_types_by_kind()
    listing = ", ".join(f'"{k}"' for k in known)
    if not isinstance(data, Mapping):
        raise DataError([Problem(message="a document is a table", file=file)])
    kind = data.get("kind")
    if kind is None:
        raise DataError(
            [
                Problem(
                    message='the key "kind" is missing: it says which document this is',
                    path="$.kind",
                    file=file,
                    hint=f"add kind = one of {listing}",
                )
            ]
        )
    if kind not in known:
        close = difflib.get_close_matches(str(kind), list(known), n=1)
        hint = (f'did you mean "{close[0]}"? ' if close else "") + f"write one of {listing}"
        raise DataError(
            [
                Problem(
                    message=f"unknown document kind {kind!r}", path="$.kind", file=file, hint=hint
                )
            ]
        )
    rest = {key: value for key, value in data.items() if key != "kind"}
    return structure(rest, known[kind], file=file, converter=converter)


def unstructure(
    item: Document | Partnership | Any, *, converter: cattrs.Converter = toml_converter
) -> Any:
    """The plain data of a model; a document's ``kind`` tag comes first."""
    data = converter.unstructure(item)
    if isinstance(item, Document):
        return {"kind": item.KIND, **data}
    return data


def _has_carriage_return(data: Any) -> bool:
    if isinstance(data, str):
        return "\r" in data
    if isinstance(data, dict):
        return any(_has_carriage_return(k) or _has_carriage_return(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(_has_carriage_return(v) for v in data)
    return False


def _text_problems(data: Any, path: str) -> list[Problem]:
    """Problems for text that a file could be written with but not loaded again."""
    if isinstance(data, str):
        problem = control_character_problem(data)
        return (
            []
            if problem is None
            else [Problem(message=problem.message, path=path, hint=problem.hint)]
        )
    if isinstance(data, dict):
        found: list[Problem] = []
        for key, value in data.items():
            found.extend(_text_problems(value, child_path(path, str(key))))
        return found
    if isinstance(data, (list, tuple)):
        return [
            p for index, value in enumerate(data) for p in _text_problems(value, f"{path}[{index}]")
        ]
    return []


def _writable(data: Any) -> Any:
    problems = _text_problems(data, "$")
    if problems:
        raise DataError(problems)
    return data


def dumps_toml(item: Document | Partnership) -> str:
    """A model as TOML text (multi-line strings where the text has line breaks).

    Text that could not be loaded again (a control character) is a :class:`DataError`
    naming its path, so nothing is saved that will not load.

    A TOML reader turns a carriage return inside a multi-line string into a plain line
    break, so text that holds one is written with escapes instead, to stay lossless.
    """
    data = _writable(unstructure(item))
    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def dumps_json(item: Document | Partnership, *, indent: int | None = 2) -> str:
    """A model as JSON text (dates as ``"YYYY-MM-DD"``), keys in model order."""
    data = _writable(unstructure(item, converter=json_converter))
    return jsonlib.dumps(data, ensure_ascii=False, indent=indent)


def loads_json(text: str, cls: type[T] | None = None, *, file: Path | None = None) -> T | Document:
    """Parse JSON written by :func:`dumps_json` back into a model.

    Without ``cls`` the data must be a document and its ``kind`` picks the type.
    """
    try:
        data = jsonlib.loads(text)
    except jsonlib.JSONDecodeError as error:
        raise DataError(
            [
                Problem(
                    message=f"JSON syntax error: {error.msg}",
                    file=file,
                    line=error.lineno,
                    column=error.colno,
                )
            ]
        ) from None
    if cls is None:
        return structure_document(data, file=file, converter=json_converter)
    return structure(data, cls, file=file, converter=json_converter)
