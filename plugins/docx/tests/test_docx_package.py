"""The Word package prepared once per house style, language and template
(:mod:`helsefellesskap_docx.package`) and the zip file of members deflated ahead of time
(:mod:`helsefellesskap_docx.zipped`): the same bytes as writing everything afresh, each
document with parts of its own, a changed template prepared again."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Pt
from helsefellesskap_docx.package import ZIP_TIME, package_bytes
from helsefellesskap_docx.writer import WordWriter, prepared_package
from helsefellesskap_docx.zipped import deflated, zip_bytes

import helsefellesskap as hf
from helsefellesskap.errors import RenderError


def _zipfile_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """What the standard library writes for ``members``, as the writer did before."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()


def test_a_zip_of_members_deflated_ahead_is_what_zipfile_writes() -> None:
    members = [
        ("[Content_Types].xml", b"<Types/>"),
        ("word/styles.xml", b"<w:styles>" + b"<w:style/>" * 20_000 + b"</w:styles>"),
        ("word/empty.xml", b""),
        ("word/media/bilde-æøå.png", os.urandom(5_000)),  # a UTF-8 name, incompressible
    ]
    written = zip_bytes(deflated(name, data, date_time=ZIP_TIME) for name, data in members)
    assert written == _zipfile_bytes(members)
    with zipfile.ZipFile(io.BytesIO(written)) as opened:
        assert opened.testzip() is None
        assert [(name, opened.read(name)) for name in opened.namelist()] == members
    assert zip_bytes([]) == _zipfile_bytes([])


def _writer(language: str = "nb", template: Path | None = None) -> WordWriter:
    return WordWriter(
        title="Plan",
        language=language,
        header="Eksempel",
        page_label="Side",
        of_label="av",
        date=dt.date(2025, 1, 1),
        template=template,
    )


def test_the_prepared_parts_give_the_bytes_of_writing_every_part_afresh() -> None:
    writer = _writer()
    writer.document.add_paragraph("Tekst")
    prepared = writer.to_bytes()
    # every part serialised and deflated now, python-docx's way
    assert package_bytes(writer.document) == prepared
    opened = docx.Document(io.BytesIO(prepared))
    assert [p.text for p in opened.paragraphs] == ["Tekst"]
    assert opened.core_properties.created == dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)


def _saved_members(document: DocxDocument) -> list[tuple[str, bytes]]:
    """The members of ``document`` as python-docx's own ``save`` writes them."""
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as opened:
        return [(name, opened.read(name)) for name in opened.namelist()]


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        return [(name, opened.read(name)) for name in opened.namelist()]


def test_the_content_types_and_relationships_kept_are_what_python_docx_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The ``[Content_Types].xml`` and ``.rels`` members kept across documents
    (package.py) are those python-docx writes for each: documents with other parts (a
    picture), other relationships (a link) and the same ones, after each other, with the
    kept members dropped at every document too."""
    from helsefellesskap_docx import package
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(picture, format="PNG")

    def writers() -> list[WordWriter]:
        plain = _writer()
        plain.document.add_paragraph("Tekst")
        linked = _writer("en")
        linked.document.part.relate_to("https://example.org/", RT.HYPERLINK, is_external=True)
        pictured = _writer()
        pictured.document.add_picture(io.BytesIO(picture.getvalue()))
        return [plain, linked, pictured, _writer(), _writer("en")]

    for kept in (package.WRITTEN_KEPT, 1):
        monkeypatch.setattr(package, "WRITTEN_KEPT", kept)
        for writer in writers():
            for _ in range(2):  # the second time from what was kept
                assert _members(writer.to_bytes()) == _saved_members(writer.document)


def test_a_static_part_is_parsed_only_when_asked_for_and_then_written_from_its_tree() -> None:
    writer = _writer()
    styles_part = writer.document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    )
    before = styles_part.blob
    assert before is writer._prepared.deflated["word/styles.xml"][0]  # not serialised again
    writer.document.styles["Normal"].font.size = Pt(20)
    written = zipfile.ZipFile(io.BytesIO(writer.to_bytes())).read("word/styles.xml")
    assert written != before
    assert docx.Document(io.BytesIO(writer.to_bytes())).styles["Normal"].font.size == Pt(20)
    assert _writer().document.styles["Normal"].font.size != Pt(20)  # the next one is untouched


def test_documents_written_in_threads_at_once_are_the_ones_written_one_by_one(
    render_docx: Callable[..., bytes], plan: hf.ActionPlan, bundle: hf.Bundle
) -> None:
    items = [plan, *bundle.documents[:5], bundle.partnership] * 2
    languages = ["nb", "nn", "en"]
    work = [(item, languages[number % 3]) for number, item in enumerate(items)]
    one_by_one = [render_docx(item, lang) for item, lang in work]
    with ThreadPoolExecutor(max_workers=4) as pool:
        at_once = list(pool.map(lambda job: render_docx(*job), work))
    assert at_once == one_by_one


def _in_new_thread(job: Callable[[], bytes]) -> bytes:
    """What ``job`` gives in a thread of its own: one without prototypes kept yet."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(job).result()


