"""No word split across lines, in headless Chromium, on a phone and on a desktop (issue 13).

Every bundled document of Troms og Ofoten and Helgeland and both governance overviews
are opened at 390 px (a phone) and 1280 px (a desktop) wide. For each text node of the
body, each run of letters and digits between break opportunities (spaces, hyphens,
slashes, dashes) is measured with a DOM Range: its boxes must all stand on one line.
A pasted address the writer marks ``.long-word`` may break anywhere and is skipped, as is
the SVG diagram (its lines are set by the writer). Chromium is launched as in
``test_render_html_browser.py`` (Debian's chromium through playwright's driver).
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
OUT = ROOT / "build" / "browser" / "words"


SPLIT_WORDS = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, script, style, .long-word')) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const word = /[^\s\-\/\u2010-\u2015]{2,}/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent;
    for (const match of text.matchAll(word)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(
        Array.from(range.getClientRects())
          .filter(r => r.width > 0 && r.height > 0)
          .map(r => Math.round(r.top))
      );
      if (tops.size > 1) found.push(match[0]);
    }
  }
  return found;
}"""

WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def files() -> dict[tuple[str, str], Path]:
    """Every page written once, as an HTML file under build/browser/words."""
    return write_pages(OUT)


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def browser(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp(f"chromium-words-{request.param}")
    with chromium_context(profile, width=request.param) as context:
        yield context


@pytest.mark.parametrize(("partnership", "document_id"), PAGES, ids=PAGE_IDS)
def test_no_word_is_split_across_lines(
    browser: Any, files: dict[tuple[str, str], Path], partnership: str, document_id: str
) -> None:
    page = browser.new_page()
    page.goto(files[(partnership, document_id)].as_uri(), wait_until="load")
    split = page.evaluate(SPLIT_WORDS)
    page.close()
    assert split == [], f"words split across lines: {sorted(set(split))[:20]}"
