"""The result of a validation run: findings in order, counts, and a stable JSON form."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..model import Severity
from .finding import Finding

__all__ = ["JSON_FORMAT", "JSON_VERSION", "RuleOutcome", "ValidationReport"]

JSON_FORMAT = "helsefellesskap-validation"
"""The ``format`` key of the JSON form."""

JSON_VERSION = 1
"""The version of the JSON form; raised only when a key changes meaning or goes away."""


@attrs.frozen(kw_only=True)
class RuleOutcome:
    """How a partnership's setting changed one rule in this run.

    ``enabled`` false: the rule was skipped; ``severity``: its findings were counted at
    that severity. ``reason`` is the reason the partnership recorded.
    """

    code: str
    reason: str
    enabled: bool = True
    severity: Severity | None = None


@attrs.frozen(kw_only=True)
class ValidationReport:
    """What a validation run found.

    ``findings`` are sorted by file, then path (list indexes as numbers), then code.
    ``rules`` are the codes of the rules that ran; ``settings`` the partnership's
    settings that changed a rule.
    """

    partnership: str
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    settings: tuple[RuleOutcome, ...] = ()
    root: Path | None = None

    @property
    def counts(self) -> Mapping[Severity, int]:
        """The number of findings per severity (every severity present, zero or not)."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def summary(self) -> str:
        """The counts in words: ``"0 errors, 1 warning, 3 infos"``."""
        counts = self.counts
        return ", ".join(
            f"{counts[s]} {s.value if counts[s] == 1 else s.value + 's'}" for s in Severity
        )

    def failed(self, strict: bool = False) -> bool:
        """Whether the findings fail: any error, or with ``strict`` any warning too."""
        counts = self.counts
        return counts[Severity.ERROR] > 0 or (strict and counts[Severity.WARNING] > 0)

    def of(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.code == code)

    def file_label(self, finding: Finding) -> str | None:
        """The finding's file as a POSIX path, relative to the bundle's folder if under it."""
        if finding.file is None:
            return None
        if self.root is not None:
            try:
                return finding.file.relative_to(self.root).as_posix()
            except ValueError:
                pass
        return finding.file.as_posix()

    def to_json(self, *, strict: bool = False) -> dict[str, Any]:
        """The report as JSON data, in the documented shape (``docs/rules.md``)."""
        return {
            "format": JSON_FORMAT,
            "version": JSON_VERSION,
            "partnership": self.partnership,
            "strict": strict,
            "failed": self.failed(strict),
            "counts": {severity.value: count for severity, count in self.counts.items()},
            "rules": list(self.rules),
            "settings": [
                {
                    "code": s.code,
                    "enabled": s.enabled,
                    "severity": s.severity.value if s.severity else None,
                    "reason": s.reason,
                }
                for s in self.settings
            ],
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "file": self.file_label(f),
                    "document": f.document,
                    "path": f.path,
                    "message": f.message,
                    "suggestion": f.suggestion,
                }
                for f in self.findings
            ],
        }
