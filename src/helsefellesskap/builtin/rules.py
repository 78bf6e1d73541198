"""Built-in plugin: the validation rules of the core (see ``docs/rules.md``).

The national FSU requirements are not here: they come with the
``professional-committee`` body kind (:mod:`helsefellesskap.builtin.kinds`).
"""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..validate.finding import Rule
from ..validate.rules import BUILTIN_RULES

__all__ = ["hf_rules"]


@hookimpl
def hf_rules() -> list[Rule]:
    """The built-in rules."""
    return list(BUILTIN_RULES)
