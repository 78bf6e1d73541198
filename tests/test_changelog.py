"""The changelog between two revisions: items matched by id, then by text similarity,
words marked, status updates appended, hidden fields, and the rendered document."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import lxml.html
import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.followup.changelog import changelog
from helsefellesskap.followup.revisions import (
    SIMILARITY_THRESHOLD,
    ChangeKind,
    diff,
    similarity,
    word_changes,
)
from helsefellesskap.io import load_document
from helsefellesskap.outline import Emphasis, build_outline
from helsefellesskap.outline.changelog import marked_text, short_title
from helsefellesskap.render import make_context, render

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = "plans/handlingsplan-2024-2025.toml"


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager()


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


def revisions(tmp_path: Path, *replacements: tuple[str, str]) -> tuple[Path, Path]:
    """The example's plan as it is (old) and with ``replacements`` (new)."""
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    old = tmp_path / "old.toml"
    shutil.copy(root / PLAN, old)
    edit(root / PLAN, *replacements)
    return old, root / PLAN


RENAMED = (
    ('id = "hospitering"', 'id = "hospitering-2025"'),
    (
        'text = "Etablere hospiteringsordning mellom tjenestenivåene"',
        'text = "Etablere hospiteringsordninger mellom tjenestenivåene"',
    ),
)


def test_a_renamed_measure_with_one_word_edited_is_one_changed_measure(tmp_path: Path) -> None:
    old_path, new_path = revisions(tmp_path, *RENAMED)
    old, new = load_document(old_path), load_document(new_path)
    changes = diff(old, new).changes
    assert [(c.kind, c.item_type, c.item, c.field) for c in changes] == [
        (ChangeKind.CHANGED, "measure", "hospitering-2025", "id"),
        (ChangeKind.CHANGED, "measure", "hospitering-2025", "text"),
    ]
    assert changes[0].old == "hospitering" and changes[0].new == "hospitering-2025"
    assert changes[0].score is not None and SIMILARITY_THRESHOLD <= changes[0].score < 1
    # by id only, the same edit is a removal and an addition
    by_id = diff(old, new, threshold=None).changes
    assert {c.kind for c in by_id} == {ChangeKind.ADDED, ChangeKind.REMOVED}


def test_the_changelog_marks_the_one_word_in_every_format(
    tmp_path: Path, manager: PluginManager
) -> None:
    old_path, new_path = revisions(tmp_path, *RENAMED)
    bundle = load_bundle(new_path.parents[1])
    log = changelog(load_document(old_path), load_document(new_path))
    outline = build_outline(log, make_context(bundle, "nb", manager))
    sections = [b for b in outline.walk() if getattr(b, "role", None) == "change-changed"]
    assert len(sections) == 1, "one changed measure, not a removal and an addition"
    assert not [b for b in outline.walk() if getattr(b, "role", "") in ("added", "removed")]
    markdown = render(log, "md", bundle=bundle, manager=manager).decode()
    assert "Endret: tiltak «a) Etablere hospiteringsordninger mellom tjenestenivåene»" in markdown
    assert "Etablere ~~hospiteringsordning~~ **hospiteringsordninger** mellom" in markdown
    assert "funnet ved tekstlikhet, 9" in markdown
    page = lxml.html.fromstring(render(log, "html", bundle=bundle, manager=manager))
    assert "hospiteringsordninger" in [e.text_content() for e in page.iter("strong")]
    assert "hospiteringsordning" in [e.text_content() for e in page.iter("em")]
    assert [e.text_content() for e in page.iter("ins")][-1] == "hospiteringsordninger"
    assert [e.text_content() for e in page.iter("del")][-1] == "hospiteringsordning"
    word = docx.Document(io.BytesIO(render(log, "docx", bundle=bundle, manager=manager)))
    marked = {
        (run.text, bool(run.bold), bool(run.italic), bool(run.font.strike))
        for paragraph in word.paragraphs
        for run in paragraph.runs
    }
    assert ("hospiteringsordninger", True, False, False) in marked
    assert ("hospiteringsordning", False, True, True) in marked


def test_word_changes_mark_words_not_the_spaces_around_them() -> None:
    assert word_changes("Felles fagdager innen rus", "Felles kurs innen psykisk helse og rus") == (
        ("equal", "Felles "),
        ("delete", "fagdager"),
        ("insert", "kurs"),
        ("equal", " innen "),
        ("insert", "psykisk helse og"),
        ("equal", " rus"),
    )
    assert word_changes("same", "same") == (("equal", "same"),)
    assert word_changes("Erklæringen 2021-2023", "Erklæringen 2024-2027") == (
        ("equal", "Erklæringen "),
        ("delete", "2021-2023"),
        ("insert", "2024-2027"),
    )
    assert word_changes("Erklæringen 2021-2023", "Erklæringen 2024-2027") == (
        ("equal", "Erklæringen "),
        ("delete", "2021-2023"),
        ("insert", "2024-2027"),
    )
    # a passage rewritten is one deletion and one insertion, not words and spaces alternating
    assert word_changes("en basert på behov her", "en for best mulig her") == (
        ("equal", "en "),
        ("delete", "basert på behov"),
        ("insert", "for best mulig"),
        ("equal", " her"),
    )
    runs = marked_text("a b", "a c")
    assert [type(r).__name__ for r in runs] == ["Text", "Emphasis", "Text", "Emphasis"]
    assert [r.role for r in runs if isinstance(r, Emphasis)] == ["delete", "insert"]


