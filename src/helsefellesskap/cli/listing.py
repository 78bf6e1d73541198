"""What ``helsefellesskap plugins`` says a plugin contributes, category by category."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plugins.manager import NAMED_HOOKS

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["contributions"]


def contributions(manager: PluginManager, plugin: str) -> dict[str, list[str]]:
    """What ``plugin`` contributes, by category, for ``helsefellesskap plugins``.

    Categories: ``partnerships``, ``body kinds``, ``rules``, ``formats``,
    ``document types``, ``commands``, ``labels`` (each catalogue as its language, ``for``
    its partnership, and its number of labels) and ``templates`` (each folder, ``for`` its
    partnership); a category the plugin adds nothing to is left out.
    """
    from ..render.catalogue import LabelCatalogue, TemplateSource  # not on `list`'s path

    result: dict[str, list[str]] = {}
    for hook, category in NAMED_HOOKS.items():
        registry = manager.registry(hook)
        mine = sorted(
            name
            for name, owner in registry.owners.items()
            if owner == plugin and name in registry.items
        )
        if mine:
            result[category] = mine
    catalogues = manager.listed("hf_label_catalogues", LabelCatalogue, "LabelCatalogue")
    labels = [
        f"{c.language}{f' for {c.partnership}' if c.partnership else ''}"
        f" ({len(c.labels)} label{'' if len(c.labels) == 1 else 's'})"
        for owner, c in catalogues
        if owner == plugin
    ]
    templates = [
        f"{s.path}{f' for {s.partnership}' if s.partnership else ''}"
        for owner, s in manager.listed("hf_template_sources", TemplateSource, "TemplateSource")
        if owner == plugin
    ]
    if labels:
        result["labels"] = labels
    if templates:
        result["templates"] = templates
    return result
