"""The JSON format: a versioned envelope whose document reads back unchanged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helsefellesskap import Bundle, Partnership, PluginManager, load_bundle, loads_json
from helsefellesskap.errors import DataError
from helsefellesskap.render import render
from helsefellesskap.render.json import ENVELOPE_FORMAT, ENVELOPE_VERSION, JsonFormat, unwrap

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
