"""The position scan takes common lines and headers in one match (``io/positions.py``
``simple_line`` and the bare-header path); it must mark exactly what the token-at-a-time
scan marks, on every TOML file of the repository and on lines of every awkward shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helsefellesskap.io import positions
from helsefellesskap.io.positions import PositionIndex

REPO = Path(__file__).resolve().parent.parent

TRICKY = [
    "a = \"x\"\nb = 'y'\nc = 2024\nd = 2024-06-30\ne = true\n",
    'empty = ""\nquote = "say \\"hi\\""\nslash = "a\\\\"\nnext = 1\n',
    'multi = """\none\n[[not.a.header]]\nkey = "not a key"\n"""\nafter = 1\n',
    "lit = '''\n[x]\n'''\nafter = 2\n",
    'list = ["a", "b",]\nempty_list = []\nspaced = [ "a" ,"b" ]\nmixed = ["a", 1]\n',
    'nested = [["a"], ["b"]]\ninline = { a = 1, b = "x" }\nlines = [\n  "a", # c\n  "b",\n]\n',
    'dotted.key = 1\n"quoted key" = 2\n_ = 3\n-- = 4\nk = 1 # comment\n',
    "[table]\nx = 1\n[ spaced . header ]\ny = 2\n[[arr]]\nz = 1\n[[arr]]\nz = 2\n",
    '[a."quoted".b]\nc = 1\n[[a . list]]\nd = ["x"]\n["all quoted"]\ne = 1\n',
    '[[focus_areas]]\nid = "a"\n[[focus_areas.goals]]\nid = "g"\n'
    '[[focus_areas.goals.measures]]\nid = "m"\nresponsible = ["x", "y"]\n',
    'a = "tab\there"\nb = "\\u00e6"\nc = \'no "escape\' \n',
    # values the structure scan steps over in one match, and near misses it must not
    'points = [\n  "a", # one\n  "b",\n\n  # gone\n  "c"\n]\nafter = 1\n',
    'd = { text = "x, y", means = 2024-12-31 }\np = {start=2024,end=2025} # c\ne = {}\n',
    'w = [{ id = "a", text = "b" }, { id = "c" },\n  { id = "d", n = 1 }]\nx = [1, 2.5, true]\n',
    'near = [{ a.b = 1 }]\nq = { "k" = 1 }\nr = [[1], [2]]\ns = { t = [1] }\nu = [\n"""\nx\n"""]\n',
    '[t]\nv = [\n  "[not.a.header]",\n  { k = "]" },\n]\n[[t.u]]\nw = { k = "}" }\n',
    # headers of bare keys, whose tables are found by counting them (_Headers)
    "[a]\nx = 1\n[[a.b]]\ny = 1\n[a.c]\nz = 1\n[[a.b]]\ny = 2\n[[a.b.d]]\nw = 1\n",
    "[[x]]\nk = 1\n[x.y]\nv = 1\n[[x]]\nk = 2\n[x.y]\nv = 2\n[[x.z]]\nq = 1\n[[x.z]]\n",
    "[q.r]\ns = 1\n[q]\nt = 1\n[[u]]\n[u.v.w]\n[[u]]\n[[u.v]]\n",
    "[--]\na = 1\n[_.x]\nb = 1\n[[-]]\nc = 1\n[[-]]\n",
    '[t]\nm = { a = ["x", "y"], b = 1 }\nn = [\n  { c = ["z",\n "w"] },\n]\n[t.s]\n',
    # lines of list values that look like headers, and headers indented or after comments
    "a = [\n  [1]\n]\n[t]\nx = 1\n",
    "a = [\n  [2024-01-01] # c\n\n  # d\n  , [2]\n]\n[[t]]\ny = 1\n",
    "a = [\n  [[1]]\n]\n[b]\n",
    "[t]\nb = [\n  [1], [2],\n]\n[t.u]\nc = 1\n",
    "# c\n  [t]  # d\nx = 1\n\t[[t.u]]\r\ny = 2\r\n",
    # a first line of a header of another shape, or of bare keys and indented
    '["q"]\na = 1\n[t]\nb = 2\n',
    "  [[t]]\nx = 1\n[t.u]\ny = 2\n",
]


def _general_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(positions._Scanner, "simple_line", lambda _self, _table: False)
    monkeypatch.setattr(positions, "_BARE_DOTTED", re.compile(r"(?!)"))
    monkeypatch.setattr(positions, "_PLAIN_HEADER", re.compile(r"(?!)"))


def _files() -> list[Path]:
    return sorted(
        path
        for path in REPO.rglob("*.toml")
        if ".venv" not in path.parts and "build" not in path.parts
    )


def test_the_one_match_paths_mark_what_the_token_scan_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [path.read_text(encoding="utf-8-sig") for path in _files()] + TRICKY
    assert len(texts) > 50
    fast = [PositionIndex.of(text).positions for text in texts]
    _general_only(monkeypatch)
    general = [PositionIndex.of(text).positions for text in texts]
    for text, one, other in zip(texts, fast, general, strict=True):
        assert one == other, text[:200]


def test_the_common_lines_are_taken_in_one_match() -> None:
    scanner = positions._Scanner('id = "a"\nresponsible = ["x", "y"]\n')
    assert scanner.simple_line("$")
    assert {path: scanner.where(pos) for path, pos in scanner.found.items()} == {"$.id": (1, 1)}
    scanner.pos = scanner.text.index("responsible")
    assert scanner.simple_line("$.m")
    assert scanner.where(scanner.found["$.m.responsible[1]"]) == (2, 21)


def _find_by_parts(index: PositionIndex, path: str) -> tuple[int, int] | None:
    """The step-by-step search :meth:`PositionIndex.find` falls back to."""
    parts = positions._parts(path)
    while parts:
        found = index.positions.get("$" + "".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def test_find_by_prefix_gives_what_the_step_search_gives() -> None:
    plan = REPO / "examples" / "eksempel" / "plans" / "handlingsplan-2024-2025.toml"
    index = PositionIndex.of(plan.read_text(encoding="utf-8"))
    keys = list(index.positions)
    probes = [
        *keys,
        *(f"{key}.deadline" for key in keys),
        *(f"{key}[12].text" for key in keys),
        *(f'{key}["a b"].c' for key in keys[::5]),
        "$",
        "$.nowhere",
        "$.focus_areas[0].x y",
        "$.focus_areas[00].id",
    ]
    assert len(keys) > 50
    for probe in probes:
        assert index.find(probe) == _find_by_parts(index, probe), probe


def _probes(index: PositionIndex) -> list[str]:
    keys = list(index.positions)
    return [
        *keys,
        *(f"{key}.deadline" for key in keys),
        *(f"{key}[3].text" for key in keys[::3]),
        *(f'{key}["a b"].c' for key in keys[::5]),
        *(f"{key}[01]" for key in keys[::4]),
        *(f"{key}[0][0]" for key in keys[::6]),
        "$",
        "$[0]",
        "$.nowhere",
        "$.focus_areas[0].x y",
    ]


def test_a_table_scanned_when_asked_gives_what_the_whole_scan_gives() -> None:
    """:meth:`PositionIndex.find` reads a text's structure and scans a table's keys when
    first asked; every path (written or not) is placed where the scan of every key places
    it, asked in any order, on every TOML file of the repository and the tricky lines."""
    texts = [path.read_text(encoding="utf-8-sig") for path in _files()] + TRICKY
    for text in texts:
        whole = PositionIndex(PositionIndex.of(text).positions)
        probes = _probes(whole)
        lazy = PositionIndex.of(text)
        for probe in probes:
            assert lazy.find(probe) == whole.find(probe), (probe, text[:200])
        backwards = PositionIndex.of(text)
        for probe in reversed(probes[::7]):
            assert backwards.find(probe) == whole.find(probe), (probe, text[:200])
        for probe in probes[::17]:  # alone: only the tables of this path are scanned
            assert PositionIndex.of(text).find(probe) == whole.find(probe), probe


def test_the_structure_scan_steps_over_lists_and_inline_tables_in_one_match() -> None:
    text = 'a = [\n  "x",\n  { id = "y" },\n]\nb = { c = 1 }\n[t]\n'
    match = positions._SIMPLE_RUN.match(text)
    assert match is not None and match.end() == text.index("[t]")
    assert positions._SIMPLE_RUN.match("r = [[1]]\n").end() == 0  # type: ignore[union-attr]


def test_the_tables_of_headers_of_bare_keys_are_found_by_counting() -> None:
    """A text whose lines that start with "[" are all headers of bare keys is read as its
    headers' offsets (:class:`positions._Headers`), the bundled plans among them; a
    header of another shape, or a list's value that looks like one, reads the text the
    general way (the tests above compare both with the scan of every key)."""
    plans = sorted((REPO / "plugins").glob("*/src/*/data/plans/*.toml"))
    texts = [path.read_text(encoding="utf-8") for path in plans]
    assert len(texts) >= 3
    for text in texts:
        assert isinstance(positions._Scanner(text).structure(), positions._Headers)
    text = '[[focus_areas]]\nid = "a"\n[[focus_areas.goals]]\nid = "g"\n[ "quoted" ]\nk = 1\n'
    tables = positions._Scanner(text).structure()
    after = [text.index("\n", text.index(header)) for header in ("[[f", "[[focus_areas.g", "[ ")]
    assert tables == {
        "$": [(0, 0)],
        "$.focus_areas[0]": [(after[0], text.index("[[focus_areas.goals"))],
        "$.focus_areas[0].goals[0]": [(after[1], text.index("[ "))],
        "$.quoted": [(after[2], len(text))],
    }
    # a list's value that looks like a header is not one: the text is read the general way
    for text in ("a = [\n  [1]\n]\n[t]\n", "a = [\n  [1.5] # c\n  , [2]\n]\n"):
        assert not isinstance(positions._Scanner(text).structure(), positions._Headers)
    assert isinstance(positions._Scanner("  [t] # c\r\n[[u]]").structure(), positions._Headers)
    index = PositionIndex.of("[[a]]\nx = 1\n[[a]]\n[a.b]\ny = 2\n")
    assert index.find("$.a[1].b.y") == (5, 1)
    assert index.find("$.a[1].x") == (3, 1)
    assert index.find("$.a[2].x") == (1, 1)
    assert index.find("$.a[01]") == (1, 1)
