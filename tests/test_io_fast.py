"""The fast structuring path (``io/fast.py``) gives what the detailed path gives.

Valid data is built by generated functions and everything else goes through cattrs'
detailed path, so every result must be the same as with the detailed path alone
(``make_converter(fast=False)``): the same objects for valid data, the same problems
(message, path, hint) for invalid data. Checked over every bundled data file as it is
and with wrong values put in at many places, and the fast path must take every bundled
file itself (else it would be no faster).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from helsefellesskap.errors import DataError
from helsefellesskap.io.converter import make_converter, toml_converter
from helsefellesskap.io.documents import document_types_by_kind, structure
from helsefellesskap.io.fast import FastStructure
from helsefellesskap.io.text import read_toml
from helsefellesskap.model import Deadline, Partnership
from helsefellesskap.model.plan import ActionPlan

REPO = Path(__file__).resolve().parent.parent
ROOTS = [
    REPO / "examples" / "eksempel",
    REPO / "plugins" / "troms-ofoten" / "src" / "helsefellesskap_troms_ofoten" / "data",
    REPO / "plugins" / "helgeland" / "src" / "helsefellesskap_helgeland" / "data",
    REPO / "examples" / "plugin-template" / "src" / "helsefellesskap_template" / "data",
]
FAST = make_converter()
DETAILED = make_converter(fast=False)
TYPES = document_types_by_kind()
EXAMPLE_PLAN = REPO / "examples" / "eksempel" / "plans" / "handlingsplan-2024-2025.toml"


def _bundled() -> list[Path]:
    files = sorted(path for root in ROOTS for path in root.rglob("*.toml"))
    assert len(files) > 20
    return files


def _class_and_data(path: Path) -> tuple[type[Any], dict[str, Any]]:
    data = read_toml(path)
    if path.name == "partnership.toml":
        return Partnership, data
    kind = data.pop("kind")
    return TYPES[kind], data


def _outcome(data: Any, cls: type[Any], converter: Any) -> Any:
    try:
        return structure(data, cls, converter=converter)
    except DataError as error:
        return [(p.message, p.path, p.hint) for p in error.problems]


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_bundled_file_takes_the_fast_path_and_gives_the_same_model(path: Path) -> None:
    cls, data = _class_and_data(path)
    fast = FastStructure(toml_converter, json=False, delegated=(Deadline,)).function(cls)
    assert fast is not None, f"{cls.__name__} has no fast function"
    built = fast(data)  # raises if the fast path would fall back to the detailed one
    assert built == structure(data, cls, converter=DETAILED)
    assert type(built) is cls


WRONG: list[Any] = [
    7,
    True,
    "",
    "bad\x0bid",
    "x" * 100_001,
    ["list"],
    {"table": 1},
    dt.datetime(2024, 1, 2, 3, 4),
    dt.date(2024, 1, 2),
    10**13,
]


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*path, index))


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


def _changed(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    copy = _copy(data)
    target = copy
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


_DELETE = object()


def _mutations(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Wrong values, deletions and unknown keys at up to 25 places spread over the file."""
    _cls, data = _class_and_data(path)
    places = list(_places(data))
    step = max(1, len(places) // 25)
    for n, place in enumerate(places[::step]):
        for value in (*WRONG[n % 3 :: 3], _DELETE):
            yield f"{place}={value!r:.20}", _changed(data, place, value)
        parent = data if len(place) == 1 else _changed(data, place, _DELETE)
        target: Any = _copy(parent)
        inner = target
        for part in place[:-1]:
            inner = inner[part]
        if isinstance(inner, dict):
            inner["unknown_key"] = 1
            yield f"{place[:-1]}+unknown_key", target


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: str(p.relative_to(REPO)))
def test_wrong_data_gives_the_same_problems_either_way(path: Path) -> None:
    cls, _data = _class_and_data(path)
    for what, data in _mutations(path):
        fast, detailed = _outcome(data, cls, FAST), _outcome(data, cls, DETAILED)
        assert fast == detailed, what


