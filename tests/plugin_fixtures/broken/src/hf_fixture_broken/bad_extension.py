"""A render format whose extension climbs out of the output folder."""

from helsefellesskap import Document, RenderContext, RenderFormat, hookimpl
from helsefellesskap.render.format import CORE_RENDERABLES


class EscapingFormat(RenderFormat):
    name = "broken-escape"
    extension = "/../../escaped"
    media_type = "text/plain"
    renders = CORE_RENDERABLES

    def render(self, item: Document, context: RenderContext) -> bytes:
        return b"outside"


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    return [EscapingFormat()]
