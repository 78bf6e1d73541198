"""Typed fields: a model class refuses, when built, a value of the wrong type or shape.

``Measure(responsible="unn")`` used to store ``("u", "n", "n")``, ``Measure(status="done")``
and ``deadline=2024`` were accepted and failed later. With
``@attrs.frozen(kw_only=True, field_transformer=typed)`` every field is checked against its
declared type and a wrong value raises :class:`~helsefellesskap.model._base.InvalidValue`
naming the field (``responsible``, ``details[2]``) and what to give instead.

A list where a tuple is declared is taken as that tuple: it is the same sequence, not a
change of meaning. Nothing else is converted.

Cost: the check of a class is generated once, as straight-line code of ``type(v) is …``
tests, and runs as one validator on the first field (attrs runs validators after every
field is set), so building a model in code stays cheap. Only a value that fails the fast
test goes through the slow path that explains it. The converter, whose strict hooks
already give every field its declared type, builds models inside
:func:`checked_elsewhere`, which skips this check (and only this one: ids, dates and
the other validators still run).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import sys
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ..codecache import compile_annotation, compile_for_class
from ..messages import message
from ._base import InvalidValue, preview

__all__ = ["checked_elsewhere", "checker", "is_type_check", "type_hints", "typed"]

_Found = tuple[str, str, str | None]
"""A wrong value: the path below the field (``""`` or ``"[2]"``), the message, a hint."""

_Check = Callable[[Any], "_Found | None"]


def _words(value: object) -> str:
    """A value in words for a message, without Python's representation of objects."""
    if isinstance(value, bool):
        return message("data.the_boolean", value=value)
    if isinstance(value, int):
        if abs(value) < 10**30:
            return message("data.the_integer", value=value)
        return message("model.a_very_large_integer")
    if isinstance(value, str):
        return message("data.the_text", text=preview(value))
    if isinstance(value, dt.datetime):
        return message("data.the_date_and_time", value=value.isoformat())
    if isinstance(value, dt.date):
        return message("data.the_date", value=value.isoformat())
    if isinstance(value, enum.Enum):
        return _code(f"{type(value).__name__}.{value.name}")
    if isinstance(value, list):
        return message("model.a_python_list")
    if isinstance(value, tuple):
        return message("model.a_python_tuple")
    if isinstance(value, dict):
        return message("model.a_python_dict")
    if value is None:
        return _code("None")
    return message("model.an_object_of", type=type(value).__name__)


def _code(name: str) -> str:
    """A name in code (a class, ``None``) as a message in the current language sets it."""
    return message("model.code", name=name)


def _type_name(tp: Any) -> str:
    if tp is type(None):
        return _code("None")
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return message("model.or").join(_type_name(a) for a in typing.get_args(tp))
    if origin is tuple:
        return message("model.a_tuple_of", element=_type_name(typing.get_args(tp)[0]))
    if origin is dict:
        key, value = typing.get_args(tp)
        return message("model.a_dict_of", key=_type_name(key), value=_type_name(value))
    names = {str: "model.type_str", int: "model.type_int", bool: "model.type_bool"}
    if tp in names:
        return message(names[tp])
    return _code(getattr(tp, "__name__", str(tp)))


def _enum_check(cls: type[enum.Enum]) -> _Check:
    def check(value: Any) -> _Found | None:
        if isinstance(value, cls):
            return None
        members = ", ".join(f"{cls.__name__}.{m.name}" for m in cls)
        hint = message("model.give_one_of", listing=members)
        for member in cls:
            if isinstance(value, str) and value == member.value:
                hint = message("model.give", code=f"{cls.__name__}.{member.name}")
        return "", message("model.expected_a", what=_code(cls.__name__), got=_words(value)), hint

    return check


def _instance_check(tp: type[Any]) -> _Check:
    def check(value: Any) -> _Found | None:
        if isinstance(value, tp) and not (tp is int and isinstance(value, bool)):
            return None
        hint = None
        if tp.__name__ == "Deadline" and isinstance(value, int) and not isinstance(value, bool):
            hint = message("model.give", code=f"Deadline.of_year({value})")
        return "", message("model.expected", what=_type_name(tp), got=_words(value)), hint

    return check


