"""The HTML render format: one standalone, printable, accessible page per document.

Pages come from Jinja2 templates (``*.html.j2``) with autoescaping on for every
template, so every text of the data is escaped. Templates are looked up in a chain: the
folders of the partnership's plugins, then the folders plugins give for every
partnership (both in ``RenderContext.template_dirs``), then the built-in templates. An
override can extend the built-in template it replaces under the prefix ``builtin/``
(``{% extends "builtin/action-plan.html.j2" %}``) and change just one block.

What a page shows is decided by :mod:`helsefellesskap.render.view`, shared with the
other formats; this module only gathers it for the templates.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs
from markupsafe import Markup

from .._version import __version__
from ..errors import RenderError
from ..model import (
    ActionPlan,
    AnnualReport,
    Bundle,
    ConsultationResponse,
    Declaration,
    Document,
    FundingRound,
    Partnership,
)
from . import view
from .api import output_name
from .format import Renderable, RenderContext, RenderFormat
from .safe import balance_bidi, has_unsafe, xml_text
from .svg import governance_svg

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "TEMPLATE_NAMES",
    "HtmlFormat",
    "IndexEntry",
    "css_string",
    "index_page",
    "language_markers",
    "page_language",
    "page_values",
    "row_groups",
    "safe_value",
    "template_environment",
]

TEMPLATE_PACKAGE = ("helsefellesskap", "render/templates")
"""Where the built-in templates live: package and folder inside it."""

BUILTIN_PREFIX = "builtin"
"""Templates under this prefix are always the built-in ones, for overrides to extend."""

TEMPLATE_NAMES: Mapping[type[Renderable], str] = {
    ActionPlan: "action-plan.html.j2",
    Declaration: "declaration.html.j2",
    AnnualReport: "annual-report.html.j2",
    FundingRound: "funding-round.html.j2",
    ConsultationResponse: "consultation-response.html.j2",
    Partnership: "governance.html.j2",
}
"""The page template of each type the format renders."""

@functools.lru_cache(maxsize=32)
def template_environment(template_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The Jinja2 environment that looks in ``template_dirs`` first, then the built-ins.

    Autoescaping is on for every template, whatever its name; undefined variables are
    errors, so that a misspelt name in an override template does not silently vanish.
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
    )
    environment.filters["css_string"] = css_string
    environment.finalize = safe_value
    return environment


def safe_value(value: object) -> object:
    """Every value a template prints, made safe for the page before it is escaped: a
    vertical tab or form feed (Word's manual breaks) becomes ``<br>``, other characters
    HTML calls invalid go (:func:`~helsefellesskap.render.safe.xml_text`), and bidirectional
    controls the value opens are closed at its end
    (:func:`~helsefellesskap.render.safe.balance_bidi`). Other values pass unchanged."""
    if not isinstance(value, str):
        return value
    balanced = balance_bidi(value)
    if not has_unsafe(balanced):
        return Markup(balanced) if isinstance(value, Markup) else balanced
    escaped = Markup.escape(balanced)
    return Markup(xml_text(str(escaped), "<br>"))


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


def _labels(context: RenderContext) -> dict[str, str]:
    return dict(context.labels)


def _labeller(labels: Mapping[str, str]) -> Callable[..., str]:
    def label(key: str, **values: object) -> str:
        text = labels.get(key, key)
        return text.format(**values) if values else text

    return label


def page_language(item: Renderable, context: RenderContext) -> str:
    """The language of a page's data: the document's ``language``, or the layout's for
    the governance overview. A page is marked with it (``<html lang>``); the labels are
    marked with the rendering language where that differs (see :func:`language_markers`)."""
    return item.language if isinstance(item, Document) else context.layout.language


def language_markers(
    labels: Mapping[str, str], language: str, page_lang: str
) -> tuple[Callable[[object], Markup], Callable[..., Markup]]:
    """``ui(text)`` and ``label(key, **values)`` for the templates: the text of a label,
    escaped, and wrapped in ``<span lang="…">`` in the rendering ``language`` when the
    page's data is in another (``page_lang``); the text values a label is formatted with
    are data, so they are wrapped in the page's language in turn. When the languages are
    the same, nothing is wrapped."""
    marked = language != page_lang
    open_ui = Markup(f'<span lang="{language}">')
    open_data = Markup(f'<span lang="{page_lang}">')
    close = Markup("</span>")

    def ui(text: object) -> Markup:
        escaped = Markup.escape(text)
        return open_ui + escaped + close if marked and str(text) else escaped

    def label(key: str, **values: object) -> Markup:
        text = Markup.escape(labels.get(key, key))
        if values:
            if marked:
                values = {
                    k: open_data + Markup.escape(v) + close if isinstance(v, str) and v else v
                    for k, v in values.items()
                }
            text = text.format(**values)
        return open_ui + text + close if marked else text

    return ui, label


class HtmlFormat(RenderFormat):
    """Standalone HTML pages: inline styles, a print stylesheet for A4, no requests.

    Renders every core document type and the partnership's governance overview. The
    page template of each type is in :data:`TEMPLATE_NAMES`; plugins override it (or
    any block template under ``blocks/``) through ``hf_template_sources``.
    """

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "a standalone web page (inline styles, printable on A4)"
    binary: ClassVar[bool] = False
    renders: ClassVar[tuple[type[Renderable], ...]] = tuple(TEMPLATE_NAMES)

    def template_name(self, item: Renderable) -> str:
        """The page template for ``item``."""
        for kind, name in TEMPLATE_NAMES.items():
            if isinstance(item, kind):
                return name
        raise RenderError(f"the html format cannot render a {type(item).__name__}")

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to a UTF-8 HTML page."""
        import jinja2

        name = self.template_name(item)
        environment = template_environment(tuple(context.template_dirs))
        try:
            template = environment.get_template(name)
            text = template.render(page_values(item, context))
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
        return text.encode("utf-8")


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


# -- what the templates receive ---------------------------------------------------------


def row_groups(table: view.MeasureTable) -> list[list[view.TableRow]]:
    """The rows of a measures table grouped by goal, in order (a ``<tbody>`` each)."""
    groups: list[list[view.TableRow]] = []
    for row in table.rows:
        if groups and groups[-1][0].goal == row.goal:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def page_values(item: Renderable, context: RenderContext) -> dict[str, Any]:
    """Everything a page template receives: the common values and those of its type."""
    labels = _labels(context)
    label = _labeller(labels)
    page_lang = page_language(item, context)
    ui, marked_label = language_markers(labels, context.language, page_lang)
    partnership = context.partnership
    plan_id = item.basis.national_plan if isinstance(item, ActionPlan) else None

    def national_text(item_id: str) -> str:
        return view.national_text(item_id, context.national, plan_id)

    def date(day: Any) -> str:
        return view.date_text(day, context.language) if day is not None else ""

    def actor(actor_id: str | None) -> str:
        return view.actor_name(actor_id, partnership) if actor_id else ""

    def actor_full(actor_id: str | None) -> str:
        return view.actor_full(actor_id, partnership) or ""

    def document_title(document_id: str | None) -> str:
        found = context.bundle.document(document_id) if document_id else None
        return found.title if found is not None else (document_id or "")

    kind = "governance" if isinstance(item, Partnership) else getattr(item, "KIND", "")
    title = label("governance.title") if isinstance(item, Partnership) else item.title
    values: dict[str, Any] = {
        "item": item,
        "lang": context.language,
        "page_lang": page_lang,
        "version": __version__,
        "partnership": partnership,
        "title": title,
        "page_title": f"{title} – {partnership.name}",
        "running_head": f"{partnership.name} · {title}",
        "kind_label": label(f"kind.{kind}") if kind else "",
        "source": getattr(item, "source", None),
        "label": marked_label,
        "label_text": label,
        "ui": ui,
        "date": date,
        "actor": actor,
        "actor_full": actor_full,
        "adoption": lambda day, by: view.adoption_text(day, by, context) or "",
        "names": lambda ids: view.responsible_text(ids, partnership, context),
        "national_text": national_text,
        "document_title": document_title,
        "amount": lambda value: view.amount_text(value, context.language),
        "abbreviations": view.shown_abbreviations(item, context),
        "layout": context.layout,
        "row_groups": row_groups,
        "kind_name": context.kind_label,
        "reference_text": view.reference_text,
        "attrs_evolve": attrs.evolve,
    }
    if isinstance(item, ActionPlan):
        values.update(_plan_values(item, context))
    elif isinstance(item, Declaration):
        values.update(_declaration_values(item, context))
    elif isinstance(item, AnnualReport):
        values.update(_report_values(item, context))
    elif isinstance(item, FundingRound):
        values["applications"] = item.ranked()
    elif isinstance(item, Partnership):
        values.update(_governance_values(item, context, label, page_lang))
    return values


def _plan_values(plan: ActionPlan, context: RenderContext) -> dict[str, Any]:
    declaration = view.declaration_of(plan, context)
    national_plan = context.national.plan(plan.basis.national_plan or "")
    parts = view.plan_parts(plan, declaration, context)
    return {
        "plan": plan,
        "declaration": declaration,
        "national_plan": national_plan,
        "numbering": view.plan_numbering(plan, declaration, view.plan_omit(plan, context)),
        "commitments": (
            view.commitment_views(parts.declaration, context) if parts.declaration else ()
        ),
        "national_goals": parts.national_goals,
        "intro_title": parts.title,
        "promoted": parts.promoted,
        "priority_groups": parts.priority_groups,
        "tables": {
            area.id: view.measure_table(area, context, plan.references) for area in plan.focus_areas
        },
        "funding_rounds": [
            (r, output_name(r.document, HtmlFormat()) if r.document is not None else None)
            for r in view.funding_round_views(plan, context)
        ],
        "measures": {m.id: m for m in plan.measures()},
        "commitment_titles": (
            {c.id: c.title for c in declaration.commitments} if declaration else {}
        ),
    }


def _declaration_values(declaration: Declaration, context: RenderContext) -> dict[str, Any]:
    return {
        "declaration": declaration,
        "shows_overarching_goal": view.shows_overarching_goal(declaration),
        "commitments": view.commitment_views(declaration, context),
        "based_on": [
            getattr(context.national.plan(i), "name", None) or i for i in declaration.based_on
        ],
    }


def _report_values(report: AnnualReport, context: RenderContext) -> dict[str, Any]:
    return {
        "report": report,
        "report_measures": view.followed_measures(report, context),
        "meeting_rows": view.meeting_rows(report, context),
    }


def _governance_values(
    partnership: Partnership, context: RenderContext, label: Callable[..., str], page_lang: str
) -> dict[str, Any]:
    from ..model import BodyStatus
    from ..outline.blocks import (
        DiagramEdge,
        DiagramNode,
        Emphasis,
        GovernanceDiagram,
        LineBreak,
        runs,
    )

    nodes = tuple(
        DiagramNode(
            id=row.body.id,
            label=(
                runs(Emphasis(runs=runs(row.body.abbreviation), strong=True), LineBreak(),
                     row.body.name)
                if row.body.abbreviation
                else runs(Emphasis(runs=runs(row.body.name), strong=True))
            ),
            depth=row.depth,
            kind=row.body.kind,
            closed=row.body.status is BodyStatus.CLOSED,
        )
        for row in view.governance_tree(partnership.bodies)
    )
    diagram = GovernanceDiagram(
        nodes=nodes,
        edges=tuple(
            DiagramEdge(source=e.source, target=e.target, kind=e.kind)
            for e in view.governance_edges(partnership)
        ),
        legend=tuple((k, runs(label(f"diagram.{k}"))) for k in view.EDGE_KINDS),
        closed_label=runs(label("diagram.closed")),
    )
    partners = view.partner_views(context)
    return {
        "bodies": view.body_views(context),
        "partners": partners,
        "partners_described": any(p.description for p in partners),
        "diagram": governance_svg(
            diagram,
            title=label("governance.diagram"),
            description=label("diagram.description", name=partnership.name),
            language=context.language if context.language != page_lang else None,
        ),
        "documents": [d for d in context.bundle.documents if isinstance(d, Document)],
    }
