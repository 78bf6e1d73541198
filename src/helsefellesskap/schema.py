"""JSON Schemas (draft 2020-12) of the data files, generated from the attrs model.

One schema per document type and one for ``partnership.toml``, so that an editor with a
TOML language server (Taplo: VS Code's *Even Better TOML*, Helix, Neovim …) completes
keys, shows what each means and marks a misspelt key or a wrong value as you type.

The schemas follow the model: titles and descriptions come from the docstrings, enums
list their values, ids and dates have their patterns, required keys are those without a
default, and a :class:`~helsefellesskap.model.Deadline` is ``oneOf`` its four written
forms. A schema is looser than the loader where JSON Schema cannot say a rule (a phrase
deadline's date in the future, references that resolve): the loader and ``validate``
stay the judges, the schema is the editor's help.

The core's schemas are shipped in the package (``helsefellesskap/schemas/``) and declared
by every bundled file on its first line: ``#:schema ../schemas/action-plan.schema.json``.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import itertools
import json
import os
import re
import textwrap
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .io.converter import toml_converter
from .io.text import write_atomic
from .model import (
    DOCUMENT_TYPES,
    ID_PATTERN,
    Deadline,
    Document,
    NationalFrame,
    PartnerKind,
    Partnership,
)
from .model.partnership import GENERATED_PARTS

__all__ = [
    "DRAFT",
    "PARTNERSHIP_SCHEMA",
    "SCHEMA_DIRECTIVE",
    "document_schema",
    "dumps",
    "national_schema",
    "partnership_schema",
    "schema_directive",
    "schema_file_name",
    "schemas",
    "shipped_schema_folder",
    "write_schemas",
]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect the schemas are written in."""

PARTNERSHIP_SCHEMA = "partnership"
"""The name of the schema of ``partnership.toml`` (documents' schemas are named by kind)."""

SCHEMA_DIRECTIVE = "#:schema "
"""How a TOML file names its schema on its first line (Taplo's directive)."""

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_SPAN_PATTERN = r"^\s*\d{4}\s*[-\u2013\u2014]\s*\d{4}\s*$"
_YEAR_PATTERN = r"^\s*\d{4}\s*$"
_ID_NOTE = "an id: lower-case letters a-z and digits, in words joined by hyphens (`fsu-rest`)"
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ONE_LINE_PATTERN = f"^[^{_LINE_BREAKS}]*\\S[^{_LINE_BREAKS}]*$"


def schema_file_name(name: str) -> str:
    """The file a schema is written to: ``action-plan`` → ``action-plan.schema.json``."""
    return f"{name}.schema.json"


def shipped_schema_folder() -> Path:
    """The folder of the schemas shipped in the package."""
    return Path(__file__).resolve().parent / "schemas"


def _clean(text: str) -> str:
    """Docstring reStructuredText as the Markdown an editor shows."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([\w]+)`", r"`\1`", text)
    return text.replace("``", "`")


def _docstring(item: object) -> str:
    return _clean(inspect.cleandoc(getattr(item, "__doc__", None) or ""))


def _field_sentences(doc: str, name: str) -> str | None:
    """The sentences of a class docstring that name the field ``name`` (as `name`)."""
    marker = re.compile(rf"`{re.escape(name)}(?:[ =`])")
    flat = " ".join(doc.split())
    sentences = re.split(r"(?<=[.;])\s+(?=[`A-Z(])", flat)
    chosen = [s for s in sentences if marker.search(s)]
    return " ".join(chosen) or None


def _member_docs(cls: type[enum.Enum]) -> dict[str, str]:
    """The docstrings written under an enum's members, by value."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):  # pragma: no cover - source not available
        return {}
    found: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            member = cls.__members__.get(statement.targets[0].id)
            if member is not None:
                found[str(member.value)] = " ".join(following.value.value.split())
    return found


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    values = [member.value for member in cls]
    notes = _member_docs(cls)
    description = _docstring(cls)
    if notes:
        listing = "\n".join(f"- `{v}`: {_clean(notes[str(v)])}" for v in values if str(v) in notes)
        description = f"{description}\n\n{listing}"
    return {"title": cls.__name__, "description": description, "enum": values}


def _year_bounds() -> dict[str, int]:
    schema: dict[str, Any] = {}
    _year(schema)
    return schema


