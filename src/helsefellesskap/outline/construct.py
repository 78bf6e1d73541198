"""Positional constructors of outline blocks, for the builders' loops.

The block classes take their fields by keyword (``Paragraph(runs=…, role=…)``), as their
readers and plugins write them. A keyword call to a Python ``__init__`` costs CPython
about as much again as making the object, and an outline is tens of thousands of blocks
(issue 11 §2), so the builders' hottest loops (a table's cells and rows, a list's items,
paragraphs) make their blocks with :func:`positional` constructors instead: the same
object as the keyword call, with the same defaults and the same ``__attrs_post_init__``
check (about a third quicker for a paragraph or a cell; 4–5 % of building a plan's
outline).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ..codecache import compile_generated

__all__ = ["field_setters", "positional"]

T = TypeVar("T")


def field_setters(cls: type, namespace: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    """The parameters and body lines of a generated function that sets each field of the
    slotted attrs class ``cls`` through its slot's descriptor (``_set_<field>``, with the
    defaults as ``_default_<field>``, put into ``namespace``), then calls
    ``__attrs_post_init__`` where the class has one; ``None`` where the class's
    ``__init__`` does more than set its fields (a validator, a converter, a factory
    default, a field left out of ``__init__``)."""
    params: list[str] = []
    body: list[str] = []
    for field in attrs.fields(cls):
        if (
            field.validator is not None
            or field.converter is not None
            or not field.init
            or isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        ):
            return None
        namespace[f"_set_{field.name}"] = vars(cls)[field.name].__set__
        if field.default is attrs.NOTHING:
            params.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
        body.append(f"    _set_{field.name}(self, {field.name})")
    if hasattr(cls, "__attrs_post_init__"):
        body.append("    self.__attrs_post_init__()")
    return params, body


def positional(cls: type[T]) -> Callable[..., T]:
    """A function that makes an instance of the frozen, slotted attrs class ``cls`` from
    its fields by position, in the class's field order, with the class's defaults:
    ``positional(Paragraph)(runs, "note")`` is ``Paragraph(runs=runs, role="note")``.
    Each field is set through its slot, then ``__attrs_post_init__`` runs where the
    class has one.

    :raises TypeError: for a class that is not a slotted attrs class, or whose
        ``__init__`` does more than set its fields (a validator, a converter, a factory
        default, a field left out of ``__init__``): only its own ``__init__`` makes it.
    """
    if not (attrs.has(cls) and "__slots__" in vars(cls)):
        raise TypeError(f"{cls.__qualname__} is not a slotted attrs class")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    setters = field_setters(cls, namespace)
    if setters is None:
        raise TypeError(f"{cls.__qualname__}.__init__ does more than set its fields")
    params, body = setters
    body = ["    self = _new(_cls)", *body, "    return self"]
    source = f"def make({', '.join(params)}):\n" + "\n".join(body)
    exec(compile_generated(source, f"<positional {cls.__qualname__}>"), namespace)
    make: Callable[..., T] = namespace["make"]
    make.__name__ = make.__qualname__ = f"new_{cls.__name__}"
    make.__doc__ = f"A :class:`{cls.__qualname__}` from its fields by position."
    return make
