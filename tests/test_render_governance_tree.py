"""The governance overview in every format: one tree of relations (steering, parent,
mandate), each body's status history, partner descriptions and other-language names,
and a body's notes and the body it continues."""

from __future__ import annotations

import io
import re

import lxml.html
import pytest

from helsefellesskap import Body, Bundle, Mandate, Partnership, PluginManager
from helsefellesskap.render import render, view
from helsefellesskap.render.markdown import mermaid_diagram
from helsefellesskap.render.svg import diagram_rows


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    found = PluginManager()
    assert "troms-ofoten" in found.partnerships(), "pip install -e plugins/troms-ofoten"
    return found


@pytest.fixture(scope="module")
def troms(manager: PluginManager) -> Bundle:
    return manager.load_partnership("troms-ofoten")


def _md(bundle: Bundle, manager: PluginManager, lang: str = "nb") -> str:
    return render(bundle.partnership, "md", bundle=bundle, lang=lang, manager=manager).decode()


def _page(bundle: Bundle, manager: PluginManager, lang: str = "nb") -> lxml.html.HtmlElement:
    data = render(bundle.partnership, "html", bundle=bundle, lang=lang, manager=manager)
    return lxml.html.fromstring(data)


def _docx_text(bundle: Bundle, manager: PluginManager) -> list[tuple[str, str]]:
    import docx

    data = render(bundle.partnership, "docx", bundle=bundle, manager=manager)
    document = docx.Document(io.BytesIO(data))
    found = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(("table", p.text) for p in cell.paragraphs)
    return found


def _body(body_id: str, **fields: object) -> Body:
    return Body(id=body_id, kind=str(fields.pop("kind", "working-group")), name=body_id, **fields)  # type: ignore[arg-type]


# -- one edge model ---------------------------------------------------------------------


def test_edges_fall_back_to_the_body_that_gave_the_mandate() -> None:
    partnership = Partnership(
        id="t",
        name="T",
        bodies=(
            _body("ssu", kind="strategic-committee"),
            _body("fsu", mandate=Mandate(given_by=("ssu",))),
            _body("group", parent="fsu", steering_body="ssu"),
            _body("loose", parent="gone"),
        ),
    )
    assert view.governance_edges(partnership) == (
        view.Edge(source="ssu", target="fsu", kind="mandate"),
        view.Edge(source="ssu", target="group", kind="steers"),
    )
    # the SVG diagram places bodies by the same edges
    rows = diagram_rows(partnership.bodies)
    assert [(r.body.id, r.above) for r in rows] == [
        ("ssu", None),
        ("fsu", "ssu"),
        ("group", "ssu"),
        ("loose", None),
    ]


def test_edges_of_a_cycle_never_form_a_cycle() -> None:
    partnership = Partnership(
        id="t",
        name="T",
        bodies=(
            _body("a", steering_body="b"),
            _body("b", mandate=Mandate(given_by=("a",))),
        ),
    )
    edges = view.governance_edges(partnership)
    assert len(edges) == 1
    assert len(view.governance_tree(partnership.bodies)) == 2


def test_troms_ofoten_mermaid_links_every_fsu_to_ssu_with_a_legend(
    troms: Bundle, manager: PluginManager
) -> None:
    diagram = mermaid_diagram(troms.partnership)
    arrows = re.findall(r"^    (\w+) (-->|-\.->|==>) (\w+)$", diagram, re.MULTILINE)
    assert ("b_ssu", "==>", "b_fsu_dig") in arrows
    assert {target for _, _, target in arrows} >= {
        "b_fsu_flr",
        "b_fsu_bu",
        "b_fsu_akm",
        "b_fsu_rest",
        "b_fsu_phr",
        "b_fsu_avvik",
    }
    text = _md(troms, manager)
    assert "*Forklaring: tykk pil – gir mandat*" in text


def test_mermaid_arrows_differ_by_kind_and_the_legend_names_each() -> None:
    partnership = Partnership(
        id="t",
        name="T",
        bodies=(
            _body("pm", kind="partnership-meeting"),
            _body("ssu", steering_body="pm"),
            _body("fsu", mandate=Mandate(given_by=("ssu",))),
            _body("group", parent="fsu"),
        ),
    )
    diagram = mermaid_diagram(partnership)
    assert "    b_pm --> b_ssu" in diagram
    assert "    b_ssu ==> b_fsu" in diagram
    assert "    b_fsu -.-> b_group" in diagram


