"""Coverage: which commitments, main goals and priority groups an action plan carries out.

The trace runs from the basis declaration down: each commitment → the focus areas whose
``commitment`` names it and their measures; each main goal → the goals whose
``main_goal`` names it (and their measures) and the focus areas with an intention that
names it. Each priority group of the plan's national plan → the measures whose
``priority_groups`` name it. A commitment or main goal is *covered* when at least one
measure carries it out, as the validation rules HF602 and HF603 count it; a priority
group when at least one measure addresses it (HF608).
"""

from __future__ import annotations

from typing import Any

import attrs

from ..errors import UsageError
from ..messages import message
from ..model import (
    ActionPlan,
    BodyStatus,
    Bundle,
    Commitment,
    Declaration,
    MainGoal,
    NationalFrame,
    Partnership,
    PriorityGroup,
)

__all__ = [
    "DEFAULT_MANY_TASKS",
    "JSON_FORMAT",
    "JSON_VERSION",
    "ActorLoad",
    "CommitmentCoverage",
    "MainGoalCoverage",
    "PlanCoverage",
    "PriorityGroupCoverage",
    "TraceRow",
    "Traceability",
    "bundle_coverage",
    "coverage",
    "traceability",
]


JSON_FORMAT = "helsefellesskap-coverage"
"""The ``format`` key of the coverage report's JSON form."""

JSON_VERSION = 1
"""The version of the JSON form; raised only when a key changes meaning or goes away."""


@attrs.frozen(kw_only=True)
class MainGoalCoverage:
    """A main goal of the declaration and what in the plan serves it.

    ``goals`` are the ids of the plan's goals that name it, ``measures`` the ids of their
    measures, ``intentions`` the ids of focus areas with an intention that names it.
    """

    main_goal: MainGoal
    path: str
    goals: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    intentions: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether at least one measure serves the main goal."""
        return bool(self.measures)


@attrs.frozen(kw_only=True)
class CommitmentCoverage:
    """A commitment of the declaration and the focus areas and measures carrying it out."""

    commitment: Commitment
    path: str
    focus_areas: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    main_goals: tuple[MainGoalCoverage, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether at least one measure of a focus area tracing to it exists."""
        return bool(self.measures)


