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

__all__ = ["national_frame", "national_plan", "priority_groups"]


@functools.cache
def national_frame() -> NationalFrame:
    """The national frame (loaded once; the value is immutable)."""
    # the package's own folder, without importlib.resources (tens of imports at start-up)
    text = (Path(__file__).parent / "data" / "national.toml").read_text("utf-8")
    return structure(parse_toml(text), NationalFrame)


def national_plan(plan_id: str) -> NationalPlan | None:
    """The national plan with ``plan_id`` (``"nhsp-2020"``, ``"nhsp-2024"``), if any."""
    return national_frame().plan(plan_id)


def priority_groups(plan_id: str) -> tuple[PriorityGroup, ...]:
    """The prioritised patient groups of one national plan, worded as that plan words them."""
    plan = national_plan(plan_id)
    return plan.priority_groups if plan else ()
