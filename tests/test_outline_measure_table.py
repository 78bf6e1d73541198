"""The outline's goals and measures table agrees with the view's, over all bundled plans.

The outline builds its table straight from the model (issue 11: no intermediate cells,
repeated cells shared); ``view.measure_table`` is the view model other code and tests
read. Both take their rows and spans from ``view.measure_rows``: this test holds them
to the same rows, spans, texts and row keys for every focus area of every bundled plan,
in the layout's columns with and without ongoing work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from helsefellesskap import ActionPlan, Bundle, PluginManager, load_bundle
from helsefellesskap.outline import Cell, Paragraph, Table, build_outline, inline_text
from helsefellesskap.render import make_context, view

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "examples" / "eksempel",
    *sorted(p.parent for p in (ROOT / "plugins").glob("*/src/*/data/partnership.toml")),
]


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager()


def _bundles(manager: PluginManager) -> Iterator[Bundle]:
    for folder in FOLDERS:
        yield load_bundle(folder, types=manager.document_types())


def _tables(outline_blocks: object) -> list[Table]:
    found: list[Table] = []

    def walk(blocks: object) -> None:
        for block in blocks:  # type: ignore[attr-defined]
            if isinstance(block, Table) and block.role == "measures":
                found.append(block)
            inner = getattr(block, "blocks", None)
            if isinstance(inner, tuple):
                walk(inner)

    walk(outline_blocks)
    return found


def _first_text(cell: Cell) -> str:
    first = cell.blocks[0] if cell.blocks else None
    return inline_text(first.runs) if isinstance(first, Paragraph) else ""


@pytest.mark.parametrize(
    "columns",
    [
        None,
        ("goal", "ongoing_work", "measure", "responsible"),
        # any order, the status, no goal column: the row's cells are written per set
        ("measure", "status", "goal", "ongoing_work"),
        ("ongoing_work", "deadline", "responsible", "measure"),
    ],
)
def test_the_outline_table_has_the_rows_spans_and_texts_of_the_view(
    manager: PluginManager, columns: tuple[str, ...] | None
) -> None:
    checked = 0
    for bundle in _bundles(manager):
        context = make_context(bundle, manager=manager)
        if columns is not None:
            layout = attrs.evolve(context.layout, measure_columns=columns)
            context = attrs.evolve(context, layout=layout)
        for plan in bundle.documents:
            if not isinstance(plan, ActionPlan):
                continue
            shown = [a for a in plan.focus_areas if a.goals]
            tables = _tables(build_outline(plan, context).blocks)
            assert len(tables) == len(shown), plan.id
            plan_columns = view.plan_measure_columns(plan, context)
            for area, table in zip(shown, tables, strict=True):
                expected = view.measure_table(area, context, plan.references, plan_columns)
                assert [c.role for c in table.columns] == list(expected.columns)
                rows = list(table.rows())
                assert len(rows) == len(expected.rows), (plan.id, area.id)
                for row, want in zip(rows, expected.rows, strict=True):
                    assert dict(row.data).get("measure") == want.measure
                    present = [c for c in want.cells if c is not None]
                    assert [c.rowspan for c in row.cells] == [c.rowspan for c in present]
                    assert [c.header for c in row.cells] == [c.column == "goal" for c in present]
                    for cell, view_cell in zip(row.cells, present, strict=True):
                        text = _first_text(cell)
                        if view_cell.column == "measure" and view_cell.label:
                            assert text.startswith(view_cell.label), (plan.id, area.id)
                        elif view_cell.paragraphs and view_cell.paragraphs[0].strip():
                            assert text == view_cell.paragraphs[0], (plan.id, area.id)
                        else:
                            assert not cell.blocks or view_cell.column == "status"
                    checked += 1
    assert checked >= 56  # every measure of the three bundled plans


@pytest.mark.parametrize(
    "columns",
    [
        ("goal", "ongoing_work", "measure", "responsible", "deadline"),
        ("goal", "measure", "responsible", "status"),
        ("measure", "ongoing_work", "goal"),
    ],
)
def test_the_rows_and_groups_follow_measure_rows_at_the_edges(
    manager: PluginManager, columns: tuple[str, ...]
) -> None:
    # a goal without measures; ongoing work without measures and measures building on
    # none; two goals of the same id one after the other (one group, as measure_rows
    # gives their rows one after the other)
    from helsefellesskap.model import FocusArea, Goal, Measure, OngoingWork
    from helsefellesskap.outline.action_plan import measure_table
    from helsefellesskap.outline.common import Builder

    def measure(id: str, *builds_on: str) -> Measure:
        return Measure(id=id, text=f"Tiltak {id}", responsible=("ssu",), builds_on=builds_on)

    work = (OngoingWork(id="w1", text="Pågår 1"), OngoingWork(id="w2", text="Pågår 2"))
    area = FocusArea(
        id="a",
        title="A",
        goals=(
            Goal(id="tom", text="Uten tiltak"),
            Goal(
                id="g", text="Mål", ongoing_work=work, measures=(measure("m1", "w2"), measure("m2"))
            ),
            Goal(id="g", text="Mål igjen", measures=(measure("m3"), measure("m4", "w1"))),
            Goal(id="h", text="Mål H", ongoing_work=work[:1]),
        ),
    )
    bundle = next(_bundles(manager))
    plan = next(d for d in bundle.documents if isinstance(d, ActionPlan))
    context = make_context(bundle, manager=manager)
    table = measure_table(Builder(plan, context), area, columns)

    expected_groups: list[list[tuple[str | None, list[int]]]] = []
    last: str | None = None
    for slot in view.measure_rows(area, "ongoing_work" in columns):
        spans: list[int] = []
        for column in columns:
            if column == "goal":
                spans += [slot.goal_span] if slot.goal_span else []
            elif column == "ongoing_work":
                if slot.ongoing_work is None or slot.work_span:
                    spans.append(slot.work_span)
            else:
                spans.append(1)
        if not expected_groups or slot.goal.id != last:
            expected_groups.append([])
        last = slot.goal.id
        expected_groups[-1].append((slot.measure.id if slot.measure else None, spans))
    written = [
        [(dict(row.data).get("measure"), [c.rowspan for c in row.cells]) for row in group.rows]
        for group in table.groups
    ]
    assert written == expected_groups
    assert [dict(g.data)["goal"] for g in table.groups] == ["tom", "g", "h"]
