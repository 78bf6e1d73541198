"""What changed between two revisions of a document, item by item and field by field.

Items are matched **by id, not by position**: a measure that keeps its id is the same
measure wherever it sits. Every list of records that have an ``id`` (focus areas, goals,
ongoing work, measures, references, commitments, main goals, applications, partners,
bodies, roles, groups, plugin types alike) is matched across the whole document, so a
measure moved to another goal is *moved*, not removed and added. Lists keyed by something
else are matched within their parent: a body's seats by their holder, an annual report's
measure follow-ups by their measure. Other values (texts, lists of texts, deadlines,
sections, intentions) are compared as values; records without an id (``basis``,
``introduction``, a body's ``mandate``) field by field, as ``basis.declaration``.

The order of items among their siblings is not compared: reordering is not a change.

**Renamed items.** Where an item's id changed, the items left unmatched in the two
revisions are paired *by text similarity*: two items of the same type whose texts (their
``text``, else ``title``, else ``name``) are at least :data:`SIMILARITY_THRESHOLD` alike
(:class:`difflib.SequenceMatcher`'s ratio, from 0 to 1) are the same item, the most alike
first. The pair is reported as one *changed* item: a change of its ``id`` that carries the
``score``, then its other changes, as for any item.

**Status updates.** Where the new revision's ``updates`` of a measure (or decision) are
the old ones with more after them, each appended update is one *added* change
(``item_type`` ``status-update``, ``field`` ``updates``), not the whole list as changed.

**Fields not rendered.** ``notes`` and ``source`` (:data:`HIDDEN_FIELDS`) are curation
metadata no rendered document shows; ``diff(..., all_fields=False)`` leaves their changes
out.

Building the diff is linear in the size of the two documents (each is indexed once),
plus the similarity of each pair of unmatched items of the same type.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import re
import typing
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs

from ..errors import UsageError
from ..messages import message
from ..model import (
    Bundle,
    Deadline,
    Document,
    MeasureFollowUp,
    Partnership,
    Period,
    Seat,
)
from .values import json_value, key_text, toml_value

__all__ = [
    "HIDDEN_FIELDS",
    "JSON_FORMAT",
    "JSON_VERSION",
    "LOCAL_KEYS",
    "SIMILARITY_THRESHOLD",
    "BundleDiff",
    "Change",
    "ChangeKind",
    "DocumentDiff",
    "diff",
    "diff_bundles",
    "item_index",
    "item_text",
    "item_type",
    "similarity",
    "word_changes",
]

SIMILARITY_THRESHOLD = 0.8
"""How alike (0 to 1, :func:`similarity`) the texts of two items with different ids must
be for the diff to take them as one item whose id changed. At 0.8 a sentence with one or
two words changed matches; two different measures that share a few words do not."""

HIDDEN_FIELDS = frozenset({"notes", "source"})
"""Fields no rendered document shows (curation metadata): left out unless asked for."""

JSON_FORMAT = "helsefellesskap-diff"
"""The ``format`` key of the diff's JSON form."""

JSON_VERSION = 1
"""The version of the diff's JSON form; raised only when a key changes meaning or goes away."""

LOCAL_KEYS: dict[type[Any], str] = {Seat: "holder", MeasureFollowUp: "measure"}
"""Records without an id that are matched within their parent list by another field."""

_ATOMIC: tuple[type[Any], ...] = (Deadline, Period)
"""Records compared as one value (they have one compact TOML form)."""

_Key = tuple[Any, ...]
_ROOT: _Key = ("$",)


class ChangeKind(enum.Enum):
    """What happened to an item between two revisions."""

    ADDED = "added"
    """the item is in the new revision only."""
    REMOVED = "removed"
    """the item is in the old revision only."""
    MOVED = "moved"
    """the item (same id) sits under another parent, e.g. a measure under another goal."""
    CHANGED = "changed"
    """a field of the item has another value."""


