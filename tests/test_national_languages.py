"""National texts in nb, nn and en, chosen by the rendering language (issue 18 §2).

The frame's nynorsk and English wordings come from ``data/national.toml``
(``translations.<language>.<field>``); a partnership can word an item its own way in
``[national_texts.<language>]``.
"""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

from helsefellesskap.cli import main
from helsefellesskap.errors import DataError
from helsefellesskap.io import load_bundle
from helsefellesskap.model.national import TRANSLATABLE
from helsefellesskap.national import national_frame
from helsefellesskap.national_texts import localized_frame, national_text

from .language_fixture import language_copy

PLAN = Path("plans") / "handlingsplan-2024-2025.toml"


@pytest.fixture(autouse=True)
def only_builtin_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")


def render_plan(folder: Path, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", str(folder / PLAN), *argv], stdout=out, stderr=err)
    assert (code, err.getvalue()) == (0, "")
    return out.getvalue()


def _items() -> list[object]:
    frame = national_frame()
    return [
        *frame.plans,
        *(g for p in frame.plans for g in p.goals),
        *(g for p in frame.plans for g in p.priority_groups),
        *frame.fsu_requirements,
        *frame.agreement_subjects,
        *frame.principles,
    ]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_national_text_has_a_translation(language: str) -> None:
    for item in _items():
        worded = [n for n in TRANSLATABLE if getattr(item, n, None)]
        translated = getattr(item, "translations", {}).get(language, {})
        assert sorted(translated) == sorted(worded), getattr(item, "id", item)


def test_the_nynorsk_plan_shows_nynorsk_goals_and_groups(tmp_path: Path) -> None:
    text = render_plan(language_copy(tmp_path, "nn"))
    assert "- God helse og meistring i befolkninga, uavhengig av sosial bakgrunn.\n" in text
    assert "- Gode pasientforløp og rask tilgang til tenester i heile landet.\n" in text
    assert "- Eldre med skrøpelegheit\n" in text
    assert "mestring i befolkningen" not in text
    assert "Eldre med skrøpelighet" not in text


def test_the_english_plan_shows_english_goals_and_groups(tmp_path: Path) -> None:
    text = render_plan(language_copy(tmp_path, "en"))
    assert "- Good health and coping in the population, regardless of social background.\n" in text
    assert "- Children and young people\n" in text
    assert "- Older people with frailty\n" in text
    assert "National Health and Collaboration Plan 2024–2027" in text
    assert "mestring i befolkningen" not in text


def test_bokmal_stays_the_official_text(tmp_path: Path) -> None:
    text = render_plan(language_copy(tmp_path, "nn"), "--lang", "nb")
    assert "- God helse og mestring i befolkningen, uavhengig av sosial bakgrunn.\n" in text
    assert "- Eldre med skrøpelighet\n" in text


def test_a_priority_group_is_worded_as_its_plan_words_it() -> None:
    frame = national_frame()
    assert national_text("frail-elderly", frame, "nn", "nhsp-2020") == "Skrøpelege eldre"
    assert national_text("frail-elderly", frame, "nn", "nhsp-2024") == "Eldre med skrøpelegheit"
    assert national_text("no-such-id", frame, "en") == "no-such-id"


def _override(folder: Path, table: str) -> None:
    partnership = folder / "partnership.toml"
    text = partnership.read_text(encoding="utf-8")
    partnership.write_text(text.replace("\n[layout]\n", f"\n{table}\n\n[layout]\n", 1), "utf-8")


def test_a_partnership_words_a_national_text_its_own_way(tmp_path: Path) -> None:
    folder = language_copy(tmp_path, "nn")
    _override(folder, '[national_texts.nn]\n"frail-elderly" = "Skrøpelege eldre (vår ordlyd)"')
    text = render_plan(folder)
    assert "- Skrøpelege eldre (vår ordlyd)\n" in text
    assert "Eldre med skrøpelegheit" not in text
    # the other languages keep the frame's wording
    assert "- Eldre med skrøpelighet\n" in render_plan(folder, "--lang", "nb")
    frame = localized_frame(national_frame(), "nb", {"nb": {"nhsp-2024.goal-4": "Vår tekst"}})
    assert national_text("nhsp-2024.goal-4", frame) == "Vår tekst"


def test_an_unknown_national_id_in_national_texts_is_refused(tmp_path: Path) -> None:
    folder = language_copy(tmp_path, "nn")
    _override(folder, '[national_texts.nn]\n"frail-elderli" = "Skrøpelege"')
    with pytest.raises(DataError) as caught:
        load_bundle(folder)
    message = str(caught.value)
    assert "partnership.toml" in message
    assert "national_texts" in message
    assert "did you mean 'frail-elderly'?" in message


def test_national_texts_in_an_unknown_language_is_refused(tmp_path: Path) -> None:
    folder = language_copy(tmp_path, "nn")
    _override(folder, '[national_texts.se]\n"frail-elderly" = "Rašes boarrásat"')
    with pytest.raises(DataError, match="no language 'se'"):
        load_bundle(folder)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_the_frame_is_worded_once_per_language_and_as_when_worded_afresh(language: str) -> None:
    """The shipped frame's own translation is worded once per language (it depends on no
    user data); a partnership's own wordings are applied afresh each time."""
    from helsefellesskap import national_texts

    frame = national_frame()
    first = localized_frame(frame, language)
    assert localized_frame(frame, language, {}) is first
    assert first == national_texts._localized_frame(frame, language, {})
    goal = frame.plans[0].goals[0].id
    own = {language: {goal: "Vår egen ordlyd"}}
    worded = localized_frame(frame, language, own)
    assert worded is not localized_frame(frame, language, own)
    assert worded.ids()[goal].text == "Vår egen ordlyd"  # type: ignore[union-attr]
    copy = attrs.evolve(frame)  # another frame of the same content
    assert localized_frame(copy, language) == first
    assert localized_frame(copy, language) is not first
