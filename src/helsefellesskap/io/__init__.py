"""Reading and writing the model: TOML and JSON, files and partnership folders.

Each name is imported from its module on first use (PEP 562), so that a part that needs
one module (the label catalogues read TOML with :mod:`.text`) does not import the
converter, cattrs and the whole model with it (issue 11 §3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import LazyExports

if TYPE_CHECKING:
    from .converter import json_converter, make_converter, toml_converter
    from .documents import (
        document_types_by_kind,
        dumps_json,
        dumps_toml,
        loads_json,
        structure,
        structure_document,
        unstructure,
    )
    from .folder import (
        PARTNERSHIP_FILE,
        find_partnership_root,
        load,
        load_bundle,
        load_document,
        load_partnership,
        save,
        save_bundle,
    )
    from .memory import (
        load_bundle_from_files,
        load_bundle_from_zip,
        loads,
        loads_partnership,
    )
    from .positions import PositionIndex, locate
    from .text import parse_toml, read_text, read_toml, toml_reader, write_atomic

__all__ = [
    "PARTNERSHIP_FILE",
    "PositionIndex",
    "document_types_by_kind",
    "dumps_json",
    "dumps_toml",
    "find_partnership_root",
    "json_converter",
    "load",
    "load_bundle",
    "load_bundle_from_files",
    "load_bundle_from_zip",
    "load_document",
    "load_partnership",
    "loads",
    "loads_json",
    "loads_partnership",
    "locate",
    "make_converter",
    "parse_toml",
    "read_text",
    "read_toml",
    "save",
    "save_bundle",
    "structure",
    "structure_document",
    "toml_converter",
    "toml_reader",
    "unstructure",
    "write_atomic",
]

_EXPORTS = {
    **dict.fromkeys(("json_converter", "make_converter", "toml_converter"), ".converter"),
    **dict.fromkeys(
        (
            "document_types_by_kind",
            "dumps_json",
            "dumps_toml",
            "loads_json",
            "structure",
            "structure_document",
            "unstructure",
        ),
        ".documents",
    ),
    **dict.fromkeys(
        (
            "PARTNERSHIP_FILE",
            "find_partnership_root",
            "load",
            "load_bundle",
            "load_document",
            "load_partnership",
            "save",
            "save_bundle",
        ),
        ".folder",
    ),
    **dict.fromkeys(
        ("load_bundle_from_files", "load_bundle_from_zip", "loads", "loads_partnership"),
        ".memory",
    ),
    **dict.fromkeys(("PositionIndex", "locate"), ".positions"),
    **dict.fromkeys(
        ("parse_toml", "read_text", "read_toml", "toml_reader", "write_atomic"), ".text"
    ),
}
"""The module of each public name."""

_lazy = LazyExports(__name__, _EXPORTS)
__getattr__ = _lazy.attribute
__dir__ = _lazy.names
