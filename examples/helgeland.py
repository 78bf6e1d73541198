"""Validate Helsefellesskap Helgeland and render all its documents in every format.

The partnership comes from the installed plugin ``helsefellesskap-helgeland``
(``pip install -e plugins/helgeland``), found through its entry point, not from a path.
Run ``python examples/helgeland.py [OUTPUT]`` (``make demo`` does); the files go to
``build/helgeland/`` unless another folder is given, in bokmål, nynorsk and English.
This is a program, so it prints. It exits 1 if validation finds errors.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from helsefellesskap import ActionPlan, Bundle, PluginManager, Severity, ValidationReport
from helsefellesskap.render import render_bundle
from helsefellesskap.validate import validate

PARTNERSHIP = "helgeland"
OUTPUT = Path(__file__).resolve().parent.parent / "build" / PARTNERSHIP
LANGUAGES = ("nb", "nn", "en")


def contents(bundle: Bundle) -> Iterator[str]:
    """Lines naming the partnership's size and each document, a plan with its tables."""
    partners, bodies = bundle.partnership.partners, bundle.partnership.bodies
    yield f"{bundle.partnership.name}: {len(partners)} partners, {len(bodies)} bodies"
    for document in bundle.documents:
        if isinstance(document, ActionPlan):
            goals = sum(1 for _ in document.goals())
            measures = sum(1 for _ in document.measures())
            size = f" ({len(document.focus_areas)} focus areas, {goals} goals, {measures} measures)"
        else:
            size = ""
        yield f"  {document.KIND}: {document.title}{size}"


def findings(report: ValidationReport) -> Iterator[str]:
    """Lines with the counts by severity, the warnings by rule, and each error in full."""
    counts = report.counts
    yield (
        f"validation: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} infos (explained in plugins/helgeland/README.md)"
    )
    warnings = Counter(f.code for f in report.findings if f.severity is Severity.WARNING)
    yield from (f"  {code} × {count}" for code, count in sorted(warnings.items()))
    for finding in report.findings:
        if finding.severity is Severity.ERROR:
            yield f"  error {finding.code} {finding.document} {finding.path}: {finding.message}"


def main(argv: list[str]) -> int:
    """Load, validate and render; return 0, or 1 when validation finds errors."""
    output = Path(argv[0]) if argv else OUTPUT
    manager = PluginManager()
    for failure in manager.failures:
        print(f"plugin problem: {failure}", file=sys.stderr)
    if PARTNERSHIP not in manager.partnerships():
        print("helgeland is not installed: pip install -e plugins/helgeland", file=sys.stderr)
        return 1
    bundle = manager.load_partnership(PARTNERSHIP)
    report = validate(bundle, manager=manager)
    print("\n".join([*contents(bundle), *findings(report)]))

    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    written = render_bundle(bundle, output, formats=formats, languages=LANGUAGES, manager=manager)
    per_suffix = Counter(path.suffix for path in written)
    summary = ", ".join(f"{count} {suffix}" for suffix, count in sorted(per_suffix.items()))
    print(f"rendered {len(written)} files in {', '.join(LANGUAGES)} ({summary}) into {output}")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
