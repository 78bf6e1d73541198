"""Every format shows what the outline says, in its order, and nothing else (issue 10).

Over every document of the example partnership and both bundled partnerships, and each
governance overview, in nb, nn and en: every text of the outline (each ``Text`` run,
whitespace normalised) appears in the Markdown, the HTML and the Word output in the
outline's order (and in the PDF's, where the pdf plugin is installed: one language per
partnership, a PDF taking a second or two to lay out); and what a format shows beyond
the outline's texts is only markup,
numbers and punctuation, the outline's running head and colophon, and the words a
writer declares its own (``own_labels`` on its format class: Word's page footer).

Each outline is built once and each document rendered once per format.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import lxml.html
import pytest

from helsefellesskap import Bundle, PluginManager, load_bundle
from helsefellesskap.outline import (
    Aside,
    BarChart,
    Block,
    BulletList,
    Emphasis,
    Facts,
    Figure,
    GovernanceDiagram,
    Heading,
    Inlines,
    LineBreak,
    Link,
    NumberedList,
    Outline,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    build_outline,
)
from helsefellesskap.render import make_context, render
from helsefellesskap.render.api import find_format, renders
from helsefellesskap.render.format import Renderable, RenderContext

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("nb", "nn", "en")
FORMATS = ("md", "html", "docx")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# -- the outline's texts, in reading order ----------------------------------------------


def _inline_texts(items: Inlines) -> Iterator[str]:
    for item in items:
        if isinstance(item, Text):
            yield item.text
        elif isinstance(item, LineBreak):
            continue
        elif isinstance(item, (Emphasis, Link, Span)):
            yield from _inline_texts(item.runs)


def _block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield from _inline_texts(block.runs)
        elif isinstance(block, Facts):
            for fact in block.items:
                yield from _inline_texts(fact.label)
                yield from _inline_texts(fact.value)
        elif isinstance(block, BulletList | NumberedList):
            for item in block.items:
                yield from _inline_texts(item.runs)
                yield from _block_texts(item.children)
        elif isinstance(block, Table):
            yield from _inline_texts(block.caption)
            for row in (*block.header, *block.rows()):
                for cell in row.cells:
                    yield from _block_texts(cell.blocks)
        elif isinstance(block, Section):
            if block.heading is not None:
                yield from _inline_texts(block.heading.runs)
            yield from _block_texts(block.blocks)
        elif isinstance(block, Aside):
            yield from _block_texts(block.blocks)
        elif isinstance(block, Figure) and isinstance(block.diagram, BarChart):
            yield from _inline_texts(block.caption)
            chart = block.diagram
            yield from _inline_texts(chart.label_heading)
            for series in chart.series:
                yield from _inline_texts(series.label)
            yield from _inline_texts(chart.total_label)
            for bar in chart.bars:
                yield from _inline_texts(bar.label)
        elif isinstance(block, Figure):
            yield from _inline_texts(block.caption)
            for node in block.diagram.nodes:
                yield from _inline_texts(node.label)
            yield from _inline_texts(block.diagram.legend_title)
            for _, words in block.diagram.legend:
                yield from _inline_texts(words)


def outline_texts(outline: Outline) -> list[str]:
    """Every text of the outline's blocks, normalised, in reading order."""
    return [t for t in (_norm(t) for t in _block_texts(outline.blocks)) if t]


def anywhere_texts(outline: Outline) -> list[str]:
    """Texts each format shows, in a place of its choosing: a figure's description (an
    SVG's ``<desc>`` comes first inside the drawing; Word and Markdown put it after)."""
    found: list[str] = []
    for block in outline.walk():
        if isinstance(block, Figure):
            found.extend(_inline_texts(block.description))
    return [t for t in (_norm(t) for t in found) if t]


def free_texts(outline: Outline) -> list[str]:
    """Texts a format may show anywhere, or not at all in its body: the running head
    (or its parts, the partnership's name and the title), the colophon, the word for a
    closed body."""
    found = [*outline.running_head.split(" · "), *_inline_texts(outline.colophon)]
    for block in outline.walk():
        if isinstance(block, Figure) and isinstance(block.diagram, GovernanceDiagram):
            found.extend(_inline_texts(block.diagram.closed_label))
    return [t for t in (_norm(t) for t in found) if t]


# -- each format's text -------------------------------------------------------------------


def markdown_text(data: bytes) -> str:
    """The text a reader of the Markdown sees: parsed (GFM tables) and its text taken."""
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").enable("table").render(data.decode("utf-8"))
    return html_text(f"<html><body>{page}</body></html>")


