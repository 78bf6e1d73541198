"""The outline of a changelog (:class:`~helsefellesskap.followup.changelog.Changelog`).

In order: the title ("Endringer fra Handlingsplan 2023 til 2025–2026": words the two
titles begin with are not repeated), the facts (the two revisions and how many items
were changed, added, removed and moved), how insertions and deletions are marked, then
one section per item in the new revision's order: what happened to it (changed, added,
removed, moved) and, for a change, each field with its old and new value. A text is
compared word by word: inserted words are strong emphasis with role ``insert``, deleted
words emphasis with role ``delete``; other values show the old one deleted and the new
one inserted. An item matched by text similarity shows its old id and the score.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..followup.changelog import Changelog
from ..followup.revisions import (
    Change,
    ChangeKind,
    item_index,
    item_text,
    word_changes,
)
from ..followup.revisions import (
    item_type as type_name,
)
from ..followup.values import toml_text
from ..model import Document, Partnership
from ..render.format import RenderContext
from .blocks import (
    Block,
    Emphasis,
    Fact,
    Facts,
    Heading,
    Inline,
    Inlines,
    Outline,
    Paragraph,
    Section,
    Text,
    runs,
)
from .common import Builder

__all__ = ["build_changelog", "changelog_title", "marked_text", "short_title"]

_NAME_LENGTH = 90
"""Item texts longer than this are cut at a word in the section headings."""

_ACTOR_FIELDS = frozenset({"responsible", "parties", "members", "reported_by", "adopted_by"})
"""Fields that hold actor ids, shown by the actors' names."""

_DOCUMENT_FIELDS = frozenset({"replaces", "revision_of", "declaration", "plan"})
"""Fields that hold a document's id, shown by its title where the bundle has it."""


def short_title(old: str, new: str) -> str:
    """``new`` without the words it begins with in common with ``old`` ("Handlingsplan
    2025–2026" after "Handlingsplan 2023" is "2025–2026"); ``new`` itself where nothing
    would be left."""
    before, after = old.split(), new.split()
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    rest = after[same:]
    return " ".join(rest) if rest and same else new


def changelog_title(log: Changelog, context: RenderContext) -> str:
    """The changelog's title in the rendering language."""
    old = _title(log.old)
    return context.label("changelog.title", old=old, new=short_title(old, _title(log.new)))


def _title(item: Document | Partnership) -> str:
    return item.name if isinstance(item, Partnership) else item.title


def inserted(text: str) -> Inline:
    """Text that the new revision adds."""
    return Emphasis(runs=runs(text), strong=True, role="insert")


def deleted(text: str) -> Inline:
    """Text that the new revision removes."""
    return Emphasis(runs=runs(text), role="delete")


def marked_text(old: str, new: str) -> Inlines:
    """``new`` with the words it adds to ``old`` inserted and those it drops deleted."""
    out: list[Inline] = []
    for operation, text in word_changes(old, new):
        if operation == "equal":
            out.append(Text(text))
        else:
            if out and not isinstance(out[-1], Text):
                out.append(Text(" "))
            out.append(inserted(text) if operation == "insert" else deleted(text))
    return tuple(out)


