"""``Bundle.require``: the document, or a library error with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from helsefellesskap import ActionPlan, DocumentNotFoundError, HelsefellesskapError, load_bundle


def test_require_returns_the_document(example_folder: Path) -> None:
    bundle = load_bundle(example_folder)
    plan = bundle.require("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    assert plan is bundle.document("handlingsplan-2024-2025")


def test_require_of_a_missing_id_raises_with_did_you_mean(example_folder: Path) -> None:
    bundle = load_bundle(example_folder)
    with pytest.raises(DocumentNotFoundError) as caught:
        bundle.require("handlingsplan-2024")
    message = str(caught.value)
    assert message.startswith("Helsefellesskap Eksempel has no document 'handlingsplan-2024'")
    assert 'did you mean "handlingsplan-2024-2025"?' in message
    assert isinstance(caught.value, HelsefellesskapError)