def html_text(data: bytes | str) -> str:
    """The text of the page's body, element by element."""
    tree = lxml.html.fromstring(data)
    body = tree.find("body")
    root = body if body is not None else tree
    for bad in root.xpath("//style|//script"):
        bad.drop_tree()
    return _norm(" ".join(root.itertext()))


def word_text(data: bytes) -> str:
    """The text of the Word body: every paragraph, those in table cells included, in
    document order (a cell a span covers has no text of its own), except the entries
    of a table of contents (styles *toc 1–9*): Word's repeat of the headings."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as WordParagraph

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    paragraphs = [
        p for p in body.iter(qn("w:p")) if not re.fullmatch(r"toc\d", (p.style or "").lower())
    ]
    return _norm(" ".join(WordParagraph(p, document).text for p in paragraphs))


_PDF_PAGE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)
_PDF_DEST = re.compile(r'^\s*(\d+) \[.*\] "(.*)"$', re.MULTILINE)
PDF_MARGIN = 55
"""Points cut from a PDF page's top and bottom: the running head and footer stand there."""
_PDF_MARKER = re.compile(r"[•◦▪‣–-]|\d{1,2}\.|[a-z]\.")
_CONJUNCTIONS = frozenset({"og", "eller", "and", "or", "til", "to"})


def _pdf_lines(lines: list[str]) -> str:
    """A page's lines joined as the text runs: a word the line end broke after its hyphen
    (``IT-`` / ``avdelingen``) or a web address broken where it had to be is one word;
    ``helse-`` / ``og omsorg`` keeps its space. A line that is only a list's bullet or
    number goes: WeasyPrint draws those after the text of the page."""
    out = ""
    for line in lines:
        if _PDF_MARKER.fullmatch(line.strip()):
            continue  # a list's bullets and numbers, drawn after the page's text
        last = out.rsplit(None, 1)[-1] if out.strip() else ""
        first = line.split(None, 1)[0] if line.strip() else ""
        hyphen = last[-2:-1].isalpha() and last.endswith("-") and first[:1].islower()
        if (hyphen and first not in _CONJUNCTIONS) or "://" in last:
            out += line.strip()
        else:
            out += " " + line
    return out


def pdf_text(data: bytes) -> str:
    """The text of a PDF's pages as set (``pdftotext -raw``), without the running head
    and footer (cut off with the margins) and the pages of its table of contents
    (between the named destinations ``pdf-contents`` and ``pdf-contents-end``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)

        def run(*command: str | int | Path) -> str:
            done = subprocess.run([str(c) for c in command], capture_output=True, check=True)
            return done.stdout.decode("utf-8")

        sizes = _PDF_PAGE.findall(run("pdfinfo", "-f", 1, "-l", 100000, path))
        dests = {n: int(p) for p, n in _PDF_DEST.findall(run("pdfinfo", "-dests", path))}
        contents = range(dests.get("pdf-contents", 0), dests.get("pdf-contents-end", -1) + 1)
        pages = []
        for number, width, height in sizes:
            if int(number) in contents:
                continue
            crop = ("-x", 0, "-y", PDF_MARGIN, "-W", round(float(width)) + 1)
            crop += ("-H", round(float(height)) - 2 * PDF_MARGIN, "-f", number, "-l", number)
            pages.append(_pdf_lines(run("pdftotext", "-raw", *crop, path, "-").splitlines()))
    return _norm(" ".join(pages))


def repeated_header_words(outline: Outline) -> set[str]:
    """The words of the tables' header rows, which a paged format repeats on every page
    a table runs over."""
    return {
        word.strip("()[]{}<>\"'«».,:;–-•*|#=!?/")
        for block in outline.walk()
        if isinstance(block, Table)
        for row in block.header
        for cell in row.cells
        for text in _block_texts(cell.blocks)
        for word in text.split()
    }


EXTRACT = {"md": markdown_text, "html": html_text, "docx": word_text, "pdf": pdf_text}
PAGED = frozenset({"pdf"})
"""Formats that repeat a table's header row on each page it runs over."""


# -- the comparison --------------------------------------------------------------------


@attrs.frozen
class Comparison:
    """What is missing or out of order, and what a format shows beyond the outline."""

    missing: tuple[str, ...]
    extra: tuple[str, ...]


