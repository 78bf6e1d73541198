"""Script-injection payloads and a walker that puts one into every text and link field.

Used by ``test_injection_browser.py``. The walker goes through a model object with
attrs, field by field and into every nested item, and gives each text field (a ``str``
the model accepts free text in, alone or in a tuple) the marker of that field followed by
the payload, and each link field a payload URL. Which ``str`` fields are text and which
are links is decided by the model itself: a field that accepts a probe text with spaces
and markup is text, one that refuses it but accepts an https address is a link, and one
that refuses both (an id, a language code) is left alone.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from typing import Any

import attrs

from helsefellesskap import Link
from helsefellesskap.model._base import InvalidValue

__all__ = [
    "LINK_PAYLOADS",
    "REFUSED_LINKS",
    "TEXT_PAYLOADS",
    "Injected",
    "inject",
    "marker",
]

TEXT_PAYLOADS: list[str] = [
    # HTML elements that run script or load something
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=https://evil.example/pixel.png>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">klikk</math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x">',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    '<form action="https://evil.example/"><button>send</button></form>',
    '<a href="javascript:alert(1)">klikk</a>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<style>body{background:url(https://evil.example/bg.png)}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width:expression(alert(1))">x</div>',
    "<p style=\"background-image:url('https://evil.example/p.png')\">x</p>",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # breaking out of an attribute, a tag or a raw-text element
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "' onfocus='alert(1)' autofocus='",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    # links written as text
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "[klikk her](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![bilde](https://evil.example/p.png)",
    "<javascript:alert(1)>",
    "<https://evil.example/auto>",
    "[y]: vbscript:msgbox(1)\n\n[y]",
    # template and expression syntax
    "{{7*7}} {{ config }}",
    "{% for x in range(3) %}{{ x }}{% endfor %}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "{{constructor.constructor('alert(1)')()}}",
    # bidi overrides, invisible and wide characters
    "\u202eevil.exe\u202c txt",
    "\u2066isolate\u2069 \u200bzero\u200dwidth\ufeff",
    "＜script＞alert(1)＜/script＞",
    "tab\tand\nnewline",
]
"""Text that would run a script, load something or become markup if a renderer passed it
through: each goes into every text field of a document at once."""

CONTROL_PAYLOADS: list[str] = [
    "null\x00byte<script>alert(1)</script>",
    "bell\x07<img src=x onerror=alert(1)>",
    "escape\x1b[31mred",
    "delete\x7f<svg onload=alert(1)>",
    "c1 \x85 next line",
    "vertical\x0btab",
]
"""Payloads with control characters: the loader refuses them, with the file and path."""

LINK_PAYLOADS: list[str] = [
    "https://example.no/'onmouseover='alert(1)'",
    "https://example.no/x');alert(1);//",
    "https://example.no/%3Cscript%3Ealert(1)%3C/script%3E",
    "https://example.no/#javascript:alert(1)",
    "https://example.no/?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "http://example.no/a(b)'c",
    "mailto:post@example.no?subject=%3Cscript%3Ealert(1)%3C/script%3E",
    "mailto:post@example.no?body=javascript:alert(1)",
]
"""Links the loader accepts (web and mail addresses) that carry markup or script in their
path, query or fragment: none may break out of the ``href``."""

REFUSED_LINKS: list[str] = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript://example.no/%0Aalert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "file:///C:/Users/x/AppData/Local/Content.Outlook/a.pdf",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "//evil.example/x",
    'https://example.no/"><script>alert(1)</script>',
    "https://example.no/ onmouseover=alert(1)",
    "https://example.no/`x`",
]
"""Links the loader must refuse: schemes that run or reach a private file, and addresses
with characters that could leave an attribute."""

_TEXT_PROBE = 'Probe <b>tekst</b> & "sitat"'
_LINK_PROBE = "https://example.no/probe"


def marker(index: int) -> str:
    """The text put before the payload in the ``index``-th text field: ``«f12» ``."""
    return f"«f{index}» "


@attrs.define
class Injected:
    """What :func:`inject` set: the paths of the text and link fields, in marker order."""

    text_paths: list[str] = attrs.Factory(list)
    link_paths: list[str] = attrs.Factory(list)
    refused: list[tuple[str, str]] = attrs.Factory(list)
    """(path, message) of text fields the model refused the payload in (a line break in a
    one-line title, for example): they keep the probe text."""


def _accepts(item: Any, name: str, value: Any) -> bool:
    try:
        attrs.evolve(item, **{name: value})
    except (InvalidValue, ValueError, TypeError):
        return False
    return True


def inject(
    item: Any, payload: str, link: str, seen: Injected | None = None
) -> tuple[Any, Injected]:
    """``item`` with every text field set to its marker and ``payload``, every link field to
    ``link``; also what was set where."""
    found = seen if seen is not None else Injected()
    return _walk(item, payload, link, found, "$"), found


def _walk(item: Any, payload: str, link: str, found: Injected, path: str) -> Any:
    if isinstance(item, tuple):
        return tuple(_walk(v, payload, link, found, f"{path}[{i}]") for i, v in enumerate(item))
    if not attrs.has(type(item)):
        return item
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(item)):
        if not field.init:
            continue
        value = getattr(item, field.name)
        where = f"{path}.{field.name}"
        if value is None and _optional_str(type(item), field.name):
            new = _string(item, field.name, None, "", payload, link, found, where)
            if new != "":
                changes[field.name] = new
            continue
        if value == () and _holds_links(type(item), field.name):
            value = (Link(url=_LINK_PROBE, title=_TEXT_PROBE),)
        if isinstance(value, str):
            changes[field.name] = _string(
                item, field.name, None, value, payload, link, found, where
            )
        elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            changes[field.name] = tuple(
                _string(item, field.name, (value, i), v, payload, link, found, f"{where}[{i}]")
                for i, v in enumerate(value)
            )
        elif isinstance(value, tuple) or attrs.has(type(value)):
            changes[field.name] = _walk(value, payload, link, found, where)
    return attrs.evolve(item, **{_init_name(type(item), k): v for k, v in changes.items()})


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional_str(cls: type, name: str) -> bool:
    """Whether the field may be left out and is a string when given (``str | None``)."""
    return set(typing.get_args(_hints(cls).get(name))) == {str, type(None)}


def _holds_links(cls: type, name: str) -> bool:
    """Whether the field is a tuple of :class:`Link`."""
    return _hints(cls).get(name) == tuple[Link, ...]


def _init_name(cls: type, name: str) -> str:
    field = getattr(attrs.fields(cls), name)
    return str(field.alias or name)


def _string(
    item: Any,
    name: str,
    within: tuple[tuple[str, ...], int] | None,
    value: str,
    payload: str,
    link: str,
    found: Injected,
    path: str,
) -> str:
    """The new value of one string (``within``: the tuple it is element ``[i]`` of)."""
    alias = _init_name(type(item), name)

    def placed(new: str) -> Any:
        if within is None:
            return new
        values, index = within
        return (*values[:index], new, *values[index + 1 :])

    accepts: Callable[[str], bool] = lambda new: _accepts(item, alias, placed(new))  # noqa: E731
    if accepts(_TEXT_PROBE):
        text = marker(len(found.text_paths)) + payload
        if accepts(text):
            found.text_paths.append(path)
            return text
        found.refused.append((path, payload))
        return _TEXT_PROBE
    if accepts(_LINK_PROBE) and accepts(link):
        found.link_paths.append(path)
        return link
    return value
