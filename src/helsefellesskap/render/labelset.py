"""The labels a document is rendered with: the catalogues merged, each label with its owner.

Every label remembers the plugin that supplied it, so that a label whose placeholders do
not fit (``"{yaer}"``) is reported as that plugin's error rather than the format's.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

from ..errors import RenderError
from ..messages import message
from .catalogue import LabelCatalogue

__all__ = ["LabelError", "MergedLabels", "format_label", "merge_labels"]


class LabelError(RenderError):
    """A label cannot be filled in: a placeholder it names is not given, or it is malformed.

    ``key`` is the label's key and ``plugin`` the plugin that supplied it (``None`` when
    unknown).
    """

    def __init__(self, message: str, *, key: str, plugin: str | None) -> None:
        super().__init__(message)
        self.key = key
        self.plugin = plugin


class MergedLabels(dict[str, str]):
    """The merged labels of one language and partnership: a ``dict`` of key → text that
    also records, in :attr:`owners`, which plugin supplied each label."""

    owners: dict[str, str]

    def __init__(
        self, labels: Mapping[str, str] = {}, owners: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(labels)
        self.owners = dict(owners or {})

    def owner(self, key: str) -> str | None:
        """The plugin that supplied the label ``key``, if known."""
        return self.owners.get(key)


def merge_labels(
    catalogues: Iterable[tuple[str, LabelCatalogue]],
    language: str,
    partnership: str | None = None,
) -> MergedLabels:
    """The labels for ``language`` from ``(plugin, catalogue)`` pairs in call order.

    Layers, each overriding the ones before: the general bokmål labels, the partnership's
    bokmål labels, then (for another language) the general labels of ``language`` and the
    partnership's labels of ``language``. Within a layer the catalogue that comes first in
    call order wins (pluggy's order: the last registered plugin before the built-ins).
    """
    owned = list(catalogues)
    texts: dict[str, str] = {}
    owners: dict[str, str] = {}

    def layer(lang: str, scope: str | None) -> None:
        for plugin, catalogue in reversed(owned):  # the first in call order is applied last
            if catalogue.language == lang and catalogue.partnership == scope:
                texts.update(catalogue.labels)
                owners.update(dict.fromkeys(catalogue.labels, plugin))

    for lang in ("nb", language) if language != "nb" else ("nb",):
        layer(lang, None)
        if partnership:
            layer(lang, partnership)
    return MergedLabels(texts, owners)


def format_label(labels: Mapping[str, str], key: str, values: Mapping[str, object]) -> str:
    """The label ``key`` filled in with ``values`` (the key itself if there is no label).

    :raises LabelError: the label names a placeholder that is not given, or is malformed;
        the message names the plugin that supplied the label where ``labels`` knows it.
    """
    text = labels.get(key, key)
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
        owner = labels.owner(key) if isinstance(labels, MergedLabels) else None
        given = ", ".join("{" + name + "}" for name in sorted(values))
        what = (
            message("render.the_label_of_plugin", key=repr(key), owner=repr(owner))
            if owner
            else message("render.the_label", key=repr(key))
        )
        unknown = sorted(
            {
                field.split(".")[0].split("[")[0]
                for _text, field, _spec, _conv in _fields(text)
                if field is not None
            }
            - set(values)
        )
        if unknown:
            names = ", ".join("{" + name + "}" for name in unknown)
            many = "render.label_names.one" if len(unknown) == 1 else "render.label_names.other"
            problem = message(many, names=names)
        else:
            problem = message("render.label_cannot_fill", error=error)
        raise LabelError(
            message("render.label_error", what=what, problem=problem, text=repr(text), given=given),
            key=key,
            plugin=owner,
        ) from None


def _fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    try:
        return list(string.Formatter().parse(text))
    except ValueError:
        return []
