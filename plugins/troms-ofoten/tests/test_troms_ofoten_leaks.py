"""No remark about the data is printed as if it were the partnership's words (issue 13).

Remarks about the sources ("Kildene oppgir ikke …", "… er ikke navngitt i rapporten",
"etter navnet …") belong in comments of the data files or in ``notes``; no rendered
document nor the governance overview shows them, in any format.
"""

from __future__ import annotations

import re

import pytest

from helsefellesskap import Bundle, PluginManager
from helsefellesskap.render import render

# Words with which the bundled data once spoke about itself rather than the partnership.
REMARKS = (
    "kildene",
    "kilden ",
    "ikke oppgitt",
    "ikke navngitt",
    "navngir ikke",
    "etter navnet",
    "ikke registrert",
    "uten å nevne",
    "tekstgjenkjenning",
    "OCR",
    "DAVI-NORICGA",
)


def _items(bundle: Bundle) -> list[object]:
    return [bundle.partnership, *bundle.documents]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_remark_about_the_data_is_rendered(
    bundle: Bundle, manager: PluginManager, fmt: str
) -> None:
    for item in _items(bundle):
        text = render(item, fmt, bundle=bundle, manager=manager).decode("utf-8")  # type: ignore[arg-type]
        for remark in REMARKS:
            found = re.search(re.escape(remark), text, re.IGNORECASE)
            assert found is None, f"{getattr(item, 'id', item)} ({fmt}) prints {remark!r}"


def test_unn_is_named_in_northern_sami_as_the_hospital_writes_it(
    bundle: Bundle, manager: PluginManager
) -> None:
    text = render(bundle.partnership, "md", bundle=bundle, manager=manager).decode("utf-8")
    assert "nordsamisk: Davvi-Norgga universitehtabuohcceviessu" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_only_handlingsplan_2023_lists_the_abbreviations(
    bundle: Bundle, manager: PluginManager, fmt: str
) -> None:
    # Seed 000 (Handlingsplan 2023) has "Forkortelser i dokumentet"; the 2022 letter, the
    # declarations, the funding round, the annual report and the 2025 slides have none.
    for document in bundle.documents:
        text = render(document, fmt, bundle=bundle, manager=manager).decode("utf-8")
        listed = "Forkortelser i dokumentet" in text
        assert listed == (document.id == "handlingsplan-2023"), document.id
