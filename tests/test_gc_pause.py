"""Loading, validating and rendering pause automatic garbage collection and leave the user's
collector exactly as it was (``helsefellesskap.gc_pause``, docs/api.md)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helsefellesskap import ActionPlan, PluginManager, RenderError, gc_pause, hookimpl, load_bundle
from helsefellesskap.gc_pause import collection_paused
from helsefellesskap.render.format import Renderable, RenderContext, RenderFormat
from helsefellesskap.validate import validate

from .gc_watch import collector_runs

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
    with collector_runs() as runs:
        report = validate(load_bundle(EXAMPLE))
    assert report.findings
    assert gc.isenabled()
    assert runs.paused == []
    # only around the pauses (the example's load and validation without them: ~30,000)
    assert len(runs.all) < 100, len(runs.all)


@pytest.mark.parametrize("format", ["md", "html", "json"])
def test_rendering_runs_no_collection_while_the_format_writes(collector: None, format: str) -> None:
    from helsefellesskap.render import render

    bundle = load_bundle(EXAMPLE)
    document = bundle.documents[0]
    render(document, format, bundle=bundle)  # the first render builds and keeps the context
    with collector_runs() as runs:
        output = render(document, format, bundle=bundle)
    assert output
    assert gc.isenabled()
    assert runs.paused == []
    assert gc_pause._depth == 0


class _Failing:
    """A format whose writing fails halfway, inside the pause."""

    @hookimpl
    def hf_render_formats(self) -> list[RenderFormat]:
        class Broken(RenderFormat):
            name = "broken-halfway"
            extension = ".txt"
            media_type = "text/plain"
            renders = (ActionPlan,)

            def render(self, item: Renderable, context: RenderContext) -> bytes:
                assert gc_pause._depth == 1  # the pause is on while the format writes
                raise ValueError("halfway")

        return [Broken()]


def test_rendering_restores_the_collector_when_the_format_fails(collector: None) -> None:
    from helsefellesskap.plugins import DEFAULT_PLUGINS
    from helsefellesskap.render import render

    manager = PluginManager(plugins=(*DEFAULT_PLUGINS, _Failing()), entry_points=False)
    bundle = load_bundle(EXAMPLE)
    plan = bundle.document("handlingsplan-2024-2025")
    assert plan is not None
    gc.enable()
    with pytest.raises(RenderError, match="broken-halfway"):
        render(plan, "broken-halfway", bundle=bundle, manager=manager)
    assert gc.isenabled()
    assert gc_pause._depth == 0
