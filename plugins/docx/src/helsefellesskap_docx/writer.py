"""The house style of the Word documents, over python-docx.

:class:`WordWriter` knows nothing of partnerships, plans or outlines. It sets up an A4
document in the house style (fonts, heading colours, the table look, the paragraph styles
the outline writer uses: *Title*, *Heading 1–9*, *List Bullet 1–3*, *Table Text*, *Note*,
*Caption*), a running header and a footer with the page number (``Side 3 av 7``), and the
core properties. :mod:`helsefellesskap_docx.outline` writes the blocks into it.

What is the same in every document of a house style (or a partnership's template),
language and settings (the page, the styles, the settings part) is set up once
(:class:`_Setup`) and kept as a :class:`~helsefellesskap_docx.package.PreparedPackage`,
from which each document is opened anew (:func:`prepared_package`); the writer adds
only what differs: the header, the footer and the core properties.

:meth:`WordWriter.to_bytes` gives the same bytes for the same content: the timestamps
of the core properties and of the zip entries are fixed, and the thumbnail of
python-docx's template is left out.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, ParagraphStyle, StyleFactory
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from helsefellesskap.errors import RenderError
from helsefellesskap.render.safe import xml_text

from .fragments import element_xml, parse_paragraph, text_xml
from .package import PreparedPackage, package_bytes

__all__ = [
    "ACCENT_HEX",
    "BORDER_HEX",
    "LANDSCAPE_TEXT_WIDTH",
    "LIGHT_HEX",
    "P_PR_ORDER",
    "TBL_PR_ORDER",
    "TC_PR_ORDER",
    "TEXT_WIDTH",
    "WordWriter",
    "element",
    "field_runs",
    "first_section",
    "insert_ordered",
    "open_template",
    "prepared_package",
    "text_width",
    "word_language",
]

ACCENT = RGBColor(0x1F, 0x38, 0x64)
"""Dark blue of headings and the table header row."""
ACCENT_HEX = "1F3864"
LIGHT_HEX = "E8EEF7"
"""Light blue of the first (goal) column and of highlighted cells."""
BORDER_HEX = "8EA3C2"
MUTED = RGBColor(0x59, 0x59, 0x59)
FONT = "Calibri"
BODY_SIZE = Pt(10.5)
TABLE_SIZE = Pt(9.5)

PAGE_WIDTH = Twips(11906)
"""A4, 210 mm, in the twips Word stores."""
PAGE_HEIGHT = Twips(16838)
"""A4, 297 mm."""
MARGIN_SIDE = Mm(20)
MARGIN_TOP = Mm(22)
MARGIN_BOTTOM = Mm(20)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN_SIDE)
LANDSCAPE_TEXT_WIDTH = Emu(PAGE_HEIGHT - 2 * MARGIN_SIDE)
"""The width of the text on an A4 page turned landscape."""

_LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB", "se": "se-NO"}


def word_language(language: str) -> str:
    """The language tag Word uses for ``language`` (``nb`` becomes ``nb-NO``)."""
    return _LANGUAGE_TAGS.get(language, language)


def _text_run(paragraph: Paragraph, text: str) -> DocxRun:
    """Append a run of ``text`` to ``paragraph``, made safe for XML first: a vertical tab
    or form feed (Word's manual breaks) becomes a line break, any other character XML
    cannot hold is dropped (:func:`helsefellesskap.render.safe.xml_text`), so that no
    text of the data can make python-docx fail."""
    return paragraph.add_run(xml_text(text))


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """A new WordprocessingML element ``tag`` (``w:shd``) with ``attributes``."""
    found: BaseOxmlElement = OxmlElement(tag)
    for name, value in attributes.items():
        found.set(qn(name), value)
    return found


def first_section(document: DocxDocument) -> Section:
    """``document.sections[0]`` without python-docx's XPath of every section (compiled
    for each look): the first ``w:sectPr`` of a paragraph of the body, or the body's own."""
    body = document.element.body
    for child in body.iterchildren(_W_P, _W_SECT_PR):
        if child.tag == _W_SECT_PR:
            return Section(child, document.part)
        properties = child.find(_W_P_PR)
        found = properties.find(_W_SECT_PR) if properties is not None else None
        if found is not None:
            return Section(found, document.part)
    raise ValueError("the document has no section")


