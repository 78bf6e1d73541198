"""The HTML render format: one standalone, printable, accessible page per document.

A page is written from the document's outline (:func:`helsefellesskap.outline.build_outline`):
the page template of its type extends ``base.html.j2`` (the masthead, the stylesheet
with its print rules, the colophon) and writes ``outline.blocks`` with the macros of
``outline.html.j2``, one macro per kind of block and run, which
:mod:`~helsefellesskap.render.html_blocks` implements in Python (a page costs a
template call per region, not per block, row and cell). What a page shows and in what
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
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast, overload

import attrs
from markupsafe import Markup

from .._version import __version__
from ..errors import RenderError
from ..messages import message
from ..model import Bundle, Document, Partnership
from ..outline.blocks import Block, Diagram, Inlines, Outline, Section, Span, Text
from ..outline.build import CORE_BUILDERS
from .format import (
    CORE_RENDERABLES,
    Renderable,
    RenderContext,
    RenderFormat,
    linked_file_name,
)
from .html_blocks import (
    HtmlBlocks,
    block_kind,
    data_attributes,
    inline_html,
    linkable,
    percent,
    plain_text,
    run_kind,
    safe_value,
    text_markup,
)
from .html_table import table_layout

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "BUILTIN_PREFIX",
    "DOCUMENT_TEMPLATE",
    "OUTLINE_MACROS",
    "OWN_LABELS",
    "ROLE_FOLDER",
    "ContentsEntry",
    "HtmlFormat",
    "IndexEntry",
    "OutlineMacros",
    "RoleTemplates",
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
    "writer_of",
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


@functools.lru_cache(maxsize=32)
def template_environment(template_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The Jinja2 environment that looks in ``template_dirs`` first, then the built-ins.

    Autoescaping is on for every template, whatever its name; undefined variables are
    errors, so that a misspelt name in an override template does not silently vanish.
    The environment knows which roles have a template of their own (``role_templates``).
    Compiled templates are kept in the user's cache folder between runs
    (:func:`~helsefellesskap.usercache.template_bytecode_cache`).
    """
    import jinja2

    from ..usercache import template_bytecode_cache

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
        bytecode_cache=template_bytecode_cache(Path(__file__)),
    )
    environment.filters["css_string"] = css_string
    environment.filters["text"] = text_markup
    environment.filters["plain"] = plain_text
    environment.filters["data_attrs"] = data_attributes
    environment.filters["percent"] = percent
    environment.tests["linkable"] = linkable
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
        html_writer=jinja2.pass_context(writer_of),
        outline_macros=jinja2.pass_context(OutlineMacros),
        table_layout=table_layout,
        role_template=RoleTemplates(roles),
    )
    return environment


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string that is safe inside ``<style>``.

    HTML escaping is wrong inside a stylesheet (``&amp;`` would print literally), so
    quotes, backslashes, line breaks and ``<``/``>`` are written as CSS escapes instead;
    nothing can close the string or the ``<style>`` element.
    """
    return Markup('"' + _CSS_ESCAPED.sub(_css_escape, str(value)) + '"')


_CSS_ESCAPED = re.compile('["\\\\<>&\\x00-\\x1f\\x7f]')
"""What :func:`css_string` writes as a CSS escape."""


def _css_escape(match: re.Match[str]) -> str:
    return f"\\{ord(match.group()):06x}"


class RoleTemplates:
    """``role_template(block)``: the template of a block's role (``blocks/<role>.html.j2``)
    where a template folder has one, else ``None``; ``names`` maps each such role to its
    template."""

    __slots__ = ("names",)

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def __call__(self, block: object) -> str | None:
        """The template of ``block``'s role, or ``None``."""
        return self.names.get(getattr(block, "role", None) or "")


OUTLINE_MACROS = "outline.html.j2"
"""The template of the outline's macros, which a page knows as ``html``."""


class OutlineMacros:
    """``html`` on a page (``{% set html = outline_macros() %}`` in ``base.html.j2``):
    the macros of ``outline.html.j2`` as ``{% import "outline.html.j2" as html with
    context %}`` gives them, imported with the page's values when the page first uses
    one. The built-in pages write their regions through ``html_writer`` and use none,
    so a page does not make the module's sixteen macros and its context unless an
    override, a role template or a ``contents_nav`` asks for them."""

    __slots__ = ("_context", "_module")

    def __init__(self, context: jinja2.runtime.Context) -> None:
        self._context: jinja2.runtime.Context | None = context
        self._module: object = None

    def module(self) -> object:
        """The imported module of macros (imported now if it was not yet)."""
        if self._module is None:
            context = self._context
            if context is None:
                raise RuntimeError("the page these macros belong to is written")
            template = context.environment.get_template(OUTLINE_MACROS, context.name)
            self._module = template.make_module(context.get_all(), True)
        return self._module

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # no dunder of a module (``__html__``) imports it
            raise AttributeError(name)
        return getattr(self.module(), name)

    def release(self) -> object:
        """Let go of the page; the module if one was imported (``None`` if not)."""
        module, self._module, self._context = self._module, None, None
        return module


def _page_write_block(context: jinja2.runtime.Context) -> Callable[..., object]:
    """``html.write_block`` of the page, looked up when a block whose role has a
    template is written (most pages have none)."""

    def write_block(*args: object) -> object:
        return context.resolve("html").write_block(*args)

    return write_block