def _tuple_check(element: _Check, tp: Any) -> _Check:
    def check(value: Any) -> _Found | None:
        if not isinstance(value, (tuple, list)):
            hint = None
            if isinstance(value, str):
                hint = message("model.give_a_sequence", value=preview(value))
            return "", message("model.expected", what=_type_name(tp), got=_words(value)), hint
        for index, item in enumerate(value):
            found = element(item)
            if found is not None:
                return f"[{index}]{found[0]}", found[1], found[2]
        return None

    return check


def _dict_check(key: _Check, item: _Check, tp: Any) -> _Check:
    def check(value: Any) -> _Found | None:
        if not isinstance(value, dict):
            return "", message("model.expected", what=_type_name(tp), got=_words(value)), None
        for name, entry in value.items():
            found = key(name)
            if found is not None:
                return "", message("model.a_key_is", key=_words(name), what=_type_name(tp)), None
            found = item(entry)
            if found is not None:
                return f"[{preview(str(name))}]{found[0]}", found[1], found[2]
        return None

    return check


def _union_check(options: list[_Check], tp: Any) -> _Check:
    def check(value: Any) -> _Found | None:
        results = [option(value) for option in options]
        if any(result is None for result in results):
            return None
        arguments = typing.get_args(tp)
        if len(results) == 2 and type(None) in arguments:
            # X | None: say what X wants.
            return next(r for a, r in zip(arguments, results, strict=True) if a is not type(None))
        return "", message("model.expected", what=_type_name(tp), got=_words(value)), None

    return check


def checker(tp: Any) -> _Check:
    """A function that says what is wrong with a value for type ``tp`` (``None`` if fine)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any or isinstance(tp, typing.TypeVar):
        return lambda _value: None
    if tp is type(None):
        return lambda v: (
            None
            if v is None
            else ("", message("model.expected", what=_code("None"), got=_words(v)), None)
        )
    if origin in (typing.Union, types.UnionType):
        return _union_check([checker(a) for a in args], tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_check(_lazy(args[0]), tp)
    if origin is dict:
        return _dict_check(_lazy(args[0]), _lazy(args[1]), tp)
    if origin is not None:
        return _instance_check(origin)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_check(tp)
    if isinstance(tp, type):
        return _instance_check(tp)
    return lambda _value: None


def _lazy(tp: Any) -> _Check:
    """:func:`checker` for ``tp``, built on first use (a class may hold itself)."""
    built: list[_Check] = []

    def check(value: Any) -> _Found | None:
        if not built:
            built.append(checker(tp))
        return built[0](value)

    return check


_EVALUATED: dict[tuple[str, str], tuple[Any, tuple[str, ...]]] = {}
"""Annotations already evaluated, by module and text (``"tuple[str, ...]"`` in
``helsefellesskap.model.plan``; many fields of a module share one), with the names the
text looks up that the module does not define (builtins: ``str``, ``None``), which a
class of the same name would answer first (:func:`_looked_up`)."""


def _looked_up(text: str, name: str) -> bool:
    """Whether ``name`` may be looked up as a variable in the annotation ``text``, not
    only read as an attribute (``date`` in ``dt.date``, which no namespace answers):
    some whole-word ``name`` in it is not written right after a ``.``. Where unsure (the
    name inside a quoted text), yes."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[:start].rstrip()
        whole = (start == 0 or not _word(text[start - 1])) and (
            end == len(text) or not _word(text[end])
        )
        if whole and not before.endswith("."):
            return True
        start = text.find(name, end)
    return False


def _word(character: str) -> bool:
    return character.isalnum() or character == "_"


_ANNOTATION_CODE: dict[str, types.CodeType] = {}
"""Annotation texts compiled, by text: the same text (``str | None``, ``tuple[str,
...]``) compiles to the same code in every module, and is evaluated in each."""

