"""A plugin that returns a class where an instance is expected, and a single object."""

from typing import Any, ClassVar

from helsefellesskap import BodyKind, Document, RenderContext, RenderFormat, hookimpl


class ClassNotInstanceFormat(RenderFormat):
    name: ClassVar[str] = "fixture-class-not-instance"
    extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    renders: ClassVar[tuple[type[Any], ...]] = (Document,)

    def render(self, item: Any, context: RenderContext) -> bytes:
        return b""


@hookimpl
def hf_render_formats() -> list[Any]:
    return [ClassNotInstanceFormat]


@hookimpl
def hf_body_kinds() -> Any:
    return BodyKind(name="fixture-single-kind")
