"""What the benchmarks time, written against the public API only.

The library's internals are being rewritten while these benchmarks measure them, so
everything here goes through ``helsefellesskap``'s documented entry points:
:func:`~helsefellesskap.load_bundle`, :class:`~helsefellesskap.PluginManager`,
:func:`helsefellesskap.validate.validate` and :func:`helsefellesskap.render.render`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "Work",
    "load_and_validate",
    "load_bundles",
    "make_manager",
    "parser",
    "render_items",
    "renderable",
]

Work = Callable[[], object]


def parser() -> tuple[Callable[[str], dict[str, Any]], str]:
    """The baseline parser, ``tomli.loads`` (compiled where a wheel exists), and its name.

    Without tomli, the standard library's ``tomllib`` is the baseline, and its name says so.
    """
    try:
        tomli = importlib.import_module("tomli")
    except ImportError:
        import tomllib

        return tomllib.loads, "tomllib.loads (tomli is not installed)"
    inner = importlib.import_module("tomli._parser")
    compiled = str(getattr(inner, "__file__", "")).endswith((".so", ".pyd"))
    kind = "compiled" if compiled else "pure Python"
    return tomli.loads, f"tomli {getattr(tomli, '__version__', '')} loads ({kind})".replace(
        "  ", " "
    )


def make_manager() -> Any:
    """A plugin manager with the installed plugins, as the command line builds it."""
    from helsefellesskap import PluginManager

    return PluginManager()


def _types(manager: Any) -> Any:
    document_types = getattr(manager, "document_types", None)
    return document_types() if callable(document_types) else None


def load_bundles(folders: Sequence[Path], manager: Any) -> list[Any]:
    """Load every partnership folder (files, folder walk, structuring)."""
    from helsefellesskap import load_bundle

    types = _types(manager)
    return [load_bundle(folder, types=types) for folder in folders]


def load_and_validate(folders: Sequence[Path], manager: Any) -> list[Any]:
    """Load every partnership folder and validate it with every rule, the plugins'
    included, as ``helsefellesskap check`` does; return the validation reports."""
    from helsefellesskap import load_bundle
    from helsefellesskap.validate import validate

    types = _types(manager)
    reports = []
    for folder in folders:
        bundle = load_bundle(folder, types=types)
        reports.append(validate(bundle, manager=manager))
    return reports


def renderable(bundles: Sequence[Any], format: str, manager: Any) -> list[tuple[Any, Any]]:
    """Every (bundle, item) the format can render: each document and the governance
    overview (the partnership), as ``helsefellesskap render -f FORMAT folder`` renders."""
    fmt = manager.render_formats().get(format)
    if fmt is None:
        return []
    return [
        (bundle, item)
        for bundle in bundles
        for item in (bundle.partnership, *bundle.documents)
        if fmt.can_render(item)
    ]


def render_items(items: Sequence[tuple[Any, Any]], format: str, manager: Any) -> int:
    """Render every item to bytes in the format; return the bytes written."""
    from helsefellesskap.render import render

    size = 0
    for bundle, item in items:
        size += len(render(item, format, bundle=bundle, manager=manager))
    return size
