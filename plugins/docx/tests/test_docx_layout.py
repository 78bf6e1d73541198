"""The Word layout (issue 13): title page, table of contents, landscape sections for wide
tables, column widths from the content, the footer's date and version, hyphenation, the
options a partnership sets per document type and per document, and its own template.

Partnership files are given as a real plugin would: a plugin object registered on a
fresh plugin manager answers ``hf_template_sources`` with a folder holding ``docx/``.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from helsefellesskap_docx.options import WordOptions, find_files
from helsefellesskap_docx.outline import write_outline
from helsefellesskap_docx.widths import column_widths
from helsefellesskap_docx.writer import LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH

import helsefellesskap as hf
from helsefellesskap.errors import RenderError
from helsefellesskap.outline import (
    Cell,
    Column,
    Heading,
    Outline,
    Paragraph,
    Row,
    RowGroup,
    Table,
    Text,
    build_outline,
    runs,
)
from helsefellesskap.render.api import make_context, render

HELGELAND_PLAN = "handlingsplan-2023-2025"


def _manager_with(folder: Path, partnership: str = "eksempel") -> hf.PluginManager:
    """A plugin manager with the installed plugins and one more giving ``folder`` as the
    partnership's template folder."""

    class Files:
        @hf.hookimpl
        def hf_template_sources(self) -> list[hf.TemplateSource]:
            return [hf.TemplateSource(path=folder, partnership=partnership)]

    manager = hf.PluginManager()
    assert manager.register(Files(), name="word-files")
    return manager


def _options(folder: Path, text: str) -> Path:
    (folder / "docx").mkdir(parents=True, exist_ok=True)
    (folder / "docx" / "options.toml").write_text(text, encoding="utf-8")
    return folder


def _styles(data: bytes) -> list[str]:
    """The style id of every paragraph of the body, in order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return [p.style or "" for p in body.iter(qn("w:p"))]


def _settings(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()


def _section_sizes(data: bytes) -> list[tuple[str, int, int]]:
    """Each section's orientation, page width and height (twips), in order."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        size = sect_pr.find(qn("w:pgSz"))
        found.append(
            (
                size.get(qn("w:orient"), "portrait"),
                int(size.get(qn("w:w"))),
                int(size.get(qn("w:h"))),
            )
        )
    return found


# -- defaults --------------------------------------------------------------------------


def test_a_plan_has_a_title_page_and_contents_by_default(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan
) -> None:
    data = render_docx(plan)
    document = docx.Document(io.BytesIO(data))
    styles = _styles(data)
    # the cover: the partnership, the title, then the contents on a page of their own
    assert styles[:2] == ["Subtitle", "Title"]
    toc_at = styles.index("TOCHeading")
    heading = document.element.body.findall(qn("w:p"))[toc_at]
    assert heading.pPr.pageBreakBefore is not None
    assert "".join(t.text for t in heading.iter(qn("w:t"))) == "Innhold"
    # Word's TOC field over heading levels 1-3, an entry per heading with its page
    instructions = [(t.text or "").strip() for t in document.element.body.iter(qn("w:instrText"))]
    assert instructions[0] == 'TOC \\o "1-3" \\h \\z \\u'
    entries = [s for s in styles if s.startswith("toc")]
    headings = [s for s in styles if s in ("Heading1", "Heading2", "Heading3")]
    assert len(entries) == len(headings) > 3
    assert sum(1 for i in instructions if i.startswith("PAGEREF _Toc")) == len(entries)
    # the first page has no header or footer; Word updates the fields on opening
    first = next(document.element.body.iter(qn("w:sectPr")))
    assert first.find(qn("w:titlePg")) is not None
    assert "<w:updateFields" in _settings(data)
    assert '<w:autoHyphenation w:val="true"/>' in _settings(data)


def test_a_declaration_has_neither_by_default(
    render_docx: Callable[..., bytes], bundle: hf.Bundle
) -> None:
    declaration = next(d for d in bundle.documents if isinstance(d, hf.Declaration))
    data = render_docx(declaration)
    styles = _styles(data)
    assert styles[0] == "Title"
    assert "TOCHeading" not in styles
    assert "<w:updateFields" not in _settings(data)


