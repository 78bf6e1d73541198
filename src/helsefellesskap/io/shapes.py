"""Strict shapes: a list where the model has a sequence, a table where it has a mapping or
a class, and nothing else.

cattrs structures a ``tuple[str, ...]`` from any iterable, so ``details = "Felles"``
became the letters F, e, l, … and a table became its keys. These hooks accept only a list
for a sequence and only a table for a mapping or a class, and say what to write instead.
They are specialised per type when the converter first meets it (the element's hook is
looked up once), so a list of a thousand texts costs one loop.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote

from ..messages import message
from .values import CONTROL_CHARACTERS, MAX_TEXT_LENGTH, ValueProblem, describe

__all__ = [
    "is_attrs_class",
    "is_mapping_type",
    "is_sequence_type",
    "mapping_hook_factory",
    "sequence_hook_factory",
    "table_hook_factory",
]

Hook = Callable[[Any, Any], Any]


def is_sequence_type(tp: Any) -> bool:
    """Whether ``tp`` is a homogeneous tuple, ``tuple[X, ...]`` (the model's sequences)."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_mapping_type(tp: Any) -> bool:
    """Whether ``tp`` is ``dict[K, V]``."""
    return typing.get_origin(tp) is dict and len(typing.get_args(tp)) == 2


def _example(value: Any) -> str:
    """``value`` written as TOML for a hint, when it is short and simple."""
    if isinstance(value, str) and len(value) <= 60 and "\n" not in value:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**6:
        return str(value)
    return "…"


def _not_a_list(value: Any) -> ValueProblem:
    if isinstance(value, dict):
        # {key} is left for problems.py to fill with the key the path ends in.
        return ValueProblem(
            message("data.expected_list", got=message("data.a_table")),
            message("data.write_records", key="{key}"),
        )
    return ValueProblem(
        message("data.expected_list", got=describe(value)),
        message("data.write_list", example=_example(value)),
    )


def _note_index(error: Exception, index: int | str, cl: Any, elem: Any) -> Exception:
    note = IterableValidationNote(f"Structuring {cl} @ index {index}", index, elem)
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


def _str_sequence(cl: Any, element: Hook) -> Hook:
    def structure(value: Any, _type: Any) -> tuple[Any, ...]:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            raise _not_a_list(value)
        for item in value:
            if (
                type(item) is not str
                or len(item) > MAX_TEXT_LENGTH
                or CONTROL_CHARACTERS.search(item) is not None
            ):
                break
        else:
            return tuple(value)
        errors = []
        for index, item in enumerate(value):
            try:
                element(item, str)
            except Exception as error:
                errors.append(_note_index(error, index, cl, str))
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(value)

    return structure


def sequence_hook_factory(cl: Any, converter: cattrs.Converter) -> Hook:
    """The hook for ``tuple[X, ...]``: a list of X, refused if it is anything else."""
    elem = typing.get_args(cl)[0]
    if elem is str:
        return _str_sequence(cl, converter.get_structure_hook(str))
    found: list[Hook] = []

    def structure(value: Any, _type: Any) -> tuple[Any, ...]:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            raise _not_a_list(value)
        if not found:
            # Looked up on first use: a class may hold a sequence of itself (sections).
            found.append(converter.get_structure_hook(elem))
        element = found[0]
        result = []
        errors = []
        for index, item in enumerate(value):
            try:
                result.append(element(item, elem))
            except Exception as error:
                errors.append(_note_index(error, index, cl, elem))
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(result)

    return structure


def _not_a_table(value: Any) -> ValueProblem:
    return ValueProblem(
        message("data.expected_table", got=describe(value)),
        message("data.write_table", key="{key}"),
    )


def mapping_hook_factory(cl: Any, converter: cattrs.Converter) -> Hook:
    """The hook for ``dict[K, V]``: a table whose keys and values fit, else a problem each."""
    key_type, value_type = typing.get_args(cl)
    found: list[Hook] = []

    def structure(value: Any, _type: Any) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise _not_a_table(value)
        if not found:
            found.append(converter.get_structure_hook(key_type))
            found.append(converter.get_structure_hook(value_type))
        key_hook, value_hook = found
        result = {}
        errors = []
        for key, item in value.items():
            try:
                result[key_hook(key, key_type)] = value_hook(item, value_type)
            except Exception as error:
                errors.append(_note_index(error, str(key), cl, value_type))
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return result

    return structure


def table_hook_factory(
    cl: Any, converter: cattrs.Converter, fast: Callable[[Any], Any] | None = None
) -> Hook:
    """The hook for an attrs class: a table, structured by cattrs' generated function.

    ``fast`` (from :class:`~helsefellesskap.io.fast.FastStructure`) builds the common,
    valid case in one pass; whatever it does not take goes the detailed way, which
    finds every problem."""
    inner: list[Hook] = []

    def structure(value: Any, _type: Any) -> Any:
        if fast is not None:
            try:
                return fast(value)
            except Exception:  # the detailed path below says what is wrong
                pass
        if not isinstance(value, dict):
            raise _not_a_table(value)
        if not inner:
            inner.append(converter.gen_structure_attrs_fromdict(cl))
        return inner[0](value, cl)

    return structure


def is_attrs_class(tp: Any) -> bool:
    """Whether ``tp`` is an attrs class (structured from a table)."""
    return isinstance(tp, type) and attrs.has(tp)
