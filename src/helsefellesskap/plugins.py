"""The plugin manager: built-in plugins, entry points, fault isolation and registries.

The built-in body kinds, rules, render formats, labels and commands are plugins like
any other, registered from :data:`DEFAULT_PLUGINS`. External plugins are found through
the entry point group ``helsefellesskap``. Each external plugin is loaded on its own: one
that fails to import, implements an unknown hook or raises inside a hook is recorded in
:attr:`PluginManager.failures` with its name and the hook, and the others keep working.

There is no global manager: an embedding application builds its own, with exactly the
plugins it wants (``PluginManager(entry_points=False, plugins=[...])``).
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import inspect
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any, TypeVar

import attrs
import pluggy

from . import hookspecs
from .cli.command import Command
from .errors import DocumentNotFoundError, PluginError
from .hookspecs import PROJECT_NAME
from .kinds import BodyKind
from .model import Bundle, Document, Layout, Partnership
from .render.catalogue import LabelCatalogue, TemplateSource
from .render.format import RenderFormat
from .sources import PartnershipSource
from .validate.finding import Rule

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "NO_ENTRY_POINTS_ENV",
    "PluginFailure",
    "PluginInfo",
    "PluginManager",
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

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What is known of a registered plugin: its name, where it comes from, its hooks."""

    name: str
    module: str
    hooks: tuple[str, ...]
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False


@attrs.frozen(kw_only=True)
class PluginFailure:
    """A plugin that failed: at import, at registration or inside a hook."""

    plugin: str
    message: str
    hook: str | None = None

    def __str__(self) -> str:
        where = f"plugin {self.plugin!r}" + (f" in hook {self.hook}" if self.hook else "")
        return f"{where}: {self.message}"


