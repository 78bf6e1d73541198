"""Where a path of a TOML file is written: the line and column of its key or header.

A problem or finding names a path in the file's keys
(``$.focus_areas[2].goals[1].measures[4].responsible``); :class:`PositionIndex` maps
such a path to the line and column (both from 1) where the key, the table header or the
list item starts. The index is built by one small scanning pass over the text, and only
when there is something to report: loading itself never computes positions.

A path the text does not spell out (a value the model fills in, an item inside a
multi-line string) is placed at its nearest ancestor that the text does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from ..errors import DataError, Problem
from .problems import child_path

__all__ = ["PositionIndex", "locate", "place_problems", "placed_error"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PATH_PART = re.compile(r'\.([A-Za-z0-9_-]+)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]')
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
        self.found: dict[str, tuple[int, int]] = {}
        self.arrays: dict[str, int] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, pos: int) -> tuple[int, int]:
        """The line and column (from 1) of offset ``pos``."""
        low = bisect_right(self._line_starts, pos) - 1
        return low + 1, pos - self._line_starts[low] + 1

    def mark(self, path: str, pos: int) -> None:
        if path not in self.found:
            self.found[path] = self.where(pos)

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

    def run(self) -> dict[str, tuple[int, int]]:
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


class _Stop(Exception):
    """The text holds something this pass does not follow; what was found stays."""


def _parts(path: str) -> list[str]:
    """``$.a[2]["b c"]`` as its steps ``[".a", "[2]", '["b c"]']``."""
    return [m.group() for m in _PATH_PART.finditer(path, 1)]


@attrs.frozen
class PositionIndex:
    """The line and column of every key, table header and list item of one TOML text."""

    positions: Mapping[str, tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> PositionIndex:
        """Scan ``text`` (one pass, proportional to its length)."""
        return cls(_Scanner(text).run())

    def find(self, path: str) -> tuple[int, int] | None:
        """Where ``path`` is written, else its nearest written ancestor; ``None`` for ``$``."""
        positions = self.positions
        if _PLAIN_PATH.fullmatch(path):
            # bare keys and indexes only (nearly every finding): each ancestor is a prefix
            while True:
                found = positions.get(path)
                if found is not None:
                    return found
                cut = max(path.rfind("."), path.rfind("["))
                if cut < 2:
                    return None
                path = path[:cut]
        parts = _parts(path)
        while parts:
            found = self.positions.get("$" + "".join(parts))
            if found is not None:
                return found
            parts.pop()
        return None


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
