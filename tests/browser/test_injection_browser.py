"""Script injection, checked where it would happen: in headless Chromium, without the CSP.

Each payload of :mod:`injection` goes into every text field of the example's action plan
and of its partnership (the governance overview) at once, each field's copy behind its
own marker, and every link field gets a payload URL. The page that the real
:func:`helsefellesskap.render.render` writes is opened with its Content-Security-Policy
removed, so the escaping alone has to hold: no dialog opens, nothing is logged, no request
leaves the page, the page has the same elements as the page of a harmless text, no element
carries an event handler or a script link, and every field shown shows its payload as
text. The same holds on the static site (:func:`helsefellesskap.site.build_site`): the
plan's page and the search page, whose results the site's script builds from its index,
for every third payload. Payloads the loader refuses (control characters, links that are
not web or mail addresses) are asserted refused at load, with the file and path.

Needs Debian's ``chromium`` (``make browser``) and the ``playwright`` package; without
them the test skips, except under ``CI=true``, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import helsefellesskap
from helsefellesskap import ActionPlan, Bundle, DataError, load_document, load_partnership
from helsefellesskap.plugins import default_manager
from helsefellesskap.render import render
from helsefellesskap.site import build_site

from .injection import (
    CONTROL_PAYLOADS,
    LINK_PAYLOADS,
    REFUSED_LINKS,
    TEXT_PAYLOADS,
    Injected,
    inject,
    marker,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN_ID = "handlingsplan-2024-2025"
HARMLESS = "ufarlig tekst"
CSP = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n?")

ACTIVE = (
    "a, animate, audio, base, body, button, details, embed, form, frame, iframe, img, "
    "input, link, math, meta, noscript, object, script, select, set, source, style, svg, "
    "template, textarea, video"
)
"""Elements that run, load or submit something, or that a payload's markup would make.
(Not all elements: a long word is wrapped in a ``span`` and a long name takes more lines
of ``text`` in the governance chart, so those counts follow the text's length.)"""
TAGS = f"""() => {{
  const counts = {{}};
  for (const e of document.querySelectorAll({json.dumps(ACTIVE)})) {{
    counts[e.localName] = (counts[e.localName] || 0) + 1;
  }}
  return counts;
}}"""
DANGER = """() => {
  const found = [];
  const script = /^\\s*(javascript|vbscript|data:text|data:image\\/svg)/i;
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') {
        found.push(e.localName + ' ' + name);
      }
      if (['href', 'src', 'action', 'data', 'xlink:href', 'background'].includes(name)
          && script.test(a.value)) {
        found.push(e.localName + ' ' + name + '=' + a.value);
      }
      if (name === 'style' && /expression|url\\s*\\(/i.test(a.value)) {
        found.push(e.localName + ' style=' + a.value);
      }
    }
    if (e.localName === 'meta' && /refresh/i.test(e.getAttribute('http-equiv') || '')) {
      found.push('meta refresh');
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return helsefellesskap.load_bundle(EXAMPLE)


def _page(bundle: Bundle, which: str, payload: str, link: str) -> tuple[bytes, Injected]:
    """The HTML of the plan or the governance overview with ``payload`` in every text
    field and ``link`` in every link field, its CSP removed."""
    if which == "plan":
        plan = bundle.document(PLAN_ID)
        assert isinstance(plan, ActionPlan)
        item, found = inject(plan, payload, link)
        documents = tuple(item if d.id == PLAN_ID else d for d in bundle.documents)
        changed = attrs.evolve(bundle, documents=documents)
    else:
        item, found = inject(bundle.partnership, payload, link)
        changed = attrs.evolve(bundle, partnership=item)
    html = render(item, "html", bundle=changed).decode("utf-8")
    html, removed = CSP.subn("", html)
    assert removed == 1, "the page has one Content-Security-Policy to remove"
    return html.encode("utf-8"), found


@attrs.define
class Seen:
    """What the browser reported while a page loaded."""

    dialogs: list[str] = attrs.Factory(list)
    console: list[str] = attrs.Factory(list)
    errors: list[str] = attrs.Factory(list)
    refused: list[str] = attrs.Factory(list)


LOOK = f"""() => ({{
  tags: ({TAGS})(),
  danger: ({DANGER})(),
  hrefs: Array.from(document.links, a => a.getAttribute('href')),
  text: document.body.innerText,
}})"""


@attrs.define
class Viewer:
    """One browser tab that opens page after page, recording for each the dialogs,
    console output, script errors and every request beyond the page itself and its
    ``data:`` icon (each refused)."""

    page: Any
    url: str = ""
    root: str = "\0"
    """Requests under this URL are the page's own (a site's scripts); none by default."""
    seen: Seen = attrs.Factory(Seen)

    def start(self) -> None:
        """Listen to the tab."""
        self.page.on("dialog", lambda dialog: self._dialog(dialog))
        self.page.on("console", lambda m: self.seen.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.seen.errors.append(str(e)))
        self.page.route("**/*", lambda route: self._route(route))

    def _dialog(self, dialog: Any) -> None:
        self.seen.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        target = route.request.url
        own = target == self.url or target.startswith((self.root, "data:image/"))
        if own:
            route.continue_()
        else:
            self.seen.refused.append(target)
            route.abort()

    def open(
        self, path: Path, root: Path | None = None, query: str | None = None
    ) -> tuple[Seen, dict[str, Any]]:
        """What loading ``path`` set off, and what the loaded page holds (:data:`LOOK`);
        requests for files under ``root`` are let through; ``query`` is typed into the
        site's search box."""
        self.url = path.as_uri()
        self.root = root.as_uri() + "/" if root is not None else "\0"
        self.seen = Seen()
        self.page.goto(self.url, wait_until="load")
        if query is not None:
            self.page.fill("#search-q", query)
            self.page.wait_for_function(
                "() => document.getElementById('search-status').textContent !== ''"
            )
        self.page.wait_for_timeout(50)  # an onfocus, ontoggle or animation fires by now
        look: dict[str, Any] = self.page.evaluate(LOOK)
        self.page.goto("about:blank")  # an unload handler would run here, and be seen
        return self.seen, look


