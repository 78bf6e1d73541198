"""What rules read: a bundle with every index built once, so that each rule is linear.

A rule never scans every item for each item; it looks items up here by id. The indexes
are built lazily, at most once per validation run, and shared by every rule.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..model import (
    ActionPlan,
    Actor,
    AnnualReport,
    Body,
    BodyStatus,
    Bundle,
    Commitment,
    Declaration,
    Document,
    FocusArea,
    FundingRound,
    Goal,
    Group,
    MainGoal,
    Measure,
    Membership,
    NationalFrame,
    NationalGoal,
    NationalPlan,
    Partner,
    PartnerKind,
    Partnership,
    PriorityGroup,
    Role,
)
from ..model.national import NationalItem

if TYPE_CHECKING:
    from ..kinds import BodyKind, ExtraField, PartnerKindSpec

__all__ = ["MeasureSpot", "ValidationContext", "index", "suggest"]


def index(path: str, position: int) -> str:
    """The path of item ``position`` of the list at ``path``."""
    return f"{path}[{position}]"


def suggest(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``value`` (a did-you-mean), if one is close enough.

    Only called for a reference that does not resolve, so its cost (linear in the
    candidates) is paid per mistake, not per item.
    """
    import difflib  # imported on the first mistake: valid data does not need it

    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


class MeasureSpot(NamedTuple):
    """A measure of a plan with where it sits: its focus area, its goal and its path.

    A named tuple rather than an attrs class: one is made per measure, and a tuple is
    several times cheaper to build.
    """

    path: str
    area_index: int
    goal_index: int
    area: FocusArea
    goal: Goal
    measure: Measure


def _national_kind(item: NationalItem) -> str:
    """What a national item is: ``plan``, ``goal``, ``priority-group`` or ``other``."""
    if isinstance(item, NationalPlan):
        return "plan"
    if isinstance(item, NationalGoal):
        return "goal"
    if isinstance(item, PriorityGroup):
        return "priority-group"
    return "other"


_new_tuple = tuple.__new__
"""``_new_tuple(MeasureSpot, fields)`` is ``MeasureSpot(*fields)`` without the call of
its ``__new__`` (a named tuple's is Python code): one is made per measure."""

_LIVE = frozenset({BodyStatus.ACTIVE, BodyStatus.BEING_ESTABLISHED})


