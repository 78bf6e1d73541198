"""A realistic national corpus, generated deterministically from the bundled data.

The bundled partnerships (Troms og Ofoten and Helgeland, shipped by their plugins) and
the example (``examples/eksempel``) are the templates. Partnership ``n`` of the corpus is
a copy of template ``n % 3`` with all of its documents, plus as many revisions of its
action plans as it takes to reach the measures asked for. A revision is the template's
plan with its focus areas repeated (each copy with its ids suffixed, so every id stays
unique and every reference inside the copy still resolves) and its texts varied (the
words of each ``text``/``title`` rotated), written as text: the comments, quoting and
layout of the bundled files are kept, so the bytes per measure stay those of the real
plans (620–890).

Copies of Troms og Ofoten and Helgeland keep their partnership's id, so that the
plugins' rules, layouts and labels apply to them as each partnership's own plugin would
to it; copies of the example get their own ids (``eksempel-03``), as partnerships
without a plugin. Nothing is random: the same arguments give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "GENERATOR_VERSION",
    "NATIONAL_MEASURES",
    "NATIONAL_PARTNERSHIPS",
    "REPO",
    "TEMPLATES",
    "Corpus",
    "Template",
    "corpus_key",
    "count_measures",
    "ensure_corpus",
    "generate",
    "plan_with_rows",
]

GENERATOR_VERSION = "1"
"""Raised when the generator changes what it writes, so a cached corpus is rebuilt."""

REPO = Path(__file__).resolve().parent.parent
"""The repository the benchmarks live in."""

NATIONAL_PARTNERSHIPS = 19
"""One partnership per hospital trust area, as in the national arrangement."""

NATIONAL_MEASURES = 19_000
"""Measures in the 1x corpus: about a thousand per partnership (years of plans)."""

PARTNERSHIP_FILE = "partnership.toml"


@dataclass(frozen=True)
class Template:
    """A bundled partnership folder the corpus copies."""

    name: str
    folder: Path
    plugin: bool
    """Whether an installed plugin answers for the partnership's id (copies keep it)."""
    copies: int
    """How often a revision repeats the template plan's focus areas: as few as keep the
    revision's bytes per measure within those of the bundled plans (its introduction and
    closing count once per plan, so more copies mean fewer bytes per measure)."""
    weight: float
    """The partnership's share of the measures, relative to the others (the example is
    a small partnership; real ones differ in size too)."""


TEMPLATES: tuple[Template, ...] = (
    Template(
        "troms-ofoten",
        REPO / "plugins/troms-ofoten/src/helsefellesskap_troms_ofoten/data",
        plugin=True,
        copies=1,
        weight=1.2,
    ),
    Template(
        "helgeland",
        REPO / "plugins/helgeland/src/helsefellesskap_helgeland/data",
        plugin=True,
        copies=3,
        weight=1.2,
    ),
    Template("eksempel", REPO / "examples/eksempel", plugin=False, copies=2, weight=0.4),
)


@dataclass(frozen=True)
class Corpus:
    """A generated corpus on disk: one folder per partnership."""

    root: Path
    folders: tuple[Path, ...]
    measures: int
    bytes: int
    files: int
    plan_bytes_per_measure: tuple[float, ...]
    """Bytes per measure of every action plan file that has measures."""

    def texts(self) -> list[str]:
        """Every TOML file of the corpus, read as text (the parse baseline's input)."""
        return [file.read_text(encoding="utf-8") for file in self.toml_files()]

    def toml_files(self) -> list[Path]:
        """Every TOML file of the corpus, in a stable order."""
        return sorted(path for folder in self.folders for path in folder.rglob("*.toml"))


_MEASURE = re.compile(r"^\[\[focus_areas\.goals\.measures\]\]\s*$", re.MULTILINE)
_FOCUS_AREA = re.compile(r"^\[\[focus_areas\]\]\s*$", re.MULTILINE)
_TOP_TABLE = re.compile(r"^\[+(?!focus_areas[\].])[^\[\]]+\]+\s*$", re.MULTILINE)
_ID = re.compile(r'(?<![\w-])id = "([^"]+)"')
_BUILDS_ON = re.compile(r"^builds_on = \[[^\]]*\]", re.MULTILINE)
_QUOTED = re.compile(r'"([^"]+)"')
_TEXT = re.compile(r'^(\s*(?:text|title) = ")(.*)("\s*)$', re.MULTILINE)
_PLAN_ID = re.compile(r'^id = "([^"]+)"\s*$', re.MULTILINE)
_PLAN_TITLE = re.compile(r'^title = "([^"]*)"\s*$', re.MULTILINE)


