"""The outline builders: what a document shows, decided once (issue 10).

The drift cases of issue 10 are asserted on the outline itself, so that they hold for
every writer; ``test_outline_formats.py`` checks that each writer shows the outline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from helsefellesskap import ActionPlan, Bundle, Document, PluginManager, RenderError, load_bundle
from helsefellesskap.outline import (
    Block,
    BulletList,
    Cell,
    Facts,
    Heading,
    Inlines,
    Link,
    NumberedList,
    Outline,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    build_outline,
    inline_text,
)
from helsefellesskap.render import make_context

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    found = PluginManager()
    for needed in ("troms-ofoten", "helgeland"):
        assert needed in found.partnerships(), f"pip install -e plugins/{needed}"
    return found


@pytest.fixture(scope="module")
def example() -> Bundle:
    return load_bundle(ROOT / "examples" / "eksempel")


@pytest.fixture(scope="module")
def troms(manager: PluginManager) -> Bundle:
    return manager.load_partnership("troms-ofoten")


@pytest.fixture(scope="module")
def helgeland(manager: PluginManager) -> Bundle:
    return manager.load_partnership("helgeland")


def _outline(bundle: Bundle, manager: PluginManager, item_id: str, lang: str = "nb") -> Outline:
    item = bundle.partnership if item_id == bundle.partnership.id else bundle.require(item_id)
    return build_outline(item, make_context(bundle, lang, manager))


def _headings(blocks: tuple[Block, ...]) -> Iterator[Heading]:
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, Section):
            if block.heading is not None:
                yield block.heading
            yield from _headings(block.blocks)


def _section(outline: Outline, title: str) -> Section:
    for block in outline.walk():
        heading = block.heading if isinstance(block, Section) else None
        if heading is not None and inline_text(heading.runs) == title:
            return block  # type: ignore[return-value]
    raise AssertionError(f"no section {title!r}")


def _texts(outline: Outline) -> str:
    """Every run's text of the outline, one per line (for "appears once" checks)."""
    found: list[str] = []

    def runs(items: Inlines) -> None:
        found.append(inline_text(items))

    for block in outline.walk():
        if isinstance(block, Heading | Paragraph):
            runs(block.runs)
        elif isinstance(block, Section) and block.heading is not None:
            runs(block.heading.runs)
        elif isinstance(block, Facts):
            for fact in block.items:
                found.append(f"{inline_text(fact.label)}: {inline_text(fact.value)}")
        elif isinstance(block, BulletList | NumberedList):
            for item in block.items:
                runs(item.runs)
    return "\n".join(found)


def _bundled_items(bundles: list[Bundle]) -> Iterator[tuple[Bundle, Document]]:
    for bundle in bundles:
        for document in bundle.documents:
            yield bundle, document


# -- the drift cases of issue 10 --------------------------------------------------------


def test_other_sectors_considered_is_a_fact_of_each_body_once(
    example: Bundle, manager: PluginManager
) -> None:
    outline = _outline(example, manager, "eksempel")
    text = _texts(outline)
    considered = [b for b in example.partnership.bodies if b.other_sectors_considered is not None]
    assert len(considered) == 2
    assert text.count("Andre sektorer vurdert:") == len(considered)
    assert "Andre sektorer vurdert: ja" in _texts(
        attrs.evolve(
            outline, blocks=(_section(outline, "Faglig samarbeidsutvalg barn og unge (FSU BU)"),)
        )
    )


def test_role_holders_are_named_with_their_role(example: Bundle, manager: PluginManager) -> None:
    roles = _section(_outline(example, manager, "eksempel"), "Roller")
    facts = roles.blocks[0]
    assert isinstance(facts, Facts)
    values = [inline_text(f.value) for f in facts.items]
    assert any(v.endswith("(FSHF og Fjordvik kommune)") for v in values)


def test_no_outline_shows_a_documents_source_or_notes(
    example: Bundle, troms: Bundle, helgeland: Bundle, manager: PluginManager
) -> None:
    checked = 0
    for bundle, document in _bundled_items([example, troms, helgeland]):
        if document.KIND not in {
            "action-plan",
            "declaration",
            "annual-report",
            "funding-round",
            "consultation-response",
        }:
            continue
        text = _texts(_outline(bundle, manager, document.id))
        assert "Kilde:" not in text
        if document.source:
            assert document.source not in text, document.id
            checked += 1
        for note in document.notes:
            assert note not in text, document.id
    assert checked >= 7  # every Troms og Ofoten document names its source


