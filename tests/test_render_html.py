"""The HTML format: standalone, escaped, accessible, printable pages for every document."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path
from typing import Any, ClassVar

import attrs
import lxml.html
import pytest

import helsefellesskap
from helsefellesskap import (
    ActionPlan,
    AnnualReport,
    Bundle,
    ConsultationResponse,
    Declaration,
    FundingRound,
    PluginManager,
    RenderError,
)
from helsefellesskap.render import make_context, render
from helsefellesskap.render.html import HtmlFormat, template_environment

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "handlingsplan-2024-2025"
NASTY = "<script>alert(1)</script> & co"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager(entry_points=False, use_env=False)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return helsefellesskap.load_bundle(EXAMPLE)


def html_of(item: object, bundle: Bundle, manager: PluginManager, lang: str = "nb") -> str:
    data = render(item, "html", bundle=bundle, lang=lang, manager=manager)  # type: ignore[arg-type]
    return data.decode("utf-8")


def every_item(bundle: Bundle) -> list[object]:
    """Every document of ``bundle`` the HTML format renders, and the governance overview."""
    return [i for i in (*bundle.documents, bundle.partnership) if HtmlFormat().can_render(i)]


def test_the_format_is_registered_and_renders_every_core_type(manager: PluginManager) -> None:
    fmt = manager.render_format("html")
    assert isinstance(fmt, HtmlFormat)
    assert (fmt.extension, fmt.media_type, fmt.binary) == (".html", "text/html", False)
    kinds = {getattr(t, "KIND", "governance") for t in fmt.renders}
    assert kinds == {
        "action-plan",
        "declaration",
        "annual-report",
        "funding-round",
        "consultation-response",
        "governance",
    }


# -- the page as a whole ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_page_is_one_accessible_document_in_its_language(
    bundle: Bundle, manager: PluginManager, lang: str
) -> None:
    for item in every_item(bundle):
        text = html_of(item, bundle, manager, lang)
        assert text.startswith("<!DOCTYPE html>")
        page = lxml.html.fromstring(text.encode("utf-8"))
        # the page is in the language of its data; labels in another language say so
        assert page.get("lang") == "nb"
        # (a partner's name in another language is marked with that language)
        names = {pair for p in bundle.partnership.partners for pair in p.names.items()}
        marked = [
            e
            for e in page.xpath("//body//*[@lang]")
            if (e.get("lang"), e.text_content()) not in names
        ]
        assert bool(marked) == (lang != "nb"), item
        assert {e.get("lang") for e in marked} <= {lang, "nb"}
        headings = [int(h.tag[1]) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
        assert headings.count(1) == 1 and headings[0] == 1, (item, headings)
        for before, after in itertools.pairwise(headings):
            assert after <= before + 1, f"{item}: heading h{after} follows h{before}"
        ids = set(page.xpath("//@id"))
        assert len(ids) == len(page.xpath("//@id")), f"{item}: an id is given twice"
        for table in page.xpath("//table"):
            # every table is named: by its caption, or by the heading it stands under
            named_by = table.get("aria-labelledby")
            assert table.xpath("./caption") or named_by in ids, (item, table.get("class"))
            if named_by:
                assert page.xpath(f"//*[@id='{named_by}']")[0].tag in ("h2", "h3", "h4", "h5")
            for th in table.xpath("./thead//th"):
                assert th.get("scope") == "col"
            for th in table.xpath("./tbody//th"):
                assert th.get("scope") in ("row", "rowgroup")


def test_pages_are_standalone_without_requests_or_scripts(
    bundle: Bundle, manager: PluginManager
) -> None:
    for item in every_item(bundle):
        text = html_of(item, bundle, manager)
        page = lxml.html.fromstring(text.encode("utf-8"))
        assert not page.xpath("//script"), "no scripts"
        assert not page.xpath("//*[@src]"), "no element loads a source"
        for element in page.xpath("//*[@href]"):
            if element.tag != "a":
                assert element.get("href").startswith("data:"), element.get("href")
        styles = "".join(page.xpath("//style/text()"))
        assert "url(" not in styles and "@import" not in styles
        policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert policy and "default-src 'none'" in policy[0]


def test_the_print_stylesheet_sets_a4_breaks_and_repeated_headers(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = html_of(bundle.document(PLAN), bundle, manager)
    style = re.sub(r"\s+", " ", text)
    assert "@page { size: A4;" in style
    print_block = style[style.index("@media print") :]
    assert re.search(r"thead \{[^}]*display: table-header-group;", print_block)
    assert re.search(r"thead \{[^}]*break-after: avoid;", print_block), "no header left alone"
    assert re.search(r"\.focus-area \{[^}]*break-before: page", print_block)


def _hex(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_have_readable_contrast(bundle: Bundle, manager: PluginManager) -> None:
    text = html_of(bundle.document(PLAN), bundle, manager)
    palette = dict(re.findall(r"--([a-z-]+): (#[0-9a-fA-F]{6});", text))
    pairs = [
        ("ink", "paper"),
        ("muted", "paper"),
        ("accent", "paper"),
        ("accent-dark", "accent-soft"),
        ("ink", "accent-soft"),
        ("ink", "zebra"),
        ("ink", "note"),
    ]
    for fg, bg in pairs:
        assert _contrast(palette[fg], palette[bg]) >= 4.5, (fg, bg)
    assert _contrast("#ffffff", palette["accent"]) >= 4.5, "header text on the accent"


# -- the action plan ----------------------------------------------------------------------


def test_the_action_plan_shows_its_parts_in_order(bundle: Bundle, manager: PluginManager) -> None:
    plan = bundle.document(PLAN)
    assert isinstance(plan, ActionPlan)
    page = lxml.html.fromstring(html_of(plan, bundle, manager).encode("utf-8"))
    h2 = [" ".join(h.text_content().split()) for h in page.xpath("//h2")]
    assert h2 == [
        "Forkortelser i dokumentet",
        "1Innledning",
        "2Innsatsområder",
        "3Veien videre",
        "Rammeverk og kilder",
    ]
    h3 = [" ".join(h.text_content().split()) for h in page.xpath("//h3")]
    assert "2.1Sammenhengende pasientforløp" in h3 and "2.2Personell og kompetanse" in h3
    assert "Nasjonale mål og føringer" in h3 and "Prioriterte pasientgrupper" in h3
    abbreviations = page.xpath("//dl[contains(@class, 'abbreviations')]/dt/abbr/text()")
    assert abbreviations == ["PM", "SSU", "FSU BU", "FSU DIG"]
    assert page.xpath("//dl[contains(@class, 'abbreviations')]/dt/abbr/@title")[0] == (
        "Partnerskapsmøtet"
    )
    # the declaration's commitments, with numbered main goals
    assert "Hovedmål 2:" in page.xpath("string(//section[@class='commitments'])")
    # intentions with their points
    area = page.xpath("//section[@id='area-forlop']")[0]
    assert area.get("data-focus-area") == "forlop"
    assert area.xpath(".//p[@class='intention']/text()") == [
        "Tjenester som bygger på hva som er viktig for pasienten"
    ]
    assert "Hva er viktig for deg?" in area.xpath("./ul/li/text()")
    # the way forward spells out the national requirements it quotes
    forward = page.xpath("string(//section[@id='way-forward'])")
    assert "SSU følger opp planen" in forward
    assert len(page.xpath("//section[@id='way-forward']/ul/li")) == 2
    # the list of focus areas links each to its section
    targets = page.xpath("//ol[@class='focus-areas']//a/@href")
    assert targets == ["#area-forlop", "#area-personell"]
    assert all(page.xpath(f"//section[@id='{href[1:]}']") for href in targets)
    # what the page shows is the outline's: no table of contents of its own
    assert not page.xpath("//nav")
    # a link to a reference of the plan goes to its section
    see = page.xpath("//p[@class='see']/a")[0]
    assert see.get("href") == "#ref-recruit-retain" and page.xpath("//*[@id='ref-recruit-retain']")


def test_the_measures_table_follows_the_layout_with_row_spans(
    bundle: Bundle, manager: PluginManager
) -> None:
    page = lxml.html.fromstring(html_of(bundle.document(PLAN), bundle, manager).encode("utf-8"))
    table = page.xpath("//section[@id='area-forlop']//table")[0]
    # named by the focus area's heading
    (heading,) = page.xpath(f"//*[@id='{table.get('aria-labelledby')}']")
    assert " ".join(heading.text_content().split()) == "2.1Sammenhengende pasientforløp"
    # the columns carry their roles and the layout's widths
    columns = table.xpath("colgroup/col")
    assert [c.get("class") for c in columns] == [
        "col-goal",
        "col-ongoing_work",
        "col-measure",
        "col-responsible",
        "col-deadline",
    ]
    assert all(c.get("style", "").startswith("width: ") for c in columns)
    assert [th.text_content() for th in table.xpath("thead//th")] == [
        "Hva vil vi?",
        "Pågående arbeid",
        "Hvordan få det til?",
        "Ansvarlig",
        "Når",
    ]
    groups = table.xpath("tbody")
    assert [g.get("data-goal") for g in groups] == ["personsentrert", "digital"]
    goal = groups[0].xpath("tr[1]/th")[0]
    assert (goal.get("rowspan"), goal.get("scope")) == ("2", "rowgroup")
    assert goal.text_content().strip() == "Personsentrert og helhetlig helsetjeneste"
    single = groups[1].xpath("tr[1]/th")[0]
    assert (single.get("rowspan"), single.get("scope")) == (None, "row")
    first = groups[0].xpath("tr[@data-measure='overganger']")[0]
    cells = [" ".join(td.text_content().split()) for td in first.xpath("td")]
    assert [td.get("class") for td in first.xpath("td")] == [
        "col-ongoing_work",
        "col-measure",
        "col-responsible",
        "col-deadline",
    ]
    assert cells[0] == "Pasientsentrerte helsetjenesteteam (PSHT)"
    assert cells[1].startswith("a) Utarbeide plan for bedre overganger")
    # the second row of the group has no goal cell: the first one spans it
    second = groups[0].xpath("tr[@data-measure='fagdager']")[0]
    assert not second.xpath("th") and second.xpath("td[1]/@class") == ["col-ongoing_work"]
    assert "| med rør-tegn og *stjerne*" in cells[1]
    assert cells[2:] == ["FSU BU", "2024"]
    dho = groups[1].xpath("tr[@data-measure='dho']")[0]
    assert dho.xpath(".//li/text()") == ["Felles opplæring", "Felles rutiner"]
    assert "FSU DIG og kommunene" in dho.text_content()


def test_the_table_columns_come_from_the_partnership_layout(
    bundle: Bundle, manager: PluginManager
) -> None:
    layout = attrs.evolve(bundle.partnership.layout, measure_columns=("goal", "measure"))
    partnership = attrs.evolve(bundle.partnership, layout=layout)
    narrow = attrs.evolve(bundle, partnership=partnership)
    page = lxml.html.fromstring(html_of(narrow.document(PLAN), narrow, manager).encode())
    headers = page.xpath("//section[@id='area-forlop']//table/thead//th/text()")
    # the plan sets deadlines, so they are shown although the layout does not ask (issue 13)
    assert headers == ["Hva vil vi?", "Hvordan få det til?", "Når"]


def test_english_labels_are_used_for_lang_en(bundle: Bundle, manager: PluginManager) -> None:
    page = lxml.html.fromstring(
        html_of(bundle.document(PLAN), bundle, manager, "en").encode("utf-8")
    )
    table = page.xpath("//section[@id='area-forlop']//table")[0]
    assert table.xpath("string(thead//th)") == "What do we want?"


# -- the other documents ------------------------------------------------------------------


def test_the_declaration_numbers_main_goals_and_lists_partners(
    bundle: Bundle, manager: PluginManager
) -> None:
    declaration = next(bundle.documents_of(Declaration))
    page = lxml.html.fromstring(html_of(declaration, bundle, manager).encode("utf-8"))
    assert page.xpath("string(//p[@class='overarching-goal'])") == declaration.overarching_goal
    goals = [
        " ".join(li.text_content().split()) for li in page.xpath("//ul[@class='main-goals']/li")
    ]
    assert goals[:2] == [
        "Hovedmål 1: Personsentrerte og helhetlige tjenester",
        "Hovedmål 2: Digital samhandling som støtter tjenesten",
    ]
    parties = page.xpath("//section[@class='parties']//li/text()")
    assert parties[0] == "Fjordvik sykehus HF (FSHF)" and len(parties) == 6
    facts = " ".join(page.xpath("string(//dl[contains(@class, 'adoption')])").split())
    assert "20.04.2023 – Partnerskapsmøtet (PM)" in facts and "02.05.2023" in facts


def test_the_funding_round_is_ranked_by_priority(bundle: Bundle, manager: PluginManager) -> None:
    funding = next(bundle.documents_of(FundingRound))
    import attrs

    shuffled = attrs.evolve(funding, applications=tuple(reversed(funding.applications)))
    other = attrs.evolve(bundle, documents=(shuffled,))
    page = lxml.html.fromstring(html_of(shuffled, other, manager).encode("utf-8"))
    rows = page.xpath("//table[contains(@class, 'ranking')]/tbody/tr")
    assert [r.get("data-application") for r in rows] == ["fact-ung", "trygg-hjemme", "alis"]
    assert rows[1].xpath("string(td[@class='col-amount'])") == "450\u00a0000"
    assert rows[0].xpath("string(td[@class='col-applicants'])") == "FSHF og Fjordvik kommune"
    headers = page.xpath("//table[contains(@class, 'ranking')]/thead//th/text()")
    assert headers == ["Prioritet", "Søknad", "Søker", "Beløp (kr)"], "no empty note column"


def test_the_annual_report_and_consultation_response_render_their_parts(
    bundle: Bundle, manager: PluginManager
) -> None:
    report = next(bundle.documents_of(AnnualReport))
    page = lxml.html.fromstring(html_of(report, bundle, manager).encode("utf-8"))
    status = page.xpath("//section[@class='measure-status']//tbody/tr")
    assert " ".join(status[0].xpath("string(th)").split()).startswith("a) Utarbeide plan")
    assert status[1].xpath("string(td[1])") == "Påbegynt"
    meetings = page.xpath("//section[@class='meetings']//tbody/tr")
    # a rhythm in words is the sentence after the table, not a row without a count
    assert all(row.xpath("string(td)") for row in meetings)
    assert page.xpath("string(//section[@class='meetings']/p)") == (
        "Helsefellesskapets sekretariat (SEKR) møtes minst én gang per uke"
    )
    assert "tar årsrapporten til orientering" in page.xpath("string(//section[@class='decision'])")

    response = next(bundle.documents_of(ConsultationResponse))
    page = lxml.html.fromstring(html_of(response, bundle, manager).encode("utf-8"))
    questions = [" ".join(h.text_content().split()) for h in page.xpath("//h3")]
    assert questions[0] == "Spørsmål 1: Hvilke erfaringer har dere høstet så langt?"
    assert page.xpath("//section[@class='question'][2]//li/text()") == [
        "PSHT",
        "FACT",
        "Trygg akuttmedisin",
    ]


def test_the_governance_overview_has_a_diagram_and_every_body(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = html_of(bundle.partnership, bundle, manager)
    page = lxml.html.fromstring(text.encode("utf-8"))
    assert page.xpath("string(//h1)") == "Styringsstruktur – Helsefellesskap Eksempel"
    (figure,) = page.xpath("//figure")
    svg = figure.xpath("./svg")[0]
    # named by the heading above it, described in the reader's words
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "diagram-heading org-1-desc"
    assert page.xpath("string(//section[@id='diagram']/h2/@id)") == "diagram-heading"
    assert svg.xpath("string(./desc)").startswith("Organene i Helsefellesskap Eksempel")
    assert not svg.xpath("./title"), "the name is not written twice"
    drawn = svg.xpath(".//g[contains(@class, 'body')]/@data-body")
    assert drawn == ["pm", "ssu", "fsu-bu", "ag-ernaering", "fsu-dig", "sekr"]
    sections = page.xpath("//section[@class='body']")
    assert [s.get("data-body") for s in sections] == [b.id for b in bundle.partnership.bodies]
    seats = page.xpath("//section[@id='body-ssu']//table[contains(@class, 'seats')]/tbody/tr")
    last = seats[-1]
    assert last.xpath("string(th)") == "Statsforvalteren i Fjordvik"
    # the rights by their column, not their place (the count column is left out where no
    # seat has a count, issue 13)
    assert last.xpath("string(td[contains(@class, 'col-rights')])") == "møterett, talerett"


# -- escaping -------------------------------------------------------------------------------


@pytest.fixture()
def nasty_bundle(tmp_path: Path) -> Bundle:
    """The example with markup and ampersands in the texts every page shows."""
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    replacements = {
        "partnership.toml": [
            ('name = "Helsefellesskap Eksempel"', f'name = "{NASTY}"'),
            ('name = "Partnerskapsmøtet"', f'name = "Møtet {NASTY}"'),
            ('name = "Fjordvik kommune"', f'name = "Fjordvik {NASTY}"'),
        ],
        "plans/handlingsplan-2024-2025.toml": [
            ('text = "Støtte digital hjemmeoppfølging"', f'text = "Støtte {NASTY}"'),
            ('title = "Sammenhengende pasientforløp"', f'title = "Forløp {NASTY}"'),
            ('"Felles opplæring"', f'"Opplæring {NASTY}"'),
            ('title = "Veien videre"', f'title = "Videre {NASTY}"'),
        ],
        "declarations/fjordviklofte-2023-2026.toml": [
            ('title = "SAMMENHENGENDE PASIENTFORLØP"', f'title = "SATSING {NASTY}"'),
        ],
        "funding/midler-2025.toml": [('title = "FACT Ung i Fjordvik"', f'title = "FACT {NASTY}"')],
        "reports/arsrapport-2024.toml": [('"Forankring er krevende"', f'"Forankring {NASTY}"')],
        "consultations/innspill-2023.toml": [('"PSHT"', f'"PSHT {NASTY}"')],
    }
    for name, pairs in replacements.items():
        path = folder / name
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new)
        path.write_text(text, "utf-8")
    return helsefellesskap.load_bundle(folder)


def test_every_text_is_escaped(nasty_bundle: Bundle, manager: PluginManager) -> None:
    for item in every_item(nasty_bundle):
        text = html_of(item, nasty_bundle, manager)
        assert "<script>" not in text, item
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text, item
        page = lxml.html.fromstring(text.encode("utf-8"))
        assert not page.xpath("//script")
        assert NASTY in page.text_content(), "the text reads as written"


def test_the_diagram_escapes_body_names(nasty_bundle: Bundle, manager: PluginManager) -> None:
    text = html_of(nasty_bundle.partnership, nasty_bundle, manager)
    page = lxml.html.fromstring(text.encode("utf-8"))
    svg_text = page.xpath("string(//svg)")
    assert f"Organene i {NASTY}" in svg_text
    assert not page.xpath("//svg//script")


# -- templates: the override chain ----------------------------------------------------------


class TemplatePlugin:
    """A real plugin object contributing template folders through the hook."""

    def __init__(self, *sources: helsefellesskap.TemplateSource) -> None:
        self.sources = list(sources)

    @helsefellesskap.hookimpl
    def hf_template_sources(self) -> list[helsefellesskap.TemplateSource]:
        return self.sources


def _manager_with(*plugins: object) -> PluginManager:
    from helsefellesskap.plugins import DEFAULT_PLUGINS

    return PluginManager(plugins=[*DEFAULT_PLUGINS, *plugins], entry_points=False, use_env=False)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return folder


def test_a_partnership_plugin_overrides_a_block_and_extends_the_builtin_page(
    bundle: Bundle, tmp_path: Path
) -> None:
    own = _write(
        tmp_path / "own",
        "action-plan.html.j2",
        '{% extends "builtin/action-plan.html.j2" %}\n'
        "{% block contents %}<p id='house'>Eget oppsett for {{ partnership.name }}</p>"
        "{% endblock %}\n",
    )
    _write(
        own,
        "blocks/abbreviations.html.j2",
        "<p id='own-abbreviations'>{{ block.blocks[0].items|length }} forkortelser</p>\n",
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    manager = _manager_with(plugin)
    page = lxml.html.fromstring(html_of(bundle.document(PLAN), bundle, manager).encode())
    assert page.xpath("string(//p[@id='house'])") == "Eget oppsett for Helsefellesskap Eksempel"
    assert page.xpath("string(//p[@id='own-abbreviations'])") == "4 forkortelser"
    assert not page.xpath("//nav[@class='contents']"), "the replaced block is gone"
    assert page.xpath("//section[@id='area-forlop']//table"), "the rest of the page stays"
    assert not page.xpath("//section[@id='abbreviations']"), "the part has the plugin's look"
    # the override reached every page that includes the block
    report = next(bundle.documents_of(AnnualReport))
    assert "own-abbreviations" in html_of(report, bundle, manager)


def test_a_partnership_page_can_add_a_table_of_contents(bundle: Bundle, tmp_path: Path) -> None:
    own = _write(
        tmp_path / "own",
        "action-plan.html.j2",
        '{% extends "builtin/action-plan.html.j2" %}{% block contents %}'
        '{% import "outline.html.j2" as html with context %}{{ html.contents_nav(contents) }}'
        "{% endblock %}",
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    manager = _manager_with(plugin)
    page = lxml.html.fromstring(html_of(bundle.document(PLAN), bundle, manager, "en").encode())
    (nav,) = page.xpath("//nav[@class='contents']")
    # it stands after the front matter, before the first chapter
    assert nav.getprevious().get("id") == "abbreviations"
    assert nav.getnext().get("id") == "introduction"
    # it links every chapter and the numbered focus areas under theirs
    targets = nav.xpath(".//a/@href")
    assert targets[:4] == ["#introduction", "#focus-areas", "#area-forlop", "#area-personell"]
    assert all(page.xpath(f"//section[@id='{href[1:]}']") for href in targets)
    entries = [" ".join(a.text_content().split()) for a in nav.xpath("ol/li/ol/li/a")]
    assert entries == ["2.1Sammenhengende pasientforløp", "2.2Personell og kompetanse"]
    # its heading in the reader's language, the data in bokmål
    (heading,) = nav.xpath("h2/span")
    assert (_lang_of(heading), heading.text) == ("en", "Contents")
    assert _lang_of(nav.xpath(".//a[@href='#area-forlop']")[0]) == "nb"


def test_an_override_uses_the_pages_own_macros_without_importing_them(
    bundle: Bundle, tmp_path: Path
) -> None:
    # the base page's `html` (imported when first used) works in an override's block
    # as an import `with context` would: the same table of contents, the same blocks
    own = _write(
        tmp_path / "own",
        "action-plan.html.j2",
        '{% extends "builtin/action-plan.html.j2" %}{% block contents %}'
        "{{ html.contents_nav(contents) }}"
        '<div id="again">{{ html.write_blocks(front[:1]) }}</div>{% endblock %}',
    )
    imported = _write(
        tmp_path / "imported",
        "action-plan.html.j2",
        '{% extends "builtin/action-plan.html.j2" %}{% block contents %}'
        '{% import "outline.html.j2" as html with context %}{{ html.contents_nav(contents) }}'
        '<div id="again">{{ html.write_blocks(front[:1]) }}</div>{% endblock %}',
    )
    pages = [
        html_of(
            bundle.document(PLAN),
            bundle,
            _manager_with(
                TemplatePlugin(helsefellesskap.TemplateSource(path=folder, partnership="eksempel"))
            ),
            "en",
        )
        for folder in (own, imported)
    ]
    assert pages[0] == pages[1]
    page = lxml.html.fromstring(pages[0].encode())
    assert page.xpath("//nav[@class='contents']//a/@href")[:2] == ["#introduction", "#focus-areas"]
    assert page.xpath("//div[@id='again']/h1")


def test_the_pages_macros_let_go_of_the_page_once_it_is_written() -> None:
    # OutlineMacros imports the macros when first asked, with the page's values; once
    # the page is written it holds neither the page nor the macros
    from helsefellesskap.render.html import OutlineMacros, template_environment

    environment = template_environment(())
    page = environment.from_string("{{ x }}").new_context({"x": "verdi", "outline": None})
    macros = OutlineMacros(page)
    assert callable(macros.write_blocks)
    with pytest.raises(AttributeError):
        macros.__html__  # noqa: B018 - a dunder never imports
    assert macros.release() is not None
    with pytest.raises(RuntimeError):
        macros.inlines  # noqa: B018


def test_a_role_template_can_wrap_the_default_look_of_its_blocks(
    bundle: Bundle, tmp_path: Path
) -> None:
    own = _write(
        tmp_path / "own",
        "blocks/measures.html.j2",
        '{% import "outline.html.j2" as html with context %}'
        '<div class="house-table">{{ html.default_block(block, label_id) }}</div>',
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    plan = bundle.document(PLAN)
    assert isinstance(plan, ActionPlan)
    page = lxml.html.fromstring(html_of(plan, bundle, _manager_with(plugin)).encode())
    wrapped = page.xpath("//div[@class='house-table']//table[contains(@class, 'measures')]")
    assert len(wrapped) == len(plan.focus_areas)
    # written the usual way inside: named by its heading, a row per measure
    assert all(t.get("aria-labelledby") for t in wrapped)
    rows = page.xpath("//div[@class='house-table']//tr[@data-measure]/@data-measure")
    assert rows == [m.id for m in plan.measures()]


def test_a_page_that_imports_macros_without_context_renders_them_on_every_page(
    bundle: Bundle, tmp_path: Path
) -> None:
    # Jinja keeps a module imported without context for every page; releasing a
    # written page's values (write_page) must leave such a module whole
    own = _write(
        tmp_path / "own",
        "shared.html.j2",
        "{% macro hello() %}hei{{ inline_html((), none) }} {{ world() }}{% endmacro %}"
        "{% macro world() %}verden{% endmacro %}",
    )
    _write(
        own,
        "action-plan.html.j2",
        '{% extends "builtin/action-plan.html.j2" %}{% import "shared.html.j2" as shared %}'
        '{% block contents %}<p id="own">{{ shared.hello() }}</p>{% endblock %}',
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    manager = _manager_with(plugin)
    plan = bundle.document(PLAN)
    assert isinstance(plan, ActionPlan)
    for _ in range(2):
        page = lxml.html.fromstring(html_of(plan, bundle, manager).encode())
        assert page.xpath("string(//p[@id='own'])") == "hei verden"


def test_partnership_templates_win_over_general_ones_and_only_for_their_partnership(
    bundle: Bundle, tmp_path: Path
) -> None:
    general = _write(tmp_path / "general", "blocks/abbreviations.html.j2", "<p id='a'>general</p>")
    own = _write(tmp_path / "own", "blocks/abbreviations.html.j2", "<p id='a'>own</p>")
    other = _write(tmp_path / "other", "blocks/abbreviations.html.j2", "<p id='a'>other</p>")
    plugin = TemplatePlugin(
        helsefellesskap.TemplateSource(path=general),
        helsefellesskap.TemplateSource(path=other, partnership="troms-ofoten"),
        helsefellesskap.TemplateSource(path=own, partnership="eksempel"),
    )
    manager = _manager_with(plugin)
    page = lxml.html.fromstring(html_of(bundle.document(PLAN), bundle, manager).encode())
    assert page.xpath("string(//p[@id='a'])") == "own"
    plugin.sources = plugin.sources[:2]
    manager = _manager_with(plugin)
    page = lxml.html.fromstring(html_of(bundle.document(PLAN), bundle, manager).encode())
    assert page.xpath("string(//p[@id='a'])") == "general"


def test_override_templates_are_autoescaped_too(bundle: Bundle, tmp_path: Path) -> None:
    own = _write(
        tmp_path / "own", "blocks/abbreviations.html.j2", "<p id='a'>{{ outline.title }}</p>"
    )
    import attrs

    plan = bundle.document(PLAN)
    nasty = attrs.evolve(plan, title=NASTY)
    other = attrs.evolve(bundle, documents=(nasty,))
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    text = html_of(nasty, other, _manager_with(plugin))
    assert "<p id='a'>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>" in text


def test_a_broken_override_is_a_render_error_naming_the_template(
    bundle: Bundle, tmp_path: Path
) -> None:
    broken = _write(tmp_path / "broken", "blocks/abbreviations.html.j2", "{% if %}\n")
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=broken, partnership="eksempel"))
    with pytest.raises(RenderError, match=r"abbreviations\.html\.j2:1: .*"):
        html_of(bundle.document(PLAN), bundle, _manager_with(plugin))


def test_an_override_with_an_unknown_name_is_a_render_error(bundle: Bundle, tmp_path: Path) -> None:
    typo = _write(tmp_path / "typo", "blocks/abbreviations.html.j2", "{{ abreviations }}\n")
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=typo, partnership="eksempel"))
    with pytest.raises(RenderError, match="'abreviations' is undefined"):
        html_of(bundle.document(PLAN), bundle, _manager_with(plugin))


def test_an_override_that_extends_itself_is_a_render_error_with_the_fix(
    bundle: Bundle, tmp_path: Path
) -> None:
    loop = _write(
        tmp_path / "loop",
        "action-plan.html.j2",
        '{% extends "action-plan.html.j2" %}{% block contents %}x{% endblock %}',
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=loop, partnership="eksempel"))
    with pytest.raises(RenderError, match=r'extends or includes itself.*"builtin/action-plan'):
        html_of(bundle.document(PLAN), bundle, _manager_with(plugin))


def test_a_missing_included_template_is_a_render_error(bundle: Bundle, tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "missing", "blocks/abbreviations.html.j2", '{% include "blocks/nope.html.j2" %}'
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=folder, partnership="eksempel"))
    with pytest.raises(
        RenderError, match=r"template 'blocks/nope\.html\.j2' not found in .*missing"
    ):
        html_of(bundle.document(PLAN), bundle, _manager_with(plugin))


def test_the_format_refuses_what_it_cannot_render(bundle: Bundle, manager: PluginManager) -> None:
    context = make_context(bundle, "nb", manager)
    with pytest.raises(RenderError, match="cannot render a str"):
        HtmlFormat().render("not a document", context)  # type: ignore[arg-type]


def test_the_environment_autoescapes_every_template_name() -> None:
    environment = template_environment(())
    for name in ("x.html.j2", "x.css.j2", "x.txt", "x"):
        assert environment.autoescape is True or environment.autoescape(name)  # type: ignore[operator]


# -- languages: the data's and the labels' -----------------------------------------------


def _lang_of(element: Any) -> str | None:
    """The language an element is in: its own ``lang`` or its nearest ancestor's."""
    while element is not None:
        if element.get("lang"):
            return str(element.get("lang"))
        element = element.getparent()
    return None