def writer_of(
    context: jinja2.runtime.Context, write_block: Callable[..., object] | None = None
) -> HtmlBlocks:
    """The block writer of the page being written (``html_writer(write_block)`` in
    ``outline.html.j2``), with the page's values as the template sees them now (a
    format such as PDF gives its own ``document_href`` and ``svg``); ``write_block`` is
    the macro that writes a block whose role has a template of its own (by default the
    page's ``html.write_block``, found when it is first needed)."""
    if write_block is None:
        write_block = _page_write_block(context)
    return HtmlBlocks(
        document_href=context.resolve("document_href"),
        role_template=context.resolve("role_template"),
        write_block=write_block,
        next_id=context.resolve("next_id"),
        label=context.resolve("label"),
        partnership=context.resolve("partnership"),
        marked_language=cast("str | None", context.resolve("marked_language")),
        svg=context.resolve("svg"),
    )


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


class _Contents(Sequence[ContentsEntry]):
    """:func:`contents_of` an outline, found when a template first asks (most pages
    show no table of contents)."""

    def __init__(self, outline: Outline) -> None:
        self._outline = outline
        self._entries: tuple[ContentsEntry, ...] | None = None

    def _found(self) -> tuple[ContentsEntry, ...]:
        if self._entries is None:
            self._entries = contents_of(self._outline)
        return self._entries

    @overload
    def __getitem__(self, index: int) -> ContentsEntry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ContentsEntry, ...]: ...
    def __getitem__(self, index: int | slice) -> ContentsEntry | tuple[ContentsEntry, ...]:
        return self._found()[index]

    def __len__(self) -> int:
        return len(self._found())

    def __iter__(self) -> Iterator[ContentsEntry]:
        return iter(self._found())


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
        "contents": _Contents(outline),
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
        "svg": _figure_svg,
    }


def _figure_svg(diagram: Diagram, **options: Any) -> Markup:
    """:func:`~helsefellesskap.render.chart_svg.figure_svg` (the same options), imported
    when a page first draws a figure (a chart or the governance diagram): a plan without
    one does not import the SVG writers."""
    from .chart_svg import figure_svg

    return figure_svg(diagram, **options)


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
            raise RenderError(message("render.html_cannot_render", type=type(item).__name__))
        return page_template("governance" if isinstance(item, Partnership) else item.KIND)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to a UTF-8 HTML page, from its outline."""
        from ..outline import build_outline

        name = self.template_name(item)
        return write_page(build_outline(item, context), context, name).encode("utf-8")


def _release(page: jinja2.runtime.Context, values: Mapping[str, Any]) -> None:
    """Let go of a written page's values (its outline) at once.

    A template module imported ``with context`` (``outline.html.j2`` as ``html``) holds
    a copy of the page's values in its own context, and its macros and that context
    refer to each other: without help the outline stays in memory until the garbage
    collector finds the cycle, which with many pages means more and longer
    collections. Emptying the module's context after the page is written breaks the
    cycle's hold on the values (``values``, what :func:`page_values` gave the page). A
    module imported without context, which Jinja keeps for the next page, holds none of
    them and is left alone. Best effort: where Jinja keeps a macro's context otherwise,
    nothing is released and nothing else changes."""
    import jinja2

    outline = values["outline"]
    for value in list(page.vars.values()):
        if isinstance(value, OutlineMacros):
            value = value.release()
        if isinstance(value, jinja2.environment.TemplateModule):
            _release_module(value, outline)
    page.vars.clear()


def _release_module(module: object, outline: object) -> None:
    """Empty the context the macros of ``module`` share (found in a macro's closure)
    if it holds this page's ``outline``, that is, if the module is this page's own."""
    import jinja2

    for macro in vars(module).values():
        if not isinstance(macro, jinja2.runtime.Macro):
            continue
        for cell in getattr(getattr(macro, "_func", None), "__closure__", None) or ():
            try:
                held = cell.cell_contents
            except ValueError:  # an empty cell
                continue
            if isinstance(held, jinja2.runtime.Context):
                if held.parent.get("outline") is outline:
                    held.vars.clear()
                    held.parent = {}
                return


def write_page(outline: Outline, context: RenderContext, name: str) -> str:
    """The HTML page of ``outline`` written with the page template ``name``.

    Raises :class:`~helsefellesskap.errors.RenderError` naming the template for a
    template that is missing, cannot be read, names an unknown value or extends itself.
    """
    import jinja2

    environment = template_environment(tuple(context.template_dirs))
    try:
        template = environment.select_template([name, DOCUMENT_TEMPLATE])
        values = page_values(outline, context)
        page = template.new_context(values)
        try:  # as Template.render, keeping the page's context to release it after
            return environment.concat(template.root_render_func(page))
        except Exception:
            environment.handle_exception()
        finally:
            _release(page, values)
    except jinja2.TemplateNotFound as error:
        places = [*(str(d) for d in context.template_dirs), message("render.builtin_templates")]
        raise RenderError(
            message("render.template_not_found", name=repr(error.name), places=", ".join(places))
        ) from error
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise RenderError(
            message("render.template_error", where=where, error=error.message)
        ) from error
    except jinja2.UndefinedError as error:
        raise RenderError(
            message("render.template_error", where=repr(name), error=error.message)
        ) from error
    except RecursionError:
        raise RenderError(
            message(
                "render.template_recursion", name=repr(name), builtin=f"{BUILTIN_PREFIX}/{name}"
            )
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
