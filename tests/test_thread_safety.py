"""The thread-safety contract of docs/api.md: rendering and validating from 8 threads at
once gives the bytes of doing it one at a time (issue 20 §6)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helsefellesskap import default_manager, load_bundle
from helsefellesskap.io.installed import load_installed
from helsefellesskap.render import render
from helsefellesskap.validate import validate

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "eksempel"
THREADS = 8


def _jobs() -> list[tuple[str, str, str]]:
    manager = default_manager()
    jobs: list[tuple[str, str, str]] = []
    for name in ("eksempel", "helgeland", "troms-ofoten"):
        bundle = _bundle(name)
        jobs.append((name, "validate", ""))
        for document in bundle.documents:
            for fmt in ("html", "md", "json"):
                jobs.append((name, fmt, document.id))
        jobs.append((name, "html", bundle.partnership.id))
    assert manager is default_manager()
    return jobs


_BUNDLES: dict[str, object] = {}


def _bundle(name: str):  # type: ignore[no-untyped-def]
    if name not in _BUNDLES:
        _BUNDLES[name] = (
            load_bundle(EXAMPLE) if name == "eksempel" else load_installed(name, default_manager())
        )
    return _BUNDLES[name]


def _run(job: tuple[str, str, str]) -> bytes:
    name, what, item_id = job
    bundle = _bundle(name)
    if what == "validate":
        return validate(bundle).dumps().encode("utf-8")
    item = bundle.partnership if item_id == bundle.partnership.id else bundle.require(item_id)
    return render(item, what, bundle=bundle)


def test_concurrent_render_and_validate_equal_sequential_byte_for_byte() -> None:
    jobs = _jobs()
    sequential = [_run(job) for job in jobs]
    with ThreadPoolExecutor(THREADS) as pool:
        for _round in range(2):
            concurrent = list(pool.map(_run, jobs * 2))
            assert concurrent == sequential * 2


def test_the_default_manager_is_built_once_under_concurrency() -> None:
    from helsefellesskap import reset_default_manager

    reset_default_manager()
    with ThreadPoolExecutor(THREADS) as pool:
        managers = list(pool.map(lambda _: default_manager(), range(THREADS * 4)))
    assert all(m is managers[0] for m in managers)


def test_bundles_are_frozen() -> None:
    import attrs
    import pytest

    bundle = _bundle("eksempel")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bundle.partnership = None  # type: ignore[misc]
