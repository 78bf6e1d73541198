"""The domain model: typed, frozen attrs classes, one module per concept."""

from __future__ import annotations

from ._base import ID_PATTERN, slugify
from .agreement import CooperationAgreement, ServiceAgreement
from .annual_report import AnnualReport, MeasureFollowUp, MeetingCount, StructureCount
from .body import Body, BodyStatus, Chair, DecisionRule, Mandate, Right, Seat, StatusChange, Term
from .bundle import Bundle
from .consultation import ConsultationResponse, Question
from .deadline import Deadline, DeadlineKind, Period
from .decision import Decision, DecisionLog
from .declaration import Commitment, Declaration, MainGoal
from .document import Document
from .funding import Application, FundingRound
from .national import (
    AgreementSubject,
    FsuRequirement,
    NationalFrame,
    NationalGoal,
    NationalPlan,
    Principle,
    PriorityGroup,
)
from .partner import Group, Membership, Partner, PartnerKind, Role
from .partnership import (
    GENERATED_PARTS,
    AbbreviationList,
    Actor,
    Layout,
    Partnership,
    RuleSetting,
    Severity,
)
from .plan import (
    ActionPlan,
    Basis,
    FocusArea,
    Goal,
    Intention,
    Measure,
    OngoingWork,
    Reference,
    ReferenceList,
)
from .progress import FINISHED, FollowUpSettings, MeasureStatus, StatusUpdate, latest_update
from .text import Link, Section

DOCUMENT_TYPES: tuple[type[Document], ...] = (
    Declaration,
    ActionPlan,
    AnnualReport,
    FundingRound,
    ConsultationResponse,
    DecisionLog,
    CooperationAgreement,
)
"""The document types the core knows, each with its ``KIND`` and ``FOLDER``."""

__all__ = [
    "DOCUMENT_TYPES",
    "FINISHED",
    "GENERATED_PARTS",
    "ID_PATTERN",
    "AbbreviationList",
    "ActionPlan",
    "Actor",
    "AgreementSubject",
    "AnnualReport",
    "Application",
    "Basis",
    "Body",
    "BodyStatus",
    "Bundle",
    "Chair",
    "Commitment",
    "ConsultationResponse",
    "CooperationAgreement",
    "Deadline",
    "DeadlineKind",
    "Decision",
    "DecisionLog",
    "DecisionRule",
    "Declaration",
    "Document",
    "FocusArea",
    "FollowUpSettings",
    "FsuRequirement",
    "FundingRound",
    "Goal",
    "Group",
    "Intention",
    "Layout",
    "Link",
    "MainGoal",
    "Mandate",
    "Measure",
    "MeasureFollowUp",
    "MeasureStatus",
    "MeetingCount",
    "Membership",
    "NationalFrame",
    "NationalGoal",
    "NationalPlan",
    "OngoingWork",
    "Partner",
    "PartnerKind",
    "Partnership",
    "Period",
    "Principle",
    "PriorityGroup",
    "Question",
    "Reference",
    "ReferenceList",
    "Right",
    "Role",
    "RuleSetting",
    "Seat",
    "Section",
    "ServiceAgreement",
    "Severity",
    "StatusChange",
    "StatusUpdate",
    "StructureCount",
    "Term",
    "latest_update",
    "slugify",
]
