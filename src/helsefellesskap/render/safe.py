"""Text that every XML-based format can hold: one rule for Word and HTML.

Data built in code (or pasted from Word) can carry characters that XML 1.0 forbids:
control characters such as U+0000, and the vertical tab (U+000B) and form feed
(U+000C) that Word uses for a manual line break and a page break. python-docx refuses
such text outright, and an HTML parser reports it as an invalid code point.
:func:`xml_text` is the one place that decides what becomes of them: a vertical tab or
form feed is a line break, every other character XML cannot hold is dropped.
"""

from __future__ import annotations

import re

__all__ = ["LINE_BREAKS", "balance_bidi", "has_unsafe", "is_plain", "xml_text"]

LINE_BREAKS = "\x0b\x0c"
"""Characters that mean a line break where they come from Word: vertical tab, form feed."""

_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""What XML 1.0 forbids (C0 controls but tab, line feed and carriage return; lone
surrogates; U+FFFE and U+FFFF), and what HTML calls invalid besides (DEL, the C1
controls and the noncharacters)."""


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character :func:`xml_text` would change (each is
    unprintable, so a printable text needs no search)."""
    return not text.isprintable() and _UNSAFE.search(text) is not None


def xml_text(text: str, line_break: str = "\n") -> str:
    """``text`` with a vertical tab or form feed replaced by ``line_break`` and every
    other character XML (or HTML) cannot hold removed; other text is returned as it is.

    >>> xml_text("Linje 1\\x0bLinje 2\\x00")
    'Linje 1\\nLinje 2'
    """
    if not has_unsafe(text):
        return text
    return _UNSAFE.sub(lambda m: line_break if m.group() in LINE_BREAKS else "", text)


_EMBEDDINGS = "\u202a\u202b\u202d\u202e"
"""LRE, RLE, LRO, RLO: each is closed by a PDF (U+202C)."""
_ISOLATES = "\u2066\u2067\u2068"
"""LRI, RLI, FSI: each is closed by a PDI (U+2069)."""
_OPENS = re.compile(f"[{_EMBEDDINGS}{_ISOLATES}]")
"""Any character that opens an embedding, override or isolate (one scan, in C)."""


_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Every character that opens or closes an embedding, override or isolate."""

_CHANGED = re.compile(_UNSAFE.pattern[:-1] + _EMBEDDINGS + _ISOLATES + "]")
"""What :func:`xml_text` or :func:`balance_bidi` would change a text for (one scan, in C)."""


def is_plain(text: str) -> bool:
    """Whether ``text`` is left as it is by :func:`xml_text` and :func:`balance_bidi`:
    one search for a character either would act on, so that a writer can skip both.

    Every such character is unprintable (a control, format, surrogate or unassigned
    code point), so a printable text (:meth:`str.isprintable`, a test in C) is plain
    without the search."""
    return text.isprintable() or _CHANGED.search(text) is None


def balance_bidi(text: str) -> str:
    """``text`` with every bidirectional embedding, override or isolate it opens closed
    at its end, so that an unbalanced U+202E (right-to-left override) in one value
    cannot reverse the text that follows it on the page. A closing mark with nothing
    open is left alone (it does nothing).

    Only the bidirectional marks are visited (a search in C finds them), never the
    text character by character."""
    if _OPENS.search(text) is None:
        return text
    stack: list[str] = []
    for match in _MARKS.finditer(text):
        char = match.group()
        if char in _EMBEDDINGS:
            stack.append("\u202c")
        elif char in _ISOLATES:
            stack.append("\u2069")
        elif char == "\u202c":
            if stack and stack[-1] == "\u202c":
                stack.pop()
        else:  # a PDI closes its isolate and every embedding opened inside it
            while stack and stack[-1] == "\u202c":
                stack.pop()
            if stack:
                stack.pop()
    return text + "".join(reversed(stack))