def _disabled_from_env() -> set[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return {name.strip() for name in raw.split(",") if name.strip()}


def _hook_names() -> set[str]:
    return {name for name in dir(hookspecs) if name.startswith(HOOK_PREFIX)}


class PluginManager:
    """Registers plugins and gathers what they contribute.

    :param plugins: the plugins to register first: modules, module names or objects.
        ``None`` means :data:`DEFAULT_PLUGINS`.
    :param entry_points: whether to load the plugins installed under the entry point
        group (unless :data:`NO_ENTRY_POINTS_ENV` is ``1``).
    :param disabled: names of plugins not to register; the names in
        :data:`DISABLE_ENV` are added unless ``use_env`` is false.
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
        self._known_hooks = _hook_names()
        self.disabled: frozenset[str] = frozenset(disabled) | (
            frozenset(_disabled_from_env()) if use_env else frozenset()
        )
        self.failures: list[PluginFailure] = []
        self._infos: dict[str, PluginInfo] = {}
        self._cache: dict[str, Any] = {}
        for plugin in DEFAULT_PLUGINS if plugins is None else plugins:
            self.register(plugin, builtin=plugins is None)
        if entry_points and not (use_env and os.environ.get(NO_ENTRY_POINTS_ENV) == "1"):
            self.load_entry_points()
        self._pm.check_pending()

    # -- registration -------------------------------------------------------------------

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for tools that need it."""
        return self._pm

    def register(
        self,
        plugin: object | str,
        *,
        name: str | None = None,
        builtin: bool = False,
        distribution: importlib.metadata.Distribution | None = None,
    ) -> bool:
        """Register a plugin (a module, module name or object); return whether it took.

        A plugin that implements a hook this project does not know, or whose hook
        signature does not match, is refused and recorded in :attr:`failures`.
        """
        if isinstance(plugin, str):
            module_name = plugin
            name = name or module_name
            if name in self.disabled:
                return False
            try:
                plugin = importlib.import_module(module_name)
            except Exception as error:  # a broken plugin must not stop the others
                self.failures.append(
                    PluginFailure(plugin=name, message=f"failed to import: {error!r}")
                )
                return False
        module = plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)
        name = name or (plugin.__name__ if isinstance(plugin, ModuleType) else repr(plugin))
        if name in self.disabled:
            return False
        if self._pm.has_plugin(name):
            return False
        unknown = self._unknown_hooks(plugin)
        if unknown:
            for hook in unknown:
                close = difflib.get_close_matches(hook, sorted(self._known_hooks), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.failures.append(
                    PluginFailure(plugin=name, hook=hook, message=f"unknown hook {hook!r}{hint}")
                )
            return False
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as error:
            self.failures.append(PluginFailure(plugin=name, message=f"cannot register: {error}"))
            return False
        hooks = tuple(
            sorted(
                impl_name for impl_name in self._known_hooks if self._implements(plugin, impl_name)
            )
        )
        self._infos[name] = PluginInfo(
            name=name,
            module=module.__name__ if module else type(plugin).__name__,
            hooks=hooks,
            distribution=distribution.metadata["Name"] if distribution else None,
            version=distribution.version if distribution else None,
            builtin=builtin,
        )
        self._cache.clear()
        return True

    def _implements(self, plugin: object, hook: str) -> bool:
        return self._pm.parse_hookimpl_opts(plugin, hook) is not None

    def _unknown_hooks(self, plugin: object) -> list[str]:
        unknown = []
        for attr in dir(plugin):
            marked = self._pm.parse_hookimpl_opts(plugin, attr) is not None
            named = marked or attr.startswith(HOOK_PREFIX)
            if named and attr not in self._known_hooks and callable(getattr(plugin, attr, None)):
                unknown.append(attr)
        return unknown

    def load_entry_points(self) -> int:
        """Load every plugin of the entry point group, each on its own; return how many."""
        count = 0
        seen: set[str] = set()
        for dist in importlib.metadata.distributions():
            for entry_point in dist.entry_points:
                if entry_point.group != ENTRY_POINT_GROUP or entry_point.name in seen:
                    continue
                seen.add(entry_point.name)
                if entry_point.name in self.disabled or self._pm.has_plugin(entry_point.name):
                    continue
                try:
                    plugin = entry_point.load()
                except Exception as error:  # a broken plugin must not stop the others
                    self.failures.append(
                        PluginFailure(
                            plugin=entry_point.name,
                            message=f"failed to import {entry_point.value}: {error!r}",
                        )
                    )
                    continue
                if self.register(plugin, name=entry_point.name, distribution=dist):
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
        """Call ``hook`` on each plugin in registration order, isolating failures.

        Yields ``(plugin name, result)`` for every plugin that answered; a plugin that
        raises is recorded in :attr:`failures` and skipped.
        """
        caller = getattr(self._pm.hook, hook)
        order = {name: index for index, name in enumerate(self._infos)}
        impls = sorted(
            caller.get_hookimpls(), key=lambda impl: order.get(impl.plugin_name, len(order))
        )
        for impl in impls:
            args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
            try:
                result = impl.function(**args)
                if isinstance(result, Iterable) and not isinstance(
                    result, (str, bytes, Mapping, Layout)
                ):
                    result = list(result)
            except Exception as error:  # a broken plugin must not stop the others
                self.failures.append(
                    PluginFailure(plugin=impl.plugin_name, hook=hook, message=f"raised {error!r}")
                )
                continue
            if result is not None:
                yield impl.plugin_name, result

    def _registry(self, hook: str, key: Callable[[T], str], what: str) -> dict[str, T]:
        if hook in self._cache:
            return dict(self._cache[hook])
        found: dict[str, T] = {}
        owners: dict[str, str] = {}
        conflicts: dict[str, list[str]] = {}
        for plugin, items in self.call_each(hook):
            for item in items:
                name = key(item)
                if name in owners and owners[name] != plugin:
                    conflicts.setdefault(name, [owners[name]]).append(plugin)
                    continue
                owners[name] = plugin
                found[name] = item
        for name, claimants in conflicts.items():
            found.pop(name, None)
            self.failures.append(
                PluginFailure(
                    plugin=claimants[-1],
                    hook=hook,
                    message=(
                        f"{what} {name!r} is claimed by "
                        + " and ".join(repr(c) for c in claimants)
                        + f"; disable one of them ({DISABLE_ENV}=name)"
                    ),
                )
            )
        self._cache[hook] = found
        self._cache[hook + ":owners"] = owners
        self._cache[hook + ":conflicts"] = conflicts
        return dict(found)

    def owner(self, hook: str, name: str) -> str | None:
        """The plugin that contributed ``name`` through ``hook``, if any."""
        owners: dict[str, str] = self._cache.get(hook + ":owners", {})
        return owners.get(name)

    def _lookup(self, hook: str, registry: Mapping[str, T], name: str, what: str) -> T:
        if name in registry:
            return registry[name]
        conflicts: dict[str, list[str]] = self._cache.get(hook + ":conflicts", {})
        if name in conflicts:
            raise PluginError(
                f"{what} {name!r} is claimed by " + " and ".join(repr(c) for c in conflicts[name]),
                plugin=conflicts[name][-1],
                hook=hook,
            )
        close = difflib.get_close_matches(name, list(registry), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        known = ", ".join(sorted(registry)) or "none"
        raise DocumentNotFoundError(f"no {what} {name!r}: {hint}the known ones are {known}")

    # -- registries ---------------------------------------------------------------------

    def partnerships(self) -> dict[str, PartnershipSource]:
        """The partnerships the plugins ship, by id."""
        return self._registry("hf_partnerships", lambda s: s.id, "partnership")

    def body_kinds(self) -> dict[str, BodyKind]:
        """The body kinds, by name."""
        return self._registry("hf_body_kinds", lambda k: k.name, "body kind")

    def rules(self) -> dict[str, Rule]:
        """Every validation rule by code: those of ``hf_rules`` and those of body kinds."""
        rules: dict[str, Rule] = self._registry("hf_rules", lambda r: r.code, "rule")
        for kind in self.body_kinds().values():
            for rule in kind.rules:
                rules.setdefault(rule.code, rule)
        return rules

    def render_formats(self) -> dict[str, RenderFormat]:
        """The render formats, by name."""
        return self._registry("hf_render_formats", lambda f: f.name, "render format")

    def render_format(self, name: str) -> RenderFormat:
        """The render format called ``name``; a clear error if unknown or claimed twice."""
        return self._lookup("hf_render_formats", self.render_formats(), name, "render format")

    def document_types(self) -> dict[str, type[Document]]:
        """The document types by ``kind``: the core's and the plugins'."""
        from .io import document_types_by_kind

        extra: dict[str, type[Document]] = self._registry(
            "hf_document_types", lambda t: t.KIND, "document kind"
        )
        return document_types_by_kind(extra.values())

    def commands(self) -> dict[str, Command]:
        """The subcommands, by name."""
        return self._registry("hf_cli_commands", lambda c: c.name, "command")

    def label_catalogues(self) -> list[LabelCatalogue]:
        """Every label catalogue, in registration order."""
        if "hf_label_catalogues" not in self._cache:
            found = [c for _p, items in self.call_each("hf_label_catalogues") for c in items]
            self._cache["hf_label_catalogues"] = found
        return list(self._cache["hf_label_catalogues"])

    def labels(self, language: str, partnership: str | None = None) -> dict[str, str]:
        """The merged labels for ``language``: bokmål defaults, the language, then the
        general plugin labels, then the partnership's own."""
        merged: dict[str, str] = {}
        catalogues = self.label_catalogues()
        for lang in ("nb", language) if language != "nb" else ("nb",):
            for catalogue in catalogues:
                if catalogue.language == lang and catalogue.partnership is None:
                    merged.update(catalogue.labels)
            for catalogue in catalogues:
                if (
                    catalogue.language == lang
                    and catalogue.partnership == partnership
                    and partnership
                ):
                    merged.update(catalogue.labels)
        return merged

    def template_sources(self, partnership: str | None = None) -> list[TemplateSource]:
        """Template folders to search for ``partnership``: its own first, then general ones."""
        found = [s for _p, items in self.call_each("hf_template_sources") for s in items]
        own = [s for s in found if partnership and s.partnership == partnership]
        general = [s for s in found if s.partnership is None]
        return own + general

    def layout_for(self, partnership: Partnership) -> Layout:
        """The layout for ``partnership``: the first plugin's answer, else its own."""
        for _plugin, layout in self.call_each("hf_layout", partnership=partnership):
            if isinstance(layout, Layout):
                return layout
        return partnership.layout

    def contributions(self, plugin: str) -> dict[str, list[str]]:
        """What one plugin contributes, by category, for ``helsefellesskap plugins``."""
        categories: dict[str, tuple[str, Callable[[], Mapping[str, object]]]] = {
            "partnerships": ("hf_partnerships", self.partnerships),
            "body kinds": ("hf_body_kinds", self.body_kinds),
            "rules": ("hf_rules", self.rules),
            "formats": ("hf_render_formats", self.render_formats),
            "commands": ("hf_cli_commands", self.commands),
        }
        result: dict[str, list[str]] = {}
        for label, (hook, getter) in categories.items():
            names = sorted(getter())
            mine = [n for n in names if self.owner(hook, n) == plugin]
            if label == "rules":
                for kind_name, kind in self.body_kinds().items():
                    if self.owner("hf_body_kinds", kind_name) == plugin:
                        mine.extend(r.code for r in kind.rules)
            if mine:
                result[label] = sorted(set(mine))
        return result

    # -- data ---------------------------------------------------------------------------

    def load_partnership(self, partnership_id: str) -> Bundle:
        """Load a partnership that a plugin ships, with all its documents."""
        from .io import load_bundle

        source = self._lookup("hf_partnerships", self.partnerships(), partnership_id, "partnership")
        return load_bundle(source.path, types=self.document_types())
