"""``import_plan``: read a file with the importer for its extension, write a new action plan
beside the partnership's documents (never overwriting) and run check and validate on it."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, DocumentNotFoundError, HelsefellesskapError
from ..io import PARTNERSHIP_FILE, load_bundle, load_partnership
from ..messages import message
from ..model import ActionPlan
from .draft import PlanDraft
from .importer import Importer
from .report import ImportReport
from .writer import plan_toml

if TYPE_CHECKING:
    from ..plugins import PluginManager

__all__ = ["ImportFailed", "find_importer", "import_plan", "read_draft"]


class ImportFailed(HelsefellesskapError):
    """The file cannot be imported: no importer reads it, it cannot be read, or the new
    plan would overwrite a file."""


def find_importer(path: Path, manager: PluginManager) -> Importer:
    """The importer whose extensions end ``path``'s name; :class:`ImportFailed` naming the
    extensions there are."""
    importers = manager.importers()
    name = path.name.lower()
    for importer in importers.values():
        if any(name.endswith(ext.lower()) for ext in importer.extensions):
            return importer
    known = sorted(e for i in importers.values() for e in i.extensions)
    raise ImportFailed(
        message(
            "importing.no_importer",
            path=path,
            suffix=path.suffix or message("importing.files_without_extension"),
            known=", ".join(known) or message("importing.nothing"),
            hint="" if ".docx" in known else message("importing.install_docx"),
        )
    )


def read_draft(path: Path, manager: PluginManager) -> PlanDraft:
    """Read ``path`` into a draft with its importer; :class:`ImportFailed` if it cannot."""
    if not path.is_file():
        raise ImportFailed(message("importing.no_such_file", path=path))
    importer = find_importer(path, manager)
    try:
        return importer.read(path)
    except (DataError, ValueError, KeyError, OSError) as error:
        raise ImportFailed(
            message("importing.cannot_read_as", path=path, importer=importer.name, error=error)
        ) from error


def import_plan(
    source: str | Path,
    into: str | Path,
    *,
    manager: PluginManager | None = None,
    output: str | Path | None = None,
) -> ImportReport:
    """Import the plan in ``source`` into the partnership folder ``into``.

    The new file is ``into/plans/<id>.toml`` (or ``output``, a file in ``into``); an
    existing file is never overwritten (:class:`ImportFailed`). The folder with the new
    file is then loaded (``check``) and validated; the report says how both went.
    """
    from ..plugins import default_manager
    from ..validate import validate

    manager = manager or default_manager()
    source, into = Path(source), Path(into)
    if not (into / PARTNERSHIP_FILE).is_file():
        raise DocumentNotFoundError(
            message("importing.not_a_partnership_folder", folder=into, file=PARTNERSHIP_FILE)
        )
    partnership = load_partnership(into)
    draft = read_draft(source, manager)
    taken = {p.stem for p in into.rglob("*.toml")}
    with contextlib.suppress(DataError):
        taken |= {d.id for d in load_bundle(into, types=manager.document_types()).documents}
    text = plan_toml(draft, partnership, taken=taken)
    target = into / ActionPlan.FOLDER / f"{text.plan_id}.toml"
    if output is not None:
        target = Path(output)
        if not target.resolve().is_relative_to(into.resolve()):
            raise ImportFailed(message("importing.outside_folder", target=target, folder=into))
    if target.exists():
        raise ImportFailed(message("importing.exists", target=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(text.text)
    check, summary = "ok", ""
    findings: tuple[str, ...] = ()
    try:
        bundle = load_bundle(into, types=manager.document_types())
    except DataError as error:
        check = str(error)
    else:
        report = validate(bundle, manager=manager, documents=[text.plan_id])
        summary = report.summary()
        findings = tuple(
            message(
                "importing.finding",
                severity=message(f"importing.severity.{f.severity.value}"),
                code=f.code,
                path=f.path,
                message=f.message,
            )
            for f in report.findings
        )
    return ImportReport(
        source=source,
        written=target,
        plan_id=text.plan_id,
        counts=text.counts,
        guesses=text.guesses,
        unmatched=text.unmatched,
        skipped=draft.skipped,
        check=check,
        validate=summary,
        findings=findings,
    )
