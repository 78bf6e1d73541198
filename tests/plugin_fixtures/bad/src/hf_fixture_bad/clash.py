"""A plugin claiming the format name that fixture-good also claims."""

from typing import Any, ClassVar

from helsefellesskap import Document, RenderContext, RenderFormat, hookimpl


class OtherCountFormat(RenderFormat):
    name: ClassVar[str] = "fixture-count"
    extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    renders: ClassVar[tuple[type[Any], ...]] = (Document,)

    def render(self, item: Any, context: RenderContext) -> bytes:
        return b"other\n"


class OwnFormat(OtherCountFormat):
    name: ClassVar[str] = "fixture-clash-own"


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    return [OtherCountFormat(), OwnFormat()]