_PLAIN = (type, types.GenericAlias, types.UnionType)
"""What an evaluated annotation may be for :func:`_type_hints` to keep it: classes,
``tuple[X, ...]``, ``X | None`` (and ``ClassVar[X]`` of them); anything else (a
``ForwardRef`` inside, ``Annotated``, ``typing.Optional``) is left to
:func:`typing.get_type_hints`."""


def type_hints(cls: type[Any]) -> dict[str, Any]:
    """:func:`typing.get_type_hints` of ``cls``, each annotation text evaluated once per
    module: the same types, in less time where a module's classes repeat their
    annotations. Where the shortcut cannot be sure to give what
    :func:`typing.get_type_hints` gives (a name the class itself could answer, a ``None``,
    a type it does not know), that function answers."""
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        # Its own, as written: what inspect.get_annotations gives, read without the copies
        # of the annotations and of the class's namespace that function makes (half the
        # time of this function for the model's classes).
        annotations = base.__dict__.get("__annotations__")  # noqa: RUF063
        if not annotations or isinstance(annotations, types.GetSetDescriptorType):
            continue
        if type(annotations) is not dict:
            return typing.get_type_hints(cls)
        module = sys.modules.get(base.__module__)
        namespace = getattr(module, "__dict__", None)
        if namespace is None:
            return typing.get_type_hints(cls)
        for name, text in annotations.items():
            if not isinstance(text, str):
                return typing.get_type_hints(cls)
            key = (base.__module__, text)
            found = _EVALUATED.get(key)
            if found is None:
                code = _ANNOTATION_CODE.get(text)
                if code is None:
                    code = _ANNOTATION_CODE[text] = compile_annotation(text)
                try:
                    value = eval(code, namespace)  # the module's names first, as typing looks
                except NameError:  # perhaps a name of the class's: typing looks there too
                    return typing.get_type_hints(cls)
                if _unusual(value):
                    return typing.get_type_hints(cls)
                found = _EVALUATED[key] = (
                    value,
                    tuple(n for n in code.co_names if n not in namespace and _looked_up(text, n)),
                )
            value, elsewhere = found
            if elsewhere and any(n in base.__dict__ for n in elsewhere):
                return typing.get_type_hints(cls)  # typing looks in the class before builtins
            hints[name] = value
    return hints


def _unusual(value: Any) -> bool:
    """Whether an evaluated annotation holds something :func:`typing.get_type_hints`
    would change: ``None`` (it gives ``NoneType``), a text (a forward reference), or
    another ``typing`` construct than ``ClassVar[X]``."""
    if isinstance(value, type):
        return False
    if not isinstance(value, _PLAIN) and typing.get_origin(value) is not typing.ClassVar:
        return True
    return not all(
        arg is Ellipsis or (isinstance(arg, _PLAIN) and not _unusual(arg))
        for arg in typing.get_args(value)
    )


# --- The fast path: generated code per class ---------------------------------------------


def _simple(tp: Any) -> type[Any] | None:
    """The one class a value of ``tp`` must exactly be, where a ``type(v) is C`` test says
    it all (str, int, bool, a date, an enum, an attrs class), else ``None``."""
    if isinstance(tp, type) and (
        tp in (str, int, bool, dt.date) or issubclass(tp, enum.Enum) or attrs.has(tp)
    ):
        return tp
    return None