@attrs.frozen(kw_only=True)
class PriorityGroupCoverage:
    """A priority group of the national plan and the measures that address it."""

    group: PriorityGroup
    measures: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether at least one measure addresses the group."""
        return bool(self.measures)


@attrs.frozen(kw_only=True)
class PlanCoverage:
    """The coverage of one action plan.

    ``declaration`` and ``national_plan`` are the ids the trace used (``None`` where the
    plan names none, or the declaration is not at hand). ``untraced_focus_areas`` and
    ``untraced_goals`` are ids of focus areas and goals that name no commitment or main
    goal of the declaration (none, or one it does not have); ``unknown_priority_groups``
    are ids measures name that the national plan does not have.
    """

    plan: str
    declaration: str | None = None
    national_plan: str | None = None
    commitments: tuple[CommitmentCoverage, ...] = ()
    priority_groups: tuple[PriorityGroupCoverage, ...] = ()
    untraced_focus_areas: tuple[str, ...] = ()
    untraced_goals: tuple[str, ...] = ()
    unknown_priority_groups: tuple[str, ...] = ()

    @property
    def uncovered_commitments(self) -> tuple[str, ...]:
        """Ids of the commitments no measure carries out."""
        return tuple(c.commitment.id for c in self.commitments if not c.covered)

    @property
    def uncovered_main_goals(self) -> tuple[str, ...]:
        """Ids of the main goals no measure serves."""
        return tuple(
            m.main_goal.id for c in self.commitments for m in c.main_goals if not m.covered
        )

    @property
    def uncovered_priority_groups(self) -> tuple[str, ...]:
        """Ids of the priority groups no measure addresses."""
        return tuple(g.group.id for g in self.priority_groups if not g.covered)

    @property
    def complete(self) -> bool:
        """Whether every commitment, main goal and priority group is covered."""
        return not (
            self.uncovered_commitments
            or self.uncovered_main_goals
            or self.uncovered_priority_groups
        )

    def to_json(self) -> dict[str, Any]:
        """The coverage as JSON data (the shape in ``docs/follow-up.md``)."""
        return {
            "plan": self.plan,
            "declaration": self.declaration,
            "national_plan": self.national_plan,
            "complete": self.complete,
            "commitments": [
                {
                    "id": c.commitment.id,
                    "title": c.commitment.title,
                    "path": c.path,
                    "covered": c.covered,
                    "focus_areas": list(c.focus_areas),
                    "measures": list(c.measures),
                    "main_goals": [
                        {
                            "id": m.main_goal.id,
                            "text": m.main_goal.text,
                            "path": m.path,
                            "covered": m.covered,
                            "goals": list(m.goals),
                            "measures": list(m.measures),
                            "intentions": list(m.intentions),
                        }
                        for m in c.main_goals
                    ],
                }
                for c in self.commitments
            ],
            "priority_groups": [
                {
                    "id": g.group.id,
                    "name": g.group.name,
                    "covered": g.covered,
                    "measures": list(g.measures),
                }
                for g in self.priority_groups
            ],
            "uncovered": {
                "commitments": list(self.uncovered_commitments),
                "main_goals": list(self.uncovered_main_goals),
                "priority_groups": list(self.uncovered_priority_groups),
            },
            "untraced": {
                "focus_areas": list(self.untraced_focus_areas),
                "goals": list(self.untraced_goals),
            },
            "unknown_priority_groups": list(self.unknown_priority_groups),
        }


def _append(index: dict[str, list[str]], key: str | None, value: str) -> None:
    if key is not None:
        index.setdefault(key, []).append(value)


def coverage(
    plan: ActionPlan,
    declaration: Declaration | None = None,
    *,
    national: NationalFrame | None = None,
) -> PlanCoverage:
    """The coverage of ``plan`` against its basis ``declaration`` and national plan.

    Without a declaration only the priority groups are traced. ``national`` is the
    national frame (the shipped one if not given). Raises
    :class:`~helsefellesskap.errors.UsageError` when the declaration given is not the
    one the plan names as its basis.
    """
    basis = plan.basis.declaration
    if declaration is not None and basis is not None and declaration.id != basis:
        raise UsageError(
            message(
                "followup.other_declaration",
                plan=plan.id,
                basis=basis,
                declaration=declaration.id,
            )
        )
    if national is None:
        from ..national import national_frame

        national = national_frame()
    commitment_ids = {c.id for c in declaration.commitments} if declaration else set()
    main_goal_ids = (
        {m.id for c in declaration.commitments for m in c.main_goals} if declaration else set()
    )
    areas_of: dict[str, list[str]] = {}
    area_measures: dict[str, list[str]] = {}
    goals_of: dict[str, list[str]] = {}
    goal_measures: dict[str, list[str]] = {}
    intentions_of: dict[str, list[str]] = {}
    groups_of: dict[str, list[str]] = {}
    untraced_areas: list[str] = []
    untraced_goals: list[str] = []
    for area in plan.focus_areas:
        _append(areas_of, area.commitment, area.id)
        if area.commitment not in commitment_ids:
            untraced_areas.append(area.id)
        seen_intention: set[str] = set()
        for intention in area.intentions:
            if intention.main_goal is not None and intention.main_goal not in seen_intention:
                seen_intention.add(intention.main_goal)
                _append(intentions_of, intention.main_goal, area.id)
        for goal in area.goals:
            _append(goals_of, goal.main_goal, goal.id)
            if goal.main_goal not in main_goal_ids:
                untraced_goals.append(goal.id)
            for measure in goal.measures:
                _append(area_measures, area.commitment, measure.id)
                _append(goal_measures, goal.main_goal, measure.id)
                for group in dict.fromkeys(measure.priority_groups):
                    _append(groups_of, group, measure.id)
    commitments = tuple(
        CommitmentCoverage(
            commitment=commitment,
            path=f"$.commitments[{c}]",
            focus_areas=tuple(areas_of.get(commitment.id, ())),
            measures=tuple(area_measures.get(commitment.id, ())),
            main_goals=tuple(
                MainGoalCoverage(
                    main_goal=main_goal,
                    path=f"$.commitments[{c}].main_goals[{m}]",
                    goals=tuple(goals_of.get(main_goal.id, ())),
                    measures=tuple(goal_measures.get(main_goal.id, ())),
                    intentions=tuple(intentions_of.get(main_goal.id, ())),
                )
                for m, main_goal in enumerate(commitment.main_goals)
            ),
        )
        for c, commitment in enumerate(declaration.commitments if declaration else ())
    )
    national_plan = national.plan(plan.basis.national_plan) if plan.basis.national_plan else None
    groups = national_plan.priority_groups if national_plan else ()
    known_groups = {group.id for group in groups}
    return PlanCoverage(
        plan=plan.id,
        declaration=declaration.id if declaration else None,
        national_plan=national_plan.id if national_plan else None,
        commitments=commitments,
        priority_groups=tuple(
            PriorityGroupCoverage(group=group, measures=tuple(groups_of.get(group.id, ())))
            for group in groups
        ),
        untraced_focus_areas=tuple(untraced_areas) if declaration else (),
        untraced_goals=tuple(untraced_goals) if declaration else (),
        unknown_priority_groups=(
            tuple(g for g in groups_of if g not in known_groups) if national_plan else ()
        ),
    )


def bundle_coverage(
    bundle: Bundle,
    plans: tuple[ActionPlan, ...] | None = None,
    *,
    national: NationalFrame | None = None,
) -> tuple[PlanCoverage, ...]:
    """The coverage of each action plan of ``bundle`` (or of ``plans``), each against the
    declaration of the bundle its basis names."""
    declarations = {d.id: d for d in bundle.documents_of(Declaration)}
    chosen = tuple(bundle.documents_of(ActionPlan)) if plans is None else plans
    return tuple(
        coverage(plan, declarations.get(plan.basis.declaration or ""), national=national)
        for plan in chosen
    )


DEFAULT_MANY_TASKS = 10
"""An actor responsible for more measures than this has *many* tasks (a gap to look at:
too much on one desk), unless the caller chooses another threshold."""


@attrs.frozen(kw_only=True)
class TraceRow:
    """One measure of the plan traced up: the focus area and goal it stands under, the
    declaration's commitment and main goal these name, the national goals it serves and
    the priority groups it addresses, and who is responsible.

    ``national_goals`` are the ids the measure states, else those its focus area states;
    ``None`` where neither states any ("not stated": nothing is guessed).
    ``commitment`` and ``main_goal`` are ``None`` where the plan names none the
    declaration has.
    """

    focus_area: str
    focus_area_title: str
    goal: str
    goal_text: str
    measure: str
    measure_text: str
    commitment: str | None = None
    commitment_title: str | None = None
    main_goal: str | None = None
    main_goal_text: str | None = None
    national_goals: tuple[str, ...] | None = None
    priority_groups: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ActorLoad:
    """An actor (a body, a role or a group of the partnership) and the measures it is
    responsible for."""

    actor: str
    name: str
    measures: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Traceability:
    """The traceability matrix of one action plan and its gaps.

    ``rows`` run measure by measure in plan order. The gaps: ``national_goals_without``
    (national goals of the plan no measure serves; only where the plan states the
    national goals of any focus area or measure, else ``national_goals_stated`` is false
    and the report says they are not stated), ``main_goals_without`` (main goals of the
    declaration with no measure), ``priority_groups_without`` (priority groups of the
    national plan no measure addresses), ``idle_actors`` (bodies that are not closed,
    roles and groups with no measure) and ``busy_actors`` (actors with more than ``many`` measures).
    """

    plan: str
    coverage: PlanCoverage
    rows: tuple[TraceRow, ...]
    national_goals: tuple[str, ...] = ()
    national_goals_stated: bool = False
    national_goals_without: tuple[str, ...] = ()
    main_goals_without: tuple[str, ...] = ()
    priority_groups_without: tuple[str, ...] = ()
    idle_actors: tuple[ActorLoad, ...] = ()
    busy_actors: tuple[ActorLoad, ...] = ()
    many: int = DEFAULT_MANY_TASKS

    @property
    def gaps(self) -> int:
        """How many gaps were found, of every kind."""
        return (
            len(self.national_goals_without)
            + len(self.main_goals_without)
            + len(self.priority_groups_without)
            + len(self.idle_actors)
            + len(self.busy_actors)
        )

    def gaps_json(self) -> dict[str, Any]:
        """The gaps as JSON data."""
        return {
            "national_goals_stated": self.national_goals_stated,
            "national_goals": list(self.national_goals_without),
            "main_goals": list(self.main_goals_without),
            "priority_groups": list(self.priority_groups_without),
            "actors_without_measures": [a.actor for a in self.idle_actors],
            "actors_with_many_measures": {a.actor: len(a.measures) for a in self.busy_actors},
            "many": self.many,
        }


def traceability(
    plan: ActionPlan,
    declaration: Declaration | None = None,
    partnership: Partnership | None = None,
    *,
    national: NationalFrame | None = None,
    many: int = DEFAULT_MANY_TASKS,
) -> Traceability:
    """The traceability matrix of ``plan`` from the national plan and ``declaration``
    down to its measures and the actors of ``partnership`` responsible, with the gaps."""
    if many < 1:
        raise UsageError(message("followup.many_tasks", many=many))
    base = coverage(plan, declaration, national=national)
    commitments = {c.commitment.id: c.commitment for c in base.commitments}
    main_goals = {m.main_goal.id: m.main_goal for c in base.commitments for m in c.main_goals}
    rows: list[TraceRow] = []
    stated = False
    served: set[str] = set()
    load: dict[str, list[str]] = {}
    for area in plan.focus_areas:
        area_goals = area.national_goals
        commitment = commitments.get(area.commitment or "")
        for goal in area.goals:
            main_goal = main_goals.get(goal.main_goal or "")
            for measure in goal.measures:
                own = measure.national_goals or area_goals
                stated = stated or bool(own)
                served.update(own)
                for actor in dict.fromkeys(measure.responsible):
                    load.setdefault(actor, []).append(measure.id)
                rows.append(
                    TraceRow(
                        focus_area=area.id,
                        focus_area_title=area.title,
                        goal=goal.id,
                        goal_text=goal.text,
                        measure=measure.id,
                        measure_text=measure.text,
                        commitment=commitment.id if commitment else None,
                        commitment_title=commitment.title if commitment else None,
                        main_goal=main_goal.id if main_goal else None,
                        main_goal_text=main_goal.text if main_goal else None,
                        national_goals=own or None,
                        priority_groups=measure.priority_groups,
                        responsible=measure.responsible,
                    )
                )
    names = partnership.actors() if partnership is not None else {}

    def name(actor: str) -> str:
        return names[actor].display_name if actor in names else actor

    expected: list[str] = []
    if partnership is not None:
        expected.extend(b.id for b in partnership.bodies if b.status is not BodyStatus.CLOSED)
        for collection in (partnership.roles, partnership.groups):
            expected.extend(item.id for item in collection)
    idle = tuple(ActorLoad(actor=a, name=name(a)) for a in dict.fromkeys(expected) if a not in load)
    busy = tuple(
        ActorLoad(actor=a, name=name(a), measures=tuple(ms))
        for a, ms in load.items()
        if len(ms) > many
    )
    return Traceability(
        plan=plan.id,
        coverage=base,
        rows=tuple(rows),
        national_goals=plan.national_goals,
        national_goals_stated=stated,
        national_goals_without=(
            tuple(g for g in plan.national_goals if g not in served) if stated else ()
        ),
        main_goals_without=base.uncovered_main_goals,
        priority_groups_without=base.uncovered_priority_groups,
        idle_actors=idle,
        busy_actors=busy,
        many=many,
    )
