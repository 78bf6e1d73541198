"""The ``docx`` render format: what it declares, and the hand-over to the layouts."""

from __future__ import annotations

from typing import ClassVar

import attrs

from helsefellesskap import RenderContext, RenderError, RenderFormat
from helsefellesskap.render.format import CORE_RENDERABLES, Renderable

__all__ = ["MEDIA_TYPE", "DocxFormat"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
"""The media type of a Word document."""


class DocxFormat(RenderFormat):
    """Word documents (``.docx``) made with python-docx.

    Renders every document type of the core and, for a :class:`Partnership`, its
    governance overview. The output of the same input is the same bytes.
    """

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = MEDIA_TYPE
    description: ClassVar[str] = "Word document (python-docx)"
    binary: ClassVar[bool] = True
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` to the bytes of a ``.docx`` file."""
        if not self.can_render(item):
            raise RenderError(
                f"the docx format cannot render a {type(item).__name__}: it renders "
                + ", ".join(kind.__name__ for kind in self.renders)
            )
        from .layouts import render_item  # python-docx is imported here, not at start-up
        from .layouts.common import data_language
        from .writer import Label

        if data_language(item, context) != context.language:
            # The labels are in another language than the data: mark them, so that the
            # writer gives their runs their own language.
            labels = {key: Label(text) for key, text in context.labels.items()}
            context = attrs.evolve(context, labels=labels)
        return render_item(item, context)