_W_P, _W_P_PR, _W_SECT_PR = qn("w:p"), qn("w:pPr"), qn("w:sectPr")


_HEADER_MARK, _TITLE_MARK = "\ue000header\ue000", "\ue000title\ue000"
"""Texts the running header is written with once, to find where each document's go."""
_MARK = "\x00"
"""Where a text goes in the header's XML kept (a character no XML text holds)."""


def _order(names: str) -> tuple[str, ...]:
    return tuple(names.split())


# The order of children the schema prescribes, where we add children ourselves: Word
# refuses a document whose property elements come in another order.
TBL_PR_ORDER = _order(
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize w:tblStyleColBandSize"
    " w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar"
    " w:tblLook w:tblCaption w:tblDescription"
)
P_PR_ORDER = _order(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr"
    " w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap"
    " w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd"
    " w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc"
    " w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle"
    " w:rPr w:sectPr w:pPrChange"
)
TC_PR_ORDER = _order(
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar"
    " w:textDirection w:tcFitText w:vAlign w:hideMark"
)


SETTINGS_ORDER = _order(
    "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime"
    " w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText"
    " w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts w:embedSystemFonts"
    " w:saveSubsetFonts w:saveFormsData w:mirrorMargins w:alignBordersAndEdges"
    " w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter w:gutterAtTop"
    " w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle w:proofState"
    " w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter"
    " w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions"
    " w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride"
    " w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation"
    " w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope"
    " w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders"
    " w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets"
    " w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing"
    " w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery"
    " w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin"
    " w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning"
    " w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars w:noLineBreaksAfter"
    " w:noLineBreaksBefore w:savePreviewPicture w:doNotValidateAgainstSchema"
    " w:saveInvalidXml w:ignoreMixedContent w:alwaysShowPlaceholderText"
    " w:doNotDemarcateInvalidXml w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt"
    " w:showXMLTags w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults"
    " w:footnotePr w:endnotePr w:compat w:docVars w:rsids"
)
"""The order of the children of ``w:settings``, up to the ones this module adds after."""

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    *(f"Heading {n}" for n in range(1, 10)),
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "List Continue",
    "List Continue 2",
    "List Continue 3",
    "Intense Quote",
    "Caption",
    "Header",
    "Footer",
    "TOC Heading",
)
"""The paragraph styles the writer uses: taken from python-docx's own template where a
partnership's template lacks them."""


@functools.lru_cache(maxsize=16)
def _template_bytes(path: Path, _mtime_ns: int, _size: int) -> bytes:
    """The template's bytes as a document (a ``.dotx`` converted), kept while the file
    is unchanged (its time and size are part of the key), so rendering many documents
    reads and converts it once. Thread-safe: the bytes are never changed."""
    data = path.read_bytes()
    if path.suffix.lower() == ".dotx":  # python-docx opens documents only
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(info, content)
        data = out.getvalue()
    return data


def _bad_template(path: Path, error: Exception) -> RenderError:
    """The error of a template that cannot be read or opened: which, and why."""
    from ._messages import message

    return RenderError(message("word.bad_template", path=path, error=error))


def open_template(path: Path) -> DocxDocument:
    """The Word template at ``path`` (``.docx`` or ``.dotx``) opened as a new document
    (its file read once while unchanged; each call gets its own document to fill)."""
    try:
        status = path.stat()
        data = _template_bytes(path, status.st_mtime_ns, status.st_size)
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # a broken file: say which, never a traceback
        raise _bad_template(path, error) from None


def text_width(document: DocxDocument) -> int:
    """The width of the text between the side margins of the first section (EMU)."""
    section = document.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return int(TEXT_WIDTH)
    return int(width - left - right)


