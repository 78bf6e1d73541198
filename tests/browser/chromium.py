"""Headless Chromium for the browser tests: Debian's ``chromium`` driven by Playwright.

Every browser test opens its pages in a persistent context from :func:`chromium_context`
(or the module-scoped ``browser`` fixture of ``conftest.py``, a 1280 px wide one). Where
Chromium or Playwright is missing the test is skipped, except under ``CI=true``, where it
fails: CI installs both (``make browser``), so a skip there would hide a broken set-up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = ["CHROMIUM_PATHS", "LAUNCH_ARGS", "chromium_context", "unavailable"]

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(reason: str) -> None:
    """Skip the test, or fail it under ``CI=true``."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser test cannot run under CI=true: {reason}")
    pytest.skip(reason)


def _executable() -> str:
    for candidate in (*CHROMIUM_PATHS, shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    unavailable("Debian's chromium is not installed (run `make browser`)")
    raise AssertionError("unreachable")


@contextlib.contextmanager
def chromium_context(profile: Path, width: int = 1280) -> Iterator[Any]:
    """A Playwright browser context of headless Chromium with its profile in ``profile``,
    a viewport ``width`` px wide and 900 high, in Norwegian (``nb-NO``)."""
    executable = _executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": width, "height": 900},
            locale="nb-NO",
        )
        try:
            yield context
        finally:
            context.close()
