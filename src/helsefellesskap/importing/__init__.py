"""Bringing plans in: files written elsewhere (Word, …) read into new action-plan files.

* :mod:`.draft`: what an importer reads (:class:`PlanDraft`), texts as they stand;
* :mod:`.importer`: :class:`Importer`, which a plugin contributes through ``hf_importers``;
* :mod:`.deadlines` and :mod:`.actors`: deadline phrases and responsible texts read;
* :mod:`.writer`: the new TOML file, each guess marked with a comment beside it;
* :mod:`.report` and :mod:`.api`: :func:`import_plan` and its :class:`ImportReport`;
* :mod:`.sheets` and :mod:`.spreadsheets`: a plan's measures as a sheet (CSV here,
  ``.xlsx`` with ``helsefellesskap-xlsx``) and a filled-in sheet applied back as dated
  status updates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import LazyExports

if TYPE_CHECKING:
    from .actors import ResponsibleReading, actor_names, read_responsible
    from .api import ImportFailed, find_importer, import_plan, read_draft
    from .deadlines import DeadlineReading, read_deadline
    from .draft import DraftBlock, DraftFocusArea, DraftRow, DraftSection, PlanDraft
    from .importer import Importer
    from .report import Guess, ImportReport, Unmatched, format_import_report
    from .sheets import (
        COLUMNS,
        HEADERS,
        STATUS_NAMES,
        CellProblem,
        Sheet,
        SheetChange,
        SheetResult,
        apply_sheet,
        plan_sheet,
    )
    from .spreadsheets import (
        SHEET_EXTENSIONS,
        export_sheets,
        format_sheet_results,
        import_sheets,
        read_sheets,
    )
    from .writer import PlanText, plan_toml, slug

_LAZY: dict[str, str] = {
    "COLUMNS": ".sheets",
    "CellProblem": ".sheets",
    "DeadlineReading": ".deadlines",
    "DraftBlock": ".draft",
    "DraftFocusArea": ".draft",
    "DraftRow": ".draft",
    "DraftSection": ".draft",
    "Guess": ".report",
    "HEADERS": ".sheets",
    "ImportFailed": ".api",
    "ImportReport": ".report",
    "Importer": ".importer",
    "PlanDraft": ".draft",
    "PlanText": ".writer",
    "ResponsibleReading": ".actors",
    "SHEET_EXTENSIONS": ".spreadsheets",
    "STATUS_NAMES": ".sheets",
    "Sheet": ".sheets",
    "SheetChange": ".sheets",
    "SheetResult": ".sheets",
    "Unmatched": ".report",
    "actor_names": ".actors",
    "apply_sheet": ".sheets",
    "export_sheets": ".spreadsheets",
    "find_importer": ".api",
    "format_import_report": ".report",
    "format_sheet_results": ".spreadsheets",
    "import_plan": ".api",
    "import_sheets": ".spreadsheets",
    "plan_sheet": ".sheets",
    "plan_toml": ".writer",
    "read_deadline": ".deadlines",
    "read_draft": ".api",
    "read_responsible": ".actors",
    "read_sheets": ".spreadsheets",
    "slug": ".writer",
}
"""Each public name and its module, imported when the name is first used: loading the
Word plugin's importer (``helsefellesskap plugins`` lists it) needs the draft and the
importer, not the TOML writer (tomlkit) or the spreadsheets (issue 11 §3)."""


__all__ = [
    "COLUMNS",
    "HEADERS",
    "SHEET_EXTENSIONS",
    "STATUS_NAMES",
    "CellProblem",
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
    "Sheet",
    "SheetChange",
    "SheetResult",
    "Unmatched",
    "actor_names",
    "apply_sheet",
    "export_sheets",
    "find_importer",
    "format_import_report",
    "format_sheet_results",
    "import_plan",
    "import_sheets",
    "plan_sheet",
    "plan_toml",
    "read_deadline",
    "read_draft",
    "read_responsible",
    "read_sheets",
    "slug",
]


_lazy = LazyExports(__name__, _LAZY)
__getattr__ = _lazy.attribute
__dir__ = _lazy.names
