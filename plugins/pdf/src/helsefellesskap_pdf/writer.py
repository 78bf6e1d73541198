"""The PDF writer: the HTML format's page of an outline, laid out on paged media.

The page is the one the HTML format writes (its page template per document type, its
macros per block, its stylesheet), with two additions made through the HTML
environment's template chain, never by copying its macros:

* ``pdf/page.html.j2`` extends the page template and fills its ``contents`` block with
  the HTML format's table of contents (long documents only), on a page of its own;
* ``pdf/paged.css.j2`` is the paged stylesheet, set after the page's own in its
  ``<head>`` so that its rules win over the page's print rules: A4, the running head
  and footer, the page numbers in the table of contents (``target-counter``), the
  bookmark levels, a free font with Norwegian and Sami letters, and landscape pages for
  tables of :data:`LANDSCAPE_COLUMNS` or more columns.

The governance diagram's description, which the web page gives screen readers inside
the drawing, is printed under it (:func:`described_svg`).

Both templates can be overridden by a partnership in a template folder of its own (``pdf/``).
Links to other documents of the bundle point to their PDF files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from helsefellesskap import RenderContext
from helsefellesskap.errors import RenderError
from helsefellesskap.outline import GovernanceDiagram, Outline
from helsefellesskap.render.dates import document_date, footer_line
from helsefellesskap.render.format import Renderable, linked_file_name
from helsefellesskap.render.html import DOCUMENT_TEMPLATE, page_values, template_environment
from helsefellesskap.render.svg import governance_svg

from ._messages import message

__all__ = [
    "CONTENTS_KINDS",
    "LANDSCAPE_COLUMNS",
    "PAGE_TEMPLATE",
    "STYLESHEET",
    "TEMPLATES",
    "described_svg",
    "paged_html",
    "write_pdf",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The plugin's template folder, searched after the partnership's and before the
built-in HTML templates."""

PAGE_TEMPLATE = "pdf/page.html.j2"
"""The page: the HTML page template of the document's type, with a table of contents."""

STYLESHEET = "pdf/paged.css.j2"
"""The paged stylesheet, set after the page's own."""

CONTENTS_KINDS = frozenset({"action-plan", "annual-report"})
"""Document types whose PDF has a table of contents with page numbers."""

LANDSCAPE_COLUMNS = 5
"""A table of this many columns or more goes on a landscape page (in an action plan,
with the focus area that holds it)."""

MAX_COLUMNS = 30
"""The widest table the stylesheet names (a wider one is on a landscape page too)."""


_NUMBER_END = re.compile(r'(<span class="number">[^<]*</span>)(?=[^\s<])')
"""A heading's number right before its text: the HTML page separates them by a margin
only, which a bookmark (made from the heading's text) and copied text do not show
(``1Innledning``); a space is put after it."""


def _document_file(context: RenderContext) -> Callable[[str], str]:
    """``document_href(id)``: the PDF file name of the document ``id`` of the bundle."""
    from .format import PdfFormat

    return lambda document_id: linked_file_name(document_id, context, PdfFormat())


def described_svg(
    diagram: GovernanceDiagram, *, description: str = "", language: str | None = None, **rest: Any
) -> Markup:
    """The HTML format's governance drawing, followed by its ``description`` as a
    paragraph (``class="figure-description"``): printed, the description a web page
    gives screen readers inside the drawing must be on the paper to be read at all."""
    drawing = governance_svg(diagram, description=description, language=language, **rest)
    if not description:
        return drawing
    lang = Markup(' lang="{}"').format(language) if language else Markup("")
    return drawing + Markup('\n<p class="figure-description" dir="auto"{}>{}</p>').format(
        lang, description
    )


def paged_html(
    outline: Outline, context: RenderContext, page: str, item: Renderable
) -> str:
    """The HTML page of ``outline`` (``page`` is its HTML page template) with the paged
    stylesheet last in its ``<head>``."""
    import jinja2

    environment = template_environment((*context.template_dirs, TEMPLATES))
    values = page_values(outline, context)
    values.update(
        document_href=_document_file(context),
        svg=described_svg,
        with_contents=outline.kind in CONTENTS_KINDS and bool(values["contents"]),
        page_label=context.label("pdf.page"),
        of_label=context.label("pdf.page_of"),
        footer_line=footer_line(item),
        landscape_columns=LANDSCAPE_COLUMNS,
        wide_tables=[f"table.cols-{n}" for n in range(LANDSCAPE_COLUMNS, MAX_COLUMNS + 1)],
    )
    try:
        values["page_template"] = environment.select_template([page, DOCUMENT_TEMPLATE])
        html = environment.get_template(PAGE_TEMPLATE).render(values)
        css = environment.get_template(STYLESHEET).render(values)
    except jinja2.TemplateError as error:
        name = getattr(error, "name", None) or getattr(error, "filename", None) or page
        text = getattr(error, "message", None) or str(error)
        raise RenderError(message("pdf.template_error", name=repr(name), error=text)) from error
    html = _NUMBER_END.sub(r"\1 ", html)
    head_end = html.find("</head>")
    if head_end < 0:
        raise RenderError(message("pdf.no_head", page=repr(page)))
    return html[:head_end] + f"<style>\n{css}</style>\n" + html[head_end:]


def _w3c(date: dt.date) -> str:
    return date.isoformat() + "T00:00:00Z"


def write_pdf(outline: Outline, context: RenderContext, page: str, item: Renderable) -> bytes:
    """The bytes of the PDF of ``outline``: A4, tagged, its fonts embedded (as subsets),
    its language and title in the metadata, dated by the document rather than the clock."""
    import weasyprint

    html = paged_html(outline, context, page, item)
    document = weasyprint.HTML(string=html, base_url=None).render(pdf_tags=True)
    stamp = _w3c(document_date(item))
    document.metadata.created = stamp
    document.metadata.modified = stamp
    document.metadata.title = outline.title
    document.metadata.authors = [outline.partnership]
    identifier = f"{outline.partnership}/{outline.document}/{outline.language}".encode()
    data = document.write_pdf(pdf_tags=True, pdf_identifier=identifier)
    assert data is not None
    return bytes(data)
