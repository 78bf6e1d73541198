"""The national frame shipped as data: national plans, priority groups, FSU requirements,
the subjects of the cooperation agreement and the principles of the arrangement.

The data lives in ``data/national.toml`` inside the package and is loaded with the same
converter as every partnership file.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .io.documents import structure
from .io.text import parse_toml
from .model import NationalFrame, NationalPlan, PriorityGroup

__all__ = ["national_frame", "national_ids", "national_plan", "priority_groups"]

_DATA = Path(__file__).parent / "data" / "national.toml"
"""The shipped frame: the package's own folder, without importlib.resources (tens of
imports at start-up)."""


@functools.cache
def national_frame() -> NationalFrame:
    """The national frame (loaded once; the value is immutable)."""
    return structure(parse_toml(_DATA.read_text("utf-8")), NationalFrame)


@functools.cache
def national_ids() -> frozenset[str]:
    """The id of every item of the national frame (the keys of
    :meth:`NationalFrame.ids <helsefellesskap.model.NationalFrame.ids>`: plans, their
    goals and priority groups, FSU requirements, agreement subjects, principles), read
    from the shipped data without building the frame, which checking a partnership's
    own wordings (``[national_texts]``) does not need (~3 ms of ``check``)."""
    data = parse_toml(_DATA.read_text("utf-8"))
    ids: set[str] = set()
    for plan in data.get("plans", ()):
        ids.add(plan["id"])
        for part in ("goals", "priority_groups"):
            ids.update(item["id"] for item in plan.get(part, ()))
    for part in ("fsu_requirements", "agreement_subjects", "principles"):
        ids.update(item["id"] for item in data.get(part, ()))
    return frozenset(ids)


def national_plan(plan_id: str) -> NationalPlan | None:
    """The national plan with ``plan_id`` (``"nhsp-2020"``, ``"nhsp-2024"``), if any."""
    return national_frame().plan(plan_id)


def priority_groups(plan_id: str) -> tuple[PriorityGroup, ...]:
    """The prioritised patient groups of one national plan, worded as that plan words them."""
    plan = national_plan(plan_id)
    return plan.priority_groups if plan else ()
