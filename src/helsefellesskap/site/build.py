"""Build the static site of one or more partnerships into a folder.

The folder holds, per language (``nb/``, ``nn/``, ``en/``): a front page
(``index.html``), a search page (``search.html``) and a folder per partnership with its
page (``<id>/index.html``), a page per document and its governance overview (written
from their outlines with the document pages' templates and stylesheet, so a
partnership's page overrides apply), the downloads of each document in every installed
format but HTML (``<id>/<document>.docx``, ``.pdf``, ``.md``, ``.json``), and the
status and coverage of its action plans as JSON. ``index.html`` at the root is the
front page in Bokmål; ``assets/`` holds the search script and the search index of each
language (see :mod:`helsefellesskap.site.search`).

Every page works opened from the folder (``file://``) and served over http: links are
relative, nothing is fetched, and the pages' Content-Security-Policy allows only the
site's own scripts.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import HelsefellesskapError, RenderError
from ..model import Bundle, Document, Partnership
from ..render.api import find_format, make_context, output_name, render, renders
from ..render.format import Renderable, RenderContext, RenderFormat
from ..render.html import DOCUMENT_TEMPLATE, HtmlFormat, page_values, template_environment
from .labels import LANGUAGE_NAMES, site_labels
from .search import SearchEntry, index_script, page_text

if TYPE_CHECKING:
    import jinja2

    from ..plugins import PluginManager

__all__ = [
    "ASSETS",
    "DOWNLOAD_ORDER",
    "FOLLOWUP_KINDS",
    "MARKER",
    "SITE_LANGUAGES",
    "SiteBuilder",
    "SiteResult",
    "build_site",
    "content_security_policy",
    "document_year",
    "partnership_language",
    "site_environment",
]

SITE_LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
"""The languages every page of the site is written in."""

ASSETS = "assets"
"""The folder of the site's scripts (search, live reload) and search indexes."""

MARKER = ".helsefellesskap-site"
"""The file at the root of a site folder that says helsefellesskap wrote it (``site``
writes into a non-empty folder only if it holds this file)."""

DOWNLOAD_ORDER: tuple[str, ...] = ("pdf", "docx", "md", "json")
"""The order of the download links; other formats follow by name."""

FOLLOWUP_KINDS: tuple[str, ...] = ("status-report", "traceability")
"""The kinds of the reports computed from a partnership's plans (not kept in files): its
page lists them under their own heading, after its documents."""

_TEMPLATES = ("helsefellesskap", "site/templates")
_ASSET_FILES = ("search.js",)
_LIVE_ASSET = "live.js"


def content_security_policy(*, live: bool = False) -> str:
    """The pages' Content-Security-Policy: inline styles, the site's own scripts and
    images, nothing else; ``live`` (``serve``) also lets the page ask the server whether
    the site was rebuilt."""
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "script-src 'self'; base-uri 'none'"
    )
    return policy + ("; connect-src 'self'" if live else "")


