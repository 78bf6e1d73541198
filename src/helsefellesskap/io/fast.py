"""Structuring the common case fast: one generated function per model class, cattrs'
detailed path only for data that does not fit.

Almost every file loaded is valid, and for valid data the converter's detailed path
(cattrs' generated functions with an error list per field, a hook call per value, the
model's validators through attrs) costs about as much as parsing the TOML. This module
generates, per attrs class, straight-line code that accepts exactly what the converter
accepts in its plain form and builds the same objects:

- a table (``dict``) whose keys are all the class's fields (unknown keys refused), the
  required ones present;
- text of the right length without control characters, whole numbers within
  :data:`~helsefellesskap.io.values.MAX_NUMBER`, booleans, TOML dates (never a
  datetime), enum values as written, lists for sequences, tables for mappings, ``None``
  for an optional value (JSON's ``null``);
- every other type (a deadline, a date in JSON, a union) through the converter's own
  hook (a union's looked up when a value of it is first met, so valid data is loaded
  without building the cattrs converter, see :mod:`.converter`);
- the instance made without its ``__init__``, a field's converter applied to its value
  (or default), every field validator called as attrs would call it (the common ones,
  ids and non-empty text, inline; not on a field's default that passed it, without
  reading the instance, when the function was made), then ``__attrs_post_init__``;
  only the type check of :func:`~helsefellesskap.model._typed.typed` is left out, as
  the converter's
  :func:`~helsefellesskap.model._typed.checked_elsewhere` leaves it out, since the tests
  above give every field its declared type.

Anything else, anywhere in the value, makes the generated function raise, and the
caller (:func:`~helsefellesskap.io.shapes.table_hook_factory`) structures the value
again through the detailed path, which finds every problem with its path and message.
So a valid document costs one pass and an invalid one two, with the same result
either way. A class this module cannot build this way (a field with an alias or an
:class:`attrs.Converter` that takes the instance, ``__attrs_pre_init__``, a default that
takes ``self``, an ``__init__`` of its own) has no fast function and always takes the
detailed path.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import threading
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..codecache import compile_for_class
from ..model._base import (
    _LINE_BREAKS,
    ID_PATTERN,
    MAX_TITLE_LENGTH,
    check_id,
    check_id_list,
    non_empty,
    one_line,
)
from ..model._typed import is_type_check, type_hints
from .values import CONTROL_CHARACTERS, MAX_NUMBER, MAX_TEXT_LENGTH

if TYPE_CHECKING:
    import cattrs

__all__ = ["FastStructure", "NotPlain"]

Build = Callable[[Any], Any]


class NotPlain(Exception):
    """Raised by a generated function for a value it does not take: the detailed path
    structures it instead (and explains what is wrong, if anything is)."""


class _NoInstance:
    """The instance given to a validator tried on a field's default at generation time:
    reading anything of it raises, so a validator that depends on the instance is not
    taken to pass on the default alone."""

    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        raise AttributeError(name)


_NO_INSTANCE = _NoInstance()

_LINE_BREAK = re.compile("[" + re.escape("".join(sorted(_LINE_BREAKS))) + "]")
"""Any of the characters :func:`~helsefellesskap.model._base.one_line` refuses."""

_CACHED = 4096
"""How many values of a delegated type (deadlines) are kept per converter: the same
``2024`` or ``"2024-2025"`` gives an equal, immutable object every time."""


def _cached(hook: Callable[[Any, Any], Any], tp: Any) -> Build:
    """``hook`` for ``tp`` with its results for whole numbers, text and dates kept (the
    hook must be a function of the value alone, as the deadline hook is)."""
    cache: dict[tuple[type[Any], Any], Any] = {}

    def structure(value: Any) -> Any:
        kind = type(value)
        if kind is not int and kind is not str and kind is not dt.date:
            return hook(value, tp)
        key = (kind, value)
        found = cache.get(key)
        if found is None:
            found = hook(value, tp)
            if len(cache) < _CACHED:
                cache[key] = found
        return found

    return structure


def _optional_inner(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return next(a for a in args if a is not type(None))
    return None


def _eligible(cls: type[Any]) -> bool:
    """Whether instances of ``cls`` can be made without its ``__init__`` here."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return False
    if hasattr(cls, "__attrs_pre_init__"):
        return False
    code = getattr(cls.__init__, "__code__", None)
    if code is None or "attrs generated" not in code.co_filename:
        return False
    if any("cached_hash" in str(name) for name in (*code.co_names, *code.co_consts)):
        return False  # its __init__ also clears a cached hash
    for field in attrs.fields(cls):
        if not field.init or field.alias != field.name:
            return False
        converter = field.converter
        if converter is not None and (
            isinstance(converter, attrs.Converter) or not callable(converter)
        ):
            return False  # one that takes the instance or the field: only attrs calls it
        default = field.default
        if isinstance(default, attrs.Factory) and default.takes_self:  # type: ignore[arg-type]
            return False
    return True


