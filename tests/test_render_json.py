"""The JSON format: a versioned envelope whose document reads back unchanged."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from helsefellesskap import Bundle, Partnership, PluginManager, load_bundle, loads_json
from helsefellesskap.errors import DataError, RenderError
from helsefellesskap.io.values import CONTROL_CHARACTERS
from helsefellesskap.render import render
from helsefellesskap.render.json import (
    ENVELOPE_FORMAT,
    ENVELOPE_VERSION,
    JsonFormat,
    _suspect,
    indented_json,
    unwrap,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
GOLDEN = Path(__file__).resolve().parent / "golden" / "eksempel"
UPDATE = os.environ.get("HF_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle(EXAMPLE)


def test_the_envelope_names_format_version_kind_and_partnership(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    data = json.loads(render(plan, "json", bundle=bundle, lang="nn", manager=manager))
    assert list(data) == ["format", "version", "kind", "partnership", "language", "document"]
    assert data["format"] == ENVELOPE_FORMAT == "helsefellesskap.document"
    assert data["version"] == ENVELOPE_VERSION == 1
    assert data["kind"] == "action-plan"
    assert data["partnership"] == {"id": "eksempel", "name": "Helsefellesskap Eksempel"}
    assert data["language"] == "nn"
    assert data["document"]["kind"] == "action-plan"
    assert data["document"]["id"] == "handlingsplan-2024-2025"


def test_every_document_round_trips_through_loads_json(
    bundle: Bundle, manager: PluginManager
) -> None:
    assert len(bundle.documents) >= 5
    for document in bundle.documents:
        data = render(document, "json", bundle=bundle, manager=manager)
        assert loads_json(unwrap(data)) == document, document.id


def test_the_governance_overview_round_trips_as_the_partnership(
    bundle: Bundle, manager: PluginManager
) -> None:
    data = render(bundle.partnership, "json", bundle=bundle, manager=manager)
    assert json.loads(data)["kind"] == "governance"
    assert loads_json(unwrap(data), Partnership) == bundle.partnership


def test_unwrap_refuses_other_json_and_other_versions() -> None:
    # A library error (issue 12 §6), not a bare ValueError.
    with pytest.raises(DataError, match=r"not the JSON of a helsefellesskap\.document envelope"):
        unwrap('{"kind": "action-plan"}')
    with pytest.raises(DataError, match="not the JSON of"):
        unwrap("{not json")
    with pytest.raises(DataError, match="the envelope has version the integer 2; this library"):
        unwrap(json.dumps({"format": ENVELOPE_FORMAT, "version": 2, "document": {}}))


def test_json_is_utf8_and_keeps_norwegian_letters(bundle: Bundle, manager: PluginManager) -> None:
    data = render(bundle.partnership, "json", bundle=bundle, manager=manager)
    assert "Sørvåg kommune".encode() in data
    assert data.endswith(b"}\n")


def test_the_format_declares_itself() -> None:
    fmt = JsonFormat()
    assert (fmt.name, fmt.extension, fmt.media_type) == ("json", ".json", "application/json")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_golden_json(bundle: Bundle, manager: PluginManager, lang: str) -> None:
    items = (
        [*bundle.documents, bundle.partnership]
        if lang == "nb"
        else [bundle.document("handlingsplan-2024-2025")]
    )
    for item in items:
        assert item is not None
        name = item.id if not isinstance(item, Partnership) else f"{item.id}-styringsstruktur"
        data = render(item, "json", bundle=bundle, lang=lang, manager=manager)
        path = GOLDEN / lang / f"{name}.json"
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            continue
        assert path.exists(), f"{path} is missing: run with HF_UPDATE_GOLDEN=1 to create it"
        assert data.decode() == path.read_text("utf-8"), f"{path.name} differs from its golden file"


def _with_measure_text(plan: Any, text: str) -> Any:
    area = plan.focus_areas[0]
    goal = area.goals[0]
    measure = attrs.evolve(goal.measures[0], text=text)
    goal = attrs.evolve(goal, measures=(measure, *goal.measures[1:]))
    area = attrs.evolve(area, goals=(goal, *area.goals[1:]))
    return attrs.evolve(plan, focus_areas=(area, *plan.focus_areas[1:]))


@pytest.mark.parametrize(
    "character", [chr(c) for c in range(0x10000) if CONTROL_CHARACTERS.fullmatch(chr(c))]
)
def test_text_no_document_can_hold_is_refused_with_its_path(
    bundle: Bundle, manager: PluginManager, character: str
) -> None:
    # The render checks its whole output once for what such a character looks like in
    # JSON, and only then each string (for the path): the error must stay the same.
    plan = _with_measure_text(bundle.document("handlingsplan-2024-2025"), f"Før{character}etter")
    with pytest.raises(RenderError, match=r"\$\.focus_areas\[0\]\.goals\[0\]\.measures\[0\]\.text"):
        render(plan, "json", bundle=bundle, manager=manager)


@pytest.mark.parametrize(
    "text",
    [
        "C:\\bin\\fil",
        "\\u0001 skrevet ut",
        "tab\tog\nlinje",
        "\\\\f",
        "\u00a0«»\u2028",
        "¿Â€\u0100\ufffd\ufeff\U0001f600",  # UTF-8 bytes next to those of C1 and U+FFFE
    ],
)
def test_text_that_only_looks_suspect_in_json_is_rendered(
    bundle: Bundle, manager: PluginManager, text: str
) -> None:
    plan = _with_measure_text(bundle.document("handlingsplan-2024-2025"), text)
    data = json.loads(render(plan, "json", bundle=bundle, manager=manager))
    measure = data["document"]["focus_areas"][0]["goals"][0]["measures"][0]
    assert measure["text"] == text


CONTROL = [chr(c) for c in range(0x10000) if CONTROL_CHARACTERS.fullmatch(chr(c))]
LOOKALIKES = ["C:\\bin\\fil", "\\f", "\\u0001", "tab\tog\n", "\u00a0«»¿Â€\ufffd\ufeff\U0001f600"]


@pytest.mark.parametrize("text", [f"Før{c}etter" for c in CONTROL] + LOOKALIKES)
def test_the_quick_search_finds_every_control_character_and_only_those(text: str) -> None:
    # The render checks each string (for the path) only where the quick search of the
    # whole text says yes: it must find every character no document can hold, and not
    # send text that only looks like one to the slow check.
    written = json.dumps({"a": [text, "etter"]}, ensure_ascii=False, indent=2) + "\n"
    expected = CONTROL_CHARACTERS.search(text) is not None
    assert _suspect(written, written.encode("utf-8")) is expected


def _deep(levels: int) -> Any:
    """Lists and dicts nested ``levels`` deep, with text at every depth."""
    data: Any = ["bunn", "tekst"]
    for level in range(levels):
        data = {"nivå": level, "under": data, "tekst": ["a", "b"]} if level % 2 else [data, "c"]
    return data


@pytest.mark.parametrize(
    "data",
    [
        {"a": [], "b": {}, "c": [1, 2.5, True, False, None, "x"], "d": {"e": [{"f": "g"}]}},
        [["nested", ["deeper", {"k": 'æøå – \u2028 "sitat" \\'}]], (1, 2)],
        {3: "int key", 2.5: "float key", False: "bool key", None: "null key"},
        {"text only": ["a", "b"], "deeper": {"one": ["c"], "mixed": ["d", ["e"], {"f": []}]}},
        _deep(40),
        "a string alone",
        [float("inf"), float("-inf"), 10**30, -0.0],
        {"first a dict": [{"y": 2019}, "z", 3, [{}]], "years": [2024, "2025"]},
        [{"a": 1}, "text", [], {}, [{"b": [{"c": True}]}]],
    ],
)
def test_indented_json_is_the_text_json_dumps_writes(data: Any) -> None:
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
