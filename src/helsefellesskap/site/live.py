"""The live preview behind ``helsefellesskap serve``: build the site, rebuild the
partnership whose TOML file changed, and tell the open pages (``_live/status.json``).

The pages of a live site load ``assets/live.js``, which polls ``_live/status.json``:
its ``version`` changes with every build (the page reloads), and its ``problems`` (a
file that does not load, a validation finding, a document that does not render) are
shown at the top of the page with their file and path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..errors import DataError, HelsefellesskapError
from ..model import Bundle, Severity
from .build import SITE_LANGUAGES, SiteBuilder
from .labels import site_labels

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["LIVE_FOLDER", "LiveProblem", "LiveSite", "watched_folder"]

LIVE_FOLDER = "_live"
"""The folder of the site that holds ``status.json``."""


@attrs.frozen(kw_only=True)
class LiveProblem:
    """A problem the page shows: the file, the path in it, and what is wrong."""

    file: str
    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        from ..messages import catalogue, current_language, message

        key = f"site.severity.{self.severity}"
        severity = message(key) if key in catalogue(current_language()) else self.severity
        return message(
            "site.problem",
            file=self.file,
            path=self.path,
            severity=severity,
            message=self.message,
        )


def watched_folder(target: str, manager: PluginManager) -> Path:
    """The folder whose files make ``target``: the folder itself, the folder of a
    ``partnership.toml``, or the data folder of an installed partnership."""
    path = Path(target)
    if path.is_dir():
        return path
    if path.is_file():
        return path.parent
    return manager.partnership_source(target.partition("/")[0]).path


def _data_problems(error: DataError) -> list[LiveProblem]:
    return [
        LiveProblem(
            file=str(p.file) if p.file is not None else "",
            path=p.path,
            message=p.message + (f" ({p.hint})" if p.hint else ""),
        )
        for p in error.problems
    ]


class LiveSite:
    """A site of ``targets`` (folders or installed partnership ids) in ``output``,
    rebuilt partnership by partnership as their files change."""

    def __init__(
        self,
        targets: Sequence[str],
        output: Path,
        *,
        manager: PluginManager,
        formats: Sequence[str] | None = None,
        languages: Sequence[str] = SITE_LANGUAGES,
    ) -> None:
        self.targets = tuple(targets)
        self.output = output
        self.manager = manager
        self.builder = SiteBuilder(
            output, languages=languages, formats=formats, manager=manager, live=True
        )
        self.version = 0
        self.folders = {target: watched_folder(target, manager).resolve() for target in targets}
        self._bundles: dict[str, Bundle] = {}
        self._problems: dict[str, list[LiveProblem]] = {}

    def _load(self, target: str) -> None:
        """Load and validate ``target``; keep the last good bundle when it fails."""
        from ..targets import resolve_target
        from ..validate import validate

        try:
            bundle = resolve_target(target, self.manager).bundle
        except DataError as error:
            self._problems[target] = _data_problems(error)
            return
        except HelsefellesskapError as error:
            self._problems[target] = [
                LiveProblem(file=str(self.folders[target]), path="$", message=str(error))
            ]
            return
        report = validate(bundle, manager=self.manager)
        self._problems[target] = [
            LiveProblem(
                file=str(f.file) if f.file is not None else (f.document or ""),
                path=f.path,
                message=f"{f.code}: {f.message}",
                severity=f.severity.value,
            )
            for f in report.findings
            if f.severity in (Severity.ERROR, Severity.WARNING)
        ]
        self._bundles[target] = bundle

    def changed_targets(self, files: Iterable[Path]) -> list[str]:
        """The targets whose folder holds one of ``files``."""
        resolved = [f.resolve() for f in files]
        return [
            target
            for target, folder in self.folders.items()
            if any(folder == f.parent or folder in f.parents for f in resolved)
        ]

    def build(self, targets: Iterable[str] | None = None) -> list[LiveProblem]:
        """(Re)load ``targets`` (default: all), rebuild their pages and the shared ones,
        and publish the new version and the problems; return the problems."""
        chosen = list(self.targets if targets is None else targets)
        for target in chosen:
            self._load(target)
        changed = {self._bundles[t].partnership.id for t in chosen if t in self._bundles}
        bundles = [self._bundles[t] for t in self.targets if t in self._bundles]
        result = self.builder.build(bundles, changed=changed)
        problems = [p for t in self.targets for p in self._problems.get(t, [])]
        problems.extend(
            LiveProblem(file="", path="", message=str(failure)) for failure in result.failures
        )
        self.version += 1
        self._publish(problems)
        return problems

    def _publish(self, problems: Sequence[LiveProblem]) -> None:
        status = {
            "version": self.version,
            "title": site_labels(self.builder.languages[0])["problems"],
            "problems": [attrs.asdict(p) for p in problems],
        }
        path = self.output / LIVE_FOLDER / "status.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name("status.json.tmp")
        tmp.write_text(json.dumps(status, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
