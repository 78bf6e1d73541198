"""``examples/helgeland.py`` validates and renders everything, in every format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helsefellesskap import Bundle, Document, Partnership, PluginManager

SCRIPT = Path(__file__).resolve().parents[3] / "examples" / "helgeland.py"


@pytest.mark.skipif(not SCRIPT.is_file(), reason="runs inside the helsefellesskap repository")
def test_the_example_renders_every_document_in_every_format(
    tmp_path: Path, manager: PluginManager, bundle: Bundle
) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "validation: 0 errors" in result.stdout
    assert "23 measures" in result.stdout
    rendered = 0
    for fmt in manager.render_formats().values():
        items: list[Document | Partnership] = [*bundle.documents, bundle.partnership]
        for item in items:
            if not fmt.can_render(item):
                continue
            stem = item.id if item is not bundle.partnership else f"{item.id}-styringsstruktur"
            written = tmp_path / "nb" / f"{stem}{fmt.extension}"
            assert written.is_file(), written
            assert written.stat().st_size > 0
            rendered += 1
    assert rendered >= 9  # md, html and json at least, for both documents and the overview
    plan = (tmp_path / "nb" / "handlingsplan-2023-2025.md").read_text("utf-8")
    assert "| Mål – Hvor vil vi? | Hva har vi av pågående arbeid |" in plan
    assert (tmp_path / "index.html").is_file()
