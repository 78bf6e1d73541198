"""The body kind Troms og Ofoten's data needs beyond the built-in ones: the council.

Two of the partnership's FSUs continue earlier councils (*råd*): FSU Fastlegerådet and
FSU Akuttmedisin (consultation response, March 2022). Those councils are recorded as
closed bodies of this kind, so that each FSU's ``continues`` names a body.
"""

from __future__ import annotations

from helsefellesskap import BodyKind

__all__ = ["COUNCIL"]

COUNCIL = BodyKind(
    name="council",
    labels={"nb": "råd", "nn": "råd", "en": "council"},
    description=(
        "A standing council of the partners (råd), such as the councils that two of "
        "Troms og Ofoten's FSUs continue."
    ),
)
"""The ``council`` body kind (*råd*)."""
