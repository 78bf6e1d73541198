"""The render API: one document (or a governance overview) to bytes, a bundle to a folder."""

from __future__ import annotations

import io
import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

import attrs

from ..errors import PluginError, RenderError, UnknownFormatError
from ..gc_pause import collection_paused
from ..messages import message
from ..model import Bundle, Layout, NationalFrame, Partnership
from .catalogue import LANGUAGES
from .format import GOVERNANCE_SUFFIX, Renderable, RenderContext, RenderFormat, output_name
from .labelset import LabelError

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = [
    "DEFAULT_BUNDLE_FORMATS",
    "GOVERNANCE_SUFFIX",
    "PartialRenderError",
    "check_partnership",
    "find_format",
    "item_kind",
    "item_title",
    "make_context",
    "output_name",
    "render",
    "render_bundle",
    "render_to",
    "renders",
]

DEFAULT_BUNDLE_FORMATS: tuple[str, ...] = ("md", "html", "json")
"""The formats :func:`render_bundle` writes unless told otherwise."""


def _manager(manager: PluginManager | None) -> PluginManager:
    if manager is not None:
        return manager
    from ..plugins import default_manager

    return default_manager()


def _check_language(language: str, manager: PluginManager) -> None:
    known = set(LANGUAGES) | {c.language for c in manager.label_catalogues()}
    if language in known:
        return
    import difflib  # the did-you-mean of a wrong name only

    close = difflib.get_close_matches(language, sorted(known), n=1)
    hint = message("render.did_you_mean", name=repr(close[0])) if close else ""
    raise RenderError(
        message(
            "render.no_labels",
            language=repr(language),
            hint=hint,
            known=", ".join(sorted(known)),
        )
    )


def make_context(
    bundle: Bundle, lang: str | None = None, manager: PluginManager | None = None
) -> RenderContext:
    """The context every format renders with: the merged labels for ``lang`` (the
    partnership's own overrides included), its layout, template folders and body kinds.

    Without ``lang``, the partnership's language (``[layout] language``, as a plugin's
    ``hf_layout`` may refine it).

    What the context holds besides the bundle is worked out once per partnership object,
    language and manager, and used again while the manager's plugins stay the same
    (:attr:`PluginManager.state`) and that partnership object lives; its labels and body
    kinds are shared by those contexts and must not be changed.

    Raises :class:`~helsefellesskap.errors.RenderError` for a language without labels.
    """
    manager = _manager(manager)
    parts = _context_parts(bundle.partnership, lang, manager)
    return RenderContext(
        bundle=bundle,
        language=parts.language,
        labels=parts.labels,
        layout=parts.layout,
        national=parts.national,
        template_dirs=parts.template_dirs,
        body_kinds=parts.body_kinds,
        manager=manager,
    )


@attrs.frozen(kw_only=True)
class _Parts:
    """What a render context holds besides the bundle and the manager."""

    language: str
    labels: Mapping[str, str]
    layout: Layout
    national: NationalFrame
    template_dirs: tuple[Path, ...]
    body_kinds: Mapping[str, str]


def _build_parts(partnership: Partnership, lang: str | None, manager: PluginManager) -> _Parts:
    from ..national import national_frame
    from ..national_texts import localized_frame

    layout = manager.layout_for(partnership)
    lang = lang or layout.language
    _check_language(lang, manager)
    return _Parts(
        language=lang,
        labels=manager.labels(lang, partnership.id),
        layout=layout,
        national=localized_frame(national_frame(), lang, partnership.national_texts),
        template_dirs=tuple(s.path for s in manager.template_sources(partnership.id)),
        body_kinds=MappingProxyType(
            {name: kind.label(lang) for name, kind in manager.body_kinds().items()}
        ),
    )


@attrs.frozen
class _Kept:
    """A context's parts, kept for one partnership object at one state of the manager."""

    partnership: weakref.ref[Partnership]
    state: int
    parts: _Parts


class _ManagerCache:
    """What :func:`render` keeps for one manager: context parts by (id of the
    partnership object, language asked for), and formats by name, each valid only at
    the manager's :attr:`~PluginManager.state` it was made at."""

    def __init__(self) -> None:
        self.parts: dict[tuple[int, str | None], _Kept] = {}
        self.formats: dict[str, tuple[int, RenderFormat]] = {}


_CACHES: weakref.WeakKeyDictionary[PluginManager, _ManagerCache] = weakref.WeakKeyDictionary()
_LOCK = threading.RLock()
"""Guards _CACHES and the dictionaries of each _ManagerCache. Re-entrant: a partnership
collected by the garbage collector while this thread holds it calls ``forget`` below."""


def _cache_of(manager: PluginManager) -> _ManagerCache:
    with _LOCK:
        cache = _CACHES.get(manager)
        if cache is None:
            cache = _CACHES[manager] = _ManagerCache()
        return cache


