"""Find English in text meant to be Norwegian (issue 18: no English in the nb and nn
output except data and code names).

:func:`english_words` takes out what is data or code — text in quotes or backticks,
paths into the data (``$.focus_areas[0]``), file names and paths, options (``--lang``),
ids with hyphens, underscores or digits, URLs, TOML snippets in brackets — and returns the
words left that are English and not Norwegian. The list holds English function words and
the common words of messages ("expected", "missing", "file"), none of which is a bokmål or
nynorsk word ("to", "at", "for", "under", "all", "no", "her" are left out for that reason).

Run it on a file or on standard input to look at a command's output::

    helsefellesskap check broken/ 2>&1 | python tests/english.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["ENGLISH_ONLY", "english_words", "strip_data_and_code"]

_ENGLISH_ONLY_TEXT = """
    the a an is are was were be been being not of and or with without this that these
    those there which what where who whose has have had does did do doesn't don't can
    cannot can't could should would must will shall won't isn't aren't it its it's into
    from by on as if than then also only any each every other such because while
    yet still already again here how why when your you we our they their them please
    expected expects got found missing unknown invalid wrong error errors warning
    warnings failed fails failure write wrote instead use used using need needs needed
    allowed required requires field fields key keys value values file files folder
    folders document documents plugin plugins command commands option options argument
    arguments usage show shows help message exit exits see run runs exists exist empty
    number numbers date dates year years choose choices choice missing named names name
    line column should after before about between out up down more less most least
    add added remove removed change changed changes nothing something everything none
    neither nor either both one two three first new old given give gives asked
    ask make makes made read reading wrote written cannot could into onto upon within
    unsupported supported rule rules severity title explanation fix did mean meant
    measure measures partnership partnerships body bodies seat seats partners
    plans goal goals report reports deadline deadlines responsible language
    languages formats output outputs input inputs directory path paths exists
"""
ENGLISH_ONLY: frozenset[str] = frozenset(_ENGLISH_ONLY_TEXT.split())
"""Words that are English and neither bokmål nor nynorsk (so not "partner", "plan",
"status", "format" or "over", which are Norwegian words too, nor "same", nynorsk)."""

_DATA_AND_CODE = re.compile(
    r"""
      "[^"\n]*"                    # "quoted"
    | '[^'\n]*'                    # 'quoted'
    | «[^»\n]*»                    # «sitert»
    | “[^”\n]*”
    | `[^`\n]*`                    # `code`
    | \$[\w.\[\]\-"*]*             # $.focus_areas[0].measures
    | \b(?:https?|mailto|file):\S+ # links
    | (?:\.{0,2}/)?(?:[\w.\-]+/)+[\w.\-]*   # paths with a slash
    | [\w.\-]+\.(?:toml|md|html|json|docx|pdf|xlsx|csv|py|txt|svg|png|zip)\b  # file names
    | -{1,2}[a-zA-Z][\w\-]*        # --options and -l
    | \[[^\]\n]*\]                 # [layout], [rules.HF402]
    | \{[^}\n]*\}                  # { text = "...", means = ... }
    | \b[\w]*[_\d][\w\-]*\b        # ids with digits or underscores: HF201, focus_areas
    | \b\w+(?:-\w+)+\b             # ids with hyphens: troms-ofoten, fsu-rest
    | \b\w+=\S*                    # key=value
    | \b\w+\s*=\s                   # TOML: responsible = [...]
    | \b[A-Z][A-Z_]+\b              # metavars and abbreviations: NAME, FILE, FSU
    | \b[a-z_]+(?:\.[a-z_]+)+\b    # dotted code names: helsefellesskap.render
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def strip_data_and_code(text: str) -> str:
    """``text`` with what is data or code replaced by a space."""
    return _DATA_AND_CODE.sub(" ", text)


def english_words(text: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The English words of ``text`` outside data and code, in order (lower case);
    ``allowed`` words are not counted (a data value the caller knows is in the text)."""
    stripped = strip_data_and_code(text)
    return [
        word
        for word in (match.group(0).lower() for match in _WORD.finditer(stripped))
        if word in ENGLISH_ONLY and word not in allowed
    ]


if __name__ == "__main__":  # pragma: no cover - a tool for looking at output
    text = Path(sys.argv[1]).read_text(encoding="utf-8") if len(sys.argv) > 1 else sys.stdin.read()
    for number, line in enumerate(text.splitlines(), start=1):
        found = english_words(line)
        if found:
            print(f"{number}: {' '.join(found)}: {line.rstrip()}")
