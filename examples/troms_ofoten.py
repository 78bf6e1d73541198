"""Helsefellesskapet Troms og Ofoten: validate it, then render every document in every format.

The partnership is shipped by the plugin ``helsefellesskap-troms-ofoten``
(``pip install -e plugins/troms-ofoten``) and found through its entry point. Each
document, and the governance overview, is written in every render format the installed
plugins offer (Markdown, HTML, JSON, and Word where ``helsefellesskap-docx`` is installed)
into ``build/troms-ofoten/``, or into the folder given as the first argument.

The changelog between the two Ishavserklæringer (the newer one ``replaces`` the older)
is written beside them (``ishavserklaeringen-2024-2027-endringer.md``, ``.html``, ``.docx``).

Run it with ``python examples/troms_ofoten.py [FOLDER]``; ``make demo`` runs every example.
This is a script, so it prints a short summary. It exits 1 if validation finds errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _followup import follow_up_line, write_follow_up
from _summary import summary

from helsefellesskap import Bundle, PluginManager
from helsefellesskap.followup.changelog import changelog
from helsefellesskap.model import Declaration
from helsefellesskap.render import render, render_bundle
from helsefellesskap.render.api import output_name, renders
from helsefellesskap.validate import validate

PARTNERSHIP_ID = "troms-ofoten"
DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "build" / PARTNERSHIP_ID
LANGUAGES = ("nb", "nn", "en")


def write_changelogs(
    bundle: Bundle, folder: Path, formats: list[str], manager: PluginManager
) -> list[Path]:
    """The changelog from each declaration a declaration replaces (Ishavserklæringen
    2021-2023 to 2024-2027), in every format that renders it, into ``folder``."""
    written: list[Path] = []
    for new in bundle.documents_of(Declaration):
        old = bundle.document(new.replaces) if new.replaces else None
        if old is None:
            continue
        log = changelog(old, new)
        for name in formats:
            fmt = manager.render_formats()[name]
            if not renders(fmt, log, manager):
                continue
            path = folder / output_name(log, fmt)
            path.write_bytes(render(log, name, bundle=bundle, manager=manager))
            written.append(path)
    return written


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
    report = validate(bundle, manager=manager)
    formats = sorted(
        name for name, fmt in manager.render_formats().items() if fmt.serves(bundle.partnership.id)
    )
    written = render_bundle(bundle, folder, formats=formats, languages=LANGUAGES, manager=manager)
    changelogs = write_changelogs(bundle, folder, formats, manager)
    note = " (each warning is explained in plugins/troms-ofoten/README.md)"
    reports = write_follow_up(bundle, folder, manager)
    print("\n".join(summary(bundle, report, written, folder, LANGUAGES, note)))
    print(f"   changelog between the declarations: {len(changelogs)} files in {folder}/")
    print(follow_up_line(reports, folder))
    return 1 if report.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
