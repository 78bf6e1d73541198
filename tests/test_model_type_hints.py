"""The model's shortcut for a class's field types (``model._typed.type_hints``) reads each
class's own annotations as :func:`inspect.get_annotations` does, and leaves what it does
not expect to :func:`typing.get_type_hints`."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

import pytest

from helsefellesskap.model import Mandate, StatusUpdate
from helsefellesskap.model._typed import _looked_up, type_hints


class _Base:
    number: int
    text: str | None


class _NoneOfItsOwn(_Base):
    pass


class _Own(_Base):
    items: tuple[str, ...]
    number: bool  # overrides the base's


class _OddMapping(dict[str, object]):
    """Annotations that are not a plain dict (set by a metaclass or a tool)."""


class _Odd:
    value: int


_Odd.__annotations__ = _OddMapping(value="str")


def test_the_annotations_of_each_class_of_the_mro_as_typing_reads_them() -> None:
    for cls in (_Base, _NoneOfItsOwn, _Own, _Odd, object):
        assert type_hints(cls) == typing.get_type_hints(cls), cls
    assert type_hints(_NoneOfItsOwn) == {"number": int, "text": str | None}
    assert type_hints(_Own) == {"number": bool, "text": str | None, "items": tuple[str, ...]}
    assert type_hints(_Odd) == {"value": str}  # typing answered


def test_a_name_read_only_as_an_attribute_is_not_looked_up_in_the_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not _looked_up("dt.date | None", "date")
    assert not _looked_up("dt . date", "date")
    assert not _looked_up("dated | None", "date")
    assert _looked_up("date | dt.date", "date")
    assert _looked_up("tuple[date, ...]", "date")
    assert _looked_up("Literal['x.date', 'date']", "date")  # unsure: yes

    asked = []

    def get_type_hints(obj: Any) -> dict[str, Any]:
        asked.append(obj)
        return original(obj)

    original = typing.get_type_hints
    monkeypatch.setattr(typing, "get_type_hints", get_type_hints)
    # a field called `date` (a slot of the class) typed `dt.date`: the shortcut answers
    assert type_hints(StatusUpdate) == original(StatusUpdate)
    assert type_hints(Mandate) == original(Mandate)
    assert asked == []
    # a name the class itself defines and the annotation looks up: typing answers
    namespace: dict[str, Any] = {}
    exec(
        "from __future__ import annotations\n"
        "import datetime as dt\n"
        "class Odd:\n"
        "    date = str\n"
        "    when: date | None = None\n"
        "    day: dt.date | None = None\n",
        namespace,
    )
    odd = namespace["Odd"]
    odd.__module__ = __name__
    assert type_hints(odd) == original(odd) == {"when": str | None, "day": dt.date | None}
    assert asked == [odd]
