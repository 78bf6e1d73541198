"""Every bundled page the browser checks open: each document of Troms og Ofoten and
Helgeland and both governance overviews, written once as HTML files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from helsefellesskap import PluginManager
from helsefellesskap.render import render

PARTNERSHIPS = ("troms-ofoten", "helgeland")


def _pages() -> Iterator[tuple[str, str]]:
    manager = PluginManager(use_env=False)
    for partnership in PARTNERSHIPS:
        bundle = manager.load_partnership(partnership)
        yield partnership, "overview"
        for document in bundle.documents:
            yield partnership, document.id


PAGES = list(_pages())
"""(partnership, document id or "overview") for every page to open."""

PAGE_IDS = [f"{p}-{d}" for p, d in PAGES]
"""The pages' test ids."""


def write_pages(folder: Path) -> dict[tuple[str, str], Path]:
    """Every page of :data:`PAGES` rendered to HTML under ``folder``
    (``<partnership>--<document>.html``)."""
    manager = PluginManager(use_env=False)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for partnership, document_id in PAGES:
        bundle = manager.load_partnership(partnership)
        item = bundle.partnership if document_id == "overview" else bundle.document(document_id)
        assert item is not None
        path = folder / f"{partnership}--{document_id}.html"
        path.write_bytes(render(item, "html", bundle=bundle, manager=manager))
        written[(partnership, document_id)] = path
    return written
