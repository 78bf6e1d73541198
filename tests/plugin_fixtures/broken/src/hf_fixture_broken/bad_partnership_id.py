"""Ships a partnership whose id is not an id."""

from pathlib import Path

from helsefellesskap import PartnershipSource, hookimpl


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    return [PartnershipSource(id="../Bad Id", name="Bad", path=Path(__file__).parent)]
