"""Shared test set-up: hypothesis profiles and paths to the example data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "eksempel"


@pytest.fixture
def example_folder() -> Path:
    """The invented example partnership shipped in ``examples/eksempel``."""
    return EXAMPLE
