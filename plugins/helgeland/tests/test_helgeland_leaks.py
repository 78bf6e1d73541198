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


def test_the_partnership_file_says_where_its_18_municipalities_come_from() -> None:
    # Seed 003 names one municipality (Rana kommune); the file says the list of 18 is from
    # public sources outside the seeds.
    from importlib.resources import files

    text = (files("helsefellesskap_helgeland") / "data" / "partnership.toml").read_text("utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    assert "Where the 18 municipalities come from" in comments
    assert "Rana kommune" in comments
    assert "outside the seeds" in comments