def test_a_deadline_seen_before_is_still_checked_where_it_is_wrong() -> None:
    # deadlines are kept per value once built; a wrong one is never kept
    cls, data = _class_and_data(EXAMPLE_PLAN)
    assert cls is ActionPlan
    measure = data["focus_areas"][0]["goals"][0]["measures"][0]
    for deadline in (2025, "2024-2025", dt.date(2025, 6, 30), 2025):
        measure["deadline"] = deadline
        fast = structure(data, cls, converter=FAST)
        detailed = structure(data, cls, converter=DETAILED)
        assert next(fast.measures()).deadline == next(detailed.measures()).deadline
    measure["deadline"] = 1066
    with pytest.raises(DataError) as error:
        structure(data, cls, converter=FAST)
    assert error.value.problems[0].path == "$.focus_areas[0].goals[0].measures[0].deadline"


def _partnership_with(**changes: Any) -> dict[str, Any]:
    """The example's partnership table, with ``changes`` made to its first partner."""
    data = read_toml(REPO / "examples" / "eksempel" / "partnership.toml")
    data["partners"][0].update(changes)
    return data


def test_converted_fields_and_post_init_take_the_fast_path_with_the_same_result() -> None:
    from helsefellesskap.model import Group, Partner
    from helsefellesskap.model._base import InvalidValue
    from helsefellesskap.model.body import TermOfOffice

    functions = FastStructure(toml_converter, json=False, delegated=(Deadline,))
    for cls in (Partner, Group, TermOfOffice):  # a converter; __attrs_post_init__
        assert functions.function(cls) is not None, cls.__name__
    term = functions.function(TermOfOffice)
    assert term is not None
    built = term({"years": 4, "start": dt.date(2024, 1, 1), "end": dt.date(2027, 12, 31)})
    assert built == TermOfOffice(years=4, start=dt.date(2024, 1, 1), end=dt.date(2027, 12, 31))
    with pytest.raises(InvalidValue):  # ends before it starts: post-init refuses it
        term({"start": dt.date(2024, 1, 1), "end": dt.date(2023, 1, 1)})
    group = functions.function(Group)
    assert group is not None
    plain = {"id": "kommunene", "name": "Kommunene", "kinds": ["municipality"]}
    assert group(plain) == Group(id="kommunene", name="Kommunene", kinds=("municipality",))
    assert group({"id": "alle", "name": "Alle"}).kinds == Group(id="alle", name="Alle").kinds
    for changes in ({"kind": "municipality"}, {"kind": "Kommune"}, {"kind": 3}, {"extra": {}}):
        data = _partnership_with(**changes)
        fast, detailed = _outcome(data, Partnership, FAST), _outcome(data, Partnership, DETAILED)
        assert fast == detailed, changes
    data = _partnership_with(extra={"budget": 3, "note": "x"})  # a union: the converter's
    assert _outcome(data, Partnership, FAST) == _outcome(data, Partnership, DETAILED)


_JOINS_TESTED: list[str] = []


@attrs.frozen(kw_only=True)
class _Defaults:
    """A class whose defaulted fields have validators: one of the value alone, one that
    reads another field of the instance (module level: its type hints must resolve)."""

    low: int
    join: str = attrs.field(default="og")
    high: int = attrs.field(default=0)

    @join.validator
    def _a_join(self, _attribute: Any, value: str) -> None:  # of the value alone
        _JOINS_TESTED.append(value)
        if value not in ("og", "eller"):
            raise ValueError("not a join")

    @high.validator
    def _not_below_low(self, _attribute: Any, value: int) -> None:
        if value < self.low:
            raise ValueError("high below low")


def test_a_default_is_tested_again_only_where_its_validator_reads_the_value_alone() -> None:
    functions = FastStructure(toml_converter, json=False)
    build = functions.function(_Defaults)
    assert build is not None
    assert build({"low": -1}) == _Defaults(low=-1)
    assert build({"low": -1, "join": "eller", "high": 5}) == _Defaults(low=-1, join="eller", high=5)
    with pytest.raises(ValueError):  # a given value is tested
        build({"low": -1, "join": "and"})
    with pytest.raises(ValueError):  # the default of a validator that reads the instance too
        build({"low": 1})
    with pytest.raises(ValueError):
        _Defaults(low=1)
    _JOINS_TESTED.clear()  # (tried on the default once, when the function was made)
    build({"low": 0})
    build({"low": 0, "join": "".join(["o", "g"])})  # read from a file: another object
    assert _JOINS_TESTED == ["og"]  # the given value only: the default passed before


