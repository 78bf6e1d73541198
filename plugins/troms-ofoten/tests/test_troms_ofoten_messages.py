"""TO101 in nb, nn and en (issue 18 §3, §5): its findings are worded in the language of
messages, and its title, explanation and fix are in every language through the plugin's
catalogues."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helsefellesskap_troms_ofoten import SSU_VOTE_RULE, data_path

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.cli.rules import rule_texts
from helsefellesskap.messages import use_language
from helsefellesskap.testing import check_message_catalogues
from helsefellesskap.validate import validate

GP_SEAT = '{ holder = "fastleger", rights = ["attend", "speak", "vote"] }'
RIGHTS = '(rights = ["attend", "speak", "vote"])'
NO_VOTE = {
    "en": "the GP representatives (fastlegerepresentanter) have no vote in SSU; give a seat"
    f' whose holder is of kind "gp-representatives" the right "vote" {RIGHTS}',
    "nb": "fastlegerepresentantene har ikke stemmerett i SSU; gi en plass der innehaveren er"
    f' av typen "gp-representatives", retten "vote" {RIGHTS}',
    "nn": "fastlegerepresentantane har ikkje røysterett i SSU; gje ein plass der innehavaren"
    f' er av typen "gp-representatives", retten "vote" {RIGHTS}',
}


def test_every_message_is_in_nb_nn_and_en() -> None:
    assert check_message_catalogues("helsefellesskap_troms_ofoten") == []


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_finding_is_worded_in_the_language_of_messages(
    language: str, tmp_path: Path, manager: PluginManager
) -> None:
    copy = tmp_path / "troms-ofoten"
    shutil.copytree(data_path(), copy)
    file = copy / "partnership.toml"
    text = file.read_text("utf-8")
    assert text.count(GP_SEAT) == 1
    file.write_text(text.replace(GP_SEAT, GP_SEAT.replace(', "vote"', "")), "utf-8")
    with use_language(language):
        report = validate(load_bundle(copy, types=manager.document_types()), manager=manager)
    [finding] = report.of("TO101")
    assert finding.message == NO_VOTE[language]
    assert finding.path == "$.bodies[0].seats"
    # what to write is in the message: a suggestion is only ever a value the user meant
    assert finding.suggestion is None


def test_the_rule_texts_are_in_every_language(manager: PluginManager) -> None:
    [english] = rule_texts(manager, "en", "TO101")
    assert english.title == SSU_VOTE_RULE.title == "GP and user representatives have a vote in SSU"
    [bokmal] = rule_texts(manager, "nb", "TO101")
    [nynorsk] = rule_texts(manager, "nn", "TO101")
    assert bokmal.title == "Fastleger og brukerrepresentanter har stemmerett i SSU"
    assert nynorsk.title == "Fastlegar og brukarrepresentantar har røysterett i SSU"
    for text in (bokmal, nynorsk):
        assert text.plugin == "troms-ofoten"
        assert text.explanation != english.explanation and text.fix != english.fix
    assert "røysterett" in nynorsk.explanation and "stemmerett" in bokmal.explanation
