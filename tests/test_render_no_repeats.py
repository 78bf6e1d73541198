"""What the sources say once is rendered once, and nothing is invented: per-plan
``omit``, no made-up "Innledning", the overarching goal, the parties, meeting rhythms,
a reference's size and an empty applicants column, in Markdown, HTML and Word."""

from __future__ import annotations

import io
import re

import lxml.html
import pytest

from helsefellesskap import ActionPlan, Bundle, InvalidValue, Period, PluginManager
from helsefellesskap.render import render


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    found = PluginManager()
    for needed in ("troms-ofoten", "helgeland"):
        assert needed in found.partnerships(), f"pip install -e plugins/{needed}"
    assert "docx" in found.render_formats(), "pip install -e plugins/docx"
    return found


@pytest.fixture(scope="module")
def troms(manager: PluginManager) -> Bundle:
    return manager.load_partnership("troms-ofoten")


@pytest.fixture(scope="module")
def helgeland(manager: PluginManager) -> Bundle:
    return manager.load_partnership("helgeland")


def _text(bundle: Bundle, manager: PluginManager, document_id: str, fmt: str) -> str:
    """The document's text in ``fmt``: Markdown as it is, HTML and Word as plain text."""
    item = bundle.document(document_id)
    assert item is not None
    data = render(item, fmt, bundle=bundle, manager=manager)
    if fmt == "md":
        return data.decode()
    if fmt == "html":
        return str(lxml.html.fromstring(data).text_content())
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(c.text for c in row.cells)
    return "\n".join(texts)


def _word_headings(bundle: Bundle, manager: PluginManager, document_id: str) -> list[str]:
    import docx

    item = bundle.document(document_id)
    assert item is not None
    document = docx.Document(io.BytesIO(render(item, "docx", bundle=bundle, manager=manager)))
    return [
        p.text for p in document.paragraphs if p.style is not None and "Heading" in p.style.name
    ]


FORMATS = ("md", "html", "docx")


# -- omit per plan ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_handlingsplan_2023_has_no_generated_groups_or_commitments(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "handlingsplan-2023", fmt)
    assert "Prioriterte pasientgrupper" not in text
    assert "Satsinger i partnerskapserklæringen" not in text
    assert "Nasjonale mål" in text  # the seed lists the national goals: they stay


def test_a_plans_omit_adds_to_the_layouts_and_is_checked() -> None:
    with pytest.raises(InvalidValue) as raised:
        ActionPlan(
            id="p",
            title="P",
            partnership="x",
            period=Period(start=2024, end=2024),
            omit=("commitments", "introduction"),
        )
    assert "'introduction' is not a part a layout can omit" in str(raised.value)
    assert raised.value.field == "omit[1]"


# -- no invented introduction ---------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_handlingsplan_2025_2026_heads_its_commitments_without_an_innledning(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "handlingsplan-2025-2026", fmt)
    assert "Innledning" not in text
    assert "Satsinger i partnerskapserklæringen" in text
    assert re.search(r"Hovedmål 1:\s*", text) and "Hovedmål 3" in text


def test_the_commitments_chapter_is_numbered_one_in_every_format(
    troms: Bundle, manager: PluginManager
) -> None:
    md = _text(troms, manager, "handlingsplan-2025-2026", "md")
    assert "\n## 1 Satsinger i partnerskapserklæringen\n" in md
    assert "\n### 1. TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP\n" in md
    item = troms.document("handlingsplan-2025-2026")
    assert item is not None
    page = lxml.html.fromstring(render(item, "html", bundle=troms, manager=manager))
    chapter = page.xpath("//section[@id='introduction']")[0]
    assert " ".join(chapter.xpath("string(h2)").split()) == "1Satsinger i partnerskapserklæringen"
    assert not chapter.xpath(".//h4") and chapter.xpath(".//h3")
    assert "1 Satsinger i partnerskapserklæringen" in _word_headings(
        troms, manager, "handlingsplan-2025-2026"
    )


# -- the declarations -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_overarching_goal_said_in_the_lead_in_is_not_repeated(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "ishavserklaeringen-2024-2027", fmt)
    assert text.count("en sammenhengende helsetjeneste for best mulig livskvalitet") == 1
    assert "Overordnet mål" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_overarching_goal_the_text_does_not_say_keeps_its_block(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "ishavserklaeringen-2021-2023", fmt)
    assert "Overordnet mål" in text
    assert text.count("basert på innbyggernes behov og premisser") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_parties_are_named_once_by_the_sentence(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "ishavserklaeringen-2021-2023", fmt)
    assert "Partnerne i helsefellesskapet er Universitetssykehuset Nord-Norge HF" in text
    assert text.count("Balsfjord") == 1
    assert text.count("Tromsø") == 1


# -- report, references, funding --------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meeting_rhythm_is_said_once(troms: Bundle, manager: PluginManager, fmt: str) -> None:
    text = _text(troms, manager, "arsrapport-2022", fmt)
    assert text.count("minimum en gang per uke") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_recruit_and_retain_says_its_size_once(
    helgeland: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(helgeland, manager, "handlingsplan-2023-2025", fmt)
    assert text.count("ni strategiske gjøremål") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_applicants_column_when_no_application_names_one(
    troms: Bundle, manager: PluginManager, fmt: str
) -> None:
    text = _text(troms, manager, "samhandlingsmidler-2025", fmt)
    assert "Søknad" in text
    assert "Søker" not in text


# -- table of contents ------------------------------------------------------------------


def test_no_table_of_contents_over_an_empty_list(manager: PluginManager) -> None:
    from pathlib import Path

    import attrs

    from helsefellesskap import Section, load_bundle

    bundle = load_bundle(Path(__file__).resolve().parents[1] / "examples" / "eksempel")
    bare = ActionPlan(
        id="tom-plan",
        title="Tom plan",
        partnership=bundle.partnership.id,
        period=Period(start=2025, end=2025),
    )
    page = lxml.html.fromstring(render(bare, "html", bundle=bundle, manager=manager))
    assert page.xpath("//nav[@class='contents']") == []
    assert "Innhold" not in page.text_content()
    with_way = attrs.evolve(bare, way_forward=Section(paragraphs=("Videre arbeid.",)))
    page = lxml.html.fromstring(render(with_way, "html", bundle=bundle, manager=manager))
    # the page shows the outline's chapters and no table of contents of its own
    chapters = page.xpath("//section[@id='way-forward']/h2")
    assert [" ".join(h.text_content().split()) for h in chapters] == ["1Veien videre"]
    assert page.xpath("//nav") == []


@pytest.mark.parametrize("fmt", ["md", "html"])  # Word adds a table of contents (issue 13)
@pytest.mark.parametrize(
    ("partnership", "document_id"),
    [("troms", "handlingsplan-2023"), ("helgeland", "handlingsplan-2023-2025")],
)
def test_a_focus_areas_title_is_its_heading_and_its_place_in_the_list(
    request: pytest.FixtureRequest,
    manager: PluginManager,
    fmt: str,
    partnership: str,
    document_id: str,
) -> None:
    # Issue 13: HTML once showed a focus area's title three times (heading, "Satsing: …",
    # "Mål og tiltak: …"); the sources print it as the heading and in §2's list only.
    bundle: Bundle = request.getfixturevalue(partnership)
    plan = bundle.document(document_id)
    assert isinstance(plan, ActionPlan)
    text = _text(bundle, manager, document_id, fmt)
    assert "Satsing:" not in text and "Mål og tiltak:" not in text
    for area in plan.focus_areas:
        assert text.count(area.title) <= 2, area.title
