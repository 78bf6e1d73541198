"""Which links a document may hold: web pages and e-mail addresses, nothing that runs.

Every URL field of the model (``Link.url``, ``Reference.url``, ``Mandate.url``,
``Partnership.url``, ``Partner.url``, ``Declaration.url``, …) is checked by
:func:`check_url`: a link is ``https:``, ``http:`` or ``mailto:``, so no ``javascript:``,
``vbscript:``, ``data:`` or ``file:`` link (a private file on someone's disk) reaches a
published plan, in any format.

A relative link (``vedlegg/plan.pdf``) is refused too, because a plan is read far from
where it was written. A plugin that publishes a site with its attachments beside the
pages can allow them while it loads its data, with :func:`relative_links_allowed`.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

import attrs

from ..messages import message
from ._base import InvalidValue, preview

__all__ = ["LINK_SCHEMES", "check_url", "link_problem", "relative_links_allowed"]

LINK_SCHEMES = ("https", "http", "mailto")
"""The schemes a link may have."""

_RELATIVE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "helsefellesskap_relative_links", default=False
)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_NOT_IN_A_LINK = re.compile(r"[\s<>\"\\`{}|^\x00-\x1f\x7f-\x9f]")


@contextlib.contextmanager
def relative_links_allowed() -> Iterator[None]:
    """Within this block a relative link (``vedlegg/plan.pdf``) is accepted.

    For a plugin whose documents are published with their attachments beside them::

        with relative_links_allowed():
            bundle = load_bundle(folder)

    Local to the thread or task; links with a scheme other than :data:`LINK_SCHEMES` stay
    refused.
    """
    token = _RELATIVE.set(True)
    try:
        yield
    finally:
        _RELATIVE.reset(token)


def link_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with ``url`` as a link, and what to write instead; ``None`` if fine."""
    if not url.strip():
        return message("model.link_empty"), message("model.link_empty_hint")
    bad = _NOT_IN_A_LINK.search(url)
    if bad is not None:
        shown = (
            message("model.a_space")
            if bad.group().isspace()
            else message("model.the_character", character=repr(bad.group()))
        )
        return (
            message("model.link_bad_character", link=preview(url), what=shown),
            message("model.link_bad_character_hint"),
        )
    match = _SCHEME.match(url)
    if match is None:
        if _RELATIVE.get():
            return None
        return (
            message("model.link_no_scheme", link=preview(url)),
            message("model.link_write_whole_as", example=f"https://{url.lstrip('/')[:60]}")
            if "." in url.split("/")[0]
            else message("model.link_write_whole"),
        )
    scheme = match.group(1).lower()
    if scheme not in LINK_SCHEMES:
        what = (
            message("model.link_a_local_file")
            if scheme == "file"
            else message("model.link_of_scheme", scheme=scheme)
        )
        return (
            message("model.link_scheme_not_allowed", link=preview(url), what=what),
            message("model.link_scheme_not_allowed_hint"),
        )
    parts = urllib.parse.urlsplit(url)
    if scheme in ("http", "https") and not parts.netloc:
        return (
            message("model.link_no_site", link=preview(url)),
            message("model.link_no_site_hint"),
        )
    if scheme == "mailto" and "@" not in url:
        return (
            message("model.link_no_address", link=preview(url)),
            message("model.link_no_address_hint"),
        )
    return None


def check_url(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: ``value`` is a link :func:`link_problem` accepts (or ``None``)."""
    if value is None:
        return
    problem = link_problem(value)
    if problem is not None:
        text, hint = problem
        raise InvalidValue(text, field=attribute.name, hint=hint)
