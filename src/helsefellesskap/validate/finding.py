"""Validation findings and the rules that produce them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..model import Severity

if TYPE_CHECKING:
    from .context import ValidationContext

__all__ = ["Finding", "Rule", "RuleCheck"]

_PATH_PARTS = re.compile(r"[\[\].]")

RuleCheck = Callable[["ValidationContext"], Iterable["Finding"]]
"""A rule's check: it reads the context and yields findings."""


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found: its code, severity, where it is and what to do.

    ``path`` is in TOML keys from the document's root (``$.focus_areas[0].goals[1]``).
    ``document`` is the id of the document (the partnership's id for ``partnership.toml``).
    ``line`` and ``column`` (from 1) are where the path's key or table header is written
    in the file, filled in by :func:`~helsefellesskap.validate.validate` where the file's
    text is known.
    """

    code: str
    severity: Severity
    message: str
    path: str = "$"
    document: str | None = None
    file: Path | None = None
    suggestion: str | None = None
    line: int | None = None
    column: int | None = None

    def sort_key(self) -> tuple[str, str, str]:
        """Order by file, then path, then code (paths compared as text)."""
        return (str(self.file or ""), self.path, self.code)

    def order_key(self) -> tuple[str, tuple[tuple[int, str], ...], str, str]:
        """Order by file, then path with list indexes compared as numbers
        (``[2]`` before ``[10]``), then code, then message."""
        parts = tuple(
            (int(part), "") if part.isdigit() else (-1, part)
            for part in _PATH_PARTS.split(self.path)
            if part
        )
        return (str(self.file or ""), parts, self.code, self.message)


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule: a stable code (``HF201``), a severity, a title, why it exists,
    how to fix a finding, and the check that yields findings.

    The check must run in time linear in the data: use the context's indexes, never a
    scan of every item for each item.
    """

    code: str
    severity: Severity
    title: str
    explanation: str
    check: RuleCheck = attrs.field(eq=False, repr=False)
    fix: str = ""
    body_kind: str | None = None
