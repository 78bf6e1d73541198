"""Calls ``sys.exit(3)`` when asked for a partnership's layout."""

import sys

from helsefellesskap import Layout, Partnership, hookimpl


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    sys.exit(3)
