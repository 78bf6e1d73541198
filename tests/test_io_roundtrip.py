"""Load → save → load gives an equal model, for every document type, in TOML and JSON."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helsefellesskap import Partnership, dumps_json, dumps_toml, load_bundle, load_document, save
from helsefellesskap.io import loads_json, parse_toml, save_bundle, structure, structure_document
from helsefellesskap.model import DOCUMENT_TYPES, Document

from .strategies import SPECIAL, models

ROUND_TRIPS = 2000 if os.environ.get("CI") == "true" else settings().max_examples
"""Examples per document type: at least 2,000 in CI (issue 12 §7), the profile's locally."""


def _toml_roundtrip(item: Document) -> Document:
    return structure_document(parse_toml(dumps_toml(item)))


@pytest.mark.parametrize("cls", DOCUMENT_TYPES, ids=lambda c: c.KIND)
def test_every_document_type_roundtrips_through_toml_and_json(cls: type[Document]) -> None:
    @settings(max_examples=ROUND_TRIPS)
    @given(models(cls))
    def check(document: Document) -> None:
        assert _toml_roundtrip(document) == document
        assert loads_json(dumps_json(document)) == document

    check()


@settings(max_examples=ROUND_TRIPS)
@given(models(Partnership))
def test_partnership_roundtrips_through_toml_and_json(partnership: Partnership) -> None:
    assert structure(parse_toml(dumps_toml(partnership)), Partnership) == partnership
    assert loads_json(dumps_json(partnership), Partnership) == partnership


def test_example_partnership_roundtrips_through_a_folder(
    example_folder: Path, tmp_path: Path
) -> None:
    bundle = load_bundle(example_folder)
    written = save_bundle(bundle, tmp_path / "copy")
    again = load_bundle(tmp_path / "copy")
    assert again.partnership == bundle.partnership
    assert sorted(again.documents, key=lambda d: d.id) == sorted(
        bundle.documents, key=lambda d: d.id
    )
    assert len(written) == 1 + len(bundle.documents)


def test_unicode_survives_a_file_roundtrip(tmp_path: Path) -> None:
    from helsefellesskap import Commitment, Declaration, MainGoal, Period

    declaration = Declaration(
        id="d",
        title="Ishavserklæringen – " + " ".join(s for s in SPECIAL if "\n" not in s),
        preamble=tuple(SPECIAL),
        period=Period(start=2024, end=2027),
        commitments=(
            Commitment(
                id="c",
                title="Davvi-Norgga universitehtabuohcceviessu",
                main_goals=(MainGoal(id="g", text="áčđŋšŧž ÆØÅ æøå"),),
            ),
        ),
    )
    path = save(declaration, tmp_path / "d.toml")
    assert load_document(path) == declaration
    assert "áčđŋšŧž" in path.read_text("utf-8")


def test_save_never_replaces_a_file_unless_asked(tmp_path: Path, example_folder: Path) -> None:
    document = load_document(example_folder / "funding" / "midler-2025.toml")
    target = tmp_path / "f.toml"
    target.write_text("original", "utf-8")
    with pytest.raises(FileExistsError):
        save(document, target)
    assert target.read_text("utf-8") == "original"
    save(document, target, overwrite=True)
    assert load_document(target) == document


def test_save_as_json_by_suffix(tmp_path: Path, example_folder: Path) -> None:
    document = load_document(example_folder / "plans" / "handlingsplan-2024-2025.toml")
    path = save(document, tmp_path / "plan.json")
    assert loads_json(path.read_text("utf-8")) == document


@given(st.sampled_from(DOCUMENT_TYPES).flatmap(models))
def test_kind_tag_comes_first_in_toml(document: Document) -> None:
    assert dumps_toml(document).startswith(f'kind = "{document.KIND}"')


def test_written_files_get_ordinary_permissions(tmp_path: Path, example_folder: Path) -> None:
    import os

    document = load_document(example_folder / "funding" / "midler-2025.toml")
    umask = os.umask(0o022)
    try:
        path = save(document, tmp_path / "new.toml")
        assert path.stat().st_mode & 0o777 == 0o644
        os.chmod(path, 0o600)
        save(document, path, overwrite=True)
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_save_refuses_a_folder_and_an_unknown_suffix(tmp_path: Path, example_folder: Path) -> None:
    from helsefellesskap import OutputExistsError, UsageError

    document = load_document(example_folder / "funding" / "midler-2025.toml")
    with pytest.raises(UsageError, match="is a folder"):
        save(document, tmp_path, overwrite=True)
    with pytest.raises(UsageError, match=r"ending in \.toml or \.json"):
        save(document, tmp_path / "plan.txt")
    save(document, str(tmp_path / "plan.toml"))
    with pytest.raises(OutputExistsError):
        save(document, tmp_path / "plan.toml")