def test_a_translated_page_marks_the_labels_in_english_and_the_data_in_bokmal(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    page = lxml.html.fromstring(html_of(plan, bundle, manager, "en").encode("utf-8"))
    assert page.get("lang") == "nb"  # the data: the document's language
    (title,) = page.xpath("//h1")
    assert _lang_of(title) == "nb" and title.text_content() == plan.title
    headers = page.xpath("//table[contains(@class, 'measures')]//thead//th/span")
    assert headers and all(_lang_of(span) == "en" for span in headers)
    assert headers[0].text_content() == "What do we want?"
    (kind,) = page.xpath("//p[@class='doc-kind']/span")
    assert (_lang_of(kind), kind.text) == ("en", "Action plan")
    # a label beside data: the label in English, the data (a reference's title) in bokmål
    (see,) = page.xpath("//p[@class='see']")
    (label,) = see.xpath("./span")
    assert (_lang_of(label), label.text) == ("en", "See")
    (link,) = see.xpath("./a")
    assert (_lang_of(link), link.text) == ("nb", "Recruit & Retain")
    # every text of a measure cell is data
    cells = page.xpath("//table[contains(@class, 'measures')]//tbody//td")
    assert cells and all(_lang_of(td) == "nb" for td in cells)


def test_an_untranslated_page_has_one_language_and_no_marks(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    text = html_of(plan, bundle, manager, "nb")
    assert '<html lang="nb">' in text
    assert "<span lang=" not in text


def test_a_document_in_nynorsk_rendered_in_bokmal_marks_the_labels(
    bundle: Bundle, manager: PluginManager
) -> None:
    plan = bundle.document("handlingsplan-2024-2025")
    assert isinstance(plan, ActionPlan)
    nynorsk = attrs.evolve(plan, language="nn")
    changed = attrs.evolve(
        bundle, documents=tuple(nynorsk if d.id == plan.id else d for d in bundle.documents)
    )
    page = lxml.html.fromstring(html_of(nynorsk, changed, manager, "nb").encode("utf-8"))
    assert page.get("lang") == "nn"
    headers = page.xpath("//table[contains(@class, 'measures')]//thead//th/span")
    assert headers and all(_lang_of(span) == "nb" for span in headers)


def test_the_governance_diagram_is_named_in_the_rendering_language(
    bundle: Bundle, manager: PluginManager
) -> None:
    page = lxml.html.fromstring(html_of(bundle.partnership, bundle, manager, "en").encode())
    assert page.get("lang") == "nb"
    (svg,) = page.xpath("//svg")
    assert svg.get("lang") == "en"


# -- the index of a rendered bundle ---------------------------------------------------------


def test_the_index_is_a_template_that_escapes_and_a_plugin_can_override(
    nasty_bundle: Bundle, manager: PluginManager, tmp_path: Path
) -> None:
    from helsefellesskap.render import render_bundle

    render_bundle(nasty_bundle, tmp_path / "site", formats=("md",), manager=manager)
    text = (tmp_path / "site" / "index.html").read_text("utf-8")
    page = lxml.html.fromstring(text.encode("utf-8"))
    assert page.xpath("string(//h1)") == NASTY and "<script>" not in text
    assert page.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert page.xpath("//table//th/@scope") == ["col"] * 3

    own = _write(
        tmp_path / "own",
        "index.html.j2",
        '{% extends "builtin/index.html.j2" %}{% block title %}Eget: {{ name }}{% endblock %}',
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    site = tmp_path / "own-site"
    render_bundle(nasty_bundle, site, formats=("md",), manager=_manager_with(plugin))
    page = lxml.html.fromstring((site / "index.html").read_bytes())
    assert page.xpath("string(//title)") == f"Eget: {NASTY}"
    listed = [p for p in site.glob("*.md") if p.name != "index.md"]
    assert len(page.xpath("//tbody/tr")) == len(listed) >= 2


# -- a plugin's document type ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Minutes(helsefellesskap.Document):
    """A document type the core does not have."""

    KIND: ClassVar[str] = "test-minutes"
    items: tuple[str, ...] = ()


class MinutesPlugin:
    """A real plugin object that provides the outline of :class:`Minutes`."""

    @staticmethod
    def build(item: Any, context: Any) -> Any:
        from helsefellesskap.outline import BulletList, Heading, ListItem, Outline, runs

        return Outline(
            kind=item.KIND,
            document=item.id,
            title=item.title,
            language=item.language,
            label_language=context.language,
            partnership=context.partnership.id,
            blocks=(
                Heading(level=1, runs=runs(item.title)),
                BulletList(items=tuple(ListItem(runs=runs(i)) for i in item.items)),
            ),
        )

    @helsefellesskap.hookimpl
    def hf_outline_builders(self) -> list[Any]:
        from helsefellesskap.outline import OutlineBuilder

        return [OutlineBuilder(kind=Minutes.KIND, build=self.build)]


def test_a_plugin_document_type_gets_an_html_page_from_its_outline(
    bundle: Bundle, tmp_path: Path
) -> None:
    minutes = Minutes(
        id="mote", title="Referat fra møtet", partnership="eksempel", items=("Sak 1", NASTY)
    )
    changed = attrs.evolve(bundle, documents=(*bundle.documents, minutes))
    manager = _manager_with(MinutesPlugin())
    page = lxml.html.fromstring(html_of(minutes, changed, manager).encode())
    assert page.xpath("string(//h1)") == "Referat fra møtet"
    assert page.xpath("//main/ul/li/text()") == ["Sak 1", NASTY]
    assert page.xpath("//div[contains(@class, 'page')]/@class") == ["page test-minutes"]
    # a plugin can give the kind a page of its own, extending the generic one
    own = _write(
        tmp_path / "own",
        "test-minutes.html.j2",
        '{% extends "builtin/document.html.j2" %}{% block contents %}<p id="own">eget'
        "</p>{% endblock %}",
    )
    plugin = TemplatePlugin(helsefellesskap.TemplateSource(path=own, partnership="eksempel"))
    manager = _manager_with(plugin, MinutesPlugin())
    page = lxml.html.fromstring(html_of(minutes, changed, manager).encode())
    assert page.xpath("string(//p[@id='own'])") == "eget"
    assert page.xpath("//main/ul/li/text()") == ["Sak 1", NASTY]
