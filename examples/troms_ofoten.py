"""Helsefellesskapet Troms og Ofoten: validate it, then render every document in every format.

The partnership is shipped by the plugin ``helsefellesskap-troms-ofoten``
(``pip install -e plugins/troms-ofoten``) and found through its entry point. Each
document, and the governance overview, is written in every render format the installed
plugins offer (Markdown, HTML, JSON, and Word where ``helsefellesskap-docx`` is installed)
into ``build/troms-ofoten/``, or into the folder given as the first argument.

Run it with ``python examples/troms_ofoten.py [FOLDER]``; ``make demo`` runs every example.
This is a script, so it prints a short summary. It exits 1 if validation finds errors.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from helsefellesskap import ActionPlan, FundingRound, PluginManager, Severity
from helsefellesskap.render import render_bundle
from helsefellesskap.validate import validate

PARTNERSHIP_ID = "troms-ofoten"
DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "build" / PARTNERSHIP_ID


def describe(document: object) -> str:
    """One line about a document: its title and, for plans and rounds, their size."""
    title = getattr(document, "title", "?")
    if isinstance(document, ActionPlan):
        measures = sum(1 for _ in document.measures())
        return f"{title}: {len(document.focus_areas)} focus areas, {measures} measures"
    if isinstance(document, FundingRound):
        return f"{title}: {len(document.applications)} ranked applications"
    return str(title)


def main(arguments: list[str]) -> int:
    """Validate and render the partnership; return the exit status."""
    folder = Path(arguments[0]) if arguments else DEFAULT_FOLDER
    manager = PluginManager()
    for failure in manager.failures:
        print(f"warning: {failure}", file=sys.stderr)
    if PARTNERSHIP_ID not in manager.partnerships():
        print("the plugin is not installed: pip install -e plugins/troms-ofoten", file=sys.stderr)
        return 1
    bundle = manager.load_partnership(PARTNERSHIP_ID)
    partnership = bundle.partnership
    print(
        f"{partnership.name}: {len(partnership.partners)} partners, "
        f"{len(partnership.bodies)} bodies, {len(bundle.documents)} documents"
    )
    for document in bundle.documents:
        print(f"  - {describe(document)}")

    report = validate(bundle, manager=manager)
    counts = report.counts
    print(
        f"validation: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} infos (each warning is explained in "
        "plugins/troms-ofoten/README.md)"
    )
    for finding in report.findings:
        if finding.severity is Severity.ERROR:
            print(f"  {finding.code} {finding.document} {finding.path}: {finding.message}")

    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    written = render_bundle(bundle, folder, formats=formats, manager=manager)
    by_extension = Counter(path.suffix for path in written)
    listing = ", ".join(f"{n} {ext}" for ext, n in sorted(by_extension.items()))
    print(f"formats: {', '.join(formats)}")
    print(f"wrote {len(written)} files ({listing}) to {folder}")
    return 1 if counts[Severity.ERROR] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
