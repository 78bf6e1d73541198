"""Names a package exports without importing their modules until first used (PEP 562).

Start-up stays light when a package's ``__init__`` names its public objects but imports none
of them (issue 11 §3). Each such package declares which module holds each name and lets
:class:`LazyExports` answer ``__getattr__`` and ``__dir__``::

    _EXPORTS = {"render": ".api", "LabelCatalogue": ".catalogue"}
    _lazy = LazyExports(__name__, _EXPORTS)
    __getattr__ = _lazy.attribute
    __dir__ = _lazy.names
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from typing import Any

__all__ = ["LazyExports"]


class LazyExports:
    """The lazily imported names of the package ``package``: ``exports`` maps a name to
    the module (relative to the package) that defines it. With ``subpackages``, any other
    public name that is a subpackage or module of the package is imported on first use too.
    """

    def __init__(
        self, package: str, exports: Mapping[str, str], *, subpackages: bool = False
    ) -> None:
        self.package = package
        self.exports = exports
        self.subpackages = subpackages

    def attribute(self, name: str) -> Any:
        """The object ``name``, imported from its module and kept in the package's
        namespace so the next access costs nothing; :class:`AttributeError` if the package
        has no such name."""
        module = self.exports.get(name)
        if module is None:
            if self.subpackages and not name.startswith("_"):
                from importlib.util import find_spec

                if find_spec(f"{self.package}.{name}") is not None:
                    return importlib.import_module(f".{name}", self.package)
            raise AttributeError(f"module {self.package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, self.package), name)
        vars(sys.modules[self.package])[name] = value
        return value

    def names(self) -> list[str]:
        """The package's names, the lazy ones included, for ``dir()`` and completion."""
        return sorted({*vars(sys.modules[self.package]), *self.exports})
