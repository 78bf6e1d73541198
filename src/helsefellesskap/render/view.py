"""The view model the outline builders share (:mod:`helsefellesskap.outline`).

These are pure functions of a document, its partnership and a
:class:`~helsefellesskap.render.RenderContext` (for labels and layout). They decide
*what* a reader sees — who "FSU REST" is, which cells of the goals and measures table
span which rows, how sections are numbered, the one governance tree — and the outline
builders turn their answers into blocks that every format writes. Formats use the
outline, not these functions (the HTML diagram draws the governance tree through the
outline's :class:`~helsefellesskap.outline.GovernanceDiagram`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from ..codecache import compile_generated
from ..errors import RenderError
from ..model import (
    AbbreviationList,
    ActionPlan,
    AnnualReport,
    Body,
    BodyStatus,
    Declaration,
    Document,
    FocusArea,
    FundingRound,
    Goal,
    Link,
    Measure,
    NationalFrame,
    OngoingWork,
    Partnership,
    Reference,
)
from ..model.annual_report import resolve_follow_up
from .format import RenderContext

__all__ = [
    "EDGE_KINDS",
    "MEASURE_COLUMNS",
    "ROOT_ORDER",
    "Abbreviation",
    "BodyView",
    "CommitmentView",
    "Edge",
    "FundingRoundView",
    "MainGoalView",
    "MeasureTable",
    "MeetingRow",
    "OtherName",
    "PartnerView",
    "PlanNumbering",
    "PlanParts",
    "ReferenceName",
    "RowSlot",
    "SeatView",
    "TableCell",
    "TableRow",
    "TreeRow",
    "abbreviations",
    "actor_full",
    "actor_name",
    "adoption_text",
    "amount_text",
    "body_views",
    "check_columns",
    "commitment_views",
    "date_text",
    "declaration_of",
    "document_omit",
    "followed_measures",
    "funding_round_views",
    "goal_rows",
    "governance_edges",
    "governance_tree",
    "has_introduction",
    "join_names",
    "measure_rows",
    "measure_table",
    "measure_text",
    "meeting_rhythms",
    "meeting_rows",
    "national_goal_texts",
    "national_text",
    "partner_views",
    "plan_measure_columns",
    "plan_numbering",
    "plan_omit",
    "plan_parts",
    "priority_group_names",
    "reference_text",
    "responsible_text",
    "shown_abbreviations",
    "shows_overarching_goal",
]

MEASURE_COLUMNS: tuple[str, ...] = (
    "goal",
    "ongoing_work",
    "measure",
    "responsible",
    "deadline",
    "status",
)
"""The columns a goals and measures table can have (``Layout.measure_columns``)."""


# -- actors ---------------------------------------------------------------------------


_last_actors: tuple[Partnership, Mapping[str, Any]] | None = None
"""The actors of the partnership last asked about (a strong reference, so ``is`` cannot
match another object): a document names its actors hundreds of times, and
:meth:`Partnership.actors` builds its map anew on every call. The partnership is frozen
and its actors are tuples of frozen values, so its map cannot change."""


def _actors(partnership: Partnership) -> Mapping[str, Any]:
    global _last_actors
    last = _last_actors
    if last is not None and last[0] is partnership:
        return last[1]
    found = partnership.actors()
    _last_actors = (partnership, found)
    return found


def actor_name(actor_id: str, partnership: Partnership) -> str:
    """How a document names an actor: a body's abbreviation (``FSU REST``), a partner's or
    role's short name (``UNN``), else its name; a group's name; an unknown id verbatim."""
    actor = _actors(partnership).get(actor_id)
    return actor.display_name if actor is not None else actor_id


def actor_full(actor_id: str | None, partnership: Partnership) -> str | None:
    """An actor in full with its short form, where the document names the adopting or
    receiving body or partner: ``Partnerskapsmøtet (PM)``,
    ``Universitetssykehuset Nord-Norge (UNN)``; a partner whose short name is part of its
    name by its name alone; anything else as :func:`actor_name` names it. ``None`` for no id.
    """
    if not actor_id:
        return None
    body = partnership.body(actor_id)
    if body is not None and body.abbreviation:
        return f"{body.name} ({body.abbreviation})"
    partner = partnership.partner(actor_id)
    if partner is not None:
        if partner.short_name and partner.short_name not in partner.name:
            return f"{partner.name} ({partner.short_name})"
        return partner.name
    return actor_name(actor_id, partnership)


def adoption_text(day: dt.date | None, actor_id: str | None, context: RenderContext) -> str | None:
    """When and by whom a document was adopted, as one text:
    ``14.03.2024 – Partnerskapsmøtet (PM)``; either part alone where the other is
    missing; ``None`` for neither."""
    when = date_text(day, context.language) if day is not None else None
    who = actor_full(actor_id, context.partnership)
    return " – ".join(part for part in (when, who) if part) or None


def join_names(names: Sequence[str], and_word: str) -> str:
    """``A``; ``A og B``; three or more joined with commas, as the sources write them
    (``SEKR, UNN, kommunene``)."""
    if len(names) == 2:
        return f"{names[0]} {and_word} {names[1]}"
    return ", ".join(names)


def responsible_text(
    ids: Sequence[str],
    partnership: Partnership,
    context: RenderContext | None = None,
    join: str = "and",
) -> str:
    """The responsible actors as one text: ``["unn", "kommunene"]`` → ``UNN og kommunene``;
    with ``join`` ``comma`` (``Measure.responsible_join``), as the source writes them:
    ``["ssu", "fsu-dig"]`` → ``SSU, FSU DIG``.

    The word for "and" comes from the label ``word.and`` (``og`` without a context).
    """
    actors = _actors(partnership)
    names = [
        actor.display_name if (actor := actors.get(i)) is not None else i for i in ids
    ]  # each as actor_name() names it, the map looked up once
    if join == "comma":
        return ", ".join(names)
    and_word = context.label("word.and") if context is not None else "og"
    return join_names(names, and_word)


# -- abbreviations --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Abbreviation:
    """One line of the abbreviations list: ``FSU REST = faglig samarbeidsutvalg for …``."""

    abbreviation: str
    name: str
    body: str
    """The body's id."""


