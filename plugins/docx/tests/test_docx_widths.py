"""The longest word of a column (:func:`helsefellesskap_docx.widths.longest_word`), which
looks at a piece between white space with the word pattern only where it holds a slash
or hyphen: the same length as the pattern over the whole text gives."""

from __future__ import annotations

import random
import sys

from helsefellesskap_docx import widths


def _by_the_pattern(texts: list[str]) -> int:
    return max(map(len, widths._WORD.findall(" ".join(texts))), default=0)


def test_the_longest_word_is_the_patterns_longest_word() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    alphabet = ["a", "b", "ø", "-", "/", "\u2013", "\u00ad", "\u200b", *spaces]
    shuffle = random.Random(11)
    for _ in range(20_000):
        texts = [
            "".join(shuffle.choice(alphabet) for _ in range(shuffle.randint(0, 14)))
            for _ in range(shuffle.randint(0, 3))
        ]
        assert widths.longest_word(texts) == _by_the_pattern(texts), texts


def test_the_longest_word_ends_at_a_slash_or_hyphen() -> None:
    assert widths.longest_word(["helse-fellesskap"]) == len("fellesskap")
    assert widths.longest_word(["Helse Nord/kommunene", "lege"]) == len("kommunene")
    assert widths.longest_word(["--", " "]) == 0
    assert widths.longest_word([]) == 0
