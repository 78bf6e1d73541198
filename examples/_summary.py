"""The one summary the demo scripts print for a partnership, so that all read alike.

Not a script of its own: ``examples/eksempel.py``, ``troms_ofoten.py`` and ``helgeland.py``
import it (``make demo`` runs every ``examples/*.py`` but this one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from helsefellesskap import ActionPlan, Bundle, Document, FundingRound, Severity, ValidationReport


def _size(document: Document) -> str:
    if isinstance(document, ActionPlan):
        goals = sum(1 for _ in document.goals())
        measures = sum(1 for _ in document.measures())
        return f" ({len(document.focus_areas)} focus areas, {goals} goals, {measures} measures)"
    if isinstance(document, FundingRound):
        return f" ({len(document.applications)} ranked applications)"
    return ""


def summary(
    bundle: Bundle,
    report: ValidationReport,
    written: Sequence[Path],
    output: Path,
    languages: Sequence[str],
    note: str = "",
) -> Iterator[str]:
    """The lines of the summary: the partnership, its documents, validation, the files."""
    partnership = bundle.partnership
    yield f"== {partnership.name} ({partnership.id})"
    yield (
        f"   {len(partnership.partners)} partners, {len(partnership.bodies)} bodies, "
        f"{len(bundle.documents)} documents:"
    )
    for document in bundle.documents:
        yield f"   - {document.KIND} {document.id}: {document.title}{_size(document)}"
    counts = report.counts
    yield (
        f"   validation: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} infos{note}"
    )
    for finding in report.findings:
        if finding.severity is Severity.ERROR:
            yield f"     error {finding.code} {finding.document} {finding.path}: {finding.message}"
    by_suffix = Counter(path.suffix for path in written)
    listing = ", ".join(f"{count} {suffix}" for suffix, count in sorted(by_suffix.items()))
    where = output.relative_to(Path.cwd()) if output.is_relative_to(Path.cwd()) else output
    yield (f"   rendered {len(written)} files ({listing}) in {', '.join(languages)} into {where}/")
