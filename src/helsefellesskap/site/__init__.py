"""The static site of one or more partnerships, and its live preview.

``build_site(bundles, folder)`` writes a front page, a page per partnership, every
document and governance overview in every language with downloads in every installed
format, and a full-text search that works from the folder; :class:`LiveSite` builds it
for ``helsefellesskap serve`` and rebuilds a partnership when its files change.
"""

from __future__ import annotations

from .build import (
    SITE_LANGUAGES,
    SiteBuilder,
    SiteResult,
    build_site,
    content_security_policy,
)

__all__ = [
    "SITE_LANGUAGES",
    "SiteBuilder",
    "SiteResult",
    "build_site",
    "content_security_policy",
]
