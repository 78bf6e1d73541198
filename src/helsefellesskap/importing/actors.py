"""Responsible texts (``UNN og kommunene``) read into actor ids of a partnership.

A text is first looked up whole (a group may be called ``Kommunene og sykehuset``), then
split at commas, semicolons, ``og``/``eller``/``and``/``&`` and ``/`` and each part looked
up by the actor's id, name, short name, abbreviation or name in another language, ignoring
case. Parts that match nothing are kept as text, with the closest names as suggestions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import attrs

from ..model import Partnership

__all__ = ["ResponsibleReading", "actor_names", "read_responsible"]

_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\bog\b|\beller\b|\band\b)\s*", re.IGNORECASE)


@attrs.frozen
class ResponsibleReading:
    """What a responsible text was read as.

    ``ids`` are the actors found, in order; ``unmatched`` the parts that match no actor,
    each with its did-you-mean ``suggestions`` (actor names); ``join`` is ``"comma"`` when
    two actors were written with a comma (``SSU, FSU DIG``), else ``"and"``.
    """

    ids: tuple[str, ...] = ()
    unmatched: tuple[tuple[str, tuple[str, ...]], ...] = ()
    join: str = "and"


def _names_of(actor: object) -> Iterator[str]:
    for attribute in ("id", "name", "short_name", "abbreviation"):
        value = getattr(actor, attribute, None)
        if isinstance(value, str) and value:
            yield value
    names = getattr(actor, "names", None)
    if isinstance(names, dict):
        yield from (n for n in names.values() if isinstance(n, str))


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("\u00a0", " ").split()).strip(" .")


def actor_names(partnership: Partnership) -> dict[str, str]:
    """Every way the partnership names an actor (case-folded) → the actor's id; the first
    actor keeps a name two share."""
    found: dict[str, str] = {}
    for actor_id, actor in partnership.actors().items():
        for name in _names_of(actor):
            found.setdefault(_key(name), actor_id)
    return found


def read_responsible(text: str, partnership: Partnership) -> ResponsibleReading:
    """Read a responsible text; see the module's description."""
    text = " ".join(text.split())
    if not text:
        return ResponsibleReading()
    names = actor_names(partnership)
    whole = names.get(_key(text))
    if whole is not None:
        return ResponsibleReading(ids=(whole,))
    # the longest names first, so that "Lokale prosjektgrupper kommune/sykehus" is one actor
    lowered = _key(text)
    taken = [False] * len(lowered)
    spans: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", lowered):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                spans.append((match.start(), names[name]))
    rest = "".join(" " if t else c for c, t in zip(lowered, taken, strict=True))
    parts = [p for p in _SPLIT.split(rest) if p.strip(" .")]
    ids: list[str] = []
    for _start, actor_id in sorted(spans):
        if actor_id not in ids:
            ids.append(actor_id)
    unmatched: list[tuple[str, tuple[str, ...]]] = []
    display = {_key(n): n for a in partnership.actors().values() for n in _names_of(a)}
    original = " ".join(text.replace("\u00a0", " ").split())
    for part in parts:
        part = part.strip(" .")
        where = lowered.find(part)
        shown = original[where : where + len(part)] if where >= 0 else part
        close = difflib.get_close_matches(part, list(display), n=3, cutoff=0.6)
        unmatched.append((shown, tuple(display[c] for c in close)))
    commas = len(ids) == 2 and "," in text and not unmatched
    join = "comma" if commas else "and"
    return ResponsibleReading(ids=tuple(ids), unmatched=tuple(unmatched), join=join)