_UNRENDERED: tuple[tuple[type, str], ...] = ((Document, "notes"), (Measure, "notes"))
"""Fields that hold remarks about the source, never shown in the document's text."""


def _strings(value: object) -> Iterator[str]:
    """Every text inside a model value, however deeply nested, except the remarks about
    the source that no format shows (a document's and a measure's ``notes``)."""
    found: list[str] = []
    _collect_strings(value, found)
    return iter(found)


@functools.lru_cache(maxsize=256)
def _shown_fields(cls: type) -> tuple[str, ...]:
    """The names of the fields of attrs class ``cls`` whose text a document shows."""
    return tuple(
        field.name
        for field in attrs.fields(cls)
        if not any(issubclass(cls, kind) and field.name == name for kind, name in _UNRENDERED)
    )


_SCALARS = frozenset({type(None), bool, int, float, dt.date, dt.datetime})
"""Values that hold no text: a collector does not give them to the walk (a measure's
numbers and dates, hundreds a plan)."""

_NOT_ATTRS = object()
_collectors: dict[type, Any] = {}
"""For each attrs class met, the function that collects the texts of its shown fields
(:func:`_collector_of`); :data:`_NOT_ATTRS` for any other type."""


def _collector_of(cls: type) -> Any:
    """``collect(value, add, push)`` for attrs class ``cls``: each shown field
    (:func:`_shown_fields`) that is text is given to ``add``, the text in a tuple too;
    anything else but ``None`` and numbers and dates (:data:`_SCALARS`) is given to
    ``push`` for the walk to look into. Written
    out for the class's fields (as attrs and cattrs write their methods), so that the
    walk of a plan's thousands of measures makes no call per field."""
    if not attrs.has(cls):
        return _NOT_ATTRS
    lines = ["def collect(value, add, push):"]
    for name in _shown_fields(cls):
        lines += [
            f"    v = value.{name}",
            "    if v.__class__ is str:",
            "        add(v)",
            "    elif v.__class__ is tuple:",
            "        for x in v:",
            "            if x.__class__ is str:",
            "                add(x)",
            "            else:",
            "                push(x)",
            "    elif v.__class__ not in SCALARS:",
            "        push(v)",
        ]
    lines.append("    return None")
    namespace: dict[str, Any] = {"SCALARS": _SCALARS}
    exec(compile_generated("\n".join(lines), f"<shown texts of {cls.__qualname__}>"), namespace)
    return namespace["collect"]


def _collect_strings(value: object, found: list[str]) -> None:
    """Append every text inside ``value`` to ``found`` (in no particular order): one loop
    over a stack, the shown fields of each attrs class read by its collector."""
    add = found.append
    stack: list[object] = [value]
    push = stack.append
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            add(item)  # type: ignore[arg-type]
            continue
        collect = _collectors.get(kind)
        if collect is None:
            collect = _collectors[kind] = _collector_of(kind)
        if collect is not _NOT_ATTRS:
            collect(item, add, push)
        elif isinstance(item, str):
            add(item)
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (tuple, list)):
            stack.extend(item)


_TEXTS_APART = "\x00"
"""Joins the texts searched for an abbreviation: not a word character, so an
abbreviation at the end of one text and the start of the next is found as in each."""


def _mentions(abbreviation: str, texts: Sequence[str], joined: str) -> bool:
    """Whether ``abbreviation`` appears as a word in one of ``texts`` (``joined`` is
    them joined by :data:`_TEXTS_APART`: one search instead of one a text)."""
    if abbreviation not in joined:  # a plain search first: most bodies are not named
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(abbreviation) + r"(?!\w)")
    if _TEXTS_APART in abbreviation:  # it could span two texts in the joined one
        return any(pattern.search(text) for text in texts)
    return pattern.search(joined) is not None


def abbreviations(
    item: Document | Partnership,
    partnership: Partnership,
    scope: AbbreviationList = AbbreviationList.MENTIONED,
) -> tuple[Abbreviation, ...]:
    """The abbreviations a reader of ``item`` needs ("Forkortelser i dokumentet").

    With ``scope`` ``mentioned`` (the default), a body with an abbreviation is listed
    when the document names it by id (as responsible, as the adopting body, in its
    structure …) or its abbreviation appears as a word in the document's text; remarks
    about the source (``notes``) do not count. With ``all`` (``Layout.abbreviations``),
    as for the governance overview (``item`` is the partnership), every body with an
    abbreviation is listed. The order is the partnership's body order.
    """
    listed = [b for b in partnership.bodies if b.abbreviation]
    if isinstance(item, Partnership) or scope is AbbreviationList.ALL:
        chosen = listed
    else:
        texts = list(_strings(item))
        ids = set(texts)
        joined = _TEXTS_APART.join(texts)
        chosen = [
            b for b in listed if b.id in ids or _mentions(b.abbreviation or "", texts, joined)
        ]
    return tuple(
        Abbreviation(abbreviation=b.abbreviation or "", name=b.name, body=b.id) for b in chosen
    )


