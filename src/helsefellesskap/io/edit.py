"""Editing a TOML file in place: only the lines of what changed are rewritten.

A file a person wrote keeps its comments, key order, blank lines, quoting and inline
tables when a program saves a changed model into it. The file is parsed with
:mod:`tomlkit` (imported only when a file is edited), the new model is unstructured to
plain data with the same converter as :func:`~helsefellesskap.io.dumps_toml`, and the
smallest difference is applied to the parsed document:

* an unchanged value or subtree is left as it is, comments and all;
* a changed scalar is replaced in place, in the old quoting (basic, literal, multi-line)
  where that quoting can hold the new text, with its end-of-line comment kept;
* records in an array of tables are matched by their ``id`` (else by their content), so a
  new record is inserted where the model has it, a removed one is removed, and a changed
  one is edited key by key;
* a new key goes after the key the model puts before it; a removed key is removed.

tomlkit re-renders a few things it parsed (the space before an inline table's ``}`` after
a date), so the result is merged line by line with the original text: a line the edit did
not touch is the original line. The result is checked: it must load to exactly the new
data, or nothing is written (:class:`EditError`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from ..errors import HelsefellesskapError
from ..messages import message
from ..model import Document, Partnership
from .documents import _writable, structure, structure_document, unstructure
from .text import parse_toml, read_text, write_atomic

if TYPE_CHECKING:
    from tomlkit.container import Container
    from tomlkit.items import Item

__all__ = ["EditError", "edit_file", "edit_text", "same_document"]


class EditError(HelsefellesskapError):
    """A file could not be edited in place so that it loads to the new data.

    Write it afresh instead (``save(item, path, overwrite=True, keep_layout=False)``),
    which loses its comments and layout.
    """


def _same(a: Any, b: Any) -> bool:
    """Equality that tells ``1`` from ``True`` and a date from a datetime."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _plain(item: Any) -> Any:
    """A tomlkit item (or container) as plain Python data, with plain types."""
    value = item.unwrap() if hasattr(item, "unwrap") else item
    return _normalise(value)


