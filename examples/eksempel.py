"""Load the invented example partnership, validate it and render every document.

Run with ``python examples/eksempel.py`` (``make demo`` does). The output goes to
``build/eksempel/``. This script may print: it is a program, not the library.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

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
    partnership = bundle.partnership
    kinds = Counter(document.KIND for document in bundle.documents)
    print(f"{partnership.name} (example data: {partnership.example})")
    print(f"  {len(partnership.partners)} partners, {len(partnership.bodies)} bodies")
    for kind, count in sorted(kinds.items()):
        print(f"  {count} × {kind}")
    report = validate(bundle, manager=manager)
    print(f"  validation: {report.summary()}")
    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    written = render_bundle(
        bundle, OUTPUT, formats=formats, languages=("nb", "nn", "en"), manager=manager
    )
    print(f"  rendered {len(written)} files ({', '.join(formats)}) into {OUTPUT}")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