@pytest.fixture(scope="module")
def viewer(browser: Any) -> Viewer:
    seen = Viewer(page=browser.new_page())
    seen.start()
    return seen


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def baselines(
    viewer: Viewer, bundle: Bundle, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, int]]:
    """The active elements of each page with a harmless text."""
    folder = tmp_path_factory.mktemp("baseline")
    counts = {}
    for which in ("plan", "governance"):
        data, _ = _page(bundle, which, HARMLESS, LINK_PAYLOADS[0])
        path = folder / f"{which}.html"
        path.write_bytes(data)
        seen, look = viewer.open(path)
        assert seen == Seen(), f"the harmless page: {seen}"
        counts[which] = look["tags"]
    return counts


CASES = [
    (which, number) for number in range(len(TEXT_PAYLOADS)) for which in ("plan", "governance")
]


@pytest.mark.parametrize(("which", "number"), CASES, ids=[f"{w}-{n:02d}" for w, n in CASES])
def test_payload_in_every_field_stays_text(
    viewer: Viewer,
    bundle: Bundle,
    baselines: dict[str, dict[str, int]],
    tmp_path: Path,
    which: str,
    number: int,
) -> None:
    payload = TEXT_PAYLOADS[number]
    link = LINK_PAYLOADS[number % len(LINK_PAYLOADS)]
    data, found = _page(bundle, which, payload, link)
    assert len(found.text_paths) >= 30 and len(found.link_paths) >= 8, found
    assert all("\n" in payload for _, payload in found.refused), found.refused
    path = tmp_path / f"{which}.html"
    path.write_bytes(data)
    seen, look = viewer.open(path)

    assert seen.dialogs == [], f"{len(seen.dialogs)} dialogs opened: {seen.dialogs[:3]}"
    assert seen.console == [], f"{len(seen.console)} console messages: {seen.console[:3]}"
    assert seen.errors == [], f"{len(seen.errors)} script errors: {seen.errors[:3]}"
    assert seen.refused == [], f"{len(seen.refused)} requests left: {seen.refused[:3]}"
    assert look["tags"] == baselines[which], "the payload made elements"
    assert look["danger"] == []
    ours = [h for h in look["hrefs"] if "example.no" in (h or "")]
    assert set(ours) <= {link}, f"a link field's address changed: {ours}"
    if which == "plan":  # the governance overview shows no addresses
        assert ours, "the plan's links are shown"

    body = _normal(look["text"])
    shown = [i for i in range(len(found.text_paths)) if marker(i).strip() in body]
    assert len(shown) >= len(found.text_paths) // 2, f"fields shown: {shown}"
    garbled = [found.text_paths[i] for i in shown if _normal(marker(i) + payload) not in body]
    assert garbled == [], f"{_normal(payload)!r} not shown literally in {garbled}"


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string, control characters escaped."""
    return (
        json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F").replace("\x85", "\\u0085")
    )


PLAN_HEAD = 'kind = "action-plan"\nid = "p"\ntitle = "P"\nperiod = {{ start = 2024, end = 2024 }}\n'


@pytest.mark.parametrize("payload", CONTROL_PAYLOADS)
def test_control_characters_are_refused_at_load(tmp_path: Path, payload: str) -> None:
    value = _toml_string(payload)
    cases = {
        f'kind = "action-plan"\nid = "p"\ntitle = {value}\n'
        "period = { start = 2024, end = 2024 }\n": "$.title",
        PLAN_HEAD.format()
        + f'\n[[focus_areas]]\nid = "a"\ntitle = "A"\n[[focus_areas.goals]]\nid = "g"\n'
        f'text = "G"\n[[focus_areas.goals.measures]]\nid = "m"\ntext = {value}\n': (
            "$.focus_areas[0].goals[0].measures[0].text"
        ),
        PLAN_HEAD.format() + f"\n[introduction]\nparagraphs = [{value}]\n": (
            "$.introduction.paragraphs[0]"
        ),
    }
    for text, where in cases.items():
        file = tmp_path / "plan.toml"
        file.write_text(text, "utf-8")
        with pytest.raises(DataError) as caught:
            load_document(file)
        assert [(p.file, p.path) for p in caught.value.problems] == [(file, where)]
        assert "control character" in caught.value.problems[0].message
    file = tmp_path / "partnership.toml"
    file.write_text(f'id = "x"\nname = "X"\ndescription = {value}\n', "utf-8")
    with pytest.raises(DataError) as caught:
        load_partnership(file)
    assert [(p.file, p.path) for p in caught.value.problems] == [(file, "$.description")]


PARTNERSHIP_LINKS = {
    "url = {v}\n": "$.url",
    '[[partners]]\nid = "a"\nkind = "other"\nname = "A"\nurl = {v}\n': "$.partners[0].url",
}
PLAN_LINKS = {
    '[introduction]\nlinks = [{{ url = {v}, title = "T" }}]\n': "$.introduction.links[0].url",
    '[[references]]\nid = "r"\ntitle = "R"\nurl = {v}\n': "$.references[0].url",
}


@pytest.mark.parametrize("url", REFUSED_LINKS)
def test_links_that_could_run_are_refused_at_load(tmp_path: Path, url: str) -> None:
    value = _toml_string(url)
    for snippet, where in PARTNERSHIP_LINKS.items():
        file = tmp_path / "partnership.toml"
        file.write_text('id = "x"\nname = "X"\n' + snippet.format(v=value), "utf-8")
        with pytest.raises(DataError) as caught:
            load_partnership(file)
        assert [(p.file, p.path) for p in caught.value.problems] == [(file, where)]
        assert caught.value.problems[0].hint
    for snippet, where in PLAN_LINKS.items():
        file = tmp_path / "plan.toml"
        file.write_text(PLAN_HEAD.format() + "\n" + snippet.format(v=value), "utf-8")
        with pytest.raises(DataError) as caught:
            load_document(file)
        assert [(p.file, p.path) for p in caught.value.problems] == [(file, where)]


SITE_PAGES = {
    "plan": f"nb/eksempel/{PLAN_ID}.html",
    "search": "nb/search.html",
}
"""The site's pages a payload is looked for on: the plan's page and the search page with
results built by the site's script from its index (the payload is in the index too)."""
QUERY = "«f0»"


