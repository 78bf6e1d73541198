"""Hypothesis strategies that build any valid model object from its attrs fields.

The strategies are derived from the classes themselves (field types and validators), so
a field added to the model is covered by the round-trip tests without a change here.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

from helsefellesskap.model import GENERATED_PARTS, Deadline, Period
from helsefellesskap.model._base import (
    _LINE_BREAKS,
    MAX_COUNT,
    check_count,
    check_id,
    check_id_list,
    check_year,
    non_empty,
    non_negative,
    one_line,
)
from helsefellesskap.model.body import TermOfOffice
from helsefellesskap.model.language import check_language
from helsefellesskap.model.links import check_url
from helsefellesskap.model.national import (
    _TRANSLATION_LANGUAGES,
    TRANSLATABLE,
    check_national_texts,
    check_translations,
)
from helsefellesskap.model.partner import PartnerKind, _as_partner_kinds, as_partner_kind
from helsefellesskap.model.partnership import (
    MEASURE_COLUMNS,
    check_generated_parts,
    check_measure_columns,
)
from helsefellesskap.model.plan import RESPONSIBLE_JOINS, check_responsible_join
from helsefellesskap.model.text import check_strong
from helsefellesskap.national import national_frame

# Letters the data must survive: Norwegian, Northern Sami, and some awkward characters.
SPECIAL = [
    "æøå ÆØÅ",
    "á č đ ŋ š ŧ ž",
    "Davvi-Norgga",
    '"quoted" \\ back',
    "tab\tand\nnewline",
    "é ü ß €",
    "|pipe|",
    "#hash",
    "  spaced  ",
]

_characters = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
    exclude_characters="".join(
        map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
    )
    + "\ufffe\uffff",
)
text = st.one_of(st.sampled_from(SPECIAL), st.text(_characters, max_size=12))
non_empty_text = text.filter(lambda t: bool(t.strip()))
ids = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}\Z")
years = st.integers(min_value=1900, max_value=2200)
urls = st.one_of(
    st.sampled_from(["https://helse-nord.no/", "mailto:post@unn.no", "http://example.no/a(b)"]),
    st.from_regex(r"\Ahttps://[a-z]{1,8}\.no(/[a-zA-Z0-9%._~-]{0,12}){0,3}\Z"),
)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
# A partner kind: built in (a PartnerKind member) or a kind a plugin adds (plain text).
partner_kinds = st.one_of(st.sampled_from(list(PartnerKind)), ids)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(years)
    end = draw(st.integers(min_value=start, max_value=min(start + 10, 2200)))
    return Period(start=start, end=end)


@st.composite
def terms_of_office(draw: st.DrawFn) -> TermOfOffice:
    start = draw(st.none() | dates)
    end = draw(st.none() | (dates if start is None else dates.filter(lambda d: d >= start)))
    years_ = draw(st.none() | st.integers(min_value=0, max_value=12))
    return TermOfOffice(years=years_, start=start, end=end)


@st.composite
def spans(draw: st.DrawFn) -> Deadline:
    start = draw(years)
    end = draw(st.integers(min_value=start, max_value=min(start + 5, 2200)))
    return Deadline.of_span(start, end)


deadlines = st.one_of(
    years.map(Deadline.of_year),
    spans(),
    dates.map(Deadline.of_date),
    st.builds(Deadline.of_phrase, non_empty_text, dates),
)


def _for_type(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[_for_type(a, depth) for a in args])
    if tp is type(None):
        return st.none()
    if origin is tuple:
        if depth > 2 and attrs.has(args[0]):
            return st.just(())
        return st.lists(_for_type(args[0], depth + 1), max_size=2).map(tuple)
    if origin is dict:
        return st.dictionaries(text, _for_type(args[1], depth + 1), max_size=2)
    if tp is Deadline:
        return deadlines
    if tp is Period:
        return periods()
    if tp is TermOfOffice:
        return terms_of_office()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=-(10**12), max_value=10**12)
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if tp is dt.date:
        return dates
    if tp is str:
        return text
    if attrs.has(tp):
        return models(tp, depth + 1)
    raise TypeError(f"no strategy for {tp!r}")


def _wordings(names: list[str]) -> st.SearchStrategy[dict[str, dict[str, str]]]:
    """Wordings per language (``nb``, ``nn``, ``en``), each naming one of ``names``."""
    if not names:
        return st.just({})
    return st.dictionaries(
        st.sampled_from(_TRANSLATION_LANGUAGES),
        st.dictionaries(st.sampled_from(names), non_empty_text, min_size=1, max_size=2),
        max_size=2,
    )


def _for_field(field: attrs.Attribute[Any], depth: int, cls: type[Any]) -> st.SearchStrategy[Any]:
    validators = _validators(field)
    strategy: st.SearchStrategy[Any]
    if field.converter is as_partner_kind:
        strategy = partner_kinds
    elif field.converter is _as_partner_kinds:
        strategy = st.lists(partner_kinds, max_size=2).map(tuple)
    elif check_translations in validators:
        fields = {f.name for f in attrs.fields(cls)}
        strategy = _wordings([n for n in TRANSLATABLE if n in fields])
    elif check_national_texts in validators:
        strategy = _wordings(sorted(national_frame().ids()))
    elif check_id in validators:
        strategy = ids
    elif check_id_list in validators:
        strategy = st.lists(ids, max_size=2).map(tuple)
    elif one_line in validators:
        strategy = non_empty_text.filter(lambda t: not any(c in _LINE_BREAKS for c in t))
    elif non_empty in validators:
        strategy = non_empty_text
    elif check_strong in validators:
        strategy = st.just(())  # bold words must stand in the generated text
    elif check_responsible_join in validators:
        strategy = st.sampled_from(RESPONSIBLE_JOINS)
    elif check_generated_parts in validators:
        strategy = st.lists(st.sampled_from(GENERATED_PARTS), unique=True).map(tuple)
    elif non_negative in validators:
        strategy = st.integers(min_value=0, max_value=10**12)
    elif check_count in validators:
        strategy = st.integers(min_value=0, max_value=MAX_COUNT)
    elif check_year in validators:
        strategy = years
    elif check_url in validators:
        strategy = urls
    elif check_language in validators:
        strategy = st.sampled_from(["nb", "nn", "en", "se", "sma", "en-GB"])
    elif check_measure_columns in validators:
        strategy = st.lists(st.sampled_from(MEASURE_COLUMNS), min_size=1, unique=True).map(tuple)
    else:
        return _for_type(field.type, depth)
    if type(None) in typing.get_args(field.type):
        return st.one_of(st.none(), strategy)
    return strategy


def _validators(field: attrs.Attribute[Any]) -> set[Any]:
    found: set[Any] = set()
    validator = field.validator
    if validator is None:
        return found
    inner = getattr(validator, "_validators", None)
    for item in inner if inner is not None else (validator,):
        found.add(item)
    return found


def models(cls: type[Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for valid instances of the attrs class ``cls``."""
    attrs.resolve_types(cls)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        strategy = _for_field(field, depth, cls)
        if field.default is attrs.NOTHING:
            required[field.name] = strategy
        else:
            optional[field.name] = strategy

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        kwargs = {name: draw(s) for name, s in required.items()}
        for name, strategy in optional.items():
            if draw(st.booleans()):
                kwargs[name] = draw(strategy)
        return cls(**kwargs)

    return build()