_MARKUP = re.compile(r"^b_\w+$|^flowchart$|^TD$")
"""Markdown's Mermaid chart: its node ids and its keyword, not words of the document."""


def compare(
    texts: list[str], free: list[str], shown: str, own: set[str], anywhere: Sequence[str] = ()
) -> Comparison:
    """Take out the texts that may stand anywhere (each must be there), find each text
    in ``shown`` after the one before (those not found are reported), then take out the
    free texts and see what is left."""
    missing: list[str] = []
    for text in anywhere:
        if text in shown:
            shown = shown.replace(text, " ", 1)
        else:
            missing.append(text)
    position = 0
    consumed = [False] * len(shown)
    for text in texts:
        found = shown.find(text, position)
        if found < 0:
            missing.append(text)
            continue
        for index in range(found, found + len(text)):
            consumed[index] = True
        position = found + len(text)
    rest = "".join(" " if used else char for char, used in zip(shown, consumed, strict=True))
    for text in free:
        rest = rest.replace(text, " ")
    words = []
    for token in rest.split():
        word = token.strip("()[]{}<>\"'«».,:;–-•*|#=!?/")
        if _MARKUP.match(word):
            continue
        if word and any(ch.isalpha() for ch in word) and word not in own:
            words.append(word)
    return Comparison(missing=tuple(missing), extra=tuple(words))


# -- the data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    found = PluginManager()
    for needed in ("troms-ofoten", "helgeland"):
        assert needed in found.partnerships(), f"pip install -e plugins/{needed}"
    assert "docx" in found.render_formats(), "pip install -e plugins/docx"
    return found


class Bundles:
    """The partnerships, each loaded when first asked for (once per test module)."""

    def __init__(self, manager: PluginManager) -> None:
        self.manager = manager
        self.loaded: dict[str, Bundle] = {}
        self.outlines: dict[tuple[str, str, str], tuple[list[str], list[str], list[str]]] = {}

    def __getitem__(self, name: str) -> Bundle:
        if name not in self.loaded:
            self.loaded[name] = (
                load_bundle(ROOT / "examples" / "eksempel")
                if name == "eksempel"
                else self.manager.load_partnership(name)
            )
        return self.loaded[name]

    def texts(
        self, name: str, item: Renderable, context: RenderContext
    ) -> tuple[list[str], list[str], list[str]]:
        """The outline's texts in order, its free texts and those that stand anywhere,
        the outline of ``item`` built once."""
        key = (name, context.language, item.id)
        if key not in self.outlines:
            outline = build_outline(item, context)
            self.outlines[key] = (
                outline_texts(outline),
                free_texts(outline),
                anywhere_texts(outline),
            )
        return self.outlines[key]


@pytest.fixture(scope="module")
def bundles(manager: PluginManager) -> Bundles:
    return Bundles(manager)


def _items(bundle: Bundle) -> list[Renderable]:
    return [*bundle.documents, bundle.partnership]


def _own_words(fmt_name: str, manager: PluginManager, context: RenderContext) -> set[str]:
    """The words the writer of ``fmt_name`` declares its own (``own_labels``)."""
    fmt = find_format(fmt_name, manager)
    keys = fmt.own_labels
    return {w.strip(".,:;") for key in keys for w in context.label(key).split()}


CASES = [
    (partnership, lang, fmt)
    for partnership in ("eksempel", "troms-ofoten", "helgeland")
    for lang in LANGUAGES
    for fmt in FORMATS
] + [
    # a PDF takes a second or two: one language per partnership
    ("eksempel", "nb", "pdf"),
    ("troms-ofoten", "nn", "pdf"),
    ("helgeland", "en", "pdf"),
]


def _require_pdf(manager: PluginManager) -> None:
    """Skip the PDF where the plugin or poppler is missing; fail under ``CI=true``."""
    missing = [tool for tool in ("pdftotext", "pdfinfo") if shutil.which(tool) is None]
    if "pdf" not in manager.render_formats():
        missing.append("the pdf plugin (pip install -e plugins/pdf)")
    if not missing:
        return
    message = f"not installed: {', '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.parametrize(("partnership", "lang", "fmt"), CASES)