def _site(bundle: Bundle, manager: Any, payload: str, link: str, output: Path) -> None:
    """The site (bokmål pages only, no downloads) of the example with ``payload`` in every
    text field of the plan and of the partnership, each page's CSP removed."""
    plan = bundle.document(PLAN_ID)
    assert isinstance(plan, ActionPlan)
    injected, _ = inject(plan, payload, link)
    partnership, _ = inject(bundle.partnership, payload, link)
    documents = tuple(injected if d.id == PLAN_ID else d for d in bundle.documents)
    changed = attrs.evolve(bundle, partnership=partnership, documents=documents)
    result = build_site([changed], output, languages=("nb",), formats=(), manager=manager)
    assert result.failures == ()
    for name in SITE_PAGES.values():
        page = output / name
        html, removed = CSP.subn("", page.read_text("utf-8"))
        assert removed == 1, f"{name} has one Content-Security-Policy to remove"
        page.write_text(html, "utf-8")


@pytest.fixture(scope="module")
def manager() -> Any:
    return default_manager()


@pytest.fixture(scope="module")
def site_baselines(
    viewer: Viewer, bundle: Bundle, manager: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, int]]:
    """The active elements of the site's pages with a harmless text."""
    output = tmp_path_factory.mktemp("site-baseline")
    _site(bundle, manager, HARMLESS, LINK_PAYLOADS[0], output)
    counts = {}
    for which, name in SITE_PAGES.items():
        query = QUERY if which == "search" else None
        seen, look = viewer.open(output / name, output, query)
        assert seen == Seen(), f"the harmless {which} page: {seen}"
        counts[which] = look["tags"]
    return counts


