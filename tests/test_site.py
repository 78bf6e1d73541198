"""The static site (``helsefellesskap site``, :func:`helsefellesskap.site.build_site`):
its pages, links, search index, Content-Security-Policy and the command's errors.

The site is read as files here (lxml); ``tests/browser/test_site_browser.py`` opens it
in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import attrs
import pytest
from lxml import html as lxml_html

import helsefellesskap
from helsefellesskap import ActionPlan, Bundle
from helsefellesskap.cli import main
from helsefellesskap.plugins import default_manager
from helsefellesskap.render.api import output_name, renders
from helsefellesskap.render.html import HtmlFormat
from helsefellesskap.site import SITE_LANGUAGES, build_site, content_security_policy
from helsefellesskap.site.build import document_year
from helsefellesskap.site.search import SearchEntry, index_script, page_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
BUNDLED = ("troms-ofoten", "helgeland")
QUICK_FORMATS = ("md", "json")


def _bundles() -> list[Bundle]:
    manager = default_manager()
    return [
        helsefellesskap.load_bundle(EXAMPLE),
        *(manager.load_partnership(pid) for pid in BUNDLED),
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the example and both bundled partnerships (text downloads only)."""
    output = tmp_path_factory.mktemp("site")
    result = build_site(_bundles(), output, formats=QUICK_FORMATS)
    assert result.failures == ()
    return output


def _pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


OUTSIDE = ("https:", "http:", "mailto:")
"""What a document's text may link to outside the site (a link, never a request)."""


def _links(page: Path) -> Iterator[str]:
    """The addresses of a page's links, scripts and images: those of the site's own
    (relative), and the addresses a document's text links to outside it (left out)."""
    tree = lxml_html.fromstring(page.read_bytes())
    for element in tree.iter("a", "script", "link", "img"):
        value = element.get("href") if element.tag in {"a", "link"} else element.get("src")
        if value is None or (element.tag == "link" and value == "data:,"):
            continue  # the empty icon that stops the browser asking for favicon.ico
        if element.tag == "a" and value.startswith(OUTSIDE):
            assert element.xpath("ancestor::main"), f"{page}: {value} outside the document"
            continue
        yield value


def test_every_document_has_a_page_in_every_language_with_its_downloads(site: Path) -> None:
    html = HtmlFormat()
    for bundle in _bundles():
        pid = bundle.partnership.id
        for lang in SITE_LANGUAGES:
            folder = site / lang / pid
            assert (folder / "index.html").is_file()
            assert (folder / output_name(bundle.partnership, html)).is_file()
            for document in bundle.documents:
                page = folder / output_name(document, html)
                assert page.is_file(), page
                text = page.read_text(encoding="utf-8")
                for fmt in QUICK_FORMATS:
                    name = f"{document.id}.{fmt}"
                    assert (folder / name).is_file()
                    assert f'href="{name}" download' in text, (page, name)


def test_every_link_of_every_page_resolves_inside_the_site(site: Path) -> None:
    broken = []
    count = 0
    for page in _pages(site):
        count += 1
        for link in _links(page):
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{page}: {link} leaves the site"
            if not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} → {link}")
    assert count >= 60
    assert broken == []


def test_every_page_has_the_site_policy_a_language_and_one_h1(site: Path) -> None:
    policy = content_security_policy()
    for page in _pages(site):
        tree = lxml_html.fromstring(page.read_bytes())
        assert tree.get("lang") in SITE_LANGUAGES, page
        metas = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
        assert metas == [policy], page
        assert len(tree.xpath("//h1")) == 1, page
        assert not tree.xpath("//script[not(@src)]"), f"{page}: an inline script"


def test_the_language_switch_leads_to_the_same_page_in_each_language(site: Path) -> None:
    page = site / "nn" / "troms-ofoten" / "handlingsplan-2023.html"
    tree = lxml_html.fromstring(page.read_bytes())
    switch = tree.xpath('//nav[@class="site-languages"]//a')
    assert {a.get("hreflang"): a.get("href") for a in switch} == {
        "nb": "../../nb/troms-ofoten/handlingsplan-2023.html",
        "en": "../../en/troms-ofoten/handlingsplan-2023.html",
    }
    assert tree.xpath('//nav[@class="site-languages"]//*[@aria-current="page"]/@lang') == ["nn"]
    crumbs = tree.xpath('//nav[@class="site-crumbs"]//li')
    assert [c.text_content() for c in crumbs][:2] == [
        "Framside",
        "Helsefellesskapet Troms og Ofoten",
    ]


