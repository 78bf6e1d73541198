"""The static site in headless Chromium: crawled from its folder (``file://``) and over
http, every link resolves, no request leaves the site, the pages pass the accessibility
checks, the search finds a measure by a word of its text, and a phone's width fits.

Needs Debian's ``chromium`` (``make browser``) and the ``playwright`` package; without
them the test skips, except under ``CI=true``.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
import pytest

import helsefellesskap
from helsefellesskap import ActionPlan
from helsefellesskap.plugins import default_manager
from helsefellesskap.site import build_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "eksempel"
BUNDLED = ("troms-ofoten", "helgeland")

ACCESSIBILITY = """() => {
  const problems = [];
  const lang = document.documentElement.getAttribute('lang');
  if (!lang) problems.push('no lang on <html>');
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (last === 0 && level !== 1) problems.push('the first heading is ' + h.tagName);
    if (last !== 0 && level > last + 1) {
      problems.push(h.tagName + ' after h' + last + ': ' + h.textContent.trim().slice(0, 40));
    }
    last = level;
  }
  if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
  for (const t of document.querySelectorAll('table')) {
    if (!t.querySelector('th')) problems.push('a table without header cells');
  }
  for (const i of document.querySelectorAll('input:not([type=hidden])')) {
    if (!i.labels || i.labels.length === 0) problems.push('an input without a label');
  }
  for (const a of document.querySelectorAll('a')) {
    if (!a.textContent.trim() && !a.getAttribute('aria-label')) {
      problems.push('a link without text');
    }
  }
  return problems;
}"""
LINKS = """() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"""
IDS = """() => Array.from(document.querySelectorAll('[id]'), e => e.id)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the example and both bundled partnerships (text downloads: the
    Word and PDF files are links like the others, and cost time, not coverage)."""
    manager = default_manager()
    bundles = [
        helsefellesskap.load_bundle(EXAMPLE),
        *(manager.load_partnership(pid) for pid in BUNDLED),
    ]
    output = tmp_path_factory.mktemp("site")
    result = build_site(bundles, output, formats=("md", "json"), manager=manager)
    assert result.failures == ()
    return output


@pytest.fixture(scope="module")
def http_root(site: Path) -> Iterator[str]:
    """The site served over http on a free port of 127.0.0.1."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@attrs.define
class Watched:
    """A tab that refuses and records every request outside ``root``, and records the
    console's and scripts' errors."""

    page: Any
    root: str
    outside: list[str] = attrs.Factory(list)
    errors: list[str] = attrs.Factory(list)


def watched_page(browser: Any, root: str) -> Watched:
    seen = Watched(page=browser.new_page(), root=root)
    page = seen.page
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(root) or url.startswith("data:"):
            route.continue_()
        else:
            seen.outside.append(url)
            route.abort()

    page.route("**/*", route)
    return seen


def crawl(browser: Any, root: str, exists: Any) -> tuple[int, list[str]]:
    """Open every page reachable from ``root``index.html; the problems found."""
    tab = watched_page(browser, root)
    queue = [root + "index.html"]
    seen = set(queue)
    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []
    problems: list[str] = []
    while queue:
        url = queue.pop()
        tab.page.goto(url, wait_until="load")
        name = url.removeprefix(root)
        problems.extend(f"{name}: {p}" for p in tab.page.evaluate(ACCESSIBILITY))
        ids[url] = set(tab.page.evaluate(IDS))
        for link in tab.page.evaluate(LINKS):
            if not link.startswith(root):
                continue  # a document's link to a web page: followed by no one here
            target, _, fragment = link.partition("#")
            target = target.partition("?")[0]
            if fragment:
                anchors.append((name, target, unquote(fragment)))
            if not exists(target):
                problems.append(f"{name}: broken link {link}")
            elif target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
    for name, target, fragment in anchors:
        if target in ids and fragment not in ids[target]:
            problems.append(f"{name}: no #{fragment} in {target.removeprefix(root)}")
    problems.extend(f"request outside the site: {u}" for u in tab.outside)
    problems.extend(f"console: {e}" for e in tab.errors)
    tab.page.close()
    return len(seen), problems


def test_every_page_from_the_folder(browser: Any, site: Path) -> None:
    root = site.as_uri() + "/"

    def exists(url: str) -> bool:
        return Path(unquote(urlsplit(url).path)).is_file()

    pages, problems = crawl(browser, root, exists)
    assert pages >= 60
    assert problems == []


def test_every_page_over_http(browser: Any, site: Path, http_root: str) -> None:
    def exists(url: str) -> bool:
        return (site / unquote(url.removeprefix(http_root))).is_file()

    pages, problems = crawl(browser, http_root, exists)
    assert pages >= 60
    assert problems == []


def _measure_word() -> tuple[str, str]:
    """A word of a measure's text of troms-ofoten, and the page of its plan."""
    bundle = default_manager().load_partnership("troms-ofoten")
    plan = next(iter(bundle.documents_of(ActionPlan)))
    measure = next(iter(plan.measures()))
    word = max(re.findall(r"[^\W\d_]{6,}", measure.text), key=len)
    return word, f"troms-ofoten/{plan.id}.html"


@pytest.mark.parametrize("over", ["file", "http"])
def test_the_search_finds_a_measure_by_a_word(
    browser: Any, site: Path, http_root: str, over: str
) -> None:
    word, page = _measure_word()
    root = site.as_uri() + "/" if over == "file" else http_root
    tab = watched_page(browser, root)
    tab.page.goto(f"{root}nb/index.html")
    tab.page.fill("#site-q", word.lower())
    tab.page.click(".site-search button")
    tab.page.wait_for_selector("#search-results li")
    hrefs = tab.page.eval_on_selector_all(
        "#search-results a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert f"../nb/{page}" in hrefs
    assert word.lower() in tab.page.inner_text("#search-results mark").lower()
    status = tab.page.inner_text("#search-status")
    assert re.match(rf"\d+ treff for «{re.escape(word.lower())}»", status)
    # typing refines the results at once
    tab.page.fill("#search-q", "zzqxyvvk")
    tab.page.wait_for_function("document.querySelectorAll('#search-results li').length === 0")
    assert tab.page.inner_text("#search-status") == "Ingen treff for «zzqxyvvk»"
    assert tab.outside == [] and tab.errors == []
    tab.page.close()


@pytest.mark.parametrize(
    "path",
    [
        "nb/troms-ofoten/handlingsplan-2023.html",
        "nb/helgeland/index.html",
        "en/index.html",
        "nn/search.html",
        "nb/troms-ofoten/handlingsplan-2023-sporing.html",
    ],
)
def test_the_pages_fit_a_phone(browser: Any, site: Path, path: str) -> None:
    page = browser.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto((site / path).as_uri())
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] + 1, f"the page scrolls sideways on a phone: {widths}"
    bar = page.eval_on_selector(".site-search", "e => e.getBoundingClientRect().right")
    assert bar <= 375
    page.close()


def test_the_accessibility_check_finds_what_it_names(browser: Any) -> None:
    """The check the crawl runs on every page fails a page that breaks its rules."""
    page = browser.new_page()
    page.set_content(
        "<html><body><h2>A</h2><h1>B</h1><h3>C</h3><table><tr><td>x</td></tr></table>"
        "<input id=q><a href=x></a></body></html>"
    )
    assert page.evaluate(ACCESSIBILITY) == [
        "no lang on <html>",
        "the first heading is H2",
        "H3 after h1: C",
        "a table without header cells",
        "an input without a label",
        "a link without text",
    ]
    page.close()