def _validators(field: attrs.Attribute[Any]) -> list[Any]:
    """The validators attrs runs for ``field``, in order, without the type check."""
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    found = list(inner) if inner is not None else [validator]
    return [v for v in found if not is_type_check(v)]


def _lazy_hook(converter: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """The converter's hook for ``tp``, looked up when it is first called: a type only
    the converter knows (a union) costs nothing, cattrs included, until a value of it
    is met."""
    found: list[Callable[[Any, Any], Any]] = []

    def hook(value: Any, type_: Any) -> Any:
        if not found:
            try:
                found.append(converter.get_structure_hook(tp))
            except Exception:
                found.append(converter.structure)
        return found[0](value, type_)

    return hook


class FastStructure:
    """The generated functions of one converter, made on first use per class.

    ``delegated`` are classes the converter has a hook of its own for (a
    :class:`~helsefellesskap.model.Deadline`): their values go to that hook.
    ``json`` says the converter reads JSON (dates are text there, so they go to the
    converter's hook). ``hooks`` are the converter's own hooks of some types, given so
    that their values need not ask the converter (which may not be built yet); the
    converter's hook of any other type is looked up when a value of it is first met.
    """

    def __init__(
        self,
        converter: cattrs.Converter,
        *,
        json: bool,
        delegated: Iterable[type[Any]] = (),
        hooks: Mapping[Any, Callable[[Any, Any], Any]] | None = None,
    ) -> None:
        self._converter = converter
        self._json = json
        self._delegated = frozenset(delegated)
        self._hooks = dict(hooks or {})
        self._generating: list[tuple[str, itertools.count[int]]] = []
        """The functions being generated (a class's fields may need another class's
        function first), the innermost last, each with the counter of its names."""
        self._names: dict[type[Any], str | None] = {}
        self._lock = threading.RLock()
        self._namespace: dict[str, Any] = {
            "NotPlain": NotPlain,
            "_cc": CONTROL_CHARACTERS.search,
            "_id": ID_PATTERN.match,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_str": str,
            "_int": int,
            "_bool": bool,
            "_list": list,
            "_dict": dict,
            "_tuple": tuple,
            "_date": dt.date,
            "_len": len,
            "_M": MAX_TEXT_LENGTH,
            "_N": MAX_NUMBER,
            "_T": MAX_TITLE_LENGTH,
            "_lb": _LINE_BREAK.search,
        }

    def function(self, cls: type[Any]) -> Build | None:
        """The generated function for attrs class ``cls``, or ``None`` if it has none."""
        with self._lock:
            name = self._name(cls)
            if name is None:
                return None
            function: Build = self._namespace[name]
            return function

    # --- generation -----------------------------------------------------------------

    # A class's source text names only its own locals and constants, numbered within it,
    # so that it is the same whatever was generated before (and its compiled code is
    # found in the cache in the next process, see :mod:`helsefellesskap.codecache`).

    def _fresh(self, prefix: str) -> str:
        """A new local name of the function being generated."""
        return f"{prefix}{next(self._generating[-1][1])}"

    def _constant(self, value: Any, prefix: str = "_k") -> str:
        """A new global name for ``value``, of the function being generated."""
        function, counter = self._generating[-1]
        name = f"{prefix}{next(counter)}{function}"
        self._namespace[name] = value
        return name

    def _function_name(self, cls: type[Any]) -> str:
        """The name of ``cls``'s function: from its qualified name, numbered only when
        another class of the same name has one."""
        base = "_build_" + re.sub(r"\W", "_", cls.__qualname__)
        name, number = base, itertools.count(2)
        while name in self._namespace or name in self._names.values():
            name = f"{base}_{next(number)}"
        return name

    def _name(self, cls: type[Any]) -> str | None:
        if cls in self._names:
            return self._names[cls]
        if cls in self._delegated or not _eligible(cls):
            self._names[cls] = None
            return None
        name = self._function_name(cls)
        self._names[cls] = name  # before the fields: a class may hold itself
        self._generating.append((name, itertools.count()))
        try:
            source = self._class_source(cls, name)
        except Exception:  # a type this module does not know how to test
            self._names[cls] = None
            return None
        finally:
            self._generating.pop()
        where = f"<helsefellesskap.io.fast {cls.__module__}.{cls.__qualname__}>"
        code = compile_for_class("fast", source, where)  # kept once per source text
        exec(code, self._namespace)  # from the class's own fields
        return name

    def _hook(self, tp: Any) -> str:
        """A call of the converter's own hook for ``tp`` on ``%s`` (a value's name)."""
        hook = self._hooks.get(tp) or _lazy_hook(self._converter, tp)
        if tp in self._delegated:
            return self._constant(_cached(hook, tp), "_h") + "(%s)"
        return self._constant(hook, "_h") + "(%s, " + self._constant(tp, "_t") + ")"

    def _text_test(self, value: str, check: str = "") -> str:
        """A test that is true when ``value`` is not text a value may hold: too long, a
        control character, or (``check="id"``) not an id, (``check="line"``) not one
        line of a title (:func:`~helsefellesskap.model._base.one_line`)."""
        start = f"type({value}) is not _str or _len({value}) > _M or "
        if check == "id":  # an id is letters, digits and - _ . only
            return start + f"_id({value}) is None"
        # Text that is all printable (the common case, a C loop faster than the search)
        # holds neither a control character nor a line break.
        if check == "line":
            return (
                start + f"_len({value}) > _T or not {value}.strip() or "
                f"(not {value}.isprintable() and "
                f"(_lb({value}) is not None or _cc({value}) is not None))"
            )
        return start + f"(not {value}.isprintable() and _cc({value}) is not None)"

    def _value(self, tp: Any, value: str, target: str, indent: str, check: str = "") -> list[str]:
        """Lines that test ``value`` for ``tp`` and put what it structures to in
        ``target`` (or raise :class:`NotPlain`). ``check`` adds a validator's test to
        text (see :meth:`_text_test`)."""
        lines: list[str] = []
        fail = f"{indent}    raise NotPlain"
        inner = _optional_inner(tp)
        if inner is not None:
            lines.append(f"{indent}if {value} is None:")
            lines.append(f"{indent}    {target} = None" if target != value else f"{indent}    pass")
            lines.append(f"{indent}else:")
            lines.extend(self._value(inner, value, target, indent + "    ", check))
            return lines
        same = [] if target == value else [f"{indent}{target} = {value}"]
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            return [f"{indent}if {self._text_test(value, check)}:", fail, *same]
        if tp is bool:
            return [f"{indent}if type({value}) is not _bool:", fail, *same]
        if tp is int:
            return [
                f"{indent}if type({value}) is not _int or not -_N <= {value} <= _N:",
                fail,
                *same,
            ]
        if tp is dt.date and not self._json:
            return [f"{indent}if type({value}) is not _date:", fail, *same]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = {
                key: member for key, member in tp._value2member_map_.items() if type(key) is str
            }
            if len(members) == len(tp._value2member_map_):
                table = self._constant(members, "_e")
                return [
                    f"{indent}{target} = {table}.get({value}) if type({value}) is _str else None",
                    f"{indent}if {target} is None:",
                    fail,
                ]
        if isinstance(tp, type) and attrs.has(tp) and tp not in self._delegated:
            name = self._name(tp)
            if name is not None:
                return [f"{indent}{target} = {name}({value})"]
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._sequence(args[0], value, target, indent, check)
        if origin is dict and len(args) == 2:
            return self._mapping(args[0], args[1], value, target, indent)
        return [f"{indent}{target} = " + self._hook(tp) % value]

    def _sequence(
        self, element: Any, value: str, target: str, indent: str, check: str = ""
    ) -> list[str]:
        lines = [f"{indent}if type({value}) is not _list:", f"{indent}    raise NotPlain"]
        item = self._fresh("_x")
        if element is str:
            lines += [
                f"{indent}for {item} in {value}:",
                f"{indent}    if {self._text_test(item, check)}:",
                f"{indent}        raise NotPlain",
                f"{indent}{target} = _tuple({value})",
            ]
            return lines
        if isinstance(element, type) and attrs.has(element) and element not in self._delegated:
            name = self._name(element)
            if name is not None:
                lines.append(f"{indent}{target} = _tuple([{name}({item}) for {item} in {value}])")
                return lines
        built, result = self._fresh("_y"), self._fresh("_l")
        lines.append(f"{indent}{result} = []")
        lines.append(f"{indent}for {item} in {value}:")
        lines.extend(self._value(element, item, built, indent + "    "))
        lines.append(f"{indent}    {result}.append({built})")
        lines.append(f"{indent}{target} = _tuple({result})")
        return lines

    def _mapping(self, key: Any, item: Any, value: str, target: str, indent: str) -> list[str]:
        name, entry = self._fresh("_n"), self._fresh("_x")
        built_key, built, result = self._fresh("_y"), self._fresh("_y"), self._fresh("_d")
        lines = [
            f"{indent}if type({value}) is not _dict:",
            f"{indent}    raise NotPlain",
            f"{indent}{result} = {{}}",
            f"{indent}for {name}, {entry} in {value}.items():",
        ]
        lines.extend(self._value(key, name, built_key, indent + "    "))
        lines.extend(self._value(item, entry, built, indent + "    "))
        lines.append(f"{indent}    {result}[{built_key}] = {built}")
        lines.append(f"{indent}{target} = {result}")
        return lines

    def _class_source(self, cls: type[Any], name: str) -> str:
        hints = type_hints(cls)
        fields = attrs.fields(cls)
        keys = self._constant(frozenset(f.name for f in fields), "_keys")
        klass = self._constant(cls, "_cls")
        lines = [
            f"def {name}(o):",
            f"    if type(o) is not _dict or not o.keys() <= {keys}:",
            "        raise NotPlain",
        ]
        after: list[str] = []
        for index, field in enumerate(fields):
            tp = hints[field.name]
            value = f"v{index}"
            default = field.default
            default_name = ""  # the default's global name, where it is not a factory's
            validators = _validators(field)
            converter = field.converter
            # a converter's field is tested as declared, converted, then validated
            check = "" if converter is not None else self._inline_check(validators, field, tp)
            if check:
                validators = []
            if default is attrs.NOTHING:
                lines.append(f"    {value} = o[{field.name!r}]")
                lines.extend(self._value(tp, value, value, "    ", check))
            else:
                # most optional keys are left out: one test of the key for those
                lines.append(f"    if {field.name!r} in o:")
                lines.append(f"        {value} = o[{field.name!r}]")
                lines.extend(self._value(tp, value, value, "        ", check))
                lines.append("    else:")
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    factory = self._constant(default.factory, "_f")
                    lines.append(f"        {value} = {factory}()")
                else:
                    default_name = self._constant(default, "_k")
                    lines.append(f"        {value} = {default_name}")
            if converter is not None:  # as attrs' __init__: on the default too
                lines.append(f"    {value} = {self._constant(converter, '_c')}({value})")
            validation = [
                line for v in validators for line in self._validation(v, field, tp, value)
            ]
            if validation and self._default_passes(field, validators):
                # the default (the same object every time) is known to pass: not tested again
                after.append(f"    if {value} is not {default_name}:")
                after.extend("    " + line for line in validation)
            else:
                after.extend(validation)
        lines.append(f"    self = _new({klass})")
        for index, field in enumerate(fields):
            slot = getattr(cls, field.name, None)
            if isinstance(slot, types.MemberDescriptorType):
                # the slot's own setter: what object.__setattr__ ends in, without the lookup
                setter = self._constant(slot.__set__, "_s")
                lines.append(f"    {setter}(self, v{index})")
            else:
                lines.append(f"    _set(self, {field.name!r}, v{index})")
        lines.extend(after)
        if hasattr(cls, "__attrs_post_init__"):  # as attrs' __init__: after the validators
            lines.append("    self.__attrs_post_init__()")
        lines.append("    return self")
        return "\n".join(lines) + "\n"

    @staticmethod
    def _default_passes(field: attrs.Attribute[Any], validators: list[Any]) -> bool:
        """Whether ``field`` has a default value (not a factory's, nor one a converter
        changes) that passes each of ``validators`` without reading the instance: the
        generated function tests a value that is that very object no more (it passes,
        as it did here)."""
        default = field.default
        if (
            default is attrs.NOTHING
            or isinstance(default, attrs.Factory)  # type: ignore[arg-type]
            or field.converter is not None
        ):
            return False
        try:
            for validator in validators:
                validator(_NO_INSTANCE, field, default)
        except Exception:  # it fails, or it reads the instance: tested every time
            return False
        return True

    @staticmethod
    def _inline_check(validators: list[Any], field: attrs.Attribute[Any], tp: Any) -> str:
        """``"id"`` or ``"line"`` where the field's only validator is one the text test
        can do (:func:`~helsefellesskap.model._base.check_id` or
        :func:`~helsefellesskap.model._base.one_line` on text,
        :func:`~helsefellesskap.model._base.check_id_list` on a sequence of text) and
        its default (not tested by the text test) passes it."""
        if len(validators) != 1 or isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            return ""
        if field.default is not attrs.NOTHING:
            try:
                validators[0](None, field, field.default)
            except Exception:
                return ""
        text = tp is str or _optional_inner(tp) is str
        if validators[0] is check_id and text:
            return "id"
        if validators[0] is one_line and text:
            return "line"
        if validators[0] is check_id_list and tp == tuple[str, ...]:
            return "id"
        return ""

    def _validation(
        self, validator: Any, field: attrs.Attribute[Any], tp: Any, value: str
    ) -> list[str]:
        """Lines that run ``validator`` on the field's value: inline where it is one of
        the common ones and the value's type is known, else the validator itself."""
        text = tp is str or _optional_inner(tp) is str
        fail = "        raise NotPlain"
        if validator is check_id and text:
            return [f"    if {value} is not None and _id({value}) is None:", fail]
        if validator is non_empty and text:
            return [f"    if {value} is not None and not {value}.strip():", fail]
        if validator is check_id_list and tp == tuple[str, ...]:
            item = self._fresh("_x")
            return [
                f"    for {item} in {value}:",
                f"        if _id({item}) is None:",
                "            raise NotPlain",
            ]
        call = self._constant(validator, "_v")
        attribute = self._constant(field, "_a")
        return [f"    {call}(self, {attribute}, {value})"]
