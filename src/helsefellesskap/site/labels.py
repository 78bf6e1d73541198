"""The words of the site's own navigation (not document text) in nb, nn and en."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGE_NAMES", "SITE_LABELS", "site_labels"]

LANGUAGE_NAMES: Mapping[str, str] = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
"""Each language's name in itself (the language switch shows them so)."""

SITE_LABELS: Mapping[str, Mapping[str, str]] = {
    "nb": {
        "site": "Helsefellesskap",
        "home": "Forside",
        "partnerships": "Helsefellesskapene",
        "search": "Søk",
        "search_label": "Søk i alle dokumentene",
        "search_title": "Søk",
        "results": "{n} treff for «{q}»",
        "no_results": "Ingen treff for «{q}»",
        "needs_script": "Søket trenger JavaScript. Alle dokumentene er lenket fra forsiden.",
        "language": "Språk",
        "breadcrumb": "Brødsmulesti",
        "download": "Last ned",
        "documents": "Dokumenter",
        "documents_count": "{n} dokumenter",
        "year": "År",
        "title": "Tittel",
        "formats": "Last ned",
        "no_year": "uten år",
        "followup": "Oppfølging",
        "followup_note": "Beregnet fra planene og årsrapportene den dagen nettstedet ble bygget.",
        "problems": "Dataene har feil",
        "rebuilt": "Bygget på nytt",
    },
    "nn": {
        "site": "Helsefellesskap",
        "home": "Framside",
        "partnerships": "Helsefellesskapa",
        "search": "Søk",
        "search_label": "Søk i alle dokumenta",
        "search_title": "Søk",
        "results": "{n} treff for «{q}»",
        "no_results": "Ingen treff for «{q}»",
        "needs_script": "Søket treng JavaScript. Alle dokumenta er lenka frå framsida.",
        "language": "Språk",
        "breadcrumb": "Brødsmulesti",
        "download": "Last ned",
        "documents": "Dokument",
        "documents_count": "{n} dokument",
        "year": "År",
        "title": "Tittel",
        "formats": "Last ned",
        "no_year": "utan år",
        "followup": "Oppfølging",
        "followup_note": "Rekna ut frå planane og årsrapportane den dagen nettstaden vart bygd.",
        "problems": "Dataa har feil",
        "rebuilt": "Bygd på nytt",
    },
    "en": {
        "site": "Health partnerships",
        "home": "Home",
        "partnerships": "The health partnerships",
        "search": "Search",
        "search_label": "Search all documents",
        "search_title": "Search",
        "results": "{n} results for “{q}”",
        "no_results": "No results for “{q}”",
        "needs_script": "Search needs JavaScript. Every document is linked from the home page.",
        "language": "Language",
        "breadcrumb": "Breadcrumb",
        "download": "Download",
        "documents": "Documents",
        "documents_count": "{n} documents",
        "year": "Year",
        "title": "Title",
        "formats": "Download",
        "no_year": "no year",
        "followup": "Follow-up",
        "followup_note": (
            "Computed from the plans and annual reports on the day the site was built."
        ),
        "problems": "The data has errors",
        "rebuilt": "Rebuilt",
    },
}
"""The site's navigation words per language."""


def site_labels(language: str) -> Mapping[str, str]:
    """The site's words in ``language`` (English for a language the site does not know)."""
    return SITE_LABELS.get(language, SITE_LABELS["en"])
