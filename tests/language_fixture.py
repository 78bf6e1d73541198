"""A copy of the example partnership in another language: the fixture of issue 18.

``language_copy(tmp, "nn")`` is the example with ``[layout] language = "nn"`` and every
document marked ``language = "nn"`` (the texts stay as written: what is tested is the
language of what the renderers add — labels and national texts).
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["EXAMPLE", "language_copy"]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


def language_copy(folder: Path, language: str) -> Path:
    """Copy the example into ``folder/<language>`` in ``language``; return the copy."""
    target = folder / f"eksempel-{language}"
    shutil.copytree(EXAMPLE, target)
    partnership = target / "partnership.toml"
    text = partnership.read_text(encoding="utf-8")
    assert "\n[layout]\n" in text
    partnership.write_text(
        text.replace("\n[layout]\n", f'\n[layout]\nlanguage = "{language}"\n', 1),
        encoding="utf-8",
    )
    for document in target.glob("*/*.toml"):
        lines = document.read_text(encoding="utf-8")
        document.write_text(f'language = "{language}"\n{lines}', encoding="utf-8")
    return target
