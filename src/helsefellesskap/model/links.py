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
        return "the link is empty", "write the address, or leave the key out"
    bad = _NOT_IN_A_LINK.search(url)
    if bad is not None:
        shown = "a space" if bad.group().isspace() else f"the character {bad.group()!r}"
        return (
            f"the link {preview(url)} holds {shown}, which a link cannot hold",
            "copy the address from the browser's address bar (spaces are written %20)",
        )
    match = _SCHEME.match(url)
    if match is None:
        if _RELATIVE.get():
            return None
        return (
            f"the link {preview(url)} has no scheme: only https:, http: and mailto: links "
            "are allowed",
            f"write the whole address, as in https://{url.lstrip('/')[:60]}"
            if "." in url.split("/")[0]
            else "write the whole address, starting with https://",
        )
    scheme = match.group(1).lower()
    if scheme not in LINK_SCHEMES:
        what = "a file on one computer" if scheme == "file" else f"a {scheme}: link"
        return (
            f"the link {preview(url)} is {what}: only https:, http: and mailto: links are "
            "allowed",
            "link to a public page (https://…), or remove the link and keep the text",
        )
    parts = urllib.parse.urlsplit(url)
    if scheme in ("http", "https") and not parts.netloc:
        return (
            f"the link {preview(url)} names no site",
            "write it as https://example.no/page",
        )
    if scheme == "mailto" and "@" not in url:
        return f"the link {preview(url)} has no e-mail address", "write mailto:name@example.no"
    return None


def check_url(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: ``value`` is a link :func:`link_problem` accepts (or ``None``)."""
    if value is None:
        return
    problem = link_problem(value)
    if problem is not None:
        message, hint = problem
        raise InvalidValue(message, field=attribute.name, hint=hint)
