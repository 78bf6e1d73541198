"""The built-in validation rules, grouped by code: HF0xx settings, HF1xx ids, HF2xx
references, HF3xx FSU requirements, HF4xx seats, HF5xx periods and the national plan,
HF6xx coverage and measures, HF7xx reports and funding rounds, HF8xx status updates and
decisions, HF9xx the cooperation agreement.

:data:`BUILTIN_RULES` are registered through ``hf_rules``; :data:`FSU_RULES` come with the
``professional-committee`` body kind.
"""

from __future__ import annotations

from ..finding import Rule
from .agreements import AGREEMENT_RULES
from .coverage import COVERAGE_RULES
from .cycles import CYCLE_RULES
from .fsu import FSU_RULES
from .ids import ID_RULES
from .periods import PERIOD_RULES
from .progress import PROGRESS_RULES
from .references import REFERENCE_RULES
from .reports import REPORT_RULES
from .seats import SEAT_RULES
from .settings import SETTINGS_RULES

__all__ = ["BUILTIN_RULES", "FSU_RULES"]

BUILTIN_RULES: tuple[Rule, ...] = (
    *SETTINGS_RULES,
    *ID_RULES,
    *REFERENCE_RULES,
    *CYCLE_RULES,
    *SEAT_RULES,
    *PERIOD_RULES,
    *COVERAGE_RULES,
    *REPORT_RULES,
    *PROGRESS_RULES,
    *AGREEMENT_RULES,
)
"""The rules the core registers through ``hf_rules`` (the FSU rules come with their kind)."""
