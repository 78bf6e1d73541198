"""Validation in nb, nn and en (issue 18 §3, §5): the findings of every built-in rule, the
text report of ``validate`` and the texts of every rule have no English in bokmål and
nynorsk (``tests/english.py``), over the invalid fixture corpus (every built-in rule) and
broken copies of all bundled data (the example and every bundled partnership)."""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from helsefellesskap import Bundle, PluginManager, load_bundle
from helsefellesskap.cli.rules import rule_texts
from helsefellesskap.hookspecs import hookimpl
from helsefellesskap.messages import catalogue, use_language
from helsefellesskap.render.catalogue import LabelCatalogue
from helsefellesskap.testing import make_manager, run_cli
from helsefellesskap.validate import validate
from helsefellesskap.validate.results import text_report
from helsefellesskap.validate.rule_texts import (
    RULE_TEXT_PARTS,
    rule_labels,
    rule_text,
    rule_titles,
)
from helsefellesskap.validate.rules import BUILTIN_RULES, FSU_RULES

from .english import english_words
from .test_validate_fixtures import CASES, assemble

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = {
    "eksempel": ROOT / "examples" / "eksempel",
    **{
        folder.parent.name.removeprefix("helsefellesskap_"): folder
        for folder in sorted(ROOT.glob("plugins/*/src/*/data"))
        if (folder / "partnership.toml").is_file()
    },
}
NORWEGIAN = ("nb", "nn")
RULES = sorted((*BUILTIN_RULES, *FSU_RULES), key=lambda rule: rule.code)


@pytest.fixture(scope="module")
def builtins() -> PluginManager:
    """The built-in plugins only: the fixtures' findings are the core's."""
    return PluginManager(entry_points=False, use_env=False)


def _english_left(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The English words of ``text`` outside data and code names; ``names`` are words of
    the data's names the text may hold unquoted (the fixtures' "FSU A")."""
    return english_words(text, allowed=names)


def _names(bundle: Bundle) -> frozenset[str]:
    """The words of the names of the partnership's bodies and partners."""
    partnership = bundle.partnership
    names = [body.display_name for body in partnership.bodies]
    names += [partner.display_name for partner in partnership.partners]
    return frozenset(word.lower() for name in names for word in name.split())


# -- the rules' own texts ----------------------------------------------------------------