def field_runs(instruction: str, shown: str | None) -> list[BaseOxmlElement]:
    """The runs of a complex field: its beginning, ``instruction`` (``PAGE``), the
    separator, a run showing ``shown`` until the field is updated (none for ``None``)
    and its end."""
    runs: list[BaseOxmlElement] = []
    for part in ("begin", "instr", "separate", "text", "end"):
        r = OxmlElement("w:r")
        if part == "instr":
            instr = element("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {instruction} "
            r.append(instr)
        elif part == "text":
            if shown is None:
                continue
            text = element("w:t")
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text.text = shown
            r.append(text)
        else:
            r.append(element("w:fldChar", **{"w:fldCharType": part}))
        runs.append(r)
    return runs


@functools.lru_cache(maxsize=256)
def _later(order: tuple[str, ...], tag: str) -> frozenset[str]:
    """The tags (Clark notation) that ``order`` puts after ``tag`` (Clark notation)."""
    names = [qn(name) for name in order]
    return frozenset(names[names.index(tag) + 1 :])


def insert_ordered(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Insert ``child`` into ``parent`` where the schema's ``order`` puts it."""
    later = _later(tuple(order), child.tag)
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(child)
            return
    parent.append(child)


class _Setup:
    """What every document of a house style or template shares, set up once into the
    document that :class:`~helsefellesskap_docx.package.PreparedPackage` keeps: the
    page, the styles, the settings, the parts of the header and footer; a template's
    body dropped and the styles it lacks added. ``language`` is the document's,
    ``templated`` whether the document is a partnership's template."""

    def __init__(self, document: DocxDocument, language: str, *, templated: bool) -> None:
        self.document = document
        self.language = language
        self.templated = templated

    def run(self, *, update_fields: bool, hyphenate: bool) -> None:
        """Set the document up (see the class)."""
        self._drop_thumbnail()
        if self.templated:
            self._clear_body()
            self._add_missing_styles()
            self._set_language()
        else:
            self._set_page()
            self._set_styles()
        self._add_own_styles()
        self._set_settings(update_fields=update_fields, hyphenate=hyphenate)
        # the first section's header and footer parts, each document's to fill (where a
        # template's are empty), made here as the writer would make them for each
        section = self.document.sections[0]
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False

    @property
    def text_width(self) -> int:
        """The width of the text between the side margins (EMU)."""
        return text_width(self.document)

    def _drop_thumbnail(self) -> None:
        rels = self.document.part.package.rels
        for rel_id, rel in list(rels.items()):
            if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
                del rels[rel_id]

    def _clear_body(self) -> None:
        """Drop the template's body text, keeping its page set-up (the last ``w:sectPr``)."""
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def _add_missing_styles(self) -> None:
        """Copy the paragraph styles the writer uses, and those they are based on, from
        python-docx's own template where the partnership's template lacks them."""
        own = self.document.styles.element
        have = {style.get(qn("w:styleId")) for style in own.iter(qn("w:style"))}
        default = docx.Document().styles.element
        by_id = {style.get(qn("w:styleId")): style for style in default.iter(qn("w:style"))}
        by_name: dict[str, BaseOxmlElement] = {}
        for style in by_id.values():
            name = style.find(qn("w:name"))
            if name is not None:
                by_name[name.get(qn("w:val"), "").lower()] = style
        for wanted in _REQUIRED_STYLES:
            style = by_name.get(wanted.lower())
            while style is not None and style.get(qn("w:styleId")) not in have:
                have.add(style.get(qn("w:styleId")))
                own.append(copy.deepcopy(style))
                based = style.find(qn("w:basedOn"))
                style = by_id.get(based.get(qn("w:val"))) if based is not None else None

    def _set_language(self) -> None:
        """The document's language as the default run language (hyphenation and spelling
        follow it)."""
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = element("w:docDefaults")
            self.document.styles.element.insert(0, defaults)
        r_pr_default = defaults.find(qn("w:rPrDefault"))
        if r_pr_default is None:
            r_pr_default = element("w:rPrDefault")
            defaults.insert(0, r_pr_default)
        r_pr = r_pr_default.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = element("w:rPr")
            r_pr_default.append(r_pr)
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = element("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), word_language(self.language))

    def _set_settings(self, *, update_fields: bool, hyphenate: bool) -> None:
        settings = self.document.settings.element
        wanted = {"w:autoHyphenation": hyphenate, "w:updateFields": update_fields}
        for tag, on in wanted.items():
            existing = settings.find(qn(tag))
            if existing is not None:
                settings.remove(existing)
            if on:
                insert_ordered(settings, element(tag, **{"w:val": "true"}), SETTINGS_ORDER)

    def _set_page(self) -> None:
        section = self.document.sections[0]
        section.page_width = PAGE_WIDTH
        section.page_height = PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin = MARGIN_TOP
        section.bottom_margin = MARGIN_BOTTOM
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _paragraph_style(self, name: str) -> ParagraphStyle:
        style = self.document.styles[name]
        assert isinstance(style, ParagraphStyle)
        return style

    def _set_font(self, style: ParagraphStyle, size: Pt | None = None) -> None:
        font = style.font
        font.name = FONT
        if size is not None:
            font.size = size
        r_pr = style.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is not None:  # theme fonts win over named ones in Word: drop them
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attribute), None)
            fonts.set(qn("w:cs"), FONT)

    def _set_styles(self) -> None:
        styles = self.document.styles
        tag = word_language(self.language)
        defaults = styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            if r_pr is not None:
                lang = r_pr.find(qn("w:lang"))
                if lang is None:
                    lang = element("w:lang")
                    r_pr.append(lang)
                lang.set(qn("w:val"), tag)
        normal = self._paragraph_style("Normal")
        self._set_font(normal, BODY_SIZE)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1
        sizes = {"Title": Pt(26), "Subtitle": Pt(13), "Heading 1": Pt(16)}
        sizes |= {"Heading 2": Pt(13), "Heading 3": Pt(11.5), "Heading 4": Pt(10.5)}
        for name, size in sizes.items():
            style = self._paragraph_style(name)
            self._set_font(style, size)
            style.font.color.rgb = MUTED if name == "Subtitle" else ACCENT
            style.font.bold = name.startswith("Heading") or name == "Title"
            style.font.italic = False
            fmt = style.paragraph_format
            fmt.keep_with_next = True
            if name.startswith("Heading"):
                level = int(name.rsplit(" ", 1)[1])
                fmt.space_before = Pt({1: 18, 2: 14, 3: 10}.get(level, 8))
                fmt.space_after = Pt(6 if level == 1 else 4)
        quote = self._paragraph_style("Intense Quote")
        self._set_font(quote, Pt(13))
        quote.font.color.rgb = ACCENT
        quote.font.bold = True
        quote.font.italic = False
        quote_borders = quote.element.get_or_add_pPr().find(qn("w:pBdr"))
        if quote_borders is not None:
            for edge in quote_borders:
                edge.set(qn("w:color"), ACCENT_HEX)
        title = self._paragraph_style("Title")
        title.paragraph_format.space_after = Pt(4)
        p_pr = title.element.get_or_add_pPr()
        border = p_pr.find(qn("w:pBdr"))
        if border is not None:  # the template underlines the title; keep it, in our colour
            for edge in border:
                edge.set(qn("w:color"), ACCENT_HEX)
        for name in ("Header", "Footer"):
            style = self._paragraph_style(name)
            self._set_font(style, Pt(8.5))
            style.font.color.rgb = MUTED
            tabs = style.element.get_or_add_pPr().find(qn("w:tabs"))
            if tabs is not None:  # the template's stops are set for US Letter: drop them
                tabs.getparent().remove(tabs)
        for name in ("List Bullet", "List Bullet 2", "List Bullet 3"):
            style = self._paragraph_style(name)
            self._set_font(style, BODY_SIZE)
            style.paragraph_format.space_after = Pt(2)
        caption = self._paragraph_style("Caption")
        self._set_font(caption, Pt(9.5))
        caption.font.color.rgb = ACCENT
        caption.font.bold = True
        caption.font.italic = False
        caption.paragraph_format.keep_with_next = True

    def _new_style(self, name: str) -> BaseStyle:
        """A new paragraph style called ``name``, which the caller knows the document
        lacks: what ``styles.add_style(name, PARAGRAPH)`` adds, without its search of
        every style for the name (most of the time of setting up a document)."""
        element = self.document.styles.element.add_style_of_type(
            BabelFish.ui2internal(name), WD_STYLE_TYPE.PARAGRAPH, False
        )
        return StyleFactory(element)

    def _add_own_styles(self) -> None:
        """The styles python-docx's template lacks: *Table Text*, *Note*, *toc 1–9*
        (where the document, or the partnership's template, does not have them)."""
        styles = self.document.styles
        names = {  # each style's UI name (``BaseStyle.name``), without a style object each
            BabelFish.internal2ui(name)
            for name in (style.name_val for style in styles.element.style_lst)
            if name is not None
        }
        normal = self._paragraph_style("Normal")
        if "Table Text" not in names:
            table_text = self._new_style("Table Text")
            assert isinstance(table_text, ParagraphStyle)
            table_text.base_style = normal
            table_text.font.size = TABLE_SIZE
            table_text.paragraph_format.space_after = Pt(2)
            table_text.paragraph_format.line_spacing = 1.0
            table_text.quick_style = True
        if "Note" not in names:
            note = self._new_style("Note")
            assert isinstance(note, ParagraphStyle)
            note.base_style = normal
            note.font.size = Pt(9)
            note.font.color.rgb = MUTED
            note.quick_style = True
        for level in range(1, 10):
            name = f"toc {level}"
            if name in names:
                continue
            toc = self._new_style(name)
            assert isinstance(toc, ParagraphStyle)
            toc.base_style = normal
            toc.hidden = False
            toc.unhide_when_used = True
            toc.priority = 39
            fmt = toc.paragraph_format
            fmt.left_indent = Mm(5 * (level - 1))
            fmt.space_after = Pt(3)
            fmt.tab_stops.add_tab_stop(
                Emu(self.text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )


@functools.lru_cache(maxsize=32)
def _prepared(
    template: tuple[Path, int, int] | None, language: str, update_fields: bool, hyphenate: bool
) -> PreparedPackage:
    """The package of every document of the house style (``template`` ``None``) or of
    the template (its path, time and size: a changed file is prepared again) in
    ``language`` with these settings, set up once (:class:`_Setup`)."""
    document = open_template(template[0]) if template is not None else docx.Document()
    _Setup(document, language, templated=template is not None).run(
        update_fields=update_fields, hyphenate=hyphenate
    )
    _own_header_and_footer(document)
    return PreparedPackage(document)


def _own_header_and_footer(document: DocxDocument) -> None:
    """Give the first section a header and a footer of its own where it has none that
    holds anything (a template's that does is kept): every document writes its own
    into them (:class:`WordWriter`), and the parts made once here spare each document
    python-docx's making them (reading its default part from a file, naming and
    relating it): the same parts, part names and relationships in the same order as
    when each document made them."""
    section = first_section(document)
    if not WordWriter._has_content(section.header):
        section.header.is_linked_to_previous = False
    if not WordWriter._has_content(section.footer):
        section.footer.is_linked_to_previous = False


def prepared_package(
    template: Path | None, language: str, *, update_fields: bool, hyphenate: bool
) -> PreparedPackage:
    """The prepared package (:class:`~helsefellesskap_docx.package.PreparedPackage`) of
    the house style or of ``template`` for a document in ``language``: made the first
    time, and kept (for each template while its file is unchanged)."""
    if template is None:
        return _prepared(None, language, update_fields, hyphenate)
    try:
        status = template.stat()
    except OSError as error:
        raise _bad_template(template, error) from None
    key = (template, status.st_mtime_ns, status.st_size)
    return _prepared(key, language, update_fields, hyphenate)


class WordWriter:
    """Builds one Word document in the house style.

    :param title: the document title (core properties, and the header's right side).
    :param language: the language of the document's data (``nb``, ``nn``, ``en``); sets
        the proofing language of the styles and the core property.
    :param label_language: the language of the labels, where it differs: the footer's
        words are marked with it.
    :param header: the running header text (the partnership's name).
    :param header_title: the text at the right of the header (the title by default);
        empty for a header of ``header`` alone.
    :param page_label: the word before the page number in the footer (``Side``).
    :param of_label: the word between the page number and the page count (``av``).
    :param date: the date written into the core properties (created and modified).
    :param author: the author core property.
    :param subject: the subject core property.
    :param keywords: the keywords core property.
    :param template: a Word template (``.docx``, ``.dotx``) whose styles, page set-up,
        header and footer the document takes instead of the house style's; its body is
        dropped. Styles the writer needs and the template lacks come from python-docx's.
    :param footer_line: a line under the page number in the footer (the date and the
        library's version); none where empty.
    :param update_fields: ask Word to update the fields (the table of contents) when the
        document is opened (``w:updateFields``).
    :param hyphenate: automatic hyphenation in the document's language
        (``w:autoHyphenation``).
    """

    def __init__(
        self,
        *,
        title: str,
        language: str,
        label_language: str | None = None,
        header: str,
        header_title: str | None = None,
        page_label: str,
        of_label: str,
        date: dt.date,
        author: str = "",
        subject: str = "",
        keywords: str = "",
        template: Path | None = None,
        footer_line: str = "",
        update_fields: bool = False,
        hyphenate: bool = True,
    ) -> None:
        self._prepared = prepared_package(
            template, language, update_fields=update_fields, hyphenate=hyphenate
        )
        self.document: DocxDocument = self._prepared.open()
        self.templated = template is not None
        self.language = language
        self.label_language = label_language if label_language != language else None
        self._header_text = (header, title if header_title is None else header_title)
        self._landscape_reference: BaseOxmlElement | None = None
        self._widths: tuple[int, int] | None = None  # (portrait, landscape): text_width
        section = first_section(self.document)
        header_filled, footer_filled = self._filled(section)
        if not header_filled:
            self._set_header(section.header.paragraphs[0], self.text_width)
        if not footer_filled:
            self._set_footer(section, page_label, of_label, footer_line)
        self._set_properties(
            title=title, date=date, author=author, subject=subject, keywords=keywords
        )

    # -- set-up -------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """The width of the text between the side margins of the first section (EMU),
        as the document was set up (found once: python-docx searches the whole body
        for its sections each time)."""
        if self._widths is None:
            self._widths = self._page_widths()
        return self._widths[0]

    @property
    def landscape_text_width(self) -> int:
        """The width of the text of the first section's page turned landscape (EMU), as
        the document was set up."""
        if self._widths is None:
            self._widths = self._page_widths()
        return self._widths[1]

    def _page_widths(self) -> tuple[int, int]:
        """The widths of :attr:`text_width` and :attr:`landscape_text_width`: the same
        for every document of the prepared package, which opens each with the same
        section (the writer changes it only after asking), so read in the first one."""
        key = ("page widths",)
        found = self._prepared.memo(key)
        if found is None:
            widths = self._read_page_widths()
            found = b"%d %d" % widths
            self._prepared.keep(key, found)
        portrait, landscape = found.split()
        return int(portrait), int(landscape)

    def _read_page_widths(self) -> tuple[int, int]:
        section = self.document.sections[0]
        width, height = section.page_width, section.page_height
        left, right = section.left_margin, section.right_margin
        if width is None or left is None or right is None:
            portrait = int(TEXT_WIDTH)
        else:
            portrait = int(width - left - right)
        if height is None or left is None or right is None:
            return portrait, int(LANDSCAPE_TEXT_WIDTH)
        return portrait, int(height - left - right)

    def _filled(self, section: Section) -> tuple[bool, bool]:
        """Whether the first section's header and footer (a template's) hold anything
        (:meth:`_has_content`): the same for every document of the prepared package,
        which opens each with the same parts, so looked at in the first one only."""
        key = ("filled header and footer",)
        found = self._prepared.memo(key)
        if found is None:
            found = bytes((self._has_content(section.header), self._has_content(section.footer)))
            self._prepared.keep(key, found)
        return bool(found[0]), bool(found[1])

    @staticmethod
    def _has_content(part: object) -> bool:
        """Whether a header or footer (of a template) holds any text, field or picture."""
        element = getattr(part, "_element", None)
        if element is None or getattr(part, "is_linked_to_previous", True):
            return False
        return any(
            node.tag in (qn("w:t"), qn("w:instrText"), qn("w:drawing"), qn("w:pict"))
            and (node.tag != qn("w:t") or (node.text or "").strip())
            for node in element.iter()
        )

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` (its name in Word's interface, ``Heading
        1``), as python-docx's ``styles[name].style_id`` finds it (a :class:`KeyError`
        where the document has no such style), from the prepared package's map: python-
        docx walks every style for each look-up, and assigning the id directly keeps
        big documents fast."""
        found = self._prepared.style_ids.get(BabelFish.ui2internal(name))
        if found is None:
            raise KeyError(f"no style with name '{name}'")
        return found

    def _styled(self, paragraph: Paragraph, name: str | None) -> Paragraph:
        if name is not None:
            paragraph._p.style = self.style_id(name)
        return paragraph

    def _set_header(self, paragraph: Paragraph, width: int, *, landscape: bool = False) -> None:
        """The running header (:meth:`write_header`) for a text ``width`` (EMU) wide
        into ``paragraph``, the first of the first section's header, or of a new
        ``landscape`` section's header: python-docx writes it, with marks for the texts, into a
        copy of the paragraph for the first document of the prepared package with a
        title or without at this width (every document's paragraph is the same before),
        serialised; each document fills in its own texts and parses that."""
        header, title = self._header_text
        key = ("header", bool(title), width, landscape)
        ready = self._prepared.memo(key)
        if ready is None:
            scratch = Paragraph(copy.deepcopy(paragraph._p), paragraph._parent)
            texts = (_HEADER_MARK, _TITLE_MARK if title else "")
            self.write_header(scratch, width, texts)
            xml = element_xml(scratch._p)
            for mark in texts:
                if mark:
                    xml = xml.replace(f"<w:t>{mark}</w:t>", _MARK, 1)
            ready = xml.encode("utf-8")
            self._prepared.keep(key, ready)
        pieces = ready.decode("utf-8").split(_MARK)
        filled = [pieces[0]]
        for text, piece in zip((header, title), pieces[1:], strict=False):
            filled += (text_xml(xml_text(text)), piece)
        made = parse_paragraph("".join(filled))
        paragraph._p.getparent().replace(paragraph._p, made)

    def write_header(
        self, paragraph: Paragraph, width: int, texts: tuple[str, str] | None = None
    ) -> None:
        """The running header into ``paragraph``, for a text ``width`` (EMU) wide: the
        writer's header and title, or ``texts``."""
        header, title = texts or self._header_text
        self._styled(paragraph, "Header")
        if title:  # the partnership at the left in bold, the title at the right
            paragraph.paragraph_format.tab_stops.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)
            name = _text_run(paragraph, header)
            name.bold = True
            _text_run(paragraph, "\t" + title)
        else:  # a running head that names both
            _text_run(paragraph, header)
        self._bottom_border(paragraph)

    def landscape_header(self, sect_pr: BaseOxmlElement) -> None:
        """Give the landscape section ``sect_pr`` a header of its own where the running
        header has a right tab (the title at the right margin), which a landscape page
        puts elsewhere; all landscape sections share it."""
        if self.templated or not self._header_text[1]:
            return
        for reference in sect_pr.findall(qn("w:headerReference")):
            if reference.get(qn("w:type")) == "default":
                sect_pr.remove(reference)
        if self._landscape_reference is not None:
            sect_pr.insert(0, copy.deepcopy(self._landscape_reference))
            return
        section = Section(sect_pr, self.document.part)
        section.header.is_linked_to_previous = False
        self._set_header(section.header.paragraphs[0], self.landscape_text_width, landscape=True)
        for reference in sect_pr.findall(qn("w:headerReference")):
            if reference.get(qn("w:type")) == "default":
                self._landscape_reference = reference

    def _bottom_border(self, paragraph: Paragraph) -> None:
        p_pr = paragraph._p.get_or_add_pPr()
        borders = element("w:pBdr")
        edge = {"w:val": "single", "w:sz": "4", "w:space": "4", "w:color": BORDER_HEX}
        borders.append(element("w:bottom", **edge))
        insert_ordered(p_pr, borders, P_PR_ORDER)

    def _set_footer(self, section: Section, page_label: str, of_label: str, line: str) -> None:
        """The footer: the page number and count with their labels, and the line under
        them; written by python-docx for the first document of the prepared package
        with these words, and a copy of that footer for every later one (the same few
        footers recur in a partnership's documents)."""
        footer = section.footer.part.element
        key = ("footer", page_label, of_label, line, self.label_language)
        ready = self._prepared.memo(key)
        if ready is not None:
            footer[:] = list(parse_xml(ready))  # the footer's paragraphs, as written before
            return
        self._write_footer(page_label, of_label, line)
        self._prepared.keep(key, serialize_part_xml(footer))

    def _write_footer(self, page_label: str, of_label: str, line: str) -> None:
        section = self.document.sections[0]
        paragraph = section.footer.paragraphs[0]
        self._styled(paragraph, "Footer")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._label_run(paragraph, f"{page_label} ")
        self.field(paragraph, "PAGE", "1")
        self._label_run(paragraph, f" {of_label} ")
        self.field(paragraph, "NUMPAGES", "1")
        if line:
            second = self._styled(section.footer.add_paragraph(), "Footer")
            second.alignment = WD_ALIGN_PARAGRAPH.CENTER
            second.paragraph_format.space_before = Pt(2)
            _text_run(second, line).font.size = Pt(7.5)

    def _label_run(self, paragraph: Paragraph, text: str) -> None:
        """A run of a label, marked with the labels' language where it is not the data's."""
        run = _text_run(paragraph, text)
        if self.label_language is not None:
            r_pr = run._r.get_or_add_rPr()
            r_pr.append(element("w:lang", **{"w:val": word_language(self.label_language)}))

    def _set_properties(
        self, *, title: str, date: dt.date, author: str, subject: str, keywords: str
    ) -> None:
        props = self.document.core_properties
        moment = dt.datetime(date.year, date.month, date.day, 12, 0, tzinfo=dt.UTC)
        props.title = xml_text(title, " ")
        props.language = word_language(self.language)
        props.author = xml_text(author, " ")
        props.subject = xml_text(subject, " ")
        props.keywords = xml_text(keywords, " ")
        props.comments = ""
        props.last_modified_by = xml_text(author, " ")
        props.revision = 1
        props.created = moment
        props.modified = moment
        props.last_printed = moment

    # -- blocks -------------------------------------------------------------------------

    @staticmethod
    def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
        """Append a complex field (``PAGE``, ``NUMPAGES``) showing ``shown`` until updated."""
        for r in field_runs(instruction, shown):
            paragraph._p.append(r)

    # -- table XML ----------------------------------------------------------------------

    def table_look(self, table: Table) -> None:
        """Give ``table`` the house look: thin borders in the accent colour, cell margins."""
        tbl_pr = table._tbl.tblPr
        borders = element("w:tblBorders")
        line = {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": BORDER_HEX}
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(element(f"w:{edge}", **line))
        insert_ordered(tbl_pr, borders, TBL_PR_ORDER)
        margins = element("w:tblCellMar")
        for edge, width in (("top", "57"), ("left", "85"), ("bottom", "57"), ("right", "85")):
            margins.append(element(f"w:{edge}", **{"w:w": width, "w:type": "dxa"}))
        insert_ordered(tbl_pr, margins, TBL_PR_ORDER)

    # -- output -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The document as the bytes of a ``.docx`` file, the same for the same content
        (:func:`~helsefellesskap_docx.package.package_bytes`: what ``Document.save``
        writes, with fixed times, the prepared parts deflated once)."""
        return package_bytes(self.document, self._prepared)