def test_word_nests_the_fsus_under_ssu(troms: Bundle, manager: PluginManager) -> None:
    paragraphs = _docx_text(troms, manager)
    # the diagram is a nested list of the outline's node labels (an arrow may mark the
    # kind of line before the label)
    start = next(i for i, (_, text) in enumerate(paragraphs) if text == "Organisering")
    styles = {
        text.lstrip("⤑→⇒- ").strip(): style
        for style, text in paragraphs[start + 1 :]
        if style.startswith("List Bullet")
    }
    assert styles["SSU"] == "List Bullet"
    assert styles["FSU DIG"] == "List Bullet 2"
    assert styles["FSU REST"] == "List Bullet 2"


# -- status history ---------------------------------------------------------------------


def test_fsu_dig_shows_its_history_not_an_established_line(
    troms: Bundle, manager: PluginManager
) -> None:
    history = "under etablering: ved utgangen av 2022; aktiv: 2023"
    text = _md(troms, manager)
    section = text.split("(FSU DIG)", 1)[1].split("\n### ", 1)[0]
    assert f"- **Forløp:** {history}" in section
    assert "Etablert" not in text
    page = _page(troms, manager)
    facts = page.xpath("//section[@id='body-fsu-dig']//dl")[0].text_content()
    assert history in facts and "Etablert" not in facts
    word = "\n".join(t for _, t in _docx_text(troms, manager))
    assert "Etablert" not in word


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nn", "under etablering: ved utgangen av 2022; aktiv: 2023"),
        ("en", "being established: ved utgangen av 2022; active: 2023"),
    ],
)
def test_history_statuses_are_worded_in_each_language(
    troms: Bundle, manager: PluginManager, lang: str, expected: str
) -> None:
    assert expected in _md(troms, manager, lang)


# -- partners, notes, continues ---------------------------------------------------------


def test_partner_descriptions_and_sami_name_in_every_format(
    troms: Bundle, manager: PluginManager
) -> None:
    sami = "Davvi-Norgga universitehtabuohcceviessu"
    text = _md(troms, manager)
    assert f"Universitetssykehuset Nord-Norge HF (UNN)<br>nordsamisk: {sami}" in text
    row = "| Statsforvalteren | statsforvalter | observatør | Uavhengig støttespiller med møte-"
    assert row in text
    page = _page(troms, manager)
    name = page.xpath("//tr[@data-partner='unn']//span[@lang='se']")
    assert [n.text for n in name] == [sami]
    row = page.xpath("//tr[@data-partner='statsforvalteren']")[0].text_content()
    assert "møte- og talerett" in row
    word = "\n".join(t for _, t in _docx_text(troms, manager))
    assert f"nordsamisk: {sami}" in word
    assert "møte- og talerett" in word


def test_continued_council_and_notes_are_shown(troms: Bundle, manager: PluginManager) -> None:
    text = _md(troms, manager)
    section = text.split("(FSU AKM)", 1)[1].split("\n### ", 1)[0]
    assert "- **Viderefører:** Tidligere råd, videreført som FSU Akuttmedisin" in section
    assert "Trygg Akuttmedisin" in section
    page = _page(troms, manager)
    body = page.xpath("//section[@id='body-fsu-akm']")[0].text_content()
    assert "Viderefører" in body and "Trygg Akuttmedisin" in body


def test_no_partner_description_column_without_descriptions(manager: PluginManager) -> None:
    from pathlib import Path

    from helsefellesskap import load_bundle

    bundle = load_bundle(Path(__file__).resolve().parents[1] / "examples" / "eksempel")
    described = any(p.description for p in bundle.partnership.partners)
    header = _md(bundle, manager).split("## Partnere", 1)[1].split("\n")[2]
    assert ("Merknad" in header) == described


# -- issue 13: headings, the count column, PM above ------------------------------------


def test_body_headings_start_with_a_capital_and_have_one_pair_of_brackets(
    troms: Bundle, manager: PluginManager
) -> None:
    headings = [line[4:] for line in _md(troms, manager).splitlines() if line.startswith("### ")]
    assert headings, "no body headings"
    for heading in headings:
        assert heading[0].isupper(), heading
        assert not re.search(r"\)\s*\(", heading), heading
    assert "Faglig samarbeidsutvalg for fastleger og UNN (Fastlegerådet) – FSU FLR" in headings
    assert "Partnerskapsmøtet (PM)" in headings


def test_no_count_column_where_no_seat_has_a_count(troms: Bundle, manager: PluginManager) -> None:
    text = _md(troms, manager)
    assert "| Representerer | Rettigheter |" in text
    assert "| Antall |" not in text
    page = _page(troms, manager)
    assert not page.xpath("//table[contains(@class, 'seats')]//th[contains(., 'Antall')]")


def test_the_partnership_meeting_is_drawn_above_the_other_top_bodies(
    troms: Bundle, manager: PluginManager
) -> None:
    text = _md(troms, manager)
    assert "b_pm ~~~ b_ssu" in text
    assert "b_pm ~~~ b_sekr" in text
