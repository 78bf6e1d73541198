"""The loaders keep each TOML file's text with the bundle (``io/kept_texts.py``), so a
validation run places its findings without reading the files again; the engine makes
each finding once with its severity, file, line and column. The findings are those of
a bundle whose files are read from disk, of the same files loaded from bytes, and of
the two-step placing, for every bundled partnership."""

from __future__ import annotations

import gc
import io
import zipfile
from pathlib import Path

import attrs
import pytest

from helsefellesskap import default_manager, load_bundle
from helsefellesskap.io import kept_texts, load_bundle_from_files, load_bundle_from_zip
from helsefellesskap.io.installed import load_installed
from helsefellesskap.model import Bundle
from helsefellesskap.validate import validate
from helsefellesskap.validate.finding import Finding
from helsefellesskap.validate.results import placed_findings

from .gc_watch import collector_runs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
TARGETS = ("eksempel", "helgeland", "troms-ofoten")


def _bundle(target: str) -> Bundle:
    if target == "eksempel":
        return load_bundle(EXAMPLE)
    bundle = load_installed(target, default_manager())
    assert isinstance(bundle, Bundle)
    return bundle


def _seen(finding: Finding, root: Path | None) -> tuple[object, ...]:
    file = finding.file
    if file is not None and root is not None and file.is_absolute():
        file = file.relative_to(root)
    return (
        finding.code,
        finding.severity,
        finding.message,
        finding.path,
        finding.document,
        file.as_posix() if file is not None else None,
        finding.suggestion,
        finding.line,
        finding.column,
    )


@pytest.mark.parametrize("target", TARGETS)
def test_the_texts_kept_place_findings_as_the_files_on_disk_do(target: str) -> None:
    manager = default_manager()
    bundle = _bundle(target)
    texts = kept_texts.source_texts(bundle)
    toml = {file for file in bundle.files.values() if file.suffix == ".toml"}
    assert set(texts) == toml
    assert all(texts[file] == file.read_text(encoding="utf-8-sig") for file in toml)
    # a folder's files are kept as bytes: a text with a dash would take twice the memory
    assert all(type(data) is bytes for data in kept_texts._texts[id(bundle)].values())

    report = validate(bundle, manager=manager)
    assert any(f.line is not None for f in report.findings)
    # a copy of the bundle has no texts kept: its files are read from disk
    copy = attrs.evolve(bundle)
    assert kept_texts.source_texts(copy) == {}
    assert validate(copy, manager=manager).findings == report.findings

    # the same files loaded from bytes, and from a zip of them
    assert bundle.root is not None
    files = {file.relative_to(bundle.root).as_posix(): file.read_bytes() for file in toml}
    from_bytes = validate(load_bundle_from_files(files), manager=manager)
    expected = [_seen(f, bundle.root) for f in report.findings]
    assert [_seen(f, None) for f in from_bytes.findings] == expected
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"top/{name}", data)
    from_zip = validate(load_bundle_from_zip(packed.getvalue()), manager=manager)
    assert [_seen(f, None) for f in from_zip.findings] == expected


@pytest.mark.parametrize("target", TARGETS)
def test_findings_made_once_are_those_placed_in_two_steps(target: str) -> None:
    """The engine's one construction per finding (``Finding.settled``) gives what
    placing the same findings without their line and column gives."""
    bundle = _bundle(target)
    report = validate(bundle, manager=default_manager())
    unplaced = [
        attrs.evolve(f, line=None, column=None) if f.file is not None and f.path != "$" else f
        for f in report.findings
    ]
    assert placed_findings(unplaced, bundle) == report.findings
    one = report.findings[0]
    assert one.settled(one.severity, one.file, one.line, one.column) is one


def test_the_texts_go_with_the_bundle() -> None:
    bundle = load_bundle(EXAMPLE)
    key = id(bundle)
    assert kept_texts.source_texts(bundle)
    del bundle
    gc.collect()
    assert key not in kept_texts._texts


@pytest.fixture
def collector() -> object:
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield None
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_loading_from_bytes_and_zips_runs_no_collection_while_it_works(
    collector: None,
) -> None:
    """``load_bundle_from_files`` and ``load_bundle_from_zip`` pause the collector as
    ``load_bundle`` does."""
    files = {
        path.relative_to(EXAMPLE).as_posix(): path.read_bytes() for path in EXAMPLE.rglob("*.toml")
    }
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with collector_runs() as runs:
        from_files = load_bundle_from_files(files)
        from_zip = load_bundle_from_zip(packed.getvalue())
    assert from_files.documents and from_zip.documents
    assert gc.isenabled()
    assert runs.paused == []
    assert len(runs.all) < 100, len(runs.all)
