"""A plugin shipping a partnership whose data does not load."""

from pathlib import Path

from helsefellesskap import PartnershipSource, hookimpl


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    path = Path(__file__).parent / "broken_data"
    return [PartnershipSource(id="fixture-broken", name="Broken", path=path)]
