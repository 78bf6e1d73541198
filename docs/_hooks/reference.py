"""MkDocs hook: the reference pages, generated from the code at every build.

The data-format reference is written from the JSON Schemas (themselves generated from
the model), the CLI reference from the command line's parser, the hook reference from
``hookspecs.py``, the rule reference from the built-in rules and the API reference from
the packages' ``__all__``: none of them is kept by hand, so none can drift.

Each page is also a function here, so ``python docs/_hooks/reference.py DIR`` writes them
to DIR for a look without MkDocs; ``--api-names`` prints the public names for the snapshot
``tests/api_names.txt``.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

API_MODULES = (
    "helsefellesskap",
    "helsefellesskap.model",
    "helsefellesskap.io",
    "helsefellesskap.validate",
    "helsefellesskap.render",
    "helsefellesskap.outline",
    "helsefellesskap.followup",
    "helsefellesskap.importing",
    "helsefellesskap.outline",
    "helsefellesskap.plugins",
    "helsefellesskap.schema",
    "helsefellesskap.scaffold",
    "helsefellesskap.shapes",
    "helsefellesskap.site",
    "helsefellesskap.testing",
    "helsefellesskap.command",
    "helsefellesskap.errors",
)
"""The modules whose ``__all__`` is the public API (the snapshot test guards them)."""


def _core_manager() -> Any:
    from helsefellesskap import PluginManager

    return PluginManager(entry_points=False, use_env=False)


# --- data format ---------------------------------------------------------------------


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "const" in schema:
        return f'`"{schema["const"]}"`'
    kind = schema.get("type")
    if kind == "array":
        return "list of " + _type_of(schema.get("items", {}))
    if kind == "object" and "additionalProperties" in schema:
        return "table of " + _type_of(schema["additionalProperties"])
    if kind == "string" and schema.get("pattern", "").startswith("^[a-z0-9]"):
        return "id"
    if kind == "string" and schema.get("pattern") == r"^\d{4}-\d{2}-\d{2}$":
        return "date"
    return {"string": "text", "integer": "whole number", "boolean": "true or false"}.get(
        str(kind), str(kind or "any")
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| key | type | required | default | meaning |", "|---|---|---|---|---|"]
    for key, prop in schema.get("properties", {}).items():
        default = f"`{prop['default']}`" if "default" in prop else ""
        lines.append(
            f"| `{key}` | {_type_of(prop)} | {'yes' if key in required else ''} | "
            f"{_cell(default)} | {_cell(prop.get('description', ''))} |"
        )
    return lines


def data_format_page() -> str:
    """Every file's keys, generated from the JSON Schemas of the model."""
    from helsefellesskap.schema import schemas

    lines = [
        "# Data format reference",
        "",
        "Generated from the model at every build: every key of every file, its type, whether",
        "it is required, its default and what it means. The guide with examples is",
        "[the data format](../data-format.md); the same rules are in the JSON Schemas",
        "(`helsefellesskap schema -o schemas`) that editors use.",
        "",
    ]
    shared: dict[str, dict[str, Any]] = {}
    for name, schema in schemas().items():
        file = "`partnership.toml`" if name == "partnership" else f'`kind = "{name}"`'
        if name == "national":
            file = "the national frame shipped with the library (`data/national.toml`)"
        lines += [f"## {schema['title']}", "", f"File: {file}.", "", schema["description"], ""]
        lines += [*_table(schema), ""]
        shared.update(schema.get("$defs", {}))
    lines += ["## Parts", "", "The tables and values the files above are made of.", ""]
    for name, part in sorted(shared.items()):
        lines += [f"### {name}", "", part.get("description", ""), ""]
        if "properties" in part:
            lines += [*_table(part), ""]
        elif "enum" in part:
            lines += ["Values: " + ", ".join(f"`{v}`" for v in part["enum"]), ""]
        elif "oneOf" in part:
            lines += [f"- {form['title']}" for form in part["oneOf"]] + [""]
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------


def cli_page() -> str:
    """Every command's ``--help``, from the parser itself."""
    from helsefellesskap.cli.completion import full_parser

    parser = full_parser(_core_manager())
    lines = [
        "# Command-line reference",
        "",
        "Generated from the command's own parser: what `helsefellesskap COMMAND --help`",
        "prints for each built-in command. Plugins add commands of their own",
        "(`helsefellesskap plugins` lists them).",
        "",
        "```",
        parser.format_help().rstrip(),
        "```",
        "",
    ]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in sorted(subparsers.choices.items()):
        lines += [f"## {name}", "", "```", sub.format_help().rstrip(), "```", ""]
    lines += [
        "## Language of messages",
        "",
        "Every message of the command line (help, argparse's usage errors, the commands'",
        "errors, warnings and reports such as `status`, `diff` and `coverage`) is in",
        "bokmål (`nb`), nynorsk (`nn`) or English (`en`). The language is chosen before the",
        "arguments are parsed, first found wins:",
        "",
        "1. `-l/--lang LANG` anywhere on the command line: `helsefellesskap -l nn check DIR`,",
        "   or a command's own `--lang` (`render … --lang nn` renders in nynorsk and says so in",
        "   nynorsk);",
        "2. the environment variable `HELSEFELLESSKAP_LANG` (`nb`, `nn` or `en`);",
        "3. the locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (`nb_NO.UTF-8` and `no_NO`",
        "   are bokmål, `nn_NO` nynorsk, any other language English);",
        "4. English.",
        "",
        "`helsefellesskap rules` words the rules' texts by the same choice. In bokmål and",
        "nynorsk, names from the data and code (ids, options, file names, command names) stay",
        "as written, in quotes or backticks; statuses and deadlines are written as words and",
        "days (`påbegynt`, `frist 30.06.2025`). JSON output (`--format json`) is the same in",
        "every language. A plugin's own commands keep their own help texts. The reference",
        "above is the English help.",
        "",
    ]
    return "\n".join(lines)


