"""Rebuilding the site (what ``serve`` does on a save): only what changed is written, a
document that is gone takes its files along, and the data's problems (a file that does
not load, a validation finding) are published with their file and path for the page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import helsefellesskap
from helsefellesskap.cli import main
from helsefellesskap.plugins import default_manager
from helsefellesskap.site import SiteBuilder
from helsefellesskap.site.live import LiveSite

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_a_second_build_writes_nothing_and_a_removed_document_leaves(
    folder: Path, tmp_path: Path
) -> None:
    manager = default_manager()
    out = tmp_path / "site"
    builder = SiteBuilder(out, languages=["nb"], formats=["md"], manager=manager)
    first = builder.build([helsefellesskap.load_bundle(folder)])
    assert first.failures == () and first.written
    decisions = out / "nb" / "eksempel" / "vedtak-2024-2025.html"
    assert decisions.is_file()

    again = builder.build([helsefellesskap.load_bundle(folder)])
    assert again.written == () and again.removed == ()

    (folder / "decisions" / "vedtak-2024-2025.toml").unlink()
    after = builder.build([helsefellesskap.load_bundle(folder)])
    assert sorted(p.name for p in after.removed) == ["vedtak-2024-2025.html", "vedtak-2024-2025.md"]
    assert not decisions.exists()
    assert "vedtak-2024-2025" not in (out / "nb" / "eksempel" / "index.html").read_text()
    assert "vedtak-2024-2025" not in (out / "assets" / "search-index.nb.js").read_text()


def _status(out: Path) -> dict[str, object]:
    return dict(json.loads((out / "_live" / "status.json").read_text(encoding="utf-8")))


def test_a_validation_finding_is_published_with_its_file_and_path(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    live = LiveSite([str(folder)], out, manager=default_manager(), formats=["md"], languages=["nb"])
    assert live.build() == []
    assert _status(out) == {"version": 1, "title": "Dataene har feil", "problems": []}

    plan = folder / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('responsible = ["fsu-bu"]', 'responsible = ["fsu-bx"]', 1))
    assert live.changed_targets([plan]) == [str(folder)]
    assert live.changed_targets([tmp_path / "elsewhere.toml"]) == []
    problems = live.build(live.changed_targets([plan]))
    found = [p for p in problems if "fsu-bx" in p.message]
    assert found, problems
    assert found[0].file == str(plan)
    assert found[0].path.startswith("$.focus_areas[") and found[0].path.endswith(".responsible[0]")
    assert found[0].severity == "error"
    status = _status(out)
    assert status["version"] == 2
    assert {"file": str(plan), "path": found[0].path}.items() <= status["problems"][0].items()  # type: ignore[index]


def test_a_partnership_that_no_longer_loads_keeps_its_last_pages(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    live = LiveSite([str(folder)], out, manager=default_manager(), formats=["md"], languages=["nb"])
    live.build()
    (folder / "partnership.toml").write_text('kind = "partnership"\nid = ', encoding="utf-8")
    problems = live.build()
    assert len(problems) == 1
    assert problems[0].file == str(folder / "partnership.toml")
    assert (out / "nb" / "eksempel" / "handlingsplan-2024-2025.html").is_file()
    assert "eksempel" in (out / "nb" / "index.html").read_text(encoding="utf-8")


def test_site_without_targets_is_every_installed_partnership(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert main(["site", "-o", str(out), "-f", "md", "-l", "nb"]) == 0
    installed = sorted(default_manager().partnerships())
    assert {"troms-ofoten", "helgeland"} <= set(installed)
    for pid in installed:
        assert (out / "nb" / pid / "index.html").is_file(), pid
    assert "skrev nettstedet for" in capsys.readouterr().out  # -l nb: messages too
