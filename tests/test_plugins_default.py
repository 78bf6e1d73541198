"""The shared default plugin manager: built once, shared between threads, reset on request."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import helsefellesskap
from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.plugins import default as default_module
from helsefellesskap.plugins import default_manager, reset_default_manager
from helsefellesskap.render import render
from helsefellesskap.validate import validate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[PluginManager]:
    """Every manager the default builds from now on (a fresh start, counted)."""
    built: list[PluginManager] = []

    class Counted(PluginManager):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)  # type: ignore[arg-type]
            built.append(self)

    reset_default_manager()
    monkeypatch.setattr(default_module, "PluginManager", Counted)
    yield built
    reset_default_manager()


def test_the_second_call_does_not_rebuild(builds: list[PluginManager]) -> None:
    first = default_manager()
    second = default_manager()
    assert first is second
    assert len(builds) == 1
    assert helsefellesskap.default_manager() is first


def test_reset_builds_a_new_one(builds: list[PluginManager]) -> None:
    first = default_manager()
    reset_default_manager()
    second = default_manager()
    assert first is not second
    assert len(builds) == 2


def test_threads_asking_at_once_share_one_build(builds: list[PluginManager]) -> None:
    start = threading.Barrier(8)
    got: list[PluginManager] = []

    def ask() -> None:
        start.wait()
        got.append(default_manager())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(got) == 8 and all(m is builds[0] for m in got)


def test_a_changed_path_rebuilds(builds: list[PluginManager], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    first = default_manager()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert default_manager() is not first
    assert len(builds) == 2


def test_render_and_validate_without_a_manager_use_the_default(
    builds: list[PluginManager],
) -> None:
    bundle = load_bundle(EXAMPLE)
    document = bundle.documents[0]
    first = render(document, "md", bundle=bundle)
    validate(bundle)
    assert render(document, "md", bundle=bundle) == first
    validate(bundle)
    assert len(builds) == 1
    assert render(document, "md", bundle=bundle, manager=PluginManager()) == first
