"""Label catalogues and template folders that plugins contribute."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

__all__ = [
    "LANGUAGES",
    "LabelCatalogue",
    "TemplateSource",
    "builtin_catalogues",
    "builtin_labels",
    "flatten_labels",
]


@attrs.frozen(kw_only=True)
class LabelCatalogue:
    """Labels for one language (``nb``, ``nn``, ``en``), for every partnership or one.

    ``partnership`` is ``None`` for labels that apply everywhere (the built-in catalogue
    and new labels a plugin adds) or a partnership id for labels that override the
    defaults for that partnership only.
    """

    language: str
    labels: dict[str, str]
    partnership: str | None = None


@attrs.frozen(kw_only=True)
class TemplateSource:
    """A folder of templates that overrides the built-in ones, for one partnership or all.

    Templates are looked up by name (``action-plan.html.j2``) in the partnership's
    folders first, then in the folders for all partnerships, then the built-in ones.
    """

    path: Path
    partnership: str | None = None


LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
"""The languages the built-in catalogues cover: bokmål (the default), nynorsk, English."""


def flatten_labels(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    """Flatten nested TOML tables into dotted keys: ``{"column": {"goal": "…"}}``
    becomes ``{"column.goal": "…"}``. A value that is not text is an error."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten_labels(value, prefix=f"{name}."))
        elif isinstance(value, str):
            flat[name] = value
        else:
            from ..messages import message

            raise ValueError(
                message("render.label_not_text", name=repr(name), type=type(value).__name__)
            )
    return flat


def builtin_labels(language: str) -> dict[str, str]:
    """The built-in labels for ``language`` (one of :data:`LANGUAGES`), as dotted keys.

    The catalogue is package data, parsed through
    :func:`~helsefellesskap.tomlcache.load_catalogue` (its tables kept in the user's cache
    between runs, as the message catalogues are): a render reads all three languages."""
    from ..tomlcache import load_catalogue

    if language not in LANGUAGES:
        from ..messages import message

        raise ValueError(
            message("render.no_builtin_labels", language=repr(language), languages=LANGUAGES)
        )
    resource = Path(__file__).parent / "labels" / f"{language}.toml"  # no importlib.resources
    return flatten_labels(load_catalogue(resource))


def builtin_catalogues() -> list[LabelCatalogue]:
    """The built-in catalogue of every language in :data:`LANGUAGES`."""
    return [LabelCatalogue(language=lang, labels=builtin_labels(lang)) for lang in LANGUAGES]
