"""The TOML and JSON parsers' own English messages, worded in the current language.

``tomli`` (and ``tomllib``) explain a syntax error in English ("Expected '=' after a key
in a key/value pair"), and so does :mod:`json` ("Expecting value"). Each of their
messages is matched here by its text and worded through ``message("files.toml_…")`` or
``message("files.json_…")``, with what it names (a key, a character) kept; a message
these tables do not know is shown as the parser wrote it.
"""

from __future__ import annotations

import re

from ..messages import message

__all__ = ["json_detail", "toml_detail"]

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid statement", "invalid_statement"),
        (r"Expected newline or end of document after a statement", "expected_newline"),
        (r"Expected '=' after a key in a key/value pair", "expected_equals"),
        (r"Expected '\]' at the end of a table declaration", "expected_table_end"),
        (r"Expected '\]\]' at the end of an array declaration", "expected_array_end"),
        (r"Expected (?P<what>'.*')", "expected"),
        (r"Found invalid character (?P<what>'.*')", "invalid_character"),
        (r"Illegal character (?P<what>'.*')", "illegal_character"),
        (r"Cannot declare (?P<key>.+) twice", "declared_twice"),
        (r"Cannot overwrite a value", "overwrite"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "immutable"),
        (r"Cannot redefine namespace (?P<key>.+)", "redefine"),
        (r"Duplicate inline table key (?P<key>.+)", "duplicate_inline_key"),
        (r"Invalid initial character for a key part", "invalid_key_start"),
        (r"Unclosed array", "unclosed_array"),
        (r"Unclosed inline table", "unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "unescaped_backslash"),
        (r"Invalid hex value", "invalid_hex"),
        (r"Escaped character is not a Unicode scalar value", "not_unicode_scalar"),
        (r"Unterminated string", "unterminated_string"),
        (r"Invalid date or datetime", "invalid_date"),
        (r"Invalid value", "invalid_value"),
    )
)


def _key(text: str) -> str:
    """A key as the parser names it (``('a', 'b')`` or ``'a'``) written as in a file."""
    parts = re.findall(r"'((?:[^'\\]|\\.)*)'", text)
    return ".".join(parts) if parts else text


def toml_detail(text: str) -> str:
    """The parser's message ``text`` (without its position) in the current language."""
    text = text.removesuffix("(at end of document)").strip()
    for pattern, key in _MESSAGES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        fields = match.groupdict()
        if "key" in fields:
            fields["key"] = _key(fields["key"])
        return message(f"files.toml_{key}", **fields)
    return text


_JSON_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Expecting value", "expecting_value"),
        (r"Expecting (?P<what>'.') delimiter", "expecting_delimiter"),
        (r"Expecting property name enclosed in double quotes", "expecting_name"),
        (r"Extra data", "extra_data"),
        (r"Unterminated string starting at", "unterminated_string"),
        (r"Invalid control character (?:at|\S+ at)", "control_character"),
        (r"Invalid \\escape", "invalid_escape"),
        (r"Invalid \\uXXXX escape", "invalid_escape"),
        (r"Illegal trailing comma before end of (?:object|array)", "trailing_comma"),
    )
)


def json_detail(text: str) -> str:
    """:mod:`json`'s message ``text`` (its ``msg``) in the current language."""
    for pattern, key in _JSON_MESSAGES:
        match = pattern.fullmatch(text)
        if match is not None:
            return message(f"files.json_{key}", **match.groupdict())
    return text
