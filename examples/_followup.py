"""The follow-up reports the demo writes for each action plan of a partnership: the status
report on a day and the traceability matrix, in every document format the installed
plugins offer, and the matrix as CSV.

Not a script of its own: the demo scripts import it (``make demo`` runs every
``examples/*.py`` but those whose name starts with ``_``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from helsefellesskap import ActionPlan, Bundle, PluginManager
from helsefellesskap.cli.coverage import matrix_csv
from helsefellesskap.followup.reports import status_report, traceability_report
from helsefellesskap.io import write_atomic
from helsefellesskap.render import render
from helsefellesskap.render.format import output_name

FOLDER = "oppfolging"
"""The subfolder of a partnership's output the reports go to."""

DOCUMENT_FORMATS = ("md", "html", "docx", "pdf")


def report_day(plan: ActionPlan, today: dt.date) -> dt.date:
    """The day a plan's status is taken on: the first day after its period where that
    has ended (Handlingsplan 2023 on 1 January 2024), else today."""
    after = plan.period.last_day + dt.timedelta(days=1)
    return min(after, today)


def write_follow_up(
    bundle: Bundle,
    output: Path,
    manager: PluginManager,
    on: Callable[[ActionPlan], dt.date] | None = None,
) -> list[Path]:
    """Write each plan's status report and traceability matrix under
    ``output/oppfolging/``; return the paths written."""
    today = dt.date.today()
    formats = [
        manager.render_formats()[name]
        for name in DOCUMENT_FORMATS
        if name in manager.render_formats()
    ]
    written: list[Path] = []
    folder = output / FOLDER
    for plan in bundle.documents_of(ActionPlan):
        day = on(plan) if on is not None else report_day(plan, today)
        matrix = traceability_report(bundle, plan.id)
        path = folder / f"{matrix.id}.csv"
        write_atomic(path, matrix_csv([matrix.trace]).encode("utf-8"))
        written.append(path)
        for report in (status_report(bundle, plan.id, on=day), matrix):
            for fmt in formats:
                path = folder / output_name(report, fmt)
                write_atomic(path, render(report, fmt.name, bundle=bundle, manager=manager))
                written.append(path)
    return written


def follow_up_line(written: list[Path], output: Path) -> str:
    """The summary's line for the reports written."""
    where = output / FOLDER
    shown = where.relative_to(Path.cwd()) if where.is_relative_to(Path.cwd()) else where
    return f"   status reports and traceability matrices: {len(written)} files in {shown}/"
