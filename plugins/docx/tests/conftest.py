"""Set-up of the Word format's tests: the example partnership, rendered through the real
plugin found by its entry point, and ways to look inside the result."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

import helsefellesskap as hf
from helsefellesskap.render.api import render
from helsefellesskap.render.format import Renderable

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"
PLAN_ID = "handlingsplan-2024-2025"


@pytest.fixture(scope="session")
def manager() -> hf.PluginManager:
    """A fresh plugin manager that loads the installed plugins, as the CLI does."""
    found = hf.PluginManager()
    assert "docx" in found.render_formats(), (
        "the docx plugin is not installed: pip install -e plugins/docx"
    )
    return found


@pytest.fixture(scope="session")
def bundle() -> hf.Bundle:
    """The invented example partnership, with all its documents."""
    return hf.load_bundle(EXAMPLE)


@pytest.fixture(scope="session")
def plan(bundle: hf.Bundle) -> hf.ActionPlan:
    """The example's action plan."""
    found = bundle.document(PLAN_ID)
    assert isinstance(found, hf.ActionPlan)
    return found


RenderDocx = Callable[..., bytes]


@pytest.fixture(scope="session")
def render_docx(bundle: hf.Bundle, manager: hf.PluginManager) -> RenderDocx:
    """Render an item of the example (or of ``in_bundle``) to Word bytes."""

    def run(item: Renderable, lang: str = "nb", in_bundle: hf.Bundle | None = None) -> bytes:
        return render(item, "docx", bundle=in_bundle or bundle, lang=lang, manager=manager)

    return run


class Opened:
    """A rendered Word file re-opened with python-docx, with ways to look inside."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.document: WordDocument = docx.Document(io.BytesIO(data))

    def paragraphs(self) -> list[tuple[str, str]]:
        """(style name, text) of every paragraph of the body outside tables."""
        return [
            (p.style.name if p.style is not None else "", p.text) for p in self.document.paragraphs
        ]

    def headings(self) -> list[tuple[str, str]]:
        """(style name, text) of the title and every heading, in order."""
        return [
            (style, text)
            for style, text in self.paragraphs()
            if style == "Title" or style.startswith("Heading")
        ]

    def heading_texts(self) -> list[str]:
        """The texts of the headings (without the title)."""
        return [text for style, text in self.headings() if style.startswith("Heading")]

    def text(self) -> str:
        """Every text of the body, tables included, one paragraph a line."""
        lines = [p.text for p in self.document.paragraphs]
        for table in self.document.tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        return "\n".join(lines)

    def header_text(self) -> str:
        """The text of the running header."""
        return "\n".join(p.text for p in self.document.sections[0].header.paragraphs)

    def footer_text(self) -> str:
        """The text of the footer (fields show their placeholder)."""
        return "\n".join(p.text for p in self.document.sections[0].footer.paragraphs)

    def footer_fields(self) -> list[str]:
        """The field instructions in the footer: ``PAGE``, ``NUMPAGES``."""
        footer = self.document.sections[0].footer._element
        return [(node.text or "").strip() for node in footer.iter(qn("w:instrText"))]


@pytest.fixture(scope="session")
def word() -> Callable[[bytes], Opened]:
    """Re-open Word bytes with python-docx (an :class:`Opened`)."""
    return Opened