@attrs.frozen(kw_only=True)
class Change:
    """One difference between two revisions.

    ``path`` is where the change is in the new revision, in TOML keys
    (``$.focus_areas[0].goals[1].measures[2].responsible``); for a removal, where the item
    was in the old one. ``item`` is the id of the item (a seat's holder, a follow-up's
    measure; the document's id for the document's own fields) and ``item_type`` its type
    in kebab case (``measure``, ``focus-area``, ``action-plan``).

    * *added* / *removed*: ``new`` / ``old`` is the whole item, in TOML form.
    * *moved*: ``old_path`` is where it was; ``old`` and ``new`` are the ids of its old
      and new parent (``None`` for the document itself).
    * *changed*: ``field`` names the field (``responsible``, ``basis.declaration``,
      ``rules.HF402``); ``old`` and ``new`` are its values in TOML form, ``None`` where
      the field has no value.
    """

    kind: ChangeKind
    path: str
    item: str | None
    item_type: str
    field: str | None = None
    old: Any = None
    new: Any = None
    old_path: str | None = None
    score: float | None = None
    """For the ``id`` change of an item matched by text similarity: how alike its two
    texts are (0 to 1)."""

    def to_json(self) -> dict[str, Any]:
        """The change as JSON data (dates as ISO 8601 text)."""
        return {
            "kind": self.kind.value,
            "item_type": self.item_type,
            "item": self.item,
            "path": self.path,
            "old_path": self.old_path,
            "field": self.field,
            "old": json_value(self.old),
            "new": json_value(self.new),
            "score": self.score,
        }


