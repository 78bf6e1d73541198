"""The import report: what was read, every guess, what could not be matched, and the
outcome of ``check`` and ``validate`` on the written file."""

from __future__ import annotations

from pathlib import Path

import attrs

from ..messages import catalogue, current_language, message

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
    counts = ", ".join(_count(what, n) for what, n in report.counts.items())
    lines = [message("importing.imported", source=report.source.name, counts=counts)]
    if report.written is not None:
        lines.append(
            message("importing.wrote_plan", file=report.written, plan=repr(report.plan_id))
        )
    if report.guesses:
        lines.append(_many("importing.guesses", len(report.guesses)))
        lines += [f"  {g.path}: {g.text}" for g in report.guesses]
    if report.unmatched:
        lines.append(_many("importing.unmatched", len(report.unmatched)))
        for u in report.unmatched:
            hint = (
                message(
                    "importing.did_you_mean",
                    names=message("importing.or").join(repr(s) for s in u.suggestions),
                )
                if u.suggestions
                else ""
            )
            lines.append(f"  {u.path} ({u.where}): {u.text!r}{hint}")
    if report.skipped:
        lines.append(_many("importing.skipped", len(report.skipped)))
        lines += [f"  {s}" for s in report.skipped]
    lines.append(message("importing.check", outcome=report.check))
    if report.validate:
        lines.append(message("importing.validate", outcome=report.validate))
        lines += [f"  {f}" for f in report.findings]
    return "\n".join(lines)


def _many(key: str, count: int) -> str:
    """The message ``key.one`` or ``key.other`` for ``count``."""
    return message(f"{key}.one" if count == 1 else f"{key}.other", count=count)


def _count(what: str, count: int) -> str:
    """``3 measures`` in the language of messages (``what`` is a key of the counts)."""
    key = "importing.count." + what.replace(" ", "_")
    if key in catalogue(current_language()):
        return message(key, count=count)
    return f"{count} {what}"