def test_a_document_is_the_same_written_first_or_after_others_prototypes_kept_or_dropped(
    render_docx: Callable[..., bytes],
    plan: hf.ActionPlan,
    bundle: hf.Bundle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The prototype elements a thread keeps across documents (outline.py) change no
    byte: a plan written first in a fresh thread, after the bundle's other documents in
    every language, and with the prototypes dropped at almost every document."""
    from helsefellesskap_docx import outline

    first = _in_new_thread(lambda: render_docx(plan, "nb"))

    def after_others() -> bytes:
        for item in [*bundle.documents, bundle.partnership]:
            for language in ("en", "nn"):
                render_docx(item, language)
        return render_docx(plan, "nb")

    assert _in_new_thread(after_others) == first
    monkeypatch.setattr(outline, "PROTOTYPES_KEPT", 2)
    assert _in_new_thread(after_others) == first


def _template(path: Path, font: str) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = font
    template.styles.add_style(f"Malstil {font}", WD_STYLE_TYPE.PARAGRAPH)
    template.save(str(path))


def test_a_changed_template_is_prepared_again(tmp_path: Path) -> None:
    path = tmp_path / "template.docx"
    _template(path, "Georgia")
    first = docx.Document(io.BytesIO(_writer(template=path).to_bytes()))
    assert first.styles["Normal"].font.name == "Georgia"
    _template(path, "Verdana Pro")  # another size, so another key even within one tick
    second = docx.Document(io.BytesIO(_writer(template=path).to_bytes()))
    assert second.styles["Normal"].font.name == "Verdana Pro"
    assert "Malstil Verdana Pro" in [style.name for style in second.styles]


def test_a_missing_or_broken_template_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"nothing\.docx: cannot be used as a Word template"):
        prepared_package(tmp_path / "nothing.docx", "nb", update_fields=False, hyphenate=True)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(RenderError, match=r"broken\.docx: cannot be used as a Word template"):
        _writer(template=broken)


def _footer_texts(data: bytes) -> list[str]:
    footer = docx.Document(io.BytesIO(data)).sections[0].footer
    return [paragraph.text for paragraph in footer.paragraphs]


def test_a_footer_written_before_is_copied_and_each_document_keeps_its_own_words() -> None:
    def footer(line: str, page: str = "Side", language: str = "nb") -> list[str]:
        writer = WordWriter(
            title="Plan",
            language=language,
            label_language="en" if page == "Page" else language,
            header="Eksempel",
            page_label=page,
            of_label="av" if page == "Side" else "of",
            date=dt.date(2025, 1, 1),
            footer_line=line,
        )
        return _footer_texts(writer.to_bytes())

    first = footer("2025-01-01 · helsefellesskap")
    assert footer("2025-01-01 · helsefellesskap") == first  # the copy
    assert footer("2024-06-30 · helsefellesskap")[1] == "2024-06-30 · helsefellesskap"
    assert footer("", page="Page")[0].startswith("Page ")
    assert footer("2025-01-01 · helsefellesskap") == first
    # the same words in another language's package, and the copy for it
    assert footer("2025-01-01 · helsefellesskap", language="nn") == first
    assert footer("2025-01-01 · helsefellesskap", language="nn") == first


def test_a_templates_own_header_and_footer_are_kept_in_every_document(tmp_path: Path) -> None:
    """Whether a template's header and footer hold anything is looked at once per
    prepared package (writer.py): every document keeps a filled one and writes an
    empty one."""
    filled = tmp_path / "filled.docx"
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Fjordvik – mal"
    template.save(str(filled))
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    for _ in range(3):
        opened = docx.Document(io.BytesIO(_writer(template=filled).to_bytes()))
        section = opened.sections[0]
        assert [p.text for p in section.header.paragraphs] == ["Fjordvik – mal"]
        assert section.footer.paragraphs[0].text.startswith("Side ")
        opened = docx.Document(io.BytesIO(_writer(template=empty).to_bytes()))
        assert opened.sections[0].header.paragraphs[0].text == "Eksempel\tPlan"


def test_the_first_section_is_python_docxs_first_section() -> None:
    """first_section finds python-docx's ``sections[0]``: the body's own ``w:sectPr``,
    or the first one a paragraph ends a section with (a landscape table makes some)."""
    from docx.enum.section import WD_ORIENT
    from helsefellesskap_docx.writer import first_section

    document = docx.Document()
    assert first_section(document)._sectPr is document.sections[0]._sectPr
    document.add_paragraph("portrett")
    document.add_section().orientation = WD_ORIENT.LANDSCAPE
    document.add_paragraph("landskap")
    document.add_section()
    assert len(document.sections) == 3
    assert first_section(document)._sectPr is document.sections[0]._sectPr
    assert first_section(document)._sectPr is not document.element.body.sectPr


def test_the_page_widths_are_read_once_a_package_and_the_same() -> None:
    """The text widths a writer reads from its prepared package's first document are
    the widths of every later document's page."""
    first, second = _writer(), _writer()
    section = second.document.sections[0]
    assert section.page_width is not None and section.left_margin is not None
    assert section.right_margin is not None and section.page_height is not None
    sides = section.left_margin + section.right_margin
    assert first.text_width == second.text_width == section.page_width - sides
    assert second.landscape_text_width == section.page_height - sides


def test_a_templates_picture_is_found_again_for_the_same_logo(tmp_path: Path) -> None:
    """A picture of the template (here in its header) is among the package's pictures
    of every document, so the same picture as the logo is one part, as python-docx
    finds it in a package it opens itself."""
    from helsefellesskap_docx.options import WordOptions
    from helsefellesskap_docx.outline import write_outline
    from PIL import Image

    from helsefellesskap.outline import Heading, Outline, runs

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 20), (20, 60, 160)).save(logo)
    template = docx.Document()
    template.sections[0].header.paragraphs[0].add_run().add_picture(str(logo))
    path = tmp_path / "template.docx"
    template.save(str(path))
    outline = Outline(
        kind="action-plan",
        document="plan",
        title="Planen",
        language="nb",
        label_language="nb",
        partnership="test",
        blocks=(Heading(level=1, runs=runs("Planen")),),
    )
    for _ in range(2):  # the first document of the prepared package, and a later one
        data = write_outline(
            outline,
            reader_language="nb",
            header="Test",
            page_label="Side",
            of_label="av",
            date=dt.date(2025, 1, 1),
            options=WordOptions(title_page=True),
            template=path,
            logo=logo,
        )
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert [name for name in names if name.startswith("word/media/")] == [
            "word/media/image1.png"
        ]


