"""The texts of the partnership's rule TO101 for ``helsefellesskap rules``, as labels.

Apart from :mod:`.rules` (which imports the validation context and the model) so that
the plugin's label catalogues, which ``helsefellesskap plugins`` lists, cost neither.
"""

from __future__ import annotations

from helsefellesskap import LabelCatalogue
from helsefellesskap.messages import Messages

__all__ = ["RULE_CODE", "rule_label_catalogues"]

message = Messages("helsefellesskap_troms_ofoten")
"""The plugin's messages in nb, nn and en (``messages/<language>/*.toml``)."""

RULE_CODE = "TO101"
"""The code of the local rule (:data:`.rules.SSU_VOTE_RULE`)."""

_RULE_PARTS = ("title", "explanation", "fix")


def rule_label_catalogues() -> list[LabelCatalogue]:
    """The rule's title, explanation and fix in bokmål, nynorsk and English, as the labels
    ``rule.TO101.*`` that :func:`helsefellesskap.validate.rule_texts.rule_text` reads (for
    every reader, not only Troms og Ofoten's documents: ``helsefellesskap rules`` lists it
    wherever the plugin is installed)."""
    return [
        LabelCatalogue(
            language=language,
            labels={
                f"rule.{RULE_CODE}.{part}": message(f"ruletexts.{RULE_CODE}.{part}", language)
                for part in _RULE_PARTS
            },
        )
        for language in ("nb", "nn", "en")
    ]
