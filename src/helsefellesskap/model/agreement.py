"""The cooperation agreement (*samarbeidsavtale*) between the health trust and the
municipalities, and its service agreements (*tjenesteavtaler*).

The health and care services act (helse- og omsorgstjenesteloven § 6-2) lists the
subjects the agreement must cover; the national frame ships them as
``agreement_subjects`` (``agreement.admission`` …). Each agreement names the subjects it
covers by those ids, so that rule HF901 can tell which subjects no agreement covers, and
HF902 which agreements have gone longer without a revision than the yearly review allows
(``[follow_up] agreement_review_months``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs

from ._base import check_id, check_id_list, non_empty, one_line, plain_date
from ._typed import typed
from .document import Document
from .links import check_url
from .national import AgreementSubject, NationalFrame

__all__ = [
    "CooperationAgreement",
    "ServiceAgreement",
    "current_agreements",
    "months_after",
    "required_subjects",
    "uncovered_subjects",
]


@attrs.frozen(kw_only=True, field_transformer=typed)
class ServiceAgreement:
    """A service agreement (*tjenesteavtale*, *delavtale*) under the overarching one.

    ``number`` is how the agreement is numbered (``"1"``, ``"2a"``); ``subjects`` are ids
    of the national frame's ``agreement_subjects`` it covers; ``parties`` ids of partners
    where they are not those of the overarching agreement; ``revised`` the day of its
    latest revision (``adopted`` counts where it has none).
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=one_line)
    number: str | None = attrs.field(default=None, validator=non_empty)
    adopted: dt.date | None = attrs.field(default=None, validator=plain_date)
    revised: dt.date | None = attrs.field(default=None, validator=plain_date)
    parties: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    subjects: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    summary: str | None = attrs.field(default=None, validator=non_empty)
    url: str | None = attrs.field(default=None, validator=check_url)

    @property
    def last_reviewed(self) -> dt.date | None:
        """The day of its latest revision, or its adoption where it has none."""
        return self.revised or self.adopted


@attrs.frozen(kw_only=True, field_transformer=typed)
class CooperationAgreement(Document):
    """The overarching cooperation agreement (*samarbeidsavtale*) and its service
    agreements.

    ``parties`` are ids of the partners that signed it; ``subjects`` the ids of the
    ``agreement_subjects`` the overarching agreement itself covers; ``preamble`` its
    opening paragraphs. ``replaces`` names the agreement (document id) this one replaces.
    """

    KIND: ClassVar[str] = "cooperation-agreement"
    FOLDER: ClassVar[str] = "agreements"

    adopted: dt.date | None = attrs.field(default=None, validator=plain_date)
    revised: dt.date | None = attrs.field(default=None, validator=plain_date)
    parties: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    preamble: tuple[str, ...] = ()
    subjects: tuple[str, ...] = attrs.field(default=(), validator=check_id_list)
    service_agreements: tuple[ServiceAgreement, ...] = ()
    replaces: str | None = attrs.field(default=None, validator=check_id)
    url: str | None = attrs.field(default=None, validator=check_url)

    @property
    def last_reviewed(self) -> dt.date | None:
        """The day of the overarching agreement's latest revision, or its adoption."""
        return self.revised or self.adopted

    def covering(self, subject: str) -> Iterator[str]:
        """The ids of the agreements that cover ``subject``: the document's own id for the
        overarching agreement, then each service agreement's."""
        if subject in self.subjects:
            yield self.id
        for service in self.service_agreements:
            if subject in service.subjects:
                yield service.id


def months_after(day: dt.date, months: int) -> dt.date:
    """The day ``months`` months after ``day`` (the last day of a shorter month: 31
    January plus one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    import calendar  # for the rules that date an agreement's revision, not to load one

    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def current_agreements(agreements: Sequence[CooperationAgreement]) -> list[CooperationAgreement]:
    """The agreements no other of ``agreements`` replaces."""
    agreements = list(agreements)
    replaced = {a.replaces for a in agreements if a.replaces}
    return [a for a in agreements if a.id not in replaced]


def required_subjects(frame: NationalFrame, on: dt.date) -> list[AgreementSubject]:
    """The subjects the law requires on the day ``on`` (a subject added later, with its
    ``since``, is not yet required before that day)."""
    return [s for s in frame.agreement_subjects if s.since is None or s.since <= on]


def uncovered_subjects(
    agreements: Sequence[CooperationAgreement], frame: NationalFrame, on: dt.date
) -> list[AgreementSubject]:
    """The subjects required on ``on`` that neither the overarching agreement nor any of
    its service agreements covers."""
    covered = {
        subject
        for agreement in agreements
        for subject in (
            *agreement.subjects,
            *(s for service in agreement.service_agreements for s in service.subjects),
        )
    }
    return [s for s in required_subjects(frame, on) if s.id not in covered]
