"""Where a path of a TOML file is written: the line and column of its key or header.

A problem or finding names a path in the file's keys
(``$.focus_areas[2].goals[1].measures[4].responsible``); :class:`PositionIndex` maps
such a path to the line and column (both from 1) where the key, the table header or the
list item starts. The index is built by one small scanning pass over the text, and only
when there is something to report: loading itself never computes positions.

A path the text does not spell out (a value the model fills in, an item inside a
multi-line string) is placed at its nearest ancestor that the text does.

A finding needs the positions of a few paths of a file, not of every key, so
:meth:`PositionIndex.of` reads only the file's structure at first. In the common file
(every line that starts with "[" a header of bare keys, no multi-line strings) that is
a search for the header lines alone, which notes their offsets; the table a path is in
is found by counting them when the path is looked up (:class:`_Headers`). Another file
is read by a pass that steps over runs of common ``key = value`` lines in one match each
and follows only table headers and lines of other shapes one by one. The keys of a
table are scanned when a path inside that table is first looked up. The answers are
those of the scan of every key (:attr:`PositionIndex.positions`), which the tests
compare on every TOML file of the repository.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path

import attrs

from ..errors import DataError, Problem
from .problems import child_path

__all__ = ["PositionIndex", "locate", "place_problems", "placed_error"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PATH_STEP = re.compile(r'\.[A-Za-z0-9_-]+|\["(?:[^"\\]|\\.)*"\]|\[\d+\]')
_SPACE = re.compile(r"[ \t\r]*(?:#[^\n]*)?")
_SPACE_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
# a one-line string: a backslash escapes the next character, a newline ends the scan
_BASIC = re.compile(r'"((?:[^"\\\n]|\\[\s\S])*)"')
_LITERAL = re.compile(r"'([^'\n]*)'")
_SCALAR = re.compile(r"[^,\]}\n#]*")
# The common line in one match: a bare key, "=", and a one-line string (not the start of
# a multi-line one), a scalar, or a one-line list of such strings. Anything else goes
# the general way, which gives the same positions one token at a time.
_ONE_STRING = r"""(?:"(?!"")[^"\\\n]*+(?:\\[\s\S][^"\\\n]*+)*+"|'(?!'')[^'\n]*+')"""
_SIMPLE_LINE = re.compile(
    r"([A-Za-z0-9_-]+)[ \t\r]*=[ \t\r]*+"
    r"(?:" + _ONE_STRING + r"|(?=[^\"'\[{#\n \t\r])[^,\]}\n#]*"
    r"|(\[[ \t\r]*(?:" + _ONE_STRING + r"[ \t\r]*,[ \t\r]*)*"
    r"(?:" + _ONE_STRING + r"[ \t\r]*)?\]))"
)
_LIST_ITEM = re.compile(_ONE_STRING)
# What the scan of a file's structure steps over in one match (the keys of these lines
# are marked when their table is scanned): space, comments, common lines, and lines whose
# value is an inline table of one-line strings, scalars and lists of them, or a list
# (over any number of lines) of such values, each written as the token-at-a-time scan
# reads it. Possessive and atomic, so a line of another shape fails at once and goes the
# general way.
_SL = r"(?:[ \t\r\n]++|#[^\n]*+)*+"  # space and comments over lines (skip_space(True))
_SP = r"[ \t\r]*+(?:#[^\n]*+)?+"  # space and a comment within a line (skip_space(False))
_SCALAR_VALUE = r"[^,\]}\n#\"'\[{ \t\r][^,\]}\n#]*+"
_VALUE = f"(?:{_ONE_STRING}|{_SCALAR_VALUE})"
_VALUES = rf"\[(?>{_SL}(?!\]){_VALUE}{_SL},?)*+{_SL}\]"  # a list of such values
_INLINE = rf"\{{(?>{_SP}(?!\}})[A-Za-z0-9_-]++{_SP}={_SP}(?:{_VALUE}|{_VALUES}){_SP},?)*+{_SP}\}}"
_ITEM = f"(?:{_ONE_STRING}|{_INLINE}|{_SCALAR_VALUE})"
_ARRAY = rf"\[(?>{_SL}(?!\]){_ITEM}{_SL},?)*+{_SL}\]"
_STEP_LINE = f"[A-Za-z0-9_-]++{_SP}={_SP}(?:{_ARRAY}|{_INLINE})"
# (the common line's groups made non-capturing: re in Python 3.11 mistakes a capturing
# group's span inside a repeated atomic group)
_COMMON_LINE = re.sub(r"(?<!\\)\((?!\?)", "(?:", _SIMPLE_LINE.pattern)
_SIMPLE_RUN = re.compile(f"{_SL}(?:(?>{_COMMON_LINE}|{_STEP_LINE}){_SL})*+")
# A header of bare keys without spaces (``[[focus_areas.goals]]``), read as
# :meth:`_Scanner.header` reads it the general way.
_PLAIN_NAME = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_PLAIN_HEADER = re.compile(r"\[\[" + _PLAIN_NAME + r"\]\]|\[" + _PLAIN_NAME + r"\]")
# Every line that starts with "[" (after spaces) is a header, or a value inside a list
# or a multi-line string. In a text without multi-line strings, a value is followed
# (after spaces, comments and empty lines) by "," or "]", a header never is; so a line
# of a header of bare keys, not followed so, is a header (:meth:`_Scanner.headers`).
# (each blank or comment line stepped over whole, possessively: a line that starts with
# "," or "]" is never one, so there is nothing to go back for)
_HEADER_END = (
    r"[ \t\r]*+(?:#[^\n]*+)?+(?=\n|\Z)"
    r"(?!(?:\n[ \t\r]*+(?:#[^\n]*+)?+(?=\n))*+\n[ \t\r]*+[,\]])"
)
_HEADER_REST = rf"(\[\[{_PLAIN_NAME}\]\]|\[{_PLAIN_NAME}\]){_HEADER_END}"
_FIRST_HEADER_LINE = re.compile(r"[ \t]*" + _HEADER_REST)
# Each later line that starts with "[", in one search (a literal first: the search is
# quick): group 1 is the line's header after its first "[" where it is such a header,
# else ``None``. (The "[" before the choice: a line that starts otherwise, most of them,
# fails at once, where a choice of three would be tried three times.)
_BRACKET_LINE = re.compile(rf"\n[ \t]*\[(?:(\[{_PLAIN_NAME}\]\]|{_PLAIN_NAME}\]){_HEADER_END})?")
_PLAIN_PATH = re.compile(r"\$(?:\.[A-Za-z0-9_-]+|\[\d+\])*")
_BARE_DOTTED = re.compile(r"[A-Za-z0-9_-]+(?:[ \t\r]*\.[ \t\r]*[A-Za-z0-9_-]+)*[ \t\r]*")


def _bare_child(path: str, key: str) -> str:
    """:func:`~.problems.child_path` for a bare key (``[A-Za-z0-9_-]+``), without its
    tests where the key holds a letter or digit."""
    return f"{path}.{key}" if key.strip("_-") else child_path(path, key)


class _Scanner:
    """A position-tracking pass over TOML text (the text is known to parse)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[str, int] = {}
        """The offset where each path is first written."""
        self.arrays: dict[str, int] = {}
        self._offsets = [0]
        """Offsets asked for (and 0), in order, with their line in :attr:`_lines`."""
        self._lines = [1]
        self._headers: dict[str, tuple[str, ...]] = {}

    def where(self, pos: int) -> tuple[int, int]:
        """The line and column (from 1) of offset ``pos``.

        The lines are counted from the nearest offset asked before it (a finding or a
        few a file is the common case, asked roughly in the order of the text), so the
        text is counted about once however many are asked."""
        text, offsets = self.text, self._offsets
        near = bisect_right(offsets, pos) - 1
        line = self._lines[near] + text.count("\n", offsets[near], pos)
        if offsets[near] != pos:
            offsets.insert(near + 1, pos)
            self._lines.insert(near + 1, line)
        return line, pos - text.rfind("\n", 0, pos)

    def mark(self, path: str, pos: int) -> None:
        """Note that ``path`` is written at ``pos``; the first place in the text counts
        (tables are scanned out of order, so the smallest offset is kept)."""
        old = self.found.get(path)
        if old is None or pos < old:
            self.found[path] = pos

    def peek(self, size: int = 1) -> str:
        return self.text[self.pos : self.pos + size]

    def skip_space(self, newlines: bool) -> None:
        space = _SPACE_LINES if newlines else _SPACE
        match = space.match(self.text, self.pos)
        assert match is not None
        self.pos = match.end()

    def key_part(self) -> str:
        text = self.text
        if text.startswith('"', self.pos) or text.startswith("'", self.pos):
            return self.string()
        match = _BARE_KEY.match(text, self.pos)
        if match is None:  # not TOML this pass understands: stop here
            raise _Stop
        self.pos = match.end()
        return match.group()

    def dotted_key(self) -> list[str]:
        parts = [self.key_part()]
        while True:
            self.skip_space(False)
            if self.peek() != ".":
                return parts
            self.pos += 1
            self.skip_space(False)
            parts.append(self.key_part())

    def string(self) -> str:
        text = self.text
        quote = text[self.pos]
        if text.startswith(quote * 3, self.pos):
            end = text.find(quote * 3, self.pos + 3)
            if end < 0:
                raise _Stop
            while text.startswith(quote, end + 3):  # up to two quotes end the content
                end += 1
            value = text[self.pos + 3 : end]
            self.pos = end + 3
            return value
        match = (_BASIC if quote == '"' else _LITERAL).match(text, self.pos)
        if match is None:
            raise _Stop
        self.pos = match.end()
        raw = match.group(1)
        return raw if quote == "'" else raw.replace('\\"', '"').replace("\\\\", "\\")

    def value(self, path: str) -> None:
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.pos += 1
            index = 0
            while True:
                self.skip_space(True)
                if self.peek() == "]":
                    self.pos += 1
                    return
                if not self.peek():
                    raise _Stop
                item = f"{path}[{index}]"
                self.mark(item, self.pos)
                self.value(item)
                index += 1
                self.skip_space(True)
                if self.peek() == ",":
                    self.pos += 1
        elif char == "{":
            self.pos += 1
            while True:
                self.skip_space(False)
                if self.peek() == "}":
                    self.pos += 1
                    return
                self.key_value(path)
                self.skip_space(False)
                if self.peek() == ",":
                    self.pos += 1
        else:
            match = _SCALAR.match(self.text, self.pos)
            assert match is not None
            self.pos = match.end()

    def key_value(self, table: str) -> None:
        start = self.pos
        parts = self.dotted_key()
        path = table
        for part in parts:
            path = child_path(path, part)
            self.mark(path, start)
        self.skip_space(False)
        if self.peek() != "=":
            raise _Stop
        self.pos += 1
        self.skip_space(False)
        self.value(path)

    def header(self) -> str:
        start = self.pos
        match = _PLAIN_HEADER.match(self.text, start)
        if match is not None:  # the common header: one match, its steps worked out once
            written = match.group()
            steps = self._headers.get(written)
            if steps is None:
                names = written.strip("[]").split(".")
                steps = self._headers[written] = tuple(_bare_child("", n) for n in names)
            self.pos = match.end()
            path, arrays = "$", self.arrays
            for step in steps[:-1]:
                path += step
                if path in arrays:
                    path = f"{path}[{arrays[path] - 1}]"
            path += steps[-1]
            self.mark(path, start)
            if written[1] == "[":
                index = arrays.get(path, 0)
                arrays[path] = index + 1
                path = f"{path}[{index}]"
                self.mark(path, start)
            return path
        double = self.text.startswith("[[", self.pos)
        self.pos += 2 if double else 1
        self.skip_space(False)
        bare = _BARE_DOTTED.match(self.text, self.pos)
        if bare is not None and self.text[bare.end() : bare.end() + 1] in ("]", ""):
            # the common header, bare keys only: one match instead of a token at a time
            parts = [part.strip(" \t\r") for part in bare.group().split(".")]
            self.pos = bare.end()
            child = _bare_child
        else:
            parts = self.dotted_key()
            self.skip_space(False)
            child = child_path
        self.pos += 2 if double else 1
        path = "$"
        for part in parts[:-1]:
            path = child(path, part)
            if path in self.arrays:
                path = f"{path}[{self.arrays[path] - 1}]"
        path = child(path, parts[-1])
        self.mark(path, start)
        if double:
            index = self.arrays.get(path, 0)
            self.arrays[path] = index + 1
            path = f"{path}[{index}]"
            self.mark(path, start)
        return path

    def simple_line(self, table: str) -> bool:
        """Take a ``key = value`` line of the common shapes in one match (see
        :data:`_SIMPLE_LINE`), marking what :meth:`key_value` would mark; ``False`` if
        the line is of another shape."""
        match = _SIMPLE_LINE.match(self.text, self.pos)
        if match is None:
            return False
        path = _bare_child(table, match.group(1))
        self.mark(path, self.pos)
        items = match.group(2)
        if items is not None:
            start = match.start(2)
            for index, item in enumerate(_LIST_ITEM.finditer(items)):
                self.mark(f"{path}[{index}]", start + item.start())
        self.pos = match.end()
        return True

    def run(self) -> dict[str, int]:
        """Scan every key, header and list item of the text, in order: the offset of each
        path (the whole index, which :class:`PositionIndex` builds a table at a time)."""
        table = "$"
        text, size, space = self.text, len(self.text), _SPACE_LINES.match
        try:
            while True:
                self.pos = space(text, self.pos).end()  # type: ignore[union-attr]
                if self.pos >= size:
                    break
                if text[self.pos] == "[":
                    table = self.header()
                elif not self.simple_line(table):
                    self.key_value(table)
        except (_Stop, IndexError):
            pass
        return self.found

    def structure(self) -> dict[str, list[tuple[int, int]]] | _Headers:
        """Read the file's structure: where its headers are.

        In the common text, whose lines that start with "[" are all headers of bare keys
        and which has no multi-line strings (:meth:`headers`), only the headers' offsets
        and written names are noted: the :class:`_Headers` they make find a table's path
        when it is asked for. Another text is read the general way (:meth:`_tables`)."""
        headers = self.headers()
        return headers if headers is not None else self._tables()

    def headers(self) -> _Headers | None:
        """The headers of a text without multi-line strings whose lines that start with
        "[" are all headers of bare keys (:data:`_HEADER_REST`), found by one search for
        the lines that start with "[" (:data:`_BRACKET_LINE`); ``None`` for another text."""
        text = self.text
        if '"""' in text or "'''" in text:
            return None
        starts: list[int] = []
        ends: list[int] = []
        named: dict[str, list[int]] = {}
        first = _FIRST_HEADER_LINE.match(text)
        if first is not None:
            starts.append(first.start(1))
            ends.append(first.end(1))
            named[first[1][1:]] = [0]  # written without its first "[", as below
        elif text.lstrip(" \t").startswith("["):  # a first line of another header
            return None
        number = len(starts)
        # one search for the other lines that start with "[": each a header, or no index
        for match in _BRACKET_LINE.finditer(text):
            rest = match[1]  # the header after its first "[": "[focus_areas.goals]]"
            if rest is None:  # a line of another header, or a value
                return None
            end = match.end(1)
            starts.append(end - len(rest) - 1)
            ends.append(end)
            numbers = named.get(rest)
            if numbers is None:
                named[rest] = [number]
            else:
                numbers.append(number)
            number += 1
        return _Headers(starts, ends, named, len(text))

    def _tables(self) -> dict[str, list[tuple[int, int]]]:
        """Scan the headers and the lines of uncommon shapes (marking what :meth:`run`
        marks there), stepping over runs of common lines in one match each; return where
        each table's lines are (table path → spans of offsets), for :meth:`table`."""
        tables: dict[str, list[tuple[int, int]]] = {}
        table, start = "$", 0
        self.pos = 0
        text, size, skip = self.text, len(self.text), _SIMPLE_RUN.match
        try:
            while True:
                self.pos = skip(text, self.pos).end()  # type: ignore[union-attr]
                if self.pos >= size:
                    break
                if text[self.pos] == "[":
                    tables.setdefault(table, []).append((start, self.pos))
                    start = size  # a header that stops the scan leaves no table after it
                    table = self.header()
                    start = self.pos
                else:
                    self.key_value(table)
        except (_Stop, IndexError):
            pass
        tables.setdefault(table, []).append((start, size))
        return tables

    def table(self, path: str, start: int, end: int) -> None:
        """Scan the lines of table ``path`` between offsets ``start`` and ``end`` (up to
        the next header), marking what :meth:`run` marks there."""
        text, space = self.text, _SPACE_LINES.match
        self.pos = start
        try:
            while True:
                self.pos = space(text, self.pos).end()  # type: ignore[union-attr]
                if self.pos >= end or text[self.pos] == "[":
                    break
                if not self.simple_line(path):
                    self.key_value(path)
        except (_Stop, IndexError):
            pass


_Reached = tuple[int, list["int | None"], list[tuple[int, int]], int, int, str]
"""Where :meth:`_Headers.offset` was after a table of an array: the steps taken, the
first header of each prefix, the lines of that table (not yet scanned for the next
step), the headers its tables can be among and the keys so far."""


class _Headers:
    """The headers of a text whose headers are all of bare keys, by where they are: the
    path of a header's table is worked out when a path below it is asked for.

    A header's path is the one :meth:`_Scanner.header` gives it: its keys, each key
    that names an array of tables (``[[focus_areas]]`` written before) followed by the
    index of that array's latest table. So the tables of ``$.focus_areas[2].goals[1]``
    are found by counting: the third ``[[focus_areas]]`` header, then the second
    ``[[focus_areas.goals]]`` between it and the fourth.
    """

    __slots__ = ("_named", "_reached", "ends", "size", "starts")

    _NONE: tuple[list[int], list[int]] = ([], [])

    def __init__(
        self, starts: list[int], ends: list[int], named: dict[str, list[int]], size: int
    ) -> None:
        self.starts = starts
        """The offset of each header, in order."""
        self.ends = ends
        """The offset just after each header."""
        self.size = size
        self._named: dict[str, tuple[list[int], list[int]]] = {}
        """By the steps of a header's keys (``.focus_areas.goals``): the numbers of its
        ``[[…]]`` headers and of its ``[…]`` headers, in order. (``named`` has them by
        the header as written, without its first "[": ``[focus_areas.goals]]``.)"""
        self._reached: dict[str, _Reached] = {}
        """For each table of an array looked up so far (``$.focus_areas[2]``): where the
        lookup was once there, to go on from for the paths below it."""
        for written, numbers in named.items():  # each written without its first "["
            inner = written.strip("[]")
            names = inner.split(".")
            if all(name.strip("_-") for name in names):  # each a step of its own: ".name"
                steps = "." + inner
            else:
                steps = "".join(_bare_child("", name) for name in names)
            pair = self._named.setdefault(steps, ([], []))
            pair[0 if written.startswith("[") else 1].extend(numbers)

    def span(self, number: int) -> tuple[int, int]:
        """Where the lines of header ``number``'s table are: after it, up to the next."""
        following = number + 1
        end = self.starts[following] if following < len(self.starts) else self.size
        return self.ends[number], end

    def offset(self, path: str, scanner: _Scanner, scanned: set[int]) -> int | None:
        """Where ``path`` is written, else its nearest written ancestor (``None`` if not
        even that): what :meth:`PositionIndex.find` finds with the headers read the
        general way. The tables above the path are found by counting headers, and the
        lines of each (where they hold the name of the path's next key) scanned by
        ``scanner``; ``scanned`` holds the start of each table's lines scanned before."""
        plain = _PLAIN_PATH.fullmatch(path) is not None
        parts = _parts(path)
        if not plain:  # steps the parts leave out are not part of the path's prefixes
            path = "$" + "".join(parts)
        text, starts, named, none = scanner.text, self.starts, self._named, self._NONE
        count = len(parts)
        marks: list[int | None] = [None] * (count + 1)  # each prefix's first header
        spans = [(0, starts[0] if starts else self.size)]  # the lines of the last one's tables
        low, high = 0, len(starts)  # the headers the path's tables can be among
        steps = ""  # the path's keys so far, as a header of bare keys gives them
        arrays: list[int] = []  # the [[…]] headers of the last key, when it has some
        first_table = end_table = 0  # of those, the ones among the tables' headers
        end = 1  # where the prefix so far ends in ``path``
        reached, done = self._reached, 0  # the steps already taken for an earlier path
        if plain and reached:
            cut = len(path)
            while (cut := path.rfind("]", 0, cut)) > 0:  # the deepest table reached before
                state = reached.get(path[: cut + 1])
                if state is not None:
                    done, kept, spans, low, high, steps = state
                    marks[: done + 1] = kept
                    end = cut + 1
                    break
        for at, step in enumerate(parts[done:], done + 1):
            if spans:  # the lines of the tables of the prefix so far
                key = step[1:] if plain and step[0] == "." else None
                for start, stop in spans:
                    if start not in scanned and (key is None or text.find(key, start, stop) >= 0):
                        scanned.add(start)
                        scanner.table(path[:end], start, stop)
                spans = []
            end += len(step)
            if step[0] == "[" and step[1] != '"':  # "[3]": a table of the array
                digits = step[1:-1]
                number = int(digits) + first_table
                if number >= end_table or (digits[0] == "0" and digits != "0"):
                    break  # no header writes this, nor anything below it
                header = arrays[number]
                marks[at] = starts[header]
                spans = [self.span(header)]
                low = header + 1
                if number + 1 < end_table:
                    high = arrays[number + 1]
                end_table = 0
                if plain:
                    reached[path[:end]] = (at, marks[: at + 1], spans, low, high, steps)
            else:
                if first_table < end_table:  # a key below: only before the first table
                    high = arrays[first_table]
                steps += step
                arrays, singles = named.get(steps, none)
                first_table = end_table = 0
                if arrays:
                    first_table = bisect_left(arrays, low)
                    end_table = bisect_left(arrays, high, first_table)
                first = arrays[first_table] if first_table < end_table else None
                if singles:
                    for number in singles[bisect_left(singles, low) : bisect_left(singles, high)]:
                        if first is None or number < first:
                            first = number
                        spans.append(self.span(number))
                if first is not None:
                    marks[at] = starts[first]
        found = scanner.found
        for at in range(count, 0, -1):  # the path, then its ancestors ("$" is not placed)
            offset = found.get(path)
            first = marks[at]
            if first is not None and (offset is None or first < offset):
                offset = first
            if offset is not None:
                return offset
            path = path[: -len(parts[at - 1])]
        return None


class _Stop(Exception):
    """The text holds something this pass does not follow; what was found stays."""


def _parts(path: str) -> list[str]:
    """``$.a[2]["b c"]`` as its steps ``[".a", "[2]", '["b c"]']``."""
    return _PATH_STEP.findall(path, 1)


def _prefixes(path: str) -> Iterator[str]:
    """``path`` and each of its ancestors, down to ``$``."""
    if path == "$":
        pass
    elif _PLAIN_PATH.fullmatch(path):
        # bare keys and indexes only (nearly every finding's): each ancestor is a prefix
        yield path
        while True:
            cut = max(path.rfind("."), path.rfind("["))
            if cut < 2:
                break
            path = path[:cut]
            yield path
    else:
        parts = _parts(path)
        while parts:
            yield "$" + "".join(parts)
            parts.pop()
    yield "$"


class PositionIndex:
    """The line and column of every key, table header and list item of one TOML text.

    :meth:`of` reads the text's structure; the keys of a table are scanned when
    :meth:`find` first looks up a path inside it, so placing a few findings of a large
    file costs little more than stepping over its lines. ``PositionIndex(positions)``
    makes an index of positions already known. An index made by :meth:`of` fills itself
    in as it is asked: use it from one thread (or make one per thread).
    """

    __slots__ = ("_headers", "_positions", "_scanned", "_scanner", "_tables")

    def __init__(self, positions: Mapping[str, tuple[int, int]]) -> None:
        self._positions: Mapping[str, tuple[int, int]] | None = positions
        self._scanner: _Scanner | None = None
        self._tables: dict[str, list[tuple[int, int]]] = {}
        self._headers: _Headers | None = None
        self._scanned: set[int] = set()

    @classmethod
    def of(cls, text: str) -> PositionIndex:
        """Read the structure of ``text`` (one pass, proportional to its length)."""
        index = cls.__new__(cls)
        index._positions = None
        index._scanner = scanner = _Scanner(text)
        structure = scanner.structure()
        if isinstance(structure, _Headers):
            index._headers, index._tables = structure, {}
        else:
            index._headers, index._tables = None, structure
        index._scanned = set()
        return index

    @property
    def positions(self) -> Mapping[str, tuple[int, int]]:
        """Where every path of the text is written (a scan of every key, once)."""
        if self._positions is None:
            assert self._scanner is not None
            text = self._scanner.text
            found = _Scanner(text).run()
            starts = [0]  # the offset of each line
            starts += (match.end() for match in re.finditer("\n", text))
            self._positions = {}
            for path, pos in found.items():
                line = bisect_right(starts, pos)
                self._positions[path] = (line, pos - starts[line - 1] + 1)
        return self._positions

    def find(self, path: str) -> tuple[int, int] | None:
        """Where ``path`` is written, else its nearest written ancestor; ``None`` for ``$``.

        The lines of each table above ``path`` are scanned first, where they may write
        it: for a path of bare keys and indexes, a table whose lines do not hold the
        name of the path's next key below it (``deadline`` for ``….measures[4]`` and
        ``….measures[4].deadline``) cannot write it, and is left unscanned.
        """
        scanner = self._scanner
        if scanner is None:
            return self._find_known(path)
        if self._headers is not None:  # every header of bare keys: found by counting
            if path == "$":
                return None
            offset = self._headers.offset(path, scanner, self._scanned)
            return None if offset is None else scanner.where(offset)
        chain = list(_prefixes(path))
        plain = path != "$" and _PLAIN_PATH.fullmatch(path) is not None
        text, tables = scanner.text, self._tables
        for below, table in pairwise(chain):  # the tables above the path
            spans = tables.get(table)  # (a table's own lines write only what is below it)
            if not spans:
                continue
            step = below[len(table) :]  # the path's step right below the table
            key = step[1:] if plain and step.startswith(".") else None
            left = []
            for start, end in spans:
                if key is None or text.find(key, start, end) >= 0:
                    scanner.table(table, start, end)
                else:
                    left.append((start, end))
            tables[table] = left
        found = scanner.found
        for prefix in chain[:-1]:  # "$" itself is never placed
            offset = found.get(prefix)
            if offset is not None:
                return scanner.where(offset)
        return None

    def _find_known(self, path: str) -> tuple[int, int] | None:
        positions = self.positions
        for prefix in _prefixes(path):
            if prefix == "$":
                return None
            found = positions.get(prefix)
            if found is not None:
                return found
        return None

    def __repr__(self) -> str:
        return f"PositionIndex({self.positions!r})"


def locate(text: str, path: str) -> tuple[int, int] | None:
    """The line and column (from 1) where ``path`` is written in TOML ``text``."""
    return PositionIndex.of(text).find(path)


def place_problems(problems: Iterable[Problem], texts: Mapping[Path, str]) -> list[Problem]:
    """``problems`` with the line and column of their path filled in from ``texts``
    (the text of each file), where a problem has a file and path and no line yet."""
    indexes: dict[Path, PositionIndex] = {}
    placed: list[Problem] = []
    for problem in problems:
        text = texts.get(problem.file) if problem.file is not None else None
        if problem.line is None and problem.path != "$" and text is not None:
            assert problem.file is not None
            index = indexes.get(problem.file)
            if index is None:
                index = indexes[problem.file] = PositionIndex.of(text)
            found = index.find(problem.path)
            if found is not None:
                problem = attrs.evolve(problem, line=found[0], column=found[1])
        placed.append(problem)
    return placed


def placed_error(error: DataError, file: Path, text: str) -> DataError:
    """``error`` with its problems in ``file`` placed at their line and column."""
    problems = place_problems(error.problems, {file: text})
    if all(a is b for a, b in zip(problems, error.problems, strict=True)):
        return error
    return type(error)(problems)
