"""A template plugin for helsefellesskap: copy it to adopt the library.

The hooks are in :mod:`helsefellesskap_template.plugin`, the module the entry point in
``pyproject.toml`` names. Everything here that concerns one partnership is limited to
:data:`PARTNERSHIP_ID`, so installing the plugin changes nothing for others.
"""

from __future__ import annotations

__all__ = ["PARTNERSHIP_ID", "__version__"]

__version__ = "0.1.0"

PARTNERSHIP_ID = "malby"
"""The id of the invented partnership this plugin ships."""
