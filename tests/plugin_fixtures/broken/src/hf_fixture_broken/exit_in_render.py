"""A render format that calls ``sys.exit()`` while rendering."""

import sys

from helsefellesskap import Document, RenderContext, RenderFormat, hookimpl
from helsefellesskap.render.format import CORE_RENDERABLES


class ExitFormat(RenderFormat):
    name = "broken-exit"
    extension = ".exit"
    media_type = "text/plain"
    renders = CORE_RENDERABLES

    def render(self, item: Document, context: RenderContext) -> bytes:
        sys.exit(0)


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    return [ExitFormat()]
