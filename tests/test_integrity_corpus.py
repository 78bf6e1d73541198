"""A bad-input corpus: over a thousand mutations of the bundled files, each run through
``helsefellesskap check`` in-process (issue 12 §7).

The mutations are generated deterministically at test time from every bundled data file
(the example partnership, the partnership plugins' data, the plugin template's): wrong
shapes, wrong types, misspelt words, bad links, control characters, absurd years and
counts, long titles, missing and unknown keys, deep nesting, truncation, invalid UTF-8, a
byte-order mark, CRLF line ends, NUL bytes, huge values and files, duplicate keys and ids,
dangling references, empty files, folders for files and files for folders, named pipes
and link loops.

Each mutated file lies in a partnership folder beside its ``partnership.toml`` (or is that
file), and ``check`` runs on the folder. A mutation that must fail exits 2 with the
library's own error naming the file (and, for a wrong value, its path in the data); one
that may be valid (a truncation at a line end, a dangling reference that only ``validate``
reports) exits 0 or 2 with the same rules. None ever prints a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w

from helsefellesskap.cli import main
from helsefellesskap.io import parse_toml
from helsefellesskap.io.folder import PARTNERSHIP_FILE
from helsefellesskap.io.problems import child_path

REPO = Path(__file__).resolve().parent.parent
ROOTS = [
    REPO / "examples" / "eksempel",
    REPO / "plugins" / "troms-ofoten" / "src" / "helsefellesskap_troms_ofoten" / "data",
    REPO / "plugins" / "helgeland" / "src" / "helsefellesskap_helgeland" / "data",
    REPO / "examples" / "plugin-template" / "src" / "helsefellesskap_template" / "data",
]
MINIMUM = 1000

Data = dict[str, Any]
Path_ = tuple[str | int, ...]


@attrs.frozen
class Mutation:
    """One bad (or possibly valid) input: what to do to the file and what ``check`` says."""

    seed: str  # the bundled file, relative to the repository
    kind: str
    must_fail: bool
    path: str | None = None  # the path in the data the error must name
    data: Data | None = None  # the mutated data, written as TOML
    raw: bytes | None = None  # or the mutated bytes
    action: str | None = None  # or a file-system change: dir, fifo, loop, sparse, plans-file

    @property
    def id(self) -> str:
        where = f"@{self.path}" if self.path else ""
        return f"{self.seed}:{self.kind}{where}"


# --- Walking the data ---------------------------------------------------------------------


def _leaves(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))


def _json_path(path: Path_) -> str:
    text = "$"
    for part in path:
        text = child_path(text, part)
    return text


def _with(data: Data, path: Path_, value: Any) -> Data:
    copy = _deep_copy(data)
    target: Any = copy
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


def _deep_copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _deep_copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_deep_copy(v) for v in data]
    return data


_DELETE = object()
_ENUM_KEYS = {"status", "membership", "term", "decision_rule", "abbreviations"}
_REFERENCE_TUPLES = {(key,) for key in ("responsible", "builds_on", "given_by", "members")}
_DEADLINE_KEYS = {"deadline", "ends", "when", "date"}  # a year may be written "2024" there
_ID_KEYS = {"id", "kind", "holder", "partnership", "commitment", "main_goal", "steering_body"}
_REFERENCE_KEYS = {"responsible", "builds_on", "given_by", "members", "holders", "parties"}


def _key(path: Path_) -> str | int | None:
    return path[-1] if path else None


def _pick(rng: random.Random, items: list[Any], count: int) -> list[Any]:
    return items if len(items) <= count else rng.sample(items, count)


# --- The mutations of one file --------------------------------------------------------------


def _data_mutations(seed: str, data: Data, rng: random.Random) -> Iterator[Mutation]:
    leaves = [(p, v) for p, v in _leaves(data) if p]
    strings = [(p, v) for p, v in leaves if isinstance(v, str)]
    texts = [(p, v) for p, v in strings if _key(p) not in _ID_KEYS and isinstance(_key(p), str)]
    text_items = [(p, v) for p, v in strings if isinstance(_key(p), int)]
    ints = [(p, v) for p, v in leaves if isinstance(v, int) and not isinstance(v, bool)]
    dates = [(p, v) for p, v in leaves if isinstance(v, dt.date)]
    string_lists = [
        (p, v)
        for p, v in leaves
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v)
    ]
    table_lists = [
        (p, v) for p, v in leaves if isinstance(v, list) and v and isinstance(v[0], dict)
    ]
    tables = [(p, v) for p, v in leaves if isinstance(v, dict)]

    def bad(kind: str, path: Path_, value: Any, error_path: Path_ | None = None) -> Mutation:
        where = _json_path(error_path if error_path is not None else path)
        return Mutation(seed, kind, True, where, data=_with(data, path, value))

    for path, value in _pick(rng, string_lists, 6):
        yield bad("text-for-list", path, value[0])
    for path, value in _pick(rng, table_lists, 5):
        yield bad("table-for-list", path, value[0])
    for path, value in _pick(rng, tables, 5):
        yield bad("list-for-table", path, [value])
        yield bad("text-for-table", path, "tekst")
    for path, _value in _pick(rng, texts, 6):
        yield bad("number-for-text", path, 7)
    for path, _value in _pick(rng, text_items, 3):
        yield bad("list-in-list", path, ["x"])
    numbers = [(p, v) for p, v in ints if _key(p) not in _DEADLINE_KEYS]
    for path, value in _pick(rng, numbers, 4):
        yield bad("text-for-number", path, str(value))
        yield bad("huge-number", path, 2**64)
    for path, value in _pick(rng, dates, 3):
        yield bad("quoted-date", path, value.isoformat())
        yield bad("datetime-for-date", path, dt.datetime(value.year, value.month, value.day, 9))
    for path, value in [(p, v) for p, v in strings if _key(p) in _ENUM_KEYS]:
        yield bad("misspelt-word", path, value + "x")
    for path, _value in [(p, v) for p, v in strings if _key(p) in ("url", "link")][:4]:
        for scheme in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///C:/x"):
            yield bad("bad-link", path, scheme)
    for path, value in _pick(rng, texts, 4):
        for char in ("\x7f", "\x85", "\x0b", "\x00"):
            yield bad("control-character", path, value[:10] + char + value[10:])
    for path, _value in [(p, v) for p, v in strings if _key(p) in ("title", "name")][:3]:
        yield bad("long-title", path, "Tittel " * 50)
    for path, _value in _pick(rng, texts, 1):
        yield bad("huge-text", path, "x" * 150_000)
    for path, _value in [(p, v) for p, v in ints if _key(p) in ("start", "end", "year")][:3]:
        yield bad("year-out-of-range", path, 1800)
    for path, _value in [(p, v) for p, v in strings if _key(p) == "language"][:1]:
        yield bad("unknown-language", path, "klingon")
    for key in ("id", "kind", "period", "name"):
        if key in data:
            yield bad("missing-key", (key,), _DELETE)
    # A key left out may be an optional one: loading may accept it.
    for path, _value in [(p, v) for p, v in leaves if _key(p) in ("title", "text")][:3]:
        yield Mutation(seed, "left-out-key", False, data=_with(data, path, _DELETE))
    for path, _value in _pick(rng, tables, 4):
        yield bad("unknown-key", (*path, "xyzzy"), 1)
    if data.get("layout") is None and "partners" in data:
        layout = {"measure_columns": ["goal", "measures"]}
        yield bad("unknown-column", ("layout",), layout, ("layout", "measure_columns", 1))
    # May be valid when loading: ids and references are the rules' business.
    for path, value in _pick(rng, table_lists, 3):
        if "id" in value[0]:
            yield Mutation(
                seed, "duplicate-id", False, data=_with(data, path, [*value, value[0]])
            )
    references = [
        p for p, _v in strings if _key(p) in _REFERENCE_KEYS or p[-2:-1] in _REFERENCE_TUPLES
    ]
    for path in _pick(rng, references, 3):
        yield Mutation(seed, "dangling-reference", False, data=_with(data, path, "ingen-slik"))


def _text_mutations(seed: str, raw: bytes, rng: random.Random) -> Iterator[Mutation]:
    lines = raw.split(b"\n")
    cuts = sorted(rng.sample(range(1, len(raw)), min(5, len(raw) - 1)))
    for cut in cuts:
        yield Mutation(seed, f"truncated-{cut}", False, raw=raw[:cut])
    for at in sorted(rng.sample(range(len(raw)), 3)):
        yield Mutation(seed, f"invalid-utf8-{at}", True, raw=raw[:at] + b"\xff\xfe" + raw[at:])
        yield Mutation(seed, f"nul-{at}", True, raw=raw[:at] + b"\x00" + raw[at:])
    yield Mutation(seed, "byte-order-mark", False, raw=b"\xef\xbb\xbf" + raw)
    yield Mutation(seed, "crlf", False, raw=raw.replace(b"\n", b"\r\n"))
    yield Mutation(seed, "empty", True, raw=b"")
    yield Mutation(seed, "only-comments", True, raw=b"# nothing here\n\n")
    first_key = next(line for line in lines if b" = " in line and not line.startswith(b"#"))
    yield Mutation(seed, "duplicate-key", True, raw=first_key + b"\n" + raw)
    yield Mutation(seed, "thousands-of-digits", True, raw=raw + b"\nxyzzy = " + b"9" * 5000 + b"\n")
    deep = b"xyzzy = " + b"{ a = " * 500 + b"1" + b" }" * 500 + b"\n"
    yield Mutation(seed, "deep-inline-tables", True, raw=deep + raw)
    deep = b"xyzzy = " + b"[" * 3000 + b"1" + b"]" * 3000 + b"\n"
    yield Mutation(seed, "deep-arrays", True, raw=deep + raw)
    for action in ("dir", "fifo", "loop", "sparse"):
        yield Mutation(seed, f"{action}-for-file", True, action=action)


def corpus() -> list[Mutation]:
    """Every mutation of every bundled data file, in a fixed order."""
    found: list[Mutation] = []
    for root in ROOTS:
        for file in sorted(root.rglob("*.toml")):
            seed = file.relative_to(REPO).as_posix()
            rng = random.Random(seed)
            raw = file.read_bytes()
            data = parse_toml(raw.decode("utf-8-sig"), file=file)
            found.extend(_data_mutations(seed, data, rng))
            found.extend(_text_mutations(seed, raw, rng))
        seed = (root / PARTNERSHIP_FILE).relative_to(REPO).as_posix()
        found.append(Mutation(seed, "file-for-folder", False, action="plans-file"))
    return found


CORPUS = corpus()


def test_the_corpus_is_large_enough() -> None:
    kinds = {m.kind.split("-")[0] for m in CORPUS}
    print(f"\nbad-input corpus: {len(CORPUS)} mutations of {len(kinds)} kinds")
    assert len(CORPUS) >= MINIMUM
    assert sum(m.must_fail for m in CORPUS) >= 0.8 * MINIMUM


# --- Running them ---------------------------------------------------------------------------


def _lay_out(mutation: Mutation, into: Path) -> tuple[Path, Path]:
    """A partnership folder holding the mutated file (and its partnership.toml)."""
    source = REPO / mutation.seed
    root = next(r for r in ROOTS if source.is_relative_to(r))
    folder = into / "p"
    folder.mkdir(parents=True)
    shutil.copyfile(root / PARTNERSHIP_FILE, folder / PARTNERSHIP_FILE)
    target = folder / source.relative_to(root)
    if target.name != PARTNERSHIP_FILE:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if mutation.data is not None:
        target.write_text(tomli_w.dumps(mutation.data), "utf-8")
    elif mutation.raw is not None:
        target.write_bytes(mutation.raw)
    elif mutation.action is not None:
        _act(mutation.action, target, folder)
    return folder, target


def _act(action: str, target: Path, folder: Path) -> None:
    if action == "plans-file":
        plans = folder / "plans"
        shutil.rmtree(plans, ignore_errors=True)
        plans.write_text("not a folder", "utf-8")
        return
    target.unlink()
    if action == "dir":
        target.mkdir()
        (target / "inside.toml").write_text('kind = "declaration"\n', "utf-8")
    elif action == "fifo":
        os.mkfifo(target)
    elif action == "loop":
        target.symlink_to(target.name)
    elif action == "sparse":
        with target.open("wb") as stream:
            stream.truncate(21 * 1024 * 1024)


def _check(folder: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(["check", str(folder)], stdout=out, stderr=err)
    except BaseException as error:
        pytest.fail(f"check raised {type(error).__name__}: {error}")
    return code, err.getvalue()


def _chunks(size: int) -> list[list[Mutation]]:
    return [CORPUS[n : n + size] for n in range(0, len(CORPUS), size)]


@pytest.mark.parametrize("chunk", _chunks(100), ids=lambda c: f"{c[0].id}…")
def test_every_mutation_gets_the_librarys_own_answer(
    chunk: list[Mutation], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loading needs no plugin (a document type of a plugin is not among the seeds), and
    # without entry points each in-process run is three times faster.
    from helsefellesskap.plugins import NO_ENTRY_POINTS_ENV

    monkeypatch.setenv(NO_ENTRY_POINTS_ENV, "1")
    failures: list[str] = []
    for n, mutation in enumerate(chunk):
        folder, target = _lay_out(mutation, tmp_path / str(n))
        code, err = _check(folder)
        problem = _verdict(mutation, code, err, target, folder)
        if problem:
            failures.append(f"{mutation.id}: {problem}\n{err[:600]}")
    assert not failures, "\n\n".join(failures[:10]) + f"\n\n({len(failures)} in all)"


def _verdict(mutation: Mutation, code: int, err: str, target: Path, folder: Path) -> str | None:
    if "Traceback" in err:
        return "a traceback"
    if code not in (0, 1, 2):
        return f"exit {code}"
    if mutation.must_fail and code != 2:
        return f"accepted (exit {code})"
    if code == 2:
        if not err.startswith("error:"):
            return "not the library's error"
        shown = target if mutation.action != "plans-file" else folder
        if str(shown) not in err and str(folder) not in err:
            return "the error names no file"
        if mutation.path is not None and mutation.path not in err:
            return f"the error does not name {mutation.path}"
    return None