def _context_parts(
    partnership: Partnership, lang: str | None, manager: PluginManager
) -> _Parts:
    """The parts of the context for ``partnership`` in ``lang``: kept ones while the same
    partnership object lives and the manager's plugins are unchanged, else new ones.

    Two threads may build the same parts at once; both are right, and one is kept. The
    parts are kept without the partnership (a weak reference tells whether it is the
    same object), and dropped when it is collected.
    """
    cache = _cache_of(manager)
    key = (id(partnership), lang)
    state = manager.state
    with _LOCK:
        kept = cache.parts.get(key)
    if kept is not None and kept.state == state and kept.partnership() is partnership:
        return kept.parts
    parts = _build_parts(partnership, lang, manager)
    store = cache.parts
    lock = _LOCK  # kept here: at interpreter exit the module's globals may be gone first

    def forget(ref: weakref.ref[Partnership]) -> None:
        with lock:
            entry = store.get(key)
            if entry is not None and entry.partnership is ref:
                del store[key]

    with _LOCK:
        store[key] = _Kept(weakref.ref(partnership, forget), state, parts)
    return parts


class PartialRenderError(RenderError):
    """Some files of a bundle could not be rendered; the others were written.

    ``written`` lists the paths written (the index files included), ``failures`` the
    error of each document and format that failed, naming the plugin and the format.
    """

    def __init__(self, written: Sequence[Path], failures: Sequence[RenderError]) -> None:
        self.written: tuple[Path, ...] = tuple(written)
        self.failures: tuple[RenderError, ...] = tuple(failures)
        count = len(self.failures)
        lines = [
            message("render.partial.one" if count == 1 else "render.partial.other", count=count)
        ]
        lines.extend(f"  {failure}" for failure in self.failures)
        super().__init__("\n".join(lines))


def _disabled_note(manager: PluginManager) -> str:
    """`` (plugin 'docx' is disabled)`` when plugins were disabled, which may hold a format."""
    names = list(dict.fromkeys(manager.skipped))
    if not names:
        return ""
    quoted = ", ".join(repr(n) for n in names)
    return message(
        "render.disabled.one" if len(names) == 1 else "render.disabled.other", names=quoted
    )


def find_format(name: str, manager: PluginManager, partnership: str | None = None) -> RenderFormat:
    """The render format called ``name``; an :class:`UnknownFormatError` with a
    did-you-mean suggestion if no plugin provides it (a :class:`RenderError` if two claim
    it), which also names the plugins
    that were disabled (one of them may be the one that provides it).

    With ``partnership``, the error suggests and lists only the formats that serve it
    (a format for some partnerships only is no help to the others).
    """
    cache = _cache_of(manager)
    state = manager.state
    with _LOCK:
        kept = cache.formats.get(name)
    if kept is not None and kept[0] == state:
        return kept[1]
    try:  # the format itself, also where a plugin declared it by name (lazy_format)
        fmt = manager.render_format(name)
    except PluginError as error:  # two plugins claim the name, or its class cannot load
        raise RenderError(str(error)) from None
    except UnknownFormatError:
        formats = manager.render_formats()
        usable = sorted(n for n, f in formats.items() if f.serves(partnership))
        import difflib  # the did-you-mean of a wrong name only

        close = difflib.get_close_matches(name, usable, n=1)
        hint = message("render.did_you_mean", name=repr(close[0])) if close else ""
        known = ", ".join(usable) or message("render.none")
        raise UnknownFormatError(
            message(
                "render.unknown_format",
                name=repr(name),
                hint=hint,
                known=known,
                note=_disabled_note(manager),
            )
        ) from None
    with _LOCK:
        cache.formats[name] = (state, fmt)
    return fmt


def _describe_format(fmt: RenderFormat, manager: PluginManager) -> str:
    owner = manager.owner("hf_render_formats", fmt.name)
    if owner:
        return message("render.the_format_of_plugin", name=repr(fmt.name), owner=repr(owner))
    return message("render.the_format", name=repr(fmt.name))


def check_partnership(fmt: RenderFormat, partnership: str, manager: PluginManager) -> None:
    """Refuse with a :class:`RenderError` when ``fmt`` is only for other partnerships."""
    if fmt.serves(partnership):
        return
    only = ", ".join(repr(p) for p in fmt.partnerships)
    raise RenderError(
        message(
            "render.only_for.other" if len(fmt.partnerships) > 1 else "render.only_for.one",
            format=_describe_format(fmt, manager),
            only=only,
            partnership=repr(partnership),
        )
    )


