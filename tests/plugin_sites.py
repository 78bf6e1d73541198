"""The fixture plugin distributions in ``tests/plugin_fixtures``, built and installed for tests.

``sites.py`` there is loaded once under a fixed module name, so that every test module
shares one copy (and one cache of built wheels).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["sites"]

_NAME = "helsefellesskap_test_plugin_sites"


def _load_sites() -> ModuleType:
    if _NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            _NAME, Path(__file__).parent / "plugin_fixtures" / "sites.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[_NAME]


sites = _load_sites()
