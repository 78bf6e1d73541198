"""Registries: the named things plugins contribute, who contributed each, and the clashes.

The conflict rule: a name claimed by two plugins is used by neither, and both are
named in the failure; except that a built-in plugin keeps its names (a plugin cannot take
``md`` or ``html`` away from everyone else), and the plugin's claim is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .failures import describe

if TYPE_CHECKING:
    from ..command import Command
    from ..model import Document
    from ..render.format import RenderFormat
    from ..sources import PartnershipSource

__all__ = [
    "EXTENSION_PATTERN",
    "Registry",
    "build_registry",
    "command_key",
    "document_kind_key",
    "document_type_check",
    "instances_of",
    "partnership_key",
    "render_format_key",
]

T = TypeVar("T")

EXTENSION_PATTERN = re.compile(r"^(?:\.[A-Za-z0-9][A-Za-z0-9_-]*)+$")
"""What a render format's ``extension`` may be: a dot and letters, digits, ``-`` or ``_``
(``.md``, ``.tar.gz``); nothing that could name another folder."""

Fail = Callable[[str, str, str], None]
"""``fail(plugin, message, hook)``: record a plugin's failure."""


@attrs.frozen
class Registry(Generic[T]):
    """The items of one contributing hook by name, who contributed each, and the clashes.

    ``owners`` holds every claimed name's first claimant, also for names in
    ``conflicts`` (which are not in ``items``).
    """

    items: dict[str, T]
    owners: dict[str, str]
    conflicts: dict[str, list[str]]


def instances_of(cls: type[Any]) -> Callable[[object], str | None]:
    """A check that an item is an instance of ``cls``; the message says what to return."""

    def check(item: object) -> str | None:
        if isinstance(item, cls):
            return None
        if isinstance(item, type) and issubclass(item, cls):
            return (
                f"returned the class {item.__name__} where an instance is expected: "
                f"return {item.__name__}()"
            )
        return f"returned {describe(item)} where a {cls.__name__} is expected"

    return check


def document_type_check(item: object) -> str | None:
    """Why ``item`` is not a document type a plugin may add, or ``None``."""
    from ..model import Document

    if not (isinstance(item, type) and issubclass(item, Document)):
        return f"returned {describe(item)} where a subclass of Document is expected"
    if not item.KIND:
        return f"document type {item.__name__} has no KIND"
    return None


def render_format_key(item: RenderFormat) -> str:
    """The name of a render format; a :class:`ValueError` if it lacks what it must declare
    or its extension could write outside the output folder."""
    for attribute in ("name", "extension", "media_type"):
        if not getattr(item, attribute, None):
            raise ValueError(f"render format {type(item).__name__} has no {attribute}")
    extension = item.extension
    if not isinstance(extension, str) or not EXTENSION_PATTERN.match(extension):
        raise ValueError(
            f"render format {item.name!r} has the extension {extension!r}: an extension is a "
            "dot followed by letters, digits, '-' or '_' (like '.md'), so that every file "
            "stays in the output folder"
        )
    return item.name


def partnership_key(item: PartnershipSource) -> str:
    """The id of a shipped partnership; a :class:`ValueError` if it is not a valid id."""
    from ..model._base import ID_PATTERN

    if not isinstance(item.id, str) or not ID_PATTERN.match(item.id):
        raise ValueError(
            f"partnership {item.id!r} has an invalid id: an id is lowercase letters and "
            "digits, parts joined by '-', '_' or '.' (like 'vestfold-sor')"
        )
    return item.id


def document_kind_key(cls: type[Document]) -> str:
    """The kind of a plugin's document type; a :class:`ValueError` for a core kind."""
    from ..model import DOCUMENT_TYPES

    if cls.KIND in {core.KIND for core in DOCUMENT_TYPES}:
        raise ValueError(f"document kind {cls.KIND!r} belongs to the core")
    return cls.KIND


def command_key(item: Command) -> str:
    """The name of a command."""
    return item.name


def build_registry(
    answers: Iterable[tuple[str, str, list[Any]]],
    *,
    key: Callable[[Any], str],
    what: str,
    check: Callable[[object], str | None],
    is_builtin: Callable[[str], bool],
    fail: Fail,
    disable_hint: str,
) -> Registry[Any]:
    """Gather named items from ``(plugin, hook, items)`` answers, applying the conflict rule.

    An item that fails ``check`` or whose ``key`` raises is the plugin's failure; a name a
    plugin returns twice is reported once.
    """
    found: dict[str, Any] = {}
    owners: dict[str, str] = {}
    hooks: dict[str, str] = {}
    conflicts: dict[str, list[str]] = {}
    claimed: dict[tuple[str, str], Any] = {}
    for plugin, hook, items in answers:
        for item in items:
            problem = check(item)
            name = ""
            if problem is None:
                try:
                    name = key(item)
                except Exception as error:
                    problem = str(error)
            if problem is not None:
                fail(plugin, problem, hook)
                continue
            if name in owners:
                claimed.setdefault((name, plugin), item)
                if owners[name] == plugin:
                    fail(plugin, f"{what} {name!r} is returned twice", hook)
                elif plugin not in conflicts.setdefault(name, [owners[name]]):
                    conflicts[name].append(plugin)
                    hooks[name] = hook  # the hook of the plugin the failure names
                continue
            owners[name] = plugin
            hooks[name] = hook
            found[name] = item
    for name, claimants in list(conflicts.items()):
        builtin = [c for c in claimants if is_builtin(c)]
        if builtin:
            keeper = builtin[0]
            owners[name] = keeper
            found[name] = claimed.get((name, keeper), found[name])
            for claimant in claimants:
                if claimant != keeper:
                    fail(
                        claimant,
                        f"{what} {name!r} is built in (plugin {keeper!r}); this plugin's "
                        f"{what} of that name is not used: give it another name",
                        hooks[name],
                    )
            del conflicts[name]
            continue
        found.pop(name, None)
        fail(
            claimants[-1],
            f"{what} {name!r} is claimed by "
            + " and ".join(repr(c) for c in claimants)
            + f"; neither is used: disable one of them ({disable_hint})",
            hooks[name],
        )
    return Registry(found, owners, conflicts)