def test_the_contents_heading_is_in_the_readers_language(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, word: Any
) -> None:
    for lang, words in (("nb", "Innhold"), ("nn", "Innhald"), ("en", "Contents")):
        opened = word(render_docx(plan, lang))
        assert ("TOC Heading", words) in opened.paragraphs()


# -- landscape and widths --------------------------------------------------------------


@pytest.fixture(scope="module")
def helgeland(manager: hf.PluginManager) -> hf.Bundle:
    """The Helgeland partnership from its installed plugin."""
    if "helgeland" not in manager.partnerships():
        pytest.fail("the helgeland plugin is not installed: pip install -e plugins/helgeland")
    return manager.load_partnership("helgeland")


def test_helgelands_five_column_tables_are_in_landscape_sections(
    helgeland: hf.Bundle, manager: hf.PluginManager
) -> None:
    plan = helgeland.document(HELGELAND_PLAN)
    data = render(plan, "docx", bundle=helgeland, manager=manager)
    sizes = _section_sizes(data)
    # portrait (cover, contents, introduction), landscape (the four focus areas' tables,
    # which have little text between them), portrait again (the way forward)
    assert [orient for orient, _, _ in sizes] == ["portrait", "landscape", "portrait"]
    assert sizes[1][1:] == (sizes[0][2], sizes[0][1])
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        widths = [int(column.width) for column in table.columns]
        assert len(widths) == 5
        assert abs(sum(widths) - LANDSCAPE_TEXT_WIDTH) < 1000
    # a landscape header of its own, the title at the landscape margin
    assert render(plan, "docx", bundle=helgeland, manager=manager) == data


def test_landscape_is_an_option(helgeland: hf.Bundle, tmp_path: Path) -> None:
    folder = _options(tmp_path, "[kind.action-plan]\nlandscape = false\n")
    manager = _manager_with(folder, "helgeland")
    plan = helgeland.document(HELGELAND_PLAN)
    data = render(plan, "docx", bundle=helgeland, manager=manager)
    assert [orient for orient, _, _ in _section_sizes(data)] == ["portrait"]
    document = docx.Document(io.BytesIO(data))
    widths = [int(column.width) for column in document.tables[0].columns]
    assert abs(sum(widths) - TEXT_WIDTH) < 1000


def _table(*columns: tuple[Column, list[str]]) -> Table:
    """A table of ``columns``, each with the texts of its cells (one row a text)."""
    count = max(len(texts) for _, texts in columns)
    rows = tuple(
        Row(
            cells=tuple(
                Cell(blocks=(Paragraph(runs=runs(texts[i] if i < len(texts) else "")),))
                for _, texts in columns
            )
        )
        for i in range(count)
    )
    return Table(columns=tuple(c for c, _ in columns), header=(), groups=(RowGroup(rows=rows),))


def test_a_column_is_never_narrower_than_its_longest_word() -> None:
    long_word = "Helgelandssykehuset"
    table = _table(
        (Column(role="a", width=0.45), ["kort tekst"] * 3),
        (Column(role="b", width=0.45), ["litt lengre tekst i en celle"] * 3),
        (Column(role="c", width=0.1), [f"{long_word} og kommunene"]),
    )
    widths = column_widths(table, int(TEXT_WIDTH))
    assert sum(widths) == int(TEXT_WIDTH)
    # a hint of a tenth would make it 17 mm; the word needs more than 30 mm at 9.5 pt
    assert widths[2] > 0.1 * TEXT_WIDTH
    assert widths[2] > len(long_word) * 9.5 * 0.5 * 12700  # half an em a letter, in EMU


def test_the_column_with_more_text_gets_more_room() -> None:
    long_text = "Et tiltak med mange ord som trenger plass i tabellen sin " * 4
    table = _table(
        (Column(role="a", width=1 / 3), ["Mål"] * 4),
        (Column(role="b", width=1 / 3), [long_text] * 4),
        (Column(role="c", width=1 / 3), ["SSU"] * 4),
    )
    widths = column_widths(table, int(TEXT_WIDTH))
    assert widths[1] > widths[0] * 1.5  # equal hints; the text decides


