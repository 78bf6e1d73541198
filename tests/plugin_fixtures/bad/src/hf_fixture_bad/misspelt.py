"""A plugin with a misspelt hook name (singular instead of plural)."""

from helsefellesskap import hookimpl


@hookimpl
def hf_render_format() -> list[object]:
    return []
