"""Label catalogues and template folders that plugins contribute."""

from __future__ import annotations

from pathlib import Path

import attrs

__all__ = ["LabelCatalogue", "TemplateSource"]


@attrs.frozen(kw_only=True)
class LabelCatalogue:
    """Labels for one language (``nb``, ``nn``, ``en``), for every partnership or one.

    ``partnership`` is ``None`` for labels that apply everywhere (the built-in catalogue
    and new labels a plugin adds) or a partnership id for labels that override the
    defaults for that partnership only.
    """

    language: str
    labels: dict[str, str]
    partnership: str | None = None


@attrs.frozen(kw_only=True)
class TemplateSource:
    """A folder of templates that overrides the built-in ones, for one partnership or all.

    Templates are looked up by name (``action-plan.html.j2``) in the partnership's
    folders first, then in the folders for all partnerships, then the built-in ones.
    """

    path: Path
    partnership: str | None = None
