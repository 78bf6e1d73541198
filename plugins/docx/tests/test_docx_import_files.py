"""Word plans written in other ways than the docx format writes them, made here with
python-docx, imported into a copy of the example partnership."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.table import Table

import helsefellesskap as hf
from helsefellesskap.importing import ImportReport, format_import_report, import_plan
from helsefellesskap.testing import run_cli

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "eksempel"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the example partnership to import into."""
    copy = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, copy)
    return copy


def _import(document: WordDocument, folder: Path) -> tuple[ImportReport, hf.ActionPlan]:
    path = folder.parent / "plan.docx"
    document.save(str(path))
    report = import_plan(path, folder)
    assert report.ok, format_import_report(report)
    plan = hf.load_document(report.written)  # type: ignore[arg-type]
    assert isinstance(plan, hf.ActionPlan)
    return report, plan


def _table(document: WordDocument, rows: list[list[str]]) -> Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def test_nynorsk_header_words_in_another_order_and_a_merged_goal(folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2025", style="Title")
    document.add_heading("Samhandling", level=1)
    document.add_paragraph("Innleiing til satsinga.")
    table = _table(
        document,
        [
            ["Ansvarleg", "Korleis får vi det til?", "Kva vil vi?", "Når"],
            ["UNN og kommunene", "a) Felles kurs", "Betre overgangar", "Hausten 2025"],
            ["SSU", "b) Felles rutinar", "", "1. kvartal 2026"],
            ["Kommunene", "c) Nytt forløp", "Trygg heim", "Innan utgangen av mars 2026"],
        ],
    )
    table.cell(1, 2).merge(table.cell(2, 2))
    report, plan = _import(document, folder)
    (area,) = plan.focus_areas
    assert area.title == "Samhandling" and area.description == ("Innleiing til satsinga.",)
    assert [g.text for g in area.goals] == ["Betre overgangar", "Trygg heim"]
    first, second = area.goals[0].measures
    # UNN is no actor of the example: kept in the note, "kommunene" is
    assert (first.label, first.text, first.responsible) == ("a)", "Felles kurs", ("kommunene",))
    assert first.notes == ("Ansvarlig i kilden: UNN og kommunene",)
    assert [u.text for u in report.unmatched] == ["UNN"]
    assert first.deadline == hf.Deadline.of_phrase("Hausten 2025", dt.date(2025, 12, 31))
    assert second.responsible == ("ssu",)
    assert str(second.deadline.latest) == "2026-03-31"  # type: ignore[union-attr]
    assert str(area.goals[1].measures[0].deadline.latest) == "2026-03-31"  # type: ignore[union-attr]
    assert len([g for g in report.guesses if g.path.endswith(".deadline")]) == 3
    assert len([g for g in report.guesses if g.path.endswith(".responsible")]) == 1


def test_unn_is_not_an_actor_of_the_example_so_it_is_kept_with_a_suggestion(folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2025", style="Title")
    document.add_heading("Samhandling", level=1)
    _table(document, [["Mål", "Tiltak", "Ansvarlig"], ["Betre", "Kurs", "Komunene og SSU"]])
    report, plan = _import(document, folder)
    measure = plan.focus_areas[0].goals[0].measures[0]
    assert measure.responsible == ("ssu",)
    assert measure.notes == ("Ansvarlig i kilden: Komunene og SSU",)
    (unmatched,) = report.unmatched
    assert unmatched.text == "Komunene"
    assert unmatched.path == "$.focus_areas[0].goals[0].measures[0].responsible"
    assert "kommunene" in unmatched.suggestions
    assert "did you mean 'kommunene'" in format_import_report(report)
    text = report.written.read_text("utf-8")  # type: ignore[union-attr]
    assert 'responsible = ["ssu"] # guess:' in text


def test_a_long_table_across_pages_a_blank_row_and_a_footnote(folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2024–2025", style="Title")
    document.add_heading("1 Innledning", level=1)
    document.add_paragraph("Planen gjelder to år.")
    document.add_paragraph("Barn og unge", style="List Bullet")
    document.add_heading("2.1 Personell", level=2)
    header = ["Hva vil vi?", "Hvordan få det til?", "Ansvarlig", "Når"]
    rows = [header]
    for n in range(1, 41):
        rows.append([f"Mål {1 + (n - 1) // 10}", f"Tiltak nummer {n}", "SSU", "2025"])
        if n == 20:
            rows.append(list(header))  # the header repeated on the next page
        if n == 30:
            rows.append(["", "", "", ""])
    _table(document, rows)
    document.add_paragraph("* Finansiert av samhandlingsmidler.")
    report, plan = _import(document, folder)
    (area,) = plan.focus_areas
    assert area.title == "Personell"
    assert [len(g.measures) for g in area.goals] == [10, 10, 10, 10]
    assert [m.text for g in area.goals for m in g.measures] == [
        f"Tiltak nummer {n}" for n in range(1, 41)
    ]
    assert area.description == ("* Finansiert av samhandlingsmidler.",)
    # it stood after the table: moved up, and the report and the file say so
    assert [g.path for g in report.guesses if "description" in g.path] == [
        "$.focus_areas[0].description[0]"
    ]
    assert "# guess: 1 moved up" in report.written.read_text("utf-8")  # type: ignore[union-attr]
    assert report.skipped == (
        "table 1, row 22: the header row repeated",
        "table 1, row 33: blank row",
    )
    assert plan.period.start == 2024 and plan.period.end == 2025
    intro = next(s for s in plan.sections if s.title == "Innledning")
    assert (intro.paragraphs, intro.bullets) == (("Planen gjelder to år.",), ("Barn og unge",))


def test_the_command_writes_the_plan_and_never_overwrites(folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2026", style="Title")
    document.add_heading("Samhandling", level=1)
    _table(document, [["Mål", "Tiltak", "Ansvar", "Når"], ["Betre", "Kurs", "PM", "Løpende"]])
    path = folder.parent / "plan.docx"
    document.save(str(path))
    first = run_cli("import", str(path), "--into", str(folder))
    assert first.code == 0, first.stderr
    assert "wrote" in first.stdout and "check: ok" in first.stdout
    assert "'Løpende' names no time: kept in notes" in first.stdout
    written = folder / "plans" / "handlingsplan-2026.toml"
    before = written.read_bytes()
    again = run_cli("import", str(path), "--into", str(folder), "-o", str(written))
    assert again.code == 2
    assert "exists: the import never overwrites a file" in again.stderr
    assert written.read_bytes() == before


def test_a_file_no_importer_reads_names_the_extensions(folder: Path) -> None:
    path = folder.parent / "plan.odt"
    path.write_bytes(b"")
    result = run_cli("import", str(path), "--into", str(folder))
    assert result.code == 2
    assert "no importer reads .odt; the installed importers read .docx" in result.stderr


def test_a_word_file_with_no_measures_table_still_imports_its_text(folder: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Notat 2025", style="Title")
    document.add_heading("Bakgrunn", level=1)
    document.add_paragraph("Tekst.")
    report, plan = _import(document, folder)
    assert plan.focus_areas == ()
    assert [s.title for s in plan.sections] == ["Bakgrunn"]
    assert report.counts == {"focus areas": 0, "goals": 0, "measures": 0}


def test_a_file_that_is_not_word_is_named_with_what_to_do(folder: Path) -> None:
    path = folder.parent / "plan.docx"
    path.write_bytes(b"{\\rtf1 not a docx}")
    result = run_cli("import", str(path), "--into", str(folder))
    assert result.code == 2
    assert result.stderr.startswith(f"error: {path}: cannot be read as docx: not a Word document")
    assert "must first be saved as .docx" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "plans" / "plan.toml").exists()


def test_a_folder_that_is_not_a_partnership_is_named(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Samhandling", level=1)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    result = run_cli("import", str(path), "--into", str(tmp_path))
    assert result.code == 2
    assert f"{tmp_path} is not a partnership folder: it has no partnership.toml" in result.stderr


def test_a_word_plan_needs_into(tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path / "plan.docx"))
    assert result.code == 2
    assert "name the partnership folder to import into: --into FOLDER" in result.stderr


def test_a_measures_table_before_any_heading_gets_a_title_marked_as_a_guess(
    folder: Path,
) -> None:
    document = docx.Document()
    _table(document, [["Tiltak", "Ansvarlig"], ["Felles kurs", "SSU"]])
    report, plan = _import(document, folder)
    assert plan.title == "plan"  # the file's name: the document has no Title paragraph
    (area,) = plan.focus_areas
    assert area.title == "Tiltak" and area.goals[0].text == "Tiltak"
    assert [g.path for g in report.guesses] == [
        "$.focus_areas[0].title",
        "$.focus_areas[0].goals[0].text",
        "$.period",
    ]


def test_a_plan_written_outside_the_folder_is_refused(folder: Path) -> None:
    document = docx.Document()
    document.add_heading("Samhandling", level=1)
    _table(document, [["Tiltak", "Ansvarlig"], ["Felles kurs", "SSU"]])
    path = folder.parent / "plan.docx"
    document.save(str(path))
    outside = folder.parent / "ny.toml"
    result = run_cli("import", str(path), "--into", str(folder), "-o", str(outside))
    assert result.code == 2
    assert f"{outside} is outside the partnership folder {folder}" in result.stderr
    assert not outside.exists()


def test_a_table_continued_as_a_second_table_on_the_next_page_is_one_focus_area(
    folder: Path,
) -> None:
    document = docx.Document()
    document.add_paragraph("Handlingsplan 2025", style="Title")
    document.add_heading("Samhandling", level=1)
    header = ["Hva vil vi?", "Hvordan få det til?", "Ansvarlig"]
    _table(document, [header, ["Betre", "a) Kurs", "SSU"]])
    document.add_page_break()
    _table(document, [header, ["", "b) Rutiner", "PM"], ["Trygg", "c) Forløp", "SSU"]])
    _report, plan = _import(document, folder)
    (area,) = plan.focus_areas
    assert [(g.text, [m.label for m in g.measures]) for g in area.goals] == [
        ("Betre", ["a)", "b)"]),
        ("Trygg", ["c)"]),
    ]
