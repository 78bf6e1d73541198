"""Validation is linear and cheap: a national corpus validates in a fraction of its parse time.

The corpus is generated as TOML text: 19 partnerships (one per hospital trust area, as in
the national arrangement), each with its partners, bodies, a declaration and an action
plan, 22,800 measures in all (at least the 20,000 of a national corpus). Measured in the same run:

- parse: TOML text to dictionaries (the baseline);
- structure: dictionaries to the typed model (cattrs);
- validate: every built-in rule over every partnership.

Then the same at four times the size, to check that four times the data takes about four
times as long to validate, not sixteen.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from helsefellesskap import ActionPlan, Bundle, Document, Partnership, PluginManager
from helsefellesskap.io import parse_toml, structure, structure_document
from helsefellesskap.validate import validate

from .common import Ratio, best_of

__all__ = ["corpus", "run"]

PARTNERSHIPS = 19
MEASURES = 22_800  # 12 measures a goal
AREAS = 10
GOALS = 10
MUNICIPALITIES = 20
COMMITTEES = 8
GROUPS = ("children-and-young", "mental-health-and-substance", "frail-elderly")


def _partnership(n: int) -> str:
    lines = [f'id = "hf-{n}"', f'name = "Helsefellesskap {n}"', ""]
    partners = [("hf", "health-trust"), ("fastleger", "gp-representatives")]
    partners += [("brukere", "user-representatives")]
    partners += [(f"k{k}", "municipality") for k in range(MUNICIPALITIES)]
    for pid, kind in partners:
        lines += ["[[partners]]", f'id = "{pid}"', f'kind = "{kind}"', f'name = "{pid}"', ""]
    lines += [
        "[[groups]]",
        'id = "kommunene"',
        'name = "kommunene"',
        'kinds = ["municipality"]',
        "",
    ]
    seats = (
        'seats = [{ holder = "hf" }, { holder = "kommunene" }, { holder = "fastleger" }, '
        '{ holder = "brukere" }]'
    )
    lines += ["[[bodies]]", 'id = "pm"', 'kind = "partnership-meeting"', 'name = "PM"', seats, ""]
    lines += ["[[bodies]]", 'id = "ssu"', 'kind = "strategic-committee"', 'name = "SSU"']
    lines += ['steering_body = "pm"', seats, ""]
    for c in range(COMMITTEES):
        lines += [
            "[[bodies]]",
            f'id = "fsu-{c}"',
            'kind = "professional-committee"',
            f'name = "FSU {c}"',
            'steering_body = "ssu"',
            'term = "permanent"',
            "other_sectors_considered = true",
            f'mandate = {{ given_by = ["ssu", "fsu-{c}"] }}',
            seats,
            "",
        ]
    return "\n".join(lines)


def _declaration(n: int) -> str:
    lines = [
        'kind = "declaration"',
        f'id = "erklaering-{n}"',
        f'title = "Erklæring {n}"',
        "period = { start = 2024, end = 2027 }",
        'based_on = ["nhsp-2024"]',
        "",
    ]
    for a in range(AREAS):
        lines += ["[[commitments]]", f'id = "c{a}"', f'title = "Satsing {a}"']
        goals = ", ".join(f'{{ id = "c{a}-{g}", text = "Hovedmål {g}" }}' for g in range(GOALS))
        lines += [f"main_goals = [{goals}]", ""]
    return "\n".join(lines)


def _plan(n: int, measures: int) -> str:
    per_goal = math.ceil(measures / (AREAS * GOALS))
    lines = [
        'kind = "action-plan"',
        f'id = "plan-{n}"',
        f'title = "Handlingsplan {n}"',
        "period = { start = 2024, end = 2025 }",
        'national_goals = ["nhsp-2024.goal-1", "nhsp-2024.goal-2"]',
        "",
        "[basis]",
        f'declaration = "erklaering-{n}"',
        'national_plan = "nhsp-2024"',
        "",
    ]
    for a in range(AREAS):
        lines += ["[[focus_areas]]", f'id = "fa{a}"', f'title = "Innsatsområde {a}"']
        lines += [f'commitment = "c{a}"', ""]
        label = 0
        for g in range(GOALS):
            lines += [
                "[[focus_areas.goals]]",
                f'id = "g{a}-{g}"',
                f'text = "Mål {a}.{g}: sammenhengende tjenester for pasienten"',
                f'main_goal = "c{a}-{g}"',
                f'ongoing_work = [{{ id = "w{a}-{g}", text = "Pågående arbeid" }}]',
                "",
            ]
            for m in range(per_goal):
                label += 1
                lines += [
                    "[[focus_areas.goals.measures]]",
                    f'id = "m{a}-{g}-{m}"',
                    f'label = "{label})"',
                    f'text = "Tiltak {a}.{g}.{m}: utarbeide felles rutiner og forløp"',
                    f'responsible = ["fsu-{m % COMMITTEES}", "kommunene"]',
                    f"deadline = {2024 + m % 2}",
                    f'builds_on = ["w{a}-{g}"]',
                    f'priority_groups = ["{GROUPS[m % len(GROUPS)]}"]',
                    "",
                ]
    return "\n".join(lines)


def corpus(partnerships: int = PARTNERSHIPS, measures: int = MEASURES) -> list[list[str]]:
    """The TOML texts of a national corpus: per partnership, its ``partnership.toml``, a
    declaration and a plan, with ``measures`` measures in all (rounded up)."""
    each = math.ceil(measures / partnerships)
    return [[_partnership(n), _declaration(n), _plan(n, each)] for n in range(partnerships)]


def _parse(texts: list[list[str]]) -> list[list[dict[str, object]]]:
    return [[parse_toml(text) for text in files] for files in texts]


def _structure(parsed: list[list[dict[str, object]]]) -> list[Bundle]:
    bundles = []
    for first, *rest in parsed:
        partnership = structure(first, Partnership)
        documents: tuple[Document, ...] = tuple(structure_document(data) for data in rest)
        bundles.append(Bundle(partnership=partnership, documents=documents))
    return bundles


def _validate(bundles: list[Bundle], manager: PluginManager) -> int:
    return sum(len(validate(bundle, manager=manager).findings) for bundle in bundles)


def _count(bundles: list[Bundle]) -> int:
    return sum(
        sum(1 for _ in plan.measures())
        for bundle in bundles
        for plan in bundle.documents_of(ActionPlan)
    )


def _timings(
    measures: int, manager: PluginManager, repeat: int
) -> tuple[float, float, float, int, int]:
    texts = corpus(measures=measures)
    parse_time, parsed = best_of(repeat, lambda: _parse(texts))
    structure_time, bundles = best_of(repeat, lambda: _structure(parsed))
    check: Callable[[], int] = lambda: _validate(bundles, manager)  # noqa: E731
    # Validating is cheap, so it is repeated more often: on a busy machine the best of
    # more runs is closer to the real cost.
    validate_time, findings = best_of(3 * repeat, check)
    return parse_time, structure_time, validate_time, _count(bundles), findings


def run(repeat: int = 3) -> list[Ratio]:
    """Measure the national corpus and one four times its size; return the ratios."""
    manager = PluginManager(entry_points=False, use_env=False)
    parse, structure_, check, count, findings = _timings(MEASURES, manager, repeat)
    _p, _s, large, large_count, _f = _timings(4 * MEASURES, manager, repeat)
    detail = (
        f"{count} measures in {PARTNERSHIPS} partnerships, {findings} findings: parse "
        f"{parse:.3f} s, structure {structure_:.3f} s, validate {check:.3f} s"
    )
    return [
        Ratio(name="validate / parse", value=check / parse, target=0.5, detail=detail),
        Ratio(
            name="(structure + validate) / parse",
            value=(structure_ + check) / parse,
            target=3.0,
            detail="structuring (cattrs) is the loader's cost, shown for scale",
        ),
        Ratio(
            name="validate time, 4x data / 1x data",
            value=large / check,
            target=6.0,
            detail=f"{count} measures: {check:.3f} s; {large_count} measures: {large:.3f} s "
            "(linear is about 4, quadratic would be about 16)",
        ),
    ]
