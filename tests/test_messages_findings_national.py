"""Findings quote national texts and name kinds in the reader's language (issue 18 §2, §3).

A rule quoting the national frame (HF608's priority group, HF501's national plan, HF7xx's
agreement subjects) reads the frame worded once a run in the language of messages, with
the partnership's own ``[national_texts.<language>]`` winning as in the documents; HF401
and HF402 name the partner kinds by their labels, the code in quotes. Real copies of the
example partnership, validated with the built-in plugins.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.messages import use_language
from helsefellesskap.national import national_frame
from helsefellesskap.national_texts import national_text
from helsefellesskap.validate import ValidationReport, validate
from helsefellesskap.validate.context import ValidationContext

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
GROUP = "mental-health-and-substance"
"""A priority group of the example plan's national plan that no measure addresses."""
PLAN = "nhsp-2024"

BOKMAL = "Personer med alvorlige psykiske lidelser og rusproblemer"


@pytest.fixture(scope="module")
def builtins() -> PluginManager:
    """The built-in plugins only: the findings are the core's."""
    return PluginManager(entry_points=False, use_env=False)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _add(folder: Path, before: str, table: str) -> None:
    partnership = folder / "partnership.toml"
    text = partnership.read_text("utf-8")
    assert before in text
    partnership.write_text(text.replace(before, f"{table}\n\n{before}", 1), "utf-8")


def _validate(folder: Path, language: str, manager: PluginManager) -> ValidationReport:
    with use_language(language):
        return validate(load_bundle(folder, types=manager.document_types()), manager=manager)


def _group_finding(report: ValidationReport) -> str:
    [message] = [f.message for f in report.of("HF608") if f'"{GROUP}"' in f.message]
    return message


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_hf608_quotes_the_priority_group_in_the_readers_language(
    language: str, builtins: PluginManager
) -> None:
    report = _validate(EXAMPLE, language, builtins)
    name = national_text(GROUP, national_frame(), language, PLAN)
    message = _group_finding(report)
    assert f'"{GROUP}" ({name})' in message
    if language != "nb":
        assert name != BOKMAL
        assert BOKMAL not in message


def test_hf608_quotes_the_nynorsk_and_english_texts() -> None:
    # the translations themselves, so the test above cannot pass on a frame without them
    frame = national_frame()
    assert national_text(GROUP, frame, "nn", PLAN) == (
        "Personar med alvorlege psykiske lidingar og rusproblem"
    )
    assert national_text(GROUP, frame, "en", PLAN) == (
        "People with severe mental illness and substance use problems"
    )


def test_a_partnerships_own_wording_wins_in_findings(
    tmp_path: Path, builtins: PluginManager
) -> None:
    folder = _copy(tmp_path)
    _add(folder, "[layout]", f'[national_texts.nn]\n"{GROUP}" = "Vår ordlyd for gruppa"')
    assert '"{GROUP}" (Vår ordlyd for gruppa)'.replace("{GROUP}", GROUP) in _group_finding(
        _validate(folder, "nn", builtins)
    )
    # the other languages keep the frame's wording
    assert f'"{GROUP}" ({BOKMAL})' in _group_finding(_validate(folder, "nb", builtins))


def test_the_national_frame_is_worded_once_a_run() -> None:
    bundle = load_bundle(EXAMPLE)
    context = ValidationContext(bundle, language="nn")
    assert context.national is context.national  # worded once, shared by every rule
    english = ValidationContext(bundle, language="en").national.plan(PLAN)
    assert english is not None
    names = {group.id: group.name for group in english.priority_groups}
    assert names[GROUP] == national_text(GROUP, national_frame(), "en", PLAN) != BOKMAL
    with use_language("nn"):
        assert ValidationContext(bundle).language == "nn"


def test_every_national_id_has_its_kind() -> None:
    from helsefellesskap.model.national import NationalGoal, NationalPlan, PriorityGroup

    context = ValidationContext(load_bundle(EXAMPLE))
    kinds = {NationalPlan: "plan", NationalGoal: "goal", PriorityGroup: "priority-group"}
    assert context.national_ids
    for key, item in context.national_ids.items():
        expected = kinds.get(type(item), "other")
        assert context.national_kinds[key] == context.national_kind(key) == expected
    assert set(context.national_kinds) == set(context.national_ids)
    assert context.national_kind("not-a-national-id") is None


UNSEATED = """[[partners]]
id = "fjordvik-forsking"
kind = "research-institution"
name = "Fjordvik forskingssenter"
membership = "member"
"""

KIND_LABELS = {
    "nb": 'forskningsinstitusjon ("research-institution")',
    "nn": 'forskingsinstitusjon ("research-institution")',
    "en": 'research institution ("research-institution")',
}


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_hf401_names_a_partner_kind_by_its_label(
    language: str, tmp_path: Path, builtins: PluginManager
) -> None:
    folder = _copy(tmp_path)
    _add(folder, "[[partners]]", UNSEATED)
    report = _validate(folder, language, builtins)
    [finding] = report.of("HF401")
    assert finding.message.endswith(f": {KIND_LABELS[language]}")
    assert finding.path.endswith(".seats")


def test_a_kind_without_a_label_is_its_code_in_quotes() -> None:
    context = ValidationContext(load_bundle(EXAMPLE), language="nn")
    assert context.kind_label("municipality") == 'kommune ("municipality")'
    assert context.kind_label("no-such-kind") == '"no-such-kind"'
    assert context.body_kind_label("strategic-committee") == '"strategic-committee"'


def test_a_body_kind_is_named_by_its_registered_label(builtins: PluginManager) -> None:
    context = ValidationContext(
        load_bundle(EXAMPLE), body_kinds=builtins.body_kinds(), language="nn"
    )
    kind = builtins.body_kinds()["strategic-committee"]
    label = kind.label("nn")
    assert label != "strategic-committee"
    assert context.body_kind_label("strategic-committee") == f'{label} ("strategic-committee")'
