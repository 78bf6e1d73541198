"""Shared test set-up: hypothesis profiles and paths to the example data."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
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


@pytest.fixture
def clean_plugin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No plugin disabled and entry points on, whatever the caller's environment says."""
    from helsefellesskap.plugins import DISABLE_ENV, NO_ENTRY_POINTS_ENV

    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.delenv(NO_ENTRY_POINTS_ENV, raising=False)


def _forget_fixture_modules() -> None:
    """Drop the fixture plugins' modules imported by an earlier test, so that a plugin
    installed into another site is imported from there, not taken from ``sys.modules``
    (its templates' folder, for one, would be the earlier test's)."""
    for name in [name for name in sys.modules if name.startswith("hf_fixture_")]:
        del sys.modules[name]


@pytest.fixture
def good(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The well-behaved fixture plugin, installed and on the path."""
    from .plugin_sites import sites

    site: Path = sites.install(["good"], tmp_path_factory.mktemp("good") / "site")
    monkeypatch.syspath_prepend(str(site))
    _forget_fixture_modules()
    yield site
    _forget_fixture_modules()


@pytest.fixture
def good_and_bad(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Both fixture distributions installed and on the path."""
    from .plugin_sites import sites

    site: Path = sites.install(["good", "bad"], tmp_path_factory.mktemp("both") / "site")
    monkeypatch.syspath_prepend(str(site))
    _forget_fixture_modules()
    yield site
    _forget_fixture_modules()
