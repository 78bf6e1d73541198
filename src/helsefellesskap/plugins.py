"""The plugin manager: built-in plugins, entry points, fault isolation and registries.

The built-in body kinds, rules, render formats, labels and commands are plugins like
any other, registered from :data:`DEFAULT_PLUGINS`. External plugins are found through
the entry point group ``helsefellesskap``. Each plugin is loaded on its own: one that
fails to import, implements an unknown hook, returns something a hook does not allow or
raises inside a hook is recorded in :attr:`PluginManager.failures` with its name and the
hook, and the others keep working.

There is no global manager: an embedding application builds its own, with exactly the
plugins it wants (``PluginManager(plugins=[...], entry_points=False)``).
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import inspect
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any, Generic, TypeVar

import attrs
import pluggy

from . import hookspecs
from .command import Command
from .errors import DocumentNotFoundError, PluginError
from .hookspecs import PROJECT_NAME
from .kinds import BodyKind
from .model import DOCUMENT_TYPES, Bundle, Document, Layout, Partnership
from .render.catalogue import LabelCatalogue, TemplateSource
from .render.format import RenderFormat
from .sources import PartnershipSource
from .validate.finding import Rule

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "HOOK_PREFIX",
    "NO_ENTRY_POINTS_ENV",
    "PluginFailure",
    "PluginInfo",
    "PluginManager",
    "hook_names",
]

ENTRY_POINT_GROUP = PROJECT_NAME
"""The entry point group under which plugin distributions declare their plugin module."""

DISABLE_ENV = "HELSEFELLESSKAP_DISABLE_PLUGINS"
"""Environment variable: comma-separated names of plugins not to load."""

NO_ENTRY_POINTS_ENV = "HELSEFELLESSKAP_NO_ENTRY_POINTS"
"""Environment variable: when set to ``1``, no plugin is loaded from entry points."""

DEFAULT_PLUGINS: tuple[str, ...] = (
    "helsefellesskap.builtin.kinds",
    "helsefellesskap.builtin.rules",
    "helsefellesskap.builtin.formats",
    "helsefellesskap.builtin.labels",
    "helsefellesskap.builtin.commands",
)
"""The modules of the built-in plugins, registered in this order."""

HOOK_PREFIX = "hf_"
"""The prefix every hook name shares."""

T = TypeVar("T")


def hook_names() -> tuple[str, ...]:
    """The names of every hook in :mod:`helsefellesskap.hookspecs`, sorted."""
    return tuple(sorted(name for name in vars(hookspecs) if name.startswith(HOOK_PREFIX)))


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What is known of a registered plugin: its name, where it comes from, its hooks.

    ``name`` is the name to disable it by: the entry point name for an installed plugin,
    the module name for a built-in one. ``distribution`` and ``version`` describe the
    installed distribution that declares it (``None`` for built-ins and for plugins
    registered by hand); ``entry_point`` is the entry point's value (``package.module``).
    """

    name: str
    module: str
    hooks: tuple[str, ...]
    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None
    builtin: bool = False


@attrs.frozen(kw_only=True)
class PluginFailure:
    """A plugin that failed: at import, at registration or inside a hook.

    ``hook`` names the hook where the failure happened, ``None`` for a failure at import
    or registration that concerns the plugin as a whole. ``traceback`` is the formatted
    traceback of the exception, where there was one, for the plugin's author; it does
    not take part in comparisons.
    """

    plugin: str
    message: str
    hook: str | None = None
    traceback: str | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        where = f"plugin {self.plugin!r}" + (f" in hook {self.hook}" if self.hook else "")
        return f"{where}: {self.message}"


@attrs.frozen
class _Registry(Generic[T]):
    """The items of one contributing hook by name, who contributed each, and the clashes."""

    items: dict[str, T]
    owners: dict[str, str]
    conflicts: dict[str, list[str]]