def _attrs_classes() -> list[type[Any]]:
    """Every attrs class of the model, the core and the bundled plugins' modules."""
    import importlib
    import pkgutil
    import sys

    import attrs

    import helsefellesskap

    for info in pkgutil.walk_packages(helsefellesskap.__path__, "helsefellesskap."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return [
        value
        for name, module in sorted(sys.modules.items())
        if name.startswith(("helsefellesskap.", "helsefellesskap_"))
        for value in vars(module).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == name
    ]


def test_the_type_hints_shortcut_gives_what_typing_gives() -> None:
    import typing

    from helsefellesskap.model._typed import type_hints

    classes = _attrs_classes()
    assert len(classes) > 60
    for cls in classes:
        try:
            expected = typing.get_type_hints(cls)
        except NameError:  # a name imported for type checking only: the same error
            with pytest.raises(NameError):
                type_hints(cls)
            continue
        assert type_hints(cls) == expected, cls


def test_the_type_hints_shortcut_leaves_a_name_the_class_answers_to_typing() -> None:
    import typing

    from helsefellesskap.model._typed import type_hints

    namespace: dict[str, Any] = {}
    exec(
        "from __future__ import annotations\n"
        "import attrs\n"
        "@attrs.frozen\n"
        "class Odd:\n"
        "    int = str\n"  # a name of the class's own, shadowing the builtin
        "    value: int = 'x'\n",
        namespace,
    )
    odd = namespace["Odd"]
    odd.__module__ = __name__
    assert type_hints(odd) == typing.get_type_hints(odd) == {"value": str}


def test_the_same_annotation_text_in_two_modules_names_each_modules_own_class() -> None:
    """Annotation texts are compiled once a process (by text) but evaluated in each
    module: ``Item | None`` in two modules is each module's ``Item``."""
    import sys
    import types
    import typing

    from helsefellesskap.model._typed import type_hints

    found = []
    for name in ("hf_test_annotations_a", "hf_test_annotations_b"):
        module = types.ModuleType(name)
        sys.modules[name] = module
        try:
            exec(
                "from __future__ import annotations\n"
                "import attrs\n"
                "class Item:\n"
                "    pass\n"
                "@attrs.frozen\n"
                "class Holder:\n"
                "    item: Item | None = None\n"
                "    items: tuple[Item, ...] = ()\n",
                module.__dict__,
            )
            holder = module.Holder
            hints = type_hints(holder)
            assert hints == typing.get_type_hints(holder)
            assert hints["item"] == module.Item | None
            found.append(hints["items"])
        finally:
            del sys.modules[name]
    assert found[0] != found[1]


def test_the_lazy_converters_answer_as_the_converter_they_stand_for() -> None:
    from helsefellesskap.io.converter import json_converter
    from helsefellesskap.model import Measure

    built = make_converter()
    assert toml_converter.structure(["a", "b"], tuple[str, ...]) == ("a", "b")
    deadline = toml_converter.structure(2025, Deadline)
    assert deadline == built.structure(2025, Deadline)
    assert toml_converter.unstructure(deadline) == built.unstructure(deadline) == 2025
    date = dt.date(2025, 6, 30)
    assert json_converter.unstructure(date) == "2025-06-30"
    assert json_converter.structure("2025-06-30", dt.date) == date
    measure = {"id": "m", "text": "Tiltak", "responsible": ["unn"], "deadline": 2025}
    assert toml_converter.structure(measure, Measure) == built.structure(measure, Measure)
    with pytest.raises(Exception) as refused:  # the detailed path explains it
        toml_converter.structure({**measure, "titel": "x"}, Measure)
    assert type(refused.value).__module__.startswith("cattrs")
    assert "TOML" in repr(toml_converter) and "JSON" in repr(json_converter)