# -- the goals and measures table -----------------------------------------------------


@attrs.frozen(kw_only=True)
class ReferenceName:
    """A framework or source of the plan (its ``references``) as a cell names it."""

    id: str
    title: str


@attrs.frozen(kw_only=True)
class TableCell:
    """A cell of the goals and measures table, read in this order: the ``label`` (a
    measure's ``a)``) before the first paragraph, the paragraphs, the bullet points, the
    ``closing`` paragraphs, the ``links``, and the plan's references the measure draws
    on (shown as "Se: Recruit & Retain").

    ``rowspan`` is how many rows the cell covers (a goal spans its measures).
    """

    column: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    label: str | None = None
    closing: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    references: tuple[ReferenceName, ...] = ()
    rowspan: int = 1

    @property
    def text(self) -> str:
        """The label and paragraphs, joined by line breaks (``a) Utarbeide …``)."""
        first, *rest = self.paragraphs or ("",)
        if self.label:
            first = f"{self.label} {first}".rstrip()
        return "\n".join((first, *rest)) if (first or rest) else ""

    @property
    def is_empty(self) -> bool:
        """Whether the cell shows nothing."""
        return not (
            self.label
            or self.paragraphs
            or self.bullets
            or self.closing
            or self.links
            or self.references
        )


@attrs.frozen(kw_only=True)
class TableRow:
    """A row of the table: one entry per column, ``None`` where a cell above spans into it.

    ``goal``, ``ongoing_work`` and ``measure`` are the ids of what the row shows.
    """

    cells: tuple[TableCell | None, ...]
    goal: str
    ongoing_work: str | None = None
    measure: str | None = None


@attrs.frozen(kw_only=True)
class MeasureTable:
    """The goals and measures table of one focus area, in the partnership's columns."""

    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]

    def measure_ids(self) -> tuple[str, ...]:
        """The measures the table shows, in order."""
        return tuple(r.measure for r in self.rows if r.measure is not None)


def measure_text(measure: Measure) -> str:
    """The measure as the source prints it: its label, then its text (``a) Utarbeide …``)."""
    return f"{measure.label} {measure.text}" if measure.label else measure.text


def goal_rows(goal: Goal, with_ongoing: bool) -> list[tuple[OngoingWork | None, Measure | None]]:
    """The ``(ongoing work, measure)`` of each row of ``goal`` in its goals and measures
    table (:func:`measure_rows`): its measures, or ``with_ongoing`` each ongoing work's
    measures (those whose ``builds_on`` names it first) under it, an ongoing work
    without measures on a row of its own, then the measures that build on none; one
    empty row for a goal without any."""
    if not with_ongoing or not goal.ongoing_work:  # every measure on a row of its own
        return [(None, m) for m in goal.measures] or [(None, None)]
    attached: dict[str, list[Measure]] = {w.id: [] for w in goal.ongoing_work}
    loose: list[Measure] = []
    for measure in goal.measures:
        named = None
        for work_id in measure.builds_on:  # the first ongoing work of the goal it names
            if work_id in attached:
                named = work_id
                break
        (attached[named] if named else loose).append(measure)
    rows: list[tuple[OngoingWork | None, Measure | None]] = []
    for work in goal.ongoing_work:
        rows.extend((work, m) for m in attached[work.id])
        if not attached[work.id]:
            rows.append((work, None))
    rows.extend((None, m) for m in loose)
    return rows or [(None, None)]


def _measure_cell(
    column: str,
    measure: Measure | None,
    context: RenderContext,
    references: Mapping[str, str],
) -> TableCell:
    partnership = context.partnership
    if measure is None:
        return TableCell(column=column)
    if column == "measure":
        return TableCell(
            column=column,
            label=measure.label,
            paragraphs=(measure.text,),
            bullets=measure.details,
            closing=measure.closing,
            links=measure.links,
            references=tuple(
                ReferenceName(id=i, title=references.get(i, i)) for i in measure.references
            ),
        )
    if column == "responsible":
        text = responsible_text(measure.responsible, partnership, context, measure.responsible_join)
        return TableCell(column=column, paragraphs=(text,) if text else ())
    if column == "deadline":
        return TableCell(
            column=column, paragraphs=(measure.deadline.display(),) if measure.deadline else ()
        )
    status = context.label(f"status.{measure.status.value}")
    note = (measure.status_note,) if measure.status_note else ()
    return TableCell(column=column, paragraphs=(status, *note))