def test_the_partnership_page_lists_documents_by_type_and_year(site: Path) -> None:
    page = site / "nb" / "troms-ofoten" / "index.html"
    tree = lxml_html.fromstring(page.read_bytes())
    kinds = tree.xpath("//h3/text()")
    assert "Handlingsplan" in kinds
    table = tree.xpath('//h3[text()="Handlingsplan"]/following-sibling::table[1]')[0]
    rows = [[c.text_content().strip() for c in row] for row in table.xpath("./tbody/tr")]
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)
    assert rows[0][:2] == ["2025", "Handlingsplan 2025-2026"]
    followup = tree.xpath('//h2[text()="Oppfølging"]/following-sibling::h3/text()')
    assert followup == ["Statusrapport", "Sporing"]
    for suffix in ("status", "sporing"):
        for plan in ("handlingsplan-2023", "handlingsplan-2025-2026"):
            name = f"{plan}-{suffix}.html"
            assert tree.xpath(f'//a[@href="{name}"]'), name
            report = lxml_html.fromstring((page.parent / name).read_bytes())
            assert report.xpath('//nav[@class="site-crumbs"]//a/@href') == [
                "../index.html",
                "index.html",
            ]


def test_the_search_index_holds_every_measure_text(site: Path) -> None:
    manager = default_manager()
    bundle = manager.load_partnership("troms-ofoten")
    script = (site / "assets" / "search-index.nb.js").read_text(encoding="utf-8")
    prefix = "window.hfSearchIndex = "
    entries = json.loads(script.removeprefix(prefix).rstrip().removesuffix(";"))
    by_url = {e["u"]: e for e in entries}
    for plan in bundle.documents_of(ActionPlan):
        entry = by_url[f"nb/troms-ofoten/{plan.id}.html"]
        for measure in plan.measures():
            words = " ".join(measure.text.split())
            assert words in entry["x"], (plan.id, measure.id)


def test_the_index_script_cannot_close_a_script_element() -> None:
    script = index_script(
        [SearchEntry(url="nb/x.html", title="</script><b>", partnership="p", text="a < b")]
    )
    assert "<" not in script
    assert json.loads(script.split(" = ", 1)[1].rstrip().rstrip(";"))[0]["t"] == "</script><b>"


def test_page_text_reads_the_main_part_only() -> None:
    text = page_text(
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Forside</nav>"
        "<main><h1>Plan</h1><p>Første&nbsp;tiltak</p><script>x()</script><td>a</td></main></body>"
    )
    assert text == "Plan Første tiltak a"


def test_document_year_of_each_kind() -> None:
    for bundle in _bundles():
        for document in bundle.documents:
            year = document_year(document)
            assert year is None or 2000 <= year <= 2100, document.id
        plans = list(bundle.documents_of(ActionPlan))
        assert all(document_year(plan) == plan.period.start for plan in plans)


def test_downloads_in_every_installed_format(tmp_path: Path) -> None:
    """With no formats named, every installed format but HTML that renders a document
    is a download of its page (the PDF format too, when its plugin is installed)."""
    manager = default_manager()
    bundle = helsefellesskap.load_bundle(EXAMPLE)
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    only_plan = attrs.evolve(bundle, documents=(plan,))  # the PDFs of one plan, not all
    result = build_site([only_plan], tmp_path, languages=["nb"], manager=manager)
    assert result.failures == ()
    expected = sorted(
        f.extension
        for name, f in manager.render_formats().items()
        if name != "html" and f.serves("eksempel") and renders(f, plan, manager)
    )
    page = (tmp_path / "nb" / "eksempel" / "handlingsplan-2024-2025.html").read_text()
    found = sorted(Path(h).suffix for h in re.findall(r'href="([^"]+)" download', page))
    assert found == expected
    assert {".md", ".json"} <= set(found)


# -- the command ---------------------------------------------------------------------


def test_site_command_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["site", str(EXAMPLE), "-o", str(out), "-f", "md", "-l", "nb"]) == 0
    stdout = capsys.readouterr().out
    assert f"åpne {out / 'index.html'} i en nettleser" in stdout  # -l nb: messages too
    assert (out / "nb" / "eksempel" / "handlingsplan-2024-2025.md").is_file()
    assert not (out / "nb" / "eksempel" / "handlingsplan-2024-2025.json").exists()
    assert not (out / "nn").exists()


def test_site_refuses_a_file_as_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "site.html"
    file.write_text("x")
    assert main(["site", str(EXAMPLE), "-o", str(file)]) != 0
    assert (
        f"{file} is a file: the site is written into a folder (-o DIR)" in capsys.readouterr().err
    )


def test_site_refuses_a_folder_of_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "index.html"
    mine.write_text("my own page")
    assert main(["site", str(EXAMPLE), "-o", str(tmp_path), "-f", "md", "-l", "nb"]) != 0
    err = capsys.readouterr().err
    assert (  # -l nb: the messages are in bokmål too
        f"{tmp_path} er ikke tom og har ikke et nettsted som er skrevet før "
        "(ingen .helsefellesskap-site)" in err
    )
    assert mine.read_text() == "my own page"
    # a site written before is written again
    out = tmp_path / "site"
    assert main(["site", str(EXAMPLE), "-o", str(out), "-f", "md", "-l", "nb"]) == 0
    assert main(["site", str(EXAMPLE), "-o", str(out), "-f", "md", "-l", "nb"]) == 0


