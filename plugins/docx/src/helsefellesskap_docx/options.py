"""The Word layout options, and the files a partnership ships for its Word documents.

A partnership's plugin gives its Word files through the hook it already has for
templates (``hf_template_sources``): a ``docx/`` folder inside one of its template
folders, holding any of

* ``options.toml``: the layout options below, for every document, per document type
  (``[kind.action-plan]``) and per document (``[document.handlingsplan-2023]``), each
  later table overriding the earlier;
* ``template.docx`` (or ``template.dotx``): the Word template whose styles, page set-up,
  header and footer the documents use;
* ``logo.png`` (or ``.jpg``, ``.gif``): the logo on the title page.

The partnership's folders are searched before the folders for every partnership; the
first found of each file wins. Without any of them the house defaults apply.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from helsefellesskap.errors import RenderError

from ._messages import message

__all__ = [
    "FOLDER",
    "LOGO_NAMES",
    "OPTION_NAMES",
    "TEMPLATE_NAMES",
    "WordFiles",
    "WordOptions",
    "default_options",
    "find_files",
]

FOLDER = "docx"
"""The folder inside a template folder that holds the Word files."""
TEMPLATE_NAMES = ("template.docx", "template.dotx")
LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg", "logo.gif")
OPTIONS_NAME = "options.toml"

LONG_KINDS = frozenset({"action-plan", "annual-report"})
"""Document types that get a title page and a table of contents by default."""


@attrs.frozen(kw_only=True)
class WordOptions:
    """How a Word document is laid out.

    :param title_page: a title page (logo, partnership, title and the document's facts),
        then the rest from page 2.
    :param contents: a table of contents (Word's ``TOC`` field, updated when the document
        is opened) after the title page.
    :param contents_levels: the heading levels the table of contents lists (1–9).
    :param contents_field: the table of contents as Word's ``TOC`` field (Word rebuilds
        it, with page numbers, when the document is opened); ``false`` writes its entries
        with live page references instead, which LibreOffice fills in too (it shows a
        ``TOC`` field's entries without page numbers until *Tools › Update*).
    :param landscape: tables of ``landscape_columns`` or more columns on landscape pages.
    :param landscape_columns: the number of columns from which a table goes landscape.
    :param hyphenate: automatic hyphenation (``w:autoHyphenation``).
    :param fit_columns: column widths from the content (each column at least its longest
        word wide); ``false`` keeps the outline's width hints as they are.
    """

    title_page: bool = False
    contents: bool = False
    contents_levels: int = 3
    contents_field: bool = True
    landscape: bool = True
    landscape_columns: int = 5
    hyphenate: bool = True
    fit_columns: bool = True


OPTION_NAMES = tuple(field.name for field in attrs.fields(WordOptions))
"""The keys an ``options.toml`` table may hold."""


def default_options(kind: str) -> WordOptions:
    """The house defaults for a document of type ``kind``: a title page and contents for
    the long documents (action plans, annual reports), landscape wide tables for all."""
    long = kind in LONG_KINDS
    return WordOptions(title_page=long, contents=long)


def _apply(options: WordOptions, table: object, file: Path, path: str) -> WordOptions:
    """``options`` with the keys of ``table`` (from ``file`` at ``path``) set."""
    if not isinstance(table, Mapping):
        raise RenderError(
            message("word.options_not_a_table", file=file, path=path, value=repr(table))
        )
    changes: dict[str, bool | int] = {}
    for key, value in table.items():
        where = f"{path}.{key}" if path != "$" else f"$.{key}"
        if key not in OPTION_NAMES:
            known = ", ".join(OPTION_NAMES)
            raise RenderError(message("word.not_an_option", file=file, where=where, known=known))
        default = getattr(WordOptions(), key)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise RenderError(
                    message("word.must_be_boolean", file=file, where=where, value=repr(value))
                )
        elif not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9:
            raise RenderError(
                message("word.must_be_level", file=file, where=where, value=repr(value))
            )
        changes[key] = value
    return attrs.evolve(options, **changes)  # type: ignore[arg-type]


def read_options(file: Path, kind: str, document: str, options: WordOptions) -> WordOptions:
    """``options`` with those of ``file`` for every document, then the document type
    ``kind``, then the document ``document``."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RenderError(message("word.cannot_read_options", file=file, error=error)) from None
    for key in data:
        if key not in ("default", "kind", "document"):
            raise RenderError(message("word.not_an_options_table", file=file, key=key))
    options = _apply(options, data.get("default", {}), file, "$.default")
    for group, name in (("kind", kind), ("document", document)):
        tables = data.get(group, {})
        if not isinstance(tables, Mapping):
            raise RenderError(message("word.group_not_tables", file=file, group=group))
        if name in tables:
            options = _apply(options, tables[name], file, f"$.{group}.{name}")
    return options


@attrs.frozen(kw_only=True)
class WordFiles:
    """What a partnership ships for its Word documents: the options, the template, the logo."""

    options: WordOptions
    template: Path | None = None
    logo: Path | None = None


def _first(folders: Iterable[Path], names: Iterable[str]) -> Path | None:
    for folder in folders:
        for name in names:
            candidate = folder / FOLDER / name
            if candidate.is_file():
                return candidate
    return None


def find_files(template_dirs: Iterable[Path], kind: str, document: str) -> WordFiles:
    """The Word files of the partnership in ``template_dirs`` (its own folders first) for
    the document ``document`` of type ``kind``."""
    folders = tuple(template_dirs)
    options = default_options(kind)
    found = _first(folders, (OPTIONS_NAME,))
    if found is not None:
        options = read_options(found, kind, document, options)
    return WordFiles(
        options=options,
        template=_first(folders, TEMPLATE_NAMES),
        logo=_first(folders, LOGO_NAMES),
    )
