"""Install the fixture distributions for real: pack a wheel, ``pip install --target`` it.

Packing the wheel here (a zip with the package files and a ``.dist-info``) avoids a build
backend and the network; installing it with pip produces the same ``.dist-info`` with
``entry_points.txt`` that an installed plugin has, so the plugin manager finds the
plugins through ``importlib.metadata`` exactly as it finds any other.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent

_INSTALLED: dict[tuple[str, ...], Path] = {}


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(project: Path, out_dir: Path) -> Path:
    """Pack the project at ``project`` (src layout, PEP 621 metadata) into a wheel."""
    meta = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))["project"]
    name, version = meta["name"], meta["version"]
    stem = f"{name.replace('-', '_')}-{version}"
    dist_info = f"{stem}.dist-info"
    files: dict[str, bytes] = {}
    for path in sorted((project / "src").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[path.relative_to(project / "src").as_posix()] = path.read_bytes()
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {dep}\n" for dep in meta.get("dependencies", []))
    files[f"{dist_info}/METADATA"] = metadata.encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: tests/plugin_fixtures/sites.py\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n"
    )
    groups = meta.get("entry-points", {})
    entry_points = "".join(
        f"[{group}]\n" + "".join(f"{key} = {value}\n" for key, value in points.items()) + "\n"
        for group, points in groups.items()
    )
    files[f"{dist_info}/entry_points.txt"] = entry_points.encode()
    record = [_record_line(n, d) for n, d in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out_dir / f"{stem}-py3-none-any.whl"
    out_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for file_name, data in files.items():
            archive.writestr(file_name, data)
    return wheel


def install(names: list[str], target: Path, *, root: Path = FIXTURES, cache: bool = True) -> Path:
    """Install the projects ``names`` (folders of ``root``) into ``target`` with pip.

    With ``cache``, the projects are installed once per test session: a second call with
    the same names returns the first target.
    """
    key = (str(root), *names)
    if cache and key in _INSTALLED and _INSTALLED[key].is_dir():
        return _INSTALLED[key]
    wheel_dir = target.parent / f"{target.name}-wheels"
    wheels = [build_wheel(root / name, wheel_dir) for name in names]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-compile",
            "--disable-pip-version-check",
            "--target",
            str(target),
            *map(str, wheels),
        ],
        check=True,
        capture_output=True,
    )
    _INSTALLED[key] = target
    return target


def write_project(
    root: Path, name: str, entry_points: dict[str, str], modules: dict[str, str]
) -> Path:
    """Write a small plugin project (``pyproject.toml`` and ``src/`` modules) in ``root/name``."""
    project = root / name
    (project / "src").mkdir(parents=True, exist_ok=True)
    points = "".join(f'{key} = "{value}"\n' for key, value in entry_points.items())
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "{name}"\nversion = "0.1"\n\n'
        f"[project.entry-points.helsefellesskap]\n{points}",
        encoding="utf-8",
    )
    for module, text in modules.items():
        (project / "src" / f"{module}.py").write_text(text, encoding="utf-8")
    return project