def _render_with(
    fmt: RenderFormat, item: Renderable, context: RenderContext, manager: PluginManager
) -> bytes:
    """``fmt.render``, with whatever it raises turned into a :class:`RenderError` that
    names the plugin, the format and the item.

    Automatic garbage collection is paused while the format writes (as while loading and
    validating, :func:`~helsefellesskap.gc_pause.collection_paused`): a document's outline
    and output are many small objects without cycles, and a full collection in between
    would walk every bundle the program keeps (10 % of HTML output of the benchmark's
    corpus)."""
    try:
        with collection_paused():
            data = fmt.render(item, context)
    except LabelError as error:  # the label's plugin is to blame, not the format
        what = _what(item)
        raise RenderError(
            message("render.label_while_rendering", error=error, what=what, format=repr(fmt.name))
        ) from error
    except RenderError as error:
        raise RenderError(
            message(
                "render.format_on",
                format=_describe_format(fmt, manager),
                what=_what(item),
                error=error,
            )
        ) from error
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # a plugin's bug (even sys.exit) must not end the run
        raise RenderError(
            message(
                "render.format_failed",
                format=_describe_format(fmt, manager),
                what=_what(item),
                type=type(error).__name__,
                error=error,
            )
        ) from error
    if not isinstance(data, bytes):
        raise RenderError(
            message(
                "render.format_returned",
                format=_describe_format(fmt, manager),
                type=type(data).__name__,
                what=_what(item),
            )
        )
    return data


def _what(item: Renderable) -> str:
    """The item in a message: its kind and id (``action-plan 'handlingsplan-2024'``)."""
    return message("render.item", kind=item_kind(item), id=repr(item.id))


def renders(fmt: RenderFormat, item: Renderable, manager: PluginManager) -> bool:
    """Whether ``fmt`` renders ``item``: a type it declares (:meth:`RenderFormat.can_render`),
    or, for a format that writes outlines, any document type with an outline builder (the
    core's, or a plugin's through ``hf_outline_builders``)."""
    if fmt.can_render(item):
        return True
    if not fmt.outlines or isinstance(item, Partnership) or not fmt.serves(item.partnership):
        return False
    from ..outline.build import core_builder

    return core_builder(item.KIND) is not None or item.KIND in manager.outline_builders()


def item_kind(item: Renderable) -> str:
    """The kind of what is rendered: the document's ``KIND`` or ``"governance"``."""
    return "governance" if isinstance(item, Partnership) else item.KIND


def item_title(item: Renderable, context: RenderContext) -> str:
    """The title of what is rendered: the document's title, or "Styringsstruktur – <name>"."""
    if isinstance(item, Partnership):
        return f"{context.label('governance.title')} – {item.name}"
    return item.title


def render(
    item: Renderable,
    format: str = "md",
    *,
    bundle: Bundle,
    lang: str | None = None,
    manager: PluginManager | None = None,
) -> bytes:
    """Render a document of ``bundle`` (or its partnership, as the governance overview).

    :param item: a :class:`~helsefellesskap.model.Document` or the
        :class:`~helsefellesskap.model.Partnership`.
    :param format: a format name: ``md``, ``html``, ``json``, or one a plugin adds.
    :param lang: ``nb``, ``nn`` or ``en``; by default the partnership's language
        (``[layout] language``).
    :raises RenderError: for an unknown format or language, an item the format
        cannot render, a format that is only for other partnerships, or a format that
        fails (the error names its plugin).
    """
    manager = _manager(manager)
    fmt = find_format(format, manager, bundle.partnership.id)
    check_partnership(fmt, bundle.partnership.id, manager)
    if not renders(fmt, item, manager):
        kinds = ", ".join(
            "governance" if t is Partnership else getattr(t, "KIND", t.__name__)
            for t in fmt.renders
        )
        raise RenderError(
            message(
                "render.cannot_render",
                name=repr(fmt.name),
                kind=item_kind(item),
                id=repr(item.id),
                kinds=kinds or message("render.nothing"),
            )
        )
    context = make_context(bundle, lang, manager)
    return _render_with(fmt, item, context, manager)


class _Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


def render_to(
    item: Renderable,
    format: str,
    out: _Writable,
    *,
    bundle: Bundle,
    lang: str | None = None,
    manager: PluginManager | None = None,
) -> int:
    """Render as :func:`render` does and write the result to ``out``, a binary file-like
    object (an open file, ``io.BytesIO``, a web framework's response stream); return the
    number of bytes written.

    Nothing is written when rendering fails: the error is raised before the first byte,
    so a half-written answer never reaches ``out``.
    """
    if lang is None:  # render's own default
        data = render(item, format, bundle=bundle, manager=manager)
    else:
        data = render(item, format, bundle=bundle, lang=lang, manager=manager)
    if isinstance(out, io.TextIOBase):
        raise TypeError("render_to() writes bytes: open the file in binary mode ('wb')")
    view = memoryview(data)
    for start in range(0, len(view), _CHUNK):
        out.write(view[start : start + _CHUNK].tobytes())
    return len(data)


