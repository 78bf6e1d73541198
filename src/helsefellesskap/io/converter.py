"""The one cattrs converter configuration for TOML (and its JSON twin).

Built on :mod:`cattrs.preconf.tomllib`, with ``forbid_extra_keys`` so a misspelt key is
an error, strict hooks so that ``3`` never silently becomes ``"3"`` and a TOML datetime
is never taken for a date, enums that list their allowed values, the compact forms of a
:class:`~helsefellesskap.model.Deadline`, and ``None`` and other defaults omitted.

:data:`toml_converter` and :data:`json_converter` are built (and cattrs imported) on
first need: valid tables of the model are structured by the generated functions of
:mod:`.fast` without them, so loading valid data does not pay for cattrs (issue 11 §3).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from ..messages import message
from ..model import Deadline, DeadlineKind
from ..model._base import FIRST_YEAR, LAST_YEAR, preview
from ..model.words import english_word
from .fast import FastStructure
from .values import (
    CONTROL_CHARACTERS,
    MAX_NUMBER,
    ValueProblem,
    control_character_problem,
    describe,
    text_problem,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "CONTROL_CHARACTERS",
    "ValueProblem",
    "control_character_problem",
    "json_converter",
    "make_converter",
    "toml_converter",
]

_SPAN = re.compile(r"^\s*(\d{4})\s*[-\u2013\u2014]\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DEADLINE_FORMS = (
    'a year (2024), a span of years ("2024-2025"), a date (2024-06-30), '
    'or a phrase with the date it means ({ text = "Innen utgangen av 2024", means = 2024-12-31 })'
)
"""The forms a deadline takes, in English (:func:`deadline_forms` words them in the
current language)."""


def deadline_forms() -> str:
    """The forms a deadline takes, in the current language, for a hint."""
    return message("data.deadline_forms")


def _strict_str(value: Any, _type: Any) -> str:
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise problem
        return value
    hint = message("data.write_in_quotes", value=value) if isinstance(value, (int, float)) else None
    raise ValueProblem(message("data.expected_text", got=describe(value)), hint)


def _strict_int(value: Any, _type: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if -MAX_NUMBER <= value <= MAX_NUMBER:
            return value
        raise ValueProblem(
            message("data.number_too_large", value=describe(value)),
            message("data.write_number_between", limit=f"{MAX_NUMBER:_}"),
        )
    hint = None
    if isinstance(value, str):
        digits = value.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
        if digits.lstrip("-").isdigit():
            hint = message("data.write_plain_number", digits=digits)
    raise ValueProblem(message("data.expected_whole_number", got=describe(value)), hint)


def _strict_float(value: Any, _type: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if -MAX_NUMBER <= value <= MAX_NUMBER:
            return float(value)
        raise ValueProblem(
            message("data.number_out_of_range", value=describe(value)),
            message("data.write_number_between", limit=f"{MAX_NUMBER:_}"),
        )
    raise ValueProblem(message("data.expected_number", got=describe(value)))


def _strict_bool(value: Any, _type: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueProblem(
        message("data.expected_boolean", got=describe(value)), message("data.write_boolean")
    )


def _norwegian_date(text: str) -> str | None:
    """:func:`.norwegian_dates.norwegian_date`, imported when a value is wrong (a hint)."""
    from .norwegian_dates import norwegian_date as read

    return read(text)


def _toml_date(value: Any, _type: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueProblem(
            message("data.expected_date_alone", got=describe(value)),
            message("data.write_date_alone", date=value.date().isoformat()),
        )
    if isinstance(value, dt.date):
        return value
    hint = None
    if isinstance(value, str) and _ISO_DATE.match(value):
        hint = message("data.write_date_unquoted", date=value)
    elif isinstance(value, str) and (iso := _norwegian_date(value)) is not None:
        hint = message("data.write_iso_date", iso=iso)
    raise ValueProblem(message("data.expected_date", got=describe(value)), hint)


def _json_date(value: Any, _type: Any) -> dt.date:
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueProblem(
                message("data.not_a_calendar_date", value=repr(value)),
                message("data.check_month_and_day"),
            ) from None
    raise ValueProblem(message("data.expected_json_date", got=describe(value)))


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    allowed = [str(member.value) for member in cls]

    def structure(value: Any, _type: Any) -> enum.Enum:
        try:
            return cls(value)
        except (ValueError, TypeError):
            pass
        listing = ", ".join(f'"{a}"' for a in allowed)
        if not isinstance(value, str):
            raise ValueProblem(
                message("data.enum_expected_word", listing=listing, got=describe(value)),
                message("data.enum_quote_the_word"),
            )
        shown = preview(value)
        norwegian = english_word(cls, value[:100])
        import difflib  # a did-you-mean: only for a wrong value

        close = difflib.get_close_matches(value[:100], allowed, n=1)
        if norwegian is not None:
            hint = message("data.enum_norwegian", value=shown, word=norwegian)
        else:
            hint = message("data.enum_did_you_mean", word=close[0]) if close else ""
        raise ValueProblem(
            message("data.enum_not_allowed", value=shown),
            message("data.enum_write_one_of", hint=hint, listing=listing),
        )

    return structure


def _year(value: int) -> int:
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueProblem(
            message("data.not_a_year", value=value if abs(value) < 10**20 else describe(value)),
            message("data.write_year_as", first=FIRST_YEAR, last=LAST_YEAR, forms=deadline_forms()),
        )
    return value


def _deadline_from(value: Any, json: bool) -> Deadline:
    if isinstance(value, bool):
        raise ValueProblem(
            message("data.deadline_cannot_be", got=describe(value)),
            message("data.write_forms", forms=deadline_forms()),
        )
    if isinstance(value, int):
        return Deadline.of_year(_year(value))
    if isinstance(value, dt.datetime):
        raise ValueProblem(
            message("data.expected_deadline", got=describe(value)),
            message("data.write_date_alone", date=value.date().isoformat()),
        )
    if isinstance(value, dt.date):
        return Deadline.of_date(value)
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise problem
        if match := _SPAN.match(value):
            start, end = int(match[1]), int(match[2])
            if end < start:
                raise ValueProblem(
                    message("data.span_ends_before_start", value=repr(value)),
                    message("data.write_earlier_year_first"),
                )
            return Deadline.of_span(start, end)
        if match := _YEAR.match(value):
            return Deadline.of_year(_year(int(match[1])))
        if _ISO_DATE.match(value):
            if json:
                return Deadline.of_date(_json_date(value, dt.date))
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValueProblem(
                    message("data.not_a_valid_date", value=repr(value)),
                    message("data.check_month_and_day"),
                ) from None
            raise ValueProblem(
                message("data.expected_deadline", got=message("data.the_text", text=repr(value))),
                message("data.write_date_unquoted", date=value),
            )
        if (iso := _norwegian_date(value)) is not None:
            raise ValueProblem(
                message("data.norwegian_date", value=preview(value)),
                message("data.write_iso_date", iso=f'"{iso}"' if json else iso),
            )
        shown = value if len(value) <= 60 else "…"
        raise ValueProblem(
            message("data.not_a_deadline_alone", value=preview(value)),
            message("data.phrase_needs_date", shown=shown, forms=deadline_forms()),
        )
    if isinstance(value, dict):
        keys = set(value)
        if keys != {"text", "means"}:
            missing = sorted({"text", "means"} - keys)
            extra = sorted(keys - {"text", "means"})
            what = []
            if missing:
                what.append(message("data.phrase_missing", keys=", ".join(missing)))
            if extra:
                what.append(message("data.phrase_unknown", keys=", ".join(extra)))
            raise ValueProblem(
                message("data.phrase_keys", what="; ".join(what)),
                message("data.write_phrase"),
                key=(extra or missing)[0],
            )
        try:
            text = _strict_str(value["text"], str)
        except ValueProblem as problem:
            raise ValueProblem(problem.message, problem.hint, key="text") from None
        if not text.strip():
            raise ValueProblem(
                message("data.phrase_empty"), message("data.phrase_empty_hint"), key="text"
            )
        try:
            means = (_json_date if json else _toml_date)(value["means"], dt.date)
        except ValueProblem as problem:
            raise ValueProblem(problem.message, problem.hint, key="means") from None
        return Deadline.of_phrase(text, means)
    raise ValueProblem(
        message("data.expected_deadline", got=describe(value)),
        message("data.write_forms", forms=deadline_forms()),
    )


def _deadline_to(deadline: Deadline, json: bool) -> Any:
    if deadline.kind is DeadlineKind.YEAR:
        return deadline.year
    if deadline.kind is DeadlineKind.SPAN:
        return f"{deadline.year}-{deadline.end_year}"
    assert deadline.date is not None
    when: Any = deadline.date.isoformat() if json else deadline.date
    if deadline.kind is DeadlineKind.DATE:
        return when
    return {"text": deadline.text, "means": when}


def _fast_hooks(json: bool) -> dict[Any, Callable[[Any, Any], Any]]:
    """The converter's hooks the fast functions call without asking the converter: the
    deadline's, and in JSON the date's (dates are text there)."""
    hooks: dict[Any, Callable[[Any, Any], Any]] = {Deadline: lambda v, _t: _deadline_from(v, json)}
    if json:
        hooks[dt.date] = _json_date
    return hooks


def make_converter(*, json: bool = False, fast: bool = True) -> cattrs.Converter:
    """Build the converter: for TOML by default, for JSON with ``json=True``.

    Both share every rule; the JSON one writes dates as ``"YYYY-MM-DD"`` strings. With
    ``fast`` (the default) valid tables are built by the functions of
    :class:`~helsefellesskap.io.fast.FastStructure` and only the rest by cattrs' detailed
    path; ``fast=False`` always takes the detailed path (the same results, slower).
    """
    return _configure(json=json, fast=fast)


def _configure(*, json: bool, fast: bool | FastStructure) -> cattrs.Converter:
    """:func:`make_converter`, or with the fast functions of ``fast`` when it is a
    :class:`FastStructure` of its own (the lazy converters' shared one)."""
    from cattrs.preconf.tomllib import make_converter as make_toml_converter

    from .shapes import (
        is_attrs_class,
        is_mapping_type,
        is_sequence_type,
        mapping_hook_factory,
        sequence_hook_factory,
        table_hook_factory,
    )

    converter = make_toml_converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(float, _strict_float)
    converter.register_structure_hook(bool, _strict_bool)
    if json:
        converter.register_structure_hook(dt.date, _json_date)
        converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    else:
        converter.register_structure_hook(dt.date, _toml_date)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    if isinstance(fast, FastStructure):
        built: FastStructure | None = fast
    elif fast:
        built = FastStructure(converter, json=json, delegated=(Deadline,), hooks=_fast_hooks(json))
    else:
        built = None
    converter.register_structure_hook_factory(
        is_attrs_class,
        lambda t: table_hook_factory(t, converter, built.function(t) if built else None),
    )
    converter.register_structure_hook_factory(
        is_sequence_type, lambda t: sequence_hook_factory(t, converter)
    )
    converter.register_structure_hook_factory(
        is_mapping_type, lambda t: mapping_hook_factory(t, converter)
    )
    converter.register_structure_hook(Deadline, lambda v, _t: _deadline_from(v, json))
    converter.register_unstructure_hook(Deadline, lambda d: _deadline_to(d, json))
    return converter


class _LazyConverter:
    """The converter :func:`make_converter` builds, built (and cattrs imported) only when
    something needs it: a table of a model class that the fast functions build
    (:class:`~helsefellesskap.io.fast.FastStructure`, the common case of valid data) is
    structured without it.

    :meth:`structure` of an attrs class tries the fast function first, as the
    converter's own hook does, and hands everything else to the converter; every other
    attribute is the converter's. The converter uses the same fast functions.
    """

    def __init__(self, *, json: bool) -> None:
        self._json = json
        self._converter: cattrs.Converter | None = None
        self._lock = threading.Lock()
        self._fast = FastStructure(
            self,  # type: ignore[arg-type]  # it answers as the converter does
            json=json,
            delegated=(Deadline,),
            hooks=_fast_hooks(json),
        )

    def built(self) -> cattrs.Converter:
        """The converter, built on first use."""
        converter = self._converter
        if converter is None:
            with self._lock:
                if self._converter is None:
                    self._converter = _configure(json=self._json, fast=self._fast)
                converter = self._converter
        return converter

    def structure(self, obj: Any, cl: Any) -> Any:
        """``obj`` structured as ``cl``, as :meth:`cattrs.Converter.structure` does."""
        if isinstance(cl, type) and attrs.has(cl):
            function = self._fast.function(cl)
            if function is not None:
                try:
                    return function(obj)
                except Exception:  # the converter's detailed path says what is wrong
                    pass
        return self.built().structure(obj, cl)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_json", "_converter", "_lock", "_fast"):
            raise AttributeError(name)  # not set yet (a copy being made): never the converter's
        return getattr(self.built(), name)

    def __repr__(self) -> str:
        return f"<the {'JSON' if self._json else 'TOML'} converter of helsefellesskap>"


if TYPE_CHECKING:  # each answers as the converter it stands for
    toml_converter: cattrs.Converter
    json_converter: cattrs.Converter
else:
    toml_converter = _LazyConverter(json=False)
    """The converter for TOML data (built on first use)."""

    json_converter = _LazyConverter(json=True)
    """The converter for JSON data (built on first use)."""
