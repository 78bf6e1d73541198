"""Calls ``sys.exit()`` when asked for its rules."""

import sys

from helsefellesskap import Rule, hookimpl


@hookimpl
def hf_rules() -> list[Rule]:
    sys.exit(0)
