"""Built-in plugin: the validation rules of the core (see ``docs/rules.md``).

The national FSU requirements are not here: they come with the
``professional-committee`` body kind (:mod:`helsefellesskap.builtin.kinds`). The rules
are imported when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..validate.finding import Rule

__all__ = ["hf_rules"]


@hookimpl
def hf_rules() -> list[Rule]:
    """The built-in rules."""
    from ..validate.rules import BUILTIN_RULES

    return list(BUILTIN_RULES)
