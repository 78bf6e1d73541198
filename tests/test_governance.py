"""Governance beyond seats and a chair (issue 18 §4): deputies, a deputy chair, a
secretary, terms of office, "up to" seats, named members, and rights on every seat."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import lxml.html
import pytest

from helsefellesskap import DataError, load_bundle
from helsefellesskap.model import Right
from helsefellesskap.render import render
from helsefellesskap.testing import minimal_partnership_toml

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


def _texts(fmt: str, lang: str = "nb") -> str:
    """The governance overview of the example as plain text in ``fmt``."""
    bundle = load_bundle(EXAMPLE)
    data = render(bundle.partnership, fmt, bundle=bundle, lang=lang)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        return "\n".join(parts)
    if fmt == "html":
        return str(lxml.html.fromstring(data).text_content())
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_example_shows_deputies_deputy_chair_secretary_and_terms(fmt: str) -> None:
    text = _texts(fmt)
    for expected in (
        "Nestleder",
        "Sekretær",
        "Funksjonstid",
        "4 år",
        "Vara",
        "inntil 3",
        "Kari Nordmann",
        "Ola Fjell (vara",
    ):
        assert expected in text, f"{expected!r} missing from the {fmt} overview"


def test_the_labels_follow_the_reader_language() -> None:
    text = _texts("md", "en")
    for expected in ("Deputy chair", "Secretary", "Term of office", "4 years", "up to 3"):
        assert expected in text


def test_the_secretariat_seat_has_no_vote() -> None:
    bundle = load_bundle(EXAMPLE)
    secretariat = bundle.partnership.body("sekr")
    assert secretariat is not None
    assert all(Right.VOTE not in seat.rights for seat in secretariat.seats)
    text = _texts("md")
    section = text.split("(SEKR)\n", 2)[-1].split("\n### ", 1)[0]
    assert "stemmerett" not in section
    assert "møterett, talerett" in section


def _seat_line(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "p"
    folder.mkdir()
    text = minimal_partnership_toml()
    assert old in text
    (folder / "partnership.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_seat_without_rights_is_refused_with_its_path_and_the_rights(tmp_path: Path) -> None:
    folder = _seat_line(
        tmp_path,
        '{ holder = "sykehuset", rights = ["attend", "speak", "vote"] }',
        '{ holder = "sykehuset" }',
    )
    with pytest.raises(DataError) as caught:
        load_bundle(folder)
    problem = caught.value.problems[0]
    assert problem.path == "$.bodies[0].seats[0].rights"
    assert problem.message == 'the required key "rights" is missing'
    assert problem.hint is not None
    assert 'rights = ["attend", "speak", "vote"]' in problem.hint
    for right in Right:
        assert right.value in problem.hint


def test_a_term_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    folder = _seat_line(
        tmp_path,
        'abbreviation = "PM"\n',
        'abbreviation = "PM"\n'
        "term_of_office = { years = 4, start = 2024-01-01, end = 2023-12-31 }\n",
    )
    with pytest.raises(DataError) as caught:
        load_bundle(folder)
    problem = caught.value.problems[0]
    assert problem.path == "$.bodies[0].term_of_office.end"
    assert re.search(r"ends \(2023-12-31\) before it starts \(2024-01-01\)", problem.message)
    assert problem.hint == "give an end on or after the start"


def test_a_deputy_chair_that_names_nothing_is_reported(tmp_path: Path) -> None:
    from helsefellesskap.validate import validate

    folder = _seat_line(
        tmp_path,
        'abbreviation = "PM"\n',
        'abbreviation = "PM"\nchair = { holder = "sykehuset", deputy = "kommunen" }\n',
    )
    report = validate(load_bundle(folder))
    hits = [f for f in report.findings if f.path == "$.bodies[0].chair.deputy"]
    assert [f.code for f in hits] == ["HF202"]
    assert "kommunen" in hits[0].message


def test_a_group_of_bodies_is_one_responsible_and_shown_with_its_bodies() -> None:
    bundle = load_bundle(EXAMPLE)
    group = next(g for g in bundle.partnership.groups if g.id == "fagutvalgene")
    assert [b.id for b in bundle.partnership.group_bodies(group)] == ["fsu-bu", "fsu-dig"]
    assert "fagutvalgene" in bundle.partnership.actors()
    assert "De faglige samarbeidsutvalgene:** FSU BU, FSU DIG" in _texts("md")


def test_a_group_body_that_names_no_body_is_reported(tmp_path: Path) -> None:
    from helsefellesskap.validate import validate

    folder = _seat_line(
        tmp_path,
        "[[bodies]]\n",
        '[[groups]]\nid = "utvalgene"\nname = "utvalgene"\nbodies = ["ssu", "sykehuset", "ssuu"]\n'
        "\n[[bodies]]\n",
    )
    report = validate(load_bundle(folder))
    hits = {f.path: f for f in report.findings if f.path.startswith("$.groups[")}
    assert hits["$.groups[1].bodies[1]"].message == '"sykehuset" is a partner, not a body'
    assert hits["$.groups[1].bodies[2]"].message == 'there is no body "ssuu" in the partnership'
    assert hits["$.groups[1].bodies[2]"].code == "HF202"
    assert "$.groups[1].bodies[0]" not in hits
