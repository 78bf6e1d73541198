"""The Word plugin's messages in nb, nn and en (``messages/<language>/<area>.toml``)."""

from __future__ import annotations

from helsefellesskap.messages import Messages

__all__ = ["message"]

message = Messages("helsefellesskap_docx")
"""``message("word.bad_template", path=...)``: a message of this plugin in the current
language of messages (:func:`helsefellesskap.messages.current_language`)."""