def _deadline_schema() -> dict[str, Any]:
    return {
        "title": "Deadline",
        "description": _docstring(Deadline),
        "oneOf": [
            {"title": "a year", "type": "integer", **_year_bounds()},
            {"title": "a year, as text", "type": "string", "pattern": _YEAR_PATTERN},
            {"title": "a span of years", "type": "string", "pattern": _SPAN_PATTERN},
            {"title": "a date", "type": "string", "pattern": _DATE_PATTERN},
            {
                "title": "a phrase with the date it means",
                "type": "object",
                "properties": {
                    "text": {"type": "string", "pattern": r"\S", "description": "the words"},
                    "means": {
                        "type": "string",
                        "pattern": _DATE_PATTERN,
                        "description": "the date the words mean",
                    },
                },
                "required": ["text", "means"],
                "additionalProperties": False,
            },
        ],
    }


def _validators(field: attrs.Attribute[Any]) -> list[object]:
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]


def _limit(name: str, default: int) -> int:
    """A limit the model declares (``MAX_COUNT`` …), read where it is kept."""
    from .model import _base

    value = getattr(_base, name, default)
    return value if isinstance(value, int) else default


def _id(schema: dict[str, Any]) -> None:
    schema.update(pattern=ID_PATTERN.pattern, description=_ID_NOTE)


def _id_list(schema: dict[str, Any]) -> None:
    schema["items"] = {"type": "string", "pattern": ID_PATTERN.pattern}
    schema["description"] = "a list of ids"


def _one_line(schema: dict[str, Any]) -> None:
    schema.update(pattern=_ONE_LINE_PATTERN, maxLength=_limit("MAX_TITLE_LENGTH", 255))


def _non_empty(schema: dict[str, Any]) -> None:
    schema.setdefault("pattern", r"\S")


def _short(schema: dict[str, Any]) -> None:
    schema["maxLength"] = _limit("MAX_TITLE_LENGTH", 255)


def _amount(schema: dict[str, Any]) -> None:
    schema.update(minimum=0, maximum=_limit("MAX_AMOUNT", 10**12))


def _count(schema: dict[str, Any]) -> None:
    schema.update(minimum=0, maximum=_limit("MAX_COUNT", 1_000_000))
    schema.setdefault("description", "a count: a whole number, 0 or more")


def _year(schema: dict[str, Any]) -> None:
    schema.update(minimum=_limit("FIRST_YEAR", 1000), maximum=_limit("LAST_YEAR", 9999))
    schema.setdefault("description", "a year: 2025")


def _parts(schema: dict[str, Any]) -> None:
    schema["items"] = {"enum": list(GENERATED_PARTS)}


def _columns(schema: dict[str, Any]) -> None:
    from .model import partnership

    columns = getattr(partnership, "MEASURE_COLUMNS", None)
    if columns:
        schema["items"] = {"enum": list(columns)}
        schema.update(minItems=1, uniqueItems=True)


def _language(schema: dict[str, Any]) -> None:
    schema["pattern"] = r"^[a-z]{2,3}(?:-(?:[A-Z]{2}|\d{3}))?$"
    schema.setdefault(
        "description", 'a language code: "nb" (bokmål), "nn" (nynorsk), "se" (North Sami), "en"'
    )


def _url(schema: dict[str, Any]) -> None:
    schema["pattern"] = r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/]|[Mm][Aa][Ii][Ll][Tt][Oo]:\S*@)"
    schema.setdefault("description", "a link: https://… or mailto:…")


_CONSTRAINTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "check_id": _id,
    "check_id_list": _id_list,
    "one_line": _one_line,
    "non_empty": _non_empty,
    "short_title": _short,
    "non_negative": _amount,
    "check_count": _count,
    "check_year": _year,
    "check_generated_parts": _parts,
    "check_measure_columns": _columns,
    "check_language": _language,
    "check_url": _url,
}
"""What each of the model's validators says in JSON Schema, by the validator's name. A
validator not listed here adds nothing: the schema is looser, the loader still judges."""