def test_every_format_shows_the_outline_in_order_and_nothing_else(
    bundles: Bundles, manager: PluginManager, partnership: str, lang: str, fmt: str
) -> None:
    if fmt == "pdf":
        _require_pdf(manager)
    bundle = bundles[partnership]
    context = make_context(bundle, lang, manager)
    own = _own_words(fmt, manager, context)
    writer = find_format(fmt, manager)
    problems = []
    for item in _items(bundle):
        if not renders(writer, item, manager):
            continue
        texts, free, anywhere = bundles.texts(partnership, item, context)
        data = render(item, fmt, bundle=bundle, lang=lang, manager=manager)
        allowed = own | repeated_header_words(build_outline(item, context)) if fmt in PAGED else own
        result = compare(texts, free, EXTRACT[fmt](data), allowed, anywhere)
        if result.missing:
            problems.append(f"{item.id}: missing or out of order: {list(result.missing)[:5]}")
        if result.extra:
            problems.append(f"{item.id}: not in the outline: {list(result.extra)[:12]}")
    assert not problems, "\n".join(problems)


def test_the_comparison_finds_a_missing_text_an_order_change_and_an_extra_word() -> None:
    texts = ["Innledning", "Veien videre"]
    assert compare(texts, [], "1 Innledning 2 Veien videre", set()) == Comparison((), ())
    assert compare(texts, [], "Veien videre Innledning", set()).missing == ("Veien videre",)
    assert compare(texts, [], "Innledning Kilde: x Veien videre", set()).extra == ("Kilde", "x")
    assert compare(texts, [], "Innledning Side Veien videre", {"Side"}).extra == ()
    # a figure's description may stand anywhere, but must be there
    shown = "Om figuren Innledning Veien videre"
    assert compare(texts, [], shown, set(), ["Om figuren"]) == Comparison((), ())
    assert compare(texts, [], "Innledning Veien videre", set(), ["Om figuren"]).missing == (
        "Om figuren",
    )


# -- the follow-up reports (issues 15 §6 and 16 §1) -------------------------------------------

REPORT_DAY = {"eksempel": "2025-06-30", "troms-ofoten": "2024-01-01", "helgeland": "2025-06-30"}
"""The day each partnership's status reports are taken on."""


@pytest.mark.parametrize(
    ("partnership", "lang", "fmt"),
    [
        (p, lang, f)
        for p in ("eksempel", "troms-ofoten", "helgeland")
        for lang in LANGUAGES
        for f in FORMATS
    ],
)
def test_status_reports_and_matrices_show_their_outline_in_order(
    bundles: Bundles, manager: PluginManager, partnership: str, lang: str, fmt: str
) -> None:
    import datetime as dt

    from helsefellesskap.followup.reports import status_report, traceability_report
    from helsefellesskap.model import ActionPlan

    bundle = bundles[partnership]
    context = make_context(bundle, lang, manager)
    own = _own_words(fmt, manager, context)
    day = dt.date.fromisoformat(REPORT_DAY[partnership])
    problems = []
    plans = list(bundle.documents_of(ActionPlan))
    assert plans
    for plan in plans:
        for item in (
            status_report(bundle, plan.id, on=day),
            traceability_report(bundle, plan.id),
        ):
            outline = build_outline(item, context)
            data = render(item, fmt, bundle=bundle, lang=lang, manager=manager)
            result = compare(
                outline_texts(outline),
                free_texts(outline),
                EXTRACT[fmt](data),
                own,
                anywhere_texts(outline),
            )
            if result.missing:
                problems.append(f"{item.id}: missing or out of order: {list(result.missing)[:5]}")
            if result.extra:
                problems.append(f"{item.id}: not in the outline: {list(result.extra)[:12]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "fmt"), [(lang, f) for lang in LANGUAGES for f in FORMATS])
def test_the_changelog_shows_its_outline_in_order(
    bundles: Bundles, manager: PluginManager, lang: str, fmt: str
) -> None:
    """The changelog between the two Ishavserklæringer (issue 16 §2), as every format
    shows it: the texts of its outline, the marked words included, in order."""
    from helsefellesskap.followup.changelog import changelog
    from helsefellesskap.model import Declaration

    bundle = bundles["troms-ofoten"]
    context = make_context(bundle, lang, manager)
    new = next(d for d in bundle.documents_of(Declaration) if d.replaces)
    old = bundle.document(new.replaces or "")
    assert old is not None
    item = changelog(old, new)
    outline = build_outline(item, context)
    data = render(item, fmt, bundle=bundle, lang=lang, manager=manager)
    result = compare(
        outline_texts(outline),
        free_texts(outline),
        EXTRACT[fmt](data),
        _own_words(fmt, manager, context),
        anywhere_texts(outline),
    )
    assert result.missing == ()
    assert result.extra == ()