def count_measures(text: str) -> int:
    """The measures of an action plan written as TOML text (``[[...measures]]`` tables)."""
    return len(_MEASURE.findall(text))


def _split_plan(text: str) -> tuple[str, list[str], str]:
    """Split a plan into its head, its focus areas (one text each) and its tail."""
    starts = [match.start() for match in _FOCUS_AREA.finditer(text)]
    if not starts:
        return text, [], ""
    tail_match = _TOP_TABLE.search(text, starts[-1])
    end = tail_match.start() if tail_match else len(text)
    # Comments just above the tail (a section banner) belong to the tail.
    while True:
        previous = text.rfind("\n", 0, end - 1)
        line = text[previous + 1 : end].strip()
        if previous < starts[-1] or not (line.startswith("#") or not line):
            break
        end = previous + 1
    bounds = [*starts, end]
    areas = [text[bounds[i] : bounds[i + 1]] for i in range(len(starts))]
    return text[: starts[0]], areas, text[end:]


def _rotate(words: str, by: int) -> str:
    parts = words.split(" ")
    if len(parts) < 2 or words.endswith("\\"):
        return words
    by %= len(parts)
    return " ".join(parts[by:] + parts[:by])


def _copy_area(area: str, copy: int) -> str:
    """A focus area with its ids suffixed (and the references to them) and texts varied."""
    if copy == 0:
        return area
    ids = set(_ID.findall(area))
    area = _ID.sub(lambda m: f'id = "{m.group(1)}-k{copy}"', area)

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        return f'"{name}-k{copy}"' if name in ids else match.group(0)

    area = _BUILDS_ON.sub(lambda m: _QUOTED.sub(rename, m.group(0)), area)
    return _TEXT.sub(lambda m: m.group(1) + _rotate(m.group(2), copy) + m.group(3), area)


def _revision(plan: str, revision: int, copies: int) -> str:
    """Revision ``revision`` of a plan: ``copies`` copies of its focus areas, a new id."""
    head, areas, tail = _split_plan(plan)
    if revision == 0 and copies == 1:
        return plan
    head = _PLAN_ID.sub(
        lambda m: f'id = "{m.group(1)}-rev{revision}"\nrevision_of = "{m.group(1)}"', head, count=1
    )
    head = _PLAN_TITLE.sub(lambda m: f'title = "{m.group(1)} (revisjon {revision})"', head, count=1)
    body = "".join(
        _copy_area(area, copy * 7 + revision) if copy or revision else area
        for copy in range(copies)
        for area in areas
    )
    return head + body + tail


def _adopt(text: str, template: Template, partnership_id: str) -> str:
    """A template file as partnership ``partnership_id``'s own."""
    if partnership_id == template.name:
        return text
    text = re.sub(
        rf'^(partnership|id) = "{re.escape(template.name)}"',
        lambda m: f'{m.group(1)} = "{partnership_id}"',
        text,
        flags=re.MULTILINE,
    )
    return text


def _template_files(template: Template) -> Iterator[tuple[Path, str]]:
    for path in sorted(template.folder.rglob("*.toml")):
        if any(part.startswith((".", "_")) for part in path.relative_to(template.folder).parts):
            continue
        yield path.relative_to(template.folder), path.read_text(encoding="utf-8")


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def generate(
    root: Path,
    *,
    partnerships: int = NATIONAL_PARTNERSHIPS,
    measures: int = NATIONAL_MEASURES,
) -> Corpus:
    """Write a corpus of ``partnerships`` partnership folders under ``root`` (emptied
    first) with at least ``measures`` measures in all, and describe it."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    chosen = [TEMPLATES[n % len(TEMPLATES)] for n in range(partnerships)]
    unit = measures / sum(template.weight for template in chosen)
    folders: list[Path] = []
    total_measures = total_bytes = files = 0
    per_measure: list[float] = []
    for n in range(partnerships):
        template = chosen[n]
        each = round(unit * template.weight)
        partnership_id = template.name if template.plugin else f"{template.name}-{n + 1:02d}"
        folder = root / f"{n + 1:02d}-{partnership_id}"
        folders.append(folder)
        plans: list[tuple[Path, str]] = []
        have = 0
        for relative, text in _template_files(template):
            text = _adopt(text, template, partnership_id)
            size = _write(folder / relative, text)
            files += 1
            total_bytes += size
            found = count_measures(text)
            if relative.parts[0] == "plans" and found:
                plans.append((relative, text))
                per_measure.append(size / found)
            have += found
        revision = 1
        while have < each and plans:
            relative, text = plans[(revision - 1) % len(plans)]
            revised = _revision(text, revision, template.copies)
            name = relative.with_name(f"{relative.stem}-rev{revision}.toml")
            size = _write(folder / name, revised)
            found = count_measures(revised)
            files += 1
            total_bytes += size
            per_measure.append(size / found)
            have += found
            revision += 1
        total_measures += have
    return Corpus(
        root=root,
        folders=tuple(folders),
        measures=total_measures,
        bytes=total_bytes,
        files=files,
        plan_bytes_per_measure=tuple(per_measure),
    )


def corpus_key(partnerships: int, measures: int) -> str:
    """A name for a corpus that changes with the generator, its templates and its size."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    digest.update(Path(__file__).read_bytes())
    for template in TEMPLATES:
        for relative, text in _template_files(template):
            digest.update(str(relative).encode())
            digest.update(text.encode("utf-8"))
    return f"{partnerships}x{measures}-{digest.hexdigest()[:12]}"


