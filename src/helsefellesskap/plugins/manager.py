"""The plugin manager: registration, entry points, the fault-isolated call loop, registries.

The built-in body kinds, rules, render formats, labels and commands are plugins like
any other, registered from :data:`DEFAULT_PLUGINS`. External plugins are found through
the entry point group ``helsefellesskap``. Each plugin is loaded on its own: one that
fails to import, implements an unknown hook, returns something a hook does not allow or
raises inside a hook (anything but :class:`KeyboardInterrupt`, ``sys.exit()`` included)
is recorded in :attr:`PluginManager.failures` with its name and the hook, and the others
keep working.
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import FunctionType, MethodType, ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from .. import hookspecs
from ..errors import (
    DocumentNotFoundError,
    HelsefellesskapError,
    PluginError,
    UnknownFormatError,
)
from ..hookspecs import PROJECT_NAME
from ..messages import message
from . import calls, discovery
from .failures import PluginFailure, PluginInfo, describe, format_traceback
from .registries import (
    Registry,
    build_registry,
    command_key,
    document_kind_key,
    document_type_check,
    instances_of,
    partnership_key,
    render_format_key,
    thing,
)

if TYPE_CHECKING:
    import importlib.metadata

    # What the hooks contribute is imported when a hook is first asked, not with the
    # manager: a command that needs only document types does not import the renderers.
    from ..command import Command
    from ..importing import Importer
    from ..kinds import BodyKind, ExtraField, PartnerKindSpec
    from ..model import Bundle, Document, Layout, Partnership
    from ..outline import Outline, OutlineBuilder
    from ..render.catalogue import LabelCatalogue, TemplateSource
    from ..render.format import Renderable, RenderContext, RenderFormat
    from ..render.labelset import MergedLabels
    from ..sources import PartnershipSource
    from ..validate.finding import Rule

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "HOOK_PREFIX",
    "NAMED_HOOKS",
    "NO_ENTRY_POINTS_ENV",
    "PluginManager",
    "hook_names",
]

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

NAMED_HOOKS: dict[str, str] = {
    "hf_partnerships": "partnerships",
    "hf_body_kinds": "body kinds",
    "hf_partner_kinds": "partner kinds",
    "hf_extra_fields": "extra fields",
    "hf_rules": "rules",
    "hf_render_formats": "formats",
    "hf_document_types": "document types",
    "hf_cli_commands": "commands",
    "hf_outline_builders": "outline builders",
    "hf_importers": "importers",
}
"""The hooks that contribute named items, and the category each fills."""

T = TypeVar("T")


def hook_names() -> tuple[str, ...]:
    """The names of every hook in :mod:`helsefellesskap.hookspecs`, sorted."""
    return tuple(sorted(name for name in vars(hookspecs) if name.startswith(HOOK_PREFIX)))


def _disabled_from_env() -> set[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return {name.strip() for name in raw.split(",") if name.strip()}


_MARKER = f"{PROJECT_NAME}_impl"
"""The attribute :data:`~helsefellesskap.hookimpl` sets on a hook implementation."""


class _Pluggy(pluggy.PluginManager):
    """pluggy's manager, which tells a plugin module's plain attributes from its hook
    implementations without :func:`inspect.getattr_static` for each name (pluggy asks
    about every name of a module, the names it imports included)."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> pluggy.HookimplOpts | None:
        """:meth:`pluggy.PluginManager.parse_hookimpl_opts`, the same answer: ``None`` at
        once for a module's attribute that is neither a function nor a method (pluggy
        takes no other) and for a function without the marker; pluggy's own answer for
        the rest."""
        if type(plugin) is ModuleType:
            value = plugin.__dict__.get(name)
            if type(value) is FunctionType:
                if _MARKER not in value.__dict__ and "__func__" not in value.__dict__:
                    return None
            elif not isinstance(value, staticmethod | classmethod | MethodType):
                return None
        return super().parse_hookimpl_opts(plugin, name)