def test_a_cell_spanning_rows_counts_once_for_its_rows() -> None:
    goal = "Et mål som står over mange tiltak og bare trenger litt plass " * 3
    rows = [
        Row(
            cells=(
                *((Cell(blocks=(Paragraph(runs=runs(goal)),), rowspan=4),) if i == 0 else ()),
                Cell(blocks=(Paragraph(runs=runs(f"Tiltak {i} med noen flere ord")),)),
            )
        )
        for i in range(4)
    ]
    table = Table(
        columns=(Column(role="goal", width=0.4), Column(role="measure", width=0.4)),
        header=(),
        groups=(RowGroup(rows=tuple(rows)),),
    )
    widths = column_widths(table, int(TEXT_WIDTH))
    # the goal's 180 letters share the height of four rows of 28 letters each: counted
    # whole, they would make the goal the wider column
    assert widths[1] > widths[0]


# -- the footer --------------------------------------------------------------------------


def test_the_footer_dates_the_document_and_names_the_version(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, word: Any
) -> None:
    opened = word(render_docx(plan))
    assert plan.adopted is not None
    assert opened.footer_text().split("\n")[1] == (
        f"{plan.adopted.isoformat()} · helsefellesskap {hf.__version__}"
    )


# -- options per document type and per document ------------------------------------------


def test_options_per_type_and_per_document(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path
) -> None:
    folder = _options(
        tmp_path,
        "[default]\ntitle_page = false\n"
        "[kind.action-plan]\ncontents = false\n"
        f"[document.{plan.id}]\ntitle_page = true\ncontents_levels = 2\n",
    )
    files = find_files([folder], "action-plan", plan.id)
    assert files.options == WordOptions(title_page=True, contents=False, contents_levels=2)
    assert find_files([folder], "action-plan", "another").options == WordOptions()
    assert find_files([folder], "declaration", "x").options == WordOptions()
    data = render(plan, "docx", bundle=bundle, manager=_manager_with(folder))
    styles = _styles(data)
    assert styles[:2] == ["Subtitle", "Title"]  # the title page, on for this document
    assert "TOCHeading" not in styles  # contents, off for action plans


def test_contents_without_the_field_keep_their_page_references(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path
) -> None:
    folder = _options(tmp_path, "[default]\ncontents_field = false\n")
    data = render(plan, "docx", bundle=bundle, manager=_manager_with(folder))
    body = docx.Document(io.BytesIO(data)).element.body
    instructions = [(t.text or "").strip() for t in body.iter(qn("w:instrText"))]
    assert not any(i.startswith("TOC") for i in instructions)
    assert any(i.startswith("PAGEREF _Toc") for i in instructions)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[default]\ntitlepage = true\n", "$.default.titlepage is not a Word option"),
        ("[kind.action-plan]\nlandscape = 1\n", "$.kind.action-plan.landscape must be true"),
        ("[default]\ncontents_levels = 12\n", "$.default.contents_levels must be a whole"),
        ("[everything]\nlandscape = true\n", "$.everything is not a table of Word options"),
        ("[default\n", "cannot read the Word options"),
    ],
)
def test_a_wrong_option_is_refused_naming_the_file_and_path(
    tmp_path: Path, text: str, message: str
) -> None:
    folder = _options(tmp_path, text)
    with pytest.raises(RenderError) as caught:
        find_files([folder], "action-plan", "handlingsplan")
    assert str(caught.value).startswith(str(folder / "docx" / "options.toml"))
    assert message in str(caught.value)


# -- the partnership's own template and logo ---------------------------------------------

TEMPLATE_FONT = "Georgia"
TEMPLATE_GREEN = RGBColor(0x00, 0x6B, 0x3F)


def _make_template(path: Path) -> None:
    """A Word template as a partnership would make it: its own fonts and colours, a
    header with its own text, A4 with wider margins."""
    template = docx.Document()
    normal = template.styles["Normal"]
    normal.font.name = TEMPLATE_FONT
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = template.styles[name]
        style.font.name = TEMPLATE_FONT
        style.font.color.rgb = TEMPLATE_GREEN
    section = template.sections[0]
    section.header.paragraphs[0].text = "Fjordvik helsefellesskap – mal"
    template.add_paragraph("Malens eksempeltekst, som ikke skal med.")
    template.save(str(path))