def _describe(root: Path) -> Corpus | None:
    folders = tuple(sorted(path.parent for path in root.glob(f"*/{PARTNERSHIP_FILE}")))
    if not folders or not (root / ".complete").is_file():
        return None
    measures = total = files = 0
    per_measure: list[float] = []
    for folder in folders:
        for path in sorted(folder.rglob("*.toml")):
            data = path.read_bytes()
            files += 1
            total += len(data)
            found = count_measures(data.decode("utf-8"))
            measures += found
            if found and path.relative_to(folder).parts[0] == "plans":
                per_measure.append(len(data) / found)
    return Corpus(root, folders, measures, total, files, tuple(per_measure))


def ensure_corpus(
    work: Path, *, partnerships: int = NATIONAL_PARTNERSHIPS, measures: int = NATIONAL_MEASURES
) -> Corpus:
    """The corpus of this size under ``work``, generated unless an identical one is there."""
    root = work / f"corpus-{corpus_key(partnerships, measures)}"
    found = _describe(root)
    if found is not None:
        return found
    corpus = generate(root, partnerships=partnerships, measures=measures)
    (root / ".complete").write_text("generated by benchmarks.corpus\n", encoding="utf-8")
    return corpus


_GOAL = "[[focus_areas.goals]]"
_MEASURE_HEADER = "[[focus_areas.goals.measures]]"


def _goals(area: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """A focus area's text before its first goal, and each goal as (its text before its
    first measure, its measures' texts)."""
    parts = area.split(_GOAL)
    goals = []
    for part in parts[1:]:
        header, *measures = (_GOAL + part).split(_MEASURE_HEADER)
        goals.append((header, [_MEASURE_HEADER + measure for measure in measures]))
    return parts[0], goals


def plan_with_rows(rows: int, template: Template = TEMPLATES[1]) -> str:
    """A template plan with one focus area of ``rows`` measures (one table of ``rows``
    rows): the template's first focus area with its goals repeated, each with its own
    measures and ongoing work, as many times as it takes (ids suffixed, so each stays
    unique). The default template is Helgeland's plan, whose five-column table spans
    goals and ongoing work over their measures' rows."""
    plan_file = next(
        path
        for path in sorted((template.folder / "plans").glob("*.toml"))
        if count_measures(path.read_text("utf-8"))
    )
    head, areas, tail = _split_plan(plan_file.read_text("utf-8"))
    before, goals = _goals(areas[0])
    goals = [goal for goal in goals if goal[1]]
    lines = [before]
    written = copy = 0
    while written < rows:
        header, measures = goals[copy % len(goals)]
        own = set(_ID.findall(header))
        suffix = f"-g{copy}"

        def define(match: re.Match[str], suffix: str = suffix) -> str:
            return f'id = "{match.group(1)}{suffix}"'

        def rename(match: re.Match[str], suffix: str = suffix, own: set[str] = own) -> str:
            name = match.group(1)
            return f'"{name}{suffix}"' if name in own else match.group(0)

        def refer(match: re.Match[str], rename: Callable[..., str] = rename) -> str:
            return _QUOTED.sub(rename, match.group(0))

        lines.append(_ID.sub(define, header))
        for measure in measures[: rows - written]:
            lines.append(_BUILDS_ON.sub(refer, _ID.sub(define, measure)))
            written += 1
        copy += 1
    head = _PLAN_ID.sub(f'id = "handlingsplan-{rows}-rader"', head, count=1)
    return head + "".join(lines) + tail