def test_similarity_threshold_keeps_different_measures_apart() -> None:
    assert similarity("Etablere hospiteringsordning", "Etablere hospiteringsordninger") > 0.9
    assert similarity("Felles fagdager innen psykisk helse", "Støtte digital hjemmeoppfølging") < (
        SIMILARITY_THRESHOLD
    )


def test_a_measure_moved_to_another_goal_is_moved(tmp_path: Path) -> None:
    old_path, new_path = revisions(tmp_path)
    text = new_path.read_text("utf-8")
    block = text[text.index('[[focus_areas.goals.measures]]\nid = "fagdager"') :]
    block = block[: block.index("[[focus_areas.goals]]")]
    text = text.replace(block, "")
    text = text.replace(
        '[[focus_areas.goals.measures]]\nid = "dho"',
        block + '[[focus_areas.goals.measures]]\nid = "dho"',
    )
    new_path.write_text(text, "utf-8")
    changes = diff(load_document(old_path), load_document(new_path)).changes
    assert [(c.kind, c.item, c.old, c.new) for c in changes] == [
        (ChangeKind.MOVED, "fagdager", "personsentrert", "digital")
    ]


def test_an_appended_status_update_is_one_new_update(tmp_path: Path) -> None:
    update = '\n[[focus_areas.goals.measures.updates]]\ndate = 2025-11-01\nstatus = "started"\n'
    _, new_path = revisions(
        tmp_path,
        # after the example's own update of hospitering (2025-10-20)
        ('reported_by = "fjordvik-hf"\n', 'reported_by = "fjordvik-hf"\n' + update),
    )
    twice = tmp_path / "twice.toml"
    twice.write_text(
        new_path.read_text("utf-8").replace(
            update,
            update + update.replace("2025-11-01", "2025-12-01").replace("started", "done"),
        ),
        "utf-8",
    )
    changes = diff(load_document(new_path), load_document(twice)).changes
    assert [(c.kind, c.item_type, c.item, c.field) for c in changes] == [
        (ChangeKind.ADDED, "status-update", "hospitering", "updates")
    ]
    assert changes[0].path.endswith(".measures[0].updates[2]")
    assert changes[0].new["status"] == "done"
    bundle = load_bundle(EXAMPLE)
    log = changelog(load_document(new_path), load_document(twice))
    markdown = render(log, "md", bundle=bundle).decode()
    assert "Ny statusoppdatering: **01.12.2025 – Gjennomført**" in markdown
    assert "01.03.2024" not in markdown


def test_notes_and_source_are_hidden_unless_asked_for(tmp_path: Path) -> None:
    old_path, new_path = revisions(
        tmp_path,
        (
            'id = "handlingsplan-2024-2025"\n',
            'id = "handlingsplan-2024-2025"\nnotes = ["En merknad"]\n',
        ),
    )
    old, new = load_document(old_path), load_document(new_path)
    assert diff(old, new, all_fields=False).changes == ()
    assert [c.field for c in diff(old, new).changes] == ["notes"]
    assert changelog(old, new).changes.changes == ()
    assert [c.field for c in changelog(old, new, all_fields=True).changes.changes] == ["notes"]


def test_the_title_leaves_out_the_words_both_titles_begin_with() -> None:
    assert short_title("Handlingsplan 2023", "Handlingsplan 2025–2026") == "2025–2026"
    assert short_title("Plan A", "Annen plan") == "Annen plan"
    assert short_title("Plan", "Plan") == "Plan"


def test_the_changelog_between_the_ishavserklaeringer(manager: PluginManager) -> None:
    bundle = manager.load_partnership("troms-ofoten")
    new = bundle.document("ishavserklaeringen-2024-2027")
    assert new is not None and new.replaces == "ishavserklaeringen-2021-2023"
    old = bundle.document(new.replaces)
    assert old is not None
    markdown = render(changelog(old, new), "md", bundle=bundle, manager=manager).decode()
    assert markdown.startswith("# Endringer fra Ishavserklæringen 2021-2023 til 2024-2027\n")
    assert "Lagt til: satsing «TETTERE SAMARBEID OM SIKKERHET OG BEREDSKAP»" in markdown
    assert "Kilde" not in markdown and "source" not in markdown
    assert "- **Erstatter:** ~~ingen~~ → **Ishavserklæringen 2021-2023**" in markdown
