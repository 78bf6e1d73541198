"""Render formats declared by name, whose code is imported when they first render.

A plugin's ``hf_render_formats`` is asked by every command that lists or renders formats
(``helsefellesskap plugins``, ``render -f html``); a format class whose module imports its
writer (Jinja2, python-docx, WeasyPrint) would make each of those commands import every
writer. :func:`lazy_format` declares a format by what the plugin manager and
``helsefellesskap plugins`` read without rendering (its name, extension, media type and
the partnerships it serves) and the ``"package.module:Class"`` that renders; the class
is imported and instantiated on first use.

Whether it serves a partnership (:meth:`~RenderFormat.serves`) is answered from the
declared ``partnerships``, as :class:`RenderFormat` answers it: a class that overrides
``serves`` is not declared with :func:`lazy_format`. Everything else
(:meth:`~RenderFormat.render`, :meth:`~RenderFormat.can_render`, ``binary``,
``renders``, ``description``, ``own_labels`` and any other attribute of the class) comes
from the real format, loaded when first asked; :meth:`.PluginManager.render_format`
returns the real format itself. The declaration must say what the class says:
:meth:`LazyRenderFormat.load` refuses a class whose declared attributes differ
(:func:`declaration_mismatches` lists them, for a plugin's tests).
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import PluginError
from ..messages import message
from .format import RenderFormat

if TYPE_CHECKING:
    from .format import Renderable, RenderContext

__all__ = [
    "DECLARED",
    "FROM_CLASS",
    "FormatLoadError",
    "LazyRenderFormat",
    "declaration_mismatches",
    "lazy_format",
]

DECLARED: tuple[str, ...] = ("name", "extension", "media_type", "partnerships")
"""The attributes a lazy format declares without importing its class; the loaded
format must have the same, or it is refused."""

FROM_CLASS: tuple[str, ...] = ("description", "binary", "renders", "own_labels", "outlines")
"""The class attributes of :class:`RenderFormat` a lazy format reads from its class,
loading it when one is asked for."""


class _FromLoaded:
    """A class attribute of a lazy format that the real format answers (loading it)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if not isinstance(instance, LazyRenderFormat):
            return self
        return getattr(instance.load(), self.name)


class FormatLoadError(PluginError):
    """A lazily declared format whose class could not be loaded; ``reason`` says why,
    without the plugin's name in front."""

    def __init__(self, reason: str, *, plugin: str) -> None:
        super().__init__(reason, plugin=plugin, hook="hf_render_formats")
        self.reason = reason


class LazyRenderFormat(RenderFormat):
    """A render format declared by its attributes; its class is imported on first use.

    Made by :func:`lazy_format`, which sets the class attributes and :attr:`target`.
    """

    target: ClassVar[str] = ""
    """``"package.module:Class"``: the :class:`RenderFormat` subclass that renders."""

    plugin: str | None = None
    """The plugin that declared the format, once the plugin manager knows it (it names
    the plugin in the error when the class cannot be loaded)."""

    def __init__(self) -> None:
        self._loaded: RenderFormat | None = None
        self._lock = threading.Lock()

    def load(self) -> RenderFormat:
        """The real format: :attr:`target` imported and instantiated (once).

        :raises FormatLoadError: the module cannot be imported, the target is not a
            :class:`RenderFormat` subclass, or one of :data:`DECLARED` differs from
            the declaration.
        """
        if self._loaded is not None:
            return self._loaded
        with self._lock:
            if self._loaded is None:
                self._loaded = self._import()
        return self._loaded

    def _import(self) -> RenderFormat:
        from ..plugins.discovery import load_entry_point

        try:
            cls = load_entry_point(self.target)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # a broken plugin must not take the command down
            raise self._error(
                message("plugins.import_failed", module=self.target, error=repr(error))
            ) from error
        if not (isinstance(cls, type) and issubclass(cls, RenderFormat)):
            raise self._error(
                message("plugins.not_an_instance", value=self.target, cls="RenderFormat")
            )
        fmt = cls()
        for attribute in DECLARED:
            declared, actual = getattr(self, attribute), getattr(fmt, attribute, None)
            if declared != actual:
                raise self._error(
                    message(
                        "formats.declared_otherwise",
                        target=self.target,
                        attribute=attribute,
                        actual=repr(actual),
                        declared=repr(declared),
                    )
                )
        return fmt

    def _error(self, text: str) -> FormatLoadError:
        return FormatLoadError(text, plugin=self.plugin or self.target)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render with the real format."""
        return self.load().render(item, context)

    def can_render(self, item: Renderable, partnership: str | None = None) -> bool:
        """Whether the real format renders ``item``."""
        return self.load().can_render(item, partnership)

    def __getattr__(self, name: str) -> Any:
        """Any other attribute of the real format (``template_name``, …)."""
        if name.startswith("__") or name in ("_loaded", "_lock"):
            raise AttributeError(name)
        return getattr(self.load(), name)

    def __repr__(self) -> str:
        return f"<lazy render format {self.name!r} from {self.target}>"


def lazy_format(
    target: str,
    *,
    name: str,
    extension: str,
    media_type: str,
    partnerships: tuple[str, ...] = (),
) -> RenderFormat:
    """A render format declared here and rendered by the class ``target``
    (``"package.module:Class"``), which is imported on first use.

    Return it from ``hf_render_formats`` instead of an instance of the class, so that
    listing the formats, or rendering another one, does not import this one's writer.
    The keyword arguments are the class's own attributes (see :class:`RenderFormat`);
    the others (:data:`FROM_CLASS`) are read from the class when asked for.
    """
    module_name, _, attribute = target.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"target {target!r} is not 'package.module:Class'")
    cls = type(
        f"Lazy_{attribute}",
        (LazyRenderFormat,),
        {
            "__module__": __name__,
            "target": target,
            "name": name,
            "extension": extension,
            "media_type": media_type,
            "partnerships": tuple(partnerships),
            **{attribute: _FromLoaded() for attribute in FROM_CLASS},
        },
    )
    fmt: RenderFormat = cls()
    return fmt


def declaration_mismatches(fmt: RenderFormat) -> list[str]:
    """Where a lazy format's declaration differs from its class, ``attribute: declared !=
    actual`` for each of :data:`DECLARED`, without loading it into ``fmt`` (for a
    plugin's tests); empty for a format that is not lazy.

    :raises FormatLoadError: the class cannot be imported.
    """
    if not isinstance(fmt, LazyRenderFormat):
        return []
    module_name, _, attribute = fmt.target.partition(":")
    try:
        real = getattr(importlib.import_module(module_name), attribute)
    except Exception as error:
        raise fmt._error(
            message("plugins.import_failed", module=fmt.target, error=repr(error))
        ) from error
    found = [
        f"{name}: {getattr(fmt, name)!r} != {getattr(real, name, None)!r}"
        for name in DECLARED
        if getattr(fmt, name) != getattr(real, name, None)
    ]
    if getattr(real, "serves", None) is not RenderFormat.serves:
        found.append(f"serves: {fmt.target} overrides it; declare the format without lazy_format")
    return found
