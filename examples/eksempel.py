"""Load the invented example partnership, validate it and render every document; then
write its action plan as Word and import that again (the import report is printed).

Run with ``python examples/eksempel.py`` (``make demo`` does). The output goes to
``build/eksempel/``. This script may print: it is a program, not the library.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _followup import follow_up_line, write_follow_up
from _importing import import_demo
from _summary import summary

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.render import render_bundle
from helsefellesskap.validate import validate

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "eksempel"
OUTPUT = HERE.parent / "build" / "eksempel"


def main() -> int:
    """Load, validate and render the example; return the exit status."""
    manager = PluginManager()
    bundle = load_bundle(SOURCE, types=manager.document_types())
    report = validate(bundle, manager=manager)
    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    languages = ("nb", "nn", "en")
    written = render_bundle(bundle, OUTPUT, formats=formats, languages=languages, manager=manager)
    reports = write_follow_up(bundle, OUTPUT, manager)
    print("\n".join(summary(bundle, report, written, OUTPUT, languages, " (invented data)")))
    print(follow_up_line(reports, OUTPUT))
    print(import_demo(bundle, SOURCE, OUTPUT.parent / "import", manager))
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
