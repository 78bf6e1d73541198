"""The plugin template is installed for the tests only, never into the user's environment.

``make`` does not install ``examples/plugin-template`` into ``.venv``, so that its invented
partnership *Malby* and its ``template-count`` command do not show up in the user's own
``helsefellesskap``. Its tests, and the core's tests of a real installed plugin, need it
installed: this conftest (loaded before any test is collected) installs it for real with
``pip install --target`` into a temporary folder and puts that folder on the path of the
test session and of the commands it starts (``PYTHONPATH``), as the plugin fixtures are.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TEMPLATE = ROOT / "examples" / "plugin-template"

_site: Path | None = None

# The tests that assert English messages must not follow the machine's locale (a
# Norwegian desktop has LANG=nb_NO.UTF-8): messages are English in every test and in the
# commands they start, unless a test chooses a language itself.
os.environ["HELSEFELLESSKAP_LANG"] = "en"

# The caches of the test session (installed plugins' entry points, compiled code and
# templates) go to a folder of its own, removed at its end, not the user's cache folder:
# the tests' temporary plugin sites would otherwise fill the user's with paths that are
# gone. A test of the caches sets its own folder.
_CACHE = Path(tempfile.mkdtemp(prefix="hf-test-cache-"))  # only the user can write it
os.environ["HELSEFELLESSKAP_CACHE_DIR"] = str(_CACHE)
# Removed at exit, after the code cache writes what the session compiled (its own exit
# handler, registered later, runs first).
atexit.register(shutil.rmtree, _CACHE, True)


def _install_template() -> None:
    global _site
    if importlib.util.find_spec("helsefellesskap_template") is not None:
        return  # installed already (pip install -e examples/plugin-template)
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from plugin_sites import sites  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    work = Path(tempfile.mkdtemp(prefix="hf-template-"))
    # A clean copy: no egg-info left by an earlier editable install gets into the wheel.
    shutil.copytree(
        TEMPLATE,
        work / "projects" / TEMPLATE.name,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".*"),
    )
    _site = work / "site"
    sites.install([TEMPLATE.name], _site, root=work / "projects", cache=False)
    sys.path.insert(0, str(_site))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(_site), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    importlib.invalidate_caches()


def pytest_unconfigure() -> None:
    """Remove the temporary installation."""
    if _site is not None:
        shutil.rmtree(_site.parent, ignore_errors=True)  # the work folder


_install_template()
