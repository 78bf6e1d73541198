"""No live link other than https, http and mailto in any format (issue 12 §3).

Checked on what :func:`helsefellesskap.render.render` returns, so the test holds whatever
the renderers look like inside: the Markdown is parsed with markdown-it (as a Markdown
viewer would), the HTML with lxml, the Word file's hyperlink relationships are read.
"""

from __future__ import annotations

import io
import urllib.parse
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree, html
from markdown_it import MarkdownIt

from helsefellesskap import (
    ActionPlan,
    Bundle,
    FocusArea,
    Goal,
    Link,
    Measure,
    OngoingWork,
    Partnership,
    Period,
    PluginManager,
    Section,
)
from helsefellesskap.render import render

MANAGER = PluginManager()
BUNDLES = {p: MANAGER.load_partnership(p) for p in sorted(MANAGER.partnerships())}
FORMATS = [f for f in ("md", "html", "docx") if f in MANAGER.render_formats()]
ALLOWED = {"https", "http", "mailto"}

# Text that would become a link if a renderer passed it through unescaped.
PAYLOADS = [
    "[klikk her](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">klikk</a>",
    "[x](data:text/html,<script>alert(1)</script>)",
    "<javascript:alert(1)>",
    "[y]: vbscript:msgbox(1)\n\n[y]",
    "![bilde](file:///C:/Users/x/a.png)",
    "<img src=x onerror=alert(1)>",
]


def _targets(data: bytes, fmt: str) -> Iterator[str]:
    """Every link target a reader of ``data`` could follow."""
    if fmt == "md":
        for token in MarkdownIt("commonmark").parse(data.decode("utf-8")):
            for child in [token, *(token.children or [])]:
                for attribute in ("href", "src"):
                    value = child.attrGet(attribute)
                    if value is not None:
                        yield str(value)
    elif fmt == "html":
        tree = html.document_fromstring(data)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name in element.attrib:
                assert not name.lower().startswith("on"), f"event handler {name} on {element.tag}"
            if element.tag == "link":
                continue  # the page's own head (its icon), not a link in the text
            for attribute in ("href", "src", "action", "formaction", "data", "xlink:href"):
                value = element.get(attribute)
                if value is not None:
                    yield value
    elif fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.endswith(".rels"):
                    root = etree.fromstring(archive.read(name))
                    for relation in root:
                        if relation.get("TargetMode") == "External":
                            yield relation.get("Target", "")


def _scheme(target: str) -> str | None:
    scheme = urllib.parse.urlsplit(target.strip()).scheme.lower()
    return scheme or None


def _bad(data: bytes, fmt: str, siblings: frozenset[str] = frozenset()) -> list[str]:
    """Targets that are neither a web or mail link, a place on the same page, nor another
    rendered document of the partnership (``samhandlingsmidler-2025.html``)."""
    return [
        target
        for target in _targets(data, fmt)
        if not target.startswith("#")
        and _scheme(target) not in ALLOWED
        and not (_scheme(target) is None and _sibling(target) in siblings)
    ]


def _sibling(target: str) -> str:
    """The document id a relative link to a rendered file names (``a/b.html#x`` → ``b``)."""
    name = urllib.parse.urlsplit(target).path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


DOCUMENTS = [(p, d) for p, b in BUNDLES.items() for d in (b.partnership, *b.documents)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("partnership", "item"), DOCUMENTS, ids=[f"{p}/{getattr(d, 'id', '')}" for p, d in DOCUMENTS]
)
def test_bundled_documents_link_only_to_the_web_and_mail(
    fmt: str, partnership: str, item: object
) -> None:
    bundle = BUNDLES[partnership]
    data = render(item, fmt, bundle=bundle, manager=MANAGER)  # type: ignore[arg-type]
    assert _bad(data, fmt, frozenset(d.id for d in bundle.documents)) == []


def _plan_with(text: str) -> tuple[ActionPlan, Bundle]:
    partnership = Partnership(id="x", name="X")
    link = Link(url="https://example.no/ok", title=text)
    plan = ActionPlan(
        id="p",
        title="Plan",
        partnership="x",
        period=Period(start=2024, end=2025),
        introduction=Section(title="Innledning", paragraphs=(text,), links=(link,)),
        focus_areas=(
            FocusArea(
                id="a",
                title="A",
                description=(text,),
                goals=(
                    Goal(
                        id="g",
                        text=text,
                        ongoing_work=(OngoingWork(id="w", text=text, links=(link,)),),
                        measures=(Measure(id="m", text=text, details=(text,), links=(link,)),),
                    ),
                ),
            ),
        ),
    )
    return plan, Bundle(partnership=partnership, documents=(plan,))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_text_never_becomes_a_link(fmt: str, payload: str) -> None:
    plan, bundle = _plan_with(payload)
    data = render(plan, fmt, bundle=bundle, manager=MANAGER)
    assert _bad(data, fmt) == []


SCHEMES = ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)", "file:///C:/Users/x/a.pdf"]
PARTNERSHIP_URLS = {
    'url = "{u}"\n': "$.url",
    '[[partners]]\nid = "a"\nkind = "other"\nname = "A"\nurl = "{u}"\n': "$.partners[0].url",
    '[[bodies]]\nid = "b"\nkind = "network"\nname = "B"\nmandate = {{ url = "{u}" }}\n': (
        "$.bodies[0].mandate.url"
    ),
}
PLAN_URLS = {
    '[[references]]\nid = "r"\ntitle = "R"\nurl = "{u}"\n': "$.references[0].url",
    '[introduction]\nlinks = [{{ url = "{u}" }}]\n': "$.introduction.links[0].url",
}


@pytest.mark.parametrize("url", SCHEMES)
def test_no_other_link_loads(tmp_path: Path, url: str) -> None:
    from helsefellesskap import DataError, load_document, load_partnership

    for snippet, path in PARTNERSHIP_URLS.items():
        file = tmp_path / "partnership.toml"
        file.write_text('id = "x"\nname = "X"\n' + snippet.format(u=url), "utf-8")
        with pytest.raises(DataError) as caught:
            load_partnership(file)
        (problem,) = caught.value.problems
        assert (problem.file, problem.path) == (file, path)
        assert "only https:, http: and mailto: links are allowed" in problem.message
        assert problem.hint
    head = 'kind = "action-plan"\nid = "p"\ntitle = "P"\nperiod = { start = 2024, end = 2024 }\n'
    for snippet, path in PLAN_URLS.items():
        file = tmp_path / "plan.toml"
        file.write_text(head + snippet.format(u=url), "utf-8")
        with pytest.raises(DataError) as caught:
            load_document(file)
        assert [p.path for p in caught.value.problems] == [path]
