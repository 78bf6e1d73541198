"""The model's shortcut for a class's field types (``model._typed.type_hints``) reads each
class's own annotations as :func:`inspect.get_annotations` does, and leaves what it does
not expect to :func:`typing.get_type_hints`."""

from __future__ import annotations

import typing

from helsefellesskap.model._typed import type_hints


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
