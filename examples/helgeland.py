"""Validate Helsefellesskap Helgeland and render all its documents in every format.

The partnership comes from the installed plugin ``helsefellesskap-helgeland``
(``pip install -e plugins/helgeland``), found through its entry point, not from a path.
Run ``python examples/helgeland.py [OUTPUT]`` (``make demo`` does); the files go to
``build/helgeland/`` unless another folder is given. This is a program, so it prints.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from helsefellesskap import ActionPlan, PluginManager, Severity
from helsefellesskap.render import render_bundle
from helsefellesskap.validate import validate

PARTNERSHIP = "helgeland"
OUTPUT = Path(__file__).resolve().parent.parent / "build" / PARTNERSHIP
LANGUAGES = ("nb", "nn", "en")


def main(argv: list[str]) -> int:
    """Load, validate and render; return 0, or 1 when validation finds errors."""
    output = Path(argv[0]) if argv else OUTPUT
    manager = PluginManager()
    for failure in manager.failures:
        print(f"plugin problem: {failure}", file=sys.stderr)
    bundle = manager.load_partnership(PARTNERSHIP)
    partnership = bundle.partnership
    print(
        f"{partnership.name}: {len(partnership.partners)} partners, "
        f"{len(partnership.bodies)} bodies"
    )
    for document in bundle.documents:
        line = f"  {document.KIND}: {document.title}"
        if isinstance(document, ActionPlan):
            measures = list(document.measures())
            line += (
                f" ({len(document.focus_areas)} focus areas, "
                f"{sum(1 for _ in document.goals())} goals, {len(measures)} measures)"
            )
        print(line)

    report = validate(bundle, manager=manager)
    counts = report.counts
    print(
        f"validation: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} notes"
    )
    by_rule = Counter(f.code for f in report.findings if f.severity is not Severity.INFO)
    for code, count in sorted(by_rule.items()):
        print(f"  {code} × {count}")
    for finding in report.findings:
        if finding.severity is Severity.ERROR:
            print(f"  error {finding.code} {finding.document} {finding.path}: {finding.message}")

    formats = sorted(manager.render_formats())
    written = render_bundle(bundle, output, formats=formats, languages=LANGUAGES, manager=manager)
    per_suffix = Counter(path.suffix for path in written)
    summary = ", ".join(f"{count} {suffix}" for suffix, count in sorted(per_suffix.items()))
    print(f"rendered {len(written)} files in {', '.join(LANGUAGES)} ({summary}) into {output}")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
