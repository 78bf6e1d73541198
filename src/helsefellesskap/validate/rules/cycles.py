"""HF214: the steering and parent relations between bodies form trees, never circles."""

from __future__ import annotations

from collections.abc import Iterator

from ...messages import message
from ...model import Body, Severity
from ..context import ValidationContext
from ._define import Hit, rule

__all__ = ["CYCLE_RULES"]

_RELATIONS = ("steering_body", "parent")


def _cycles(bodies: tuple[Body, ...], key: str) -> Iterator[list[int]]:
    """Each circle of the relation ``key`` once, as body indexes from its first body."""
    index = {body.id: n for n, body in enumerate(bodies)}
    state = [0] * len(bodies)  # 0 unseen, 1 on the current chain, 2 done
    for start in range(len(bodies)):
        chain: list[int] = []
        current: int | None = start
        while current is not None and state[current] == 0:
            state[current] = 1
            chain.append(current)
            target = getattr(bodies[current], key)
            current = index.get(target) if target is not None else None
        if current is not None and state[current] == 1:
            circle = chain[chain.index(current) :]
            first = min(circle)
            at = circle.index(first)
            yield circle[at:] + circle[:at]
        for n in chain:
            state[n] = 2


@rule("HF214", Severity.ERROR)
def no_governance_cycles(context: ValidationContext) -> Iterator[Hit]:
    """A circle in the steering or parent relation, reported once at its first body."""
    bodies = context.partnership.bodies
    for key in _RELATIONS:
        for circle in _cycles(bodies, key):
            names = [bodies[n].display_name for n in circle]
            if len(circle) == 1:
                text = message(f"findings.cycle_self.{key}", body=names[0])
            else:
                steps = " → ".join([*names, names[0]])
                text = message(f"findings.cycle.{key}", steps=steps)
            yield Hit(context.partnership_id, f"$.bodies[{circle[0]}].{key}", text)


CYCLE_RULES = (no_governance_cycles,)
"""The rules about circles in the governance structure."""
