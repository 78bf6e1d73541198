"""A :class:`~.draft.PlanDraft` written as a new action-plan TOML file, each guess marked
with a comment beside it (``# guess: …``) and listed in the report."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import attrs
import tomlkit
from tomlkit.items import Item

from ..messages import message
from ..model import Deadline, DeadlineKind, Partnership
from .actors import read_responsible
from .deadlines import read_deadline
from .draft import DraftBlock, DraftFocusArea, DraftRow, DraftSection, PlanDraft
from .report import Guess, Unmatched

__all__ = ["PlanText", "plan_toml", "slug"]

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slug(text: str, *, words: int = 5, fallback: str = "punkt") -> str:
    """An id from a text: its first ``words`` words, lowercase ASCII joined by ``-``."""
    spaced = re.sub(r"[^\w]+", " ", text.translate(_TRANSLITERATE))
    ascii_text = unicodedata.normalize("NFKD", spaced)
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return "-".join(parts) or fallback


class _Ids:
    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def new(self, text: str, **kwargs: Any) -> str:
        base = slug(text, **kwargs)
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


@attrs.frozen
class PlanText:
    """The written TOML text and what the report needs of it."""

    text: str
    plan_id: str
    counts: dict[str, int]
    guesses: tuple[Guess, ...]
    unmatched: tuple[Unmatched, ...]


def _commented(value: Any, comment: str | None) -> Item:
    item: Item = tomlkit.item(value)
    if comment:
        item.comment(comment)
    return item


def _deadline_value(deadline: Deadline) -> Any:
    if deadline.kind is DeadlineKind.YEAR:
        return deadline.year
    if deadline.kind is DeadlineKind.SPAN:
        return f"{deadline.year}-{deadline.end_year}"
    if deadline.kind is DeadlineKind.DATE:
        return deadline.date
    table = tomlkit.inline_table()
    table.update({"text": deadline.text, "means": deadline.date})
    return table


class _Writer:
    def __init__(self, draft: PlanDraft, partnership: Partnership, taken: set[str]) -> None:
        self.draft = draft
        self.partnership = partnership
        self.taken = taken
        self.guesses: list[Guess] = []
        self.unmatched: list[Unmatched] = []
        self.years: list[int] = []

    def guess(self, path: str, text: str) -> str:
        self.guesses.append(Guess(path, text))
        return message("importing.guess", text=text)

    # -- sections -------------------------------------------------------------------------

    def section(self, draft: DraftSection) -> dict[str, Any]:
        table: dict[str, Any] = {}
        if draft.title:
            table["title"] = draft.title
        chunks = _chunks(draft.blocks)
        if chunks:
            first = chunks[0]
            if first[0]:
                table["paragraphs"] = list(first[0])
            if first[1]:
                table["bullets"] = list(first[1])
            rest = chunks[1:]
            if rest and not rest[0][1] and len(rest) == 1:
                table["closing"] = list(rest[0][0])
            elif rest:
                table["subsections"] = [
                    {k: v for k, v in (("paragraphs", list(p)), ("bullets", list(b))) if v}
                    for p, b in rest
                ]
        return table

    # -- focus areas ----------------------------------------------------------------------

    def focus_area(self, index: int, draft: DraftFocusArea, ids: _Ids) -> dict[str, Any]:
        path = f"$.focus_areas[{index}]"
        title = draft.title or "Tiltak"
        area: dict[str, Any] = {"id": ids.new(title, words=4), "title": draft.title}
        if not draft.title:
            area["title"] = _commented(
                title,
                self.guess(f"{path}.title", message("importing.no_heading")),
            )
            draft = attrs.evolve(draft, title=title)
        blocks = (*draft.blocks, *draft.after)
        description = [b.text for b in blocks if not b.bullets and b.text]
        intentions = [b for b in blocks if b.bullets]
        # the model holds the description, then the intentions, then the goals: a paragraph
        # that stood after a bullet list or after the table moves up, and the report says so
        first_list = next((i for i, b in enumerate(blocks) if b.bullets), len(blocks))
        moved = [
            n
            for n, (i, b) in enumerate((i, b) for i, b in enumerate(blocks) if not b.bullets)
            if b.text and (i > first_list or i >= len(draft.blocks))
        ]
        for n in moved:
            self.guesses.append(Guess(f"{path}.description[{n}]", message("importing.moved_up")))
        if description:
            comment = message("importing.guess_moved_up", count=len(moved)) if moved else None
            area["description"] = _commented(description, comment)
        if intentions:
            area["intentions"] = []
            for block in intentions:
                intention: dict[str, Any] = {"text": block.text, "points": list(block.bullets)}
                if not block.text:
                    intention["text"] = _commented(
                        draft.title,
                        self.guess(
                            f"{path}.intentions[{len(area['intentions'])}].text",
                            message("importing.list_without_paragraph"),
                        ),
                    )
                area["intentions"].append(intention)
        goals: list[dict[str, Any]] = []
        # ids are unique in the whole plan (rule HF102), so one set serves every level
        goal_ids = measure_ids = ids
        current: dict[str, Any] | None = None
        for row in draft.rows:
            if not (row.goal or row.measure or row.ongoing):
                continue
            # a merged goal cell repeats its text on every row it spans
            starts = current is None or bool(row.goal and row.goal != str(current["text"]))
            if starts:
                goal_path = f"{path}.goals[{len(goals)}]"
                text: Any = row.goal
                if not row.goal:
                    text = _commented(
                        draft.title,
                        self.guess(
                            f"{goal_path}.text",
                            message("importing.no_goal", where=row.where),
                        ),
                    )
                current = {"id": goal_ids.new(row.goal or draft.title, words=4), "text": text}
                goals.append(current)
            assert current is not None
            goal_path = f"{path}.goals[{len(goals) - 1}]"
            if row.ongoing:
                ongoing = current.setdefault("ongoing_work", [])
                if all(o["text"] != row.ongoing for o in ongoing):
                    work: dict[str, Any] = {
                        "id": ids.new(row.ongoing, words=4),
                        "text": row.ongoing,
                    }
                    if row.ongoing_details:
                        work["details"] = list(row.ongoing_details)
                    ongoing.append(work)
            if row.measure:
                measures = current.setdefault("measures", [])
                measures.append(
                    self.measure(f"{goal_path}.measures[{len(measures)}]", row, measure_ids)
                )
        if goals:
            area["goals"] = goals
        return area

    def measure(self, path: str, row: DraftRow, ids: _Ids) -> dict[str, Any]:
        measure: dict[str, Any] = {"id": ids.new(row.measure, words=4)}
        if row.label:
            measure["label"] = row.label
        measure["text"] = row.measure
        if row.details:
            measure["details"] = list(row.details)
        if row.closing:
            measure["closing"] = list(row.closing)
        notes: list[str] = []
        if row.responsible:
            reading = read_responsible(row.responsible, self.partnership)
            if reading.ids:
                comment = None
                if reading.unmatched:
                    comment = self.guess(
                        f"{path}.responsible",
                        message("importing.part_responsible", text=repr(row.responsible)),
                    )
                measure["responsible"] = _commented(list(reading.ids), comment)
                if reading.join != "and":
                    measure["responsible_join"] = reading.join
            for text, suggestions in reading.unmatched:
                self.unmatched.append(
                    Unmatched(f"{path}.responsible", row.where, text, suggestions)
                )
            if reading.unmatched:
                notes.append(f"Ansvarlig i kilden: {row.responsible}")
        if row.deadline:
            deadline = read_deadline(row.deadline)
            if deadline.deadline is None:
                notes.append(f"Når i kilden: {row.deadline}")
                self.guesses.append(
                    Guess(
                        f"{path}.deadline",
                        message("importing.names_no_time", text=repr(row.deadline)),
                    )
                )
            else:
                self.years += [deadline.deadline.earliest.year, deadline.deadline.latest.year]
                comment = self.guess(f"{path}.deadline", deadline.guess) if deadline.guess else None
                measure["deadline"] = _commented(_deadline_value(deadline.deadline), comment)
        if notes:
            measure["notes"] = notes
        return measure

    # -- the whole plan -------------------------------------------------------------------

    def document(self) -> PlanText:
        draft = self.draft
        doc = tomlkit.document()
        doc.add(tomlkit.comment(message("importing.header_imported", source=draft.source)))
        doc.add(tomlkit.comment(message("importing.header_guesses")))
        doc["kind"] = "action-plan"
        base = slug(draft.title, words=6, fallback="handlingsplan")
        plan_id = base
        if plan_id in self.taken:
            plan_id = f"{base}-importert"
            n = 2
            while plan_id in self.taken:
                plan_id, n = f"{base}-importert-{n}", n + 1
            doc["id"] = _commented(
                plan_id, self.guess("$.id", message("importing.id_taken", id=repr(base)))
            )
        else:
            doc["id"] = plan_id
        doc["title"] = draft.title
        doc["partnership"] = self.partnership.id
        ids = _Ids()
        areas = [self.focus_area(i, a, ids) for i, a in enumerate(draft.focus_areas)]
        title_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", draft.title)]
        if title_years:
            period = {"start": min(title_years), "end": max(title_years)}
            doc["period"] = _inline(period)
        else:
            years = self.years or [dt.date.today().year]
            period = {"start": min(years), "end": max(years)}
            doc["period"] = _commented(
                _inline(period),
                self.guess("$.period", message("importing.period_from_deadlines")),
            )
        sections = [self.section(s) for s in (*draft.sections, *draft.closing_sections)]
        sections = [s for s in sections if len(s) > (1 if "title" in s else 0)]
        if sections:
            doc["sections"] = tomlkit.aot()
            for section in sections:
                doc["sections"].append(section)
        if areas:
            doc["focus_areas"] = tomlkit.aot()
            for area in areas:
                doc["focus_areas"].append(area)
        counts = {
            "focus areas": len(areas),
            "goals": sum(len(a.get("goals", ())) for a in areas),
            "measures": sum(len(g.get("measures", ())) for a in areas for g in a.get("goals", ())),
        }
        return PlanText(
            text=tomlkit.dumps(doc),
            plan_id=plan_id,
            counts=counts,
            guesses=tuple(self.guesses),
            unmatched=tuple(self.unmatched),
        )


def _inline(values: dict[str, Any]) -> Any:
    table = tomlkit.inline_table()
    table.update(values)
    return table


def _chunks(blocks: tuple[DraftBlock, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Blocks as (paragraphs, bullets) runs: paragraphs up to and with their bullet list."""
    chunks: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    paragraphs: list[str] = []
    for block in blocks:
        if block.text:
            paragraphs.append(block.text)
        if block.bullets:
            chunks.append((tuple(paragraphs), block.bullets))
            paragraphs = []
    if paragraphs:
        chunks.append((tuple(paragraphs), ()))
    return chunks


def plan_toml(draft: PlanDraft, partnership: Partnership, *, taken: set[str]) -> PlanText:
    """The TOML text of a new action plan from ``draft`` for ``partnership``; ``taken`` are
    the document ids the partnership already has (the new id avoids them)."""
    return _Writer(draft, partnership, taken).document()
