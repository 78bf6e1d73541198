"""The import step of ``make demo``: a Word plan of the example, made here, imported again.

The example's action plan is rendered to Word (as a partnership would have it), a copy of
the partnership folder is made in the output folder (``build/import/``), and the Word
file is imported into the copy; the import report is returned as text to print.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helsefellesskap import ActionPlan, Bundle, PluginManager
from helsefellesskap.importing import format_import_report, import_plan
from helsefellesskap.render.api import render

__all__ = ["import_demo"]


def import_demo(bundle: Bundle, source: Path, output: Path, manager: PluginManager) -> str:
    """Render the first action plan of ``bundle`` to Word and import it into a copy of
    ``source`` in ``output`` (emptied first); the report, or why the step was skipped."""
    if "docx" not in manager.render_formats():
        return "import: skipped (install helsefellesskap-docx to write and read Word files)"
    plan = next((d for d in bundle.documents if isinstance(d, ActionPlan)), None)
    if plan is None:
        return "import: skipped (no action plan)"
    folder = output
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    word = folder / f"{plan.id}.docx"
    word.write_bytes(render(plan, "docx", bundle=bundle, manager=manager))
    copy = folder / source.name
    shutil.copytree(source, copy)
    report = import_plan(word, copy, manager=manager)
    return "\n".join([f"Imported {word} into {copy}:", format_import_report(report)])
