"""The site's full-text search index: the words of each page, one script per language.

The index is a JavaScript file (``assets/search-index.<lang>.js``) that sets
``window.hfSearchIndex``; ``assets/search.js`` reads it. A script, not a JSON file,
because a page opened from the folder (``file://``) may load a script of its folder but
may not fetch a file: so the search works both from the folder and over http, and the
pages' Content-Security-Policy needs only ``script-src 'self'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html.parser import HTMLParser

import attrs

__all__ = ["INDEX_VARIABLE", "SearchEntry", "index_script", "page_text"]

INDEX_VARIABLE = "hfSearchIndex"
"""The global the index script sets."""

_SKIPPED = frozenset({"script", "style", "template", "title"})


@attrs.frozen(kw_only=True)
class SearchEntry:
    """One page of the index: its address from the site's root, title, partnership and
    words (spaces collapsed)."""

    url: str
    title: str
    partnership: str
    text: str


class _MainText(HTMLParser):
    """Collects the text inside ``<main>`` (or the whole body if there is none)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.everything: list[str] = []
        self._main = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self._main += 1
        elif tag in _SKIPPED:
            self._skip += 1
        elif tag in {"p", "li", "td", "th", "dt", "dd", "br", "h1", "h2", "h3", "h4", "tr"}:
            self._space()

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._main = max(0, self._main - 1)
        elif tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)

    def _space(self) -> None:
        (self.parts if self._main else self.everything).append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self.parts if self._main else self.everything).append(data)


def page_text(html: str) -> str:
    """The words a reader sees in the ``<main>`` of ``html``, spaces collapsed."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    words = "".join(parser.parts or parser.everything)
    return " ".join(words.split())


def index_script(entries: Iterable[SearchEntry]) -> str:
    """The index as a script that sets :data:`INDEX_VARIABLE` (``<`` escaped, so the
    text can never close a script element)."""
    data = [
        {"u": e.url, "t": e.title, "p": e.partnership, "x": e.text}
        for e in sorted(entries, key=lambda e: e.url)
    ]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.{INDEX_VARIABLE} = {payload};\n"