class _Builder:
    """Builds one schema: classes and enums under ``$defs``, referenced by name."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1:
                return self.type_schema(rest[0])
            return {"anyOf": [self.type_schema(a) for a in rest]}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin in (list, frozenset, set):
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is str:
            return {"type": "string"}
        if tp is dt.date:
            return {"type": "string", "pattern": _DATE_PATTERN, "description": "a date: 2024-04-18"}
        if tp is Deadline:
            if "Deadline" not in self.defs:
                self.defs["Deadline"] = _deadline_schema()
            return self.ref("Deadline")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = _enum_schema(tp)
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # a placeholder first: classes may nest themselves
                self.defs[tp.__name__] = self.class_schema(tp)
            return self.ref(tp.__name__)
        return {}  # a type JSON Schema cannot say (a plugin's own): anything goes

    def field_schema(self, cls: type, field: attrs.Attribute[Any], tp: Any, doc: str) -> Any:
        schema = dict(self.type_schema(tp))
        for check in _validators(field):
            constrain = _CONSTRAINTS.get(getattr(check, "__name__", ""))
            if constrain is not None:
                constrain(schema)
        converter = getattr(field.converter, "__name__", "")
        if converter in ("as_partner_kind", "_as_partner_kinds"):
            # A built-in PartnerKind (listed, for editors' completion) or a plugin's kind.
            plugin_kind = {"type": "string", "pattern": ID_PATTERN.pattern}
            one = {"anyOf": [self.type_schema(PartnerKind), plugin_kind]}
            schema = dict(schema, items=one) if converter == "_as_partner_kinds" else one
        described = _field_sentences(doc, field.name)
        if described:
            schema["description"] = described
        if field.default is not attrs.NOTHING:
            default: Any = field.default
            factory = getattr(default, "factory", None)
            if callable(factory) and not getattr(default, "takes_self", False):
                default = factory()
            if default is not None:
                plain = toml_converter.unstructure(default)
                if not isinstance(plain, dict) or plain:
                    schema["default"] = _jsonable(plain)
        return schema

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        doc = _docstring(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self.field_schema(cls, field, hints[field.name], doc)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": doc,
            "type": "object",
            "properties": properties,
        }
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _root(cls: type, title: str, kind: str | None = None) -> dict[str, Any]:
    builder = _Builder()
    body = builder.class_schema(cls)
    if kind is not None:
        body["properties"] = {
            "kind": {
                "const": kind,
                "description": f'which document the file holds: "{kind}"',
            },
            **body["properties"],
        }
        body["required"] = ["kind", *body.get("required", [])]
    schema: dict[str, Any] = {"$schema": DRAFT}
    schema.update(body)
    schema["title"] = title
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def partnership_schema() -> dict[str, Any]:
    """The schema of ``partnership.toml``."""
    return _root(Partnership, "partnership.toml (Partnership)")


def national_schema() -> dict[str, Any]:
    """The schema of the national frame the core ships (``data/national.toml``)."""
    return _root(NationalFrame, "The national frame (NationalFrame)")


def document_schema(cls: type[Document]) -> dict[str, Any]:
    """The schema of a document type's files: its fields and its ``kind``."""
    return _root(cls, f"{cls.KIND} ({cls.__name__})", kind=cls.KIND)


def schemas(types: Iterable[type[Document]] = DOCUMENT_TYPES) -> dict[str, dict[str, Any]]:
    """Every schema by name: ``partnership``, ``national`` and one per document kind.

    Pass a plugin manager's ``document_types().values()`` to include plugins' types.
    """
    found: dict[str, dict[str, Any]] = {
        PARTNERSHIP_SCHEMA: partnership_schema(),
        "national": national_schema(),
    }
    for cls in types:
        found[cls.KIND] = document_schema(cls)
    return found


def dumps(schema: Mapping[str, Any]) -> str:
    """A schema as the text written to its file (stable: indented, keys in model order)."""
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    # Line and paragraph separators are valid in JSON text, but not every editor agrees.
    for char in "\x85\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def write_schemas(
    folder: Path, chosen: Mapping[str, Mapping[str, Any]], *, overwrite: bool = True
) -> list[Path]:
    """Write each schema to ``folder/<name>.schema.json``; return the files written.

    The schemas are generated files: an existing one is replaced unless ``overwrite`` is
    false (then it is an :class:`~helsefellesskap.errors.OutputExistsError`).
    """
    written = []
    for name, schema in chosen.items():
        path = folder / schema_file_name(name)
        write_atomic(path, dumps(schema).encode("utf-8"), overwrite=overwrite)
        written.append(path)
    return written


def schema_directive(file: Path, name: str, folder: Path) -> str:
    """The first line that makes ``file`` declare the schema ``name`` kept in ``folder``.

    The path is relative to the file's folder, as Taplo resolves it, so that it works
    offline and wherever the folder is checked out: ``#:schema ../schemas/…``.
    """
    relative = os.path.relpath(folder / schema_file_name(name), file.parent)
    return f"{SCHEMA_DIRECTIVE}{Path(relative).as_posix()}"