def test_a_partnerships_template_gives_the_styles_and_header(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path, word: Any
) -> None:
    (tmp_path / "docx").mkdir()
    _make_template(tmp_path / "docx" / "template.docx")
    opened = word(render(plan, "docx", bundle=bundle, manager=_manager_with(tmp_path)))
    styles = opened.document.styles
    assert styles["Normal"].font.name == TEMPLATE_FONT
    assert styles["Normal"].font.size == Pt(11)
    for name in ("Title", "Heading 1", "Heading 2"):
        assert styles[name].font.name == TEMPLATE_FONT
        assert styles[name].font.color.rgb == TEMPLATE_GREEN
    assert opened.header_text() == "Fjordvik helsefellesskap – mal"
    assert "Malens eksempeltekst" not in opened.text()
    assert plan.title in [text for style, text in opened.paragraphs() if style == "Title"]
    # the styles the writer needs and the template lacks are added, the footer is ours
    assert "Table Text" in [s.name for s in styles]
    assert opened.footer_fields() == ["PAGE", "NUMPAGES"]


def test_a_templates_own_footer_and_page_set_up_are_kept(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path, word: Any
) -> None:
    (tmp_path / "docx").mkdir()
    template = docx.Document()
    template.sections[0].footer.paragraphs[0].text = "Fjordvik kommune · Postboks 1"
    template.sections[0].left_margin = template.sections[0].right_margin = Mm(30)
    template.save(str(tmp_path / "docx" / "template.docx"))
    opened = word(render(plan, "docx", bundle=bundle, manager=_manager_with(tmp_path)))
    assert opened.footer_text() == "Fjordvik kommune · Postboks 1"
    assert opened.footer_fields() == []
    assert abs(opened.document.sections[0].left_margin - Mm(30)) < 1000  # twips
    # with no header of its own, the template gets the running header
    assert opened.header_text().startswith("Helsefellesskap Eksempel")


def test_a_dotx_template_is_used_as_well(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path, word: Any
) -> None:
    (tmp_path / "docx").mkdir()
    made = tmp_path / "made.docx"
    _make_template(made)
    raw = io.BytesIO()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(raw, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, content)
    (tmp_path / "docx" / "template.dotx").write_bytes(raw.getvalue())
    opened = word(render(plan, "docx", bundle=bundle, manager=_manager_with(tmp_path)))
    assert opened.document.styles["Normal"].font.name == TEMPLATE_FONT


def test_a_broken_template_is_refused_naming_it(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path
) -> None:
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "template.docx").write_bytes(b"not a zip file")
    with pytest.raises(RenderError, match=r"template\.docx: cannot be used as a Word template"):
        render(plan, "docx", bundle=bundle, manager=_manager_with(tmp_path))


