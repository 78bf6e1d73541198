"""What ``import helsefellesskap`` costs: no command line, no argparse."""

from __future__ import annotations

import subprocess
import sys


def _imported_modules(statement: str) -> list[str]:
    """The modules ``python -X importtime -c statement`` reports importing."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    names = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.append(line.rsplit("|", 1)[1].strip())
    return names


def test_import_does_not_load_the_command_line_or_argparse() -> None:
    names = _imported_modules("import helsefellesskap")
    assert "helsefellesskap" in names  # the measurement itself works
    unwanted = [n for n in names if n == "argparse" or n.startswith("helsefellesskap.cli")]
    assert unwanted == []


def test_command_is_importable_without_the_command_line() -> None:
    names = _imported_modules("from helsefellesskap.command import Command, CommandContext")
    assert "helsefellesskap.command" in names
    assert not [n for n in names if n == "argparse" or n.startswith("helsefellesskap.cli")]


def _module_imports() -> dict[str, set[str]]:
    """Each ``helsefellesskap`` module and the package modules it imports at module level.

    Imports under ``if TYPE_CHECKING:`` and inside functions are left out: they do not run
    when the module is imported. ``from package import name`` counts as importing the
    submodule ``package.name`` when there is one, else ``package``.
    """
    import ast
    from pathlib import Path

    import helsefellesskap

    root = Path(helsefellesskap.__file__).parent
    modules: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path

    def type_checking(node: ast.If) -> bool:
        test = node.test
        return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )

    def module_level(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
        found: list[ast.Import | ast.ImportFrom] = []
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(node)
            elif isinstance(node, ast.If):
                if not type_checking(node):
                    found.extend(module_level(node.body))
                found.extend(module_level(node.orelse))
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody):
                    found.extend(module_level(block))
                for handler in node.handlers:
                    found.extend(module_level(handler.body))
        return found

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in module_level(ast.parse(path.read_text("utf-8")).body):
            if isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names if alias.name in modules)
                continue
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:
                    edges.add(f"{source}.{alias.name}")
                elif source in modules:
                    edges.add(source)
        edges.discard(name)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_among_the_package_modules() -> None:
    graph = _module_imports()
    assert "helsefellesskap.plugins.manager" in graph  # the walk found the package
    assert "helsefellesskap.plugins.registries" in graph["helsefellesskap.plugins.manager"]
    assert _cycles(graph) == []


def test_import_loads_no_submodule_until_a_name_is_used() -> None:
    names = _imported_modules("import helsefellesskap")
    ours = sorted(n for n in names if n.startswith("helsefellesskap"))
    assert ours == ["helsefellesskap", "helsefellesskap._lazy", "helsefellesskap._version"]
    assert not {"cattrs", "jinja2", "pluggy", "attrs"} & set(names)


def test_every_public_name_resolves() -> None:
    import helsefellesskap

    missing = [name for name in helsefellesskap.__all__ if not hasattr(helsefellesskap, name)]
    assert missing == []
    namespace: dict[str, object] = {}
    exec("from helsefellesskap import *", namespace)
    assert set(helsefellesskap.__all__) <= set(namespace)
    assert "render" in dir(helsefellesskap) or hasattr(helsefellesskap, "render")


def test_a_command_imports_only_its_own_code() -> None:
    import json
    import os
    from pathlib import Path

    small = Path(__file__).resolve().parents[1] / "examples" / "eksempel" / "partnership.toml"
    statement = (
        "import io, json, sys; from helsefellesskap.cli import main; "
        f"code = main(['check', {str(small)!r}], stdout=io.StringIO()); "
        "print(json.dumps([code, sorted(sys.modules)]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", statement],
        capture_output=True,
        text=True,
        env={**os.environ, "HELSEFELLESSKAP_NO_ENTRY_POINTS": "1"},
    )
    code, names = json.loads(done.stdout)
    assert code == 0, done.stderr[-2000:]
    assert "helsefellesskap.cli.check" in names
    others = {"cli.render", "cli.diff", "cli.validate", "render.html", "render.markdown"}
    assert not {f"helsefellesskap.{name}" for name in others} & set(names)
    assert "jinja2" not in names


def test_the_lazy_built_in_commands_say_what_their_code_says() -> None:
    import importlib

    from helsefellesskap.builtin.commands import BUILTIN_COMMANDS

    for name, help_text, target in BUILTIN_COMMANDS:
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert (command.name, command.help) == (name, help_text)


def test_lazy_command_refuses_a_malformed_target() -> None:
    import pytest

    from helsefellesskap.command import lazy_command

    with pytest.raises(ValueError, match=r"is not 'package\.module:ATTRIBUTE'"):
        lazy_command("x", "y", "no_colon_here")