@functools.lru_cache(maxsize=16)
def site_environment(template_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The document pages' template environment with the site's templates under the
    prefix ``site/`` (a plugin's template folder can override them by the same name)."""
    import jinja2

    base = template_environment(template_dirs)
    assert base.loader is not None
    loader = jinja2.ChoiceLoader(
        [base.loader, jinja2.PrefixLoader({"site": jinja2.PackageLoader(*_TEMPLATES)})]
    )
    return base.overlay(loader=loader)


def document_year(document: Renderable) -> int | None:
    """The year a document is listed under: its ``year``, the start of its ``period``,
    or the year of its adoption, meeting or date; a report on a plan (status report,
    traceability matrix), its plan's year (``None`` if it has none)."""
    year = getattr(document, "year", None)
    if isinstance(year, int):
        return year
    period = getattr(document, "period", None)
    if isinstance(getattr(period, "start", None), int):
        return int(period.start)  # type: ignore[union-attr]
    for name in ("adopted", "meeting", "date"):
        value = getattr(document, name, None)
        if isinstance(getattr(value, "year", None), int):
            return int(value.year)  # type: ignore[union-attr]
    plan = getattr(document, "plan", None)
    return document_year(plan) if isinstance(plan, Document) else None


@attrs.frozen(kw_only=True)
class SiteResult:
    """What a build wrote: the site's folder, the files written or rewritten, those
    removed (a document's files from an earlier build, the document gone), and the
    documents and formats that could not be rendered (the rest of the site is there)."""

    root: Path
    written: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()
    failures: tuple[RenderError, ...] = ()

    @property
    def index(self) -> Path:
        """The front page (``index.html`` at the site's root)."""
        return self.root / "index.html"


@attrs.frozen(kw_only=True)
class _Listed:
    """A document as the partnership page lists it."""

    kind: str
    year: int | None
    title: str
    lang: str
    href: str
    downloads: tuple[tuple[str, str], ...]


class SiteBuilder:
    """Builds the site into ``output`` and keeps what it needs to rebuild one partnership
    (``serve`` rebuilds only the partnership whose file changed).

    :param formats: the download formats (default: every installed format but HTML
        that serves the partnership).
    :param live: the pages load ``assets/live.js``, which reloads them when the site is
        rebuilt and shows the data's problems (for ``serve``).
    """

    def __init__(
        self,
        output: Path,
        *,
        languages: Sequence[str] = SITE_LANGUAGES,
        formats: Sequence[str] | None = None,
        manager: PluginManager | None = None,
        live: bool = False,
    ) -> None:
        if manager is None:
            from ..plugins import default_manager

            manager = default_manager()
        self.output = output
        self.languages = tuple(dict.fromkeys(languages))
        self.formats = None if formats is None else tuple(formats)
        self.manager = manager
        self.live = live
        self._bundles: dict[str, Bundle] = {}
        self._search: dict[tuple[str, str], list[SearchEntry]] = {}
        self._written: list[Path] = []
        self._kept: set[Path] = set()
        self._removed: list[Path] = []
        self._failures: list[RenderError] = []

    # -- the whole build ---------------------------------------------------------------

    def build(
        self, bundles: Sequence[Bundle], changed: Collection[str] | None = None
    ) -> SiteResult:
        """Write the pages of ``bundles`` (only of the partnerships in ``changed`` when
        given, the others kept from the last build) and the pages every partnership
        shares: the front pages, the search pages and indexes, the scripts."""
        self._written = []
        self._kept = set()
        self._removed = []
        self._failures = []
        self._bundles = {b.partnership.id: b for b in bundles}
        for key in [k for k in self._search if k[1] not in self._bundles]:
            del self._search[key]
        for bundle in bundles:
            if changed is None or bundle.partnership.id in changed:
                self._partnership(bundle)
        self._shared()
        return SiteResult(
            root=self.output,
            written=tuple(self._written),
            removed=tuple(self._removed),
            failures=tuple(self._failures),
        )

    def _write(self, relative: str, data: bytes | str) -> None:
        """Write a file of the site unless it already holds these bytes."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = self.output / relative
        self._kept.add(path)
        if path.is_file() and path.read_bytes() == raw:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
        self._written.append(path)

    def _sweep(self, relative: str) -> None:
        """Remove the files of the folder ``relative`` this build did not write: the
        pages and downloads of a document that is gone (or no longer renders)."""
        folder = self.output / relative
        if not folder.is_dir():
            return
        for path in sorted(folder.iterdir()):
            if path.is_file() and path not in self._kept:
                path.unlink()
                self._removed.append(path)

    def _fail(self, where: str, error: BaseException) -> None:
        message = str(error) if isinstance(error, HelsefellesskapError) else repr(error)
        self._failures.append(RenderError(f"{where}: {message}"))

    # -- what every page has -----------------------------------------------------------

    def _chrome(
        self,
        lang: str,
        depth: int,
        path: str,
        crumbs: Sequence[tuple[str, str | None]],
        downloads: Sequence[tuple[str, str]] = (),
    ) -> dict[str, Any]:
        """The site's part of a page in ``lang`` at ``path`` (in the language folder)
        ``depth`` folders below the root: navigation, language switch, downloads."""
        root = "../" * depth
        return {
            "root": root,
            "lang": lang,
            "labels": site_labels(lang),
            "csp": content_security_policy(live=self.live),
            "live": self.live,
            "home": f"{root}{lang}/index.html",
            "search": f"{root}{lang}/search.html",
            "languages": [
                {
                    "code": code,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "href": f"{root}{code}/{path}",
                    "current": code == lang,
                }
                for code in self.languages
            ],
            "crumbs": list(crumbs),
            "downloads": list(downloads),
        }

    def _render_site_page(
        self, name: str, values: Mapping[str, Any], partnership: str | None = None
    ) -> str:
        """A page of the site's own (front, partnership, search), looked up in the
        template folders of ``partnership`` (or the plugins' folders for every
        partnership) before the built-in ones; ``running_head`` is the print header the
        document stylesheet asks for."""
        site = values["site"]
        merged = {"running_head": values.get("name", site["labels"]["site"]), **values}
        folders = tuple(s.path for s in self.manager.template_sources(partnership))
        return _render_template(site_environment(folders), name, merged)

    # -- one partnership ---------------------------------------------------------------

    def _download_formats(self, partnership: str) -> list[RenderFormat]:
        installed = self.manager.render_formats()
        names = self.formats if self.formats is not None else tuple(installed)
        chosen = [find_format(name, self.manager, partnership) for name in dict.fromkeys(names)]
        usable = [f for f in chosen if f.name != HtmlFormat.name and f.serves(partnership)]
        rank = {name: i for i, name in enumerate(DOWNLOAD_ORDER)}
        return sorted(usable, key=lambda f: (rank.get(f.name, len(rank)), f.name))

    def _partnership(self, bundle: Bundle) -> None:
        pid = bundle.partnership.id
        html = HtmlFormat()
        items: list[Renderable] = [bundle.partnership, *bundle.documents, *self._reports(bundle)]
        shown = [item for item in items if renders(html, item, self.manager)]
        formats = self._download_formats(pid)
        for lang in self.languages:
            try:
                context = make_context(bundle, lang, self.manager)
            except HelsefellesskapError as error:
                self._fail(f"{pid} ({lang})", error)
                continue
            entries: list[SearchEntry] = []
            listed: list[_Listed] = []
            for item in shown:
                page = output_name(item, html)
                downloads = self._downloads(bundle, item, lang, formats)
                text = self._document_page(bundle, item, context, page, downloads)
                title = _title(item, context)
                if text is not None:
                    entries.append(
                        SearchEntry(
                            url=f"{lang}/{pid}/{page}",
                            title=title,
                            partnership=bundle.partnership.name,
                            text=text,
                        )
                    )
                if isinstance(item, Document) and text is not None:
                    listed.append(
                        _Listed(
                            kind=item.KIND,
                            year=document_year(item),
                            title=title,
                            lang=item.language,
                            href=page,
                            downloads=downloads,
                        )
                    )
            self._partnership_page(bundle, context, listed)
            self._sweep(f"{lang}/{pid}")
            self._search[(lang, pid)] = entries

    def _downloads(
        self, bundle: Bundle, item: Renderable, lang: str, formats: Iterable[RenderFormat]
    ) -> tuple[tuple[str, str], ...]:
        """Render ``item`` in each download format; ``(format, file name)`` of each written."""
        pid = bundle.partnership.id
        links = []
        for fmt in formats:
            if not renders(fmt, item, self.manager):
                continue
            name = output_name(item, fmt)
            try:
                data = render(item, fmt.name, bundle=bundle, lang=lang, manager=self.manager)
            except RenderError as error:
                self._fail(f"{lang}/{pid}/{name}", error)
                continue
            self._write(f"{lang}/{pid}/{name}", data)
            links.append((fmt.name, name))
        return tuple(links)

    def _document_page(
        self,
        bundle: Bundle,
        item: Renderable,
        context: RenderContext,
        page: str,
        downloads: Sequence[tuple[str, str]],
    ) -> str | None:
        """Write the page of ``item``; return its text for the search index."""
        from ..outline import build_outline

        pid = bundle.partnership.id
        lang = context.language
        where = f"{lang}/{pid}/{page}"
        try:
            outline = build_outline(item, context)
            environment = site_environment(tuple(context.template_dirs))
            template = environment.select_template(
                [HtmlFormat().template_name(item), DOCUMENT_TEMPLATE]
            )
            values = dict(page_values(outline, context))
            values["page_template"] = template.name
            values["site"] = self._chrome(
                lang,
                2,
                f"{pid}/{page}",
                [
                    (site_labels(lang)["home"], "../index.html"),
                    (bundle.partnership.name, "index.html"),
                    (outline.title, None),
                ],
                downloads,
            )
            html = _render_template(environment, "site/document.html.j2", values)
        except Exception as error:  # a plugin's outline or template: reported, the rest built
            self._fail(where, error)
            return None
        self._write(where, html)
        return page_text(html)

    def _reports(self, bundle: Bundle) -> list[Document]:
        """The status report and traceability matrix of each action plan (computed from
        the bundle, on today's date), rendered as documents through their outlines."""
        from ..followup.reports import status_report, traceability_report
        from ..model import ActionPlan

        reports: list[Document] = []
        for plan in bundle.documents_of(ActionPlan):
            for make in (status_report, traceability_report):
                try:
                    reports.append(make(bundle, plan.id))
                except HelsefellesskapError as error:
                    self._fail(f"{bundle.partnership.id}: {plan.id} ({make.__name__})", error)
        return reports

    def _partnership_page(
        self,
        bundle: Bundle,
        context: RenderContext,
        listed: Sequence[_Listed],
    ) -> None:
        partnership = bundle.partnership
        lang = context.language
        labels = site_labels(lang)
        kinds: dict[str, list[_Listed]] = {}
        for entry in listed:
            kinds.setdefault(entry.kind, []).append(entry)
        groups: list[dict[str, Any]] = [
            {
                "label": context.label(f"kind.{kind}"),
                "rows": sorted(entries, key=_row_order),
            }
            for kind, entries in kinds.items()
        ]
        documents = [g for g, kind in zip(groups, kinds, strict=True) if kind not in FOLLOWUP_KINDS]
        followup = [g for g, kind in zip(groups, kinds, strict=True) if kind in FOLLOWUP_KINDS]
        governance = output_name(partnership, HtmlFormat())
        values = {
            "site": self._chrome(
                lang,
                2,
                f"{partnership.id}/index.html",
                [(labels["home"], "../index.html"), (partnership.name, None)],
            ),
            "name": partnership.name,
            "name_lang": partnership_language(bundle, lang, self.manager),
            "example": context.label("document.example") if partnership.example else "",
            "governance": (
                {"label": _title(partnership, context), "href": governance}
                if (self.output / lang / partnership.id / governance).is_file()
                else None
            ),
            "groups": documents,
            "followup": followup,
        }
        self._write(
            f"{lang}/{partnership.id}/index.html",
            self._render_site_page("site/partnership.html.j2", values, partnership.id),
        )

    # -- the pages every partnership shares --------------------------------------------

    def _front_values(self, lang: str, depth: int) -> dict[str, Any]:
        labels = site_labels(lang)
        return {
            "site": self._chrome(lang, depth, "index.html", [(labels["home"], None)]),
            "partnerships": [
                {
                    "name": b.partnership.name,
                    "name_lang": partnership_language(b, lang, self.manager),
                    "href": f"{'../' * depth}{lang}/{pid}/index.html",
                    "count": labels["documents_count"].format(n=len(b.documents)),
                    "example": b.partnership.example,
                }
                for pid, b in self._bundles.items()
            ],
        }

    def _shared(self) -> None:
        self._write(MARKER, "A site written by helsefellesskap (helsefellesskap site).\n")
        for name in _ASSET_FILES + ((_LIVE_ASSET,) if self.live else ()):
            source = importlib.resources.files("helsefellesskap.site") / "assets" / name
            self._write(f"{ASSETS}/{name}", source.read_bytes())
        for lang in self.languages:
            labels = site_labels(lang)
            self._write(
                f"{lang}/index.html",
                self._render_site_page("site/front.html.j2", self._front_values(lang, 1)),
            )
            search = {
                "site": self._chrome(
                    lang,
                    1,
                    "search.html",
                    [(labels["home"], "index.html"), (labels["search_title"], None)],
                ),
                "index_script": f"../{ASSETS}/search-index.{lang}.js",
            }
            self._write(
                f"{lang}/search.html", self._render_site_page("site/search.html.j2", search)
            )
            entries = [
                e for (code, _), found in self._search.items() if code == lang for e in found
            ]
            self._write(f"{ASSETS}/search-index.{lang}.js", index_script(entries))
        first = self.languages[0]
        self._write(
            "index.html",
            self._render_site_page("site/front.html.j2", self._front_values(first, 0)),
        )


def partnership_language(bundle: Bundle, lang: str, manager: PluginManager) -> str | None:
    """The language of the partnership's data (its layout's) when it is not ``lang``,
    for the ``lang`` attribute of its name on a page in ``lang``."""
    language = manager.layout_for(bundle.partnership).language
    return language if language != lang else None


def _row_order(entry: _Listed) -> tuple[int, str]:
    """Newest first, then by title."""
    return (-(entry.year or 0), entry.title)


def _title(item: Renderable, context: RenderContext) -> str:
    if isinstance(item, Partnership):
        return f"{context.label('governance.title')} – {item.name}"
    return item.title


def _render_template(environment: jinja2.Environment, name: str, values: Mapping[str, Any]) -> str:
    """Render a template; a template error becomes a :class:`RenderError` naming it."""
    import jinja2

    try:
        return environment.get_template(name).render(values)
    except jinja2.TemplateError as error:
        from ..messages import message

        raise RenderError(message("site.template_error", name=repr(name), error=error)) from error


def build_site(
    bundles: Sequence[Bundle],
    output: Path,
    *,
    languages: Sequence[str] = SITE_LANGUAGES,
    formats: Sequence[str] | None = None,
    manager: PluginManager | None = None,
) -> SiteResult:
    """Build the static site of ``bundles`` into the folder ``output``.

    Every document and governance overview gets a page in each of ``languages``, with
    downloads in ``formats`` (default: every installed format but HTML). A document or
    format that cannot be rendered is listed in :attr:`SiteResult.failures`; the rest of
    the site is written. Open ``output/index.html`` in a browser, or serve the folder.
    """
    builder = SiteBuilder(output, languages=languages, formats=formats, manager=manager)
    return builder.build(bundles)
