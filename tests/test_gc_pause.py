"""Loading and validating pause automatic garbage collection and leave the user's
collector exactly as it was (``helsefellesskap.gc_pause``, docs/api.md)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helsefellesskap import gc_pause, load_bundle
from helsefellesskap.gc_pause import collection_paused
from helsefellesskap.validate import validate

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "eksempel"


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector's switch and thresholds as the test found them."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        (gc.enable if enabled else gc.disable)()


def test_a_pause_turns_collection_off_and_back_on_even_on_an_error(collector: None) -> None:
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("broken")
    assert gc.isenabled()


def test_a_collector_the_user_switched_off_stays_off(collector: None) -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    load_bundle(EXAMPLE)
    assert not gc.isenabled()


def test_pauses_nest_and_the_outermost_restores(collector: None) -> None:
    gc.enable()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_in_threads_restore_once_the_last_ends(collector: None) -> None:
    gc.enable()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collection_paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(10)
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled(), "the other thread's pause still runs"
    leave.set()
    thread.join(10)
    assert gc.isenabled()


def test_loading_and_validating_run_no_collection_while_they_work(collector: None) -> None:
    gc.enable()
    gc.set_threshold(1, 1, 1)  # without a pause, nearly every allocation collects
    paused: list[int] = []
    runs: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])
            if gc_pause._depth:
                paused.append(info["generation"])

    gc.callbacks.append(note)
    try:
        report = validate(load_bundle(EXAMPLE))
    finally:
        gc.callbacks.remove(note)
    assert report.findings
    assert gc.isenabled()
    assert paused == []
    # only around the pauses (the example's load and validation without them: ~30,000)
    assert len(runs) < 100, len(runs)
