"""Built-in plugin: the label catalogues in bokmål, nynorsk and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..render.catalogue import LabelCatalogue

__all__ = ["hf_label_catalogues"]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The built-in catalogues, one per language, for every partnership."""
    from ..render.catalogue import builtin_catalogues

    return builtin_catalogues()
