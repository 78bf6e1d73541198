"""The HTML render format: one standalone, printable, accessible page per document.

A page is written from the document's outline (:func:`helsefellesskap.outline.build_outline`):
the page template of its type extends ``base.html.j2`` (the masthead, the stylesheet
with its print rules, the colophon) and writes ``outline.blocks`` with the macros of
``outline.html.j2``, one macro per kind of block and run. What a page shows and in what
order is the outline's; the templates decide only how it looks.

Autoescaping is on for every template, whatever its name, and every text of the data
is made safe once, where it is printed (:func:`text_markup` for the runs of the
outline, :func:`safe_value` for any other value): characters HTML cannot hold go, a
vertical tab or form feed is a line break, and bidirectional controls a text opens are
closed at its end.

Templates are looked up in a chain: the folders of the partnership's plugins, then the
folders plugins give for every partnership (both in ``RenderContext.template_dirs``),
then the built-in templates. An override can extend the built-in template it replaces
under the prefix ``builtin/`` (``{% extends "builtin/action-plan.html.j2" %}``) and
change one block of the page (``masthead``, ``front``, ``contents``, ``body``,
``footer``); and a template ``blocks/<role>.html.j2`` changes the look of every block
with that role (``abbreviations``, ``measures``, ``focus-area`` …) on every page.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs
from markupsafe import Markup

from .._version import __version__
from ..errors import RenderError
from ..model import Bundle, Document, Partnership
from ..model.links import LINK_SCHEMES
from ..outline.blocks import (
    Aside,
    Block,
    BulletList,
    Emphasis,
    Facts,
    Figure,
    Heading,
    Inlines,
    LineBreak,
    Link,
    NumberedList,
    Outline,
    PageBreak,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    inline_text,
)
from ..outline.build import CORE_BUILDERS
from .chart_svg import figure_svg
from .format import (
    CORE_RENDERABLES,
    Renderable,
    RenderContext,
    RenderFormat,
    linked_file_name,
)
from .html_table import table_layout
from .safe import balance_bidi, has_unsafe, xml_text

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "BUILTIN_PREFIX",
    "DOCUMENT_TEMPLATE",
    "OWN_LABELS",
    "ROLE_FOLDER",
    "ContentsEntry",
    "HtmlFormat",
    "IndexEntry",
    "block_kind",
    "contents_of",
    "css_string",
    "index_page",
    "page_template",
    "page_values",
    "run_kind",
    "safe_value",
    "template_environment",
    "text_markup",
    "write_page",
]

TEMPLATE_PACKAGE = ("helsefellesskap", "render/templates")
"""Where the built-in templates live: package and folder inside it."""

BUILTIN_PREFIX = "builtin"
"""Templates under this prefix are always the built-in ones, for overrides to extend."""

ROLE_FOLDER = "blocks"
"""A template ``blocks/<role>.html.j2`` writes every block with that role."""

DOCUMENT_TEMPLATE = "document.html.j2"
"""The page of a document type without a page template of its own (``<kind>.html.j2``):
a plugin's document type that provides its outline."""


OWN_LABELS: tuple[str, ...] = (
    "diagram.description",
    "document.contents",
    *(f"kind.{kind}" for kind in CORE_BUILDERS),
)
"""The labels a page shows beyond its outline: the kind of document in the masthead
(``kind.action-plan``), the description of the governance diagram for screen readers,
and the heading of a table of contents a partnership's page may add."""


def page_template(kind: str) -> str:
    """The page template of documents of ``kind``: ``action-plan.html.j2``, and
    ``governance.html.j2`` for the governance overview."""
    return f"{kind}.html.j2"


_BLOCK_KINDS: Mapping[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    Facts: "facts",
    BulletList: "bullet_list",
    NumberedList: "numbered_list",
    Table: "table",
    Section: "section",
    Figure: "figure",
    Aside: "aside",
    PageBreak: "page_break",
}
_RUN_KINDS: Mapping[type, str] = {
    Text: "text",
    LineBreak: "line_break",
    Emphasis: "emphasis",
    Link: "link",
    Span: "span",
}


def block_kind(block: object) -> str:
    """The name of a block's macro in ``outline.html.j2`` (``"bullet_list"``)."""
    try:
        return _BLOCK_KINDS[type(block)]
    except KeyError:
        raise RenderError(f"html: an outline holds a {type(block).__name__}, not a block") from None


