"""The cache of compiled code (issue 11 §3): attrs' methods of the model classes and the
structuring functions of ``io/fast.py`` are compiled once and then read from the user's
cache folder, with the same behaviour.

Each check runs fresh interpreters with their own cache folder, as a user's commands do.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

from helsefellesskap import codecache, usercache
from helsefellesskap.codecache import (
    IDLE_WRITES,
    LIMIT,
    CodeCache,
    _merged,
    _ours,
    _with_constant,
    group_of,
    remove_legacy,
)
from helsefellesskap.usercache import IDLE_DAYS

from .conftest import EXAMPLE

PROBE = f"""
import json
import helsefellesskap
from helsefellesskap import Deadline, Measure, load_bundle
from helsefellesskap.codecache import _CACHES
bundle = load_bundle({str(EXAMPLE)!r})
plan = bundle.document("handlingsplan-2024-2025")
measure = plan.focus_areas[0].goals[0].measures[0]
same = Measure(**{{a.name: getattr(measure, a.name) for a in measure.__attrs_attrs__}})
print(json.dumps({{
    "attrs": sum(c.hits for n, c in _CACHES.items() if n.startswith("attrs-")),
    "fast": sum(c.hits for n, c in _CACHES.items() if n.startswith("fast-")),
    "typed": sum(c.hits for n, c in _CACHES.items() if n.startswith("typed-")),
    "annotations": sum(c.hits for n, c in _CACHES.items() if n == "annotations"),
    "groups": sorted(_CACHES),
    "hash": [
        hash(f"<attrs generated hash {{c.__module__}}.{{c.__qualname__}}>")
        in c.__hash__.__code__.co_consts
        for c in (Deadline, Measure)
    ],
    "hashable": hash(measure) == hash(same),
    "repr": repr(measure),
    "equal": measure == same and measure is not same,
    "bundle": repr(bundle),
}}))
"""


def run(cache: Path, *, no_cache: bool = False, seed: str = "0") -> dict[str, object]:
    """What :data:`PROBE` prints in a fresh interpreter with ``cache`` as cache folder."""
    env = {k: v for k, v in os.environ.items() if k != "HELSEFELLESSKAP_NO_CACHE"}
    env["HELSEFELLESSKAP_CACHE_DIR"] = str(cache)
    env["PYTHONHASHSEED"] = seed
    if no_cache:
        env["HELSEFELLESSKAP_NO_CACHE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_second_process_takes_the_code_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run(cache, seed="1")
    assert first["attrs"] == 0 and first["fast"] == 0
    # attrs' methods, the loader's functions, the type check of a model built in code,
    # the texts of the model's annotations (evaluated for the loader's functions)
    kinds = {p.name.split("-")[0] for p in (cache / "code").iterdir()}
    assert kinds == {"attrs", "fast", "typed", "annotations"}
    groups = first["groups"]
    assert isinstance(groups, list)
    assert {"attrs-helsefellesskap.model", "fast-helsefellesskap.model"} <= set(groups)
    assert "attrs-helsefellesskap.errors" in groups  # a file a package
    second = run(cache, seed="2")  # another hash seed: attrs' __hash__ differs
    assert isinstance(second["attrs"], int) and second["attrs"] > 50
    assert isinstance(second["fast"], int) and second["fast"] > 10
    assert isinstance(second["typed"], int) and second["typed"] >= 1  # Measure(...)
    assert isinstance(second["annotations"], int) and second["annotations"] > 20
    fresh = run(tmp_path / "other", no_cache=True, seed="2")
    assert fresh["attrs"] == 0 and fresh["fast"] == 0 and fresh["annotations"] == 0
    assert not (tmp_path / "other").exists()  # nothing written without the cache
    for key in ("hash", "hashable", "repr", "equal", "bundle"):
        assert second[key] == fresh[key], key  # the same objects
    # attrs' __hash__ starts from the hash of the class's name in this process
    assert second["hash"] == [True, True]
    assert second["equal"] is True and second["hashable"] is True


def test_a_folder_others_can_write_to_or_a_broken_file_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(cache)
    (cache / "code").chmod(0o777)
    assert run(cache)["attrs"] == 0  # another user could have put code there
    (cache / "code").chmod(0o700)
    for path in (cache / "code").iterdir():
        path.write_bytes(b"not marshal data")
    assert run(cache)["attrs"] == 0  # unreadable: compiled again, and written anew
    assert run(cache)["attrs"] != 0


def test_a_code_cache_answers_the_same_source_and_keeps_its_varying_literal(
    tmp_path: Path,
) -> None:
    source = "def f(y):\n    return (12345, y)\n"
    cache = CodeCache("test", tmp_path, versions=False)
    code = cache.compile(source, "<test>")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert cache.hits == 0
    cache.save()
    again = CodeCache("test", tmp_path, versions=False)
    start = source.index("12345")
    other = source.replace("12345", "-678")
    varied = again.compile(other, "<test>", varying=(start, start + 4))
    assert again.hits == 0  # the first time with a varying literal: a new key
    again.save()
    third = CodeCache("test", tmp_path, versions=False)
    assert third.compile(source, "<test>") is not None and third.hits == 1
    varied = third.compile(source, "<test>", varying=(start, start + 5))
    assert third.hits == 2
    exec(varied, namespace)
    function = namespace["f"]
    assert callable(function) and function("x") == (12345, "x")
    tuple_source = "def g():\n    return (12345, 'x')\n"  # the literal inside a constant
    at = tuple_source.index("12345")
    third.compile(tuple_source.replace("12345", "1"), "<test>", varying=(at, at + 1))
    hits = third.hits
    folded = third.compile(tuple_source, "<test>", varying=(at, at + 5))
    assert third.hits == hits + 1  # found inside the folded tuple: answered, replaced
    exec(folded, namespace)
    function = namespace["g"]
    assert callable(function) and function() == (12345, "x")


def test_only_the_projects_attrs_classes_are_cached() -> None:
    assert _ours("<attrs generated methods helsefellesskap.model.plan.Measure>")
    assert _ours("<attrs generated methods helsefellesskap_docx.options.Options-1>")
    assert not _ours("<attrs generated methods cattrs.errors.Thing>")
    assert not _ours("<attrs generated methods tests.test_x.Helsefellesskap>")
    assert not _ours("<string>")
    assert group_of("<attrs generated methods helsefellesskap.model.plan.Measure>") == (
        "helsefellesskap.model"
    )
    assert group_of("<helsefellesskap.io.fast helsefellesskap_docx.options.X>") == (
        "helsefellesskap_docx.options"
    )


def test_a_constant_that_is_not_there_is_compiled_again() -> None:
    code = compile("x = 1\n", "<test>", "exec")
    assert _with_constant(code, 99, 100) is None
    changed = _with_constant(code, 1, 2)
    assert changed is not None
    namespace: dict[str, object] = {}
    exec(changed, namespace)
    assert namespace["x"] == 2


def test_a_class_without_fields_keeps_its_hash_from_the_cache() -> None:
    """attrs hashes a class without fields as ``hash((n,))``, which the compiler folds into
    one tuple constant: the varying ``n`` is replaced inside it, not compiled again."""
    source = "def __hash__(self):\n    return hash((\n        5,\n    ))\n"
    code = compile(source, "<test>", "exec")
    changed = _with_constant(code, 5, 6)
    assert changed is not None
    namespace: dict[str, object] = {}
    exec(changed, namespace)
    hashing = namespace["__hash__"]
    assert callable(hashing) and hashing(None) == hash((6,))


@pytest.mark.parametrize(
    "command",
    [
        ["check", str(EXAMPLE)],
        ["list"],
        ["plugins"],
        ["render", "-f", "html", str(EXAMPLE / "plans" / "handlingsplan-2024-2025.toml")],
        ["render", "-f", "md", str(EXAMPLE / "plans" / "handlingsplan-2024-2025.toml")],
        ["render", "-f", "docx", str(EXAMPLE / "plans" / "handlingsplan-2024-2025.toml")],
    ],
    ids=lambda c: " ".join(c[:3:2] if len(c) > 2 else c[:1]),
)
def test_a_command_run_again_compiles_nothing_anew(tmp_path: Path, command: list[str]) -> None:
    """The second run of a command, with other hash seeds, finds every code it compiles
    in the cache, so it writes no code file (a miss would write one at every run)."""
    env = dict(os.environ)
    env["HELSEFELLESSKAP_CACHE_DIR"] = str(tmp_path)
    env.pop("HELSEFELLESSKAP_NO_CACHE", None)
    code = tmp_path / "code"

    def run(seed: str) -> dict[str, bytes]:
        env["PYTHONHASHSEED"] = seed
        argv = [sys.executable, "-m", "helsefellesskap", *command]
        if command[0] == "render":
            argv += ["-o", str(tmp_path / "out.docx") if "docx" in command else "-"]
        done = subprocess.run(argv, env=env, capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr.decode()
        return {p.name: p.read_bytes() for p in sorted(code.iterdir())}

    first = run("1")
    assert first
    assert run("2") == first
    assert run("3") == first


GENERATED_PROBE = f"""
import json
from helsefellesskap import load_bundle
from helsefellesskap.codecache import _CACHES
from helsefellesskap.render import render
bundle = load_bundle({str(EXAMPLE)!r})
page = render(bundle.document("handlingsplan-2024-2025"), "html", bundle=bundle, lang="nb")
print(json.dumps({{
    "generated": {{n: c.hits for n, c in _CACHES.items() if n.startswith("generated-")}},
    "page": page.decode("utf-8"),
}}))
"""


def test_code_written_at_run_time_is_taken_from_the_cache_by_the_next_process(
    tmp_path: Path,
) -> None:
    def probe() -> dict[str, object]:
        env = {k: v for k, v in os.environ.items() if k != "HELSEFELLESSKAP_NO_CACHE"}
        env["HELSEFELLESSKAP_CACHE_DIR"] = str(tmp_path / "cache")
        done = subprocess.run(
            [sys.executable, "-c", GENERATED_PROBE],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
        return result

    first, second = probe(), probe()
    # the outline blocks' __init__, a table's row groups, the view's text collectors
    before, after = first["generated"], second["generated"]
    assert isinstance(before, dict) and isinstance(after, dict)
    assert set(before) == {"generated-helsefellesskap.outline", "generated-helsefellesskap.render"}
    assert set(after) == set(before)
    assert all(after[name] > before[name] + 5 for name in before)
    assert second["page"] == first["page"]


def test_compile_generated_compiles_as_the_calling_module_would() -> None:
    from helsefellesskap.codecache import compile_generated

    source = "def f(x: undefined_name) -> int:\n    return x + 1\n"
    code = compile_generated(source, "<test generated f>")
    # this module's `from __future__ import annotations`: the annotation is not evaluated
    assert code == compile(source, "<test generated f>", "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["f"].__annotations__ == {"x": "undefined_name", "return": "int"}  # type: ignore[attr-defined]
    assert compile_generated(source, "<test generated f>") is code  # from the cache


def _sources(cache: CodeCache) -> set[str]:
    """The source texts the cache file of ``cache`` holds, as a new process reads it."""
    reader = CodeCache(cache.name, None)
    reader.path = cache.path
    return {source for _file, source, _flags in reader._read()}


def test_code_no_process_writing_the_file_used_for_a_while_is_dropped(tmp_path: Path) -> None:
    old, kept = "x = 'old version'\n", "x = 'used now and then'\n"
    first = CodeCache("test", tmp_path)
    first.compile(old, "<old>")
    first.compile(kept, "<kept>")
    first.save()
    for write in range(1, IDLE_WRITES + 1):
        other = CodeCache("test", tmp_path)
        if write == 2:
            other.compile(kept, "<kept>")  # used (from the cache) by a process that writes
            assert other.hits == 1
        other.compile(f"x = {write}\n", f"<new {write}>")  # something new: the file is written
        other.save()
        held = _sources(other)
        assert (old in held) == (write < IDLE_WRITES), write
        assert kept in held and f"x = {write}\n" in held
    assert _sources(first) == {kept, *(f"x = {n}\n" for n in range(1, IDLE_WRITES + 1))}
    quiet = CodeCache("test", tmp_path)  # a process that only reads writes nothing
    quiet.compile(kept, "<kept>")
    quiet.save()
    assert quiet.hits == 1 and len(_sources(quiet)) == IDLE_WRITES + 1


def test_an_older_version_of_a_class_goes_once_a_process_used_the_new_one(
    tmp_path: Path,
) -> None:
    """The sources under one file name are versions of one class: a process that used one
    writes the file without the others, at once, even when it compiled nothing new (else
    an upgrade's old versions stayed while nothing new was compiled, read at every start).
    Expressions, which share one file name, keep each other."""
    old, new = "class_version = 1\n", "class_version = 2\n"
    first = CodeCache("test", tmp_path)
    first.compile(old, "<attrs generated methods helsefellesskap.model.plan.Measure>")
    first.compile("other = 1\n", "<attrs generated methods helsefellesskap.model.plan.Goal>")
    first.save()
    upgraded = CodeCache("test", tmp_path)
    upgraded.compile(new, "<attrs generated methods helsefellesskap.model.plan.Measure>")
    upgraded.save()
    assert _sources(upgraded) == {new, "other = 1\n"}
    # a file that still holds both (written by an older version of this cache): a
    # process that only reads the current one drops the other
    assert first.path is not None
    both = [
        (name, source, 0, compile(source, name, "exec"), 0, 0)
        for name, source in (
            ("<attrs generated methods helsefellesskap.model.plan.Measure>", old),
            ("<attrs generated methods helsefellesskap.model.plan.Measure>", new),
        )
    ]
    first.path.write_bytes(marshal.dumps((codecache.FORMAT, sys.version, both)))
    reader = CodeCache("test", tmp_path)
    reader.compile(new, "<attrs generated methods helsefellesskap.model.plan.Measure>")
    assert reader.hits == 1
    reader.save()
    assert _sources(reader) == {new}
    again = CodeCache("test", tmp_path)  # nothing left to drop: nothing written
    again.compile(new, "<attrs generated methods helsefellesskap.model.plan.Measure>")
    stamp = first.path.stat().st_mtime_ns
    again.save()
    assert again.hits == 1 and first.path.stat().st_mtime_ns == stamp
    expressions = CodeCache("expressions", tmp_path, mode="eval", versions=False)
    expressions.compile("1 + 1", "<annotation>")
    expressions.compile("2 + 2", "<annotation>")
    expressions.save()
    later = CodeCache("expressions", tmp_path, mode="eval", versions=False)
    later.compile("1 + 1", "<annotation>")
    later.compile("3 + 3", "<annotation>")
    later.save()
    assert _sources(later) == {"1 + 1", "2 + 2", "3 + 3"}


def test_a_cached_hash_class_is_answered_with_its_varying_literal() -> None:
    """attrs writes a class with a cached hash (``cache_hash=True``) with another
    ``__hash__`` than one without; both carry the hash of the class's file name, which is
    found in both, so that neither is compiled again by the next process."""
    import attr._make as make

    sources: list[str] = []
    compiling = make.compile if "compile" in vars(make) else compile

    def recording(source: str, filename: str, *args: object, **kwargs: object) -> object:
        sources.append(source)
        return compiling(source, filename, *args, **kwargs)  # type: ignore[arg-type]

    make.compile = recording  # type: ignore[attr-defined]
    try:

        @attrs.frozen(cache_hash=True)
        class Cached:
            bold: bool = False

        @attrs.frozen
        class Plain:
            bold: bool = False

    finally:
        if compiling is compile:
            del make.compile  # type: ignore[attr-defined]
        else:
            make.compile = compiling  # type: ignore[attr-defined]
    for cls, source in zip((Cached, Plain), sources, strict=True):
        found = codecache._TYPE_HASH.search(source)
        assert found is not None, source
        name = f"<attrs generated hash {cls.__module__}.{cls.__qualname__}>"
        assert int(found.group(1)) == hash(name)


def test_the_idle_counts_of_another_process_are_kept_with_its_writes(tmp_path: Path) -> None:
    on_disk = {("<a>", "a", 0): (compile("a", "<a>", "exec"), 0, IDLE_WRITES - 2)}
    used = {("<b>", "b", 0): (compile("b", "<b>", "exec"), 0, 3)}
    merged = _merged(on_disk, used)
    assert {key: entry[2] for key, entry in merged.items()} == {
        ("<a>", "a", 0): IDLE_WRITES - 1,
        ("<b>", "b", 0): 0,
    }
    later = _merged(merged, {})  # a process that used neither writes the file
    assert {key: entry[2] for key, entry in later.items()} == {("<b>", "b", 0): 1}
    for _write in range(IDLE_WRITES - 2):
        later = _merged(later, {})
    assert set(later) == {("<b>", "b", 0)}
    assert _merged(later, {}) == {}  # the last writes without b: gone
    many = {("<x>", str(n), 0): (compile("1", "<x>", "exec"), 0, 0) for n in range(LIMIT + 1)}
    assert set(_merged(many, used)) == set(used)  # past the limit: what this process used


def test_each_environment_keeps_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = CodeCache("attrs-helsefellesskap.model", tmp_path)
    here.compile("x = 1\n", "<test>")
    monkeypatch.setattr(codecache, "_ENVIRONMENT", "0badc0de")
    there = CodeCache("attrs-helsefellesskap.model", tmp_path)
    assert here.path is not None and there.path is not None and here.path != there.path
    assert there.path.name == f"attrs-helsefellesskap.model-{codecache._PYTHON}-0badc0de.marshal"
    for n in range(IDLE_WRITES + 1):  # another environment writes its file again and again
        there = CodeCache("attrs-helsefellesskap.model", tmp_path)
        there.compile(f"y = {n}\n", f"<test {n}>")
        there.save()
    here.save()
    assert _sources(here) == {"x = 1\n"}
    assert len(_sources(there)) == IDLE_WRITES


def test_writing_a_file_removes_the_files_of_older_layouts(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    folder.mkdir(mode=0o700)
    python = codecache._PYTHON
    stale = [
        f"attrs-{python}.marshal",  # one file a kind
        f"fast-helsefellesskap.model-{python}.marshal",  # one a package, every environment
        "attrs-helsefellesskap.model-0123abcd.marshal",  # the same, another Python
    ]
    kept = [
        f"attrs-helsefellesskap.model-{python}-0badc0de.marshal",  # another environment
        ".attrs-helsefellesskap.model-x1y2z3",  # being written by another process
        "notes.txt",
        "fast-helsefellesskap.model-notahex.marshal",
    ]
    for name in stale + kept:
        (folder / name).write_bytes(b"x")
    quiet = CodeCache("test", tmp_path)
    quiet.compile("x = 1\n", "<test>")
    quiet.path = None  # a process that writes nothing removes nothing
    quiet.save()
    assert all((folder / name).exists() for name in stale)
    cache = CodeCache("test", tmp_path)
    cache.compile("x = 2\n", "<test>")
    cache.save()
    assert sorted(p.name for p in folder.iterdir()) == sorted([*kept, cache.path.name])  # type: ignore[union-attr]
    assert remove_legacy(folder) == []  # once a process


def test_an_annotation_is_compiled_as_the_calling_module_would() -> None:
    from helsefellesskap.codecache import compile_annotation

    text = "tuple[str, ...] | None"
    code = compile_annotation(text)
    # this module's `from __future__ import annotations`, as compile() here inherits it
    assert code == compile(text, "<annotation>", "eval")
    assert eval(code) == (tuple[str, ...] | None)
    assert compile_annotation(text) is code  # from the cache


def test_writing_a_file_removes_files_not_used_for_a_while(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usercache, "_TRIMMED", set())
    folder = tmp_path / "code"
    folder.mkdir(mode=0o700)
    python = codecache._PYTHON
    long_ago = time.time() - (IDLE_DAYS + 1) * 86400
    idle = folder / f"attrs-helsefellesskap.model-{python}-0badc0de.marshal"  # env gone
    read_today = folder / f"attrs-helsefellesskap.model-{python}-feedbeef.marshal"
    for path in (idle, read_today):
        path.write_bytes(b"x")
        os.utime(path, (long_ago, long_ago))
    os.utime(read_today, (time.time(), long_ago))  # written long ago, read today
    quiet = CodeCache("test", tmp_path)  # a process that compiled nothing writes nothing
    quiet.save()
    assert idle.exists()
    cache = CodeCache("test", tmp_path)
    cache.compile("x = 1\n", "<test>")
    cache.save()
    assert cache.path is not None and cache.path.is_file()
    assert not idle.exists() and read_today.exists()