def test_site_refuses_to_write_into_the_source_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    assert main(["site", str(folder), "-o", str(folder / "site")]) != 0
    err = capsys.readouterr().err
    assert "lies in the source folder of eksempel" in err
    assert "write the site elsewhere (e.g. -o build/site)" in err
    assert not (folder / "site").exists()


def test_site_refuses_a_document_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = EXAMPLE / "plans" / "handlingsplan-2024-2025.toml"
    assert main(["site", str(plan), "-o", str(tmp_path / "s")]) != 0
    assert "the site is made of whole partnerships" in capsys.readouterr().err


def test_site_names_an_unknown_partnership(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["site", "troms-ofote", "-o", str(tmp_path / "s")]) != 0
    assert "'troms-ofote' is neither a file, a folder nor an installed partnership" in (
        capsys.readouterr().err
    )


# -- a partnership's own page templates --------------------------------------------------


class TemplatePlugin:
    """A real plugin object giving a template folder through ``hf_template_sources``."""

    def __init__(self, source: helsefellesskap.TemplateSource) -> None:
        self.source = source

    @helsefellesskap.hookimpl
    def hf_template_sources(self) -> list[helsefellesskap.TemplateSource]:
        return [self.source]


def _manager_with_template(
    folder: Path, text: str, name: str = "action-plan.html.j2"
) -> helsefellesskap.PluginManager:
    from helsefellesskap.plugins import DEFAULT_PLUGINS

    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=folder, partnership="eksempel"))
    return helsefellesskap.PluginManager(
        plugins=[*DEFAULT_PLUGINS, plugin], entry_points=False, use_env=False
    )


def test_a_partnerships_page_override_applies_on_the_site(tmp_path: Path) -> None:
    manager = _manager_with_template(
        tmp_path,
        '{% extends "builtin/action-plan.html.j2" %}'
        '{% block masthead %}<p class="own">Vårt eget hode</p>{% endblock %}',
    )
    out = tmp_path / "site"
    bundle = helsefellesskap.load_bundle(EXAMPLE)
    result = build_site([bundle], out, languages=["nb"], formats=["md"], manager=manager)
    assert result.failures == ()
    page = lxml_html.fromstring(
        (out / "nb" / "eksempel" / "handlingsplan-2024-2025.html").read_bytes()
    )
    assert page.xpath('//p[@class="own"]/text()') == ["Vårt eget hode"]
    assert page.xpath('//nav[@class="site-crumbs"]'), "the site's navigation is still there"
    assert page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content') == [
        content_security_policy()
    ]


def test_a_page_that_fails_is_reported_and_not_linked(tmp_path: Path) -> None:
    manager = _manager_with_template(
        tmp_path,
        '{% extends "builtin/action-plan.html.j2" %}'
        "{% block masthead %}{{ nothing }}{% endblock %}",
    )
    out = tmp_path / "site"
    bundle = helsefellesskap.load_bundle(EXAMPLE)
    result = build_site([bundle], out, languages=["nb"], formats=["md"], manager=manager)
    assert len(result.failures) == 1
    assert str(result.failures[0]).startswith("nb/eksempel/handlingsplan-2024-2025.html: ")
    assert "'nothing' is undefined" in str(result.failures[0])
    assert not (out / "nb" / "eksempel" / "handlingsplan-2024-2025.html").exists()
    index = (out / "nb" / "eksempel" / "index.html").read_text(encoding="utf-8")
    assert 'href="handlingsplan-2024-2025.html"' not in index
    assert (out / "nb" / "eksempel" / "handlingsplan-2024-2025.md").is_file()


def test_a_partnership_can_override_its_site_page(tmp_path: Path) -> None:
    manager = _manager_with_template(
        tmp_path / "templates",
        '{% extends "site/page.html.j2" %}{% block title %}{{ name }}{% endblock %}'
        "{% block content %}<h1>{{ name }}</h1><p class=own>Vår egen side</p>{% endblock %}",
        name="site/partnership.html.j2",
    )
    out = tmp_path / "site"
    bundle = helsefellesskap.load_bundle(EXAMPLE)
    result = build_site([bundle], out, languages=["nb"], formats=["md"], manager=manager)
    assert result.failures == ()
    page = lxml_html.fromstring((out / "nb" / "eksempel" / "index.html").read_bytes())
    assert page.xpath('//p[@class="own"]/text()') == ["Vår egen side"]
    front = (out / "nb" / "index.html").read_text(encoding="utf-8")
    assert "Vår egen side" not in front
