"""Structuring and unstructuring documents and partnerships, with their ``kind`` tag."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import DataError, Problem
from ..messages import message
from ..model import DOCUMENT_TYPES, Document, Partnership
from ..model._base import preview
from ..model._typed import checked_elsewhere
from .converter import control_character_problem, json_converter, toml_converter
from .text import too_deep
from .values import describe

if TYPE_CHECKING:
    import cattrs  # imported when a converter is built, not to load valid data

__all__ = [
    "ENVELOPE_FORMAT",
    "ENVELOPE_VERSION",
    "document_types_by_kind",
    "dumps_json",
    "dumps_toml",
    "is_envelope",
    "json_data",
    "loads_json",
    "open_envelope",
    "parse_json",
    "structure",
    "structure_document",
    "unstructure",
]

T = TypeVar("T")

ENVELOPE_FORMAT = "helsefellesskap.document"
"""The ``format`` of the envelope the ``json`` render format writes around a document."""

ENVELOPE_VERSION = 1
"""The version of that envelope's shape."""


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
        with checked_elsewhere():
            return converter.structure(data, cls)
    except DataError:
        raise
    except RecursionError:
        raise too_deep(file) from None
    except Exception as error:
        from .problems import problems_from_exception  # wrong data only

        try:
            problems = problems_from_exception(error, file=file)
        except RecursionError:
            raise too_deep(file) from None
        raise DataError(problems) from None


def structure_document(
    data: Mapping[str, Any],
    *,
    file: Path | None = None,
    types: Mapping[str, type[Document]] | None = None,
    converter: cattrs.Converter = toml_converter,
) -> Document:
    """Structure a document, choosing its type by its ``kind`` key (a tagged union)."""
    known = types if types is not None else document_types_by_kind()
    if not isinstance(data, Mapping):
        raise DataError(
            [
                Problem(
                    message=message("data.document_not_a_table"),
                    file=file,
                    hint=message("data.start_with_kind"),
                )
            ]
        )
    kind = data.get("kind")
    if kind is None or not isinstance(kind, str) or kind not in known:
        raise _kind_error(kind, known, file)
    rest = dict(data)  # the table without its tag (a copy: the caller's data stays whole)
    del rest["kind"]
    return structure(rest, known[kind], file=file, converter=converter)


def _kind_error(kind: object, known: Mapping[str, type[Document]], file: Path | None) -> DataError:
    """The error for a document without a ``kind`` or with one no type has (worded only
    then: the listing of every kind is not built for each document that loads)."""
    listing = ", ".join(f'"{k}"' for k in known)
    if kind is None:
        return DataError(
            [
                Problem(
                    message=message("data.kind_missing"),
                    path="$.kind",
                    file=file,
                    hint=message("data.add_kind", listing=listing),
                )
            ]
        )
    shown = preview(kind) if isinstance(kind, str) else describe(kind)
    import difflib  # a did-you-mean: only for an unknown kind

    close = difflib.get_close_matches(str(kind)[:100], list(known), n=1)
    hint = message(
        "data.enum_write_one_of",
        hint=message("data.enum_did_you_mean", word=close[0]) if close else "",
        listing=listing,
    )
    return DataError(
        [
            Problem(
                message=message("data.unknown_kind", kind=shown),
                path="$.kind",
                file=file,
                hint=hint,
            )
        ]
    )


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
        from .problems import child_path

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
    import tomli_w  # the TOML writer: only to write

    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def json_data(item: Document | Partnership) -> Any:
    """A model as the plain data :func:`dumps_json` writes (dates as ``"YYYY-MM-DD"``,
    keys in model order); a :class:`DataError` for text that could not be loaded again."""
    return _writable(unstructure(item, converter=json_converter))


def dumps_json(item: Document | Partnership, *, indent: int | None = 2) -> str:
    """A model as JSON text (dates as ``"YYYY-MM-DD"``), keys in model order."""
    import json as jsonlib  # here: loading TOML does not need it

    return jsonlib.dumps(json_data(item), ensure_ascii=False, indent=indent)