def _png(width: int, height: int) -> bytes:
    """A plain white PNG picture of ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def test_the_logo_stands_on_the_title_page(
    bundle: hf.Bundle, plan: hf.ActionPlan, tmp_path: Path
) -> None:
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "logo.png").write_bytes(_png(90, 30))
    data = render(plan, "docx", bundle=bundle, manager=_manager_with(tmp_path))
    body = docx.Document(io.BytesIO(data)).element.body
    first = body.findall(qn("w:p"))[0]
    assert first.find(f".//{qn('w:drawing')}") is not None
    assert sum(1 for _ in body.iter(qn("w:drawing"))) == 1


# -- landscape sections of an outline made by hand ---------------------------------------


def _wide_table(columns: int = 5) -> Table:
    return _table(
        *((Column(role=f"c{i}", width=1 / columns), [f"celle {i}"] * 2) for i in range(columns))
    )


def _hand_outline(*blocks: Any) -> Outline:
    return Outline(
        kind="action-plan",
        document="plan",
        title="Planen",
        language="nb",
        label_language="nb",
        partnership="test",
        blocks=(Heading(level=1, runs=runs("Planen")), *blocks),
        colophon=runs("Laget med helsefellesskap 9.9"),
    )


def _write_hand(outline: Outline) -> bytes:
    return write_outline(
        outline,
        reader_language="nb",
        header="Testfellesskap",
        page_label="Side",
        of_label="av",
        date=dt.date(2024, 3, 14),
    )


def test_wide_tables_apart_get_a_landscape_section_each_with_a_header_for_the_width() -> None:
    long_text = "Løpende tekst mellom tabellene. " * 60  # more than a page's worth of a line
    outline = _hand_outline(
        Heading(level=2, runs=runs("Første")),
        _wide_table(),
        Paragraph(runs=runs(long_text)),
        _wide_table(3),  # a narrow table stays in portrait
        Heading(level=2, runs=runs("Andre")),
        _wide_table(6),
        Paragraph(runs=runs(long_text)),
    )
    data = _write_hand(outline)
    orients = [orient for orient, _, _ in _section_sizes(data)]
    assert orients == ["portrait", "landscape", "portrait", "landscape", "portrait"]
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    # the heading above a wide table goes with it: the section before ends just before it
    paragraphs = body.findall(qn("w:p"))
    ends = [p for p in paragraphs if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    following = [p.getnext() for p in ends]
    assert [(p.style or "") for p in following[::2]] == ["Heading1", "Heading1"]
    # the running header has the title at the right margin of each orientation
    stops = []
    for section in document.sections:
        header = section.header.paragraphs[0]
        assert header.text == "Testfellesskap\tPlanen"
        stops.append(header.paragraph_format.tab_stops[0].position)
    wanted = [TEXT_WIDTH, LANDSCAPE_TEXT_WIDTH] * 2 + [TEXT_WIDTH]
    assert all(abs(stop - want) < 1000 for stop, want in zip(stops, wanted, strict=True))
    assert _write_hand(outline) == data  # the same bytes again


def test_wide_tables_with_little_between_share_one_landscape_section() -> None:
    outline = _hand_outline(
        Heading(level=2, runs=runs("Første")),
        _wide_table(),
        Paragraph(runs=runs("Litt tekst.")),
        Heading(level=2, runs=runs("Andre")),
        _wide_table(),
        Paragraph(runs=runs("Mer tekst etter tabellene. " * 60)),
    )
    orients = [orient for orient, _, _ in _section_sizes(_write_hand(outline))]
    assert orients == ["portrait", "landscape", "portrait"]


def test_the_title_page_takes_the_title_and_facts_but_not_the_body_text(
    manager: hf.PluginManager, tmp_path: Path
) -> None:
    folder = _options(tmp_path, "[default]\ntitle_page = true\n")
    bundle = manager.load_partnership("troms-ofoten")
    response = next(d for d in bundle.documents if isinstance(d, hf.ConsultationResponse))
    data = render(response, "docx", bundle=bundle, manager=_manager_with(folder, "troms-ofoten"))
    outline = build_outline(response, make_context(bundle, "nb", manager))
    # the outline: title, facts, then the letter's own paragraphs
    assert isinstance(outline.blocks[2], Paragraph) and outline.blocks[2].role is None
    first_text = "".join(t.text for t in outline.blocks[2].runs if isinstance(t, Text))
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    page_two = next(i for i, p in enumerate(paragraphs) if p.paragraph_format.page_break_before)
    assert [p.style.name for p in paragraphs[:2]] == ["Subtitle", "Title"]
    assert paragraphs[page_two].text == first_text  # the letter starts on page 2


def test_a_wide_table_at_the_end_keeps_the_colophon_on_its_landscape_page() -> None:
    outline = _hand_outline(
        Paragraph(runs=runs("Innledning.")),
        Heading(level=2, runs=runs("Tabell")),
        _wide_table(),
    )
    data = _write_hand(outline)
    assert [orient for orient, _, _ in _section_sizes(data)] == ["portrait", "landscape"]
    body = docx.Document(io.BytesIO(data)).element.body
    last = body.findall(qn("w:p"))[-1]
    assert "".join(t.text for t in last.iter(qn("w:t"))) == "Laget med helsefellesskap 9.9"
