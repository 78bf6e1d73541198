"""HF9xx: the cooperation agreement (samarbeidsavtale) and its service agreements,
checked against § 6-2 of the health and care services act and the yearly review.

The rules apply to a partnership that keeps a cooperation agreement (``agreements/``);
one that records none gets no findings from them. An agreement another one ``replaces``
is history: only the current ones count for coverage and review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from ...messages import message
from ...model import CooperationAgreement, Severity
from ...model.agreement import current_agreements, months_after, uncovered_subjects
from ..context import ValidationContext, suggest
from ._define import Hit, rule

__all__ = ["AGREEMENT_RULES", "Overdue", "overdue_agreements"]


@attrs.frozen(kw_only=True)
class Overdue:
    """An agreement past its review: where it is (``path`` in its document), its title,
    the day it was last adopted or revised (``None``: the file gives neither) and the
    day its review was due."""

    document: str
    path: str
    title: str
    last: dt.date | None
    due: dt.date | None


def overdue_agreements(
    agreement: CooperationAgreement, *, on: dt.date, months: int = 12
) -> list[Overdue]:
    """The overarching agreement and the service agreements of ``agreement`` whose
    latest revision (or adoption) is more than ``months`` months before ``on``, or that
    give no date at all."""
    found: list[Overdue] = []
    items = [("$", agreement.title, agreement.last_reviewed)] + [
        (f"$.service_agreements[{n}]", service.title, service.last_reviewed)
        for n, service in enumerate(agreement.service_agreements)
    ]
    for path, title, last in items:
        due = months_after(last, months) if last is not None else None
        if due is None or due < on:
            found.append(Overdue(document=agreement.id, path=path, title=title, last=last, due=due))
    return found


def _agreements(context: ValidationContext) -> list[CooperationAgreement]:
    return current_agreements(list(context.bundle.documents_of(CooperationAgreement)))


@rule("HF901", Severity.WARNING)
def subjects_covered(context: ValidationContext) -> Iterator[Hit]:
    """A required subject that no current agreement covers."""
    agreements = _agreements(context)
    if not agreements:
        return
    for subject in uncovered_subjects(agreements, context.national, dt.date.today()):
        yield Hit(
            agreements[0].id,
            "$.subjects",
            message("findings.subject_uncovered", subject=subject.id, text=subject.text),
        )


@rule("HF902", Severity.WARNING)
def agreements_reviewed(context: ValidationContext) -> Iterator[Hit]:
    """An agreement not revised within ``agreement_review_months``."""
    months = context.partnership.follow_up.agreement_review_months
    today = dt.date.today()
    for agreement in _agreements(context):
        for late in overdue_agreements(agreement, on=today, months=months):
            if late.last is None or late.due is None:
                text = message("findings.agreement_undated", title=late.title)
            else:
                text = message(
                    "findings.agreement_overdue",
                    title=late.title,
                    last=late.last.isoformat(),
                    due=late.due.isoformat(),
                    months=months,
                )
            yield Hit(late.document, late.path, text)


@rule("HF903", Severity.ERROR)
def agreement_references(context: ValidationContext) -> Iterator[Hit]:
    """A subject or party id that does not resolve."""
    subjects = [s.id for s in context.national.agreement_subjects]
    known = set(subjects)
    partners = context.partners
    for agreement in context.bundle.documents_of(CooperationAgreement):
        places = [("$", agreement.subjects, agreement.parties)] + [
            (f"$.service_agreements[{n}]", s.subjects, s.parties)
            for n, s in enumerate(agreement.service_agreements)
        ]
        for path, ids, parties in places:
            for m, subject in enumerate(ids):
                if subject not in known:
                    yield Hit(
                        agreement.id,
                        f"{path}.subjects[{m}]",
                        message("findings.not_a_subject", subject=subject),
                        suggest(subject, subjects),
                    )
            for m, party in enumerate(parties):
                if party not in partners:
                    yield Hit(
                        agreement.id,
                        f"{path}.parties[{m}]",
                        message("findings.party_not_partner", party=party),
                        suggest(party, partners),
                    )


AGREEMENT_RULES = (subjects_covered, agreements_reviewed, agreement_references)
"""The HF9xx rules."""
