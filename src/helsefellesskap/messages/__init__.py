"""Messages for people in nb, nn and en: the command line's and the data errors'.

The texts live in TOML catalogues beside this module, one folder a language and one file an
area of the library (``nb/data.toml``, ``nn/cli.toml``, ``en/render.toml``, …). A key
``not_allowed`` in ``data.toml`` is the message ``data.not_allowed``; its ``{name}`` fields
are filled by :func:`message`. Every key is in all three languages (a test holds that,
fields included). The language of messages is
:func:`current_language`: English unless :func:`use_language` says otherwise; the command
line chooses it with :func:`choose_language` (``--lang``, then ``HELSEFELLESSKAP_LANG``, then
the locale, then English). See docs/architecture.md.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

try:  # the compiled parser where installed: every command reads a catalogue (issue 11)
    import tomli as _toml
except ImportError:  # pragma: no cover - depends on the environment
    import tomllib as _toml  # type: ignore[no-redef]

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_ENV",
    "Messages",
    "catalogue",
    "choose_language",
    "current_language",
    "language_from_environment",
    "message",
    "use_language",
]

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
"""The languages every message has."""

DEFAULT_LANGUAGE = "en"
"""The language of messages when nothing chooses one: the library's and the command line's."""

LANGUAGE_ENV = "HELSEFELLESSKAP_LANG"
"""Environment variable: the language of messages (and of ``rules``), ``nb``, ``nn`` or ``en``."""

# locale names (before "_" or ".") by message language; "no" is written bokmål
_LOCALE_LANGUAGES = {"nb": "nb", "no": "nb", "nn": "nn", "en": "en"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar(
    "helsefellesskap_message_language", default=DEFAULT_LANGUAGE
)


class Messages:
    """The messages of one package in nb, nn and en: the core's, or a plugin's own.

    ``package`` names a package whose ``messages/<language>/<area>.toml`` files hold the
    texts (the core's are beside this module). A plugin words its errors the same way the
    core does::

        from helsefellesskap.messages import Messages

        message = Messages("helsefellesskap_docx")
        raise RenderError(message("word.no_template", path=path))

    and keeps its keys in ``helsefellesskap_docx/messages/{nb,nn,en}/word.toml``
    (:func:`helsefellesskap.testing.check_message_catalogues` checks that every key is in
    every language with the same fields). The language is :func:`current_language` unless
    a call names one.
    """

    def __init__(self, package: str) -> None:
        self.package = package
        self._loaded: dict[str, Mapping[str, str]] = {}
        self._areas: dict[tuple[str, str], Mapping[str, str]] = {}
        self._templates: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
        """The text of each key worded so far, by language (a rule words thousands of
        findings with the same few keys: their texts are found once)."""

    def catalogue(self, language: str) -> Mapping[str, str]:
        """The messages of ``language`` by full key (``area.key``), every area file of
        the language's folder merged (loaded once; an unknown language has none)."""
        loaded = self._loaded.get(language)
        if loaded is None:
            folder = _folder(self.package, language)
            merged: dict[str, str] = {}
            if folder.is_dir():
                for entry in sorted(folder.iterdir(), key=lambda item: item.name):
                    if entry.name.endswith(".toml"):
                        area = entry.name.removesuffix(".toml")
                        merged.update(self._area(language, area))
            loaded = self._loaded[language] = merged
        return loaded

    def _area(self, language: str, area: str) -> Mapping[str, str]:
        """The messages of one area file (``cli.toml``) by full key, read on first use: a
        command that words one message reads one file, not the whole catalogue."""
        texts = self._areas.get((language, area))
        if texts is None:
            entry = _folder(self.package, language).joinpath(f"{area}.toml")
            texts = {}
            if entry.is_file():
                if isinstance(entry, Path):  # a file: parsed once, kept between runs
                    from ..tomlcache import load_catalogue

                    parsed = load_catalogue(entry)
                else:  # pragma: no cover - a package in a zip file
                    parsed = _toml.loads(entry.read_text("utf-8"))
                for key, text in parsed.items():
                    texts[f"{area}.{key}"] = text
            self._areas[(language, area)] = texts
        return texts

    def __call__(self, key: str, language: str | None = None, /, **fields: object) -> str:
        """The message ``key`` in ``language`` (by default :func:`current_language`), its
        ``{name}`` fields filled from ``fields``. A key missing from a catalogue falls back
        to English; a key in no catalogue is a bug and raises :class:`KeyError`."""
        return self._text(key, language).format(**fields)

    def _text(self, key: str, language: str | None) -> str:
        """The text of ``key`` in ``language`` (or :func:`current_language`), its fields
        not yet filled."""
        chosen = language or _current.get()
        known = self._templates.get(chosen)
        template = known.get(key) if known is not None else None
        return template if template is not None else self._template(chosen, key)

    def _template(self, language: str, key: str) -> str:
        """The text of ``key`` in ``language`` (English where it lacks the key; a key in
        no catalogue raises :class:`KeyError`), kept for the next message."""
        area = key.split(".", 1)[0]
        texts = self._area(language if language in LANGUAGES else DEFAULT_LANGUAGE, area)
        template = texts.get(key) or self._area(DEFAULT_LANGUAGE, area)[key]
        known = self._templates.get(language)
        if known is not None:  # one of LANGUAGES: kept
            known[key] = template
        return template


def _folder(package: str, language: str) -> Traversable:
    if package == __name__:  # the core's folder, without importlib.resources (start-up)
        return Path(__file__).parent / language
    location = getattr(sys.modules.get(package), "__file__", None)
    if location:  # a plugin installed as files: its folder, without importlib.resources
        folder = Path(location).parent / "messages"
        if folder.is_dir():
            return folder / language
    from importlib import resources

    return resources.files(package).joinpath("messages").joinpath(language)


_CORE = Messages(__name__)


def catalogue(language: str) -> Mapping[str, str]:
    """The core's messages of ``language`` by full key (``area.key``)."""
    return _CORE.catalogue(language)


def _from_locale(value: str) -> str | None:
    name = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
    if name in ("", "c", "posix"):
        return None
    return _LOCALE_LANGUAGES.get(name, DEFAULT_LANGUAGE)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language ``HELSEFELLESSKAP_LANG`` names (if it is one of :data:`LANGUAGES`),
    else the locale's (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: ``nb_NO.UTF-8`` is
    bokmål, ``nn_NO`` nynorsk, ``no_NO`` bokmål, any other language English), else ``None``
    (no locale, or ``C``/``POSIX``)."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_ENV, "").strip()
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return _from_locale(value)
    return None


def choose_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line's messages: ``explicit`` (``--lang``) when it is
    one of :data:`LANGUAGES`, else :func:`language_from_environment`, else English."""
    if explicit in LANGUAGES:
        assert explicit is not None
        return explicit
    return language_from_environment(environ) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language messages are worded in now (English unless :func:`use_language`)."""
    return _current.get()


@contextlib.contextmanager
def use_language(language: str) -> Iterator[str]:
    """Word messages in ``language`` inside the ``with`` block (this thread or task only);
    a language without messages falls back to English."""
    token = _current.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def message(key: str, language: str | None = None, /, **fields: object) -> str:
    """The core's message ``key`` in ``language`` (by default :func:`current_language`),
    its ``{name}`` fields filled from ``fields``. A key missing from a catalogue falls back
    to English; a key in no catalogue is a bug and raises :class:`KeyError`."""
    return _CORE._text(key, language).format(**fields)
