"""``helsefellesskap site [TARGET…] -o DIR``: the static site of one, several or all
installed partnerships."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import UsageError
from ..messages import message
from ..model import Bundle
from .words import counted

__all__ = ["SITE", "add_site_arguments", "chosen_formats", "output_folder"]


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """The options ``site`` and ``serve`` share: download formats and languages."""
    parser.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help=message("help.site_formats"),
    )
    parser.add_argument(
        "-l",
        "--lang",
        action="append",
        dest="languages",
        metavar="LANG",
        help=message("help.site_languages"),
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="TARGET",
        help=message("help.partnership_target"),
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help=message("help.site.output")
    )
    add_site_arguments(parser)


def chosen_formats(raw: list[str] | None, default: list[str] | None) -> list[str] | None:
    """The download formats asked for (``None``: every installed format)."""
    names = [part.strip() for item in raw or [] for part in item.split(",") if part.strip()]
    if not names:
        return default
    if "all" in names:
        return None
    return list(dict.fromkeys(names))


def output_folder(raw: str, bundles: list[Bundle]) -> Path:
    """The site's folder: not a file, not inside a partnership's source folder, and new,
    empty or a site written before (its files are replaced, nothing else is touched)."""
    from ..site.build import MARKER

    output = Path(raw)
    if output.exists() and not output.is_dir():
        raise UsageError(message("cli.site.into_file", output=output))
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise UsageError(message("cli.site.not_empty", output=output, marker=MARKER))
    for parent in output.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(message("cli.render.below_file", path=output, parent=parent))
            break
    resolved = output.resolve()
    for bundle in bundles:
        if bundle.root is None:
            continue
        root = bundle.root.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(
                message(
                    "cli.site.in_source", output=output, id=bundle.partnership.id, root=bundle.root
                )
            )
    return output


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    from ..site import build_site
    from ..targets import resolve_target

    manager = context.manager
    targets = list(args.targets) or sorted(manager.partnerships())
    if not targets:
        raise UsageError(message("cli.site.no_partnership"))
    bundles = []
    for target in targets:
        resolved = resolve_target(target, manager)
        if resolved.document is not None:
            raise UsageError(message("cli.site.document", target=target))
        bundles.append(resolved.bundle)
    ids = [b.partnership.id for b in bundles]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError(message("cli.site.twice", ids=", ".join(twice)))
    output = output_folder(args.output, bundles)
    languages = list(dict.fromkeys(args.languages or ["nb", "nn", "en"]))
    result = build_site(
        bundles,
        output,
        languages=languages,
        formats=chosen_formats(args.formats, None),
        manager=manager,
    )
    for failure in result.failures:
        print(message("cli.error", text=failure), file=context.stderr)
    wrote = counted("cli.site.wrote", len(bundles), output=output, index=result.index)
    print(wrote, file=context.stdout)
    return 2 if result.failures else 0


SITE = Command(
    name="site",
    help="write a static site of partnerships: every document in every language and "
    "format, with search",
    add_arguments=_add_arguments,
    run=_run,
)