# --- hooks and rules ----------------------------------------------------------------


def _docstring_markdown(doc: str) -> str:
    """A reStructuredText docstring as Markdown: ``::`` blocks become code blocks."""
    out: list[str] = []
    for line in inspect.cleandoc(doc).splitlines():
        line = re.sub(r":(?:class|func|meth|mod|data|attr):`~?(?:[\w.]+\.)?(\w+)`", r"`\1`", line)
        line = re.sub(
            r"^:(param|return|raises)( \w+)?:", lambda m: f"**{m[1]}{m[2] or ''}**:", line
        )
        out.append(line[:-1] if line.endswith("::") else line)
    return "\n".join(out).replace("``", "`")


def hooks_page() -> str:
    """Every hook, with its signature and its documentation."""
    from helsefellesskap import hookspecs

    lines = [
        "# Hook reference",
        "",
        "Generated from `helsefellesskap/hookspecs.py`. How to write a plugin, with examples,",
        "is in [the plugin guide](../plugins.md).",
        "",
    ]
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction):
        if not name.startswith("hf_"):
            continue
        signature = inspect.signature(function)
        lines += [
            f"## {name}",
            "",
            "```python",
            f"def {name}{signature}",
            "```",
            "",
            _docstring_markdown(function.__doc__ or ""),
            "",
        ]
    return "\n".join(lines)


def rules_page() -> str:
    """Every built-in validation rule: code, severity, title, why, and the fix."""
    manager = _core_manager()
    lines = [
        "# Rule reference",
        "",
        "Generated from the built-in rules. Why each exists and how to fix a finding, with",
        "examples, is in [the validation rules](../rules.md); plugins add rules of their own.",
        "",
        "| code | severity | rule | fix |",
        "|---|---|---|---|",
    ]
    for code, rule in sorted(manager.rules().items()):
        lines.append(
            f"| `{code}` | {rule.severity.value} | {_cell(rule.title)} | {_cell(rule.fix)} |"
        )
    return "\n".join(lines) + "\n"


# --- API -----------------------------------------------------------------------------


def api_names() -> list[str]:
    """``module:name`` for every public name: what the API snapshot test compares."""
    names = []
    for module_name in API_MODULES:
        module = importlib.import_module(module_name)
        names += [f"{module_name}:{name}" for name in getattr(module, "__all__", [])]
    return sorted(names)


def _summary(item: object) -> str:
    doc = inspect.getdoc(item) if not isinstance(item, (str, int, tuple, frozenset)) else None
    return _cell(doc.split("\n\n")[0]) if doc else ""


def api_page() -> str:
    """The public API: each module's ``__all__``, with the first paragraph of each docstring."""
    lines = [
        "# API reference",
        "",
        "Generated from the packages' `__all__`: this is the public API. A name removed from",
        "it fails a test (`tests/api_names.txt`), so that nothing disappears by accident.",
        "",
    ]
    for module_name in API_MODULES:
        module = importlib.import_module(module_name)
        lines += [f"## `{module_name}`", "", _summary(module), ""]
        lines += ["| name | what it is |", "|---|---|"]
        for name in getattr(module, "__all__", []):
            item = getattr(module, name)
            lines.append(f"| `{name}` | {_summary(item)} |")
        lines.append("")
    return "\n".join(lines)


PAGES: dict[str, Callable[[], str]] = {
    "reference/data-format.md": data_format_page,
    "reference/cli.md": cli_page,
    "reference/hooks.md": hooks_page,
    "reference/rules.md": rules_page,
    "reference/api.md": api_page,
}
"""The generated pages by their place in the site."""


def on_files(files: Any, config: Any) -> Any:
    """MkDocs event: add the generated pages to the site's files."""
    from mkdocs.structure.files import File

    for uri, make in PAGES.items():
        files.append(File.generated(config, uri, content=make()))
    return files


if __name__ == "__main__":
    if sys.argv[1:] == ["--api-names"]:  # the snapshot: ... --api-names > tests/api_names.txt
        print("\n".join(api_names()))
        sys.exit(0)
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/reference")
    for uri, make in PAGES.items():
        path = target / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), "utf-8")
        print(f"wrote {path}")
