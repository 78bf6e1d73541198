"""Built-in plugin: the label catalogues in bokmål, nynorsk and English."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..render.catalogue import LabelCatalogue, builtin_catalogues

__all__ = ["hf_label_catalogues"]


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    """The built-in catalogues, one per language, for every partnership."""
    return builtin_catalogues()
