"""``helsefellesskap site [TARGET…] -o DIR``: the static site of one, several or all
installed partnerships."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import UsageError
from ..messages import message
from ..model import Bundle

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
        raise UsageError(f"{output} is a file: the site is written into a folder (-o DIR)")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise UsageError(
            f"{output} is not empty and holds no site written before (no {MARKER}): "
            "name a new or empty folder, so that no file of yours is overwritten"
        )
    for parent in output.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"cannot write {output}: {parent} is a file, not a folder")
            break
    resolved = output.resolve()
    for bundle in bundles:
        if bundle.root is None:
            continue
        root = bundle.root.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(
                f"{output} lies in the source folder of {bundle.partnership.id} "
                f"({bundle.root}): write the site elsewhere (e.g. -o build/site)"
            )
    return output


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    from ..site import build_site
    from ..targets import resolve_target

    manager = context.manager
    targets = list(args.targets) or sorted(manager.partnerships())
    if not targets:
        raise UsageError("no partnership is installed: name a partnership folder")
    bundles = []
    for target in targets:
        resolved = resolve_target(target, manager)
        if resolved.document is not None:
            raise UsageError(
                f"{target} is a document: the site is made of whole partnerships "
                "(name the partnership's folder or id)"
            )
        bundles.append(resolved.bundle)
    ids = [b.partnership.id for b in bundles]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError(f"the partnership {', '.join(twice)} is named twice")
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
        print(f"error: {failure}", file=context.stderr)
    print(
        f"wrote the site of {len(bundles)} partnership{'s' if len(bundles) != 1 else ''} "
        f"to {output}: open {result.index} in a browser",
        file=context.stdout,
    )
    return 2 if result.failures else 0


SITE = Command(
    name="site",
    help="write a static site of partnerships: every document in every language and "
    "format, with search",
    add_arguments=_add_arguments,
    run=_run,
)
