"""The readers the importers share: deadline texts and responsible texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import helsefellesskap as hf
from helsefellesskap.importing import read_deadline, read_responsible, slug

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", hf.Deadline.of_year(2024)),
        ("2024-2025", hf.Deadline.of_span(2024, 2025)),
        ("2024 – 2025", hf.Deadline.of_span(2024, 2025)),
        ("30.06.2025", hf.Deadline.of_date(dt.date(2025, 6, 30))),
        ("2025-06-30", hf.Deadline.of_date(dt.date(2025, 6, 30))),
    ],
)
def test_years_spans_and_dates_are_read_without_a_guess(text: str, expected: object) -> None:
    reading = read_deadline(text)
    assert (reading.deadline, reading.guess) == (expected, None)


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("Innen utgangen av 2024", dt.date(2024, 12, 31)),
        ("Våren 2025", dt.date(2025, 6, 30)),
        ("Hausten 2025", dt.date(2025, 12, 31)),
        ("Høsten 2025", dt.date(2025, 12, 31)),
        ("Innen sommeren 2025", dt.date(2025, 6, 30)),
        ("1. kvartal 2025", dt.date(2025, 3, 31)),
        ("4. kvartal 2024", dt.date(2024, 12, 31)),
        ("Mars 2023", dt.date(2023, 3, 31)),
        ("innan utgangen av februar 2024", dt.date(2024, 2, 29)),
        ("Desember 2025", dt.date(2025, 12, 31)),
    ],
)
def test_phrases_keep_their_words_and_say_the_date_is_a_guess(text: str, means: dt.date) -> None:
    reading = read_deadline(text)
    assert reading.deadline == hf.Deadline.of_phrase(text, means)
    assert reading.guess is not None and str(means) in reading.guess


@pytest.mark.parametrize("text", ["", "Løpende", "31.02.2025", "snart"])
def test_a_text_naming_no_time_is_no_deadline(text: str) -> None:
    assert read_deadline(text).deadline is None


def test_responsible_texts_become_actor_ids() -> None:
    partnership = hf.load_partnership(EXAMPLE)
    assert read_responsible("FSU DIG og kommunene", partnership).ids == ("fsu-dig", "kommunene")
    assert read_responsible("Samhandl.-sjefene", partnership).ids == ("samhandlingssjefene",)
    comma = read_responsible("SSU, PM", partnership)
    assert (comma.ids, comma.join) == (("ssu", "pm"), "comma")
    assert read_responsible("ssu", partnership).ids == ("ssu",)


def test_unknown_responsible_texts_are_listed_with_suggestions() -> None:
    partnership = hf.load_partnership(EXAMPLE)
    reading = read_responsible("SSU og Komunene", partnership)
    assert reading.ids == ("ssu",)
    ((text, suggestions),) = reading.unmatched
    assert text == "Komunene" and suggestions[0] == "kommunene"


def test_ids_are_made_of_the_first_words_in_ascii() -> None:
    assert slug("Felles fagdager innen psykisk helse og rus", words=4) == (
        "felles-fagdager-innen-psykisk"
    )
    assert slug("Handlingsplan 2024–2025", words=6) == "handlingsplan-2024-2025"
    assert slug("Økt kompetanse på små steder", words=3) == "okt-kompetanse-pa"
    assert slug("–", fallback="punkt") == "punkt"


def test_the_partnerships_abbreviations_and_names_are_used() -> None:
    manager = hf.PluginManager()
    troms = hf.load_partnership(manager.partnerships()["troms-ofoten"].path)
    assert read_responsible("UNN og kommunene", troms).ids == ("unn", "kommunene")
    reading = read_responsible("FSU REST og Samhandl.-sjefene", troms)
    assert reading.unmatched == ()
    assert len(reading.ids) == 2
