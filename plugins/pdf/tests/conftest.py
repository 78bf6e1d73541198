"""Set-up of the PDF format's tests: the bundled data rendered through the real plugin
found by its entry point, and the PDF read back with poppler's tools (``pdftotext``,
``pdftoppm``, ``pdfinfo``, ``pdffonts``) and pypdf.

Where poppler is not installed the tests skip, saying so, except under ``CI=true``,
where that fails: the checks must run somewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import pytest

import helsefellesskap as hf
from helsefellesskap.render.api import render
from helsefellesskap.render.format import Renderable

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"
PLAN_ID = "handlingsplan-2024-2025"
POPPLER = ("pdftotext", "pdftoppm", "pdfinfo", "pdffonts")

HEAD_AND_FOOT = 55.0
"""Points cut from the top and the bottom of a page to read its body alone: the
running head and the footer stand in the 22 mm (62 pt) margins."""


def require_poppler() -> None:
    """Skip where a poppler tool is missing, saying which; fail under ``CI=true``."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)} (make system-packages installs poppler-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _run(*command: str | Path) -> str:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=True
    ).stdout


_SIZE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)
_DEST = re.compile(r'^\s*(\d+) \[.*\] "(.*)"$', re.MULTILINE)


class Pdf:
    """A rendered PDF written to a file, read with the tools a reader has."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = path
        path.write_bytes(data)

    @cached_property
    def sizes(self) -> list[tuple[float, float]]:
        """Width and height in points of every page, in order."""
        found = _SIZE.findall(_run("pdfinfo", "-f", "1", "-l", "100000", self.path))
        return [(float(w), float(h)) for _, w, h in found]

    @cached_property
    def info(self) -> dict[str, str]:
        """``pdfinfo``'s fields: ``Title``, ``Pages``, ``CreationDate`` …"""
        lines = _run("pdfinfo", self.path).splitlines()
        return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}

    @cached_property
    def destinations(self) -> dict[str, int]:
        """The page (from 1) of every named destination: each ``id`` of the page."""
        found = _DEST.findall(_run("pdfinfo", "-dests", self.path))
        return {name: int(page) for page, name in found}

    def text(self, first: int = 1, last: int | None = None, *, body: bool = False) -> str:
        """The text of pages ``first`` to ``last`` in the order it was set
        (``pdftotext -raw``); ``body``: without the running head and footer."""
        last = last or len(self.sizes)
        if not body:
            return _run("pdftotext", "-raw", "-f", first, "-l", last, self.path, "-")
        parts = []
        for page in range(first, last + 1):
            width, height = self.sizes[page - 1]
            crop = (
                f"-x 0 -y {HEAD_AND_FOOT:.0f} -W {width + 1:.0f} "
                f"-H {height - 2 * HEAD_AND_FOOT:.0f}"
            ).split()
            parts.append(_run("pdftotext", "-raw", *crop, "-f", page, "-l", page, self.path, "-"))
        return "\n".join(parts)

    def layout_text(self, page: int) -> str:
        """The text of ``page`` as laid out (``pdftotext -layout``): a line is a line."""
        return _run("pdftotext", "-layout", "-f", page, "-l", page, self.path, "-")

    def fonts(self) -> list[list[str]]:
        """``pdffonts``' rows: name, type…, and the ``emb``/``sub``/``uni`` columns."""
        return [line.split() for line in _run("pdffonts", self.path).splitlines()[2:]]

    def picture(self, page: int) -> Path:
        """``page`` as a PNG at 50 dpi (``pdftoppm -png -r 50``)."""
        stem = self.path.with_name(f"{self.path.stem}-page{page}")
        _run("pdftoppm", "-png", "-r", "50", "-f", page, "-l", page, "-singlefile", self.path, stem)
        return stem.with_suffix(".png")


@pytest.fixture(scope="session")
def manager() -> hf.PluginManager:
    """A fresh plugin manager that loads the installed plugins, as the CLI does."""
    found = hf.PluginManager()
    assert "pdf" in found.render_formats(), "not installed: pip install -e plugins/pdf"
    return found


@pytest.fixture(scope="session")
def bundle() -> hf.Bundle:
    """The invented example partnership, with all its documents."""
    return hf.load_bundle(EXAMPLE)


@pytest.fixture(scope="session")
def plan(bundle: hf.Bundle) -> hf.ActionPlan:
    """The example's action plan."""
    found = bundle.document(PLAN_ID)
    assert isinstance(found, hf.ActionPlan)
    return found


RenderPdf = Callable[..., Pdf]


@pytest.fixture(scope="session")
def render_pdf(
    bundle: hf.Bundle, manager: hf.PluginManager, tmp_path_factory: pytest.TempPathFactory
) -> RenderPdf:
    """Render an item of the example (or of ``in_bundle``) to a PDF file, once per
    item, language and bundle in the session."""
    require_poppler()
    folder = tmp_path_factory.mktemp("pdf")
    done: dict[tuple[int, str, int], Pdf] = {}

    def run(item: Renderable, lang: str = "nb", in_bundle: hf.Bundle | None = None) -> Pdf:
        key = (id(item), lang, id(in_bundle))
        if key not in done:
            data = render(item, "pdf", bundle=in_bundle or bundle, lang=lang, manager=manager)
            done[key] = Pdf(data, folder / f"{item.id}-{lang}-{len(done)}.pdf")
        return done[key]

    return run
