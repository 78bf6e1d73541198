"""Labels whose placeholders do not fit: every built-in bokmål label that takes values
gets a text naming ``{nope}`` instead."""

from helsefellesskap import LabelCatalogue, hookimpl
from helsefellesskap.render.catalogue import builtin_labels


@hookimpl
def hf_label_catalogues() -> list[LabelCatalogue]:
    broken = {key: "Oi {nope}" for key, text in builtin_labels("nb").items() if "{" in text}
    return [LabelCatalogue(language="nb", labels=broken)]
