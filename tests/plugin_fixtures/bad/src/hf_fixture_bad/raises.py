"""A plugin that raises inside one hook and answers another one fine."""

from helsefellesskap import BodyKind, RenderFormat, hookimpl


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    raise RuntimeError("the format table is broken")


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    return [BodyKind(name="fixture-raises-kind")]