@attrs.frozen(kw_only=True)
class DocumentDiff:
    """The differences between two revisions of one document (or partnership).

    ``kind`` is the document's kind (``action-plan``) or ``partnership``; ``changes`` are
    in the order of the new revision, removals where the item stood.
    """

    kind: str
    old_id: str
    new_id: str
    changes: tuple[Change, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the two revisions are the same."""
        return not self.changes

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        """The changes of one kind, in order."""
        return tuple(change for change in self.changes if change.kind is kind)

    def to_json(self) -> dict[str, Any]:
        """The diff as JSON data."""
        return {
            "kind": self.kind,
            "old_id": self.old_id,
            "new_id": self.new_id,
            "changes": [change.to_json() for change in self.changes],
        }


@attrs.frozen(kw_only=True)
class BundleDiff:
    """The differences between two revisions of a partnership folder.

    ``partnership`` compares the two ``partnership.toml``; ``documents`` each document
    id found in both, in the new revision's order; ``added`` and ``removed`` the ids of
    documents found in one revision only.
    """

    partnership: DocumentDiff
    documents: tuple[DocumentDiff, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the two folders hold the same data."""
        return (
            self.partnership.is_empty
            and not self.added
            and not self.removed
            and all(d.is_empty for d in self.documents)
        )


def item_type(cls: type[Any]) -> str:
    """The kebab-case name of a model type: ``FocusArea`` is ``focus-area``; a document's
    type is its ``KIND``."""
    kind = getattr(cls, "KIND", "")
    if isinstance(kind, str) and kind:
        return kind
    return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()


def _has_required_id(cls: type[Any]) -> bool:
    return any(f.name == "id" and f.default is attrs.NOTHING for f in attrs.fields(cls))


_ITEM_LISTS: dict[type[Any], dict[str, tuple[type[Any], str | None]]] = {}


def _item_lists(cls: type[Any]) -> dict[str, tuple[type[Any], str | None]]:
    """The fields of ``cls`` that hold lists of items: name → (item type, local key field).

    The local key is ``None`` for items with an id (matched across the document). Worked
    out once per class.
    """
    cached = _ITEM_LISTS.get(cls)
    if cached is not None:
        return cached
    # A plugin's type whose annotations do not resolve has its lists compared as values.
    with contextlib.suppress(NameError):
        attrs.resolve_types(cls)
    found: dict[str, tuple[type[Any], str | None]] = {}
    for field in attrs.fields(cls):
        args = typing.get_args(field.type)
        if typing.get_origin(field.type) is not tuple or not args:
            continue
        element = args[0]
        if not (isinstance(element, type) and attrs.has(element)):
            continue
        if _has_required_id(element):
            found[field.name] = (element, None)
        elif element in LOCAL_KEYS:
            found[field.name] = (element, LOCAL_KEYS[element])
    _ITEM_LISTS[cls] = found
    return found


def _is_record(value: Any) -> bool:
    return attrs.has(type(value)) and not isinstance(value, _ATOMIC)


class _Node(NamedTuple):
    """An item of a document with where it sits: its parent's key and the list it is in."""

    key: _Key
    obj: Any
    path: str
    parent: _Key
    slot: str
    item: str | None


def _flatten(document: Any) -> list[_Node]:
    """Every item of ``document`` in document order, the document itself first."""
    nodes = [_Node(_ROOT, document, "$", (), "", getattr(document, "id", None))]
    seen: dict[_Key, int] = {}

    def visit(obj: Any, owner: _Key, path: str, prefix: str) -> None:
        lists = _item_lists(type(obj))
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            here = f"{path}.{field.name}"
            slot = prefix + field.name
            if field.name in lists:
                _, local = lists[field.name]
                for position, child in enumerate(value):
                    ident = getattr(child, local or "id")
                    base: _Key = (
                        (type(child).__name__, ident) if local is None else (owner, slot, ident)
                    )
                    count = seen.get(base, 0)
                    seen[base] = count + 1
                    key = (*base, count)
                    child_path = f"{here}[{position}]"
                    nodes.append(_Node(key, child, child_path, owner, slot, ident))
                    visit(child, key, child_path, "")
            elif _is_record(value):
                visit(value, owner, here, slot + ".")

    visit(document, _ROOT, "$", "")
    return nodes


def item_text(obj: Any) -> str | None:
    """The text an item is known by, for matching by similarity: its ``text``, else its
    ``title``, else its ``name``; ``None`` where it has none."""
    for name in ("text", "title", "name"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return None


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 (nothing in common) to 1 (the same):
    :class:`difflib.SequenceMatcher`'s ratio over their characters."""
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_WORD = re.compile(r"\w")


def word_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The words of ``new`` against ``old`` as ``(operation, text)`` pieces in order, the
    operation ``equal``, ``delete`` (in ``old`` only) or ``insert`` (in ``new`` only); a
    replaced passage is its deletion, then its insertion. Inserted and deleted pieces hold
    words (and punctuation), never the spaces around them."""
    before = _TOKEN.findall(old)
    after = _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces: list[tuple[str, str]] = []

    def put(operation: str, text: str) -> None:
        if not text:
            return
        if operation != "equal":
            core = text.strip()
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if not core:
                operation, lead, core, trail = "equal", "", text, ""
            put("equal", lead)
            if core:
                if pieces and pieces[-1][0] == operation:
                    pieces[-1] = (operation, pieces[-1][1] + core)
                else:
                    pieces.append((operation, core))
            put("equal", trail)
            return
        if pieces and pieces[-1][0] == "equal":
            pieces[-1] = ("equal", pieces[-1][1] + text)
        else:
            pieces.append(("equal", text))

    chunks: list[tuple[str, str, str]] = [
        (tag, "".join(before[i1:i2]), "".join(after[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    # Only spaces or punctuation in common between two changes is no common ground: one
    # passage replaced reads better than words, spaces and hyphens alternating.
    for n in range(1, len(chunks) - 1):
        tag, was, _ = chunks[n]
        if (
            tag == "equal"
            and not _WORD.search(was)
            and "equal" not in (chunks[n - 1][0], chunks[n + 1][0])
        ):
            chunks[n] = ("replace", was, was)
    merged: list[tuple[str, str, str]] = []
    for chunk in chunks:
        if merged and chunk[0] != "equal" and merged[-1][0] != "equal":
            last = merged[-1]
            merged[-1] = ("replace", last[1] + chunk[1], last[2] + chunk[2])
        else:
            merged.append(chunk)
    for tag, was, now in merged:
        if tag == "equal":
            put("equal", was)
            continue
        put("delete", was)
        put("insert", now)
    return tuple(pieces)


def _hidden(field: str | None) -> bool:
    return field is not None and any(part in HIDDEN_FIELDS for part in field.split("."))


def _field_changes(
    old: Any, new: Any, path: str, prefix: str
) -> Iterator[tuple[str, str, Any, Any]]:
    """(field, path, old, new) for each field that differs, item lists left out."""
    lists = _item_lists(type(new))
    for field in attrs.fields(type(new)):
        if field.name in lists:
            continue
        before = getattr(old, field.name)
        after = getattr(new, field.name)
        if before == after:
            continue
        name = prefix + field.name
        here = f"{path}.{field.name}"
        if _is_record(before) and _is_record(after) and type(before) is type(after):
            yield from _field_changes(before, after, here, name + ".")
        elif isinstance(before, dict) and isinstance(after, dict):
            for key in (*before, *(k for k in after if k not in before)):
                if before.get(key) != after.get(key):
                    yield (
                        f"{name}.{key_text(str(key))}",
                        f"{here}.{key_text(str(key))}",
                        toml_value(before.get(key)),
                        toml_value(after.get(key)),
                    )
        else:
            yield name, here, toml_value(before), toml_value(after)


def _appended(before: Any, after: Any) -> tuple[Any, ...] | None:
    """The records appended to the list ``before`` to make ``after``, where ``after`` is
    ``before`` with more records after it; ``None`` otherwise."""
    if not (isinstance(before, tuple) and isinstance(after, tuple)):
        return None
    if len(after) <= len(before) or after[: len(before)] != before:
        return None
    added = after[len(before) :]
    return added if all(_is_record(a) for a in added) else None


def _kind_of(item: Document | Partnership) -> str:
    return "partnership" if isinstance(item, Partnership) else item.KIND


def _kind_in_message(item: Document | Partnership) -> str:
    if isinstance(item, Partnership):
        return message("followup.kind.partnership")
    return item.KIND


def _similar_pairs(
    old_nodes: list[_Node], new_nodes: list[_Node], threshold: float
) -> dict[_Key, tuple[_Key, float]]:
    """Old key → (new key, score) for items with an id found in one revision only, paired
    by the similarity of their texts (the most alike first, each used once)."""
    new_keys = {node.key for node in new_nodes}
    old_keys = {node.key for node in old_nodes}
    lonely_old = [
        n for n in old_nodes if n.key != _ROOT and n.key not in new_keys and len(n.key) == 3
    ]
    lonely_new = [
        n for n in new_nodes if n.key != _ROOT and n.key not in old_keys and len(n.key) == 3
    ]
    candidates: list[tuple[float, int, int, _Node, _Node]] = []
    for i, before in enumerate(lonely_old):
        was = item_text(before.obj)
        if was is None:
            continue
        for j, after in enumerate(lonely_new):
            if type(after.obj) is not type(before.obj):
                continue
            now = item_text(after.obj)
            if now is None:
                continue
            score = similarity(was, now)
            if score >= threshold:
                candidates.append((score, i, j, before, after))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: dict[_Key, tuple[_Key, float]] = {}
    taken: set[_Key] = set()
    for score, _, _, before, after in candidates:
        if before.key in pairs or after.key in taken:
            continue
        pairs[before.key] = (after.key, score)
        taken.add(after.key)
    return pairs


def _rekey(nodes: list[_Node], renamed: dict[_Key, _Key]) -> list[_Node]:
    """The old revision's nodes with the keys of items matched by similarity replaced by
    their new keys, in their parents' keys and in the keys of records kept within them."""

    def translate(key: _Key) -> _Key:
        if key in renamed:
            return renamed[key]
        if len(key) == 4 and key[0] in renamed:  # (owner, slot, ident, count)
            return (renamed[key[0]], *key[1:])
        return key

    return [node._replace(key=translate(node.key), parent=translate(node.parent)) for node in nodes]


def diff(
    old: Document | Partnership,
    new: Document | Partnership,
    *,
    all_fields: bool = True,
    threshold: float | None = SIMILARITY_THRESHOLD,
) -> DocumentDiff:
    """The changes from ``old`` to ``new``, two revisions of the same kind of document
    (or two partnerships), matched by id, then by text similarity at ``threshold``
    (``None``: by id only); see the module's description. With ``all_fields=False``
    the changes of :data:`HIDDEN_FIELDS` are left out.

    Raises :class:`~helsefellesskap.errors.UsageError` for two different kinds.
    """
    if type(old) is not type(new):
        raise UsageError(
            message(
                "followup.different_kinds",
                old_kind=_kind_in_message(old),
                old_id=repr(old.id),
                new_kind=_kind_in_message(new),
                new_id=repr(new.id),
            )
        )
    old_nodes = _flatten(old)
    new_nodes = _flatten(new)
    pairs = _similar_pairs(old_nodes, new_nodes, threshold) if threshold is not None else {}
    renamed = {old_key: new_key for old_key, (new_key, _) in pairs.items()}
    scores = {new_key: score for new_key, score in pairs.values()}
    old_ids = {renamed[node.key]: node.item for node in old_nodes if node.key in renamed}
    old_nodes = _rekey(old_nodes, renamed) if renamed else old_nodes
    old_index = {node.key: node for node in old_nodes}
    new_index = {node.key: node for node in new_nodes}
    order = {node.key: n for n, node in enumerate(new_nodes)}
    events: list[tuple[tuple[int, int, int], Change]] = []

    def add(sort: tuple[int, int, int], change: Change) -> None:
        if all_fields or not _hidden(change.field):
            events.append((sort, change))

    for n, node in enumerate(new_nodes):
        kind = item_type(type(node.obj))
        before = old_index.get(node.key)
        if before is None:
            if node.parent in old_index:  # an item inside a new item is part of it
                add(
                    (n, 0, 0),
                    Change(
                        kind=ChangeKind.ADDED,
                        path=node.path,
                        item=node.item,
                        item_type=kind,
                        new=toml_value(node.obj),
                    ),
                )
            continue
        step = 0
        if node.key in scores:
            add(
                (n, 0, step),
                Change(
                    kind=ChangeKind.CHANGED,
                    path=f"{node.path}.id",
                    item=node.item,
                    item_type=kind,
                    field="id",
                    old=old_ids[node.key],
                    new=node.item,
                    score=round(scores[node.key], 3),
                ),
            )
            step += 1
        if node.key != _ROOT and (before.parent, before.slot) != (node.parent, node.slot):
            add(
                (n, 0, step),
                Change(
                    kind=ChangeKind.MOVED,
                    path=node.path,
                    item=node.item,
                    item_type=kind,
                    old=_parent_id(before.parent, old_index),
                    new=_parent_id(node.parent, new_index),
                    old_path=before.path,
                ),
            )
            step += 1
        if before.obj == node.obj:
            continue
        for field, path, was, now in _field_changes(before.obj, node.obj, node.path, ""):
            if field == "id":
                continue
            appended = _appended(getattr(before.obj, field, None), getattr(node.obj, field, None))
            if appended is not None:
                start = len(getattr(before.obj, field))
                for offset, record in enumerate(appended):
                    add(
                        (n, 0, step),
                        Change(
                            kind=ChangeKind.ADDED,
                            path=f"{path}[{start + offset}]",
                            item=node.item,
                            item_type=item_type(type(record)),
                            field=field,
                            new=toml_value(record),
                        ),
                    )
                    step += 1
                continue
            add(
                (n, 0, step),
                Change(
                    kind=ChangeKind.CHANGED,
                    path=path,
                    item=node.item,
                    item_type=kind,
                    field=field,
                    old=was,
                    new=now,
                ),
            )
            step += 1
    anchor = 0
    for m, node in enumerate(old_nodes):
        if node.key in new_index:
            anchor = order[node.key]
            continue
        if node.parent in new_index:
            # Report the outermost removed item; what it held went with it.
            add(
                (anchor, 1, m),
                Change(
                    kind=ChangeKind.REMOVED,
                    path=node.path,
                    item=node.item,
                    item_type=item_type(type(node.obj)),
                    old=toml_value(node.obj),
                ),
            )
    events.sort(key=lambda event: event[0])
    return DocumentDiff(
        kind=_kind_of(new),
        old_id=old.id,
        new_id=new.id,
        changes=tuple(change for _, change in events),
    )


def item_index(document: Document | Partnership) -> dict[str, Any]:
    """Every item of ``document`` that has an id, by id (the first of two with one id),
    the document itself included."""
    found: dict[str, Any] = {}
    for node in _flatten(document):
        if node.item is not None and len(node.key) != 4:
            found.setdefault(str(node.item), node.obj)
    return found


def _parent_id(key: _Key, index: dict[_Key, _Node]) -> str | None:
    if key == _ROOT:
        return None
    node = index.get(key)
    return node.item if node is not None else None


def diff_bundles(
    old: Bundle,
    new: Bundle,
    *,
    all_fields: bool = True,
    threshold: float | None = SIMILARITY_THRESHOLD,
) -> BundleDiff:
    """The changes between two revisions of a partnership folder: ``partnership.toml`` and
    every document whose id is in both; documents in one only are listed as added or
    removed. Documents with the same id but of different kinds raise
    :class:`~helsefellesskap.errors.UsageError`."""
    before = {document.id: document for document in old.documents}
    after_ids = {document.id for document in new.documents}
    documents = tuple(
        diff(before[document.id], document, all_fields=all_fields, threshold=threshold)
        for document in new.documents
        if document.id in before
    )
    return BundleDiff(
        partnership=diff(
            old.partnership, new.partnership, all_fields=all_fields, threshold=threshold
        ),
        documents=documents,
        added=tuple(d.id for d in new.documents if d.id not in before),
        removed=tuple(d.id for d in old.documents if d.id not in after_ids),
    )