_CHUNK = 64 * 1024


@attrs.frozen(kw_only=True)
class _Entry:
    language: str
    kind: str
    title: str
    links: tuple[tuple[str, str], ...]
    """(format name, relative path) pairs."""
    data_language: str
    """The language of the title: the document's (the rendering language's for the
    governance overview, whose title is a label)."""


def _check_out_dir(bundle: Bundle, out_dir: Path) -> None:
    if bundle.root is None:
        return
    root = bundle.root.resolve()
    target = out_dir.resolve()
    if target == root or root in target.parents:
        raise RenderError(
            message(
                "render.into_source_folder",
                out_dir=out_dir,
                root=bundle.root,
                id=bundle.partnership.id,
            )
        )


def _index_markdown(
    bundle: Bundle, entries: Sequence[_Entry], contexts: Mapping[str, RenderContext]
) -> str:
    """The Markdown index: one table per language, each in that language's labels."""
    from .markdown import escape_cell, escape_text

    languages = list(dict.fromkeys(e.language for e in entries)) or list(contexts)[:1]
    first = contexts[languages[0]] if languages else next(iter(contexts.values()))
    lines = [f"# {escape_text(bundle.partnership.name)}", ""]
    if bundle.partnership.example:
        lines += [f"*{escape_text(first.label('document.example'))}*", ""]
    for language in languages:
        context = contexts[language]
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


def _index_html(
    bundle: Bundle, entries: Sequence[_Entry], contexts: Mapping[str, RenderContext]
) -> str:
    """The HTML index, from its template: :func:`helsefellesskap.render.html.index_page`."""
    from .html import index_page

    first = next(iter(contexts.values()), None)
    return index_page(bundle, entries, contexts, first.template_dirs if first else ())


def render_bundle(
    bundle: Bundle,
    out_dir: Path,
    *,
    formats: Iterable[str] = DEFAULT_BUNDLE_FORMATS,
    languages: Iterable[str] | None = None,
    manager: PluginManager | None = None,
) -> list[Path]:
    """Render every document of ``bundle`` and its governance overview into ``out_dir``.

    One file per document and format (a format skips the documents it cannot render),
    plus ``index.md`` and ``index.html`` listing them. ``languages`` defaults to the
    partnership's language alone; with several languages each gets
    a subfolder (``out_dir/nn/…``). Files are written atomically; the folder may not be
    (or lie inside) the partnership's source folder. A format that is only for other
    partnerships (:attr:`RenderFormat.partnerships`) is left out. Returns the paths
    written, the index files last.

    :raises RenderError: for an unknown format or language, or a forbidden folder.
    :raises PartialRenderError: when some documents failed to render in some format:
        the others and the index are written all the same, and the error lists both.
    """
    from ..io import write_atomic

    manager = _manager(manager)
    out_dir = Path(out_dir)
    _check_out_dir(bundle, out_dir)
    partnership = bundle.partnership.id
    chosen = [
        fmt
        for fmt in (find_format(name, manager, partnership) for name in dict.fromkeys(formats))
        if fmt.serves(partnership)
    ]
    if languages is None:
        languages = (manager.layout_for(bundle.partnership).language,)
    langs = list(dict.fromkeys(languages))
    if not langs:
        raise RenderError(message("render.no_language"))
    contexts = {lang: make_context(bundle, lang, manager) for lang in langs}
    items: list[Renderable] = [*bundle.documents, bundle.partnership]
    sources = {p.resolve() for p in bundle.files.values()}
    written: list[Path] = []
    entries: list[_Entry] = []
    failures: list[RenderError] = []
    for lang in langs:
        context = contexts[lang]
        folder = out_dir / lang if len(langs) > 1 else out_dir
        for item in items:
            links: list[tuple[str, str]] = []
            for fmt in chosen:
                if not renders(fmt, item, manager):
                    continue
                path = folder / output_name(item, fmt)
                if path.resolve() in sources:
                    raise RenderError(message("render.overwrite_source", path=path))
                try:
                    data = _render_with(fmt, item, context, manager)
                except RenderError as error:
                    failures.append(error)
                    continue
                write_atomic(path, data)
                written.append(path)
                links.append((fmt.name, path.relative_to(out_dir).as_posix()))
            if links:
                entries.append(
                    _Entry(
                        language=lang,
                        kind=item_kind(item),
                        title=item_title(item, context),
                        links=tuple(links),
                        data_language=(lang if isinstance(item, Partnership) else item.language),
                    )
                )
    for name, text in (
        ("index.md", _index_markdown(bundle, entries, contexts)),
        ("index.html", _index_html(bundle, entries, contexts)),
    ):
        path = out_dir / name
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    if failures:
        raise PartialRenderError(written, failures)
    return written