class _ChangelogOutline:
    def __init__(self, log: Changelog, context: RenderContext) -> None:
        self.log = log
        self.context = context
        self.out = Builder(log, context)
        self.old = item_index(log.old)
        self.new = item_index(log.new)

    def maybe(self, key: str, fallback: str) -> Inline:
        """The label ``key`` where the catalogue has it, else ``fallback`` as it is."""
        if key in self.context.labels:
            return self.out.label(key)
        return Text(fallback)

    def type_label(self, item_type: str) -> Inline:
        if item_type in (self.log.changes.kind, "partnership"):
            return self.maybe(f"kind.{item_type}", item_type)
        return self.maybe(f"changelog.type.{item_type}", item_type)

    def name(self, item: str | None, new: bool = True) -> str:
        """What readers know an item by: its label and text, cut short; its id else."""
        if item is None:
            return ""
        found = (self.new if new else self.old).get(item) or (self.old if new else self.new).get(
            item
        )
        text = item_text(found) if found is not None else None
        if text is None:
            return item
        label = getattr(found, "label", None)
        if isinstance(label, str) and label:
            text = f"{label} {text}"
        text = " ".join(text.split())
        if len(text) > _NAME_LENGTH:
            text = text[:_NAME_LENGTH].rsplit(" ", 1)[0] + " …"
        return text

    # -- values -------------------------------------------------------------------------

    def shown(self, field: str, value: Any) -> str:
        """A value as readers read it: actors by name, a status by its word."""
        if value is None or value == [] or value == "":
            return self.out.text("word.none")
        if field.rsplit(".", 1)[-1] in _DOCUMENT_FIELDS and isinstance(value, str):
            return self.out.document_title(value) or value
        if isinstance(value, str) and field.rsplit(".", 1)[-1] not in _ACTOR_FIELDS | {"status"}:
            return value
        if isinstance(value, dt.date):
            return self.out.date(value) or value.isoformat()
        if isinstance(value, dict) and "start" in value and "end" in value:
            return f"{value['start']}–{value['end']}"
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            return str(value["text"])
        last = field.rsplit(".", 1)[-1]
        if last in _ACTOR_FIELDS:
            ids = value if isinstance(value, list) else [value]
            return ", ".join(self.out.actor(str(i)) for i in ids)
        if last == "status" and isinstance(value, str):
            return self.out.text(f"status.{value}")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return "\n".join(value)
        return toml_text(value)

    def value_change(self, change: Change) -> Inlines:
        field = change.field or ""
        was, now = change.old, change.new
        last = field.rsplit(".", 1)[-1]
        texts = (str, list)
        if last in _ACTOR_FIELDS and isinstance(was, list) and isinstance(now, list):
            return self.actor_list(was, now)
        if (
            isinstance(was, texts)
            and isinstance(now, texts)
            and last not in _ACTOR_FIELDS | _DOCUMENT_FIELDS
            and last != "status"
            and all(isinstance(v, str) for v in (was if isinstance(was, list) else [was]))
            and all(isinstance(v, str) for v in (now if isinstance(now, list) else [now]))
        ):
            return marked_text(self.shown(field, was), self.shown(field, now))
        return (deleted(self.shown(field, was)), Text(" → "), inserted(self.shown(field, now)))

    def actor_list(self, was: list[Any], now: list[Any]) -> Inlines:
        """A list of actors: those kept as they are, those dropped deleted, those added
        inserted, by name."""
        out: list[Inline] = []
        for actor in [*was, *(a for a in now if a not in was)]:
            if out:
                out.append(Text(", "))
            name = self.out.actor(str(actor))
            if actor not in now:
                out.append(deleted(name))
            elif actor not in was:
                out.append(inserted(name))
            else:
                out.append(Text(name))
        return tuple(out)

    # -- changes ------------------------------------------------------------------------

    def fact(self, change: Change) -> Fact:
        field = change.field or ""
        label = self.maybe(f"changelog.field.{field.rsplit('.', 1)[-1]}", field)
        value = self.value_change(change)
        if change.score is not None:
            score = self.out.label("changelog.similar", score=round(change.score * 100))
            value = (*value, Text(" ("), score, Text(")"))
        return Fact(label=(label,), value=value)

    def update(self, change: Change) -> Paragraph:
        data = change.new if isinstance(change.new, dict) else {}
        parts: list[str] = []
        if "date" in data:
            parts.append(self.out.date(data["date"]) or toml_text(data["date"]))
        if "status" in data:
            parts.append(self.out.text(f"status.{data['status']}"))
        if data.get("note"):
            parts.append(str(data["note"]))
        return Paragraph(
            runs=(self.out.label("changelog.new_update"), Text(": "), inserted(" – ".join(parts))),
            role="status-update",
        )

    def moved(self, change: Change) -> Paragraph:
        def where(item: Any, new: bool) -> str:
            if item is None:
                return self.out.text("changelog.top")
            return self.name(str(item), new)

        return Paragraph(
            runs=(
                self.out.label(
                    "changelog.moved_from_to",
                    old=where(change.old, False),
                    new=where(change.new, True),
                ),
            ),
            role="moved",
        )

    def group(self, changes: Sequence[Change]) -> Section:
        first = changes[0]
        whole = first.field is None and first.kind in (ChangeKind.ADDED, ChangeKind.REMOVED)
        if whole:
            kind = first.kind
        elif all(c.kind is ChangeKind.MOVED for c in changes):
            kind = ChangeKind.MOVED
        else:
            kind = ChangeKind.CHANGED
        removed = kind is ChangeKind.REMOVED
        item_type = first.item_type if whole or first.field != "updates" else "measure"
        if not whole and first.item is not None:
            found = self.new.get(first.item)
            if found is not None and first.kind is ChangeKind.ADDED:
                item_type = type_name(type(found))
        name = self.name(first.item, not removed)
        if item_type in (self.log.changes.kind, "partnership"):
            what: Inlines = runs(_title(self.log.new))
        else:
            what = (self.type_label(item_type), *((Text(f" «{name}»"),) if name else ()))
        heading = Heading(
            level=2, runs=(self.out.label(f"changelog.{kind.value}"), Text(": "), *what)
        )
        blocks: list[Block] = []
        facts: list[Fact] = []

        def flush() -> None:
            if facts:
                blocks.append(Facts(items=tuple(facts), role="changes"))
                facts.clear()

        for change in changes:
            if whole:
                source = self.new if change.kind is ChangeKind.ADDED else self.old
                found = source.get(change.item or "")
                text = item_text(found) if found is not None else None
                shown = text if text is not None else toml_text(change.new or change.old)
                blocks.append(
                    Paragraph(runs=((deleted if removed else inserted)(shown),), role=kind.value)
                )
            elif change.kind is ChangeKind.MOVED:
                flush()
                blocks.append(self.moved(change))
            elif change.kind is ChangeKind.ADDED:
                flush()
                blocks.append(self.update(change))
            elif change.kind is ChangeKind.CHANGED:
                facts.append(self.fact(change))
        flush()
        return Section(
            heading=heading,
            blocks=tuple(blocks),
            role=f"change-{kind.value}",
            data=(("item", first.item or ""), ("type", item_type)),
        )

    def groups(self) -> list[list[Change]]:
        found: list[list[Change]] = []
        for change in self.log.changes.changes:
            whole = change.field is None and change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED)
            if found and not whole and change.item is not None:
                last = found[-1][0]
                last_whole = last.field is None and last.kind in (
                    ChangeKind.ADDED,
                    ChangeKind.REMOVED,
                )
                if not last_whole and last.item == change.item:
                    found[-1].append(change)
                    continue
            found.append([change])
        return found

    def counts(self, groups: Sequence[Sequence[Change]]) -> list[tuple[str, str | None]]:
        kinds: Counter[str] = Counter()
        for changes in groups:
            first = changes[0]
            if first.field is None and first.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
                kinds[first.kind.value] += 1
            elif all(c.kind is ChangeKind.MOVED for c in changes):
                kinds["moved"] += 1
            else:
                kinds["changed"] += 1
        return [
            (f"changelog.count_{k}", str(kinds[k]) if kinds[k] else None)
            for k in ("changed", "added", "removed", "moved")
        ]

    def build(self) -> list[Block]:
        out = self.out
        title = changelog_title(self.log, self.context)
        groups = self.groups()
        blocks: list[Block] = out.start(title)
        blocks += out.facts(
            [
                ("changelog.from", _title(self.log.old)),
                ("changelog.to", _title(self.log.new)),
                *self.counts(groups),
            ]
        )
        if not groups:
            blocks += [Paragraph(runs=(out.label("changelog.none"),))]
            return blocks
        blocks.append(
            Paragraph(
                runs=(
                    out.label("changelog.legend_insert"),
                    Text(" "),
                    inserted(out.text("changelog.legend_inserted")),
                    Text(", "),
                    out.label("changelog.legend_delete"),
                    Text(" "),
                    deleted(out.text("changelog.legend_deleted")),
                    Text("."),
                ),
                role="legend",
            )
        )
        blocks += [self.group(changes) for changes in groups]
        return blocks


def build_changelog(log: Changelog, context: RenderContext) -> Outline:
    """The outline of ``log``."""
    builder = _ChangelogOutline(log, context)
    blocks = builder.build()
    return builder.out.outline(changelog_title(log, context), blocks)
