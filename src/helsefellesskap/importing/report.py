"""The import report: what was read, every guess, what could not be matched, and the
outcome of ``check`` and ``validate`` on the written file."""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = ["Guess", "ImportReport", "Unmatched", "format_import_report"]


@attrs.frozen
class Guess:
    """A value the importer chose rather than read: where it stands in the new file
    (``$.focus_areas[0].goals[1].measures[2].deadline``) and why."""

    path: str
    text: str


@attrs.frozen
class Unmatched:
    """A responsible text that names no actor of the partnership, kept in the measure's
    note, with the closest actor names."""

    path: str
    where: str
    text: str
    suggestions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ImportReport:
    """What :func:`~helsefellesskap.importing.import_plan` did.

    ``check`` is ``"ok"`` or the problems loading the folder with the new file; ``validate``
    the counts of findings (``"0 errors, 1 warning, 3 infos"``) and ``findings`` their lines.
    """

    source: Path
    written: Path | None = None
    plan_id: str = ""
    counts: dict[str, int] = attrs.field(factory=dict)
    guesses: tuple[Guess, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()
    skipped: tuple[str, ...] = ()
    check: str = ""
    validate: str = ""
    findings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the written file loads (``check`` passed)."""
        return self.check == "ok"


def format_import_report(report: ImportReport) -> str:
    """The report as text for people."""
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    lines = [f"imported {report.source.name}: {counts}"]
    if report.written is not None:
        lines.append(f"wrote {report.written} (plan {report.plan_id!r})")
    if report.guesses:
        lines.append(f"{len(report.guesses)} guesses (marked with a comment in the file):")
        lines += [f"  {g.path}: {g.text}" for g in report.guesses]
    if report.unmatched:
        lines.append(f"{len(report.unmatched)} responsible texts name no actor (kept as a note):")
        for u in report.unmatched:
            hint = (
                f"; did you mean {' or '.join(repr(s) for s in u.suggestions)}?"
                if u.suggestions
                else ""
            )
            lines.append(f"  {u.path} ({u.where}): {u.text!r}{hint}")
    if report.skipped:
        lines.append(f"{len(report.skipped)} parts skipped:")
        lines += [f"  {s}" for s in report.skipped]
    lines.append(f"check: {report.check}")
    if report.validate:
        lines.append(f"validate: {report.validate}")
        lines += [f"  {f}" for f in report.findings]
    return "\n".join(lines)