class PluginManager:
    """Registers plugins and gathers what they contribute.

    :param plugins: the plugins to register first: modules, module names or objects.
        ``None`` means :data:`DEFAULT_PLUGINS`.
    :param entry_points: whether to load the plugins installed under the entry point
        group (unless :data:`NO_ENTRY_POINTS_ENV` is ``1`` and ``use_env`` is true).
    :param disabled: names of plugins not to register (plugin names or distribution
        names); the names in :data:`DISABLE_ENV` are added unless ``use_env`` is false.
    :param use_env: whether the environment variables apply.
    :param collect: whether to ask every plugin for what it contributes right away, so
        that :attr:`failures` lists every broken plugin at once (the default); without
        it, each hook is asked when first needed.

    Hooks are called in pluggy's order: ``tryfirst`` implementations first, then the
    others from the last registered to the first (installed plugins before the built-in
    ones), then ``trylast``.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object | str] | None = None,
        entry_points: bool = True,
        disabled: Iterable[str] = (),
        use_env: bool = True,
        collect: bool = True,
    ) -> None:
        self._pm = _Pluggy(PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._known_hooks = frozenset(hook_names())
        self.disabled: frozenset[str] = frozenset(disabled) | (
            frozenset(_disabled_from_env()) if use_env else frozenset()
        )
        self.failures: list[PluginFailure] = []
        self.skipped: list[str] = []
        self._disabled_hits: set[str] = set()
        self._infos: dict[str, PluginInfo] = {}
        self._cache: dict[Any, Any] = {}
        self._state = 0
        for plugin in DEFAULT_PLUGINS if plugins is None else plugins:
            self.register(plugin)
        if entry_points and not (use_env and os.environ.get(NO_ENTRY_POINTS_ENV) == "1"):
            self.load_entry_points()
        self._pm.check_pending()
        if collect:
            self.collect()

    # -- registration -------------------------------------------------------------------

    @property
    def pluggy(self) -> pluggy.PluginManager:
        """The underlying pluggy manager, for tools that need it."""
        return self._pm

    def fail(
        self,
        plugin: str,
        message: str,
        hook: str | None = None,
        error: BaseException | None = None,
    ) -> PluginFailure:
        """Record a failure of ``plugin`` (once) and return it."""
        details = format_traceback(error) if error is not None else None
        stopping = error is not None and not isinstance(error, Exception)
        failure = PluginFailure(
            plugin=plugin, message=message, hook=hook, traceback=details, stopping=stopping
        )
        if failure not in self.failures:
            self.failures.append(failure)
        return failure

    def _fail_in(self, plugin: str, message: str, hook: str) -> None:
        self.fail(plugin, message, hook=hook)

    def _is_disabled(self, *names: str | None) -> bool:
        wanted = {discovery.normalize(n) for n in self.disabled}
        hits = {discovery.normalize(n) for n in names if n is not None} & wanted
        self._disabled_hits |= hits
        return bool(hits)

    def unmatched_disabled(self) -> list[str]:
        """The names asked to be disabled that matched no plugin or distribution (typos)."""
        return sorted(n for n in self.disabled if discovery.normalize(n) not in self._disabled_hits)

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
        version = distribution.version if distribution is not None else None
        return self._register(
            plugin,
            name=name,
            builtin=builtin,
            dist_name=dist_name,
            version=version,
            entry_point=entry_point,
        )

    def _register(
        self,
        plugin: object | str,
        *,
        name: str | None,
        builtin: bool | None,
        dist_name: str | None,
        version: str | None,
        entry_point: str | None,
    ) -> bool:
        """:meth:`register`, with the distribution given by its name and version."""
        if isinstance(plugin, str):
            module_name = plugin
            name = name or module_name
            if self._is_disabled(name, dist_name):
                self.skipped.append(name)
                return False
            try:
                plugin = importlib.import_module(module_name)
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a broken plugin must not stop the others
                failed = message("plugins.import_failed", module=module_name, error=repr(error))
                self.fail(name, failed, error=error)
                return False
        module = plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)
        name = name or self._default_name(plugin)
        if self._is_disabled(name, dist_name):
            self.skipped.append(name)
            return False
        if self._pm.has_plugin(name):
            if self._pm.get_plugin(name) is not plugin:
                self.fail(name, message("plugins.name_taken"))
            return False
        marked = self._hooks_of(plugin)  # once: pluggy reads every attribute again
        if not self._acceptable(plugin, name, marked):
            return False
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as error:
            if self._pm.has_plugin(name):  # pluggy < 1.6 could register part of a plugin
                self._pm.unregister(name=name)
            self.fail(name, message("plugins.cannot_register", error=error))
            return False
        self._infos[name] = PluginInfo(
            name=name,
            module=module.__name__ if module else type(plugin).__name__,
            hooks=tuple(sorted(marked.values())),
            distribution=dist_name,
            version=version,
            entry_point=entry_point,
            builtin=(name in DEFAULT_PLUGINS) if builtin is None else builtin,
        )
        self._cache.clear()
        self._state += 1
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
        names: Iterable[str] = dir(plugin)
        if isinstance(plugin, ModuleType):
            # a module's functions only: pluggy takes no other kind of module attribute,
            # and asking it about every imported name costs (getattr_static)
            names = sorted(n for n, v in vars(plugin).items() if inspect.isroutine(v))
        for attr in names:
            opts = self._pm.parse_hookimpl_opts(plugin, attr)
            if opts is not None:
                found[attr] = opts.get("specname") or attr
        return found

    def _unknown_hook(self, name: str, hook: str) -> None:
        import difflib  # a did-you-mean: only for a failure

        close = difflib.get_close_matches(hook, sorted(self._known_hooks), n=1)
        text = (
            message("plugins.unknown_hook_did_you_mean", hook=repr(hook), name=repr(close[0]))
            if close
            else message("plugins.unknown_hook", hook=repr(hook))
        )
        self.fail(name, text, hook=hook)

    def _acceptable(self, plugin: object, name: str, marked: Mapping[str, str]) -> bool:
        """Whether the plugin's hooks (``marked``, see :meth:`_hooks_of`) are all known and
        plain; record why not."""
        ok = True
        for attr, hook in marked.items():
            opts: Mapping[str, object] = self._pm.parse_hookimpl_opts(plugin, attr) or {}
            if hook not in self._known_hooks:
                if opts.get("optionalhook"):
                    continue  # a hook of a newer version of the core: allowed, never called
                self._unknown_hook(name, hook)
                ok = False
            elif opts.get("wrapper") or opts.get("hookwrapper"):
                self.fail(name, message("plugins.wrappers"), hook=hook)
                ok = False
        for attr in dir(plugin):
            if attr in marked or not attr.startswith(HOOK_PREFIX):
                continue
            if not callable(getattr(plugin, attr, None)):
                continue
            if attr in self._known_hooks:
                self.fail(name, message("plugins.not_marked", attr=attr), hook=attr)
            else:
                self._unknown_hook(name, attr)
            ok = False
        return ok

    def load_entry_points(self) -> int:
        """Load every plugin of the entry point group, each on its own; return how many.

        Only the entry points of the group are read, from a cache when no distribution
        changed (see :mod:`.discovery`). Plugins are loaded in the order of their names,
        so that the outcome does not depend on the order of the file system.
        A distribution found twice on the path counts once (the first one wins, as for
        imports); two distributions declaring the same plugin name is a failure naming
        both, and neither is loaded.
        """
        count = 0
        installed = discovery.find_installed()
        for ep_name in sorted(installed):
            found = installed[ep_name]
            if len(found) > 1:
                owners = message("plugins.and").join(repr(p.distribution_name) for p in found)
                self.fail(ep_name, message("plugins.declared_twice", owners=owners))
                continue
            entry = found[0]
            if self._is_disabled(ep_name, entry.distribution_name):
                self.skipped.append(ep_name)
                continue
            if self._pm.has_plugin(ep_name):
                continue
            value = entry.value
            try:
                plugin = entry.load()
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a broken plugin must not stop the others
                failed = message("plugins.import_failed", module=value, error=repr(error))
                self.fail(ep_name, failed, error=error)
                continue
            if self._register(
                plugin,
                name=ep_name,
                builtin=None,
                dist_name=entry.distribution_name,
                version=entry.version,
                entry_point=value,
            ):
                count += 1
        return count

    @property
    def state(self) -> int:
        """A number that changes whenever a plugin is registered: what is worked out from
        the plugins (labels, template folders, a render context) and kept is valid only
        while it is the same."""
        return self._state

    def plugins(self) -> list[PluginInfo]:
        """The registered plugins, in the order they were registered."""
        return list(self._infos.values())

    def plugin(self, name: str) -> PluginInfo | None:
        """The registered plugin called ``name``, if any."""
        return self._infos.get(name)

    def is_builtin(self, plugin: str) -> bool:
        """Whether the registered plugin called ``plugin`` is built in."""
        info = self._infos.get(plugin)
        return info is not None and info.builtin

    # -- calling hooks ------------------------------------------------------------------

    def call_each(self, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call ``hook`` on each plugin in pluggy's order, isolating failures.

        The order is pluggy's own: ``tryfirst`` implementations first, then the others
        from the last registered to the first, then ``trylast``. Yields ``(plugin name,
        result)`` for every plugin that answered something other than ``None``; an
        iterable result is turned into a list first, so that an error while producing it
        counts as the plugin's. A plugin that raises (anything but
        :class:`KeyboardInterrupt`) is recorded in :attr:`failures`, naming the hook, and
        skipped.
        """
        if hook not in self._known_hooks:
            raise ValueError(
                message(
                    "plugins.no_hook", hook=repr(hook), hooks=", ".join(sorted(self._known_hooks))
                )
            )

        def fail(plugin: str, error: BaseException) -> None:
            self.fail(plugin, calls.describe_error(error), hook=hook, error=error)

        return calls.call_each(getattr(self._pm.hook, hook), kwargs, fail)

    def _gather(self, hook: str, what: str) -> Iterator[tuple[str, str, list[Any]]]:
        """``(plugin, hook, items)`` for each plugin's answer to a hook returning a list."""
        for plugin, result in self.call_each(hook):
            if not isinstance(result, list):
                self.fail(
                    plugin,
                    message("plugins.must_return_list", value=describe(result), what=what),
                    hook=hook,
                )
                continue
            yield plugin, hook, result

    def _registry(
        self,
        category: str,
        answers: Callable[[], Iterable[tuple[str, str, list[Any]]]],
        key: Callable[[Any], str],
        what: str,
        check: Callable[[object], str | None],
    ) -> Registry[Any]:
        cached: Registry[Any] | None = self._cache.get(category)
        if cached is None:
            cached = build_registry(
                answers(),
                key=key,
                what=what,
                check=check,
                is_builtin=self.is_builtin,
                fail=self._fail_in,
                disable_hint=DISABLE_ENV,
            )
            self._cache[category] = cached
        return cached

    def _lookup(
        self,
        hook: str,
        registry: Registry[T],
        name: str,
        what: str,
        missing: type[HelsefellesskapError] = DocumentNotFoundError,
    ) -> T:
        if name in registry.items:
            return registry.items[name]
        if name in registry.conflicts:
            claimants = registry.conflicts[name]
            raise PluginError(
                message(
                    "plugins.claimed_by",
                    what=thing(what),
                    name=repr(name),
                    claimants=message("plugins.and").join(repr(c) for c in claimants),
                ),
                plugin=claimants[-1],
                hook=hook,
            )
        import difflib  # a did-you-mean: only for a failure

        close = difflib.get_close_matches(name, list(registry.items), n=1)
        hint = message("plugins.did_you_mean", name=repr(close[0])) if close else ""
        known = ", ".join(sorted(registry.items)) or message("plugins.none")
        raise missing(
            message("plugins.no_such", what=thing(what), name=repr(name), hint=hint, known=known)
        )

    def collect(self) -> list[PluginFailure]:
        """Ask every plugin for everything it contributes; return :attr:`failures`."""
        self.partnerships()
        self.body_kinds()
        self.partner_kinds()
        self.extra_fields()
        self.registry("hf_rules")  # declared rules by code: their modules are not imported
        self.render_formats()
        self.registry("hf_document_types")  # the plugins' types: the model's are not asked
        self.commands()
        self.label_catalogues()
        self.template_sources()
        return list(self.failures)

    # -- registries ---------------------------------------------------------------------

    def registry(self, hook: str) -> Registry[Any]:
        """The registry a hook that contributes named items fills (see :data:`NAMED_HOOKS`).

        ``hf_rules`` includes the rules of body kinds.
        """
        if hook == "hf_partnerships":
            from ..sources import PartnershipSource

            return self._registry(
                "partnerships",
                lambda: self._gather(hook, "PartnershipSource"),
                partnership_key,
                "partnership",
                instances_of(PartnershipSource),
            )
        if hook == "hf_body_kinds":
            from ..kinds import BodyKind

            return self._registry(
                "body kinds",
                lambda: self._gather(hook, "BodyKind"),
                lambda k: k.name,
                "body kind",
                instances_of(BodyKind),
            )
        if hook == "hf_partner_kinds":
            from ..kinds import PartnerKindSpec

            is_spec = instances_of(PartnerKindSpec)

            def new_partner_kind(item: object) -> str | None:
                from ..model import PartnerKind  # the model only if a plugin adds a kind

                wrong = is_spec(item)
                if isinstance(item, PartnerKindSpec) and item.name in set(PartnerKind):
                    return message("plugins.partner_kind_builtin", name=repr(item.name))
                return wrong

            return self._registry(
                "partner kinds",
                lambda: self._gather(hook, "PartnerKindSpec"),
                lambda k: k.name,
                "partner kind",
                new_partner_kind,
            )
        if hook == "hf_extra_fields":
            from ..kinds import EXTRA_FIELD_PLACES, EXTRA_FIELD_TYPES, ExtraField

            is_field = instances_of(ExtraField)

            def new_field(item: object) -> str | None:
                if isinstance(item, ExtraField) and item.place not in EXTRA_FIELD_PLACES:
                    return message(
                        "plugins.field_place",
                        name=repr(item.name),
                        place=repr(item.place),
                        places=", ".join(EXTRA_FIELD_PLACES),
                    )
                if isinstance(item, ExtraField) and item.type not in EXTRA_FIELD_TYPES:
                    return message(
                        "plugins.field_type",
                        name=repr(item.name),
                        type=repr(item.type),
                        types=", ".join(EXTRA_FIELD_TYPES),
                    )
                return is_field(item)

            return self._registry(
                "extra fields",
                lambda: self._gather(hook, "ExtraField"),
                lambda f: f.key,
                "extra field",
                new_field,
            )
        if hook == "hf_rules":
            from ..validate.lazy import LazyRule

            def is_rule(item: object) -> str | None:
                if isinstance(item, LazyRule):  # declared by its code: nothing imported
                    return None
                from ..validate.finding import Rule

                return instances_of(Rule)(item)

            rules = self._registry("rules", self._rule_answers, lambda r: r.code, "rule", is_rule)
            for code, item in rules.items.items():
                if isinstance(item, LazyRule) and item.plugin is None:
                    item.plugin = rules.owners.get(code)  # named in a failure to load
            return rules
        if hook == "hf_render_formats":
            from ..render.format import RenderFormat
            from ..render.lazy import LazyRenderFormat

            formats = self._registry(
                "formats",
                lambda: self._gather(hook, "RenderFormat"),
                render_format_key,
                "render format",
                instances_of(RenderFormat),
            )
            for name, fmt in formats.items.items():
                if isinstance(fmt, LazyRenderFormat) and fmt.plugin is None:
                    fmt.plugin = formats.owners.get(name)  # named in a failure to load
            return formats
        if hook == "hf_document_types":
            return self._registry(
                "document types",
                lambda: self._gather(hook, "Document subclasses"),
                document_kind_key,
                "document kind",
                document_type_check,
            )
        if hook == "hf_cli_commands":
            from ..command import Command

            return self._registry(
                "commands",
                lambda: self._gather(hook, "Command"),
                command_key,
                "command",
                instances_of(Command),
            )
        if hook == "hf_outline_builders":

            def is_builder(item: object) -> str | None:
                from ..outline import OutlineBuilder  # the outline only if a plugin has one

                return instances_of(OutlineBuilder)(item)

            return self._registry(
                "outline builders",
                lambda: self._gather(hook, "OutlineBuilder"),
                lambda b: b.kind,
                "outline builder",
                is_builder,
            )
        if hook == "hf_importers":

            def is_importer(item: object) -> str | None:
                from ..importing import Importer  # the importing package only if needed

                return instances_of(Importer)(item)

            return self._registry(
                "importers",
                lambda: self._gather(hook, "Importer"),
                lambda i: i.name,
                "importer",
                is_importer,
            )
        raise ValueError(message("plugins.no_named_items", hook=repr(hook)))

    def _rule_answers(self) -> list[tuple[str, str, list[Any]]]:
        kinds = self.registry("hf_body_kinds")
        by_plugin: dict[str, list[Any]] = {}
        for kind_name, kind in kinds.items.items():
            owner = kinds.owners[kind_name]
            try:  # a kind's rules may come from a function, called here on first use
                rules = kind.declared_rules  # a rule declared by its code is not loaded
            except Exception as error:
                self.fail(owner, calls.describe_error(error), hook="hf_body_kinds", error=error)
                continue
            by_plugin.setdefault(owner, []).extend(rules)
        return [
            *self._gather("hf_rules", "Rule"),
            *((plugin, "hf_body_kinds", rules) for plugin, rules in by_plugin.items()),
        ]

    def partnerships(self) -> dict[str, PartnershipSource]:
        """The partnerships the plugins ship, by id."""
        return dict(self.registry("hf_partnerships").items)

    def body_kinds(self) -> dict[str, BodyKind]:
        """The body kinds, by name."""
        return dict(self.registry("hf_body_kinds").items)

    def partner_kinds(self) -> dict[str, PartnerKindSpec]:
        """The partner kinds plugins add (the built-in ones are :class:`PartnerKind`), by name."""
        return dict(self.registry("hf_partner_kinds").items)

    def extra_fields(self) -> dict[str, ExtraField]:
        """The extra fields plugins declare, by ``place.name`` (``body.budget_owner``)."""
        return dict(self.registry("hf_extra_fields").items)

    def rules(self) -> dict[str, Rule]:
        """Every validation rule by code: those of ``hf_rules`` and those of body kinds.

        A rule declared with :func:`~helsefellesskap.validate.lazy.lazy_rule` is loaded
        here (its module imported) and the loaded rule given; one that cannot be loaded
        is left out, and the plugin's failure recorded in :attr:`failures`.
        """
        from ..validate.lazy import LazyRule, RuleLoadError

        found: dict[str, Rule] = {}
        for code, item in self.registry("hf_rules").items.items():
            if not isinstance(item, LazyRule):
                found[code] = item
                continue
            try:
                found[code] = item.load()
            except RuleLoadError as error:
                cause = error.__cause__
                self.fail(error.plugin, error.reason, hook="hf_rules", error=cause or error)
        return found

    def render_formats(self) -> dict[str, RenderFormat]:
        """The render formats, by name."""
        return dict(self.registry("hf_render_formats").items)

    def render_format(self, name: str) -> RenderFormat:
        """The render format called ``name``; a clear error if unknown or claimed twice.

        A format declared with :func:`~helsefellesskap.render.lazy.lazy_format` is
        loaded here, and the loaded format returned; when it cannot be loaded, the
        plugin's failure is recorded in :attr:`failures` and raised.

        :raises PluginError: two plugins claim the name, or its class cannot be loaded.
        :raises UnknownFormatError: no plugin has it (with a did-you-mean).
        """
        from ..render.lazy import FormatLoadError, LazyRenderFormat

        registry: Registry[RenderFormat] = self.registry("hf_render_formats")
        fmt = self._lookup("hf_render_formats", registry, name, "render format", UnknownFormatError)
        if not isinstance(fmt, LazyRenderFormat):
            return fmt
        try:
            return fmt.load()
        except FormatLoadError as error:
            cause = error.__cause__
            self.fail(error.plugin, error.reason, hook=error.hook, error=cause or error)
            raise

    def partnership_source(self, partnership_id: str) -> PartnershipSource:
        """The shipped partnership ``partnership_id``; a clear error if unknown or claimed
        twice (:class:`PluginError`, :class:`DocumentNotFoundError`)."""
        registry: Registry[PartnershipSource] = self.registry("hf_partnerships")
        return self._lookup("hf_partnerships", registry, partnership_id, "partnership")

    def document_types(self) -> dict[str, type[Document]]:
        """The document types by ``kind``: the core's and the plugins'."""
        from ..io import document_types_by_kind

        return document_types_by_kind(self.registry("hf_document_types").items.values())

    def commands(self) -> dict[str, Command]:
        """The subcommands, by name."""
        return dict(self.registry("hf_cli_commands").items)

    def owner(self, hook: str, name: str) -> str | None:
        """The plugin that contributed ``name`` through ``hook``, if any.

        ``hook`` is one of :data:`NAMED_HOOKS`: ``hf_partnerships``, ``hf_body_kinds``,
        ``hf_rules`` (which includes the rules of body kinds), ``hf_render_formats``,
        ``hf_document_types`` and ``hf_cli_commands``.
        """
        return self.registry(hook).owners.get(name)

    def listed(self, hook: str, cls: type[T], what: str) -> list[tuple[str, T]]:
        """``(plugin, item)`` for every item of a hook that returns a plain list, in
        call order; an item that is not a ``cls`` is the plugin's failure."""
        if hook not in self._cache:
            check = instances_of(cls)
            found: list[tuple[str, T]] = []
            for plugin, name, items in self._gather(hook, what):
                for item in items:
                    problem = check(item)
                    if problem is None:
                        found.append((plugin, item))
                    else:
                        self.fail(plugin, problem, hook=name)
            self._cache[hook] = found
        return list(self._cache[hook])

    def label_catalogues(self) -> list[LabelCatalogue]:
        """Every label catalogue, in call order (the first one wins a key)."""
        return [c for _p, c in self.owned_catalogues()]

    def owned_catalogues(self) -> list[tuple[str, LabelCatalogue]]:
        """``(plugin, catalogue)`` for every label catalogue, in call order."""
        from ..render.catalogue import LabelCatalogue

        listed = self.listed("hf_label_catalogues", LabelCatalogue, "LabelCatalogue")
        kinds = self.registry("hf_partner_kinds")
        for name, kind in kinds.items.items():
            for language, label in kind.labels.items():
                catalogue = LabelCatalogue(
                    language=language, labels={f"partner_kind.{name}": label}
                )
                listed.append((kinds.owners[name], catalogue))
        return listed

    def labels(self, language: str, partnership: str | None = None) -> MergedLabels:
        """The merged labels for ``language``: see :func:`~.render.labelset.merge_labels`.

        The result is a ``dict`` that also records which plugin supplied each label.
        """
        from ..render.labelset import MergedLabels, merge_labels

        key = ("labels", language, partnership)  # merged once per language and partnership
        merged: MergedLabels | None = self._cache.get(key)
        if merged is None:
            merged = merge_labels(self.owned_catalogues(), language, partnership)
            self._cache[key] = merged
        return MergedLabels(merged, merged.owners)  # a copy: the caller may change it

    def template_sources(self, partnership: str | None = None) -> list[TemplateSource]:
        """Template folders to search for ``partnership``: its own first, then general ones,
        each group in call order."""
        from ..render.catalogue import TemplateSource

        key = ("template sources", partnership)
        found: tuple[TemplateSource, ...] | None = self._cache.get(key)
        if found is None:
            sources = [
                s for _p, s in self.listed("hf_template_sources", TemplateSource, "TemplateSource")
            ]
            own = [s for s in sources if partnership and s.partnership == partnership]
            general = [s for s in sources if s.partnership is None]
            found = tuple(own + general)
            self._cache[key] = found
        return list(found)

    def outline_builders(self) -> dict[str, OutlineBuilder]:
        """The plugins' outline builders by document kind (``hf_outline_builders``)."""
        return dict(self.registry("hf_outline_builders").items)

    def importers(self) -> dict[str, Importer]:
        """The importers by name (``hf_importers``)."""
        return dict(self.registry("hf_importers").items)

    def refine_outline(self, item: Renderable, outline: Outline, context: RenderContext) -> Outline:
        """``outline`` as the plugins' ``hf_outline`` leave it: each plugin, in pluggy's
        order, gets the previous one's result; a failing plugin, or one that answers
        something other than an ``Outline``, is recorded in :attr:`failures` and skipped."""
        from ..outline import Outline as OutlineType

        hook = "hf_outline"
        kwargs: dict[str, Any] = {"item": item, "outline": outline, "context": context}

        def fail(plugin: str, error: BaseException) -> None:
            self.fail(plugin, calls.describe_error(error), hook=hook, error=error)

        # call_each reads kwargs as it reaches each plugin: each sees the previous result
        for plugin, result in calls.call_each(self._pm.hook.hf_outline, kwargs, fail):
            if isinstance(result, OutlineType):
                kwargs["outline"] = result
            else:
                self.fail(
                    plugin, message("plugins.not_an_outline", value=describe(result)), hook=hook
                )
        refined: Outline = kwargs["outline"]
        return refined

    def layout_for(self, partnership: Partnership) -> Layout:
        """The layout for ``partnership``: its own ``[layout]``, refined by the first
        plugin that answers ``hf_layout``.

        A plugin's layout refines the partnership's: a returned ``Layout(measure_columns=…)``
        keeps the partnership's ``language`` (see :func:`.layout.refine_layout`).
        """
        from ..model import Layout
        from .layout import refine_layout

        for plugin, layout in self.call_each("hf_layout", partnership=partnership):
            if isinstance(layout, Layout):
                return refine_layout(partnership.layout, layout)
            self.fail(
                plugin, message("plugins.not_a_layout", value=describe(layout)), hook="hf_layout"
            )
        return partnership.layout

    def contributions(self, plugin: str) -> dict[str, list[str]]:
        """What one plugin contributes, by category, as ``helsefellesskap plugins`` lists it.

        See :func:`helsefellesskap.cli.listing.contributions`.
        """
        from ..cli.listing import contributions

        return contributions(self, plugin)

    # -- data ---------------------------------------------------------------------------

    def load_partnership(self, partnership_id: str) -> Bundle:
        """Load a partnership that a plugin ships, with all its documents.

        See :func:`helsefellesskap.io.installed.load_installed`.
        """
        from ..io.installed import load_installed

        return load_installed(partnership_id, self)