@pytest.mark.parametrize(
    ("header", "title"),
    [("Helse & omsorg", "Plan <2025>"), (" kant ", "a\tb\nc\x0bd"), ("Bare navnet", "")],
)
def test_the_header_filled_in_is_the_header_python_docx_writes(
    header: str, title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The running header kept as XML with marks and filled in for each document is
    what python-docx's run and tab setters write for its texts."""

    def header_xml() -> bytes:
        writer = WordWriter(
            title="Planen",
            language="nb",
            header=header,
            header_title=title,
            page_label="Side",
            of_label="av",
            date=dt.date(2025, 1, 1),
        )
        return writer.document.sections[0].header.part.blob

    filled = [header_xml(), header_xml()]  # the first document keeps it, the next fills in
    # python-docx's setters, every time
    monkeypatch.setattr(WordWriter, "_set_header", _python_docx_header)
    written = header_xml()
    assert filled == [written, written]


def _python_docx_header(
    self: WordWriter, paragraph: Any, width: int, *, landscape: bool = False
) -> None:
    self.write_header(paragraph, width)


def test_a_landscape_header_filled_in_is_the_header_python_docx_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A landscape section's own header (the title at its wider right margin), filled
    in, is python-docx's: the whole document the same bytes."""
    from helsefellesskap_docx.outline import write_outline

    from helsefellesskap.outline import (
        Cell,
        Column,
        Heading,
        Outline,
        Paragraph,
        Row,
        RowGroup,
        runs,
    )
    from helsefellesskap.outline import Table as OutlineTable

    columns = tuple(Column(role=f"c{index}") for index in range(6))
    row = Row(cells=tuple(Cell(blocks=(Paragraph(runs=runs("celle")),)) for _ in columns))
    table = OutlineTable(columns=columns, header=(row,), groups=(RowGroup(rows=(row,) * 3),))
    outline = Outline(
        kind="action-plan",
        document="plan",
        title="Plan & <tittel>",
        language="nb",
        label_language="nb",
        partnership="test",
        blocks=(Heading(level=1, runs=runs("Plan")), Paragraph(runs=runs("tekst")), table),
    )

    def write() -> bytes:
        return write_outline(
            outline,
            reader_language="nb",
            header="Helse & omsorg",
            page_label="Side",
            of_label="av",
            date=dt.date(2025, 1, 1),
        )

    filled = [write(), write()]
    assert "word/header2.xml" in zipfile.ZipFile(io.BytesIO(filled[0])).namelist()
    monkeypatch.setattr(WordWriter, "_set_header", _python_docx_header)
    assert filled == [write(), write()]
