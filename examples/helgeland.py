"""Validate Helsefellesskap Helgeland and render all its documents in every format.

The partnership comes from the installed plugin ``helsefellesskap-helgeland``
(``pip install -e plugins/helgeland``), found through its entry point, not from a path.
Run ``python examples/helgeland.py [OUTPUT]`` (``make demo`` does); the files go to
``build/helgeland/`` unless another folder is given, in bokmål, nynorsk and English.
This is a program, so it prints. It exits 1 if validation finds errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _followup import follow_up_line, write_follow_up
from _summary import summary

from helsefellesskap import PluginManager
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
    if PARTNERSHIP not in manager.partnerships():
        print("helgeland is not installed: pip install -e plugins/helgeland", file=sys.stderr)
        return 1
    bundle = manager.load_partnership(PARTNERSHIP)
    report = validate(bundle, manager=manager)
    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    written = render_bundle(bundle, output, formats=formats, languages=LANGUAGES, manager=manager)
    note = " (explained in plugins/helgeland/README.md)"
    reports = write_follow_up(bundle, output, manager)
    print("\n".join(summary(bundle, report, written, output, LANGUAGES, note)))
    print(follow_up_line(reports, output))
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