def run_kind(run: object) -> str:
    """What an inline run is: ``text``, ``line_break``, ``emphasis``, ``link`` or ``span``."""
    try:
        return _RUN_KINDS[type(run)]
    except KeyError:
        raise RenderError(f"html: an outline holds a {type(run).__name__}, not a run") from None


@functools.lru_cache(maxsize=32)
def template_environment(template_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The Jinja2 environment that looks in ``template_dirs`` first, then the built-ins.

    Autoescaping is on for every template, whatever its name; undefined variables are
    errors, so that a misspelt name in an override template does not silently vanish.
    The environment knows which roles have a template of their own (``role_templates``).
    """
    import jinja2

    builtin = jinja2.PackageLoader(*TEMPLATE_PACKAGE)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            builtin,
            jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}),
        ]
    )
    environment = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters["css_string"] = css_string
    environment.filters["text"] = text_markup
    environment.filters["plain"] = _plain
    environment.filters["data_attrs"] = _data_attributes
    environment.filters["percent"] = _percent
    environment.tests["linkable"] = _linkable
    environment.finalize = safe_value
    prefix = f"{ROLE_FOLDER}/"
    roles = {
        name[len(prefix) : -len(".html.j2")]: name
        for name in loader.list_templates()
        if name.startswith(prefix) and name.endswith(".html.j2")
    }
    environment.globals.update(
        block_kind=block_kind,
        run_kind=run_kind,
        inline_html=inline_html,
        plain_cell_html=plain_cell_html,
        plain_paragraph_html=plain_paragraph_html,
        table_layout=table_layout,
        role_template=lambda block: roles.get(getattr(block, "role", None) or ""),
    )
    return environment


def safe_value(value: object) -> object:
    """A value a template prints, made safe for the page before it is escaped: a
    vertical tab or form feed (Word's manual breaks) becomes ``<br>``, other characters
    HTML calls invalid go (:func:`~helsefellesskap.render.safe.xml_text`), and
    bidirectional controls the value opens are closed at its end
    (:func:`~helsefellesskap.render.safe.balance_bidi`).

    Markup passes unchanged: it is what a macro, a filter or :func:`text_markup` wrote,
    whose data was made safe where it was printed, so no text is scanned twice."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    balanced = balance_bidi(value)
    if not has_unsafe(balanced):
        return balanced
    return Markup(xml_text(str(Markup.escape(balanced)), "<br>"))


LONG_WORD = 40
"""A word of more characters than this (a pasted address, an id) may break anywhere."""
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def text_markup(value: str) -> Markup:
    """A text run of the outline as escaped, safe HTML: characters HTML cannot hold go,
    a line break (``\\n``, or a vertical tab or form feed) is ``<br>``, and the
    bidirectional controls it opens are closed at its end.

    A word longer than :data:`LONG_WORD` characters is a ``<span class="long-word">``,
    which may break anywhere (``overflow-wrap: anywhere``), so that it wraps rather than
    push a table or a list off the page, while the words of the language keep whole (a
    narrow column widens to its longest word instead of breaking it). The text reads
    as it is written: no character is added."""
    clean = balance_bidi(xml_text(value, "\n")).replace("\r\n", "\n")
    if "\n" not in clean and not _LONG_WORD.search(clean):
        return Markup.escape(clean)
    return Markup("<br>").join(_breakable(line) for line in clean.split("\n"))


def _breakable(line: str) -> Markup:
    out = Markup("")
    last = 0
    for match in _LONG_WORD.finditer(line):
        out += Markup.escape(line[last : match.start()])
        out += Markup('<span class="long-word">{}</span>').format(match.group())
        last = match.end()
    return out + Markup.escape(line[last:])


def inline_html(items: Inlines, document_href: Callable[[str], str]) -> Markup:
    """Inline runs as HTML, exactly as ``outline.html.j2``'s ``inlines`` macro defines
    them (text through :func:`text_markup`, every other printed value made safe by
    :func:`safe_value` and escaped), written in Python: the macro calls this, so a page
    does not pay a template call per run."""
    out: list[str] = []
    _write_inlines(items, document_href, out)
    return Markup("".join(out))


def plain_cell_html(placed: Any, document_href: Callable[[str], str]) -> Markup | None:
    """A table cell that holds one plain paragraph, as ``outline.html.j2``'s
    ``cell_tag`` macro writes it (its text by :func:`inline_html`), written in Python
    since most cells are such; ``None`` for any other cell, which the macro writes."""
    cell = placed.cell
    blocks = cell.blocks
    if len(blocks) != 1 or type(blocks[0]) is not Paragraph or blocks[0].role is not None:
        return None
    tag = _printed(placed.tag)
    out = [f'<{tag} dir="auto"']
    if placed.column:
        out.append(f' class="col-{_printed(placed.column)}"')
    if placed.scope:
        out.append(f' scope="{_printed(placed.scope)}"')
    if cell.rowspan > 1:
        out.append(f' rowspan="{_printed(cell.rowspan)}"')
    if cell.colspan > 1:
        out.append(f' colspan="{_printed(cell.colspan)}"')
    out.append(">")
    _write_inlines(blocks[0].runs, document_href, out)
    out.append(f"</{tag}>")
    return Markup("".join(out))


def plain_paragraph_html(
    block: object, document_href: Callable[[str], str], role_template: Callable[[object], Any]
) -> Markup | None:
    """A paragraph (or a bullet list without nested blocks) whose role has no template
    of its own, as ``outline.html.j2``'s ``paragraph`` (``bullet_list``) macro writes
    it, written in Python since most blocks are such; ``None`` for any other block,
    which the template writes."""
    if type(block) is BulletList:
        assert isinstance(block, BulletList)
        return _plain_bullets_html(block, document_href, role_template)
    if type(block) is not Paragraph or role_template(block):
        return None
    assert isinstance(block, Paragraph)
    role = block.role
    out = ['<p dir="auto"']
    if role:
        out.append(f' class="{_printed(role)}"')
    if role == "example":
        out.append(' role="note"')
    out.append(">")
    _write_inlines(block.runs, document_href, out)
    out.append("</p>")
    return Markup("".join(out))


def _plain_bullets_html(
    block: BulletList, document_href: Callable[[str], str], role_template: Callable[[object], Any]
) -> Markup | None:
    """A bullet list without nested blocks whose role has no template, as the
    ``bullet_list`` macro writes it; ``None`` for any other, which the template writes."""
    if any(item.children for item in block.items) or role_template(block):
        return None
    out = ["<ul"]
    if block.role:
        out.append(f' class="{_printed(block.role)}"')
    out.append(">\n")
    for index, item in enumerate(block.items):
        if index:
            out.append("\n")
        out.append('<li dir="auto">')
        _write_inlines(item.runs, document_href, out)
        out.append("</li>")
    out.append("\n</ul>")
    return Markup("".join(out))


def _printed(value: object) -> str:
    """A value as ``{{ value }}`` prints it in a template (made safe, then escaped)."""
    return str(Markup.escape(safe_value(value)))


_EMPHASIS_TAGS = {
    "insert": ("<ins><strong>", "</strong></ins>"),
    "delete": ("<del><em>", "</em></del>"),
}


def _write_inlines(items: Inlines, document_href: Callable[[str], str], out: list[str]) -> None:
    for run in items:
        kind = run_kind(run)
        if kind == "text":
            assert isinstance(run, Text)
            out.append(text_markup(run.text))
        elif kind == "line_break":
            out.append("<br>")
        elif kind == "emphasis":
            assert isinstance(run, Emphasis)
            if run.role in _EMPHASIS_TAGS:
                start, end = _EMPHASIS_TAGS[run.role]
            elif run.strong:
                start, end = "<strong>", "</strong>"
            else:
                start, end = "<em>", "</em>"
            out.append(start)
            _write_inlines(run.runs, document_href, out)
            out.append(end)
        elif kind == "link":
            assert isinstance(run, Link)
            if run.url is None or _linkable(run.url):
                if run.url is not None:
                    href = _printed(run.url)
                elif run.anchor is not None:
                    href = "#" + _printed(run.anchor)
                else:
                    href = _printed(document_href(run.document))  # type: ignore[arg-type]
                out.append(f'<a href="{href}">')
                _write_inlines(run.runs, document_href, out)
                out.append("</a>")
            else:
                _write_inlines(run.runs, document_href, out)
        elif kind == "span":
            assert isinstance(run, Span)
            out.append(f'<span lang="{_printed(run.lang)}">')
            _write_inlines(run.runs, document_href, out)
            out.append("</span>")


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")


def _linkable(url: str) -> bool:
    """Whether ``url`` may be a link's ``href``: a web or e-mail address (the schemes the
    model allows, :data:`~helsefellesskap.model.links.LINK_SCHEMES`), or one without a
    scheme. A block a plugin built with a ``javascript:`` address keeps its text, unlinked."""
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


def _plain(items: Inlines) -> str:
    """The plain text of runs (for an attribute such as ``title``), lines joined by spaces."""
    return " ".join(xml_text(inline_text(items), " ").split())


def _data_attributes(data: Sequence[tuple[str, str]]) -> Markup:
    """``data-*`` attributes from machine keys: `` data-measure="overganger"``. A key
    is written in lower case with other characters than letters, digits and ``-`` as
    ``-``; a value is escaped."""
    return Markup(
        "".join(
            f' data-{_data_key(name)}="{Markup.escape(xml_text(str(value), " "))}"'
            for name, value in data
        )
    )


_NOT_KEY = re.compile(r"[^a-z0-9-]")


@functools.lru_cache(maxsize=1024)
def _data_key(name: str) -> str:
    """A machine key as the name of a ``data-*`` attribute (lower case ASCII letters,
    digits and ``-``; any other character as ``-``)."""
    return _NOT_KEY.sub("-", name.lower())


def _percent(width: float) -> str:
    """A share of a table's width as a CSS percentage: ``0.1969`` → ``19.69%``."""
    return f"{round(width * 100, 2):g}%"


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string that is safe inside ``<style>``.

    HTML escaping is wrong inside a stylesheet (``&amp;`` would print literally), so
    quotes, backslashes, line breaks and ``<``/``>`` are written as CSS escapes instead;
    nothing can close the string or the ``<style>`` element.
    """
    out = []
    for char in str(value):
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):06x}")
        else:
            out.append(char)
    return Markup('"' + "".join(out) + '"')


# -- the page ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ContentsEntry:
    """A line of a page's table of contents: a section's number, title and anchor, and
    the numbered sections under it."""

    anchor: str
    runs: Inlines
    number: str | None = None
    children: tuple[ContentsEntry, ...] = ()


def _listed(block: Block) -> bool:
    return (
        isinstance(block, Section)
        and block.heading is not None
        and block.role != "abbreviations"
        and (block.anchor or block.heading.anchor) is not None
    )


def _entry(section: Section, children: tuple[ContentsEntry, ...] = ()) -> ContentsEntry:
    assert section.heading is not None
    anchor = section.anchor or section.heading.anchor or ""
    return ContentsEntry(
        anchor=anchor, runs=section.heading.runs, number=section.heading.number, children=children
    )


def contents_of(outline: Outline) -> tuple[ContentsEntry, ...]:
    """The table of contents of a page: each top-level section with a heading and an
    anchor (but the abbreviations), with the numbered sections directly under it."""
    entries = []
    for block in outline.blocks:
        if not _listed(block):
            continue
        assert isinstance(block, Section)
        children = tuple(
            _entry(sub)
            for sub in block.blocks
            if _listed(sub) and isinstance(sub, Section) and sub.heading and sub.heading.number
        )
        entries.append(_entry(block, children))
    return tuple(entries)


def _split(outline: Outline) -> int:
    """Where the front matter ends: before the first section the contents list."""
    return next((i for i, b in enumerate(outline.blocks) if _listed(b)), len(outline.blocks))


def _document_href(context: RenderContext) -> Callable[[str], str]:
    """The file name a ``Link(document=id)`` points to: that document's HTML file."""
    return lambda document_id: linked_file_name(document_id, context, HtmlFormat())


def _ids() -> Callable[[str], str]:
    """``next_id(base)``: an id not given before on this page (``h-1``, ``h-2``)."""
    counts: dict[str, Iterator[int]] = {}

    def next_id(base: str) -> str:
        return f"{base}-{next(counts.setdefault(base, itertools.count(1)))}"

    return next_id


def page_values(outline: Outline, context: RenderContext) -> dict[str, Any]:
    """Everything a page template receives: the ``outline``, its blocks split at the
    table of contents (``front``, ``body``, ``contents``), the partnership, the page's
    title and the kind of document in the reader's language, and helpers."""
    partnership = context.partnership
    title = outline.title
    marked = outline.label_language if outline.label_language != outline.language else None

    def label_runs(key: str) -> Inlines:
        text: Inlines = (Text(context.label(key)),)
        return (Span(runs=text, lang=marked),) if marked else text

    split = _split(outline)
    return {
        "outline": outline,
        "front": outline.blocks[:split],
        "body": outline.blocks[split:],
        "contents": contents_of(outline),
        "partnership": partnership,
        "version": __version__,
        "page_title": title if partnership.name in title else f"{title} – {partnership.name}",
        "running_head": outline.running_head or title,
        "kind_label": label_runs(f"kind.{outline.kind}"),
        "contents_label": label_runs("document.contents"),
        "label": context.label,
        "document_href": _document_href(context),
        "next_id": _ids(),
        "marked_language": marked,
        "svg": figure_svg,
    }


class HtmlFormat(RenderFormat):
    """Standalone HTML pages: inline styles, a print stylesheet for A4, no requests.

    Renders every core document type and the partnership's governance overview from
    their outlines, and a plugin's document type that provides its outline
    (``hf_outline_builders``). The page of each kind is ``<kind>.html.j2``
    (:func:`page_template`), else :data:`DOCUMENT_TEMPLATE`; plugins override it, or
    the look of the blocks of one role (``blocks/<role>.html.j2``), through
    ``hf_template_sources``.
    """

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "a standalone web page (inline styles, printable on A4)"
    binary: ClassVar[bool] = False
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES
    outlines: ClassVar[bool] = True
    own_labels: ClassVar[tuple[str, ...]] = OWN_LABELS

    def template_name(self, item: Renderable) -> str:
        """The page template for ``item``, by its kind."""
        if not isinstance(item, (Document, Partnership)):
            raise RenderError(f"the html format cannot render a {type(item).__name__}")
        return page_template("governance" if isinstance(item, Partnership) else item.KIND)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to a UTF-8 HTML page, from its outline."""
        from ..outline import build_outline

        name = self.template_name(item)
        return write_page(build_outline(item, context), context, name).encode("utf-8")


def write_page(outline: Outline, context: RenderContext, name: str) -> str:
    """The HTML page of ``outline`` written with the page template ``name``.

    Raises :class:`~helsefellesskap.errors.RenderError` naming the template for a
    template that is missing, cannot be read, names an unknown value or extends itself.
    """
    import jinja2

    environment = template_environment(tuple(context.template_dirs))
    try:
        template = environment.select_template([name, DOCUMENT_TEMPLATE])
        return template.render(page_values(outline, context))
    except jinja2.TemplateNotFound as error:
        raise RenderError(
            f"html: template {error.name!r} not found in "
            + ", ".join([*(str(d) for d in context.template_dirs), "the built-in templates"])
        ) from error
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise RenderError(f"html: template {where}: {error.message}") from error
    except jinja2.UndefinedError as error:
        raise RenderError(f"html: template {name!r}: {error.message}") from error
    except RecursionError:
        raise RenderError(
            f"html: template {name!r} extends or includes itself; an override extends "
            f'the built-in page as "{BUILTIN_PREFIX}/{name}"'
        ) from None


# -- the index of a rendered bundle ----------------------------------------------------


class IndexEntry(Protocol):
    """One rendered item as the index lists it."""

    @property
    def language(self) -> str:
        """The language it was rendered in."""

    @property
    def kind(self) -> str:
        """Its kind (``action-plan``, ``governance``)."""

    @property
    def title(self) -> str:
        """Its title."""

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """``(format name, relative path)`` of each file written."""

    @property
    def data_language(self) -> str:
        """The language of its title."""


INDEX_TEMPLATE = "index.html.j2"
"""The template of the bundle's ``index.html``; a plugin can override it too."""


def index_page(
    bundle: Bundle,
    entries: Sequence[IndexEntry],
    contexts: Mapping[str, RenderContext],
    template_dirs: tuple[Path, ...] = (),
) -> str:
    """The HTML index of a rendered bundle (``index.html``): one table per language, each
    in that language's labels and marked with its ``lang``; the page itself is in the
    language of the partnership's data (its layout's ``language``), and a title in
    another language than its table's is marked with its own."""
    languages = list(dict.fromkeys(e.language for e in entries)) or list(contexts)[:1]
    first = contexts[languages[0]]
    page_lang = first.layout.language

    def lang_attr(language: str) -> Markup:
        return Markup(' lang="{}"').format(language) if language != page_lang else Markup("")

    sections = []
    for language in languages:
        context = contexts[language]
        sections.append(
            {
                "language": language,
                "headers": [
                    context.label(key) for key in ("index.document", "index.kind", "index.formats")
                ],
                "entries": [
                    {
                        "title": entry.title,
                        "lang": entry.data_language if entry.data_language != language else None,
                        "kind": context.label(f"kind.{entry.kind}"),
                        "links": entry.links,
                    }
                    for entry in entries
                    if entry.language == language
                ],
            }
        )
    template = template_environment(template_dirs).get_template(INDEX_TEMPLATE)
    return template.render(
        name=bundle.partnership.name,
        title=first.label("index.title"),
        example=first.label("document.example") if bundle.partnership.example else "",
        page_lang=page_lang,
        first_language=first.language,
        lang_attr=lang_attr,
        sections=sections,
    )