class ValidationContext:
    """A bundle with its indexes: actors, documents, declaration items, measures, national ids.

    :param bundle: the partnership and its documents.
    :param body_kinds: the names of the registered body kinds.
    :param partner_kinds: the names of the partner kinds plugins add (the built-in
        :class:`~helsefellesskap.PartnerKind` values are always known).
    :param extra_fields: the extra fields plugins declare, by ``place.name``.
    :param rule_codes: the codes of every rule known to the run (registered or given),
        so that a rule setting in ``partnership.toml`` can be checked against them.
    :param national: the national frame (the shipped one if not given).
    :param language: the language findings are worded in (nb, nn or en); the current
        language of messages (:func:`~helsefellesskap.messages.current_language`) if not
        given. :attr:`national` words the national texts in it, and :meth:`kind_label`
        and :meth:`body_kind_label` name the kinds in it.
    :param labels: gives the document labels of a language (``partner_kind.<name>``), as
        :meth:`~helsefellesskap.PluginManager.labels` does; the built-in catalogue with
        the labels of the plugins' partner kinds if not given. Asked at most once a run,
        and only when a finding names a kind.

    ``body_kinds`` and ``partner_kinds`` may be the registries' mappings (name → kind),
    whose labels then name the kinds.
    """

    def __init__(
        self,
        bundle: Bundle,
        *,
        body_kinds: Iterable[str] | Mapping[str, BodyKind] = (),
        partner_kinds: Iterable[str] | Mapping[str, PartnerKindSpec] = (),
        extra_fields: Mapping[str, ExtraField] | None = None,
        rule_codes: Iterable[str] = (),
        national: NationalFrame | None = None,
        language: str | None = None,
        labels: Callable[[str], Mapping[str, str]] | None = None,
    ) -> None:
        if language is None:
            from ..messages import current_language

            language = current_language()
        self.bundle = bundle
        self.language = language
        self._frame = national
        self._labels = labels
        self._body_kind_specs: Mapping[str, BodyKind] = (
            dict(body_kinds) if isinstance(body_kinds, Mapping) else {}
        )
        self._partner_kind_specs: Mapping[str, PartnerKindSpec] = (
            dict(partner_kinds) if isinstance(partner_kinds, Mapping) else {}
        )
        self.body_kinds: frozenset[str] = frozenset(body_kinds)
        self.partner_kinds: frozenset[str] = frozenset(
            [*(kind.value for kind in PartnerKind), *partner_kinds]
        )
        self.rule_codes: frozenset[str] = frozenset(rule_codes)
        self.extra_fields: Mapping[str, ExtraField] = dict(extra_fields or {})

    # -- the partnership ------------------------------------------------------------------

    @property
    def partnership(self) -> Partnership:
        """The partnership being validated."""
        return self.bundle.partnership

    @property
    def partnership_id(self) -> str:
        """The partnership's id, used as the document id of ``partnership.toml``."""
        return self.bundle.partnership.id

    @functools.cached_property
    def actors(self) -> Mapping[str, Actor]:
        """Every partner, body, role and group by id (the first wins on a clash)."""
        return self.partnership.actors()

    @functools.cached_property
    def partners(self) -> Mapping[str, Partner]:
        """The partners by id."""
        return {p.id: p for p in reversed(self.partnership.partners)}

    @functools.cached_property
    def bodies(self) -> Mapping[str, Body]:
        """The bodies by id (the first wins on a clash)."""
        return {b.id: b for b in reversed(self.partnership.bodies)}

    @functools.cached_property
    def body_paths(self) -> Mapping[str, str]:
        """The path of each body in ``partnership.toml`` by id."""
        found: dict[str, str] = {}
        for position, body in enumerate(self.partnership.bodies):
            found.setdefault(body.id, index("$.bodies", position))
        return found

    @functools.cached_property
    def closing_bodies(self) -> frozenset[str]:
        """The ids of the bodies that are closed now or at some time in their history."""
        return frozenset(
            body.id
            for body in self.partnership.bodies
            if body.status is BodyStatus.CLOSED
            or any(change.status is BodyStatus.CLOSED for change in body.history)
        )

    @functools.cached_property
    def _bodies_by_kind(self) -> Mapping[str, tuple[tuple[int, Body], ...]]:
        grouped: dict[str, list[tuple[int, Body]]] = {}
        for position, body in enumerate(self.partnership.bodies):
            grouped.setdefault(body.kind, []).append((position, body))
        return {kind: tuple(items) for kind, items in grouped.items()}

    def bodies_of_kind(self, kind: str) -> tuple[tuple[int, Body], ...]:
        """The bodies of one kind with their place in ``partnership.toml``."""
        return self._bodies_by_kind.get(kind, ())

    @functools.cached_property
    def member_kinds(self) -> frozenset[str]:
        """The kinds of partner that are members (the partner categories of the partnership);
        an unknown kind is left out (HF215 reports it, once)."""
        return frozenset(
            p.kind
            for p in self.partnership.partners
            if p.membership is Membership.MEMBER and p.kind in self.partner_kinds
        )

    @functools.cached_property
    def _group_kinds(self) -> Mapping[str, frozenset[str]]:
        every = frozenset(p.kind for p in self.partnership.partners)
        found: dict[str, frozenset[str]] = {}
        for group in self.partnership.groups:
            if group.id in found:
                continue
            if group.everyone:
                found[group.id] = every
                continue
            kinds = set(group.kinds)
            for member in group.members:
                partner = self.partners.get(member)
                if partner is not None:
                    kinds.add(partner.kind)
            found[group.id] = frozenset(kinds)
        return found

    def holder_kinds(self, holder: str) -> frozenset[str]:
        """The kinds of partner a seat holder stands for.

        A partner stands for its own kind; a group for the kinds of its members (by id,
        by kind, or everyone); a role for the kinds of its holders. A body or an unknown
        id stands for none.
        """
        actor = self.actors.get(holder)
        if isinstance(actor, Partner):
            return frozenset({actor.kind})
        if isinstance(actor, Group):
            return self._group_kinds.get(actor.id, frozenset())
        if isinstance(actor, Role):
            kinds: set[str] = set()
            for member in actor.holders:
                held = self.actors.get(member)
                if isinstance(held, Partner):
                    kinds.add(held.kind)
                elif isinstance(held, Group):
                    kinds |= self._group_kinds.get(held.id, frozenset())
            return frozenset(kinds)
        return frozenset()

    # -- kinds in words ---------------------------------------------------------------------

    @functools.cached_property
    def _kind_labels(self) -> Mapping[str, str]:
        if self._labels is not None:
            return self._labels(self.language)
        from ..render.catalogue import LANGUAGES, builtin_labels

        found = builtin_labels(self.language if self.language in LANGUAGES else "nb")
        for name, spec in self._partner_kind_specs.items():
            found[f"partner_kind.{name}"] = spec.label(self.language)
        return found

    def kind_label(self, kind: str) -> str:
        """A partner kind in words for the reader: its label in :attr:`language` with the
        code in quotes (``kommune ("municipality")``), the code a reader writes in the
        data; only the quoted code where the kind has no label or its label is the code."""
        label = self._kind_labels.get(f"partner_kind.{kind}")
        return f'{label} ("{kind}")' if label and label != kind else f'"{kind}"'

    def body_kind_label(self, kind: str) -> str:
        """A body kind in words for the reader, as :meth:`kind_label` words a partner
        kind: the registered kind's label in :attr:`language` with the code in quotes."""
        spec = self._body_kind_specs.get(kind)
        label = spec.label(self.language) if spec is not None else None
        return f'{label} ("{kind}")' if label and label != kind else f'"{kind}"'

    def actor_suggestion(self, value: str) -> str | None:
        """The closest actor id to ``value``."""
        return suggest(value, self.actors)

    def body_suggestion(self, value: str) -> str | None:
        """The closest body id to ``value``."""
        return suggest(value, self.bodies)

    # -- documents ------------------------------------------------------------------------

    @functools.cached_property
    def documents(self) -> Mapping[str, Document]:
        """Every document by id."""
        return {d.id: d for d in self.bundle.documents}

    @functools.cached_property
    def declarations(self) -> Mapping[str, Declaration]:
        """The declarations by id."""
        return {d.id: d for d in self.bundle.documents_of(Declaration)}

    @functools.cached_property
    def plans(self) -> Mapping[str, ActionPlan]:
        """The action plans by id."""
        return {d.id: d for d in self.bundle.documents_of(ActionPlan)}

    @functools.cached_property
    def reports(self) -> Mapping[str, AnnualReport]:
        """The annual reports by id."""
        return {d.id: d for d in self.bundle.documents_of(AnnualReport)}

    @functools.cached_property
    def funding_rounds(self) -> Mapping[str, FundingRound]:
        """The funding rounds by id."""
        return {d.id: d for d in self.bundle.documents_of(FundingRound)}

    def file_of(self, document_id: str | None) -> Path | None:
        """The file a document (or, by the partnership's id, ``partnership.toml``) came from."""
        if document_id is None:
            return None
        return self.bundle.files.get(document_id)

    def declaration_of(self, plan: ActionPlan) -> Declaration | None:
        """The declaration a plan is based on, if it names one that is in the bundle."""
        if plan.basis.declaration is None:
            return None
        return self.declarations.get(plan.basis.declaration)

    @functools.cache  # noqa: B019 - the context lives for one validation run
    def commitments(self, declaration_id: str) -> Mapping[str, Commitment]:
        """The commitments of a declaration by id."""
        declaration = self.declarations.get(declaration_id)
        if declaration is None:
            return {}
        return {c.id: c for c in reversed(declaration.commitments)}

    @functools.cache  # noqa: B019 - the context lives for one validation run
    def main_goals(self, declaration_id: str) -> Mapping[str, tuple[Commitment, MainGoal]]:
        """The main goals of a declaration by id, each with its commitment."""
        declaration = self.declarations.get(declaration_id)
        if declaration is None:
            return {}
        found: dict[str, tuple[Commitment, MainGoal]] = {}
        for commitment in declaration.commitments:
            for goal in commitment.main_goals:
                found.setdefault(goal.id, (commitment, goal))
        return found

    @functools.cache  # noqa: B019 - the context lives for one validation run
    def measures(self, plan_id: str) -> tuple[MeasureSpot, ...]:
        """Every measure of a plan with its place, in order (paths built once)."""
        plan = self.plans.get(plan_id)
        if plan is None:
            return ()
        spots: list[MeasureSpot] = []
        for a, area in enumerate(plan.focus_areas):
            for g, goal in enumerate(area.goals):
                if goal.measures:
                    goal_path = f"$.focus_areas[{a}].goals[{g}].measures["
                    spots += [
                        _new_tuple(MeasureSpot, (f"{goal_path}{m}]", a, g, area, goal, measure))
                        for m, measure in enumerate(goal.measures)
                    ]
        return tuple(spots)

    @functools.cache  # noqa: B019 - the context lives for one validation run
    def measures_by_id(self, plan_id: str) -> Mapping[str, MeasureSpot]:
        """The measures of a plan by id (the first wins on a clash)."""
        found: dict[str, MeasureSpot] = {}
        for spot in self.measures(plan_id):
            found.setdefault(spot.measure.id, spot)
        return found

    # -- the national frame ---------------------------------------------------------------

    @functools.cached_property
    def national(self) -> NationalFrame:
        """The national frame worded in :attr:`language`: the partnership's own wording
        (``[national_texts.<language>]``) where it has one, else the frame's translation,
        else bokmål (:func:`~helsefellesskap.national_texts.localized_frame`, as the
        documents are rendered). Worded once a run, so a finding quotes it for free."""
        from ..national_texts import localized_frame

        frame = self._frame
        if frame is None:
            from ..national import national_frame

            frame = national_frame()
        return localized_frame(frame, self.language, self.partnership.national_texts)

    @functools.cached_property
    def national_ids(self) -> Mapping[str, NationalItem]:
        """Every id of the national frame."""
        return self.national.ids()

    @functools.cached_property
    def national_plans(self) -> Mapping[str, NationalPlan]:
        """The national plans by id."""
        return {p.id: p for p in self.national.plans}

    @functools.cached_property
    def national_goals(self) -> Mapping[str, str]:
        """The id of the national plan of each national goal, by goal id."""
        return {g.id: p.id for p in self.national.plans for g in p.goals}

    @functools.cached_property
    def priority_groups(self) -> Mapping[str, frozenset[str]]:
        """The ids of the national plans that name each priority group, by group id."""
        found: dict[str, set[str]] = {}
        for plan in self.national.plans:
            for group in plan.priority_groups:
                found.setdefault(group.id, set()).add(plan.id)
        return {group: frozenset(plans) for group, plans in found.items()}

    def national_kind(self, national_id: str) -> str | None:
        """What a national id names: ``plan``, ``goal``, ``priority-group`` or ``other``."""
        return self.national_kinds.get(national_id)

    @functools.cached_property
    def national_kinds(self) -> Mapping[str, str]:
        """:meth:`national_kind` of every national id, by id."""
        return {key: _national_kind(item) for key, item in self.national_ids.items()}

    # -- time -----------------------------------------------------------------------------

    @staticmethod
    def existed_in(body: Body, year: int) -> bool:
        """Whether a body was active or being established at some time in ``year``.

        Without a history the body's current status decides (a closed body without a
        history is taken to have existed: its closing date is unknown).
        """
        if not body.history:
            return body.status is not BodyStatus.PLANNED
        if body.status_on(dt.date(year, 1, 1)) in _LIVE:
            return True
        return any(
            change.when.earliest.year == year and change.status in _LIVE for change in body.history
        )
