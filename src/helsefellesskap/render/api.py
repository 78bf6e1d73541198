"""The render API: one document (or a governance overview) to bytes, a bundle to a folder."""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..errors import DocumentNotFoundError, PluginError, RenderError
from ..model import Bundle, Partnership
from .catalogue import LANGUAGES
from .format import Renderable, RenderContext, RenderFormat

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = [
    "DEFAULT_BUNDLE_FORMATS",
    "GOVERNANCE_SUFFIX",
    "find_format",
    "item_kind",
    "item_title",
    "make_context",
    "output_name",
    "render",
    "render_bundle",
]

DEFAULT_BUNDLE_FORMATS: tuple[str, ...] = ("md", "html", "json")
"""The formats :func:`render_bundle` writes unless told otherwise."""

GOVERNANCE_SUFFIX = "styringsstruktur"
"""The governance overview's file is named ``<partnership id>-styringsstruktur.<ext>``."""


def _manager(manager: PluginManager | None) -> PluginManager:
    if manager is not None:
        return manager
    from ..plugins import PluginManager

    return PluginManager()


def _check_language(language: str, manager: PluginManager) -> None:
    known = set(LANGUAGES) | {c.language for c in manager.label_catalogues()}
    if language in known:
        return
    close = difflib.get_close_matches(language, sorted(known), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise RenderError(
        f"no labels for language {language!r}: {hint}the languages are {', '.join(sorted(known))}"
    )


def make_context(
    bundle: Bundle, lang: str = "nb", manager: PluginManager | None = None
) -> RenderContext:
    """The context every format renders with: the merged labels for ``lang`` (the
    partnership's own overrides included), its layout, template folders and body kinds.

    Raises :class:`~helsefellesskap.errors.RenderError` for a language without labels.
    """
    from ..national import national_frame

    manager = _manager(manager)
    _check_language(lang, manager)
    partnership = bundle.partnership
    return RenderContext(
        bundle=bundle,
        language=lang,
        labels=manager.labels(lang, partnership.id),
        layout=manager.layout_for(partnership),
        national=national_frame(),
        template_dirs=tuple(s.path for s in manager.template_sources(partnership.id)),
        body_kinds={name: kind.label(lang) for name, kind in manager.body_kinds().items()},
    )


def find_format(name: str, manager: PluginManager) -> RenderFormat:
    """The render format called ``name``; a :class:`RenderError` with a did-you-mean
    suggestion if no plugin provides it (or two claim it)."""
    formats = manager.render_formats()
    if name in formats:
        return formats[name]
    try:
        return manager.render_format(name)
    except PluginError as error:  # two plugins claim the name
        raise RenderError(str(error)) from None
    except DocumentNotFoundError:
        close = difflib.get_close_matches(name, sorted(formats), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        known = ", ".join(sorted(formats)) or "none"
        raise RenderError(f"unknown format {name!r}: {hint}the formats are {known}") from None


def item_kind(item: Renderable) -> str:
    """The kind of what is rendered: the document's ``KIND`` or ``"governance"``."""
    return "governance" if isinstance(item, Partnership) else item.KIND


def item_title(item: Renderable, context: RenderContext) -> str:
    """The title of what is rendered: the document's title, or "Styringsstruktur – <name>"."""
    if isinstance(item, Partnership):
        return f"{context.label('governance.title')} – {item.name}"
    return item.title


def output_name(item: Renderable, fmt: RenderFormat) -> str:
    """The file name of ``item`` in format ``fmt``: ``<document id><ext>``, or
    ``<partnership id>-styringsstruktur<ext>`` for the governance overview."""
    stem = f"{item.id}-{GOVERNANCE_SUFFIX}" if isinstance(item, Partnership) else item.id
    return stem + fmt.extension


def render(
    item: Renderable,
    format: str = "md",
    *,
    bundle: Bundle,
    lang: str = "nb",
    manager: PluginManager | None = None,
) -> bytes:
    """Render a document of ``bundle`` (or its partnership, as the governance overview).

    :param item: a :class:`~helsefellesskap.model.Document` or the
        :class:`~helsefellesskap.model.Partnership`.
    :param format: a format name: ``md``, ``html``, ``json``, or one a plugin adds.
    :param lang: ``nb`` (default), ``nn`` or ``en``.
    :raises RenderError: for an unknown format or language, or an item the format
        cannot render.
    """
    manager = _manager(manager)
    fmt = find_format(format, manager)
    if not fmt.can_render(item):
        kinds = ", ".join(
            "governance" if t is Partnership else getattr(t, "KIND", t.__name__)
            for t in fmt.renders
        )
        raise RenderError(
            f"the format {fmt.name!r} cannot render a {item_kind(item)} ({item.id!r}); "
            f"it renders: {kinds or 'nothing'}"
        )
    context = make_context(bundle, lang, manager)
    return fmt.render(item, context)


@attrs.frozen(kw_only=True)
class _Entry:
    language: str
    kind: str
    title: str
    links: tuple[tuple[str, str], ...]
    """(format name, relative path) pairs."""


def _check_out_dir(bundle: Bundle, out_dir: Path) -> None:
    if bundle.root is None:
        return
    root = bundle.root.resolve()
    target = out_dir.resolve()
    if target == root or root in target.parents:
        raise RenderError(
            f"{out_dir}: will not write rendered files into the partnership's source folder "
            f"{bundle.root}; choose another folder (e.g. build/{bundle.partnership.id})"
        )


def _index_markdown(bundle: Bundle, entries: Sequence[_Entry], context: RenderContext) -> str:
    from .markdown import escape_cell, escape_text

    lines = [f"# {escape_text(bundle.partnership.name)}", ""]
    if bundle.partnership.example:
        lines += [f"*{escape_text(context.label('document.example'))}*", ""]
    languages = list(dict.fromkeys(e.language for e in entries))
    for language in languages:
        if len(languages) > 1:
            lines += [f"## {language}", ""]
        head = [context.label("index.document"), context.label("index.kind")]
        lines.append("| " + " | ".join([*head, context.label("index.formats")]) + " |")
        lines.append("| --- | --- | --- |")
        for entry in (e for e in entries if e.language == language):
            links = ", ".join(f"[{name}]({path})" for name, path in entry.links)
            kind = context.label(f"kind.{entry.kind}")
            lines.append(f"| {escape_cell(entry.title)} | {escape_cell(kind)} | {links} |")
        lines.append("")
    return "\n".join(lines)


def _index_html(bundle: Bundle, entries: Sequence[_Entry], context: RenderContext) -> str:
    esc = html.escape
    name = esc(bundle.partnership.name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(context.language)}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{name} – {esc(context.label('index.title'))}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse}"
        "th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:left}"
        "a{color:#0b4f8a}</style>",
        "</head>",
        "<body>",
        f"<h1>{name}</h1>",
    ]
    if bundle.partnership.example:
        parts.append(f"<p><em>{esc(context.label('document.example'))}</em></p>")
    languages = list(dict.fromkeys(e.language for e in entries))
    for language in languages:
        if len(languages) > 1:
            parts.append(f"<h2>{esc(language)}</h2>")
        parts.append("<table><thead><tr>")
        for key in ("index.document", "index.kind", "index.formats"):
            parts.append(f'<th scope="col">{esc(context.label(key))}</th>')
        parts.append("</tr></thead><tbody>")
        for entry in (e for e in entries if e.language == language):
            links = ", ".join(f'<a href="{esc(path)}">{esc(fmt)}</a>' for fmt, path in entry.links)
            kind = esc(context.label(f"kind.{entry.kind}"))
            parts.append(f"<tr><td>{esc(entry.title)}</td><td>{kind}</td><td>{links}</td></tr>")
        parts.append("</tbody></table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def render_bundle(
    bundle: Bundle,
    out_dir: Path,
    *,
    formats: Iterable[str] = DEFAULT_BUNDLE_FORMATS,
    languages: Iterable[str] = ("nb",),
    manager: PluginManager | None = None,
) -> list[Path]:
    """Render every document of ``bundle`` and its governance overview into ``out_dir``.

    One file per document and format (a format skips the documents it cannot render),
    plus ``index.md`` and ``index.html`` listing them. With several languages each gets
    a subfolder (``out_dir/nn/…``). Files are written atomically; the folder may not be
    (or lie inside) the partnership's source folder. Returns the paths written, the
    index files last.

    :raises RenderError: for an unknown format or language, or a forbidden folder.
    """
    from ..io import write_atomic

    manager = _manager(manager)
    out_dir = Path(out_dir)
    _check_out_dir(bundle, out_dir)
    chosen = [find_format(name, manager) for name in dict.fromkeys(formats)]
    langs = list(dict.fromkeys(languages))
    if not langs:
        raise RenderError("no language to render: name at least one (nb, nn, en)")
    contexts = {lang: make_context(bundle, lang, manager) for lang in langs}
    items: list[Renderable] = [*bundle.documents, bundle.partnership]
    sources = {p.resolve() for p in bundle.files.values()}
    written: list[Path] = []
    entries: list[_Entry] = []
    for lang in langs:
        context = contexts[lang]
        folder = out_dir / lang if len(langs) > 1 else out_dir
        for item in items:
            links: list[tuple[str, str]] = []
            for fmt in chosen:
                if not fmt.can_render(item):
                    continue
                path = folder / output_name(item, fmt)
                if path.resolve() in sources:
                    raise RenderError(f"{path}: will not overwrite a source file")
                write_atomic(path, fmt.render(item, context))
                written.append(path)
                links.append((fmt.name, path.relative_to(out_dir).as_posix()))
            if links:
                entries.append(
                    _Entry(
                        language=lang,
                        kind=item_kind(item),
                        title=item_title(item, context),
                        links=tuple(links),
                    )
                )
    first = contexts[langs[0]]
    for name, text in (
        ("index.md", _index_markdown(bundle, entries, first)),
        ("index.html", _index_html(bundle, entries, first)),
    ):
        path = out_dir / name
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written
