"""The result of a validation run: findings in order, counts, a stable JSON form, and
the text report for people (:func:`text_report`, in the current language of messages)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import DataError, Problem
from ..messages import message
from ..model import Bundle, Severity
from .finding import Finding, Settling, copy_finding

if TYPE_CHECKING:
    from ..plugins import PluginFailure

__all__ = [
    "JSON_FORMAT",
    "JSON_VERSION",
    "RuleOutcome",
    "ValidationReport",
    "placed_findings",
    "settled_findings",
    "severity_word",
    "text_report",
]

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
    settings that changed a rule. ``problems`` are what kept the data from loading (a
    report made by :meth:`from_error`, with no findings); ``plugin_failures`` the plugins
    that failed in the manager the run used.
    """

    partnership: str | None
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    settings: tuple[RuleOutcome, ...] = ()
    root: Path | None = None
    problems: tuple[Problem, ...] = ()
    plugin_failures: tuple[PluginFailure, ...] = ()

    @classmethod
    def from_error(
        cls, error: DataError, *, plugin_failures: Iterable[PluginFailure] = ()
    ) -> ValidationReport:
        """The report of data that did not load: its problems, no findings."""
        return cls(
            partnership=None, problems=error.problems, plugin_failures=tuple(plugin_failures)
        )

    @property
    def counts(self) -> Mapping[Severity, int]:
        """The number of findings per severity (every severity present, zero or not)."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def summary(self) -> str:
        """The counts in words, in the current language of messages: ``"0 errors, 1
        warning, 3 infos"`` (``"0 feil, 1 advarsel, 3 info"`` in bokmål)."""
        counts = self.counts
        return ", ".join(
            message(
                f"report.count.{s.value}.{'one' if counts[s] == 1 else 'other'}", count=counts[s]
            )
            for s in Severity
        )

    def failed(self, strict: bool = False) -> bool:
        """Whether the run fails: a loading problem or an error finding, or with
        ``strict`` a warning or a failed plugin (whose rules may not have run) too."""
        counts = self.counts
        if self.problems or counts[Severity.ERROR] > 0:
            return True
        return strict and (counts[Severity.WARNING] > 0 or bool(self.plugin_failures))

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
        """The report as JSON data, in the documented shape (``docs/rules.md``; its JSON
        Schema is ``helsefellesskap/schemas/results/validation.schema.json``)."""
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
                    "line": f.line,
                    "column": f.column,
                    "path": f.path,
                    "message": f.message,
                    "suggestion": f.suggestion,
                }
                for f in self.findings
            ],
            "problems": [p.as_dict() for p in self.problems],
            "plugin_failures": [
                {"plugin": f.plugin, "hook": f.hook, "message": f.message}
                for f in self.plugin_failures
            ],
        }

    def dumps(self, *, strict: bool = False) -> str:
        """:meth:`to_json` as the text ``helsefellesskap validate --format json`` prints
        (indented by two spaces, non-ASCII letters as they are)."""
        return json.dumps(self.to_json(strict=strict), ensure_ascii=False, indent=2)


def severity_word(severity: Severity) -> str:
    """The severity as the text report writes it (``error``; ``feil`` in nb and nn)."""
    return message(f"report.severity.{severity.value}")


def _settings_lines(report: ValidationReport, titles: Mapping[str, str]) -> list[str]:
    """The rules the partnership switched off or gave another severity, with its reasons:
    ``  HF402 (PM has seats for every partner category): <reason>``."""
    lines: list[str] = []
    off = [s for s in report.settings if not s.enabled]
    changed = [s for s in report.settings if s.enabled and s.severity is not None]

    def named(code: str) -> str:
        title = titles.get(code)
        return f"{code} ({title})" if title else code

    if off:
        lines.append(message("report.rules_off"))
        lines += [f"  {named(s.code)}: {s.reason}" for s in off]
    if changed:
        lines.append(message("report.rules_severity"))
        lines += [
            f"  {named(s.code)}: {severity_word(s.severity) if s.severity else ''}: {s.reason}"
            for s in changed
        ]
    return lines