def _normalise(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def _records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _flat(value: Mapping[str, Any]) -> bool:
    """Whether a table holds no tables or records, so it reads well on one line."""
    return not any(isinstance(v, Mapping) or _records(v) for v in value.values())


def _fresh(value: Any, *, inner: bool = False) -> Item:
    """A new tomlkit item for a value: a table (an array of tables for records), or a
    value as tomli-w writes it; inside a new table, a flat table is written inline
    (``deadline = { text = "…", means = 2024-12-31 }``), as the bundled files do."""
    import tomlkit

    if isinstance(value, Mapping) and not (inner and _flat(value)):
        table = tomlkit.table()
        for key, item in value.items():
            table.append(key, _fresh(item, inner=True))
        return table
    if _records(value):
        aot = tomlkit.aot()
        for record in value:
            aot.append(_fresh(record))
        return aot
    return _inline(value)


def _inline(value: Any) -> Item:
    """A value as tomli-w writes it on one line (inline tables, arrays, strings)."""
    import tomlkit

    multiline = not (isinstance(value, str) and "\r" in value)
    if isinstance(value, Mapping):
        text = "x = { " + ", ".join(
            f"{_key(k)} = {_inline(v).as_string()}" for k, v in value.items()
        )
        text += " }\n" if value else "}\n"
        text = text.replace("{ }", "{}")
    elif isinstance(value, list):
        text = "x = [" + ", ".join(_inline(v).as_string() for v in value) + "]\n"
    else:
        text = tomli_w.dumps({"x": value}, multiline_strings=multiline)
    item: Item = tomlkit.parse(text).item("x")  # type: ignore[assignment]
    _keep_date_spacing(item)
    return item


def _keep_date_spacing(item: Any) -> None:
    """Keep the space after a date that ends an inline table (``means = 2024-12-31 }``):
    tomlkit parses it into the date's trivia, which an inline table does not render."""
    from tomlkit.items import Array, Date, DateTime, InlineTable, Time

    if isinstance(item, InlineTable):
        for _key, inner in item.value.body:
            _keep_date_spacing(inner)
    elif isinstance(item, Array):
        for inner in item:
            _keep_date_spacing(inner)
    elif (
        isinstance(item, Date | DateTime | Time)
        and item.trivia.comment_ws
        and not item.trivia.comment_ws.strip(" \t")
        and not item.trivia.comment
        and hasattr(item, "_raw")
    ):
        item._raw += item.trivia.comment_ws
        item.trivia.comment_ws = ""


def _key(key: str) -> str:
    return tomli_w.dumps({key: 0}).split(" = ", 1)[0]


def _string(old: Item, value: str) -> Item:
    """A new string in the old string's quoting where that quoting can hold it."""
    import tomlkit
    from tomlkit.items import String, StringType

    if not isinstance(old, String) or "\r" in value:
        return _inline(value)
    literal = old.type in (StringType.SLL, StringType.MLL)
    multiline = old.type in (StringType.MLB, StringType.MLL) or "\n" in value
    try:
        item = tomlkit.string(value, literal=literal, multiline=multiline)
        loaded = parse_toml(f"x = {item.as_string()}\n").get("x")
    except (HelsefellesskapError, ValueError):
        loaded = None
    if loaded != value:
        return _inline(value)
    return item


def _replacement(old: Item, value: Any) -> Item:
    if isinstance(value, str):
        return _string(old, value)
    return _fresh(value)


def _is_trivia(item: Any) -> bool:
    from tomlkit.items import Comment, Null, Whitespace

    return isinstance(item, Whitespace | Comment | Null)


def _container_of(node: Any) -> Container | None:
    from tomlkit.container import Container
    from tomlkit.items import Table

    if isinstance(node, Container):
        return node
    if isinstance(node, Table):
        return node.value
    return None


def _trailing_trivia_start(container: Container) -> int:
    body = container.body
    index = len(body)
    while index > 0 and body[index - 1][0] is None and _is_trivia(body[index - 1][1]):
        index -= 1
    return index


def _end_container(container: Container) -> Container:
    """The container whose end is the end of ``container``'s text: the last table of
    its last table or array of tables, unless comments or blank lines end it first."""
    from tomlkit.items import AoT, Table

    body = container.body
    if not body or _trailing_trivia_start(container) < len(body):
        return container
    last = body[-1][1]
    if isinstance(last, AoT) and last.body:
        return _end_container(last.body[-1].value)
    if isinstance(last, Table):
        return _end_container(last.value)
    return container


def _remove_key(node: Any, key: str) -> None:
    """Remove ``key`` from a table. The comments and blank lines that end a removed table
    or array of tables stand before what follows it (the next section's heading comment),
    so they stay: they end what now comes before that."""
    from tomlkit.items import AoT, Table

    container = _container_of(node)
    item = container.item(key) if container is not None and key in container else None
    if container is None or not isinstance(item, Table | AoT):
        del node[key]
        return
    if isinstance(item, AoT):
        end = _end_container(item.body[-1].value) if item.body else None
    else:
        end = _end_container(item.value)
    moved = []
    if end is not None:
        start = _trailing_trivia_start(end)
        moved = end.body[start:]
        del end.body[start:]
    keys = [None if k is None else k.key for k, _ in container.body]
    position = keys.index(key) if key in keys else -1
    del node[key]
    if not moved:
        return
    before = [v for k, v in container.body[:position] if k is not None] if position > 0 else []
    if position == len(keys) - 1 or (before and isinstance(before[-1], Table | AoT)):
        target = _end_container(container)
        body = target.body
        del body[_trailing_trivia_start(target) :]
        body.extend(moved)


def _add_key(node: Any, key: str, value: Any, before: Sequence[str]) -> None:
    """Add ``key`` to a table: a plain value after the last key the model puts before it,
    a table or an array of tables before the table's trailing comments and blank lines."""
    from tomlkit.items import AoT, Table

    item = _fresh(value)
    container = _container_of(node)
    if container is None:
        node[key] = item
        return
    if isinstance(item, Table | AoT):
        at = _trailing_trivia_start(container)
        first = item.body[0] if isinstance(item, AoT) else item
        if at > 0 and not first.trivia.indent.startswith("\n"):
            first.trivia.indent = "\n" + first.trivia.indent  # a blank line before
        if 0 < at < len(container.body):
            container._insert_at(at, key, item)
        else:
            container.append(key, item)
        return
    for previous in reversed(before):
        if previous in container and not isinstance(container.item(previous), Table | AoT):
            container._insert_after(previous, key, item)
            return
    container.append(key, item)


def _apply_table(node: Any, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """Make the table ``node`` (which loads to ``old``) hold ``new``, touching only what
    differs. A key the file writes but ``old`` leaves out (a default written out) stays
    while ``new`` leaves it out too."""
    for key in [k for k in node if k in old and k not in new]:
        _remove_key(node, key)
    order = list(new)
    for position, (key, value) in enumerate(new.items()):
        if key not in node:
            _add_key(node, key, value, order[:position])
            continue
        if key in old and _same(old[key], value):
            continue
        _apply_value(node, key, old.get(key), value)


def _apply_value(node: Any, key: str, old: Any, value: Any) -> None:
    from tomlkit.items import AoT, Array, InlineTable, Table

    current = node[key]
    if isinstance(value, Mapping) and isinstance(current, Table | InlineTable):
        _apply_table(current, old if isinstance(old, Mapping) else _plain(current), value)
        return
    if not isinstance(value, list) or not isinstance(current, Array | AoT):
        node[key] = _replacement(current, value)
        return
    olds = old if isinstance(old, list) and len(old) == len(current) else None
    records = bool(value) and all(isinstance(v, Mapping) for v in value)
    if isinstance(current, AoT) and records:
        _apply_aot(current, olds or [_plain(t) for t in current.body], value)
        return
    if isinstance(current, Array) and "\n" in current.as_string():
        _apply_array(current, olds or [_plain(v) for v in current], value)
        return
    same_shape = len(value) == len(current) and all(
        isinstance(v, Mapping) and isinstance(c, InlineTable)
        for v, c in zip(value, current, strict=True)
    )
    if isinstance(current, Array) and same_shape:
        for n, (inner, new_inner) in enumerate(zip(current, value, strict=True)):
            old_inner = olds[n] if olds is not None else _plain(inner)
            if not _same(old_inner, new_inner):
                _apply_table(inner, old_inner, new_inner)
        return
    node[key] = _replacement(current, value)


def _match_key(value: Any) -> Any:
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return ("id", value["id"])
    return repr(_normalise(value))


def _opcodes(old: Sequence[Any], new: Sequence[Any]) -> Sequence[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(
        None, [_match_key(v) for v in old], [_match_key(v) for v in new], autojunk=False
    )
    return matcher.get_opcodes()


def _move_trailing_trivia(source: Any, target: Any) -> None:
    """Move the comments and blank lines that end ``source``'s body to the end of
    ``target``, which follows it; a blank line moved also separates the two."""
    source_body = source.value.body
    start = _trailing_trivia_start(source.value)
    moved = source_body[start:]
    del source_body[start:]
    target.value.body.extend(moved)
    blank = moved and type(moved[0][1]).__name__ == "Whitespace" and "\n" in moved[0][1].s
    if blank and not target.trivia.indent.startswith("\n"):
        target.trivia.indent = "\n" + target.trivia.indent


def _take_trailing_trivia(source: Any, target: Any) -> None:
    """Before the record ``source`` is removed: ``target``, the record before it, ends
    with the comments and blank lines that ended ``source``, which stand before what
    follows it (the next record, or the next section's heading comment). The comments
    that ended ``target`` stood before ``source`` and go with it."""
    source_end = _end_container(source.value)
    start = _trailing_trivia_start(source_end)
    moved = source_end.body[start:]
    if not moved:
        return
    target_end = _end_container(target.value)
    target_body = target_end.body
    del target_body[_trailing_trivia_start(target_end) :]
    target_body.extend(moved)
    del source_end.body[start:]


def _lead_with_trailing_trivia(source: Any, target: Any) -> None:
    """Before the first record ``source`` is removed: the comments and blank lines that
    ended it stand before ``target``, the record after it, and belong to it. They now
    stand before ``target``'s header, after what stood before ``source``'s (the text
    before a record's header is its ``indent``, which tomlkit writes as it is)."""
    source_end = _end_container(source.value)
    start = _trailing_trivia_start(source_end)
    moved = "".join(item.as_string() for _, item in source_end.body[start:])
    del source_end.body[start:]
    between = (moved + target.trivia.indent).lstrip("\r\n")
    target.trivia.indent = source.trivia.indent + between


def _apply_aot(aot: Any, old: Sequence[Any], new: Sequence[Mapping[str, Any]]) -> None:
    """Make an array of tables hold ``new``: records matched by id (else by content)."""
    # Work from the end, so that earlier indexes stay valid.
    for tag, i1, i2, j1, j2 in reversed(_opcodes(old, new)):
        if tag == "equal":
            for offset in range(i2 - i1):
                if not _same(old[i1 + offset], new[j1 + offset]):
                    _apply_table(aot.body[i1 + offset], old[i1 + offset], new[j1 + offset])
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(paired):
            _apply_table(aot.body[i1 + offset], old[i1 + offset], new[j1 + offset])
        for index in range(i2 - 1, i1 + paired - 1, -1):
            if index > 0:
                _take_trailing_trivia(aot.body[index], aot.body[index - 1])
            elif len(aot.body) > 1:
                _lead_with_trailing_trivia(aot.body[0], aot.body[1])
            del aot[index]
        position = i1 + paired
        for offset, data in enumerate(new[j1 + paired : j2]):
            table = _fresh(data)
            at = position + offset
            if at >= len(aot.body):
                previous = aot.body[-1] if aot.body else None
                aot.append(table)
                if previous is not None:
                    _move_trailing_trivia(previous, aot.body[-1])
            else:
                aot.insert(at, table)
                _copy_spacing(aot.body[at + 1], aot.body[at])


def _copy_spacing(source: Any, target: Any) -> None:
    """Give a new table the blank lines that end the table after it."""
    import tomlkit

    body = source.value.body
    start = _trailing_trivia_start(source.value)
    blank = all(type(item).__name__ == "Whitespace" for _, item in body[start:])
    if start < len(body) and blank:
        target.value.body.append((None, tomlkit.ws("\n")))


def _apply_array(array: Any, old: Sequence[Any], new: Sequence[Any]) -> None:
    """Edit a multi-line array element by element, keeping its layout."""
    for tag, i1, i2, j1, j2 in reversed(_opcodes(old, new)):
        if tag == "equal":
            continue
        for index in range(i2 - 1, i1 - 1, -1):
            del array[index]
        for offset, value in enumerate(new[j1:j2]):
            array.insert(i1 + offset, _inline(value))


def _merge_lines(original: str, baseline: str, edited: str) -> str:
    """The original text with the lines the edit changed (``baseline`` → ``edited``)."""
    original_lines = original.splitlines(keepends=True)
    baseline_lines = baseline.splitlines(keepends=True)
    if len(original_lines) != len(baseline_lines):
        return edited
    edited_lines = edited.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, baseline_lines, edited_lines, autojunk=False)
    merged: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        merged.extend(original_lines[i1:i2] if tag == "equal" else edited_lines[j1:j2])
    return "".join(merged)


def edit_text(
    text: str,
    data: Mapping[str, Any],
    *,
    old: Mapping[str, Any] | None = None,
    normalise: Callable[[dict[str, Any]], Any] | None = None,
    file: Path | None = None,
) -> str:
    """The TOML ``text`` changed to hold ``data``, rewriting only the lines that change.

    ``data`` is plain TOML data (as :func:`~helsefellesskap.io.unstructure` gives), and
    ``old`` the same for what ``text`` holds (default: the text's data as it is). Keys the
    text writes out that ``old`` leaves out (defaults written explicitly) are kept. The
    result, passed through ``normalise`` (default: unchanged), must equal ``data``, or
    :class:`EditError` is raised and nothing is returned.
    """
    import tomlkit

    raw = parse_toml(text, file=file)  # a syntax error is reported as for loading
    document = tomlkit.parse(text)
    baseline = document.as_string()
    _apply_table(document, _normalise(raw) if old is None else old, data)
    edited = document.as_string()
    expected = _normalise(data)
    for candidate in (_merge_lines(text, baseline, edited), edited):
        try:
            loaded = parse_toml(candidate, file=file)
            result = normalise(loaded) if normalise is not None else loaded
        except HelsefellesskapError:
            continue
        if _same(_normalise(result), expected):
            return candidate
    where = f"{file}: " if file is not None else ""
    raise EditError(where + message("files.edit_failed"))


def same_document(item: Document | Partnership, path: Path) -> bool:
    """Whether the TOML file at ``path`` holds the same document as ``item`` (same kind
    and id), so that saving ``item`` there is an edit of it."""
    try:
        data = parse_toml(read_text(path), file=path)
    except (HelsefellesskapError, OSError):
        return False
    kind = item.KIND if isinstance(item, Document) else None
    return data.get("id") == item.id and data.get("kind") == kind


def _plain_model(raw: dict[str, Any], item: Document | Partnership, file: Path) -> Any:
    """What a file's data loads to, as plain data again (defaults left out)."""
    if isinstance(item, Document):
        return unstructure(structure_document(raw, file=file, types={item.KIND: type(item)}))
    return unstructure(structure(raw, type(item), file=file))


def edit_file(item: Document | Partnership, path: str | Path) -> Path:
    """Save ``item`` into the existing TOML file at ``path``, keeping the file as written.

    Only the lines of what changed are rewritten; comments, key order, blank lines,
    quoting and inline tables stay. The write is atomic. Raises :class:`EditError` if the
    edit cannot be made exactly, and :class:`~helsefellesskap.errors.DataError` for text
    that could not be loaded again (a control character) or a file that does not load.
    """
    path = Path(path)
    text = read_text(path)
    data = _writable(unstructure(item))
    old = _plain_model(parse_toml(text, file=path), item, path)
    new_text = edit_text(
        text,
        data,
        old=old,
        normalise=lambda raw: _plain_model(raw, item, path),
        file=path,
    )
    if new_text != text:
        write_atomic(path, new_text.encode("utf-8"))
    return path
