"""The browser shared by a test module: see :mod:`tests.browser.chromium`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .chromium import chromium_context


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium, 1280 px wide, one per test module."""
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context
