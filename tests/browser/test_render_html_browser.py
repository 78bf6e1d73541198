"""The rendered HTML action plan as a person sees it: opened in headless Chromium.

Needs Debian's ``chromium`` (``make browser`` installs it) and the ``playwright``
package (its wheel carries the driver; no browser download is ever made). Without
them the test skips, except under ``CI=true``, where a missing browser is a failure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import helsefellesskap
from helsefellesskap import ActionPlan, Bundle
from helsefellesskap.render import render

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN_ID = "handlingsplan-2024-2025"
OUT = ROOT / "build" / "browser"

A4_CONTENT_PX = 673
"""The width between the print margins of an A4 page (210 mm less 2 × 16 mm), in CSS px."""
OVERFLOWING_TABLES = """() => Array.from(document.querySelectorAll('table'))
    .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(t => t.id || t.className)"""


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return helsefellesskap.load_bundle(EXAMPLE)


@pytest.fixture(scope="module")
def plan_file(bundle: Bundle) -> tuple[ActionPlan, Path]:
    plan = bundle.document(PLAN_ID)
    assert isinstance(plan, ActionPlan)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "action-plan.html"
    path.write_bytes(render(plan, "html", bundle=bundle))
    return plan, path


@attrs.define
class Visit:
    """A page opened from a file, with what the browser reported while loading it."""

    page: Any
    url: str
    console_errors: list[str] = attrs.Factory(list)
    page_errors: list[str] = attrs.Factory(list)
    requests: list[str] = attrs.Factory(list)

    def assert_clean(self) -> None:
        """No console or script errors, and no request beyond the file and data: URLs."""
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.page_errors == [], f"script errors: {self.page_errors}"
        outside = [r for r in self.requests if r != self.url and not r.startswith("data:")]
        assert outside == [], f"requests left the file: {outside}"


def visit(browser: Any, path: Path) -> Visit:
    """Open ``path`` by its file URL, refusing (and recording) every request beyond it."""
    url = path.as_uri()
    seen = Visit(page=browser.new_page(), url=url)
    page = seen.page
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    page.on("request", lambda request: seen.requests.append(request.url))

    def refuse_outside(route: Any) -> None:
        if route.request.url == url or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", refuse_outside)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return seen


def test_action_plan_in_headless_chromium(browser: Any, plan_file: tuple[ActionPlan, Path]) -> None:
    plan, path = plan_file
    seen = visit(browser, path)
    page = seen.page

    assert page.evaluate("document.documentElement.lang") == "nb"
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == plan.title

    measures = list(plan.measures())
    assert measures, "the example plan has measures to look for"
    for measure in measures:
        cell = page.get_by_text(measure.text, exact=False)
        assert cell.count() >= 1, f"measure {measure.id!r} is not on the page"
        assert cell.first.is_visible(), f"measure {measure.id!r} is on the page but hidden"

    seen.assert_clean()
    overflowing = page.evaluate(OVERFLOWING_TABLES)
    assert overflowing == [], f"tables wider than the page on screen: {overflowing}"

    screenshot = OUT / "action-plan.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(b"\x89PNG")

    pdf = OUT / "action-plan.pdf"
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    overflowing = page.evaluate(OVERFLOWING_TABLES)
    assert overflowing == [], f"tables wider than an A4 page: {overflowing}"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    # the front matter, then each focus area on a page of its own
    assert pages >= 1 + len(plan.focus_areas), f"{pages} pages"
    page.close()


def test_governance_diagram_in_headless_chromium(browser: Any, bundle: Bundle) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "governance.html"
    path.write_bytes(render(bundle.partnership, "html", bundle=bundle))
    seen = visit(browser, path)
    page = seen.page

    diagram = page.locator("svg.governance-diagram")
    assert diagram.count() == 1 and diagram.is_visible()
    box = diagram.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    for body in bundle.partnership.bodies:
        drawn = diagram.locator(f"g[data-body='{body.id}']")
        assert drawn.is_visible(), f"body {body.id!r} is not drawn"
        # the text fits inside its box
        rect = drawn.locator("rect").bounding_box()
        for text in drawn.locator("text").all():
            line = text.bounding_box()
            assert rect is not None and line is not None
            assert line["x"] + line["width"] <= rect["x"] + rect["width"], (body.id, text)
    seen.assert_clean()
    diagram.screenshot(path=str(OUT / "governance-diagram.png"))
    page.close()


def _bundled_plans() -> list[Any]:
    """The action plans of both bundled partnerships, as ``pytest.param``s."""
    from helsefellesskap import PluginManager

    manager = PluginManager()
    found = []
    for partnership in ("troms-ofoten", "helgeland"):
        if partnership not in manager.partnerships():
            continue
        bundle = manager.load_partnership(partnership)
        found.extend(
            pytest.param(bundle, plan, manager, id=plan.id)
            for plan in bundle.documents_of(ActionPlan)
        )
    return found


@pytest.mark.parametrize(("source", "plan", "manager"), _bundled_plans())
def test_every_measure_of_a_bundled_plan_is_visible_and_fits(
    browser: Any, source: Bundle, plan: ActionPlan, manager: Any
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{plan.id}.html"
    path.write_bytes(render(plan, "html", bundle=source, manager=manager))
    seen = visit(browser, path)
    page = seen.page
    rows = page.locator("tr[data-measure]")
    measures = [m.id for m in plan.measures()]
    assert sorted(rows.evaluate_all("rows => rows.map(r => r.dataset.measure)")) == sorted(measures)
    for index in range(rows.count()):
        assert rows.nth(index).is_visible(), measures[index]
    seen.assert_clean()
    assert page.evaluate(OVERFLOWING_TABLES) == [], "on screen"
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    assert page.evaluate(OVERFLOWING_TABLES) == [], "on an A4 page"
    page.close()


LONG_WORD = "Samhandlings" + "x" * 176 + "avtalenummer"
"""A single word of 200 characters with nowhere to break it, as a pasted URL or id is."""
WIDER_THAN_THE_PAGE = """() => Array.from(document.querySelectorAll('table, li, p, h1, h2, h3'))
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
        || e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TABLE')
    .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40))"""


def _with_long_words(plan: ActionPlan) -> ActionPlan:
    """``plan`` with a 200-character word in its first goal and its first measure, also
    as a bullet point under the measure."""
    area = plan.focus_areas[0]
    goal = area.goals[0]
    measure = attrs.evolve(
        goal.measures[0],
        text=f"{goal.measures[0].text} {LONG_WORD}",
        details=(f"Se {LONG_WORD}", *goal.measures[0].details),
    )
    goal = attrs.evolve(
        goal, text=f"{LONG_WORD} {goal.text}", measures=(measure, *goal.measures[1:])
    )
    area = attrs.evolve(area, goals=(goal, *area.goals[1:]), description=(LONG_WORD,))
    return attrs.evolve(plan, focus_areas=(area, *plan.focus_areas[1:]))


def test_a_200_character_word_stays_on_the_page(browser: Any, bundle: Bundle) -> None:
    plan = bundle.document(PLAN_ID)
    assert isinstance(plan, ActionPlan)
    extreme = _with_long_words(plan)
    changed = attrs.evolve(
        bundle, documents=tuple(extreme if d.id == PLAN_ID else d for d in bundle.documents)
    )
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "action-plan-long-words.html"
    path.write_bytes(render(extreme, "html", bundle=changed))
    seen = visit(browser, path)
    page = seen.page
    assert page.get_by_text(LONG_WORD, exact=False).count() >= 3
    seen.assert_clean()
    assert page.evaluate(WIDER_THAN_THE_PAGE) == [], "on screen"
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    assert page.evaluate(WIDER_THAN_THE_PAGE) == [], "on an A4 page"
    page.close()
