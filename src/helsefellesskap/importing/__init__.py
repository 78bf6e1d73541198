"""Bringing plans in: files written elsewhere (Word, …) read into new action-plan files.

* :mod:`.draft`: what an importer reads (:class:`PlanDraft`), texts as they stand;
* :mod:`.importer`: :class:`Importer`, which a plugin contributes through ``hf_importers``;
* :mod:`.deadlines` and :mod:`.actors`: deadline phrases and responsible texts read;
* :mod:`.writer`: the new TOML file, each guess marked with a comment beside it;
* :mod:`.report` and :mod:`.api`: :func:`import_plan` and its :class:`ImportReport`.
"""

from __future__ import annotations

from .actors import ResponsibleReading, actor_names, read_responsible
from .api import ImportFailed, find_importer, import_plan, read_draft
from .deadlines import DeadlineReading, read_deadline
from .draft import DraftBlock, DraftFocusArea, DraftRow, DraftSection, PlanDraft
from .importer import Importer
from .report import Guess, ImportReport, Unmatched, format_import_report
from .writer import PlanText, plan_toml, slug

__all__ = [
    "DeadlineReading",
    "DraftBlock",
    "DraftFocusArea",
    "DraftRow",
    "DraftSection",
    "Guess",
    "ImportFailed",
    "ImportReport",
    "Importer",
    "PlanDraft",
    "PlanText",
    "ResponsibleReading",
    "Unmatched",
    "actor_names",
    "find_importer",
    "format_import_report",
    "import_plan",
    "plan_toml",
    "read_deadline",
    "read_draft",
    "read_responsible",
    "slug",
]
