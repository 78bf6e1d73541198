"""HF214: circles in the steering and parent relations are found once each (issue 12 §5)."""

from __future__ import annotations

from helsefellesskap import Body, Bundle, Partnership, PluginManager
from helsefellesskap.validate import validate

MANAGER = PluginManager(entry_points=False, use_env=False)


def _findings(*bodies: Body) -> list[tuple[str, str]]:
    bundle = Bundle(partnership=Partnership(id="x", name="X", bodies=bodies))
    report = validate(bundle, manager=MANAGER)
    return [(f.path, f.message) for f in report.findings if f.code == "HF214"]


def _body(body_id: str, **links: str) -> Body:
    return Body(id=body_id, kind="network", name=body_id.upper(), **links)  # type: ignore[arg-type]


def test_a_tree_has_no_circle() -> None:
    assert _findings(_body("pm"), _body("ssu", steering_body="pm"), _body("a", parent="ssu")) == []


def test_a_circle_of_three_is_reported_once_at_its_first_body() -> None:
    found = _findings(
        _body("top"),
        _body("c", steering_body="a"),
        _body("a", steering_body="b"),
        _body("b", steering_body="c"),
        _body("tail", steering_body="a"),
    )
    assert found == [
        ("$.bodies[1].steering_body", "the steering body relation goes in a circle: C → A → B → C")
    ]


def test_a_body_steered_by_itself() -> None:
    assert _findings(_body("a", steering_body="a")) == [
        ("$.bodies[0].steering_body", "A is steered by itself")
    ]


def test_steering_and_parent_are_separate_relations() -> None:
    # a steers b and b is part of a: two different relations, no circle in either.
    assert _findings(_body("a", parent="b"), _body("b", steering_body="a")) == []


def test_a_link_to_a_missing_body_is_not_a_circle() -> None:
    assert _findings(_body("a", steering_body="nowhere")) == []
