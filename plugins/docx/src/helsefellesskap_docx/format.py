"""The ``docx`` render format: what it declares, and the hand-over to the outline writer."""

from __future__ import annotations

from typing import ClassVar

from helsefellesskap import RenderContext, RenderFormat
from helsefellesskap.model import Partnership
from helsefellesskap.render.dates import document_date, footer_line
from helsefellesskap.render.format import CORE_RENDERABLES, Renderable, linked_file_name

from .plugin import MEDIA_TYPE

__all__ = ["MEDIA_TYPE", "DocxFormat"]


class DocxFormat(RenderFormat):
    """Word documents (``.docx``) made with python-docx.

    Renders every document type of the core, a plugin's document type that has an
    outline builder and, for a :class:`Partnership`, its governance overview: the item's
    outline, block by block (:mod:`helsefellesskap_docx.outline`). The output of the
    same input is the same bytes.
    """

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = MEDIA_TYPE
    description: ClassVar[str] = "Word document (python-docx)"
    binary: ClassVar[bool] = True
    renders: ClassVar[tuple[type[Renderable], ...]] = CORE_RENDERABLES
    outlines: ClassVar[bool] = True
    own_labels: ClassVar[tuple[str, ...]] = ("docx.page", "docx.page_of", "docx.contents")
    """The labels the Word writer shows besides the outline's: the footer's words and
    the heading of the table of contents."""

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item``'s outline to the bytes of a ``.docx`` file: any document the
        core or a plugin builds an outline of (a :class:`RenderError` saying so for
        others), and a partnership's governance overview."""
        from helsefellesskap.outline import build_outline

        outline = build_outline(item, context)
        from .options import find_files
        from .outline import write_outline  # python-docx is imported here, not at start-up

        document = item.id if not isinstance(item, Partnership) else "governance"
        files = find_files(context.template_dirs, outline.kind, document)

        return write_outline(
            outline,
            reader_language=context.language,
            header=context.partnership.name,
            page_label=context.label("docx.page"),
            of_label=context.label("docx.page_of"),
            date=document_date(item),
            subject=context.label(f"kind.{outline.kind}"),
            document_file=lambda document: self.document_file_name(document, context),
            options=files.options,
            template=files.template,
            logo=files.logo,
            contents_label=context.label("docx.contents"),
            footer_line=footer_line(item),
        )

    def document_file_name(self, document: str, context: RenderContext) -> str:
        """The file name of the document ``document`` of the bundle in this format."""
        return linked_file_name(document, context, self)
