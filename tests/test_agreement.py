"""The cooperation agreement (samarbeidsavtale) as a document type: loading, its outline
and coverage table, and rules HF901-HF903 on invented data with each kind of gap."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helsefellesskap import PluginManager, load_bundle
from helsefellesskap.errors import DataError
from helsefellesskap.io import load_document
from helsefellesskap.model import DOCUMENT_TYPES, CooperationAgreement
from helsefellesskap.model.agreement import months_after, required_subjects, uncovered_subjects
from helsefellesskap.national import national_frame
from helsefellesskap.outline import Table as OutlineTable
from helsefellesskap.outline import build_outline, inline_text
from helsefellesskap.render import make_context, render
from helsefellesskap.validate import validate
from helsefellesskap.validate.rules.agreements import overdue_agreements

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "eksempel"
AGREEMENT = "agreements/samarbeidsavtale-2024.toml"
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager()


def copy(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    root = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, root)
    path = root / AGREEMENT
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return root


def findings(root: Path, manager: PluginManager) -> list[tuple[str, str, str, str]]:
    rules = [manager.rules()[code] for code in ("HF901", "HF902", "HF903")]
    report = validate(load_bundle(root), manager=manager, rules=rules)
    return [(f.code, f.document or "", f.path, f.message) for f in report.findings]


def recent(days: int = 30) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def test_the_agreement_is_a_core_document_type_in_its_folder() -> None:
    assert CooperationAgreement in DOCUMENT_TYPES
    assert (CooperationAgreement.KIND, CooperationAgreement.FOLDER) == (
        "cooperation-agreement",
        "agreements",
    )
    agreement = load_document(EXAMPLE / AGREEMENT)
    assert isinstance(agreement, CooperationAgreement)
    assert len(agreement.service_agreements) == 12
    assert list(agreement.covering("agreement.joint-planning")) == ["samarbeidsavtale-2024"]
    assert list(agreement.covering("agreement.midwifery")) == ["jordmor"]


def test_the_example_covers_every_subject_the_law_requires() -> None:
    agreement = load_document(EXAMPLE / AGREEMENT)
    assert isinstance(agreement, CooperationAgreement)
    frame = national_frame()
    assert len(required_subjects(frame, dt.date(2024, 1, 1))) == 13
    assert uncovered_subjects([agreement], frame, dt.date(2024, 1, 1)) == []


def test_the_coverage_table_is_subjects_by_agreements(manager: PluginManager) -> None:
    bundle = load_bundle(EXAMPLE)
    agreement = bundle.document("samarbeidsavtale-2024")
    assert agreement is not None
    outline = build_outline(agreement, make_context(bundle, "nb", manager))
    (table,) = [
        b for b in outline.walk() if isinstance(b, OutlineTable) and b.role == "agreement-coverage"
    ]
    header = [inline_text(c.blocks[0].runs) for c in table.header[0].cells]  # type: ignore[union-attr]
    assert header[:3] == ["Tema", "Hovedavtalen", "1"] and len(header) == 14
    rows = list(table.rows())
    assert [dict(r.data)["subject"] for r in rows] == [
        s.id for s in national_frame().agreement_subjects
    ]
    midwifery = next(r for r in rows if dict(r.data)["subject"] == "agreement.midwifery")
    marks = [bool(c.blocks) for c in midwifery.cells[1:]]
    assert marks == [False] * 8 + [True] + [False] * 4
    markdown = render(agreement, "md", bundle=bundle, manager=manager).decode()
    assert "## Lovpålagte tema (helse- og omsorgstjenesteloven § 6-2)" in markdown
    assert "Alle lovpålagte tema er dekket av en avtale." in markdown


def test_an_uncovered_subject_is_reported_and_rendered(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = copy(
        tmp_path,
        ('subjects = ["agreement.midwifery"]\n', ""),
        ("revised = 2026-02-10\nparties", f"revised = {recent()}\nparties"),
    )
    found = [f for f in findings(root, manager) if f[0] == "HF901"]
    assert found == [
        (
            "HF901",
            "samarbeidsavtale-2024",
            "$.subjects",
            'no agreement covers "agreement.midwifery" (Cooperation on midwifery services)',
        )
    ]
    bundle = load_bundle(root)
    agreement = bundle.document("samarbeidsavtale-2024")
    assert agreement is not None
    markdown = render(agreement, "md", bundle=bundle, manager=manager).decode()
    assert "### Tema som ingen avtale dekker\n\n- Samarbeid om jordmortjenester" in markdown


def test_an_agreement_past_its_yearly_review_is_reported(
    tmp_path: Path, manager: PluginManager
) -> None:
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    root = copy(tmp_path, ("revised = 2026-02-10\nparties", f"revised = {old}\nparties"))
    due = months_after(dt.date.fromisoformat(old), 12).isoformat()
    hits = [f for f in findings(root, manager) if f[0] == "HF902" and f[2] == "$"]
    assert hits == [
        (
            "HF902",
            "samarbeidsavtale-2024",
            "$",
            f'"Samarbeidsavtale mellom Fjordvik HF og kommunene Fjordvik, Nordnes og Sørvåg" '
            f"was last revised {old}: its review was due {due} (12 months later)",
        )
    ]


def test_a_service_agreement_without_a_date_is_reported(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = copy(tmp_path, ("adopted = 2024-06-12\nrevised = 2026-04-22\n", ""))
    hits = [f for f in findings(root, manager) if f[0] == "HF902" and "[11]" in f[2]]
    assert hits == [
        (
            "HF902",
            "samarbeidsavtale-2024",
            "$.service_agreements[11]",
            '"Tjenester til barn og unge med sammensatte behov" gives no day it was adopted '
            "or revised",
        )
    ]


def test_the_review_interval_is_a_partnership_setting(
    tmp_path: Path, manager: PluginManager
) -> None:
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    root = copy(tmp_path, ("revised = 2026-02-10\nparties", f"revised = {old}\nparties"))
    partnership = root / "partnership.toml"
    partnership.write_text(
        partnership.read_text("utf-8") + "\n[follow_up]\nagreement_review_months = 24\n", "utf-8"
    )
    assert not [f for f in findings(root, manager) if f[0] == "HF902" and f[2] == "$"]


def test_overdue_agreements_checks_against_a_given_day() -> None:
    agreement = load_document(EXAMPLE / AGREEMENT)
    assert isinstance(agreement, CooperationAgreement)
    assert overdue_agreements(agreement, on=dt.date(2026, 5, 1)) == []
    late = overdue_agreements(agreement, on=dt.date(2027, 2, 11))
    assert [(o.path, o.due) for o in late] == [
        ("$", dt.date(2027, 2, 10)),
        *((f"$.service_agreements[{n}]", dt.date(2027, 2, 10)) for n in range(4)),
    ]
    assert len(overdue_agreements(agreement, on=dt.date(2027, 2, 11), months=18)) == 0


def test_unknown_subjects_and_parties_are_errors_with_a_suggestion(
    tmp_path: Path, manager: PluginManager
) -> None:
    root = copy(
        tmp_path,
        ('subjects = ["agreement.ict"]', 'subjects = ["agreement.ikt"]\nparties = ["nordness"]'),
        ("revised = 2026-02-10\nparties", f"revised = {recent()}\nparties"),
    )
    report = validate(load_bundle(root), manager=manager, rules=[manager.rules()["HF903"]])
    assert [(f.path, f.message, f.suggestion) for f in report.findings] == [
        (
            "$.service_agreements[8].parties[0]",
            '"nordness" is not a partner of the partnership',
            "nordnes",
        ),
        (
            "$.service_agreements[8].subjects[0]",
            '"agreement.ikt" is not one of the subjects § 6-2 lists',
            "agreement.ict",
        ),
    ]


def test_a_replaced_agreement_does_not_count(tmp_path: Path, manager: PluginManager) -> None:
    root = copy(tmp_path, ("revised = 2026-02-10\nparties", f"revised = {recent()}\nparties"))
    old = root / "agreements" / "samarbeidsavtale-2019.toml"
    old.write_text(
        'kind = "cooperation-agreement"\nid = "samarbeidsavtale-2019"\n'
        'title = "Samarbeidsavtale 2019"\nadopted = 2019-01-01\n',
        "utf-8",
    )
    path = root / AGREEMENT
    path.write_text(
        path.read_text("utf-8").replace(
            "adopted = 2024-01-15\n",
            'adopted = 2024-01-15\nreplaces = "samarbeidsavtale-2019"\n',
            1,
        ),
        "utf-8",
    )
    assert not [f for f in findings(root, manager) if f[1] == "samarbeidsavtale-2019"]


def test_a_partnership_without_an_agreement_gets_no_agreement_findings(
    manager: PluginManager,
) -> None:
    for name in ("troms-ofoten", "helgeland"):
        bundle = manager.load_partnership(name)
        assert not list(bundle.documents_of(CooperationAgreement)), (
            f"{name}: its sources give no facts of an agreement (number, title, dates, "
            "subjects), so it records none"
        )
        report = validate(
            bundle, manager=manager, rules=[manager.rules()[c] for c in ("HF901", "HF902")]
        )
        assert report.findings == ()


def test_a_subject_added_by_law_later_is_not_required_before(tmp_path: Path) -> None:
    frame = national_frame()
    assert len(required_subjects(frame, dt.date(2022, 7, 31))) == 11
    assert len(required_subjects(frame, dt.date(2022, 8, 1))) == 13


def test_months_after_keeps_to_the_month() -> None:
    assert months_after(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert months_after(dt.date(2024, 11, 15), 12) == dt.date(2025, 11, 15)
    assert months_after(dt.date(2024, 12, 1), 1) == dt.date(2025, 1, 1)


def test_a_subject_that_is_not_a_list_is_named(tmp_path: Path) -> None:
    root = copy(tmp_path, ('subjects = ["agreement.joint-planning"]', 'subjects = "x"'))
    with pytest.raises(DataError) as raised:
        load_document(root / AGREEMENT)
    assert "$.subjects" in str(raised.value)