def test_helgeland_fsu_section_closes_after_the_national_requirements(
    helgeland: Bundle, manager: PluginManager
) -> None:
    outline = _outline(helgeland, manager, "handlingsplan-2023-2025")
    fsu = _section(outline, "Faglige samarbeidsutvalg")
    assert fsu.heading is not None and fsu.heading.number is None  # no invented "3.1"
    kinds = [type(b).__name__ for b in fsu.blocks]
    assert kinds == ["Paragraph", "Paragraph", "BulletList", "Paragraph"]
    requirements = fsu.blocks[2]
    assert isinstance(requirements, BulletList) and len(requirements.items) == 6
    closing = fsu.blocks[3]
    assert isinstance(closing, Paragraph)
    assert inline_text(closing.runs).startswith("Fagfolk i helse- og omsorgstjenesten")


def test_subsections_are_numbered_only_where_the_source_numbers_them(
    example: Bundle, troms: Bundle, helgeland: Bundle, manager: PluginManager
) -> None:
    for bundle, plan in _bundled_items([example, troms, helgeland]):
        if not isinstance(plan, ActionPlan):
            continue
        outline = _outline(bundle, manager, plan.id)
        numbered = [h.number for h in _headings(outline.blocks) if h.number and h.level > 2]
        areas = {f"{n}" for n in numbered if n.count(".") == 1 and not n.endswith(".")}
        commitments = {n for n in numbered if n.endswith(".")}
        assert set(numbered) == areas | commitments, plan.id
        assert len(areas) == len(plan.focus_areas), plan.id


def test_handlingsplan_2023_lists_its_focus_areas_before_the_closing_sentence(
    troms: Bundle, manager: PluginManager
) -> None:
    chapter = _section(_outline(troms, manager, "handlingsplan-2023"), "Innsatsområder")
    kinds = [type(b).__name__ for b in chapter.blocks[:3]]
    assert kinds == ["Paragraph", "NumberedList", "Paragraph"]
    listing = chapter.blocks[1]
    assert isinstance(listing, NumberedList) and len(listing.items) == 3
    assert all(isinstance(i.runs[0], Link) for i in listing.items)
    closing = chapter.blocks[2]
    assert isinstance(closing, Paragraph)
    assert inline_text(closing.runs) == "Innsatsområdene er nærmere beskrevet i Ishavserklæringen."


def test_every_outline_ends_with_the_colophon(example: Bundle, manager: PluginManager) -> None:
    from helsefellesskap import __version__

    outline = _outline(example, manager, "handlingsplan-2024-2025")
    assert inline_text(outline.colophon) == f"Laget med helsefellesskap {__version__}"
    assert outline.running_head == f"{example.partnership.name} · {outline.title}"


# -- the contract's conventions ---------------------------------------------------------


def test_labels_on_a_page_of_another_language_are_spans(
    example: Bundle, manager: PluginManager
) -> None:
    english = _outline(example, manager, "handlingsplan-2024-2025", "en")
    facts = next(b for b in english.blocks if isinstance(b, Facts))
    label = facts.items[0].label[0]
    assert isinstance(label, Span) and label.lang == "en"
    assert inline_text(label.runs) == "Period"
    # the plan's own data is not marked
    assert isinstance(facts.items[0].value[0], Text)
    bokmal = _outline(example, manager, "handlingsplan-2024-2025", "nb")
    facts = next(b for b in bokmal.blocks if isinstance(b, Facts))
    assert isinstance(facts.items[0].label[0], Text)


def test_the_measures_table_has_column_roles_spanning_goals_and_machine_keys(
    example: Bundle, manager: PluginManager
) -> None:
    outline = _outline(example, manager, "handlingsplan-2024-2025")
    table = next(b for b in outline.walk() if isinstance(b, Table))
    assert [c.role for c in table.columns] == list(example.partnership.layout.measure_columns)
    assert sum(c.width or 0 for c in table.columns) == pytest.approx(1, abs=0.01)
    first = table.groups[0]
    goal: Cell = first.rows[0].cells[0]
    assert goal.header and goal.rowspan == len(first.rows) == 2
    assert first.data[0][0] == "goal"
    plan = example.require("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    assert [r.data for r in first.rows] == [(("measure", m.id),) for m in list(plan.measures())[:2]]
    # the second row has no cell for the goal (the span covers it); its measure builds on
    # no ongoing work, so that cell is there and empty
    assert len(first.rows[1].cells) == len(table.columns) - 1
    assert first.rows[1].cells[0].is_empty


def test_a_kind_without_a_builder_is_a_clear_error(example: Bundle, manager: PluginManager) -> None:
    @attrs.frozen(kw_only=True)
    class Minutes(Document):
        KIND = "minutes-without-builder"

    item = Minutes(id="m", title="Møte")
    with pytest.raises(RenderError, match=r"no outline for a document of kind "):
        build_outline(item, make_context(example, "nb", manager))
