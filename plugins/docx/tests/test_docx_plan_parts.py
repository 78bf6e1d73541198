"""What the partnership plugins asked to see in Word: a measure's closing paragraphs,
links and references, ongoing work's links, national items by their text, the source's
chapter numbers, funding rounds, the commitments' lead-in, every abbreviation on
request, and remarks about the source left out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from docx.oxml.ns import qn
from helsefellesskap_docx import DocxFormat

import helsefellesskap as hf
from helsefellesskap.model import AbbreviationList

DECLARATION_ID = "fjordviklofte-2023-2026"


def _with_measure_parts(plan: hf.ActionPlan) -> hf.ActionPlan:
    """The plan with the measure ``overganger`` and the work ``team`` given every part."""

    def measure(m: hf.Measure) -> hf.Measure:
        if m.id != "overganger":
            return m
        return attrs.evolve(
            m,
            details=("Et punkt",),
            closing=("Teksten etter punktene.",),
            links=(hf.Link(url="https://example.org/veileder", title="Veilederen"),),
        )

    def goal(g: hf.Goal) -> hf.Goal:
        works = tuple(
            attrs.evolve(w, links=(hf.Link(url="https://example.org/psht"),))
            if w.id == "team"
            else w
            for w in g.ongoing_work
        )
        return attrs.evolve(g, measures=tuple(map(measure, g.measures)), ongoing_work=works)

    areas = tuple(attrs.evolve(a, goals=tuple(map(goal, a.goals))) for a in plan.focus_areas)
    assert plan.way_forward is not None
    return attrs.evolve(
        plan,
        focus_areas=areas,
        funding_rounds=("midler-2025",),
        notes=("KILDEMERKNAD om SEKR",),
        way_forward=attrs.evolve(plan.way_forward, national=("frail-elderly", "agreement.tasks")),
    )


@pytest.fixture(scope="module")
def parts_bundle(bundle: hf.Bundle, plan: hf.ActionPlan) -> hf.Bundle:
    changed = _with_measure_parts(plan)
    declaration = bundle.document(DECLARATION_ID)
    assert isinstance(declaration, hf.Declaration)
    declared = attrs.evolve(
        declaration,
        commitments_intro="Helsefellesskap Eksempel vil",
        notes=("KILDEMERKNAD i erklæringen",),
    )
    swap = {changed.id: changed, declared.id: declared}
    return attrs.evolve(bundle, documents=tuple(swap.get(d.id, d) for d in bundle.documents))


@pytest.fixture(scope="module")
def opened_parts(parts_bundle: hf.Bundle, render_docx: Any, word: Callable[[bytes], Any]) -> Any:
    plan = parts_bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    return word(render_docx(plan, in_bundle=parts_bundle))


def _cell_of(opened: Any, start: str) -> Any:
    for table in opened.document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.startswith(start):
                    return cell
    raise AssertionError(f"no cell starts with {start!r}")


def test_the_measure_cell_reads_label_text_bullets_closing_then_links(opened_parts: Any) -> None:
    cell = _cell_of(opened_parts, "a) Utarbeide plan")
    texts = [p.text for p in cell.paragraphs]
    assert texts[1:] == ["•\u00a0Et punkt", "Teksten etter punktene.", "•\u00a0Veilederen"]
    assert cell.paragraphs[0].runs[0].text == "a)" and cell.paragraphs[0].runs[0].bold
    assert texts[0].startswith("a) Utarbeide plan")
    link = cell.paragraphs[3]._p.find(qn("w:hyperlink"))
    assert link is not None
    target = opened_parts.document.part.rels[link.get(qn("r:id"))].target_ref
    assert target == "https://example.org/veileder"


def test_ongoing_work_links_show_the_url_where_they_have_no_title(opened_parts: Any) -> None:
    cell = _cell_of(opened_parts, "Pasientsentrerte helsetjenesteteam")
    assert [p.text for p in cell.paragraphs][-1] == "•\u00a0https://example.org/psht"
    assert cell.paragraphs[-1]._p.find(qn("w:hyperlink")) is not None


def test_a_measure_names_the_references_it_draws_on_in_italics(opened_parts: Any) -> None:
    cell = _cell_of(opened_parts, "a) Etablere hospiteringsordning")
    last = cell.paragraphs[-1]
    assert last.text == "Se: Recruit & Retain"
    assert all(run.italic for run in last.runs)


def test_the_label_comes_from_the_view_not_from_splitting_the_text(
    parts_bundle: hf.Bundle, plan: hf.ActionPlan, render_docx: Any, word: Any
) -> None:
    # a text that itself starts like a label stays whole after the bold label
    area = plan.focus_areas[0]
    goal = area.goals[0]
    odd = attrs.evolve(goal.measures[0], label="x)", text="a) ser ut som en bokstav")
    changed = attrs.evolve(
        plan,
        focus_areas=(
            attrs.evolve(area, goals=(attrs.evolve(goal, measures=(odd,)),)),
            *plan.focus_areas[1:],
        ),
    )
    swapped = attrs.evolve(
        parts_bundle,
        documents=tuple(changed if d.id == plan.id else d for d in parts_bundle.documents),
    )
    cell = _cell_of(word(render_docx(changed, in_bundle=swapped)), "x) ")
    runs = cell.paragraphs[0].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [
        ("x)", True),
        (" ", False),
        ("a) ser ut som en bokstav", False),
    ]


def test_the_way_forward_keeps_its_number_and_appendices_follow(opened_parts: Any) -> None:
    headings = opened_parts.heading_texts()
    # a round the bundle holds is shown under its own title as the source shows it
    # (cfa7053): the appendix "Søknadsrunder" has a heading per round
    assert headings[-5:] == [
        "3 Veien videre",
        "Rammeverk og kilder",
        "Recruit & Retain",
        "Søknadsrunder",
        "Rekrutterings- og samhandlingsmidler 2025",
    ]
    body = [text for _style, text in opened_parts.paragraphs()]
    assert body[body.index("Søknadsrunder") + 1] == "Rekrutterings- og samhandlingsmidler 2025"


def test_a_funding_round_links_to_its_own_word_file(opened_parts: Any) -> None:
    # the round's heading, then its applications and summary, then the link to its file
    named = [
        p
        for p in opened_parts.document.paragraphs
        if p.text == "Rekrutterings- og samhandlingsmidler 2025"
    ]
    assert [p.style.name for p in named] == ["Heading 2", "List Bullet"]
    link = named[-1]._p.find(qn("w:hyperlink"))
    assert link is not None
    rel = opened_parts.document.part.rels[link.get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "midler-2025.docx"  # beside this file


def test_a_link_to_the_partnership_names_its_governance_overview(
    bundle: hf.Bundle, manager: hf.PluginManager
) -> None:
    from helsefellesskap.render.api import make_context

    fmt = manager.render_format("docx")
    assert isinstance(fmt, DocxFormat)
    context = make_context(bundle, "nb", manager)
    assert fmt.document_file_name("eksempel", context) == "eksempel-styringsstruktur.docx"
    assert fmt.document_file_name("midler-2025", context) == "midler-2025.docx"
    assert fmt.document_file_name("finnes-ikke", context) == "finnes-ikke.docx"


def test_national_items_are_spelled_out_in_the_plans_wording(opened_parts: Any) -> None:
    body = [text for _style, text in opened_parts.paragraphs()]
    forward = body[body.index("3 Veien videre") :]
    assert "Eldre med skrøpelighet" in forward
    assert "frail-elderly" not in forward and "agreement.tasks" not in forward


def test_notes_about_the_source_stay_out_of_the_plan(opened_parts: Any) -> None:
    text = opened_parts.text()
    assert "KILDEMERKNAD" not in text
    assert "SEKR" not in text, "a body named only in the notes is no abbreviation"


def test_the_declaration_leads_into_its_commitments(
    parts_bundle: hf.Bundle, render_docx: Any, word: Any
) -> None:
    declaration = parts_bundle.document(DECLARATION_ID)
    assert declaration is not None
    opened = word(render_docx(declaration, in_bundle=parts_bundle))
    body = [text for _style, text in opened.paragraphs()]
    at = body.index("Satsinger")
    assert body[at + 1] == "Helsefellesskap Eksempel vil"
    assert body[at + 2].startswith("1. ")
    assert "KILDEMERKNAD" not in opened.text()


def test_layout_all_lists_every_abbreviated_body(
    parts_bundle: hf.Bundle, render_docx: Any, word: Any
) -> None:
    partnership = parts_bundle.partnership
    layout = attrs.evolve(partnership.layout, abbreviations=AbbreviationList.ALL)
    every = attrs.evolve(parts_bundle, partnership=attrs.evolve(partnership, layout=layout))
    plan = every.document("handlingsplan-2024-2025")
    assert plan is not None
    opened = word(render_docx(plan, in_bundle=every))
    body = [text for _style, text in opened.paragraphs()]
    start = body.index("Forkortelser i dokumentet") + 1
    terms = [line.split("\t")[0] for line in body[start : body.index("1 Innledning")]]
    assert terms == [b.abbreviation for b in partnership.bodies if b.abbreviation]
    assert "SEKR" in terms


@pytest.mark.parametrize(
    ("part", "heading"),
    [
        ("abbreviations", "Forkortelser i dokumentet"),
        ("national_goals", "Nasjonale mål og føringer"),
        ("priority_groups", "Prioriterte pasientgrupper"),
        ("commitments", "Satsinger i partnerskapserklæringen"),
    ],
)
def test_layout_omit_leaves_a_generated_part_out_of_the_word_plan(
    bundle: hf.Bundle, render_docx: Any, word: Any, part: str, heading: str
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    assert heading in word(render_docx(plan)).heading_texts()
    partnership = bundle.partnership
    layout = attrs.evolve(partnership.layout, omit=(part,))
    omitting = attrs.evolve(bundle, partnership=attrs.evolve(partnership, layout=layout))
    headings = word(render_docx(plan, in_bundle=omitting)).heading_texts()
    assert heading not in headings
    assert "1 Innledning" in headings