def check_columns(columns: Sequence[str]) -> None:
    """Raise :class:`RenderError` if a layout names a column the table does not know."""
    for column in columns:
        if column not in MEASURE_COLUMNS:
            import difflib

            close = difflib.get_close_matches(column, MEASURE_COLUMNS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise RenderError(
                f"layout.measure_columns: unknown column {column!r}: {hint}"
                f"the columns are {', '.join(MEASURE_COLUMNS)}"
            )


def plan_measure_columns(plan: ActionPlan, context: RenderContext) -> tuple[str, ...]:
    """The columns of ``plan``'s goals and measures tables: the layout's, then
    ``deadline`` where some measure of the plan has a deadline and the layout lacks the
    column. A plan that sets deadlines shows them (rule HF605 asks for them), whatever
    the layout; a measure's status is shown where the layout asks for ``status`` (the
    follow-up reports show it otherwise)."""
    columns = list(context.layout.measure_columns)
    if "deadline" not in columns and any(m.deadline is not None for m in plan.measures()):
        columns.append("deadline")
    return tuple(columns)


def measure_table(
    area: FocusArea,
    context: RenderContext,
    references: Sequence[Reference] = (),
    columns: Sequence[str] | None = None,
) -> MeasureTable:
    """The goals and measures table of ``area`` in the columns of ``context.layout``.

    A goal's cell spans the rows of its measures; with an ``ongoing_work`` column, an
    ongoing work's cell spans the measures whose ``builds_on`` names it, ongoing work
    without measures still gets its row, and measures that build on none come last.
    ``references`` are the plan's, so that a measure's cell names those it draws on by
    title (an id the plan lacks verbatim). ``columns`` are the plan's
    (:func:`plan_measure_columns`), the layout's where not given.
    """
    columns = tuple(context.layout.measure_columns if columns is None else columns)
    check_columns(columns)
    titles = {r.id: r.title for r in references}
    rows: list[TableRow] = []
    for slot in measure_rows(area, "ongoing_work" in columns):
        goal, work, measure = slot.goal, slot.ongoing_work, slot.measure
        cells: list[TableCell | None] = []
        for column in columns:
            if column == "goal":
                cells.append(
                    TableCell(column=column, paragraphs=(goal.text,), rowspan=slot.goal_span)
                    if slot.goal_span
                    else None
                )
            elif column == "ongoing_work":
                if work is None:
                    cells.append(TableCell(column=column))
                elif not slot.work_span:
                    cells.append(None)
                else:
                    cells.append(
                        TableCell(
                            column=column,
                            paragraphs=(work.text,),
                            bullets=work.details,
                            links=work.links,
                            rowspan=slot.work_span,
                        )
                    )
            else:
                cells.append(_measure_cell(column, measure, context, titles))
        rows.append(
            TableRow(
                cells=tuple(cells),
                goal=goal.id,
                ongoing_work=work.id if work else None,
                measure=measure.id if measure else None,
            )
        )
    headers = tuple(context.label(f"column.{c}") for c in columns)
    return MeasureTable(columns=columns, headers=headers, rows=tuple(rows))


class RowSlot(NamedTuple):
    """What one row of a goals and measures table shows (:func:`measure_rows`): its goal,
    ongoing work and measure (``None`` for none), and how many rows the goal's and the
    ongoing work's cells span from this row: ``0`` where a cell above covers this row
    (``work_span`` is 1 for a row without ongoing work, whose cell is empty)."""

    goal: Goal
    ongoing_work: OngoingWork | None
    measure: Measure | None
    goal_span: int
    work_span: int


def measure_rows(area: FocusArea, with_ongoing: bool) -> Iterator[RowSlot]:
    """The rows of ``area``'s goals and measures table and the cells that span them: a
    goal's cell spans the rows of its measures; ``with_ongoing`` (an ``ongoing_work``
    column), an ongoing work's cell spans the measures whose ``builds_on`` names it,
    ongoing work without measures gets its own row, and measures that build on none come
    last. :func:`measure_table` and the outline's table are made from these rows."""
    slot = RowSlot._make
    for goal in area.goals:
        if not with_ongoing:  # the rows are the goal's measures
            count = len(goal.measures)
            if not count:
                yield slot((goal, None, None, 1, 1))
            for index, measure in enumerate(goal.measures):
                yield slot((goal, None, measure, count if index == 0 else 0, 1))
            continue
        pairs = goal_rows(goal, with_ongoing)
        count = len(pairs)
        for index, (work, found) in enumerate(pairs):
            if work is None:
                work_span = 1
            elif index > 0 and pairs[index - 1][0] is work:
                work_span = 0
            else:
                work_span = 1
                while index + work_span < count and pairs[index + work_span][0] is work:
                    work_span += 1
            yield slot((goal, work, found, count if index == 0 else 0, work_span))


# -- numbering ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PlanNumbering:
    """Section numbers of an action plan, as the sources number them.

    Introduction ``1``; focus areas ``2`` with each area ``2.1``, ``2.2`` …; the plan's
    other sections and the way forward follow. A part the plan lacks has ``None`` and
    takes no number. The plan's references and funding rounds are not chapters of the
    sources: they follow the way forward unnumbered, as appendices, so that they never
    shift the numbers the sources give (a source's "Veien videre" keeps its number).
    """

    introduction: str | None
    focus_areas: str | None
    areas: Mapping[str, str]
    sections: tuple[str, ...]
    way_forward: str | None


def has_introduction(
    plan: ActionPlan, declaration: Declaration | None, omit: Sequence[str] = ()
) -> bool:
    """Whether the plan's first chapter has anything to show, leaving out the generated
    parts named in ``omit`` (``Layout.omit``)."""
    return bool(
        plan.introduction is not None
        or (plan.national_goals and "national_goals" not in omit)
        or (plan.priority_groups and "priority_groups" not in omit)
        or (declaration is not None and declaration.commitments and "commitments" not in omit)
    )


def plan_numbering(
    plan: ActionPlan, declaration: Declaration | None = None, omit: Sequence[str] = ()
) -> PlanNumbering:
    """Number the chapters of ``plan`` (see :class:`PlanNumbering`); ``omit`` names the
    generated parts the layout leaves out (an introduction made only of them goes)."""
    counter = 0

    def next_number() -> str:
        nonlocal counter
        counter += 1
        return str(counter)

    introduction = next_number() if has_introduction(plan, declaration, omit) else None
    focus = next_number() if plan.focus_areas or plan.focus_areas_intro else None
    areas = {a.id: f"{focus}.{i}" for i, a in enumerate(plan.focus_areas, start=1)}
    sections = tuple(next_number() for _ in plan.sections)
    way_forward = next_number() if plan.way_forward is not None else None
    return PlanNumbering(
        introduction=introduction,
        focus_areas=focus,
        areas=areas,
        sections=sections,
        way_forward=way_forward,
    )


@attrs.frozen(kw_only=True)
class FundingRoundView:
    """A funding round a plan names: its title and year, if the bundle holds it.

    ``document`` is the funding round itself (``None`` where the bundle lacks it, and
    ``title`` is then its id), for a format to link its rendered file.
    """

    id: str
    title: str
    year: int | None
    document: FundingRound | None

    @property
    def text(self) -> str:
        """``Rekrutterings- og samhandlingsmidler 2025``: the title with the year where
        the title does not already say it."""
        if self.year is None or str(self.year) in self.title:
            return self.title
        return f"{self.title} {self.year}"


def funding_round_views(plan: ActionPlan, context: RenderContext) -> tuple[FundingRoundView, ...]:
    """The funding rounds of ``plan`` (its ``funding_rounds``), in its order."""
    views = []
    for round_id in plan.funding_rounds:
        found = context.bundle.document(round_id)
        document = found if isinstance(found, FundingRound) else None
        views.append(
            FundingRoundView(
                id=round_id,
                title=document.title if document else round_id,
                year=document.year if document else None,
                document=document,
            )
        )
    return tuple(views)


# -- declaration ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MainGoalView:
    """A main goal with its heading: ``Hovedmål 1``."""

    id: str
    heading: str
    text: str


@attrs.frozen(kw_only=True)
class CommitmentView:
    """A commitment of the declaration, numbered from 1, with its numbered main goals."""

    id: str
    number: int
    title: str
    statement: str | None
    main_goals: tuple[MainGoalView, ...]


def commitment_views(
    declaration: Declaration, context: RenderContext
) -> tuple[CommitmentView, ...]:
    """The declaration's commitments, each main goal headed ``Hovedmål 1``, ``Hovedmål 2`` …"""
    return tuple(
        CommitmentView(
            id=c.id,
            number=number,
            title=c.title,
            statement=c.statement,
            main_goals=tuple(
                MainGoalView(
                    id=g.id,
                    heading=context.label("declaration.main_goal", number=index),
                    text=g.text,
                )
                for index, g in enumerate(c.main_goals, start=1)
            ),
        )
        for number, c in enumerate(declaration.commitments, start=1)
    )


def _plain(text: str) -> str:
    """Text reduced for comparing wordings: no quotation marks, single spaces, no
    punctuation at either end, case folded."""
    unquoted = re.sub(r"[«»\"“”„'‘’]", "", text)
    return re.sub(r"\s+", " ", unquoted).strip(" .:;,!?").casefold()


def shows_overarching_goal(declaration: Declaration) -> bool:
    """Whether the declaration's overarching goal gets its own block: not where its lead-in
    to the commitments (``commitments_intro``) or its preamble already says it, as
    some declarations do ("Vårt overordnede mål er «…»")."""
    if not declaration.overarching_goal:
        return False
    goal = _plain(declaration.overarching_goal)
    texts = (declaration.commitments_intro or "", *declaration.preamble)
    return not any(goal in _plain(text) for text in texts)


def declaration_of(plan: ActionPlan, context: RenderContext) -> Declaration | None:
    """The declaration the plan is based on, if the bundle holds it."""
    if plan.basis.declaration is None:
        return None
    found = context.bundle.document(plan.basis.declaration)
    return found if isinstance(found, Declaration) else None


# -- the national frame ---------------------------------------------------------------


def national_text(item_id: str, frame: NationalFrame, plan_id: str | None = None) -> str:
    """What the national frame says for ``item_id``: a goal's, requirement's, agreement
    subject's or principle's text, a priority group's or national plan's name. A
    priority group is worded as national plan ``plan_id`` words it, where that plan has
    it. An unknown id comes back verbatim."""
    chosen = frame.plan(plan_id) if plan_id is not None else None
    if chosen is not None:
        group = next((g for g in chosen.priority_groups if g.id == item_id), None)
        if group is not None:
            return group.name
    found = _frame_ids(frame).get(item_id)
    return str(getattr(found, "text", None) or getattr(found, "name", None) or item_id)


_frames: dict[int, tuple[NationalFrame, Mapping[str, Any]]] = {}
"""The items by id of the national frames last asked about, by the frame's identity
(each entry holds the frame, so the identity cannot be another object's):
:meth:`NationalFrame.ids` builds its map anew on every call, and a document looks up
many items. The frame is frozen, so its map cannot change."""


def _frame_ids(frame: NationalFrame) -> Mapping[str, Any]:
    known = _frames.get(id(frame))
    if known is not None and known[0] is frame:
        return known[1]
    if len(_frames) >= 16:  # a few frames are in use at a time (one a language)
        _frames.clear()
    found = frame.ids()
    _frames[id(frame)] = (frame, found)
    return found


def national_goal_texts(ids: Sequence[str], frame: NationalFrame) -> tuple[str, ...]:
    """The texts of national goals by id (an unknown id verbatim)."""
    return tuple(national_text(i, frame) for i in ids)


def priority_group_names(
    ids: Sequence[str], frame: NationalFrame, plan_id: str | None = None
) -> tuple[str, ...]:
    """The names of priority groups, worded as national plan ``plan_id`` words them
    (else as the first plan that has the group; an unknown id verbatim)."""
    return tuple(national_text(i, frame, plan_id) for i in ids)


def document_omit(document: Document, context: RenderContext) -> tuple[str, ...]:
    """The generated parts ``document`` leaves out: the layout's ``omit`` and the
    document's own (``Document.omit``), each once."""
    return tuple(dict.fromkeys((*context.layout.omit, *document.omit)))


def plan_omit(plan: ActionPlan, context: RenderContext) -> tuple[str, ...]:
    """The generated parts ``plan`` leaves out (:func:`document_omit`)."""
    return document_omit(plan, context)


@attrs.frozen(kw_only=True)
class PlanParts:
    """The parts of an action plan's introduction that the renderers generate, after the
    layout's and the plan's ``omit``: an omitted (or empty) part is empty here, and
    ``declaration`` is ``None`` when the declaration's commitments are not shown.

    ``title`` is the heading of the plan's first chapter: the introduction's title, or
    "Innledning" for an introduction without one. A plan without an introduction gets
    no invented "Innledning": its first generated part heads the chapter instead
    ("Satsinger i partnerskapserklæringen"), and ``promoted`` names that part
    (``national_goals``, ``priority_groups`` or ``commitments``) so that formats do not
    repeat its heading below. ``title`` is empty where nothing is shown.
    """

    national_goals: tuple[str, ...]
    priority_groups: tuple[str, ...]
    declaration: Declaration | None
    title: str = ""
    promoted: str | None = None

    def subheading(self, part: str) -> bool:
        """Whether the generated ``part`` gets its own heading inside the chapter."""
        return part != self.promoted


_PART_LABELS = (
    ("national_goals", "plan.national_goals"),
    ("priority_groups", "plan.priority_groups"),
    ("commitments", "plan.commitments"),
)


def plan_parts(
    plan: ActionPlan, declaration: Declaration | None, context: RenderContext
) -> PlanParts:
    """What the generated parts of ``plan``'s introduction show (see :class:`PlanParts`)."""
    omit = plan_omit(plan, context)
    shows_commitments = (
        declaration is not None and bool(declaration.commitments) and "commitments" not in omit
    )
    national_goals = (
        ()
        if "national_goals" in omit
        else national_goal_texts(plan.national_goals, context.national)
    )
    priority_groups = (
        ()
        if "priority_groups" in omit
        else priority_group_names(plan.priority_groups, context.national, plan.basis.national_plan)
    )
    shown = {
        "national_goals": bool(national_goals),
        "priority_groups": bool(priority_groups),
        "commitments": shows_commitments,
    }
    promoted: str | None = None
    if plan.introduction is not None:
        title = plan.introduction.title or context.label("plan.introduction")
    else:
        promoted = next((part for part, _ in _PART_LABELS if shown[part]), None)
        title = context.label(dict(_PART_LABELS)[promoted]) if promoted else ""
    return PlanParts(
        national_goals=national_goals,
        priority_groups=priority_groups,
        declaration=declaration if shows_commitments else None,
        title=title,
        promoted=promoted,
    )


def shown_abbreviations(
    item: Document | Partnership, context: RenderContext
) -> tuple[Abbreviation, ...]:
    """The abbreviations list of ``item`` as rendered: :func:`abbreviations` in the
    layout's scope, and nothing for a document whose layout (or own ``omit``) leaves
    the list out; the governance overview always has it."""
    if isinstance(item, Document) and "abbreviations" in document_omit(item, context):
        return ()
    return abbreviations(item, context.partnership, context.layout.abbreviations)


# -- follow-up ------------------------------------------------------------------------


def followed_measures(report: AnnualReport, context: RenderContext) -> dict[str, Measure]:
    """The measures an annual report's follow-ups name, by the name each follow-up gives
    (a measure id of the report's plan, or ``<plan id>.<measure id>`` of any plan of the
    bundle), resolved by :func:`~helsefellesskap.model.annual_report.resolve_follow_up` as
    rule HF213 and the status report resolve them; a name that resolves to nothing is
    left out."""
    measures: dict[str, dict[str, Measure]] = {
        plan.id: {measure.id: measure for measure in plan.measures()}
        for plan in context.bundle.documents_of(ActionPlan)
    }

    def has_measure(plan_id: str, measure_id: str) -> bool:
        return measure_id in measures.get(plan_id, {})

    found: dict[str, Measure] = {}
    for follow_up in report.measure_status:
        target = resolve_follow_up(follow_up.measure, report.plan, has_measure)
        if target is not None:
            found[follow_up.measure] = measures[target[0]][target[1]]
    return found


@attrs.frozen(kw_only=True)
class MeetingRow:
    """A row of an annual report's meetings table: the body that met, named as the
    partnership names it, and how many times."""

    who: str
    count: str


def meeting_rows(report: AnnualReport, context: RenderContext) -> tuple[MeetingRow, ...]:
    """The report's counted meetings as rows: the body in full (``partnerskapsmøtet
    (PM)``), else the kind of body, and the count. The source's own line ("Ett
    partnerskapsmøte") repeats the count and is not used; a meeting without a count is
    no row (see :func:`meeting_rhythms`)."""
    rows = []
    for meeting in report.meetings:
        if meeting.count is None:
            continue
        who = (
            actor_full(meeting.body, context.partnership)
            or (context.kind_label(meeting.kind) if meeting.kind else "")
            or meeting.text
            or ""
        )
        rows.append(MeetingRow(who=who, count=str(meeting.count)))
    return tuple(rows)


def meeting_rhythms(report: AnnualReport, context: RenderContext) -> tuple[str, ...]:
    """The sentences on meetings given as a rhythm, not a count, as the report words
    them (``Sekretariatet møtes minimum en gang per uke.``), else ``<body> møtes
    <frequency>``; they follow the table, as in the source."""
    said = []
    for meeting in report.meetings:
        if meeting.count is not None or not (meeting.frequency or meeting.text):
            continue
        if meeting.text:
            said.append(meeting.text)
        else:
            who = actor_full(meeting.body, context.partnership) or (
                context.kind_label(meeting.kind) if meeting.kind else ""
            )
            said.append(
                context.label("report.meets_frequency", who=who, frequency=meeting.frequency)
            )
    return tuple(said)


def reference_text(reference: Reference) -> str | None:
    """What a plan's reference says about itself: its description, with its ``size`` in
    brackets only where the description does not already say it; the size alone
    where there is no description."""
    description, size = reference.description, reference.size
    if description and size and _plain(size) not in _plain(description):
        return f"{description} ({size})"
    return description or size


# -- governance -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SeatView:
    """A seat as a reader sees it: who, how many, with which rights."""

    holder: str
    count: int | None
    rights: str
    note: str | None = None
    votes: bool = False


@attrs.frozen(kw_only=True)
class BodyView:
    """A governance body as a reader sees it, every value already worded."""

    id: str
    name: str
    abbreviation: str | None
    kind: str
    status: str
    steering_body: str | None
    parent: str | None
    mandate: str | None
    mandate_given_by: str | None
    mandate_date: str | None
    seats: tuple[SeatView, ...]
    chair: str | None
    decision_rule: str | None
    meets: str | None
    term: str | None
    ends: str | None
    established: str | None
    closed: str | None
    involves: str | None
    description: str | None
    notes: tuple[str, ...]
    other_sectors: str | None = None
    """Whether other sectors were considered (``ja``/``nei``), where recorded."""
    history: tuple[str, ...] = ()
    """Each step of the body's life with its time: ``under etablering: ved utgangen av
    2022``. Shown instead of ``established`` and ``closed``, which name one step only."""
    continues: str | None = None
    """The body (or former council) whose work this body carries on, by name."""

    @property
    def history_text(self) -> str | None:
        """The history on one line: ``under etablering: ved utgangen av 2022; aktiv: 2023``."""
        return "; ".join(self.history) or None

    @property
    def heading(self) -> str:
        """``Faglig samarbeidsutvalg barn og unge (FSU BU)``, or the name alone, starting
        with a capital as a heading does (the partnership writes its bodies' names in
        lower case inside sentences). A name that ends in brackets of its own takes the
        abbreviation after a dash, not a second pair of brackets: ``Faglig samarbeidsutvalg
        for fastleger og UNN (Fastlegerådet) – FSU FLR``."""
        name = self.name[:1].upper() + self.name[1:]
        if not self.abbreviation:
            return name
        if name.endswith(")"):
            return f"{name} – {self.abbreviation}"
        return f"{name} ({self.abbreviation})"


@attrs.frozen(kw_only=True)
class Edge:
    """A line of the structure diagram from ``source`` down to ``target``: ``kind`` is
    ``"steers"`` (``source`` is the body's steering body), ``"under"`` (the body belongs
    to ``source``, its ``parent``) or ``"mandate"`` (``source`` gave its mandate, where
    neither of the others is known)."""

    source: str
    target: str
    kind: str


EDGE_KINDS: tuple[str, ...] = ("steers", "under", "mandate")
"""The kinds of :class:`Edge`, in the order a legend lists them."""


@attrs.frozen(kw_only=True)
class TreeRow:
    """One body placed in the governance tree: its depth and the line to the body above.

    ``edge`` is ``None`` for a body at the top level.
    """

    body: Body
    depth: int
    edge: Edge | None = None


ROOT_ORDER: Mapping[str, int] = {
    "partnership-meeting": 0,
    "strategic-committee": 1,
    "secretariat": 3,
}
"""Where top-level bodies of a kind go; kinds not named here come between SSU and SEKR."""


def date_text(day: dt.date, language: str = "nb") -> str:
    """A date as readers of ``language`` write it: ``14.03.2024`` (``2024-03-14`` in English)."""
    return day.isoformat() if language == "en" else day.strftime("%d.%m.%Y")


def amount_text(amount: int, language: str = "nb") -> str:
    """An amount of kroner with thousands grouped: ``450 000`` (``450,000`` in English)."""
    grouped = f"{amount:,}"
    return grouped if language == "en" else grouped.replace(",", "\u00a0")


def _seat_view(seat: Any, partnership: Partnership, context: RenderContext) -> SeatView:
    rights = ", ".join(context.label(f"right.{r.value}") for r in seat.rights)
    return SeatView(
        holder=actor_name(seat.holder, partnership),
        count=seat.count,
        rights=rights,
        note=seat.note,
        votes=seat.votes,
    )


def _body_view(body: Body, context: RenderContext) -> BodyView:
    partnership = context.partnership
    and_word = context.label("word.and")
    mandate = body.mandate
    chair: str | None = None
    if body.chair is not None:
        parts = []
        if body.chair.holder:
            parts.append(actor_name(body.chair.holder, partnership))
        if body.chair.rotation:
            parts.append(body.chair.rotation)
        chair = ". ".join(parts) or None
    return BodyView(
        id=body.id,
        name=body.name,
        abbreviation=body.abbreviation,
        kind=context.kind_label(body.kind),
        status=context.label(f"body_status.{body.status.value}"),
        steering_body=actor_name(body.steering_body, partnership) if body.steering_body else None,
        parent=actor_name(body.parent, partnership) if body.parent else None,
        mandate=mandate.text if mandate else None,
        mandate_given_by=(
            join_names([actor_name(i, partnership) for i in mandate.given_by], and_word)
            if mandate and mandate.given_by
            else None
        ),
        mandate_date=date_text(mandate.date, context.language)
        if mandate and mandate.date
        else None,
        seats=tuple(_seat_view(s, partnership, context) for s in body.seats),
        chair=chair,
        decision_rule=(
            context.label(f"decision_rule.{body.decision_rule.value}")
            if body.decision_rule
            else None
        ),
        meets=body.meets,
        term=context.label(f"term.{body.term.value}") if body.term else None,
        ends=body.ends.display() if body.ends else None,
        established=body.established.display() if body.established else None,
        closed=body.closed.display() if body.closed else None,
        involves=", ".join(body.involves) or None,
        description=body.description,
        notes=body.notes,
        other_sectors=(
            None
            if body.other_sectors_considered is None
            else context.label("word.yes" if body.other_sectors_considered else "word.no")
        ),
        history=tuple(
            f"{context.label(f'body_status.{c.status.value}')}: {_lowered(c.when.display())}"
            for c in body.history
        ),
        continues=actor_name(body.continues, partnership) if body.continues else None,
    )


def _lowered(text: str) -> str:
    """``Ved utgangen av 2022`` as it reads after a colon (``ved utgangen av 2022``); a
    text that starts with an abbreviation or a name in capitals is left as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


@attrs.frozen(kw_only=True)
class OtherName:
    """A partner's name in another language: ``nordsamisk``, ``se``, ``DAVI-NORICGA …``."""

    language: str
    """The language code (``se``), for marking the name's language."""
    language_name: str
    """The language in the reader's words (``nordsamisk``); the code where none is known."""
    name: str


@attrs.frozen(kw_only=True)
class PartnerView:
    """A partner as the governance overview lists it, every value already worded."""

    id: str
    name: str
    """The name with its short form: ``Universitetssykehuset Nord-Norge HF (UNN)``."""
    kind: str
    membership: str
    description: str | None
    other_names: tuple[OtherName, ...]


def partner_views(context: RenderContext) -> tuple[PartnerView, ...]:
    """Every partner of the partnership, in its order, with its description (such as the
    County Governor's right to attend and speak) and its names in other languages."""
    views = []
    for partner in context.partnership.partners:
        other = []
        for code, name in partner.names.items():
            key = f"language.{code}"
            worded = context.label(key)
            other.append(
                OtherName(language=code, language_name=code if worded == key else worded, name=name)
            )
        views.append(
            PartnerView(
                id=partner.id,
                name=partner.name + (f" ({partner.short_name})" if partner.short_name else ""),
                kind=context.label(f"partner_kind.{partner.kind}"),
                membership=context.label(f"membership.{partner.membership.value}"),
                description=partner.description,
                other_names=tuple(other),
            )
        )
    return tuple(views)


def body_views(context: RenderContext) -> tuple[BodyView, ...]:
    """Every body of the partnership, in its order, worded for the reader."""
    return tuple(_body_view(b, context) for b in context.partnership.bodies)


def _placement(body: Body, known: Mapping[str, Body]) -> Edge | None:
    """The line from the body ``body`` sits under: its steering body, failing that its
    parent, failing that the first body that gave its mandate; ``None`` for none known."""
    if body.steering_body and body.steering_body in known and body.steering_body != body.id:
        return Edge(source=body.steering_body, target=body.id, kind="steers")
    if body.parent and body.parent in known and body.parent != body.id:
        return Edge(source=body.parent, target=body.id, kind="under")
    if body.mandate is not None:
        for giver in body.mandate.given_by:
            if giver in known and giver != body.id:
                return Edge(source=giver, target=body.id, kind="mandate")
    return None


def _root_rank(body: Body) -> int:
    """Top-level bodies read from the top: PM, SSU, the rest, the secretariat, the closed."""
    if body.status is BodyStatus.CLOSED:
        return len(ROOT_ORDER) + 1
    return ROOT_ORDER.get(body.kind, len(ROOT_ORDER) - 1)


def governance_tree(bodies: Sequence[Body]) -> tuple[TreeRow, ...]:
    """The bodies as an indented tree, depth first, the one model of the structure every
    format draws (the SVG diagram, the Mermaid chart, Word's nested list).

    A body sits under its steering body, failing that under its ``parent``, failing
    that under the first body that gave its mandate (:class:`Edge`). Top-level bodies
    read PM, SSU, the other kinds, the secretariat, then closed bodies; siblings keep the
    given order. A body whose relations name no known body, or that is caught in a cycle
    of relations, is shown at the top level rather than left out; every body appears
    exactly once.
    """
    known = {body.id: body for body in bodies}
    above = {body.id: _placement(body, known) for body in bodies}
    children: dict[str | None, list[Body]] = {}
    for body in bodies:
        edge = above[body.id]
        children.setdefault(edge.source if edge else None, []).append(body)

    rows: list[TreeRow] = []
    placed: set[str] = set()

    def visit(body: Body, depth: int, top: bool) -> None:
        placed.add(body.id)
        rows.append(TreeRow(body=body, depth=depth, edge=None if top else above[body.id]))
        for child in children.get(body.id, []):
            if child.id not in placed:
                visit(child, depth + 1, top=False)

    for body in sorted(children.get(None, []), key=_root_rank):
        visit(body, 0, top=True)
    for body in bodies:  # bodies in a cycle have no root above them: show them anyway
        if body.id not in placed:
            visit(body, 0, top=True)
    return tuple(rows)


def governance_edges(partnership: Partnership) -> tuple[Edge, ...]:
    """The lines of the structure diagram, in the order of :func:`governance_tree`: one
    per body that sits under another (by steering, parent or mandate). A relation to a
    body the partnership does not have is left out, and no set of lines forms a cycle."""
    return tuple(row.edge for row in governance_tree(partnership.bodies) if row.edge)