def _disabled_from_env() -> set[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return {name.strip() for name in raw.split(",") if name.strip()}


def _normalize(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _describe(value: object) -> str:
    """A short description of a value for an error message."""
    if isinstance(value, type):
        return f"the class {value.__name__}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def _instances_of(cls: type[Any]) -> Callable[[object], str | None]:
    """A check that an item is an instance of ``cls``; the message says what to return."""

    def check(item: object) -> str | None:
        if isinstance(item, cls):
            return None
        if isinstance(item, type) and issubclass(item, cls):
            return (
                f"returned the class {item.__name__} where an instance is expected: "
                f"return {item.__name__}()"
            )
        return f"returned {_describe(item)} where a {cls.__name__} is expected"

    return check


def _document_type(item: object) -> str | None:
    if not (isinstance(item, type) and issubclass(item, Document)):
        return f"returned {_describe(item)} where a subclass of Document is expected"
    if not item.KIND:
        return f"document type {item.__name__} has no KIND"
    return None


def _render_format_key(item: RenderFormat) -> str:
    for attribute in ("name", "extension", "media_type"):
        if not getattr(item, attribute, None):
            raise ValueError(f"render format {type(item).__name__} has no {attribute}")
    return item.name


class PluginManager:
    """Registers plugins and gathers what they contribute.

    :param plugins: the plugins to register first: modules, module names or objects.
        ``None`` means :data:`DEFAULT_PLUGINS`.
    :param entry_points: whether to load the plugins installed under the entry point
        group (unless :data:`NO_ENTRY_POINTS_ENV` is ``1`` and ``use_env`` is true).
    :param disabled: names of plugins not to register (plugin names or distribution
        names); the names in :data:`DISABLE_ENV` are added unless ``use_env`` is false.
    :param use_env: whether the environment variables apply.

    Building the manager asks every plugin for what it contributes, so that
    :attr:`failures` lists every broken plugin right away; only :meth:`layout_for`,
    which depends on the partnership, can add failures later.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object | str] | None = None,
        entry_points: bool = True,
        disabled: Iterable[str] = (),
        use_env: bool = True,
    ) -> None:
        self._pm = pluggy.PluginManager(PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._known_hooks = frozenset(hook_names())
        self.disabled: frozenset[str] = frozenset(disabled) | (
            frozenset(_disabled_from_env()) if use_env else frozenset()
        )
        self.failures: list[PluginFailure] = []
        self.skipped: list[str] = []
        self._disabled_hits: set[str] = set()
        self._infos: dict[str, PluginInfo] = {}
        self._cache: dict[str, Any] = {}
        for plugin in DEFAULT_PLUGINS if plugins is None else plugins:
            self.register(plugin)
        if entry_points and not (use_env and os.environ.get(NO_ENTRY_POINTS_ENV) == "1"):
            self.load_entry_points()
        self._pm.check_pending()
        self.collect()

    # -- registration -------------------------------------------------------------------

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for tools that need it."""
        return self._pm

    def _fail(
        self,
        plugin: str,
        message: str,
        hook: str | None = None,
        error: BaseException | None = None,
    ) -> None:
        details = None
        if error is not None:
            details = "".join(traceback.format_exception(error)).rstrip()
        failure = PluginFailure(plugin=plugin, message=message, hook=hook, traceback=details)
        if failure not in self.failures:
            self.failures.append(failure)

    def _is_disabled(self, *names: str | None) -> bool:
        wanted = {_normalize(n) for n in self.disabled}
        hits = {_normalize(n) for n in names if n is not None} & wanted
        self._disabled_hits |= hits
        return bool(hits)

    def unmatched_disabled(self) -> list[str]:
        """The names asked to be disabled that matched no plugin or distribution (typos)."""
        return sorted(n for n in self.disabled if _normalize(n) not in self._disabled_hits)

    def register(
        self,
        plugin: object | str,
        *,
        name: str | None = None,
        builtin: bool | None = None,
        distribution: importlib.metadata.Distribution | None = None,
        entry_point: str | None = None,
    ) -> bool:
        """Register a plugin (a module, module name or object); return whether it took.

        :param name: the name to register it under; by default its module's name.
        :param builtin: whether it is built in; by default, whether it is one of
            :data:`DEFAULT_PLUGINS`.
        :param distribution: the installed distribution it comes from, if any.
        :param entry_point: the entry point value it was loaded from, if any.

        A plugin that is disabled is skipped. One that fails to import, implements a
        hook this project does not know, or whose hook signature does not match the
        specification, is refused and recorded in :attr:`failures`.
        """
        dist_name = distribution.metadata["Name"] if distribution is not None else None
        if isinstance(plugin, str):
            module_name = plugin
            name = name or module_name
            if self._is_disabled(name, dist_name):
                self.skipped.append(name)
                return False
            try:
                plugin = importlib.import_module(module_name)
            except Exception as error:  # a broken plugin must not stop the others
                self._fail(name, f"failed to import {module_name}: {error!r}", error=error)
                return False
        module = plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)
        name = name or self._default_name(plugin)
        if self._is_disabled(name, dist_name):
            self.skipped.append(name)
            return False
        if self._pm.has_plugin(name):
            if self._pm.get_plugin(name) is not plugin:
                self._fail(name, "another plugin is already registered under this name")
            return False
        if not self._acceptable(plugin, name):
            return False
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as error:
            if self._pm.has_plugin(name):  # pluggy < 1.6 could register part of a plugin
                self._pm.unregister(name=name)
            self._fail(name, f"cannot register: {error}")
            return False
        self._infos[name] = PluginInfo(
            name=name,
            module=module.__name__ if module else type(plugin).__name__,
            hooks=tuple(sorted(self._hooks_of(plugin).values())),
            distribution=dist_name,
            version=distribution.version if distribution is not None else None,
            entry_point=entry_point,
            builtin=(name in DEFAULT_PLUGINS) if builtin is None else builtin,
        )
        self._cache.clear()
        return True

    @staticmethod
    def _default_name(plugin: object) -> str:
        if isinstance(plugin, ModuleType):
            return plugin.__name__
        cls = plugin if isinstance(plugin, type) else type(plugin)
        return f"{cls.__module__}.{cls.__qualname__}"

    def _hooks_of(self, plugin: object) -> dict[str, str]:
        """The plugin's hook implementations: attribute name → hook name."""
        found: dict[str, str] = {}
        for attr in dir(plugin):
            opts = self._pm.parse_hookimpl_opts(plugin, attr)
            if opts is not None:
                found[attr] = opts.get("specname") or attr
        return found

    def _acceptable(self, plugin: object, name: str) -> bool:
        """Whether the plugin's hooks are all known and plain; record why not."""
        ok = True
        marked = self._hooks_of(plugin)
        for attr, hook in marked.items():
            opts: Mapping[str, object] = self._pm.parse_hookimpl_opts(plugin, attr) or {}
            if hook not in self._known_hooks:
                if opts.get("optionalhook"):
                    continue  # a hook of a newer version of the core: allowed, never called
                close = difflib.get_close_matches(hook, sorted(self._known_hooks), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self._fail(name, f"unknown hook {hook!r}{hint}", hook=hook)
                ok = False
            elif opts.get("wrapper") or opts.get("hookwrapper"):
                self._fail(name, "hook wrappers are not supported", hook=hook)
                ok = False
        for attr in dir(plugin):
            if attr in marked or not attr.startswith(HOOK_PREFIX):
                continue
            if not callable(getattr(plugin, attr, None)):
                continue
            if attr in self._known_hooks:
                self._fail(
                    name,
                    f"{attr} is not marked with @hookimpl, so it would never be called",
                    hook=attr,
                )
            else:
                close = difflib.get_close_matches(attr, sorted(self._known_hooks), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self._fail(name, f"unknown hook {attr!r}{hint}", hook=attr)
            ok = False
        return ok

    def load_entry_points(self) -> int:
        """Load every plugin of the entry point group, each on its own; return how many.

        Plugins are loaded in the order of their names, so that the outcome does not
        depend on the order of the file system. A distribution found twice on the path
        counts once (the first one wins, as for imports); two distributions declaring the
        same plugin name is a failure naming both, and neither is loaded.
        """
        seen_dists: set[str] = set()
        by_name: dict[str, list[tuple[importlib.metadata.EntryPoint, Any]]] = {}
        for dist in importlib.metadata.distributions():
            dist_name = dist.metadata["Name"] or ""
            if _normalize(dist_name) in seen_dists:
                continue
            seen_dists.add(_normalize(dist_name))
            for entry_point in dist.entry_points:
                if entry_point.group == ENTRY_POINT_GROUP:
                    by_name.setdefault(entry_point.name, []).append((entry_point, dist))
        count = 0
        for ep_name in sorted(by_name):
            found = by_name[ep_name]
            if len(found) > 1:
                owners = " and ".join(repr(d.metadata["Name"]) for _e, d in found)
                self._fail(ep_name, f"the plugin name is declared by {owners}; none loaded")
                continue
            entry_point, dist = found[0]
            if self._is_disabled(ep_name, dist.metadata["Name"]):
                self.skipped.append(ep_name)
                continue
            if self._pm.has_plugin(ep_name):
                continue
            try:
                plugin = entry_point.load()
            except (Exception, SystemExit) as error:  # a broken plugin must not stop others
                self._fail(ep_name, f"failed to import {entry_point.value}: {error!r}", error=error)
                continue
            if self.register(
                plugin, name=ep_name, distribution=dist, entry_point=entry_point.value
            ):
                count += 1
        return count

    def plugins(self) -> list[PluginInfo]:
        """The registered plugins, in the order they were registered."""
        return list(self._infos.values())

    def plugin(self, name: str) -> PluginInfo | None:
        """The registered plugin called ``name``, if any."""
        return self._infos.get(name)

    # -- calling hooks ------------------------------------------------------------------

    def call_each(self, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call ``hook`` on each plugin, isolating failures.

        Plugins are called in registration order (built-ins first), except that
        implementations marked ``tryfirst`` come before and ``trylast`` after the rest.
        Yields ``(plugin name, result)`` for every plugin that answered something other
        than ``None``; an iterable result is turned into a list first, so that an error
        while producing it counts as the plugin's. A plugin that raises is recorded in
        :attr:`failures`, naming the hook, and skipped.
        """
        if hook not in self._known_hooks:
            raise ValueError(
                f"no hook {hook!r}: the hooks are {', '.join(sorted(self._known_hooks))}"
            )
        caller = getattr(self._pm.hook, hook)
        order = {name: index for index, name in enumerate(self._infos)}

        def rank(impl: pluggy.HookImpl) -> tuple[int, int]:
            first = 0 if impl.tryfirst else 2 if impl.trylast else 1
            return (first, order.get(impl.plugin_name, len(order)))

        for impl in sorted(caller.get_hookimpls(), key=rank):
            args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
            try:
                result = impl.function(**args)
                if isinstance(result, Iterable) and not isinstance(result, (str, bytes, Mapping)):
                    result = list(result)
            except Exception as error:  # a broken plugin must not stop the others
                self._fail(impl.plugin_name, f"raised {error!r}", hook=hook, error=error)
                continue
            if result is not None:
                yield impl.plugin_name, result

    def _gather(self, hook: str, what: str) -> Iterator[tuple[str, str, list[Any]]]:
        """``(plugin, hook, items)`` for each plugin's answer to a hook returning a list."""
        for plugin, result in self.call_each(hook):
            if not isinstance(result, list):
                self._fail(
                    plugin,
                    f"returned {_describe(result)}; it must return a list of {what}",
                    hook=hook,
                )
                continue
            yield plugin, hook, result

    def _registry(
        self,
        category: str,
        answers: Iterable[tuple[str, str, list[Any]]],
        key: Callable[[Any], str],
        what: str,
        check: Callable[[object], str | None],
    ) -> _Registry[Any]:
        """Gather named items; a name claimed by two plugins is a failure naming both."""
        cached: _Registry[Any] | None = self._cache.get(category)
        if cached is not None:
            return cached
        found: dict[str, Any] = {}
        owners: dict[str, str] = {}
        hooks: dict[str, str] = {}
        conflicts: dict[str, list[str]] = {}
        for plugin, hook, items in answers:
            for item in items:
                problem = check(item)
                if problem is None:
                    try:
                        name = key(item)
                    except Exception as error:
                        problem = str(error)
                if problem is not None:
                    self._fail(plugin, problem, hook=hook)
                    continue
                if name in owners:
                    if owners[name] == plugin:
                        self._fail(plugin, f"{what} {name!r} is returned twice", hook=hook)
                    elif plugin not in conflicts.setdefault(name, [owners[name]]):
                        conflicts[name].append(plugin)
                        hooks[name] = hook  # the hook of the plugin the failure names
                    continue
                owners[name] = plugin
                hooks[name] = hook
                found[name] = item
        for name, claimants in list(conflicts.items()):
            builtin = [c for c in claimants if self._is_builtin(c)]
            if builtin:
                # A built-in keeps its name: a plugin cannot take md or html away from
                # everyone else. The plugin's claim is refused and reported.
                keeper = builtin[0]
                for claimant in claimants:
                    if claimant != keeper:
                        self._fail(
                            claimant,
                            f"{what} {name!r} is built in (plugin {keeper!r}); this plugin's "
                            f"{what} of that name is not used: give it another name",
                            hook=hooks[name],
                        )
                del conflicts[name]
                continue
            found.pop(name, None)
            self._fail(
                claimants[-1],
                f"{what} {name!r} is claimed by "
                + " and ".join(repr(c) for c in claimants)
                + "; neither is used: disable one of them"
                + f" (--disable-plugin NAME or {DISABLE_ENV})",
                hook=hooks[name],
            )
        registry: _Registry[Any] = _Registry(found, owners, conflicts)
        self._cache[category] = registry
        return registry

    def _is_builtin(self, plugin: str) -> bool:
        info = self._infos.get(plugin)
        return info is not None and info.builtin

    def _lookup(self, category: str, registry: _Registry[T], name: str, what: str) -> T:
        if name in registry.items:
            return registry.items[name]
        if name in registry.conflicts:
            claimants = registry.conflicts[name]
            raise PluginError(
                f"{what} {name!r} is claimed by " + " and ".join(repr(c) for c in claimants),
                plugin=claimants[-1],
                hook=_HOOK_OF[category],
            )
        close = difflib.get_close_matches(name, list(registry.items), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        known = ", ".join(sorted(registry.items)) or "none"
        raise DocumentNotFoundError(f"no {what} {name!r}: {hint}the known ones are {known}")

    def collect(self) -> list[PluginFailure]:
        """Ask every plugin for everything it contributes; return :attr:`failures`."""
        self.partnerships()
        self.body_kinds()
        self.rules()
        self.render_formats()
        self.document_types()
        self.commands()
        self.label_catalogues()
        self.template_sources()
        return list(self.failures)

    # -- registries ---------------------------------------------------------------------

    def _partnerships(self) -> _Registry[PartnershipSource]:
        return self._registry(
            "partnerships",
            self._gather("hf_partnerships", "PartnershipSource"),
            lambda s: s.id,
            "partnership",
            _instances_of(PartnershipSource),
        )

    def _body_kinds(self) -> _Registry[BodyKind]:
        return self._registry(
            "body kinds",
            self._gather("hf_body_kinds", "BodyKind"),
            lambda k: k.name,
            "body kind",
            _instances_of(BodyKind),
        )

    def _rules(self) -> _Registry[Rule]:
        if "rules" in self._cache:
            return self._cache["rules"]  # type: ignore[no-any-return]
        kinds = self._body_kinds()
        by_plugin: dict[str, list[Rule]] = {}
        for kind_name, kind in kinds.items.items():
            by_plugin.setdefault(kinds.owners[kind_name], []).extend(kind.rules)
        answers = [
            *self._gather("hf_rules", "Rule"),
            *((plugin, "hf_body_kinds", rules) for plugin, rules in by_plugin.items()),
        ]
        return self._registry("rules", answers, lambda r: r.code, "rule", _instances_of(Rule))

    def _render_formats(self) -> _Registry[RenderFormat]:
        return self._registry(
            "formats",
            self._gather("hf_render_formats", "RenderFormat"),
            _render_format_key,
            "render format",
            _instances_of(RenderFormat),
        )

    def _document_types(self) -> _Registry[type[Document]]:
        core = {cls.KIND for cls in DOCUMENT_TYPES}

        def key(cls: type[Document]) -> str:
            if cls.KIND in core:
                raise ValueError(f"document kind {cls.KIND!r} belongs to the core")
            return cls.KIND

        return self._registry(
            "document types",
            self._gather("hf_document_types", "Document subclasses"),
            key,
            "document kind",
            _document_type,
        )

    def _commands(self) -> _Registry[Command]:
        return self._registry(
            "commands",
            self._gather("hf_cli_commands", "Command"),
            lambda c: c.name,
            "command",
            _instances_of(Command),
        )

    def partnerships(self) -> dict[str, PartnershipSource]:
        """The partnerships the plugins ship, by id."""
        return dict(self._partnerships().items)

    def body_kinds(self) -> dict[str, BodyKind]:
        """The body kinds, by name."""
        return dict(self._body_kinds().items)

    def rules(self) -> dict[str, Rule]:
        """Every validation rule by code: those of ``hf_rules`` and those of body kinds."""
        return dict(self._rules().items)

    def render_formats(self) -> dict[str, RenderFormat]:
        """The render formats, by name."""
        return dict(self._render_formats().items)

    def render_format(self, name: str) -> RenderFormat:
        """The render format called ``name``; a clear error if unknown or claimed twice.

        :raises PluginError: two plugins claim the name.
        :raises DocumentNotFoundError: no plugin has it (with a did-you-mean).
        """
        return self._lookup("formats", self._render_formats(), name, "render format")

    def document_types(self) -> dict[str, type[Document]]:
        """The document types by ``kind``: the core's and the plugins'."""
        from .io import document_types_by_kind

        return document_types_by_kind(self._document_types().items.values())

    def commands(self) -> dict[str, Command]:
        """The subcommands, by name."""
        return dict(self._commands().items)

    def owner(self, hook: str, name: str) -> str | None:
        """The plugin that contributed ``name`` through ``hook``, if any.

        ``hook`` is one of ``hf_partnerships``, ``hf_body_kinds``, ``hf_rules`` (which
        includes the rules of body kinds), ``hf_render_formats``, ``hf_document_types``
        and ``hf_cli_commands``.
        """
        getters: dict[str, Callable[[], _Registry[Any]]] = {
            "hf_partnerships": self._partnerships,
            "hf_body_kinds": self._body_kinds,
            "hf_rules": self._rules,
            "hf_render_formats": self._render_formats,
            "hf_document_types": self._document_types,
            "hf_cli_commands": self._commands,
        }
        if hook not in getters:
            raise ValueError(f"{hook!r} does not contribute named items")
        return getters[hook]().owners.get(name)

    def _listed(self, hook: str, cls: type[T], what: str) -> list[tuple[str, T]]:
        """``(plugin, item)`` for every item of a hook that returns a plain list."""
        if hook not in self._cache:
            check = _instances_of(cls)
            found: list[tuple[str, T]] = []
            for plugin, name, items in self._gather(hook, what):
                for item in items:
                    problem = check(item)
                    if problem is None:
                        found.append((plugin, item))
                    else:
                        self._fail(plugin, problem, hook=name)
            self._cache[hook] = found
        return list(self._cache[hook])

    def label_catalogues(self) -> list[LabelCatalogue]:
        """Every label catalogue, in registration order."""
        return [
            c for _p, c in self._listed("hf_label_catalogues", LabelCatalogue, "LabelCatalogue")
        ]

    def labels(self, language: str, partnership: str | None = None) -> dict[str, str]:
        """The merged labels for ``language``.

        In order, later ones winning: the general bokmål labels, the partnership's
        bokmål labels, then (for another language) the general labels of ``language``
        and the partnership's labels of ``language``.
        """
        merged: dict[str, str] = {}
        catalogues = self.label_catalogues()
        for lang in ("nb", language) if language != "nb" else ("nb",):
            for catalogue in catalogues:
                if catalogue.language == lang and catalogue.partnership is None:
                    merged.update(catalogue.labels)
            if partnership:
                for catalogue in catalogues:
                    if catalogue.language == lang and catalogue.partnership == partnership:
                        merged.update(catalogue.labels)
        return merged

    def template_sources(self, partnership: str | None = None) -> list[TemplateSource]:
        """Template folders to search for ``partnership``: its own first, then general ones."""
        sources = [
            s for _p, s in self._listed("hf_template_sources", TemplateSource, "TemplateSource")
        ]
        own = [s for s in sources if partnership and s.partnership == partnership]
        general = [s for s in sources if s.partnership is None]
        return own + general

    def layout_for(self, partnership: Partnership) -> Layout:
        """The layout for ``partnership``: the first plugin's answer, else its own."""
        for plugin, layout in self.call_each("hf_layout", partnership=partnership):
            if isinstance(layout, Layout):
                return layout
            self._fail(
                plugin,
                f"returned {_describe(layout)} where a Layout or None is expected",
                hook="hf_layout",
            )
        return partnership.layout

    def contributions(self, plugin: str) -> dict[str, list[str]]:
        """What one plugin contributes, by category, for ``helsefellesskap plugins``.

        Categories: ``partnerships``, ``body kinds``, ``rules``, ``formats``,
        ``document types``, ``commands``, ``labels`` (each catalogue as its language,
        ``for`` its partnership, and its number of labels) and ``templates`` (each
        folder, ``for`` its partnership); a category the plugin adds nothing to is left
        out.
        """
        registries: dict[str, _Registry[Any]] = {
            "partnerships": self._partnerships(),
            "body kinds": self._body_kinds(),
            "rules": self._rules(),
            "formats": self._render_formats(),
            "document types": self._document_types(),
            "commands": self._commands(),
        }
        result: dict[str, list[str]] = {}
        for label, registry in registries.items():
            mine = sorted(
                name
                for name, owner in registry.owners.items()
                if owner == plugin and name in registry.items
            )
            if mine:
                result[label] = mine
        labels = [
            f"{c.language}{f' for {c.partnership}' if c.partnership else ''}"
            f" ({len(c.labels)} label{'' if len(c.labels) == 1 else 's'})"
            for owner, c in self._listed("hf_label_catalogues", LabelCatalogue, "LabelCatalogue")
            if owner == plugin
        ]
        templates = [
            f"{s.path}{f' for {s.partnership}' if s.partnership else ''}"
            for owner, s in self._listed("hf_template_sources", TemplateSource, "TemplateSource")
            if owner == plugin
        ]
        if labels:
            result["labels"] = labels
        if templates:
            result["templates"] = templates
        return result

    # -- data ---------------------------------------------------------------------------

    def load_partnership(self, partnership_id: str) -> Bundle:
        """Load a partnership that a plugin ships, with all its documents."""
        from .io import load_bundle

        source = self._lookup("partnerships", self._partnerships(), partnership_id, "partnership")
        return load_bundle(source.path, types=self.document_types())


_HOOK_OF = {
    "partnerships": "hf_partnerships",
    "body kinds": "hf_body_kinds",
    "rules": "hf_rules",
    "formats": "hf_render_formats",
    "document types": "hf_document_types",
    "commands": "hf_cli_commands",
}