def _fast_test(tp: Any, value: str, names: dict[str, Any]) -> str | None:
    """A Python expression that is true when ``value`` may be wrong for ``tp``, or ``None``
    when the type is not one the fast path knows (the slow check then always runs)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    optional = origin in (typing.Union, types.UnionType) and type(None) in args
    if optional:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            return None
        inner = _fast_test(rest[0], value, names)
        return None if inner is None else f"({value} is not None and ({inner}))"
    simple = _simple(tp)
    if simple is not None:
        name = f"_t{len(names)}"
        names[name] = simple
        return f"type({value}) is not {name}"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        element = _simple(args[0])
        if element is None:
            return None
        name = f"_t{len(names)}"
        names[name] = element
        return (
            f"type({value}) is not tuple or "
            f"({value} and not all(type(x) is {name} for x in {value}))"
        )
    if origin is dict and len(args) == 2:
        key, item = (_simple(a) for a in args)
        if key is None or item is None:
            return None
        k, i = f"_t{len(names)}", f"_t{len(names) + 1}"
        names[k], names[i] = key, item
        return (
            f"type({value}) is not dict or not all(type(a) is {k} and type(b) is {i} "
            f"for a, b in {value}.items())"
        )
    return None


def _slow(instance: Any, name: str, check: _Check) -> None:
    """Explain a value that failed the fast test, or accept it (a subclass, a list)."""
    value = getattr(instance, name)
    found = check(value)
    if found is not None:
        where, message, hint = found
        raise InvalidValue(message, field=f"{name}{where}", hint=hint)
    if isinstance(value, list):
        # The same sequence as a tuple, so the model stays hashable and compares equal.
        object.__setattr__(instance, name, tuple(value))


def _compile(cls: type[Any]) -> Callable[[Any], None]:
    hints = type_hints(cls)
    names: dict[str, Any] = {"_slow": _slow}
    lines = ["def check(self):"]
    for field in attrs.fields(cls):
        if not field.init:
            continue
        check_name = f"_c_{field.name}"
        names[check_name] = checker(hints[field.name])
        test = _fast_test(hints[field.name], "v", names)
        lines.append(f"    v = self.{field.name}")
        if test is None:
            lines.append(f"    _slow(self, {field.name!r}, {check_name})")
        else:
            lines.append(f"    if {test}: _slow(self, {field.name!r}, {check_name})")
    if len(lines) == 1:
        lines.append("    pass")
    source = "\n".join(lines) + "\n"
    where = f"<helsefellesskap.model._typed {cls.__module__}.{cls.__qualname__}>"
    code = compile_for_class("typed", source, where)  # kept once per source text
    exec(code, names)  # code built from the class's own field names
    function: Callable[[Any], None] = names["check"]
    return function


_COMPILED: dict[type[Any], Callable[[Any], None]] = {}

_CHECKED_ELSEWHERE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "helsefellesskap_types_checked_elsewhere", default=False
)


@contextlib.contextmanager
def checked_elsewhere() -> Iterator[None]:
    """Within this block the type check is skipped: for the converter, whose hooks check
    every value's type and shape already. Local to the thread or task."""
    token = _CHECKED_ELSEWHERE.set(True)
    try:
        yield
    finally:
        _CHECKED_ELSEWHERE.reset(token)


class _Typed:
    """attrs validator on a class's first field: every field has its declared type."""

    __slots__ = ()

    def __call__(self, instance: Any, _attribute: attrs.Attribute[Any], _value: Any) -> None:
        if _CHECKED_ELSEWHERE.get():
            return
        cls = type(instance)
        check = _COMPILED.get(cls)
        if check is None:
            check = _COMPILED[cls] = _compile(cls)
        check(instance)


_TYPED = _Typed()


def is_type_check(validator: object) -> bool:
    """Whether ``validator`` is the type check :func:`typed` adds to a class (which
    :func:`checked_elsewhere` skips): for code that runs a class's validators itself."""
    return validator is _TYPED


def typed(_cls: type[Any], fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs ``field_transformer``: the class checks every field's type when built.

    Use as ``@attrs.frozen(kw_only=True, field_transformer=typed)``. The check runs before
    the fields' own validators, so they see values of the right type.
    """
    if not fields or any(_TYPED in _validators_of(f) for f in fields):
        return fields  # no fields, or inherited from a typed class that checks them all
    first, *rest = fields
    combined = attrs.validators.and_(_TYPED, *_validators_of(first))
    return [first.evolve(validator=combined), *rest]


def _validators_of(field: attrs.Attribute[Any]) -> list[Any]:
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]
