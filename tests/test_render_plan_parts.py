"""Parts of a plan or declaration the partnership plugins asked to see, in Markdown and
HTML: a measure's closing paragraphs, links and references; ongoing work's links; the
national items a section quotes; the chapter numbers of the source; the funding rounds;
the commitments' lead-in; all abbreviations on request; and remarks about the source
kept out of the text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import lxml.html
import pytest

from helsefellesskap import (
    ActionPlan,
    Bundle,
    Declaration,
    Link,
    PluginManager,
    load_bundle,
    render_bundle,
)
from helsefellesskap.model import AbbreviationList
from helsefellesskap.render import render

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"
DECLARATION = "fjordviklofte-2023-2026"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False)


@pytest.fixture(scope="module")
def example() -> Bundle:
    return load_bundle(EXAMPLE)


def _evolve_plan(
    plan: ActionPlan,
    measures: dict[str, dict[str, Any]] | None = None,
    works: dict[str, dict[str, Any]] | None = None,
    **fields: Any,
) -> ActionPlan:
    """``plan`` with some measures and ongoing work changed (by id) and other fields set."""
    measures, works = measures or {}, works or {}
    areas = tuple(
        attrs.evolve(
            area,
            goals=tuple(
                attrs.evolve(
                    goal,
                    measures=tuple(
                        attrs.evolve(m, **measures.get(m.id, {})) for m in goal.measures
                    ),
                    ongoing_work=tuple(
                        attrs.evolve(w, **works.get(w.id, {})) for w in goal.ongoing_work
                    ),
                )
                for goal in area.goals
            ),
        )
        for area in plan.focus_areas
    )
    return attrs.evolve(plan, focus_areas=areas, **fields)


def _replace(bundle: Bundle, *documents: Any) -> Bundle:
    by_id = {d.id: d for d in documents}
    return attrs.evolve(bundle, documents=tuple(by_id.get(d.id, d) for d in bundle.documents))


@pytest.fixture(scope="module")
def bundle(example: Bundle) -> Bundle:
    """The example with a plan that uses every part these tests look for."""
    plan = example.document(PLAN)
    assert isinstance(plan, ActionPlan)
    assert plan.way_forward is not None
    changed = _evolve_plan(
        plan,
        measures={
            "overganger": {
                "details": ("Første punkt",),
                "closing": ("Avsluttende avsnitt etter punktene.",),
                "links": (
                    Link(url="https://example.org/overganger", title="Veileder | overganger"),
                    Link(url="https://example.org/bare-url"),
                ),
            },
        },
        works={"team": {"links": (Link(url="https://example.org/psht", title="Om PSHT"),)}},
        funding_rounds=("midler-2025", "ukjent-runde"),
        notes=("Kilden nevner SEKR og KILDEMERKNAD, men det er ikke planens tekst.",),
        way_forward=attrs.evolve(
            plan.way_forward,
            national=(
                "fsu.user-representation",
                "frail-elderly",
                "principle.joint-planning",
                "agreement.tasks",
                "nhsp-2024.goal-1",
            ),
        ),
    )
    return _replace(example, changed)


def _md(bundle: Bundle, manager: PluginManager, item_id: str = PLAN, lang: str = "nb") -> str:
    item = bundle.document(item_id)
    assert item is not None
    return render(item, "md", bundle=bundle, lang=lang, manager=manager).decode()


def _page(bundle: Bundle, manager: PluginManager, item_id: str = PLAN) -> Any:
    item = bundle.document(item_id)
    assert item is not None
    data = render(item, "html", bundle=bundle, manager=manager)
    return lxml.html.fromstring(data)


def _md_row(text: str, measure_text: str) -> str:
    (row,) = [line for line in text.splitlines() if line.startswith("|") and measure_text in line]
    return row


# -- a measure's cell: closing, links, references --------------------------------------


def test_markdown_measure_cell_reads_label_bullets_closing_links_in_order(
    bundle: Bundle, manager: PluginManager
) -> None:
    row = _md_row(_md(bundle, manager), "Utarbeide plan for bedre overganger")
    cell = row.split(" | ")[2]
    assert cell == (
        r"**a)** Utarbeide plan for bedre overganger fra barn til voksen \| med rør-tegn og "
        r"\*stjerne\*<br>• Første punkt<br>Avsluttende avsnitt etter punktene."
        "<br>[Veileder \\| overganger](https://example.org/overganger)"
        "<br><https://example.org/bare-url>"
    )


def test_markdown_ongoing_work_shows_its_links(bundle: Bundle, manager: PluginManager) -> None:
    row = _md_row(_md(bundle, manager), "Pasientsentrerte helsetjenesteteam")
    assert "Pasientsentrerte helsetjenesteteam (PSHT)<br>[Om PSHT](https://example.org/psht)" in row


@pytest.mark.parametrize(("lang", "word"), [("nb", "Se"), ("nn", "Sjå"), ("en", "See")])
def test_markdown_names_the_references_a_measure_draws_on(
    bundle: Bundle, manager: PluginManager, lang: str, word: str
) -> None:
    row = _md_row(_md(bundle, manager, lang=lang), "Etablere hospiteringsordning")
    assert (
        f"**a)** Etablere hospiteringsordning mellom tjenestenivåene<br>{word}: Recruit & Retain"
        in row
    )


def test_a_reference_the_plan_lacks_is_named_by_its_id(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document(PLAN)
    assert isinstance(plan, ActionPlan)
    odd = _replace(bundle, _evolve_plan(plan, measures={"dho": {"references": ("ukjent-ref",)}}))
    assert "Se: ukjent-ref" in _md_row(_md(odd, manager), "Støtte digital hjemmeoppfølging")


def test_html_measure_cell_shows_closing_links_and_references(
    bundle: Bundle, manager: PluginManager
) -> None:
    page = _page(bundle, manager)
    cell = page.xpath("//tr[@data-measure='overganger']/td[contains(@class, 'col-measure')]")[0]
    paragraphs = [" ".join(p.text_content().split()) for p in cell.xpath("p")]
    assert paragraphs[0].startswith("a) Utarbeide plan")
    assert cell.xpath("p[1]/strong/text()") == ["a)"]
    assert paragraphs[1] == "Avsluttende avsnitt etter punktene."
    # the closing paragraph follows the bullet points
    children = [child.tag for child in cell]
    assert children.index("ul") < children.index("p", 1)
    links = cell.xpath(".//ul[@class='links']/li/a")
    assert [(a.get("href"), a.text) for a in links] == [
        ("https://example.org/overganger", "Veileder | overganger"),
        ("https://example.org/bare-url", "https://example.org/bare-url"),
    ]
    hospitering = page.xpath("//tr[@data-measure='hospitering']//p[@class='see']")[0]
    assert " ".join(hospitering.text_content().split()) == "Se: Recruit & Retain"
    assert hospitering.xpath("a/@href") == ["#ref-recruit-retain"]
    assert page.xpath("//section[@id='ref-recruit-retain']"), "the link's target"
    work = page.xpath("//tr[@data-measure='overganger']/td[contains(@class, 'col-ongoing')]")[0]
    assert work.xpath(".//a/@href") == ["https://example.org/psht"]


# -- the national frame, spelled out ----------------------------------------------------


NATIONAL_TEXTS = (
    "alltid ha brukerrepresentasjon i sitt arbeid",
    "Eldre med skrøpelighet",  # as the plan's national plan (nhsp-2024) words it
    "Bedre felles planlegging",
)


def test_markdown_spells_out_every_kind_of_national_id(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = _md(bundle, manager)
    forward = text[text.index("## 3 Veien videre") :]
    for expected in NATIONAL_TEXTS:
        assert f"- {expected}" in forward
    for raw in ("frail-elderly", "principle.joint-planning", "agreement.tasks", "nhsp-2024"):
        assert raw not in forward


def test_html_spells_out_every_kind_of_national_id(bundle: Bundle, manager: PluginManager) -> None:
    page = _page(bundle, manager)
    items = page.xpath("//section[@id='way-forward']/ul/li/text()")
    assert len(items) == 5
    assert set(NATIONAL_TEXTS) <= set(items)
    assert not [i for i in items if "." in i and " " not in i], items


# -- chapter numbers and appendices -----------------------------------------------------


def test_markdown_references_and_funding_rounds_follow_the_way_forward_unnumbered(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = _md(bundle, manager)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[-3:] == [
        "## 3 Veien videre",
        "## Rammeverk og kilder",
        "## Søknadsrunder",
    ]


def test_markdown_funding_rounds_link_their_rendered_files(
    bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    text = _md(bundle, manager)
    rounds = text[text.index("## Søknadsrunder") :]
    assert "- [Rekrutterings- og samhandlingsmidler 2025](midler-2025.md)" in rounds
    # a round the bundle lacks is named in a list of its own after the rounds shown
    assert re.search(r"^[-*] ukjent-runde$", rounds, re.M)
    written = render_bundle(bundle, tmp_path, formats=("md", "html"), manager=manager)
    assert tmp_path / "midler-2025.md" in written
    assert tmp_path / "midler-2025.html" in written


def test_html_funding_rounds_link_their_rendered_files(
    bundle: Bundle, manager: PluginManager
) -> None:
    page = _page(bundle, manager)
    section = page.xpath("//section[@id='funding-rounds']")[0]
    assert section.xpath("h2/text()") == ["Søknadsrunder"]
    assert [(a.get("href"), a.text) for a in section.xpath(".//a")] == [
        ("midler-2025.html", "Rekrutterings- og samhandlingsmidler 2025")
    ]
    assert [" ".join(li.text_content().split()) for li in section.xpath(".//li")][1] == (
        "ukjent-runde"
    )
    chapters = [" ".join(h.text_content().split()) for h in page.xpath("//main/section/h2")]
    assert chapters[-3:] == ["3Veien videre", "Rammeverk og kilder", "Søknadsrunder"]


# -- the declaration: commitments' lead-in ----------------------------------------------


@pytest.fixture(scope="module")
def with_intro(example: Bundle) -> Bundle:
    declaration = example.document(DECLARATION)
    assert isinstance(declaration, Declaration)
    return _replace(
        example,
        attrs.evolve(
            declaration,
            commitments_intro="Helsefellesskap Eksempel vil",
            notes=("Kilden har en trykkfeil: KILDEMERKNAD.",),
        ),
    )


def test_markdown_commitments_intro_comes_right_before_the_commitments(
    with_intro: Bundle, manager: PluginManager
) -> None:
    text = _md(with_intro, manager, DECLARATION)
    assert "## Satsinger\n\nHelsefellesskap Eksempel vil\n\n### 1. " in text


def test_html_commitments_intro_comes_right_before_the_commitments(
    with_intro: Bundle, manager: PluginManager
) -> None:
    page = _page(with_intro, manager, DECLARATION)
    section = page.xpath("//section[@class='commitments']")[0]
    first = next(child for child in section if child.tag != "h2")
    assert (first.tag, first.get("class"), first.text) == (
        "p",
        "lead",
        "Helsefellesskap Eksempel vil",
    )


# -- remarks about the source, and the abbreviations ------------------------------------


@pytest.mark.parametrize("item_id", [PLAN, DECLARATION])
def test_notes_about_the_source_stay_out_of_the_text(
    bundle: Bundle, with_intro: Bundle, manager: PluginManager, item_id: str
) -> None:
    source = bundle if item_id == PLAN else with_intro
    document = source.document(item_id)
    assert document is not None and document.notes
    assert "KILDEMERKNAD" not in _md(source, manager, item_id)
    assert "KILDEMERKNAD" not in lxml.html.tostring(_page(source, manager, item_id), encoding=str)
    data = render(document, "json", bundle=source, manager=manager).decode()
    assert "KILDEMERKNAD" in data, "JSON carries everything"


def test_a_body_named_only_in_the_notes_is_not_an_abbreviation_of_the_document(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = _md(bundle, manager)
    assert "- SSU = " in text
    assert "SEKR" not in text


def test_layout_all_lists_every_abbreviated_body(bundle: Bundle, manager: PluginManager) -> None:
    partnership = bundle.partnership
    layout = attrs.evolve(partnership.layout, abbreviations=AbbreviationList.ALL)
    every = attrs.evolve(bundle, partnership=attrs.evolve(partnership, layout=layout))
    expected = [b.abbreviation for b in partnership.bodies if b.abbreviation]
    assert "SEKR" in expected
    text = _md(every, manager)
    listed = text[text.index("## Forkortelser") : text.index("## 1 ")]
    assert [line[2:].split(" = ")[0] for line in listed.splitlines()[2:] if line] == expected
    page = _page(every, manager)
    assert page.xpath("//dl[contains(@class, 'abbreviations')]/dt/abbr/text()") == expected


# -- Layout.omit: generated parts a partnership's documents do not have ------------------

GENERATED_HEADINGS = {
    "abbreviations": "Forkortelser i dokumentet",
    "national_goals": "Nasjonale mål og føringer",
    "priority_groups": "Prioriterte pasientgrupper",
    "commitments": "Satsinger i partnerskapserklæringen",
}


def _omitting(bundle: Bundle, *parts: str) -> Bundle:
    partnership = bundle.partnership
    layout = attrs.evolve(partnership.layout, omit=parts)
    return attrs.evolve(bundle, partnership=attrs.evolve(partnership, layout=layout))


@pytest.mark.parametrize("part", sorted(GENERATED_HEADINGS))
def test_layout_omit_leaves_out_each_generated_part(
    example: Bundle, manager: PluginManager, part: str
) -> None:
    for heading in GENERATED_HEADINGS.values():  # the example shows them all by default
        assert heading in _md(example, manager)
    omitting = _omitting(example, part)
    text = _md(omitting, manager)
    page = lxml.html.tostring(_page(omitting, manager), encoding="unicode")
    assert GENERATED_HEADINGS[part] not in text
    assert GENERATED_HEADINGS[part] not in page
    for other, heading in GENERATED_HEADINGS.items():
        if other != part:
            assert heading in text and heading in page, other


def test_layout_omit_leaves_out_only_the_plan_parts(
    example: Bundle, manager: PluginManager
) -> None:
    omitting = _omitting(example, *GENERATED_HEADINGS)
    text = _md(omitting, manager)
    for heading in GENERATED_HEADINGS.values():
        assert heading not in text
    # the introduction of the data and the chapter numbers stay
    assert "## 1 " in text and "## 2 " in text
    # the declaration keeps its commitments: omit is about an action plan's generated parts
    assert "Hovedmål 1" in _md(omitting, manager, DECLARATION)


def test_an_introduction_of_omitted_parts_only_takes_no_number(
    example: Bundle, manager: PluginManager
) -> None:
    from helsefellesskap.render import view

    plan = example.document(PLAN)
    assert isinstance(plan, ActionPlan)
    bare = attrs.evolve(plan, introduction=None)
    declaration = example.document(DECLARATION)
    assert isinstance(declaration, Declaration)
    assert view.plan_numbering(bare, declaration).introduction == "1"
    numbering = view.plan_numbering(bare, declaration, tuple(GENERATED_HEADINGS))
    assert numbering.introduction is None
    assert numbering.focus_areas == "1"
    changed = _omitting(
        attrs.evolve(
            example, documents=tuple(bare if d.id == PLAN else d for d in example.documents)
        ),
        *GENERATED_HEADINGS,
    )
    text = _md(changed, manager)
    assert "## 1 " in text and "## 2 " not in text.split("## 1 ")[0]
    assert "Innledning" not in text


# -- issue 13: a plan's deadlines are shown ------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_plan_with_deadlines_shows_them_though_the_layout_does_not_ask(
    example: Bundle, manager: PluginManager, fmt: str
) -> None:
    layout = attrs.evolve(
        example.partnership.layout, measure_columns=("goal", "measure", "responsible")
    )
    narrow = attrs.evolve(example, partnership=attrs.evolve(example.partnership, layout=layout))
    plan = narrow.document(PLAN)
    assert isinstance(plan, ActionPlan)
    deadlines = [m.deadline.display() for m in plan.measures() if m.deadline is not None]
    assert deadlines, "the example plan sets deadlines"
    text = render(plan, fmt, bundle=narrow, manager=manager).decode()
    assert "Når" in text
    for deadline in deadlines:
        assert deadline in text


def test_a_plan_without_deadlines_gets_no_deadline_column(
    example: Bundle, manager: PluginManager
) -> None:
    plan = example.document(PLAN)
    assert isinstance(plan, ActionPlan)
    bare = attrs.evolve(
        plan,
        focus_areas=tuple(
            attrs.evolve(
                area,
                goals=tuple(
                    attrs.evolve(
                        goal,
                        measures=tuple(attrs.evolve(m, deadline=None) for m in goal.measures),
                    )
                    for goal in area.goals
                ),
            )
            for area in plan.focus_areas
        ),
    )
    layout = attrs.evolve(example.partnership.layout, measure_columns=("goal", "measure"))
    narrow = attrs.evolve(example, partnership=attrs.evolve(example.partnership, layout=layout))
    text = render(bare, "md", bundle=narrow, manager=manager).decode()
    assert "| Hva vil vi? | Hvordan få det til? |\n" in text
