"""``helsefellesskap plugins`` and ``helsefellesskap list``: what is installed.

``plugins`` shows each plugin with its distribution and version, the hooks it implements
and what it contributes, then the disabled plugins and every failure. ``list`` shows the
partnerships the plugins ship with their documents. Both take ``--format json``.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..command import Command, CommandContext
from ..errors import DataError, HelsefellesskapError
from ..messages import message
from .listing import contributions

__all__ = ["LIST", "PLUGINS", "list_data", "plugins_data"]


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=message("help.plugins.format"),
    )


def _add_plugins_arguments(parser: argparse.ArgumentParser) -> None:
    _add_format(parser)
    parser.add_argument(
        "--traceback",
        action="store_true",
        help=message("help.plugins.traceback"),
    )


def plugins_data(context: CommandContext) -> dict[str, Any]:
    """What ``helsefellesskap plugins --format json`` prints, as a dictionary."""
    manager = context.manager
    manager.collect()
    plugins = [
        {
            "name": info.name,
            "module": info.module,
            "distribution": info.distribution,
            "version": info.version,
            "entry_point": info.entry_point,
            "builtin": info.builtin,
            "hooks": list(info.hooks),
            "contributes": contributions(manager, info.name),
        }
        for info in manager.plugins()
    ]
    return {
        "plugins": plugins,
        "disabled": sorted(set(manager.skipped)),
        "disabled_not_found": manager.unmatched_disabled(),
        "failures": [
            {"plugin": f.plugin, "hook": f.hook, "message": f.message, "traceback": f.traceback}
            for f in manager.failures
        ],
    }


def _origin(plugin: dict[str, Any]) -> str:
    if plugin["builtin"]:
        return message("cli.plugins.builtin")
    if plugin["distribution"]:
        return f"{plugin['distribution']} {plugin['version']}"
    return message("cli.plugins.by_hand", module=plugin["module"])


def _format_scope(name: str, context: CommandContext) -> str:
    """A format's name, and the partnerships it serves when it does not serve all."""
    only = context.manager.render_formats()[name].partnerships
    return message("cli.plugins.only_for", name=name, ids=", ".join(only)) if only else name


def _category(name: str) -> str:
    """A category of contributions in the language of messages (``regler``); a category
    without a message (a plugin's own), as it is named."""
    try:  # reads the one area file, not every catalogue of English
        return message(f"cli.plugins.category.{name}")
    except KeyError:
        return name


def _run_plugins(args: argparse.Namespace, context: CommandContext) -> int:
    data = plugins_data(context)
    out = context.stdout
    if args.format == "json":
        import json  # here: the text answer does not need it

        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    for plugin in data["plugins"]:
        print(f"{plugin['name']} ({_origin(plugin)})", file=out)
        hooks = ", ".join(plugin["hooks"]) or message("cli.none")
        print("  " + message("cli.plugins.hooks", names=hooks), file=out)
        for category, names in plugin["contributes"].items():
            if category == "formats":
                names = [_format_scope(name, context) for name in names]
            print(f"  {_category(category)}: {', '.join(names)}", file=out)
    if data["disabled"]:
        print(message("cli.plugins.disabled", names=", ".join(data["disabled"])), file=out)
    if data["disabled_not_found"]:
        names = ", ".join(data["disabled_not_found"])
        print(message("cli.plugins.not_found", names=names), file=out)
    if data["failures"]:
        print(message("cli.plugins.failures", count=len(data["failures"])), file=out)
        for failure in context.manager.failures:
            print(f"  {failure}", file=out)
            if args.traceback and failure.traceback:
                for line in failure.traceback.splitlines():
                    print(f"    {line}", file=out)
    return 0


def list_data(context: CommandContext, ids: list[str] | None = None) -> dict[str, Any]:
    """What ``helsefellesskap list --format json`` prints, as a dictionary.

    A partnership that cannot be loaded is listed with an ``error`` instead of documents.
    """
    manager = context.manager
    sources = manager.partnerships()
    wanted = ids or sorted(sources)
    entries: list[dict[str, Any]] = []
    for partnership_id in wanted:
        source = sources.get(partnership_id)
        entry: dict[str, Any] = {"id": partnership_id}
        if source is None:
            known = ", ".join(sorted(sources)) or message("cli.none")
            entry["error"] = message("cli.list.no_such", id=repr(partnership_id), known=known)
            entries.append(entry)
            continue
        entry.update(
            name=source.name,
            plugin=manager.owner("hf_partnerships", partnership_id),
            path=str(source.path),
        )
        try:
            bundle = manager.load_partnership(partnership_id)
        except DataError as error:
            entry["error"] = "\n".join(str(p) for p in error.problems)
        except HelsefellesskapError as error:
            entry["error"] = str(error)
        else:
            entry["documents"] = [
                {"id": d.id, "kind": d.KIND, "title": d.title} for d in bundle.documents
            ]
        entries.append(entry)
    return {"partnerships": entries}


def _add_list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="*", metavar="PARTNERSHIP", help=message("help.list.ids"))
    _add_format(parser)


def _run_list(args: argparse.Namespace, context: CommandContext) -> int:
    data = list_data(context, list(args.ids))
    out = context.stdout
    failed = any("error" in entry for entry in data["partnerships"])
    if args.format == "json":
        import json  # here: the text answer does not need it

        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 2 if failed else 0
    if not data["partnerships"]:
        print(message("cli.list.none"), file=out)
    for entry in data["partnerships"]:
        if "name" in entry:
            plugin = entry["plugin"]
            line = message("cli.list.entry", id=entry["id"], name=entry["name"], plugin=plugin)
            print(line, file=out)
        if "error" in entry:
            text = f"{entry['id']}: {entry['error']}"
            print(message("cli.error", text=text), file=context.stderr)
            continue
        documents = entry["documents"]
        if not documents:
            print("  " + message("cli.list.no_documents"), file=out)
        width = max((len(d["kind"]) for d in documents), default=0)
        id_width = max((len(d["id"]) for d in documents), default=0)
        for document in documents:
            print(
                f"  {document['kind']:<{width}}  {document['id']:<{id_width}}  {document['title']}",
                file=out,
            )
    return 2 if failed else 0


PLUGINS = Command(
    name="plugins",
    help="list the plugins: distribution, version, hooks, contributions and failures",
    add_arguments=_add_plugins_arguments,
    run=_run_plugins,
)
"""The ``plugins`` subcommand."""

LIST = Command(
    name="list",
    help="list the partnerships the plugins ship, with their documents",
    add_arguments=_add_list_arguments,
    run=_run_list,
)
"""The ``list`` subcommand."""
