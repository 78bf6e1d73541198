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

from ..messages import message
from .failures import describe

if TYPE_CHECKING:
    from ..command import Command
    from ..model import Document
    from ..render.format import RenderFormat
    from ..sources import PartnershipSource

__all__ = [
    "EXTENSION_PATTERN",
    "PARTNERSHIP_ID_PATTERN",
    "Registry",
    "build_registry",
    "command_key",
    "document_kind_key",
    "document_type_check",
    "instances_of",
    "partnership_key",
    "render_format_key",
    "thing",
]

T = TypeVar("T")

EXTENSION_PATTERN = re.compile(r"^(?:\.[A-Za-z0-9][A-Za-z0-9_-]*)+$")
"""What a render format's ``extension`` may be: a dot and letters, digits, ``-`` or ``_``
(``.md``, ``.tar.gz``); nothing that could name another folder."""

Fail = Callable[[str, str, str], None]
"""``fail(plugin, message, hook)``: record a plugin's failure."""


def thing(what: str) -> str:
    """What a registry holds (``"render format"``), named in the language of messages
    (``formatet``): the word messages put before the item's name."""
    return message("plugins.what." + what.replace(" ", "_"))


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
            return message("plugins.class_not_instance", name=item.__name__)
        return message("plugins.not_an_instance", value=describe(item), cls=cls.__name__)

    return check


def document_type_check(item: object) -> str | None:
    """Why ``item`` is not a document type a plugin may add, or ``None``."""
    from ..model import Document

    if not (isinstance(item, type) and issubclass(item, Document)):
        return message("plugins.not_a_document_type", value=describe(item))
    if not item.KIND:
        return message("plugins.no_kind", name=item.__name__)
    return None


def render_format_key(item: RenderFormat) -> str:
    """The name of a render format; a :class:`ValueError` if it lacks what it must declare
    or its extension could write outside the output folder."""
    for attribute in ("name", "extension", "media_type"):
        if not getattr(item, attribute, None):
            raise ValueError(
                message("plugins.format_lacks", type=type(item).__name__, attribute=attribute)
            )
    extension = item.extension
    if not isinstance(extension, str) or not EXTENSION_PATTERN.match(extension):
        raise ValueError(
            message("plugins.unsafe_extension", name=repr(item.name), extension=repr(extension))
        )
    return item.name


PARTNERSHIP_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
"""What a shipped partnership's id may be: the model's ``ID_PATTERN``, written here so
that listing the plugins does not import the model (a test holds the two the same)."""


def partnership_key(item: PartnershipSource) -> str:
    """The id of a shipped partnership; a :class:`ValueError` if it is not a valid id."""
    if not isinstance(item.id, str) or not PARTNERSHIP_ID_PATTERN.match(item.id):
        raise ValueError(message("plugins.invalid_partnership_id", id=repr(item.id)))
    return item.id


def document_kind_key(cls: type[Document]) -> str:
    """The kind of a plugin's document type; a :class:`ValueError` for a core kind."""
    from ..model import DOCUMENT_TYPES

    if cls.KIND in {core.KIND for core in DOCUMENT_TYPES}:
        raise ValueError(message("plugins.core_kind", kind=repr(cls.KIND)))
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
    plugin returns twice is reported once. ``what`` names the items (``"render format"``,
    a key of ``plugins.what.*`` with ``_`` for spaces), ``disable_hint`` the environment
    variable that disables plugins.
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
                    fail(
                        plugin,
                        message("plugins.returned_twice", what=thing(what), name=repr(name)),
                        hook,
                    )
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
                    text = message(
                        "plugins.builtin_name",
                        what=thing(what),
                        name=repr(name),
                        keeper=repr(keeper),
                    )
                    fail(claimant, text, hooks[name])
            del conflicts[name]
            continue
        found.pop(name, None)
        text = message(
            "plugins.conflict",
            what=thing(what),
            name=repr(name),
            claimants=message("plugins.and").join(repr(c) for c in claimants),
            hint=message("plugins.disable_hint", env=disable_hint),
        )
        fail(claimants[-1], text, hooks[name])
    return Registry(found, owners, conflicts)