def _json_problem(message: str, file: Path | None, **where: Any) -> DataError:
    return DataError([Problem(message=message, file=file, **where)])


def parse_json(text: str | bytes, *, file: Path | None = None) -> Any:
    """Parse JSON text, with errors that name the file, line and column.

    The envelope the ``json`` render format writes is opened: its ``document`` is
    returned, with the envelope's ``kind`` for a document that lacks one.
    """
    return _parse_json(text, file)[0]


def is_envelope(data: Any) -> bool:
    """Whether parsed JSON ``data`` is the envelope the ``json`` render format writes."""
    return isinstance(data, dict) and "format" in data and "document" in data


def open_envelope(data: dict[str, Any], *, file: Path | None = None) -> Any:
    """The document inside an envelope (see :func:`is_envelope`), or a
    :class:`DataError` if it is of another format or version."""
    return _unwrap(data, file)


def _parse_json(text: str | bytes, file: Path | None) -> tuple[Any, str | None]:
    import json as jsonlib  # here: loading TOML does not need it

    try:
        data = jsonlib.loads(text)
    except jsonlib.JSONDecodeError as error:
        from .parser_messages import json_detail  # the parsers' messages: on an error only

        raise _json_problem(
            message("files.json_syntax", detail=json_detail(error.msg)),
            file,
            line=error.lineno,
            column=error.colno,
        ) from None
    except RecursionError:
        raise too_deep(file) from None
    except UnicodeDecodeError:
        raise _json_problem(message("files.json_not_utf8"), file) from None
    if is_envelope(data):
        return _unwrap(data, file), str(data.get("kind"))
    return data, None


def _unwrap(data: dict[str, Any], file: Path | None) -> Any:
    if data.get("format") != ENVELOPE_FORMAT:
        raise _json_problem(
            message(
                "files.json_other_format", got=describe(data.get("format")), format=ENVELOPE_FORMAT
            ),
            file,
            path="$.format",
        )
    if data.get("version") != ENVELOPE_VERSION:
        raise _json_problem(
            message(
                "files.json_other_version",
                got=describe(data.get("version")),
                version=ENVELOPE_VERSION,
            ),
            file,
            path="$.version",
            hint=message("files.json_render_again"),
        )
    document = data["document"]
    kind = data.get("kind")
    if isinstance(document, dict) and kind != "governance" and "kind" not in document:
        document = {"kind": kind, **document}
    return document


def loads_json(
    text: str | bytes,
    cls: type[T] | None = None,
    *,
    file: Path | None = None,
    types: Mapping[str, type[Document]] | None = None,
) -> T | Document:
    """Parse JSON written by :func:`dumps_json` (or by the ``json`` render format, whose
    envelope is opened) back into a model.

    Without ``cls`` the data must be a document and its ``kind`` picks the type (from
    ``types`` where given, as for :func:`structure_document`). With a document class as
    ``cls`` a ``kind`` key is accepted when it names that class.
    """
    data, envelope_kind = _parse_json(text, file)
    if cls is None and envelope_kind == "governance":
        raise _json_problem(
            message("files.json_partnership"),
            file,
            hint=message("files.json_partnership_hint"),
        )
    if cls is None:
        return structure_document(data, file=file, types=types, converter=json_converter)
    if isinstance(data, dict) and "kind" in data and isinstance(cls, type):
        expected = getattr(cls, "KIND", None)
        if issubclass(cls, Document) and data["kind"] == expected:
            data = {key: value for key, value in data.items() if key != "kind"}
        elif issubclass(cls, Document):
            raise _json_problem(
                message("files.json_other_kind", got=describe(data["kind"]), kind=repr(expected)),
                file,
                path="$.kind",
                hint=message("files.json_other_kind_hint", kind=expected),
            )
    return structure(data, cls, file=file, converter=json_converter)
