"""Verbatim fidelity, per source document: a ratchet that can only go up (issue 13).

``sources/seed-NNN.txt`` holds the items of one source document: every line of its
extracted text with three or more words (list and heading marks and bold markers
removed). The documents that express the source are rendered to Markdown, their text
unescaped and its whitespace joined, and each item that stands there letter for letter
counts. The floor is the count measured when the test was written (then raised as the
rendering got closer to the sources); lower it only with a reason in the commit message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helsefellesskap import Bundle, PluginManager
from helsefellesskap.render import render

SOURCES = Path(__file__).parent / "sources"

# seed: (documents that express it, items verbatim at least)
FLOORS: dict[str, tuple[tuple[str, ...], int]] = {
    "003": (("handlingsplan-2023-2025", "helgelandserklaeringen-2023-2024"), 161),
}


def items(seed: str) -> list[str]:
    """The items of source ``seed``: one a line, comments left out."""
    text = (SOURCES / f"seed-{seed}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def plain(markdown: str) -> str:
    """The words of a Markdown page: escapes, emphasis, list and table marks removed,
    whitespace joined into single spaces."""
    text = re.sub(r"\\(.)", r"\1", markdown)
    text = text.replace("**", "").replace("<br>", " ")
    text = re.sub(r"(?m)^\s*(?:[-*]|\d+\.|#+)\s+", " ", text)
    text = re.sub(r"\s*\|\s*", " ", text)
    return re.sub(r"\s+", " ", text)


def verbatim(
    bundle: Bundle, manager: PluginManager, documents: tuple[str, ...], seed: str
) -> list[str]:
    """The items of ``seed`` that the rendered ``documents`` hold letter for letter."""
    pages = []
    for document_id in documents:
        document = bundle.document(document_id)
        assert document is not None, document_id
        pages.append(plain(render(document, "md", bundle=bundle, manager=manager).decode()))
    text = " ".join(pages)
    return [item for item in items(seed) if item in text]


@pytest.mark.parametrize("seed", sorted(FLOORS))
def test_items_rendered_verbatim_do_not_go_down(
    bundle: Bundle, manager: PluginManager, seed: str
) -> None:
    documents, floor = FLOORS[seed]
    found = verbatim(bundle, manager, documents, seed)
    total = len(items(seed))
    assert len(found) >= floor, f"seed {seed}: {len(found)} of {total} verbatim, floor {floor}"