SITE_PAYLOADS = [*range(0, len(TEXT_PAYLOADS), 3), len(TEXT_PAYLOADS) - 1]
"""Every third payload and the last: the site's pages are checked for what the site adds
(its chrome, its search script and index); the document itself is the same render as
above, so a third of the payloads keeps the file within a minute."""


@pytest.mark.parametrize("number", SITE_PAYLOADS, ids=lambda n: f"{n:02d}")
def test_payload_on_the_site_stays_text(
    viewer: Viewer,
    bundle: Bundle,
    manager: Any,
    site_baselines: dict[str, dict[str, int]],
    tmp_path: Path,
    number: int,
) -> None:
    payload = TEXT_PAYLOADS[number]
    _site(bundle, manager, payload, LINK_PAYLOADS[number % len(LINK_PAYLOADS)], tmp_path)
    for which, name in SITE_PAGES.items():
        query = QUERY if which == "search" else None
        seen, look = viewer.open(tmp_path / name, tmp_path, query)
        assert seen == Seen(), f"the {which} page: {seen}"
        tags, expected = dict(look["tags"]), dict(site_baselines[which])
        if which == "search":  # one result link per page that has the query's marker
            del tags["a"], expected["a"]
            pages = [h for h in look["hrefs"] if h.endswith(".html") and "//" not in h]
            assert pages == look["hrefs"], "every link on the search page is to a page"
        assert tags == expected, f"the payload made elements ({which})"
        assert look["danger"] == [], which
        if which == "search" and "\n" in payload:
            continue  # results show titles, and a title is one line: it kept the probe text
        shown = re.search("«f[0-9]+» " + re.escape(_normal(payload)), _normal(look["text"]))
        assert shown is not None, f"{_normal(payload)!r} not shown literally on the {which} page"