def text_report(
    report: ValidationReport,
    *,
    strict: bool = False,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The findings of a report as text for people, in the current language of messages
    (:func:`helsefellesskap.messages.use_language`): grouped by file, then the rules the
    partnership switched off (or gave another severity) with its reasons, then the counts.

    Files are shown as loaded (relative to where the command ran), so editors can open
    them; the JSON form gives them relative to the partnership's folder instead.
    ``titles`` (code → title, :func:`~helsefellesskap.validate.rule_texts.rule_titles`)
    names the rules in the settings listing.
    """
    lines: list[str] = []
    current: str | None = None
    for finding in report.findings:
        file = str(finding.file) if finding.file is not None else message("report.no_file")
        if file != current:
            if current is not None:
                lines.append("")
            lines.append(file)
            current = file
        where = f"{file}:{finding.line}:{finding.column}: " if finding.line is not None else ""
        text = f"  {where}{finding.path}: {severity_word(finding.severity)} {finding.code}: "
        text += finding.message
        if finding.suggestion:
            text += message("report.did_you_mean", suggestion=finding.suggestion)
        lines.append(text)
    if lines:
        lines.append("")
    settings = _settings_lines(report, titles or {})
    if settings:
        lines += [*settings, ""]
    verdict = message("report.failed" if report.failed(strict) else "report.ok")
    lines.append(f"{verdict}: {report.summary()}" + (message("report.strict") if strict else ""))
    return "\n".join(lines)


_Places = Mapping[str, "tuple[int, int] | None"]


def _file_places(file: Path, paths: set[str]) -> _Places | None:
    """Where each of ``paths`` is written in the TOML file on disk (its nearest written
    ancestor; ``None`` where not even that), for a file whose text the bundle does not
    hold (:func:`~helsefellesskap.io.kept_texts.source_text`)."""
    if file.suffix != ".toml":
        return None
    from ..io.positions import PositionIndex

    try:
        index = PositionIndex.of(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    return {path: index.find(path) for path in paths}


def _places(wanted: Mapping[Path, set[str]], bundle: Bundle) -> dict[Path, _Places | None]:
    """Where each path of each file is written: read from the text the bundle was loaded
    from (or from the file, where the bundle has none), and scanned once per file, on
    every run (nothing is kept between runs)."""
    from ..io.kept_texts import source_text
    from ..io.positions import PositionIndex

    places: dict[Path, _Places | None] = {}
    for file, paths in wanted.items():
        text = source_text(bundle, file)
        if text is not None:
            index = PositionIndex.of(text)
            # in the order of the text, roughly: each line count starts near the last
            places[file] = {path: index.find(path) for path in sorted(paths)}
        else:
            places[file] = _file_places(file, paths)
    return places


def settled_findings(found: list[Settling], bundle: Bundle) -> tuple[Finding, ...]:
    """The findings of ``found`` (each with the severity and file it is to have), each
    at the line and column of its path in its file where it has none, made in one
    construction each (:meth:`Finding.settled`)."""
    wanted: dict[Path, set[str]] = {}
    for finding, _severity, file in found:
        if file is not None and finding.line is None and finding.path != "$":
            paths = wanted.get(file)
            if paths is None:
                wanted[file] = {finding.path}
            else:
                paths.add(finding.path)
    places = _places(wanted, bundle) if wanted else {}
    settled: list[Finding] = []
    add = settled.append
    line: int | None
    column: int | None
    for finding, severity, file in found:
        line = finding.line
        if file is not None and line is None and finding.path != "$":
            where = places[file]
            position = where.get(finding.path) if where is not None else None
            if position is not None:
                if type(finding) is Finding:  # (nearly every one: made here at once)
                    add(copy_finding(finding, severity, file, *position))
                    continue
                line, column = position
            else:
                column = finding.column
        else:
            column = finding.column
        add(finding.settled(severity, file, line, column))
    return tuple(settled)


def placed_findings(findings: Iterable[Finding], bundle: Bundle) -> tuple[Finding, ...]:
    """``findings`` with the line and column of their path in their file, read from the
    text the bundle was loaded from (or from the file) once per file, and only when
    there are findings."""
    return settled_findings([(f, f.severity, f.file) for f in findings], bundle)
