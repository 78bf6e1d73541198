"""The governance diagram: an outline's tree of bodies as an escaped, accessible SVG."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from helsefellesskap import Body, BodyStatus
from helsefellesskap.outline import (
    DiagramEdge,
    DiagramNode,
    Emphasis,
    GovernanceDiagram,
    Inline,
    LineBreak,
    runs,
)
from helsefellesskap.render.html import css_string
from helsefellesskap.render.svg import box_lines, diagram_rows, governance_svg, wrap_text

SVG = "{http://www.w3.org/2000/svg}"


def body(body_id: str, **values: object) -> Body:
    values.setdefault("kind", "working-group")
    values.setdefault("name", body_id.upper())
    return Body(id=body_id, **values)  # type: ignore[arg-type]


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def test_rows_follow_steering_then_parent_depth_first() -> None:
    rows = diagram_rows(
        [
            body("pm", kind="partnership-meeting"),
            body("ssu", steering_body="pm"),
            body("fsu-a", steering_body="ssu"),
            body("group", parent="fsu-a"),
            body("fsu-b", steering_body="ssu", parent="pm"),
            body("sekr"),
        ]
    )
    assert [(r.body.id, r.depth, r.above, r.via) for r in rows] == [
        ("pm", 0, None, None),
        ("ssu", 1, "pm", "steering"),
        ("fsu-a", 2, "ssu", "steering"),
        ("group", 3, "fsu-a", "parent"),
        ("fsu-b", 2, "ssu", "steering"),
        ("sekr", 0, None, None),
    ]


def test_a_body_under_an_unknown_body_is_shown_at_the_top() -> None:
    rows = diagram_rows([body("a", steering_body="nowhere"), body("b", parent="b")])
    assert [(r.body.id, r.depth, r.above) for r in rows] == [("a", 0, None), ("b", 0, None)]


def test_a_cycle_of_relations_ends_and_shows_every_body_once() -> None:
    rows = diagram_rows([body("a", steering_body="b"), body("b", steering_body="a"), body("c")])
    assert sorted(r.body.id for r in rows) == ["a", "b", "c"]
    assert len(rows) == 3


def node(node_id: str, *label: str | Inline, depth: int = 0, **values: object) -> DiagramNode:
    values.setdefault("kind", "working-group")
    label = label or (node_id.upper(),)
    return DiagramNode(id=node_id, label=runs(*label), depth=depth, **values)  # type: ignore[arg-type]


def bold(text: str) -> Emphasis:
    return Emphasis(runs=runs(text), strong=True)


LEGEND = (
    ("steers", runs("styrer")),
    ("under", runs("har under seg")),
    ("mandate", runs("gir mandat")),
)


def diagram(
    *nodes: DiagramNode, edges: tuple[DiagramEdge, ...] = (), **values: object
) -> GovernanceDiagram:
    values.setdefault("legend", LEGEND)
    return GovernanceDiagram(nodes=nodes, edges=edges, **values)  # type: ignore[arg-type]


def svg_of(drawn: GovernanceDiagram, **values: object) -> str:
    values.setdefault("title", "Organisering")
    return str(governance_svg(drawn, **values))  # type: ignore[arg-type]


def connectors(root: ElementTree.Element) -> list[ElementTree.Element]:
    return root.findall(f"{SVG}path[@class='line']")


def test_the_svg_is_well_formed_and_labelled() -> None:
    svg = svg_of(
        diagram(
            node("pm", bold("PM"), LineBreak(), "Partnerskapsmøtet"),
            node("ssu", bold("SSU"), depth=1),
            edges=(DiagramEdge(source="pm", target="ssu", kind="steers"),),
        ),
        title="Organisering",
        description="Beskrivelse",
        element_id="gov",
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "gov-title gov-desc"
    assert root.find(f"{SVG}title").text == "Organisering"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "Beskrivelse"  # type: ignore[union-attr]
    assert root.get("lang") is None
    marker = root.find(f"{SVG}defs/{SVG}marker")
    assert marker is not None and marker.get("id") == "gov-arrow"
    boxes = root.findall(f"{SVG}g[@data-body]")
    assert [g.get("data-body") for g in boxes] == ["pm", "ssu"]
    # the bold line (the abbreviation) first, then the name after the line break
    texts = [(t.text, t.get("font-weight")) for t in boxes[0].findall(f"{SVG}text")]
    assert texts == [("PM", "700"), ("Partnerskapsmøtet", None)]
    (line,) = connectors(root)
    assert (line.get("data-kind"), line.get("data-from")) == ("steers", "pm")
    assert line.get("stroke-dasharray") is None
    # the words of each kind of line are in the legend, once
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts.count("styrer") == 1
    # the child is drawn indented under its parent
    rects = [float(g.find(f"{SVG}rect").get("x")) for g in boxes]  # type: ignore[arg-type, union-attr]
    assert rects[1] > rects[0]


def test_the_diagram_can_be_marked_with_the_language_of_its_words() -> None:
    root = parse(svg_of(diagram(node("a")), language="en"))
    assert root.get("lang") == "en"


def test_an_under_line_is_dotted_and_a_closed_body_says_so() -> None:
    svg = svg_of(
        diagram(
            node("fsu", kind="professional-committee"),
            node("group", depth=1, closed=True),
            edges=(DiagramEdge(source="fsu", target="group", kind="under"),),
            closed_label=runs("avsluttet"),
        )
    )
    root = parse(svg)
    (line,) = connectors(root)
    assert line.get("stroke-dasharray") == "2 3" and line.get("data-kind") == "under"
    closed = root.find(f"{SVG}g[@data-body='group']")
    assert closed is not None
    assert [t.text for t in closed.findall(f"{SVG}text")][-1] == "(avsluttet)"
    assert closed.find(f"{SVG}rect").get("stroke-dasharray") == "5 3"  # type: ignore[union-attr]


def test_every_text_in_the_svg_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & "quoted"'
    svg = svg_of(
        diagram(
            node("a", bold("A&B"), LineBreak(), nasty),
            node("b", depth=1),
            edges=(DiagramEdge(source="a", target="b", kind="steers"),),
            legend=(("steers", runs(nasty)),),
        ),
        title=nasty,
        description=nasty,
        element_id='x" onload="alert(1)',
    )
    assert "<script>" not in svg
    root = parse(svg)  # still well-formed XML
    assert root.find(f"{SVG}title").text == nasty  # type: ignore[union-attr]
    assert root.get("aria-labelledby") == 'x" onload="alert(1)-title x" onload="alert(1)-desc'
    assert root.get("onload") is None
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "A&B" in texts and "<script>alert(" in texts


def test_unsafe_characters_are_dropped_and_bidi_controls_closed() -> None:
    root = parse(svg_of(diagram(node("a", "Utvalg\x00\u202eNord")), title="T\x0bittel"))
    (line,) = [t.text for t in root.iter(f"{SVG}text")]
    assert line == "Utvalg\u202eNord\u202c"
    assert root.find(f"{SVG}title").text == "T ittel"  # type: ignore[union-attr]


def test_long_names_wrap_and_grow_the_box() -> None:
    name = "Faglig samarbeidsutvalg for rekruttering og stabilisering av helsepersonell i nord"
    root = parse(svg_of(diagram(node("long", name))))
    box = root.find(f"{SVG}g[@data-body='long']")
    assert box is not None
    lines = [t.text for t in box.findall(f"{SVG}text")]
    assert len(lines) >= 2 and " ".join(lines) == name  # type: ignore[arg-type]
    assert float(box.find(f"{SVG}rect").get("height")) > 2 * 17  # type: ignore[arg-type, union-attr]


def test_box_lines_split_a_label_at_its_breaks_and_bold_its_strong_lines() -> None:
    label = node("x", bold("FSU"), LineBreak(), "Faglig samarbeidsutvalg")
    assert box_lines(label, "", 400) == [("FSU", True), ("Faglig samarbeidsutvalg", False)]
    assert box_lines(node("y", bold("Sekretariatet")), "closed", 400) == [
        ("Sekretariatet", True)
    ]
    closed = node("z", "Gammelt utvalg", closed=True)
    assert box_lines(closed, "closed", 400) == [("Gammelt utvalg", False), ("(closed)", False)]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("", 70, [""]),
        ("kort", 70, ["kort"]),
        ("en to tre fire", 42, ["en to", "tre", "fire"]),
        ("Helsefellesskapssekretariatet her", 42, ["Helsefellesskapssekretariatet", "her"]),
    ],
)
def test_wrap_text(text: str, width: float, expected: list[str]) -> None:
    assert wrap_text(text, width) == expected


def test_css_strings_cannot_break_out_of_the_stylesheet() -> None:
    value = css_string('Helse & omsorg "A" </style><script>\\\n')
    assert value.startswith('"') and value.endswith('"')
    inner = value[1:-1]
    assert not any(c in inner for c in '<>&"\n')
    assert "\\00003c/style\\00003e" in inner and "\\00005c" in inner and "\\00000a" in inner
    assert css_string("Sørvåg · Helse") == '"Sørvåg · Helse"'


def test_a_mandate_places_a_body_when_nothing_else_does() -> None:
    from helsefellesskap import Mandate

    bodies = (
        body("ssu", kind="strategic-committee"),
        body("fsu", mandate=Mandate(given_by=("fsu", "ssu"))),
        body("pm", kind="partnership-meeting"),
    )
    rows = diagram_rows(bodies)
    assert [(r.body.id, r.above, r.via) for r in rows] == [
        ("pm", None, None),
        ("ssu", None, None),
        ("fsu", "ssu", "mandate"),
    ]


def test_a_mandate_line_is_thick_and_the_legend_lists_only_the_lines_drawn() -> None:
    root = parse(
        svg_of(
            diagram(
                node("ssu"),
                node("fsu", depth=1),
                edges=(DiagramEdge(source="ssu", target="fsu", kind="mandate"),),
            )
        )
    )
    (line,) = connectors(root)
    assert (line.get("stroke-dasharray"), line.get("stroke-width")) == (None, "3")
    legend = root.find(f"{SVG}g[@class='legend']")
    assert legend is not None
    assert [t.text for t in legend.findall(f"{SVG}text")] == ["gir mandat"]


def test_the_legend_opens_with_its_title_where_the_diagram_has_one() -> None:
    drawn = diagram(
        node("ssu"),
        node("fsu", depth=1),
        edges=(DiagramEdge(source="ssu", target="fsu", kind="steers"),),
        legend_title=runs("Forklaring"),
    )
    legend = parse(svg_of(drawn)).find(f"{SVG}g[@class='legend']")
    assert legend is not None
    assert [t.text for t in legend.findall(f"{SVG}text")] == ["Forklaring", "styrer"]


def test_top_level_bodies_read_pm_ssu_others_secretariat_then_closed() -> None:
    rows = diagram_rows(
        [
            body("old", status=BodyStatus.CLOSED),
            body("sekr", kind="secretariat"),
            body("rev", kind="revision-committee"),
            body("ssu", kind="strategic-committee"),
            body("pm", kind="partnership-meeting"),
        ]
    )
    assert [r.body.id for r in rows] == ["pm", "ssu", "rev", "sekr", "old"]


def test_a_diagram_without_relations_has_no_legend() -> None:
    root = parse(svg_of(diagram(node("a"), node("b"))))
    assert root.find(f"{SVG}g[@class='legend']") is None


def test_a_diagram_named_by_an_element_of_the_page_writes_no_title_of_its_own() -> None:
    root = parse(svg_of(diagram(node("a")), labelled_by="h-1", description="", element_id="g"))
    assert root.get("aria-labelledby") == "h-1"
    assert root.find(f"{SVG}title") is None and root.find(f"{SVG}desc") is None
