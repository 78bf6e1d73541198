"""The outline's blocks are made by a quicker ``__init__`` than attrs' frozen one
(outline/blocks.py ``_quick_init``, issue 11 §2); it must take and refuse what attrs'
own does, keep the defaults, and still run the classes' own checks."""

from __future__ import annotations

import attrs
import pytest

from helsefellesskap.outline import blocks
from helsefellesskap.outline.blocks import (
    Bar,
    BarChart,
    Cell,
    ChartSeries,
    Heading,
    Link,
    Paragraph,
    Row,
    Text,
)

CLASSES = [
    getattr(blocks, name)
    for name in blocks.__all__
    if isinstance(getattr(blocks, name), type) and attrs.has(getattr(blocks, name))
]


def test_every_block_class_gets_the_quick_init() -> None:
    for cls in CLASSES:
        assert cls.__init__.__code__.co_filename.startswith("<quick init of "), cls


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_quick_init_has_attrs_signature(cls: type) -> None:
    fields = attrs.fields(cls)
    code = cls.__init__.__code__
    names = code.co_varnames[1 : 1 + code.co_argcount + code.co_kwonlyargcount - 1]
    assert names == tuple(f.name for f in fields)
    assert code.co_kwonlyargcount == sum(f.kw_only for f in fields)
    positional = (cls.__init__.__defaults__ or ())[::-1]
    defaults = dict(zip(names[::-1][: len(positional)], positional, strict=True))
    defaults.update(cls.__init__.__kwdefaults__ or {})
    assert defaults == {f.name: f.default for f in fields if f.default is not attrs.NOTHING}


def test_fields_and_defaults_are_set() -> None:
    cell = Cell(blocks=(Paragraph(runs=(Text("a"),)),), rowspan=2)
    assert (cell.rowspan, cell.colspan, cell.header) == (2, 1, False)
    assert cell.blocks[0].runs == (Text(text="a"),)
    assert Cell() == Cell(blocks=(), rowspan=1, colspan=1, header=False)
    assert repr(Row(cells=(cell,))) == f"Row(cells=({cell!r},), data=())"
    assert attrs.evolve(cell, header=True).header is True
    assert hash(Heading(level=1, runs=())) == hash(Heading(level=1, runs=()))


def test_wrong_calls_are_refused_as_attrs_refuses_them() -> None:
    with pytest.raises(TypeError):
        Paragraph()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Cell((), 2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Text("a", "b")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Cell(width=2)  # type: ignore[call-arg]


def test_blocks_stay_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Text("a").text = "b"  # type: ignore[misc]


def test_the_classes_own_checks_still_run() -> None:
    with pytest.raises(ValueError, match="exactly one of url, anchor and document"):
        Link(runs=(Text("x"),))
    with pytest.raises(ValueError, match="one value per series"):
        BarChart(
            series=(ChartSeries(key="done", label=(Text("Ferdig"),)),),
            bars=(Bar(label=(Text("A"),), values=(1, 2)),),
        )


# -- positional constructors (outline/construct.py) ---------------------------------------


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_positional_constructor_makes_what_the_keyword_call_makes(cls: type) -> None:
    from helsefellesskap.outline.construct import positional

    make = positional(cls)
    fields = attrs.fields(cls)
    required = [f for f in fields if f.default is attrs.NOTHING]
    if cls is Link:
        values: dict[str, object] = {"runs": (Text("x"),), "anchor": "a"}
    elif cls is BarChart:
        values = {
            "series": (ChartSeries(key="k", label=()),),
            "bars": (Bar(label=(), values=(1,)),),
        }
    else:
        values = {f.name: _sample(f) for f in required}
    by_keyword = cls(**values)
    by_position = make(*(values.get(f.name, f.default) for f in fields))
    assert type(by_position) is cls
    assert by_position == by_keyword
    if fields:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(by_position, fields[0].name, None)


def _sample(field: attrs.Attribute) -> object:  # type: ignore[type-arg]
    return 1 if field.type in ("int", int) else "x" if field.type in ("str", str) else ()


def test_a_positional_constructor_runs_the_classes_own_checks() -> None:
    from helsefellesskap.outline.construct import positional

    with pytest.raises(ValueError, match="exactly one of url, anchor and document"):
        positional(Link)((Text("x"),), "https://a.no", "a")
    with pytest.raises(ValueError, match="one value per series"):
        positional(BarChart)((ChartSeries(key="k", label=()),), (Bar(label=(), values=()),))
    assert positional(Cell)(()) == Cell()
    note = Paragraph(runs=(Text("x"),), role="note")
    assert positional(Paragraph)((Text("x"),), "note") == note


def test_a_class_whose_init_does_more_gets_no_positional_constructor() -> None:
    from helsefellesskap.outline.construct import positional

    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Listed:
        values: list[int] = attrs.field(factory=list)

    class Plain:
        pass

    for cls in (Checked, Listed, Plain):
        with pytest.raises(TypeError):
            positional(cls)
