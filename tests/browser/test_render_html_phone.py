"""On a phone each stacked table cell shows its column's header, in headless Chromium.

The page's style stacks every table of three or more columns below 40rem and hides its
header row; a body cell then shows the header of its column (its ``data-label``) above
what it holds, so that a reader still knows what "2024" or "Kommunene" answers. Every
bundled document of Troms og Ofoten and Helgeland and both governance overviews are
opened at 390 px (a phone) and 1280 px (a desktop, where nothing is added).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .bundled_pages import PAGE_IDS, PAGES, write_pages
from .chromium import chromium_context

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "browser" / "phone"

SHOWN = r"""() => {
  const cells = [];
  for (const cell of document.querySelectorAll('.table-wrap tbody td, .table-wrap tbody th')) {
    const table = cell.closest('table');
    const box = cell.getBoundingClientRect();
    cells.push({
      stacked: !table.classList.contains('cols-2') && table.tHead !== null,
      label: cell.getAttribute('data-label'),
      before: getComputedStyle(cell, '::before').content,
      visible: box.width > 0 && box.height > 0,
      head: table.tHead ? getComputedStyle(table.tHead).display : null,
    });
  }
  return cells;
}"""


@pytest.fixture(scope="module")
def files() -> dict[tuple[str, str], Path]:
    """Every page written once, as an HTML file under build/browser/phone."""
    return write_pages(OUT)


@pytest.fixture(scope="module", params=(390, 1280), ids=("390px", "1280px"))
def browser(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, Any]]:
    profile = tmp_path_factory.mktemp(f"chromium-phone-{request.param}")
    with chromium_context(profile, width=request.param) as context:
        yield request.param, context


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize(("partnership", "document_id"), PAGES, ids=PAGE_IDS)
def test_a_stacked_cell_shows_its_columns_header_on_a_phone_only(
    browser: tuple[int, Any],
    files: dict[tuple[str, str], Path],
    partnership: str,
    document_id: str,
) -> None:
    width, context = browser
    page = context.new_page()
    page.goto(files[(partnership, document_id)].as_uri(), wait_until="load")
    cells = page.evaluate(SHOWN)
    page.close()
    stacked = [c for c in cells if c["stacked"] and c["visible"]]
    if width == 390:
        assert all(c["head"] == "none" for c in stacked)
        missing = [c for c in stacked if not c["label"]]
        assert missing == [], f"stacked cells without their column's header: {missing[:5]}"
        wrong = [c for c in stacked if c["before"] != _css_string(c["label"])]
        assert wrong == [], f"a label not shown above its cell: {wrong[:5]}"
    else:
        assert all(c["before"] in ("none", "normal") for c in cells)
    if document_id.startswith("handlingsplan") and partnership == "helgeland":
        assert stacked, "the plan's tables of goals and measures stack on a phone"