def test_every_builtin_rule_is_counted() -> None:
    assert len(RULES) == 52
    assert len({rule.code for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_builtin_rule_has_its_texts_in_nb_nn_and_en(rule: Any) -> None:
    english = rule_text(rule, language="en")
    # the English texts are the catalogue's, and the Rule carries them
    assert (english.title, english.explanation, english.fix) == (
        rule.title,
        rule.explanation,
        rule.fix,
    )
    for language in ("en", *NORWEGIAN):
        texts = catalogue(language)
        for part in RULE_TEXT_PARTS:
            assert texts.get(f"ruletexts.{rule.code}.{part}", "").strip(), (language, part)
    for language in NORWEGIAN:
        worded = rule_text(rule, language=language)
        for part in RULE_TEXT_PARTS:
            text = getattr(worded, part)
            assert text != getattr(english, part), (language, part)
            assert _english_left(text) == [], (language, part, text)
    bokmal, nynorsk = (rule_text(rule, language=language) for language in NORWEGIAN)
    assert bokmal.explanation != nynorsk.explanation


def test_the_rules_command_speaks_nynorsk_and_bokmal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELSEFELLESSKAP_NO_ENTRY_POINTS", "1")
    for language in NORWEGIAN:
        result = run_cli("rules", "-l", language)
        assert result.code == 0, result.stderr
        assert _english_left(result.stdout) == [], language
        for rule in RULES:
            assert f"{rule.code}  " in result.stdout
    one = run_cli("rules", "HF304", "-l", "nn")
    assert one.stdout.splitlines()[0] == (
        "HF304  åtvaring  Mandatet til eit FSU er gjeve av SSU og FSU i fellesskap"
    )
    assert "  Slik rettar du det: Registrer mandatet med given_by" in one.stdout
    assert "  For organ av typen: professional-committee" in one.stdout
    english = run_cli("rules", "HF304", "-l", "en")
    assert english.stdout.splitlines()[0] == (
        "HF304  warning  An FSU's mandate is given jointly by SSU and the FSU"
    )


# -- the findings of every rule: the invalid fixture corpus --------------------------------


@pytest.mark.parametrize("case", CASES)
def test_every_fixtures_findings_are_norwegian(
    case: str, tmp_path: Path, builtins: PluginManager
) -> None:
    bundle = load_bundle(assemble(case, tmp_path))
    names = _names(bundle)
    with use_language("en"):
        english = validate(bundle, manager=builtins)
    assert english.findings
    for language in NORWEGIAN:
        with use_language(language):
            report = validate(bundle, manager=builtins)
            text = text_report(report)
        # the same findings, at the same places, worded otherwise
        assert [(f.code, f.path, f.suggestion) for f in report.findings] == [
            (f.code, f.path, f.suggestion) for f in english.findings
        ]
        for finding, original in zip(report.findings, english.findings, strict=True):
            assert finding.message != original.message, (language, finding.message)
            assert _english_left(finding.message, names) == [], (language, finding.message)
        assert _english_left(text, names) == [], (language, text)


# -- broken copies of every bundled partnership --------------------------------------------


def _measures(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for area in plan.get("focus_areas", []):
        for goal in area.get("goals", []):
            yield from goal.get("measures", [])


def _break_partnership(data: dict[str, Any]) -> None:
    rules = data.setdefault("rules", {})
    rules["HF6O5"] = {"severity": "info", "reason": "Skrivefeil i koden."}
    rules["HF608"] = {"severity": "warning", "reason": "Vi vil se hullene."}
    rules["HF103"] = {"enabled": False, "reason": "Merkene følger kildedokumentet."}
    bodies = data["bodies"]
    bodies[-1]["kind"] = bodies[-1]["kind"] + "x"
    for body in bodies:
        if body["kind"] == "strategic-committee":
            for seat in body.get("seats", []):
                seat["rights"] = [r for r in seat.get("rights", []) if r != "vote"]
    if data.get("groups"):
        data["groups"][0].setdefault("members", []).append("ingen-slik-partner")


def _break_plan(plan: dict[str, Any]) -> None:
    measures = list(_measures(plan))
    if not measures:  # a plan of focus areas and intentions only
        return
    measures[0]["responsible"] = ["ingen-slik-aktor"]
    measures[0]["priority_groups"] = ["eldre-skropelige"]
    if len(measures) > 1:
        measures[1].pop("deadline", None)
    if len(measures) > 2:
        measures[2]["deadline"] = 2099
    areas = plan.get("focus_areas", [])
    if areas and plan.get("basis", {}).get("declaration"):
        areas[0]["commitment"] = "ukjent-satsing"


def _rewrite(file: Path, change: Any) -> None:
    data = tomllib.loads(file.read_text("utf-8"))
    change(data)
    file.write_text(tomli_w.dumps(data), "utf-8")


def _broken_copy(source: Path, into: Path) -> Path:
    folder = into / source.name
    shutil.copytree(source, folder)
    _rewrite(folder / "partnership.toml", _break_partnership)
    for plan in sorted((folder / "plans").glob("*.toml")):
        _rewrite(plan, _break_plan)
    return folder


EXPECTED = {"HF002", "HF201", "HF204", "HF208", "HF605", "HF606"}
FINDING_CODE = re.compile(r": (?:feil|advarsel|åtvaring|info) ([A-Z]+\d+): ", re.MULTILINE)


@pytest.mark.parametrize("name", sorted(BUNDLED))
@pytest.mark.parametrize("language", NORWEGIAN)
def test_validate_speaks_norwegian_over_all_bundled_data(
    name: str, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _broken_copy(BUNDLED[name], tmp_path)
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", language)
    result = run_cli("validate", str(folder))
    assert result.code == 1, result.stderr
    found = set(FINDING_CODE.findall(result.stdout))
    assert found >= EXPECTED, (name, sorted(found))
    assert _english_left(result.stdout) == [], result.stdout
    assert _english_left(result.stderr) == [], result.stderr
    off, severity = {
        "nb": (
            "regler som er slått av for dette helsefellesskapet ([rules.CODE] enabled = false):",
            "regler med en annen alvorlighetsgrad for dette helsefellesskapet:",
        ),
        "nn": (
            "reglar som er slått av for dette helsefellesskapet ([rules.CODE] enabled = false):",
            "reglar med ei anna alvorsgrad for dette helsefellesskapet:",
        ),
    }[language]
    lines = result.stdout.splitlines()
    start = lines.index(off)
    title = rule_text(next(rule for rule in RULES if rule.code == "HF103"), language=language).title
    assert f"  HF103 ({title}): Merkene følger kildedokumentet." in lines[start + 1 :]
    assert severity in lines
    worded = "advarsel" if language == "nb" else "åtvaring"
    assert any(
        line.startswith("  HF608 (") and line.endswith(f"): {worded}: Vi vil se hullene.")
        for line in lines
    )
    assert lines[-1].startswith("feilet: " if language == "nb" else "feila: ")
    monkeypatch.setenv("HELSEFELLESSKAP_LANG", "en")
    english = run_cli("validate", str(folder))
    assert (
        set(
            FINDING_CODE.findall(
                english.stdout.replace(": error ", ": feil ").replace(": warning ", ": advarsel ")
            )
        )
        == found
    )


def test_the_text_report_words_each_part_in_each_language(
    tmp_path: Path, builtins: PluginManager
) -> None:
    bundle = load_bundle(assemble("hf201-unknown-responsible", tmp_path))
    expected = {
        "en": (
            "error HF201: responsible ",
            ' (did you mean "',
            "failed: 1 error, 0 warnings, 0 infos",
        ),
        "nb": ("feil HF201: ansvarlig: ", ' (mente du "', "feilet: 1 feil, 0 advarsler, 0 info"),
        "nn": ("feil HF201: ansvarleg: ", ' (meinte du "', "feila: 1 feil, 0 åtvaringar, 0 info"),
    }
    for language, (finding, suggestion, verdict) in expected.items():
        with use_language(language):
            report = validate(bundle, manager=builtins)
            text = text_report(report, strict=True)
        [line] = [line for line in text.splitlines() if "HF201" in line]
        assert finding in line and suggestion in line, line
        assert text.splitlines()[-1].startswith(verdict), text


def test_a_finding_is_worded_when_the_rule_runs(tmp_path: Path, builtins: PluginManager) -> None:
    # the language around validate() decides, also when the rules run in a worker thread
    bundle = load_bundle(assemble("hf605-measure-without-deadline", tmp_path))
    with use_language("nn"):
        limited = validate(bundle, manager=builtins, time_limit=30)
        unlimited = validate(bundle, manager=builtins, time_limit=None)
    assert limited.findings == unlimited.findings
    assert limited.of("HF605")
    assert all(f.message.endswith("har ingen frist") for f in limited.of("HF605"))


def test_a_plugins_bokmal_rule_label_does_not_stand_in_for_english() -> None:
    class Bokmal:
        @hookimpl
        def hf_label_catalogues(self) -> list[LabelCatalogue]:
            return [LabelCatalogue(language="nb", labels={"rule.HF202.title": "Eget navn"})]

    manager = make_manager(Bokmal())
    assert rule_labels(manager, "nb")["rule.HF202.title"] == "Eget navn"
    assert "rule.HF202.title" not in rule_labels(manager, "en")
    [bokmal] = rule_texts(manager, "nb", "HF202")
    [nynorsk] = rule_texts(manager, "nn", "HF202")
    [english] = rule_texts(manager, "en", "HF202")
    assert bokmal.title == "Eget navn"
    assert nynorsk.title == catalogue("nn")["ruletexts.HF202.title"]
    assert english.title == "Seat holders, chairs, role holders and group members exist"
    assert rule_titles(manager, "nb")["HF202"] == "Eget navn"
    assert rule_titles(manager, "en")["HF202"] == english.title
